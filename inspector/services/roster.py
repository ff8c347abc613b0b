"""The local roster of inspectors, with the 监督证 number each union inspector carries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.ids import to_str
from inspector.db.models import InspectorRow

PERMIT_MAX = 30


@dataclass(frozen=True)
class Inspector:
    id: str
    name: str
    staff_no: str
    office: str
    active: bool
    permit_no: str = ""  # 监督证号: printed on a union's letter


def _inspector(row: InspectorRow) -> Inspector:
    return Inspector(to_str(row.id), row.name, row.staff_no, row.office, row.active, row.permit_no)


class RosterService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, staff_no: str = "", office: str = "", permit_no: str = "") -> str:
        name = name.strip()
        if not name:
            raise DomainError("检查人员姓名不能为空")
        permit_no = _permit(name, permit_no)
        with self.db.transaction() as session:
            row = InspectorRow(name=name, staff_no=staff_no.strip(), office=office.strip(), permit_no=permit_no)
            session.add(row)
            session.flush()
            return to_str(row.id)

    def active(self) -> list[Inspector]:
        with self.db.reading() as session:
            rows = session.scalars(select(InspectorRow).where(InspectorRow.active).order_by(InspectorRow.name))
            return [_inspector(r) for r in rows]

    def set_permits(self, permits: Mapping[str, str]) -> None:
        """Record the 监督证 number of each named inspector (one transaction); a name not on the
        roster is added to it."""
        cleaned = {name.strip(): _permit(name.strip(), number) for name, number in permits.items() if name.strip()}
        if not cleaned:
            return
        with self.db.transaction() as session:
            rows = session.scalars(select(InspectorRow).where(InspectorRow.name.in_(cleaned)))
            seen = set()
            for row in rows:
                seen.add(row.name)
                if row.permit_no != cleaned[row.name]:
                    row.permit_no = cleaned[row.name]
            for name in cleaned.keys() - seen:
                session.add(InspectorRow(name=name, permit_no=cleaned[name]))

    def permits_of(self, names: Iterable[str]) -> dict[str, str]:
        """The 监督证 number of each name on the roster ("" when none is recorded)."""
        return permits_in(self.active(), names)


def permits_in(roster: Iterable[Inspector], names: Iterable[str]) -> dict[str, str]:
    """Each name's 监督证 number from `roster`: an active inspector's first, if two share a name."""
    numbers: dict[str, str] = {}
    for person in roster:
        if person.permit_no and person.name not in numbers:
            numbers[person.name] = person.permit_no
    return {name: numbers.get(name, "") for name in names}


def _permit(name: str, number: str) -> str:
    number = (number or "").strip()
    if len(number) > PERMIT_MAX:
        raise DomainError(f"{name} 的监督证号最长 {PERMIT_MAX} 个字符，现为 {len(number)} 个")
    return number
