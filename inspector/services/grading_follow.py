"""Grading follows hazards (domain.md §4 rules 6 and 7), inside the caller's transaction.

`refresh_enterprise` is called by the hazard services after every change to a hazard, in the
same transaction, so the light and plaque can never disagree with the hazards on disk:

- the quarterly light of the quarter containing `today` is recomputed (upserted) from the
  enterprise's hazards and its latest completed or finalized inspection (regraded with the
  frozen template version it was graded with, amendments applied);
- while a major hazard **confirmed by the authority** is open, a current plaque of `today`'s
  year that is not D is replaced at once by a D plaque (the old row is kept, marked not
  current) whose reasons name the hazard. A suspected one (not yet decided) downgrades nothing:
  it turns the light yellow until the authority decides.

Closing the major hazard turns the light back (yellow or green) but does **not** restore the
plaque: a veto event downgrades for the rest of the plaque's year, and only the next annual
grading issues a better plaque. Restoring it automatically would let an enterprise with a
confirmed major hazard keep its A by fixing it after the fact, which rule 7 is meant to prevent.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.amendment import apply_amendments
from inspector.core.checklist import GradingRules, Result
from inspector.core.dates import Quarter
from inspector.core.grades import Grade
from inspector.core.grading import GradeResult, GradingError, grade
from inspector.core.hazard_lifecycle import HazardStatus, is_open
from inspector.core.major_hazard import MajorStanding
from inspector.core.plaque import HazardFacts, LightResult, downgraded_for_veto, quarterly_light
from inspector.db.models import AnswerRow, HazardRow, InspectionRow, LightRow, PlaqueRow, TemplateRow
from inspector.queries.amendment_history import amendment_histories
from inspector.queries.graded import GRADED, frozen_template, hazard_code

DOWNGRADE_SUFFIX = "-D"


def latest_grade(session: Session, enterprise_id: uuid.UUID) -> tuple[GradeResult | None, GradingRules | None]:
    """The grade of the enterprise's latest completed or finalized inspection, and its rules."""
    inspection = session.scalar(
        select(InspectionRow)
        .where(InspectionRow.enterprise_id == enterprise_id, InspectionRow.status.in_(GRADED))
        .order_by(InspectionRow.inspection_date.desc(), InspectionRow.completed_at.desc(), InspectionRow.id)
        .limit(1)
    )
    if inspection is None:
        return None, None
    template_row = session.get(TemplateRow, inspection.template_id)
    assert template_row is not None
    template = frozen_template(template_row.source, template_row.sha256)
    original = {
        r.item_code: (Result(r.result), r.note)
        for r in session.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection.id))
    }
    amendments = amendment_histories(session, [inspection.id]).get(inspection.id, [])
    effective = apply_amendments(original, amendments)
    try:
        result = grade(template, {code: value for code, (value, _) in effective.items()})
    except GradingError:
        return None, template.rules
    return result, template.rules


def refresh_enterprise(
    session: Session, enterprise_id: uuid.UUID, today: date, rules: GradingRules | None = None
) -> LightResult:
    """Recompute the enterprise's light for `today`'s quarter and downgrade its plaque on a veto
    event; `rules` default to those of the latest inspection's template (else the defaults)."""
    session.flush()
    # In one order on every copy: the light's reasons list them, and copies must derive the same row.
    hazards = list(
        session.scalars(
            select(HazardRow)
            .where(HazardRow.enterprise_id == enterprise_id)
            .order_by(HazardRow.found_on, HazardRow.created_at, HazardRow.id)
        )
    )
    latest, template_rules = latest_grade(session, enterprise_id)
    rules = rules or template_rules or GradingRules()
    facts = [
        HazardFacts(hazard_code(h), MajorStanding(h.major_status), HazardStatus(h.status), h.deadline) for h in hazards
    ]
    result = quarterly_light(facts, latest, rules, today)

    quarter = str(Quarter.of(today))
    light = session.scalar(select(LightRow).where(LightRow.enterprise_id == enterprise_id, LightRow.quarter == quarter))
    if light is None:
        session.add(
            LightRow(
                enterprise_id=enterprise_id, quarter=quarter, light=result.light.value, reasons=list(result.reasons)
            )
        )
    elif light.light != result.light.value or list(light.reasons) != list(result.reasons):
        light.light, light.reasons = result.light.value, list(result.reasons)

    open_major = [
        h
        for h in sorted(hazards, key=lambda h: (h.found_on, h.created_at, h.id))
        if h.major_status == MajorStanding.CONFIRMED.value and is_open(HazardStatus(h.status))
    ]
    if open_major:
        _downgrade(session, enterprise_id, today, open_major[0], rules)
    session.flush()
    return result


def _downgrade(session: Session, enterprise_id: uuid.UUID, today: date, hazard: HazardRow, rules: GradingRules) -> None:
    plaque = session.scalar(
        select(PlaqueRow).where(
            PlaqueRow.enterprise_id == enterprise_id, PlaqueRow.year == today.year, PlaqueRow.current.is_(True)
        )
    )
    if plaque is None:
        return
    new_grade = downgraded_for_veto(Grade(plaque.grade), rules.veto_grade)
    if new_grade.value == plaque.grade:
        return
    serial = plaque.serial + DOWNGRADE_SUFFIX
    taken = set(session.scalars(select(PlaqueRow.serial).where(PlaqueRow.serial.like(serial + "%"))))
    n = 1
    while serial in taken:
        n += 1
        serial = f"{plaque.serial}{DOWNGRADE_SUFFIX}{n}"
    plaque.current = False
    session.add(
        PlaqueRow(
            enterprise_id=enterprise_id,
            year=plaque.year,
            grade=new_grade.value,
            score=plaque.score,
            reasons=[f"重大事故隐患经部门认定未整改：{hazard.description}，即时降为 {new_grade.value} 级"],
            inspection_id=plaque.inspection_id,
            serial=serial,
            issued_on=today,
            current=True,
        )
    )
    session.flush()
