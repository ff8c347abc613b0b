"""Hazard figures by town, severity, category or month, with a total row.

The definitions are those of `inspector.queries.stats` (README), so the total row equals
`compute_stats` for the year, always:
- found: hazards found in the year, voided ones excepted;
- rectified: of those, the ones whose fix an inspector has seen (RECTIFIED);
- rate: rectified ÷ found, percent, truncated to one decimal (None if none found);
- overdue: of those, the ones past their deadline that still await the fix (AWAITING_FIX).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, extract, func, select

from inspector.core.categories import Category
from inspector.core.checklist import Severity
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import AWAITING_FIX, RECTIFIED, HazardStatus
from inspector.core.rates import percent
from inspector.db.database import Database
from inspector.db.models import EnterpriseRow, HazardRow

GroupBy = Literal["town", "severity", "category", "month"]
GROUPINGS: dict[str, str] = {"town": "镇街", "severity": "隐患等级", "category": "隐患类别", "month": "月份"}
TOTAL_LABEL = "合计"


@dataclass(frozen=True)
class FigureRow:
    key: str | None  # the town, severity, category value or YYYY-MM; None on the total row
    label: str  # what a person reads: 一般隐患, 消防安全, 2026-03, 合计
    found: int
    rectified: int
    rate: float | None
    overdue: int

    @property
    def is_total(self) -> bool:
        return self.key is None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _label(group_by: str | None, key: str) -> str:
    try:
        if group_by == "severity":
            return Severity(key).label
        if group_by == "category":
            return Category(key).label
    except ValueError:
        pass
    return key


def hazard_figures(
    db: Database, year: int, today: date, group_by: GroupBy | None = None, town: str | None = None
) -> list[FigureRow]:
    """Rows per group (sorted by key), then the total row, for hazards found in `year` (at the
    enterprises of `town` when one is given)."""
    if group_by is not None and group_by not in GROUPINGS:
        choices = "、".join(GROUPINGS)
        raise DomainError(f"不能按 “{group_by}” 分组统计隐患，可选：{choices}")
    first, last = date(year, 1, 1), date(year, 12, 31)
    rectified = [s.value for s in RECTIFIED]
    awaiting = [s.value for s in AWAITING_FIX]
    counts = (
        func.count(),
        func.count().filter(HazardRow.status.in_(rectified)),
        func.count().filter(HazardRow.status.in_(awaiting), HazardRow.deadline < today),
    )
    in_year = and_(HazardRow.found_on.between(first, last), HazardRow.status != HazardStatus.VOIDED.value)

    def hazards(*columns: Any, by_town: bool = False) -> Select[Any]:
        # The join to the register only when a town is asked for: it costs a third more.
        query = select(*columns).select_from(HazardRow)
        if by_town or town is not None:
            query = query.join(EnterpriseRow, EnterpriseRow.id == HazardRow.enterprise_id)
        query = query.where(in_year)
        return query if town is None else query.where(EnterpriseRow.town == town)

    rows: list[FigureRow] = []
    with db.reading() as session:
        if group_by is not None:
            key: ColumnElement[Any]
            if group_by == "town":
                key = EnterpriseRow.town
            elif group_by == "severity":
                key = HazardRow.severity
            elif group_by == "category":
                key = HazardRow.category
            else:
                key = extract("month", HazardRow.found_on)
            for value, found, fixed, overdue in session.execute(
                hazards(key, *counts, by_town=group_by == "town").group_by(key)
            ):
                text = f"{year:04d}-{int(value):02d}" if group_by == "month" else str(value)
                rows.append(FigureRow(text, _label(group_by, text), found, fixed, percent(fixed, found), overdue))
        found, fixed, overdue = session.execute(hazards(*counts)).one()
    rows.sort(key=lambda row: row.key or "")
    rows.append(FigureRow(None, TOTAL_LABEL, found, fixed, percent(fixed, found), overdue))
    return rows
