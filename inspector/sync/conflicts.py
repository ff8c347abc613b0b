"""Conflicts a manager reviews and resolves, on any copy (issue 13).

A conflict is a synced record (inspector/sync/conflict_records.py): the value of one field that
lost to a concurrent edit of the same field (field-stamped records: enterprises, the roster,
assignments), or a whole row version that lost (other records, rule 2). Every copy and the
central database hold the same records, so a conflict is resolved once, for everyone:

- keep mine: the value the record has now stays (the conflict is closed);
- keep theirs: the lost value is written back as a new edit (a new clock value, so it wins
  everywhere at the next sync), of that field only for a field conflict: an edit of another
  field made meanwhile is not reverted.

Views (inspector/sync/conflict_views.py) name the record as people know it and the field by its
Chinese label; conflicts are found by id or by a unique prefix of it.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import Table, UniqueConstraint, select
from sqlalchemy.orm import Session

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.field_versions import fields_of
from inspector.db.models import Base, SyncConflictRow, utcnow

from .conflict_views import Conflict, Describer, Difference, alive_id, decode

KEEP = ("mine", "theirs")
__all__ = ["KEEP", "Conflict", "ConflictService", "Difference", "decode"]


class ConflictService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ----------------------------------------------------------------------------------
    def open_conflicts(self) -> list[Conflict]:
        """Unresolved conflicts, oldest first."""
        return [c for c in self.all_conflicts() if c.is_open]

    def all_conflicts(self) -> list[Conflict]:
        with self.db.reading() as session:
            rows = session.scalars(select(SyncConflictRow).order_by(SyncConflictRow.detected_at, SyncConflictRow.id))
            return [Describer(session, self.db.device_id).view(row) for row in rows]

    def get(self, conflict_id: str) -> Conflict:
        """One conflict by its id or a unique prefix of it; a bad id is one sentence."""
        with self.db.reading() as session:
            return Describer(session, self.db.device_id).view(_find(session, conflict_id))

    # -- resolving --------------------------------------------------------------------------------
    def resolve(self, conflict_id: str, by: str, keep: str = "mine") -> Conflict:
        """Close a conflict for everyone: keep the value now in place ("mine") or write the lost
        one back as a new edit ("theirs"). Returns the conflict as resolved."""
        if keep not in KEEP:
            raise DomainError(f"“{keep}” 不是处理方式：请选择保留现值（mine）或恢复落选的值（theirs）")
        with self.db.transaction() as session:
            row = _find(session, conflict_id)
            if row.resolved_at is not None:
                when = row.resolved_at.strftime("%Y-%m-%d %H:%M")
                raise DomainError(f"冲突 {row.id.hex[:12]} 已于 {when} 由 {row.resolved_by or '他人'} 处理")
            if keep == "theirs":
                _restore(session, row)
            row.resolved_at, row.resolved_by = utcnow(), by
            row.resolution = "restored" if keep == "theirs" else "kept"
            session.flush()
            return Describer(session, self.db.device_id).view(row)


def _find(session: Session, conflict_id: str) -> SyncConflictRow:
    wanted = conflict_id.strip().lower().replace("-", "")
    if not re.fullmatch(r"[0-9a-f]{1,32}", wanted):
        raise DomainError(f"冲突编号 “{conflict_id}” 无效：应为冲突列表中显示的编号（或其开头几位）")
    if len(wanted) == 32:
        row = session.get(SyncConflictRow, uuid.UUID(wanted))
        matches = [row] if row is not None else []
    else:
        ids = [i for i in session.scalars(select(SyncConflictRow.id)) if i.hex.startswith(wanted)]
        matches = [session.get(SyncConflictRow, i) for i in ids[:2]]
    if not matches:
        raise DomainError(f"没有编号为 “{conflict_id}” 的冲突：请用冲突列表中显示的编号")
    if len(matches) > 1:
        raise DomainError(f"编号 “{conflict_id}” 对应不止一条冲突，请多输入几位")
    found = matches[0]
    assert found is not None
    return found


def _mapped(table_name: str) -> Any:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:
            return mapper.class_
    raise DomainError(f"冲突所在的表 “{table_name}” 本程序不认识，无法恢复")


def _restore(session: Session, conflict: SyncConflictRow) -> None:
    """Write the lost value(s) back through the ORM: a new version, stamped like any edit
    (database._stamp_rows), so it wins everywhere at the next sync and, for a field conflict,
    only that field gets a new field version."""
    table = Base.metadata.tables.get(conflict.table_name)
    if table is None:
        raise DomainError(f"冲突所在的表 “{conflict.table_name}” 本程序不认识，无法恢复")
    obj = session.get(_mapped(table.name), alive_id(session, table, conflict.row_id))
    if obj is None:
        raise DomainError("该记录已被删除，无法恢复落选的值")
    names = [conflict.field] if conflict.field else fields_of(c.name for c in table.c)
    values = {
        name: decode(table.c[name].type, conflict.lost_version[name])
        for name in names
        if name in conflict.lost_version and name in table.c
    }
    _refuse_duplicates(session, table, obj.id, {c.name: getattr(obj, c.name) for c in table.c} | values)
    for name, value in values.items():
        setattr(obj, name, value)


def _refuse_duplicates(session: Session, table: Table, row_id: uuid.UUID, values: dict[str, Any]) -> None:
    """The restored values must not take a unique key another record now holds (a credit code…)."""
    keys = [tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, UniqueConstraint)]
    keys += [(c.name,) for c in table.c if c.unique]
    for key in keys:
        clash = session.execute(
            select(table.c.id).where(table.c.id != row_id, *(table.c[k] == values[k] for k in key))
        ).first()
        if clash is not None:
            shown = "、".join(str(values[k]) for k in key)
            raise DomainError(f"无法恢复落选的值：{shown} 已属于另一条记录，未作改动")
