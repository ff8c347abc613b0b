"""The figures managers report: one function, used by `inspector stats` and every screen.

Definitions (also in the README):
- enterprises: enterprises in the register;
- inspections: inspections completed or finalized with an inspection date in the year;
- hazards_found: hazards found in the year, voided ones excepted;
- hazards_rectified: of those, the ones whose fix an inspector has seen (fixed on site,
  re-check passed, closed);
- rectification_rate: rectified ÷ found, percent, truncated to one decimal (None if none found):
  14,498 of 14,514 is 99.8, as the city publishes it, and 100.0 only when nothing is open;
- overdue: of those found in the year, the ones past their deadline that still await the fix;
- grades: each enterprise's current plaque for the year; `pending` are those without one (a
  merge keeps one current plaque per enterprise and year, docs/sync.md rule 8, so the grades
  and `pending` add up to `enterprises`);
- lights: the lights of the latest quarter of the year that has any (`quarter` names it);
  `unlit` the enterprises without a light in that quarter: lights and `unlit` add up to
  `enterprises`.
- training: per kind (first_lesson 开工第一课, team_leader 班组长培训), the sessions held in the
  year, the enterprises reached and the workers trained (headcounts summed: 人次).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select

from inspector.core.grades import Grade, Light
from inspector.core.hazard_lifecycle import AWAITING_FIX, RECTIFIED, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.rates import percent
from inspector.core.training import TrainingTotals
from inspector.db.database import Database
from inspector.db.models import EnterpriseRow, HazardRow, InspectionRow, LightRow, PlaqueRow
from inspector.queries.trainings import training_totals


@dataclass(frozen=True)
class Stats:
    year: int
    enterprises: int
    inspections: int
    hazards_found: int
    hazards_rectified: int
    rectification_rate: float | None
    overdue: int
    grades: dict[str, int] = field(default_factory=dict)
    lights: dict[str, int] = field(default_factory=dict)
    quarter: str | None = None
    unlit: int = 0
    training: dict[str, TrainingTotals] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def compute_stats(db: Database, year: int, today: date, town: str | None = None) -> Stats:
    """The figures of the year; `town` restricts every one to that town's enterprises, except
    the lights' quarter, which stays the city's so that town and city lights compare."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rectified = [s.value for s in RECTIFIED]
    awaiting = [s.value for s in AWAITING_FIX]

    def of_town(query: Select[Any], enterprise_id: Any) -> Select[Any]:
        # The join to the register only when a town is asked for: it costs a third more.
        if town is None:
            return query
        return query.join(EnterpriseRow, EnterpriseRow.id == enterprise_id).where(EnterpriseRow.town == town)

    with db.reading() as session:
        enterprises_query = select(func.count()).select_from(EnterpriseRow)
        if town is not None:
            enterprises_query = enterprises_query.where(EnterpriseRow.town == town)
        enterprises = session.scalar(enterprises_query) or 0
        graded = [InspectionStatus.COMPLETED.value, InspectionStatus.FINALIZED.value]
        inspections = (
            session.scalar(
                of_town(select(func.count()).select_from(InspectionRow), InspectionRow.enterprise_id).where(
                    InspectionRow.inspection_date.between(first, last), InspectionRow.status.in_(graded)
                )
            )
            or 0
        )
        in_year = and_(HazardRow.found_on.between(first, last), HazardRow.status != HazardStatus.VOIDED.value)
        found, fixed, overdue = session.execute(
            of_town(
                select(
                    func.count(),
                    func.count().filter(HazardRow.status.in_(rectified)),
                    func.count().filter(HazardRow.status.in_(awaiting), HazardRow.deadline < today),
                ).select_from(HazardRow),
                HazardRow.enterprise_id,
            ).where(in_year)
        ).one()
        grades = {g.value: 0 for g in Grade}
        for grade, count in session.execute(
            of_town(
                select(PlaqueRow.grade, func.count(PlaqueRow.enterprise_id.distinct())).select_from(PlaqueRow),
                PlaqueRow.enterprise_id,
            )
            .where(PlaqueRow.year == year, PlaqueRow.current)
            .group_by(PlaqueRow.grade)
        ):
            grades[grade] = count
        grades["pending"] = enterprises - sum(grades.values())
        quarter = session.scalar(
            select(func.max(LightRow.quarter)).where(LightRow.quarter.between(f"{year}Q1", f"{year}Q4"))
        )
        lights = {light.value: 0 for light in Light}
        if quarter:
            for light, count in session.execute(
                of_town(select(LightRow.light, func.count()).select_from(LightRow), LightRow.enterprise_id)
                .where(LightRow.quarter == quarter)
                .group_by(LightRow.light)
            ):
                lights[light] = count
        training = training_totals(session, year, town)
    unlit = enterprises - sum(lights.values())
    return Stats(
        year,
        enterprises,
        inspections,
        found,
        fixed,
        percent(fixed, found),
        overdue,
        grades,
        lights,
        quarter,
        unlit,
        training,
    )
