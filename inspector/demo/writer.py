"""Bulk insert of generated rows: Core executemany in one transaction, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import insert

from inspector.db.database import Database
from inspector.db.models import Base, Meta

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
)
CHUNK = 20_000


def write_rows(
    db: Database, rows: DemoRows, meta: dict[str, str] | None = None, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    counts: dict[str, int] = {}
    with db.transaction() as session:
        for name in ORDER:
            table = Base.metadata.tables[name]
            data: list[dict[str, Any]] = rows.tables.get(name, [])
            for start in range(0, len(data), CHUNK):
                session.execute(insert(table), data[start : start + CHUNK])
            counts[name] = len(data)
            if progress:
                progress(name, len(data))
        for key, value in (meta or {}).items():
            session.merge(Meta(key=key, value=value))
    return counts
