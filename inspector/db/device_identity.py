"""A restored copy of a data folder becomes a new device.

Two laptops set up from one backup would otherwise share a device id: rule 2 of the merge
(inspector/sync/engine.py) treats versions of one device as a sequence, so two edits of the
same field on the two laptops would not be a conflict and one would vanish. They would also
number notices and plaques with the same device prefix, and sign bundles with the same key.

`become_new_device` gives the restored database a new device id and forgets what belonged to
the old one: the notice/plaque serial prefix (derived again from the new id), the bundle
numbers sent to each peer (the peers count the new device's bundles from 1) and the key file
(a new one is made on first use; the old one is kept beside it, renamed). Peers must trust the
new key again before they import its bundles (`inspector sync trust`), as for any new laptop.
Rows keep the device id they were written with: they are the old device's versions.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

KEY_FILE = Path("keys") / "device.pem"  # inspector.sync.keys.KEY_FILE (sync is a layer above)
FORGOTTEN_META = ("notice_prefix",)
FORGOTTEN_META_PREFIXES = ("bundles_to:",)


def become_new_device(data_dir: Path, db_name: str, stamp: str) -> tuple[str | None, str]:
    """Give the database in `data_dir` a new device id; returns (old id, new id)."""
    new = uuid.uuid4().hex
    connection = sqlite3.connect(data_dir / db_name)
    try:
        with connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
            connection.execute("DELETE FROM meta WHERE key = 'device_id'")
            connection.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?)", (new,))
            for key in FORGOTTEN_META:
                connection.execute("DELETE FROM meta WHERE key = ?", (key,))
            for prefix in FORGOTTEN_META_PREFIXES:
                connection.execute("DELETE FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
    finally:
        connection.close()
    key = data_dir / KEY_FILE
    if key.exists():
        os.replace(key, key.with_name(f"{key.name}.before-restore-{stamp}"))
    return (row[0] if row else None), new
