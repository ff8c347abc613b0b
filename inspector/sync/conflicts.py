"""Conflicts a manager reviews: the losing versions of concurrent edits (inspector.sync.engine
rule 2), kept locally in `sync_conflicts`. `resolve(..., restore=False)` accepts the version
the merge kept; `restore=True` writes the lost version back as a new edit (a new clock value,
so it wins everywhere on the next sync)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.hlc import next_hlc
from inspector.db.ids import to_uuid
from inspector.db.models import Base, SyncConflictRow, utcnow

from .engine import META_COLUMNS


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    row_id: str
    kept_device: str
    lost_device: str
    lost_version: dict[str, Any]
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str


def _view(row: SyncConflictRow) -> Conflict:
    return Conflict(
        row.id.hex,
        row.table_name,
        row.row_id.hex,
        row.kept_device,
        row.lost_device,
        dict(row.lost_version),
        row.detected_at,
        row.resolved_at,
        row.resolution,
    )


class ConflictService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def open_conflicts(self) -> list[Conflict]:
        """Unresolved conflicts, oldest first."""
        with self.db.reading() as session:
            rows = session.scalars(
                select(SyncConflictRow)
                .where(SyncConflictRow.resolved_at.is_(None))
                .order_by(SyncConflictRow.detected_at)
            )
            return [_view(r) for r in rows]

    def all_conflicts(self) -> list[Conflict]:
        with self.db.reading() as session:
            return [_view(r) for r in session.scalars(select(SyncConflictRow).order_by(SyncConflictRow.detected_at))]

    def resolve(self, conflict_id: str, by: str, restore: bool = False) -> None:
        with self.db.transaction() as session:
            row = session.get(SyncConflictRow, to_uuid(conflict_id, "冲突"))
            if row is None:
                raise DomainError(f"冲突记录 {conflict_id} 不存在")
            if row.resolved_at is not None:
                raise DomainError("该冲突已处理")
            if restore:
                table = Base.metadata.tables[row.table_name]
                current = session.execute(select(table.c.hlc).where(table.c.id == row.row_id)).first()
                if current is None:
                    raise DomainError("该记录已被删除，无法恢复旧版本")
                values = {
                    name: _decode(table.c[name].type, value)
                    for name, value in row.lost_version.items()
                    if name in table.c and name not in META_COLUMNS
                }
                values.update(
                    hlc=next_hlc(),
                    base_hlc=current.hlc,
                    device_id=session.info.get("device_id", ""),
                    updated_at=utcnow(),
                )
                session.execute(update(table).where(table.c.id == row.row_id).values(**values))
            row.resolved_at, row.resolved_by = utcnow(), by
            row.resolution = "restored" if restore else "kept"


def _decode(column_type: Any, value: Any) -> Any:
    from sqlalchemy import Date, LargeBinary, Uuid

    from inspector.db.models import UTCDateTime

    if value is None:
        return None
    if isinstance(column_type, Uuid):
        return uuid.UUID(value)
    if isinstance(column_type, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        import base64

        return base64.b64decode(value)
    return value
