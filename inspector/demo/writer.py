"""Bulk insert of generated rows: all or nothing, holding the write lock only for a short copy.

The rows go into a staging copy of the database first (Core executemany, no lock on the real
database), and the copy's new rows are then applied in one short transaction
(inspector.db.staging): a person editing in the same folder waits for the copy, not the insert.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.db.database import Database
from inspector.db.models import Base, Meta
from inspector.db.staging import Staging, refused

from .generator import DemoRows

ORDER = (
    "enterprises",
    "inspectors",
    "templates",
    "photos",
    "inspections",
    "inspection_inspectors",
    "answers",
    "hazards",
    "hazard_events",
    "hazard_event_photos",
    "plaques",
    "lights",
    "trainings",
    "training_photos",
)
CHUNK = 20_000


def write_rows(
    db: Database, rows: DemoRows, meta: dict[str, str] | None = None, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    if db.path is None:  # no file to stage beside: one transaction, as long as it takes
        with db.transaction() as session:
            counts = insert_rows(session, rows, progress)
            _write_meta(session, meta)
        return counts
    with Staging(db) as staging:
        with staging.session() as session:
            counts = insert_rows(session, rows, progress)
        try:
            staging.apply(after=lambda live: _write_meta(live, meta))
        except IntegrityError as error:
            raise refused(error, "演示数据") from None
    return counts


def insert_rows(session: Session, rows: DemoRows, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in ORDER:
        table = Base.metadata.tables[name]
        data: list[dict[str, Any]] = rows.tables.get(name, [])
        for start in range(0, len(data), CHUNK):
            session.execute(insert(table), data[start : start + CHUNK])
        counts[name] = len(data)
        if progress:
            progress(name, len(data))
    return counts


def _write_meta(session: Session, meta: dict[str, str] | None) -> None:
    for key, value in (meta or {}).items():
        session.merge(Meta(key=key, value=value))
