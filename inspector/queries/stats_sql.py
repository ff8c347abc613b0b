"""The figures managers report: their SQL, written once, and the `Stats` it makes.

Two paths run the same SQL text: `compute_stats` (inspector/queries/stats.py) through the
application's SQLAlchemy session, used by every screen, and `quick_stats` here through the
standard library's sqlite3 on an up-to-date database, used by `inspector stats`, whose whole
run would otherwise be mostly the import of SQLAlchemy and the models.
tests/test_stats_paths.py checks the two give the same figures on a demo city.

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
  `enterprises`;
- training: per kind (first_lesson 开工第一课, team_leader 班组长培训), the sessions held in the
  year, the enterprises reached and the workers trained (headcounts summed: 人次).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inspector.core.grades import Grade, Light
from inspector.core.hazard_lifecycle import AWAITING_FIX, RECTIFIED, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.rates import percent
from inspector.core.training import TrainingKind, TrainingTotals

Execute = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]
"""Runs one SQL text with named parameters and returns its rows."""


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


def _listed(statuses: Any) -> str:
    return ", ".join(sorted(f"'{s.value}'" for s in statuses))


_GRADED = _listed([InspectionStatus.COMPLETED, InspectionStatus.FINALIZED])


def _queries(town: bool) -> dict[str, str]:
    """The SQL of each figure; with `town`, restricted to the enterprises of :town. The join to
    the register is made only then: it costs a third more."""

    def of_town(table: str, alias: str) -> str:
        return f"{table} {alias} JOIN enterprises e ON e.id = {alias}.enterprise_id" if town else f"{table} {alias}"

    and_town = " AND e.town = :town" if town else ""
    return {
        "enterprises": "SELECT count(*) FROM enterprises e" + (" WHERE e.town = :town" if town else ""),
        "inspections": f"SELECT count(*) FROM {of_town('inspections', 'i')}"
        f" WHERE i.inspection_date BETWEEN :first AND :last AND i.status IN ({_GRADED}){and_town}",
        "hazards": "SELECT count(*),"
        f" count(*) FILTER (WHERE h.status IN ({_listed(RECTIFIED)})),"
        f" count(*) FILTER (WHERE h.status IN ({_listed(AWAITING_FIX)}) AND h.deadline < :today)"
        f" FROM {of_town('hazards', 'h')}"
        f" WHERE h.found_on BETWEEN :first AND :last AND h.status != '{HazardStatus.VOIDED.value}'{and_town}",
        "grades": f"SELECT p.grade, count(DISTINCT p.enterprise_id) FROM {of_town('plaques', 'p')}"
        f" WHERE p.year = :year AND p.current = 1{and_town} GROUP BY p.grade",
        # The lights' quarter stays the city's, so that town and city lights compare.
        "quarter": "SELECT max(quarter) FROM lights WHERE quarter BETWEEN :q1 AND :q4",
        "lights": f"SELECT l.light, count(*) FROM {of_town('lights', 'l')}"
        f" WHERE l.quarter = :quarter{and_town} GROUP BY l.light",
        # Every kind named, so that SQLite reads only the covering (kind, held_on, enterprise_id,
        # headcount) index: 43 ms instead of 112 over a 25,000-enterprise city's trainings.
        "training": "SELECT t.kind, count(*), count(DISTINCT t.enterprise_id), sum(t.headcount)"
        f" FROM {of_town('trainings', 't')}"
        f" WHERE t.kind IN ({_listed(TrainingKind)}) AND t.held_on BETWEEN :first AND :last{and_town}"
        " GROUP BY t.kind",
    }


SQL = {False: _queries(town=False), True: _queries(town=True)}
"""The figures' SQL for the whole city (False) and for one town (True)."""


def figures(execute: Execute, year: int, today: date, town: str | None = None) -> Stats:
    """The figures of the year, each read by `execute` from its SQL in `SQL`."""
    sql = SQL[town is not None]
    params: dict[str, Any] = {
        "first": date(year, 1, 1).isoformat(),
        "last": date(year, 12, 31).isoformat(),
        "today": today.isoformat(),
        "year": year,
        "q1": f"{year}Q1",
        "q4": f"{year}Q4",
    }
    if town is not None:
        params["town"] = town
    enterprises = execute(sql["enterprises"], params)[0][0] or 0
    inspections = execute(sql["inspections"], params)[0][0] or 0
    found, fixed, overdue = execute(sql["hazards"], params)[0]
    grades = {g.value: 0 for g in Grade}
    for grade, count in execute(sql["grades"], params):
        grades[grade] = count
    grades["pending"] = enterprises - sum(grades.values())
    quarter = execute(sql["quarter"], params)[0][0]
    lights = {light.value: 0 for light in Light}
    if quarter:
        for light, count in execute(sql["lights"], {**params, "quarter": quarter}):
            lights[light] = count
    unlit = enterprises - sum(lights.values())
    training = {kind.value: TrainingTotals() for kind in TrainingKind}
    for kind, sessions, reached, workers in execute(sql["training"], params):
        training[kind] = TrainingTotals(sessions, reached, workers or 0)
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


def quick_stats(data_dir: Path, year: int | None = None, day: date | None = None) -> Stats | None:
    """The figures read with sqlite3 alone, or None when the database must go through the full
    path first (missing, or not at the head revision: it is created or upgraded there). `day`
    is today in the office's time zone unless given."""
    from inspector.core.dates import today
    from inspector.db.quick_read import open_current
    from inspector.settings import Settings

    connection = open_current(data_dir)
    if connection is None:
        return None
    try:
        day = day or today(Settings.load(data_dir).timezone)
        with connection:  # one read transaction: the figures are of one moment
            connection.execute("BEGIN")
            return figures(lambda sql, params: connection.execute(sql, params).fetchall(), year or day.year, day)
    finally:
        connection.close()
