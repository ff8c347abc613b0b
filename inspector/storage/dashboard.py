"""The manager's dashboard figures for a year, for the whole city or one town.

For the whole city the cards are `compute_stats` and the charts `hazard_figures` themselves, so
the dashboard can never disagree with `inspector stats` or `inspector hazards figures`. For one
town the same definitions (README "What the figures mean") are applied to that town's
enterprises; the tests check that the towns add up to the city. Extra figures:
- inspected: enterprises with at least one completed or finalized inspection dated in the year;
  coverage = inspected ÷ enterprises (percent, one decimal, half up);
- open_major: major hazards still open now (found in any year), voided ones excepted.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, distinct, extract, func, select

from inspector.core.checklist import Severity
from inspector.core.grades import Grade, Light
from inspector.core.hazard_lifecycle import AWAITING_FIX, OPEN, RECTIFIED, HazardStatus
from inspector.core.rates import percent

from .database import Database
from .grading_follow import GRADED
from .hazard_figures import FigureRow, _label, hazard_figures
from .models import EnterpriseRow, HazardRow, InspectionRow, LightRow, PlaqueRow
from .stats import compute_stats


@dataclass(frozen=True)
class Dashboard:
    year: int
    town: str | None
    enterprises: int
    inspections: int
    inspected: int
    coverage: float | None
    hazards_found: int
    hazards_rectified: int
    rectification_rate: float | None
    overdue: int
    open_major: int
    grades: dict[str, int] = field(default_factory=dict)  # A B C D pending
    lights: dict[str, int] = field(default_factory=dict)  # green yellow red
    quarter: str | None = None
    by_category: tuple[FigureRow, ...] = ()
    by_town: tuple[FigureRow, ...] = ()  # always every town (the town filter highlights one)
    by_month: tuple[FigureRow, ...] = ()  # the twelve months of the year

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def dashboard(db: Database, year: int, today: date, town: str | None = None) -> Dashboard:
    """The figures; the independent queries run on a few threads at once (SQLite readers do not
    block each other in WAL mode, and the driver releases the GIL while a query runs)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        by_town_job = pool.submit(hazard_figures, db, year, today, "town")
        extra_job = pool.submit(_inspected_and_major, db, year, town)
        if town is None:
            stats_job = pool.submit(compute_stats, db, year, today)
            category_job = pool.submit(hazard_figures, db, year, today, "category")
            month_job = pool.submit(hazard_figures, db, year, today, "month")
            stats = stats_job.result()
            cards: dict[str, Any] = {
                "enterprises": stats.enterprises,
                "inspections": stats.inspections,
                "hazards_found": stats.hazards_found,
                "hazards_rectified": stats.hazards_rectified,
                "rectification_rate": stats.rectification_rate,
                "overdue": stats.overdue,
                "grades": dict(stats.grades),
                "lights": dict(stats.lights),
                "quarter": stats.quarter,
            }
            by_category = tuple(row for row in category_job.result() if not row.is_total)
            months = {row.key: row for row in month_job.result() if not row.is_total}
        else:
            cards, by_category, months = _town_figures(db, year, today, town)
        by_town = tuple(row for row in by_town_job.result() if not row.is_total)
        inspected, open_major = extra_job.result()
    by_month = tuple(
        months.get(key) or FigureRow(key, key, 0, 0, None, 0)
        for key in (f"{year:04d}-{month:02d}" for month in range(1, 13))
    )
    return Dashboard(
        year=year,
        town=town,
        inspected=inspected,
        coverage=percent(inspected, cards["enterprises"]),
        open_major=open_major,
        by_category=by_category,
        by_town=by_town,
        by_month=by_month,
        **cards,
    )


def _inspected_and_major(db: Database, year: int, town: str | None) -> tuple[int, int]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    inspected = select(func.count(distinct(InspectionRow.enterprise_id))).where(
        InspectionRow.status.in_(GRADED), InspectionRow.inspection_date.between(first, last)
    )
    major = (
        select(func.count())
        .select_from(HazardRow)
        .where(HazardRow.severity == Severity.MAJOR.value, HazardRow.status.in_([s.value for s in OPEN]))
    )
    if town:  # the join only when needed: it costs a third more over 75,000 inspections
        inspected = inspected.join(EnterpriseRow, EnterpriseRow.id == InspectionRow.enterprise_id).where(
            EnterpriseRow.town == town
        )
        major = major.join(EnterpriseRow, EnterpriseRow.id == HazardRow.enterprise_id).where(EnterpriseRow.town == town)
    with db.reading() as session:
        return session.scalar(inspected) or 0, session.scalar(major) or 0


def _town_figures(
    db: Database, year: int, today: date, town: str
) -> tuple[dict[str, Any], tuple[FigureRow, ...], dict[str | None, FigureRow]]:
    """`compute_stats` and `hazard_figures` definitions, restricted to one town's enterprises."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    counts = (
        func.count(),
        func.count().filter(HazardRow.status.in_([s.value for s in RECTIFIED])),
        func.count().filter(HazardRow.status.in_([s.value for s in AWAITING_FIX]), HazardRow.deadline < today),
    )
    in_year = and_(
        HazardRow.found_on.between(first, last),
        HazardRow.status != HazardStatus.VOIDED.value,
        EnterpriseRow.town == town,
    )
    hazards = select().select_from(HazardRow).join(EnterpriseRow, EnterpriseRow.id == HazardRow.enterprise_id)
    with db.reading() as session:
        enterprises = session.scalar(select(func.count()).where(EnterpriseRow.town == town)) or 0
        inspections = (
            session.scalar(
                select(func.count())
                .select_from(InspectionRow)
                .join(EnterpriseRow, EnterpriseRow.id == InspectionRow.enterprise_id)
                .where(
                    InspectionRow.inspection_date.between(first, last),
                    InspectionRow.status.in_(GRADED),
                    EnterpriseRow.town == town,
                )
            )
            or 0
        )
        found, fixed, overdue = session.execute(hazards.add_columns(*counts).where(in_year)).one()
        by_category = []
        for key, f, r, o in session.execute(
            hazards.add_columns(HazardRow.category, *counts).where(in_year).group_by(HazardRow.category)
        ):
            by_category.append(FigureRow(key, _label("category", key), f, r, percent(r, f), o))
        months: dict[str | None, FigureRow] = {}
        month = extract("month", HazardRow.found_on)
        for value, f, r, o in session.execute(hazards.add_columns(month, *counts).where(in_year).group_by(month)):
            key = f"{year:04d}-{int(value):02d}"
            months[key] = FigureRow(key, key, f, r, percent(r, f), o)
        grades = {g.value: 0 for g in Grade}
        for grade, count in session.execute(
            select(PlaqueRow.grade, func.count())
            .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
            .where(PlaqueRow.year == year, PlaqueRow.current, EnterpriseRow.town == town)
            .group_by(PlaqueRow.grade)
        ):
            grades[grade] = count
        grades["pending"] = enterprises - sum(grades.values())
        # The quarter is the city's (as in stats), so town and city lights compare like for like.
        quarter = session.scalar(
            select(func.max(LightRow.quarter)).where(LightRow.quarter.between(f"{year}Q1", f"{year}Q4"))
        )
        lights = {light.value: 0 for light in Light}
        if quarter:
            for light, count in session.execute(
                select(LightRow.light, func.count())
                .join(EnterpriseRow, EnterpriseRow.id == LightRow.enterprise_id)
                .where(LightRow.quarter == quarter, EnterpriseRow.town == town)
                .group_by(LightRow.light)
            ):
                lights[light] = count
    by_category.sort(key=lambda row: row.key or "")
    cards = {
        "enterprises": enterprises,
        "inspections": inspections,
        "hazards_found": found,
        "hazards_rectified": fixed,
        "rectification_rate": percent(fixed, found),
        "overdue": overdue,
        "grades": grades,
        "lights": lights,
        "quarter": quarter,
    }
    return cards, tuple(by_category), months
