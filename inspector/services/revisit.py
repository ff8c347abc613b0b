"""Start a re-inspection from the enterprise's last visit (issue 15, item 9).

The last visit is the enterprise's newest completed or finalized inspection. A re-inspection
started from it uses the same template, and its checklist shows first what to re-check: the items
answered 不符合 or 部分符合 last time and the items with a hazard still open (from any visit),
with that hazard's before-photos; then every other item in the template's order. Open hazards
not raised from a checklist item (self-checks, workers' reports) are listed with the plan.

Which draft was started from which visit is kept in `meta` (`revisit_of:<draft>`), local to this
copy: it only orders one screen, so another copy shows the same draft in the template's order.
The plan itself is read afresh each time (a hazard closed meanwhile drops out of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from inspector.core.checklist import Result
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import OPEN, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.db.database import Database, get_meta
from inspector.db.ids import to_str, to_uuid
from inspector.db.models import HazardRow, InspectionRow, Meta
from inspector.services.hazards import HazardService
from inspector.services.inspections import InspectionService

REVISIT_KEY = "revisit_of:"
RECHECK_RESULTS = (Result.FAIL, Result.PARTIAL)


@dataclass(frozen=True)
class OpenHazard:
    id: str
    item_code: str | None
    description: str
    status: HazardStatus
    deadline: date
    before_photos: tuple[str, ...]  # photo sha256s, as found


@dataclass(frozen=True)
class RecheckItem:
    code: str
    last_result: Result | None  # None: answered 符合 or not at all last time, but a hazard is open
    last_note: str
    hazards: tuple[OpenHazard, ...]


@dataclass(frozen=True)
class RevisitPlan:
    previous_id: str
    previous_date: date
    template_id: str
    first: tuple[RecheckItem, ...]  # in the template's order
    other_hazards: tuple[OpenHazard, ...]  # open, not raised from an item of this template

    def item(self, code: str) -> RecheckItem | None:
        return next((item for item in self.first if item.code == code), None)

    def order(self, codes: list[str]) -> list[str]:
        """The template's item codes with the ones to re-check first."""
        first = [item.code for item in self.first]
        return first + [code for code in codes if code not in first]


class RevisitService:
    def __init__(self, db: Database, inspections: InspectionService, hazards: HazardService) -> None:
        self.db = db
        self.inspections = inspections
        self.hazards = hazards

    def last_visit(self, enterprise_id: str) -> str | None:
        """The enterprise's newest completed or finalized inspection."""
        with self.db.reading() as session:
            value = session.scalar(
                select(InspectionRow.id)
                .where(
                    InspectionRow.enterprise_id == to_uuid(enterprise_id, "企业"),
                    InspectionRow.status != InspectionStatus.DRAFT.value,
                )
                .order_by(InspectionRow.inspection_date.desc(), InspectionRow.updated_at.desc())
                .limit(1)
            )
        return to_str(value) if value is not None else None

    def plan(self, enterprise_id: str, previous_id: str | None = None) -> RevisitPlan | None:
        """What to re-check at the enterprise, from `previous_id` (default: its last visit)."""
        previous_id = previous_id or self.last_visit(enterprise_id)
        if previous_id is None:
            return None
        previous = self.inspections.get(previous_id)
        template = self.inspections.template_of(previous_id)
        codes = [item.code for item in template.items]
        hazards = self.open_hazards(enterprise_id)
        by_item: dict[str, list[OpenHazard]] = {}
        for hazard in hazards:
            if hazard.item_code in codes:
                by_item.setdefault(hazard.item_code, []).append(hazard)
        first = []
        for code in codes:
            answer = previous.answers.get(code)
            failed = answer is not None and answer.result in RECHECK_RESULTS
            if failed or code in by_item:
                first.append(
                    RecheckItem(
                        code,
                        answer.result if failed and answer is not None else None,
                        answer.note if answer is not None else "",
                        tuple(by_item.get(code, ())),
                    )
                )
        with self.db.reading() as session:
            template_id = session.scalar(
                select(InspectionRow.template_id).where(InspectionRow.id == to_uuid(previous_id, "检查"))
            )
        return RevisitPlan(
            previous_id,
            previous.inspection_date,
            to_str(template_id),
            tuple(first),
            tuple(h for h in hazards if h.item_code not in codes),
        )

    def open_hazards(self, enterprise_id: str) -> list[OpenHazard]:
        """The enterprise's hazards not yet rectified, oldest first, with their before-photos."""
        with self.db.reading() as session:
            ids = session.scalars(
                select(HazardRow.id)
                .where(
                    HazardRow.enterprise_id == to_uuid(enterprise_id, "企业"),
                    HazardRow.status.in_([status.value for status in OPEN]),
                )
                .order_by(HazardRow.found_on, HazardRow.id)
            ).all()
        views = [self.hazards.get(to_str(value)) for value in ids]
        return [OpenHazard(v.id, v.item_code, v.description, v.status, v.deadline, v.before_photos) for v in views]

    def start_from_last(self, enterprise_id: str, inspection_date: date, inspector_ids: list[str]) -> str:
        """A new draft with the last visit's template, its checklist ordered by `plan`."""
        plan = self.plan(enterprise_id)
        if plan is None:
            raise DomainError("该企业还没有已完成的检查，无法从上次检查开始")
        draft = self.inspections.start(enterprise_id, plan.template_id, inspection_date, inspector_ids)
        with self.db.transaction() as session:
            session.add(Meta(key=REVISIT_KEY + to_uuid(draft, "检查").hex, value=plan.previous_id))
        if plan.first:
            self.inspections.remember_position(draft, plan.first[0].code)
        return draft

    def plan_for(self, inspection_id: str) -> RevisitPlan | None:
        """The plan of a draft started from a last visit; None for any other inspection."""
        with self.db.reading() as session:
            previous = get_meta(session, REVISIT_KEY + to_uuid(inspection_id, "检查").hex)
            enterprise = session.scalar(
                select(InspectionRow.enterprise_id).where(InspectionRow.id == to_uuid(inspection_id, "检查"))
            )
        if previous is None or enterprise is None:
            return None
        return self.plan(to_str(enterprise), previous)
