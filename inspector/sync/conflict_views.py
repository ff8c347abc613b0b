"""Conflicts as people read them (inspector/sync/conflicts.py resolves them): the record by
the name people know it by (an enterprise's name, a plaque's serial…), the field by its Chinese
label, values as text with stored codes shown by their labels, devices by their trusted names."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, LargeBinary, Table, Uuid, select
from sqlalchemy.orm import Session

from inspector.db.field_versions import fields_of
from inspector.db.models import Base, SyncConflictRow, TombstoneRow, TrustedDeviceRow, UTCDateTime

from .conflict_labels import OTHER, field_label, is_labelled, table_label, value_label

EMPTY = "（空）"


@dataclass(frozen=True)
class Difference:
    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    table_label: str  # 企业, 等级牌…
    row_id: str
    record: str  # the record as people know it: an enterprise's name, a plaque's serial…
    field: str  # "" for a whole row
    field_label: str  # 联系电话… or 整条记录
    mine: str  # the value the record has now
    theirs: str  # the value that lost
    differences: tuple[Difference, ...]
    kept_by: str  # who wrote the value kept: a trusted device's name, 本机…
    lost_by: str
    kept_device: str
    lost_device: str
    lost_version: dict[str, Any]
    detected_at: datetime
    resolved_at: datetime | None
    resolved_by: str
    resolution: str  # "" | kept | restored

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


def alive_id(session: Session, table: Table, row_id: uuid.UUID) -> uuid.UUID:
    """The row's id now: a duplicate merged on its natural key lives on under the winner's id."""
    seen = 0
    while seen < 64:
        target = session.scalar(select(TombstoneRow.merged_into).where(TombstoneRow.id == row_id))
        if target is None:
            return row_id
        row_id, seen = target, seen + 1
    return row_id


def decode(column_type: Any, value: Any) -> Any:
    """A value as stored in a conflict's JSON back to the column's Python type."""
    if value is None:
        return None
    if isinstance(column_type, Uuid):
        return uuid.UUID(value)
    if isinstance(column_type, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value)
    return value


class Describer:
    """Turns conflict records into what people read: names, labels, values as text."""

    def __init__(self, session: Session, own_device: str) -> None:
        self.session = session
        self.own_device = own_device
        self.devices = {d.device_id: d.name for d in session.scalars(select(TrustedDeviceRow))}

    def view(self, row: SyncConflictRow) -> Conflict:
        table = Base.metadata.tables.get(row.table_name)
        lost = dict(row.lost_version)
        current = self.current(table, row.row_id) if table is not None else None
        values = current or (self.decoded(table, lost) if table is not None else {})
        if row.field:
            mine = self.shown(table, row.field, current.get(row.field)) if current else "（已删除）"
            theirs = self.shown(table, row.field, self.decoded(table, lost).get(row.field, lost.get(row.field)))
            differences: tuple[Difference, ...] = (Difference(field_label(row.table_name, row.field), mine, theirs),)
        else:
            differences = self.differences(table, current, lost)
            gone = "（已删除）" if current is None else "（内容相同）"
            mine = "；".join(f"{d.label}：{d.mine}" for d in differences) or gone
            theirs = "；".join(f"{d.label}：{d.theirs}" for d in differences) or "（内容相同）"
        return Conflict(
            id=row.id.hex,
            table=row.table_name,
            table_label=table_label(row.table_name),
            row_id=row.row_id.hex,
            record=self.record(row.table_name, values) if values else table_label(row.table_name),
            field=row.field,
            field_label=field_label(row.table_name, row.field),
            mine=mine,
            theirs=theirs,
            differences=differences,
            kept_by=self.device(row.kept_device),
            lost_by=self.device(row.lost_device),
            kept_device=row.kept_device,
            lost_device=row.lost_device,
            lost_version=lost,
            detected_at=row.detected_at,
            resolved_at=row.resolved_at,
            resolved_by=row.resolved_by,
            resolution=row.resolution,
        )

    @staticmethod
    def decoded(table: Table | None, lost: dict[str, Any]) -> dict[str, Any]:
        if table is None:
            return {}
        return {k: decode(table.c[k].type, v) for k, v in lost.items() if k in table.c}

    def current(self, table: Table, row_id: uuid.UUID) -> dict[str, Any] | None:
        found = self.session.execute(select(table).where(table.c.id == alive_id(self.session, table, row_id))).first()
        return found._asdict() if found else None

    def differences(
        self, table: Table | None, current: dict[str, Any] | None, lost: dict[str, Any]
    ) -> tuple[Difference, ...]:
        if table is None:
            return ()
        found: list[Difference] = []
        other = 0
        for name in fields_of(c.name for c in table.c):
            if name not in lost:
                continue
            theirs = decode(table.c[name].type, lost[name])
            mine = current.get(name) if current else None
            if current is not None and mine == theirs:
                continue
            if not is_labelled(table.name, name):
                other += 1
                continue
            found.append(
                Difference(
                    field_label(table.name, name),
                    self.shown(table, name, mine) if current else "（已删除）",
                    self.shown(table, name, theirs),
                )
            )
        if other:
            found.append(Difference(OTHER, f"{other} 项不同", f"{other} 项不同"))
        return tuple(found)

    def shown(self, table: Table | None, name: str, value: Any) -> str:
        if value is None or value == "":
            return EMPTY
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, uuid.UUID):
            return self.name_of(table, name, value)
        if isinstance(value, list):
            return "、".join(str(v) for v in value) or EMPTY
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return value_label(table.name, name, value) if table is not None and isinstance(value, str) else str(value)

    def name_of(self, table: Table | None, name: str, value: uuid.UUID) -> str:
        """A reference shown by what it points to: an enterprise or inspector by name."""
        if table is not None and name in table.c:
            for fk in table.c[name].foreign_keys:
                target = fk.column.table
                if "name" in target.c:
                    found = self.session.scalar(select(target.c.name).where(target.c.id == value))
                    if found:
                        return str(found)
                return table_label(target.name)
        return "另一条记录"

    def enterprise_name(self, values: dict[str, Any]) -> str:
        enterprises = Base.metadata.tables["enterprises"]
        enterprise_id = values.get("enterprise_id")
        if enterprise_id is None:
            for parent, column in (("inspections", "inspection_id"), ("hazards", "hazard_id")):
                if values.get(column) is not None:
                    table = Base.metadata.tables[parent]
                    enterprise_id = self.session.scalar(
                        select(table.c.enterprise_id).where(table.c.id == values[column])
                    )
                    break
        if enterprise_id is None:
            return ""
        return self.session.scalar(select(enterprises.c.name).where(enterprises.c.id == enterprise_id)) or ""

    def record(self, table: str, values: dict[str, Any]) -> str:
        if table in ("enterprises", "inspectors", "templates"):
            return str(values.get("name") or values.get("title") or table_label(table))
        detail = {
            "plaques": lambda v: f"{v.get('year')} 年等级牌 {v.get('serial')}",
            "assignments": lambda v: f"{v.get('year')} 年检查分配",
            "hazards": lambda v: f"隐患“{str(v.get('description', ''))[:20]}”",
            "lights": lambda v: f"{v.get('quarter')} 亮灯",
            "answers": lambda v: f"检查项 {v.get('item_code')}",
            "notices": lambda v: f"通知书 {v.get('number')}",
            "inspections": lambda v: f"{v.get('inspection_date')} 检查",
        }.get(table, lambda _v: table_label(table))(values)
        enterprise = self.enterprise_name(values)
        return f"{enterprise} · {detail}" if enterprise else detail

    def device(self, device_id: str) -> str:
        if device_id == self.own_device:
            return "本机"
        return self.devices.get(device_id) or "其他设备"
