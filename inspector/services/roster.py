"""The local roster of inspectors."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.ids import to_str
from inspector.db.models import InspectorRow


@dataclass(frozen=True)
class Inspector:
    id: str
    name: str
    staff_no: str
    office: str
    active: bool


class RosterService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, staff_no: str = "", office: str = "") -> str:
        name = name.strip()
        if not name:
            raise DomainError("检查人员姓名不能为空")
        with self.db.transaction() as session:
            row = InspectorRow(name=name, staff_no=staff_no.strip(), office=office.strip())
            session.add(row)
            session.flush()
            return to_str(row.id)

    def active(self) -> list[Inspector]:
        with self.db.reading() as session:
            rows = session.scalars(select(InspectorRow).where(InspectorRow.active).order_by(InspectorRow.name))
            return [Inspector(to_str(r.id), r.name, r.staff_no, r.office, r.active) for r in rows]
