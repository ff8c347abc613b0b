"""Coverage planning: which enterprises are not yet inspected this year, and who will go.

"Inspected" means what `stats` counts as an inspection: a completed or finalized inspection
dated in the year. Every other enterprise is either assigned (an `assignments` row for the
year names an inspector) or unassigned. Assignments are ordinary tracked rows, so sync carries
them to the inspector's laptop; one enterprise has at most one assignment per year (assigning
again hands it to the new inspector).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.ids import to_uuid
from inspector.db.models import AssignmentRow, EnterpriseRow, InspectionRow, InspectorRow
from inspector.queries.graded import GRADED


@dataclass(frozen=True)
class TownCoverage:
    town: str
    enterprises: int
    inspected: int
    assigned: int  # not yet inspected, assigned to an inspector
    unassigned: int  # not yet inspected, nobody assigned

    @property
    def percent(self) -> float | None:
        from inspector.core.rates import percent

        return percent(self.inspected, self.enterprises)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "percent": self.percent}


@dataclass(frozen=True)
class Uninspected:
    enterprise_id: str
    name: str
    credit_code: str
    town: str
    inspector: str | None  # the assigned inspector's name

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Coverage:
    year: int
    towns: tuple[TownCoverage, ...]
    uninspected: tuple[Uninspected, ...]

    @property
    def total(self) -> TownCoverage:
        return TownCoverage(
            "合计",
            sum(t.enterprises for t in self.towns),
            sum(t.inspected for t in self.towns),
            sum(t.assigned for t in self.towns),
            sum(t.unassigned for t in self.towns),
        )


class CoverageService:
    def __init__(self, db: Database, today: Callable[[], date]) -> None:
        self.db = db
        self.today = today

    def coverage(self, year: int, town: str | None = None) -> Coverage:
        first, last = date(year, 1, 1), date(year, 12, 31)
        with self.db.reading() as session:
            query = select(EnterpriseRow.id, EnterpriseRow.name, EnterpriseRow.credit_code, EnterpriseRow.town)
            if town:
                query = query.where(EnterpriseRow.town == town)
            enterprises = session.execute(query.order_by(EnterpriseRow.town, EnterpriseRow.name)).all()
            inspected = set(
                session.scalars(
                    select(InspectionRow.enterprise_id)
                    .where(InspectionRow.status.in_(GRADED), InspectionRow.inspection_date.between(first, last))
                    .distinct()
                )
            )
            assigned = {
                e: name
                for e, name in session.execute(
                    select(AssignmentRow.enterprise_id, InspectorRow.name)
                    .join(InspectorRow, InspectorRow.id == AssignmentRow.inspector_id)
                    .where(AssignmentRow.year == year)
                )
            }
        towns: dict[str, list[int]] = {}
        uninspected = []
        for key, name, code, town_name in enterprises:
            counts = towns.setdefault(town_name, [0, 0, 0, 0])
            counts[0] += 1
            if key in inspected:
                counts[1] += 1
                continue
            who = assigned.get(key)
            counts[2 if who else 3] += 1
            uninspected.append(Uninspected(key.hex, name, code, town_name, who))
        rows = tuple(TownCoverage(t, *c) for t, c in sorted(towns.items()))
        if town and not rows:
            raise DomainError(f"没有镇街道 “{town}” 的企业")
        return Coverage(year, rows, tuple(uninspected))

    def assign(self, enterprise: str, inspector: str, year: int, assigned_by: str = "", note: str = "") -> str:
        """Give `enterprise` (id or credit code) to `inspector` (id or name in the roster) for
        `year`; replaces an earlier assignment of that year. Returns the assignment id."""
        with self.db.transaction() as session:
            enterprise_row = self._enterprise(session, enterprise)
            inspector_row = self._inspector(session, inspector)
            row = session.scalar(
                select(AssignmentRow).where(
                    AssignmentRow.enterprise_id == enterprise_row.id, AssignmentRow.year == year
                )
            )
            if row is None:
                row = AssignmentRow(enterprise_id=enterprise_row.id, year=year, inspector_id=inspector_row.id)
                session.add(row)
            row.inspector_id = inspector_row.id
            row.assigned_on = self.today()
            row.assigned_by = assigned_by
            row.note = note
            session.flush()
            return row.id.hex

    def unassign(self, enterprise: str, year: int) -> bool:
        with self.db.transaction() as session:
            enterprise_row = self._enterprise(session, enterprise)
            row = session.scalar(
                select(AssignmentRow).where(
                    AssignmentRow.enterprise_id == enterprise_row.id, AssignmentRow.year == year
                )
            )
            if row is None:
                return False
            session.delete(row)
            return True

    @staticmethod
    def _enterprise(session: Any, key: str) -> EnterpriseRow:
        key = key.strip()
        row = session.scalar(select(EnterpriseRow).where(EnterpriseRow.credit_code == key.upper()))
        if row is None and len(key) == 32:
            row = session.get(EnterpriseRow, to_uuid(key, "企业"))
        if row is None:
            raise DomainError(f"找不到企业 “{key}”（请用统一社会信用代码或企业编号）")
        return row

    @staticmethod
    def _inspector(session: Any, key: str) -> InspectorRow:
        key = key.strip()
        row = None
        if len(key) == 32:
            try:
                row = session.get(InspectorRow, uuid.UUID(key))
            except ValueError:
                row = None
        if row is None:
            rows = list(session.scalars(select(InspectorRow).where(InspectorRow.name == key)))
            if len(rows) > 1:
                raise DomainError(f"检查人员名单中有 {len(rows)} 位 “{key}”，请用检查人员编号指定")
            row = rows[0] if rows else None
        if row is None:
            raise DomainError(f"检查人员名单中没有 “{key}”")
        return row
