"""A read-only look at a data folder's database with the standard library's sqlite3 alone.

Importing SQLAlchemy and the models costs a short command most of its run (≈ 0.2 s of a
0.25 s `inspector stats`); a read that needs neither may take this path. Only a database at
the migrations' head is read this way: one that is missing, older or newer goes through
`Database.open_folder`, which creates, upgrades (after a backup) or refuses it.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

DB_NAME = "inspector.db"
MIGRATIONS = Path(__file__).parent / "migrations"

_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*=\s*[\"']?([^\"'\s]+)[\"']?\s*$", re.MULTILINE)


def quick_head(script_location: Path = MIGRATIONS) -> str | None:
    """The head read straight from the `revision = …` / `down_revision = …` lines of the version
    files, without importing Alembic; None when that is not conclusive (then Alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (script_location / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"] != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def open_current(data_dir: Path) -> sqlite3.Connection | None:
    """The folder's database opened read-only when it exists and is at the head revision, else
    None. The caller closes the connection."""
    path = data_dir / DB_NAME
    head = quick_head()
    if head is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:  # not a database, or one without a revision: the full path says why
        connection.close()
        return None
    if rows != [(head,)]:
        connection.close()
        return None
    return connection
