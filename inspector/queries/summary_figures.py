"""The figures of the annual summary for managers.

Totals, grades and lights are `compute_stats` itself and the hazard columns by town are
`hazard_figures(..., "town")` itself, so the summary can never disagree with `inspector stats`
or `inspector hazards figures`. What this module adds, with the same definitions:
- inspected: enterprises with at least one completed or finalized inspection dated in the year;
- per town: registered enterprises, inspected enterprises, current plaques of the year by grade;
- the most frequently failed checklist items: inspections of the year whose effective answer
  (amendments applied) to the item is 不符合 (fail).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import distinct, func, select

from inspector.core.amendment import AmendmentField
from inspector.core.checklist import Result
from inspector.core.template_format import load_template
from inspector.db.database import Database
from inspector.db.models import AnswerRow, EnterpriseRow, InspectionRow, PlaqueRow, TemplateRow
from inspector.queries.amendment_history import amendment_histories
from inspector.queries.graded import GRADED
from inspector.queries.hazard_figures import FigureRow, hazard_figures
from inspector.queries.stats import Stats, compute_stats


@dataclass(frozen=True)
class TownRow:
    town: str
    enterprises: int
    inspected: int
    grades: dict[str, int]  # A B C D pending
    hazards: FigureRow


@dataclass(frozen=True)
class FailedItem:
    code: str
    text: str
    failures: int  # inspections of the year that failed it


@dataclass(frozen=True)
class AnnualFigures:
    stats: Stats
    inspected: int
    towns: list[TownRow]
    hazards_total: FigureRow
    failed_items: list[FailedItem]


@lru_cache(maxsize=16)
def _item_texts(source: str, sha: str) -> dict[str, str]:
    return {item.code: item.text for item in load_template(source, f"template {sha[:8]}").items}


def annual_figures(db: Database, year: int, today: date, top_items: int = 10) -> AnnualFigures:
    stats = compute_stats(db, year, today)
    by_town = hazard_figures(db, year, today, "town")
    first, last = date(year, 1, 1), date(year, 12, 31)
    in_year = (InspectionRow.inspection_date.between(first, last), InspectionRow.status.in_(GRADED))
    with db.reading() as session:
        registered = dict(session.execute(select(EnterpriseRow.town, func.count()).group_by(EnterpriseRow.town)).all())
        inspected_by_town = dict(
            session.execute(
                select(EnterpriseRow.town, func.count(distinct(InspectionRow.enterprise_id)))
                .join(EnterpriseRow, EnterpriseRow.id == InspectionRow.enterprise_id)
                .where(*in_year)
                .group_by(EnterpriseRow.town)
            ).all()
        )
        grades: dict[str, Counter[str]] = {}
        for town, grade, count in session.execute(
            select(EnterpriseRow.town, PlaqueRow.grade, func.count())
            .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
            .where(PlaqueRow.year == year, PlaqueRow.current.is_(True))
            .group_by(EnterpriseRow.town, PlaqueRow.grade)
        ):
            grades.setdefault(town, Counter())[grade] = count
        failed_items = _failed_items(session, in_year, top_items)

    hazards = {row.key: row for row in by_town if not row.is_total}
    towns = []
    for town in sorted(set(registered) | set(hazards)):
        counts = grades.get(town, Counter())
        town_grades = {g: counts.get(g, 0) for g in "ABCD"}
        town_grades["pending"] = registered.get(town, 0) - sum(town_grades.values())
        row = hazards.get(town) or FigureRow(town, town, 0, 0, None, 0)
        towns.append(TownRow(town, registered.get(town, 0), inspected_by_town.get(town, 0), town_grades, row))
    return AnnualFigures(stats, sum(inspected_by_town.values()), towns, by_town[-1], failed_items)


def _failed_items(session, in_year: tuple, top: int) -> list[FailedItem]:  # type: ignore[no-untyped-def]
    fail = Result.FAIL.value
    counts: Counter[tuple[uuid.UUID, str]] = Counter()
    for template_id, code, count in session.execute(
        select(InspectionRow.template_id, AnswerRow.item_code, func.count())
        .join(AnswerRow, AnswerRow.inspection_id == InspectionRow.id)
        .where(*in_year, AnswerRow.result == fail)
        .group_by(InspectionRow.template_id, AnswerRow.item_code)
    ):
        counts[(template_id, code)] = count
    # Amendments to answers are rare: replay them (in causal order) and correct the counts.
    effective: dict[tuple[uuid.UUID, str], tuple[uuid.UUID, str | None, str]] = {}
    histories = amendment_histories(session, select(InspectionRow.id).where(*in_year))
    if histories:
        originals = {
            (inspection_id, code): (template_id, result)
            for inspection_id, template_id, code, result in session.execute(
                select(InspectionRow.id, InspectionRow.template_id, AnswerRow.item_code, AnswerRow.result)
                .outerjoin(AnswerRow, AnswerRow.inspection_id == InspectionRow.id)
                .where(InspectionRow.id.in_(list(histories)))
            )
        }
        templates = {inspection_id: template_id for (inspection_id, _), (template_id, _) in originals.items()}
        for inspection_id, history in histories.items():
            for amendment in history:
                if amendment.field is AmendmentField.ANSWER and amendment.item_code is not None:
                    key = (inspection_id, amendment.item_code)
                    original = originals.get(key, (None, None))[1]
                    effective[key] = (templates[inspection_id], original, amendment.new_value)
    for (_inspection, code), (template_id, original, new_value) in effective.items():
        counts[(template_id, code)] += (new_value == fail) - (original == fail)

    sources = {
        row.id: (row.source, row.sha256)
        for row in session.execute(select(TemplateRow.id, TemplateRow.source, TemplateRow.sha256))
    }
    merged: Counter[tuple[str, str]] = Counter()
    for (template_id, code), count in counts.items():
        if count > 0:
            text = _item_texts(*sources[template_id]).get(code, "") if template_id in sources else ""
            merged[(code, text)] += count
    ranked = sorted(merged.items(), key=lambda pair: (-pair[1], pair[0][0]))[:top]
    return [FailedItem(code, text, count) for (code, text), count in ranked]
