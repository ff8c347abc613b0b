"""One inspection as the review screen and the inspection report show it (read-only).

Both show the same things: the inspection with its answers, the template it was graded with, the
enterprise, the result, the items not passed, the hazards raised, the signatures and, once
finalized, the corrections (更正). They read them here, once, through the services that own each
part, and each picks what it shows:
- the review screen shows the result *as signed*, with the corrected grade beside it when a
  correction changed it, and marks each corrected answer;
- the report prints the *effective* result (every correction applied), with the signed score
  and grade in a note when corrections exist.
A draft has a provisional result and no signatures; a draft with no applicable answer has no
result at all, and nothing to review or print.

This module sits with the services, not in inspector/queries, because it composes their reads
(InspectionView, HazardView, the signatures that count, the effective answers), and queries
lie below services in the layers.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.core.amendment import Amendment
from inspector.core.checklist import Item, Result, Template
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult, GradingError, grade
from inspector.core.inspection import InspectionStatus
from inspector.db.database import Database
from inspector.services.amendments import AmendmentService
from inspector.services.enterprises import EnterpriseService
from inspector.services.hazards import HazardService, HazardView
from inspector.services.inspections import Answer, InspectionService, InspectionView
from inspector.services.signatures import Signature, SignatureRole, SignatureService, inspection_hazard_ids

NOT_PASSED = (Result.FAIL, Result.PARTIAL)


class NothingToReview(DomainError):
    """A draft without any applicable answer: there is no result to review or print yet."""


@dataclass(frozen=True)
class Finding:
    """An item not passed (不符合 or 部分符合), with the answer's note.

    In the signed list, `corrected` holds the answer a correction changed it to (None if none did)."""

    item: Item
    result: Result
    note: str
    corrected: Answer | None = None


@dataclass(frozen=True)
class InspectionReview:
    view: InspectionView  # with the answers as recorded (signed, once finalized)
    enterprise: Enterprise
    template: Template  # the frozen version the inspection was graded with
    signed: GradeResult  # the result of the recorded answers (provisional for a draft)
    result: GradeResult  # the effective result: every correction applied (= signed without any)
    effective_answers: dict[str, Answer]
    amendments: tuple[Amendment, ...]  # oldest first; only a finalized inspection has any
    hazards: tuple[HazardView, ...]  # raised in the inspection, voided ones excepted
    signatures: dict[SignatureRole, Signature]  # those that count; none for a draft

    @property
    def draft(self) -> bool:
        return self.view.status is InspectionStatus.DRAFT

    @property
    def finalized(self) -> bool:
        return self.view.status is InspectionStatus.FINALIZED

    @property
    def original(self) -> tuple[float, str] | None:
        """The signed score and grade as stored, when corrections exist (the report's note)."""
        if self.amendments and self.view.score is not None and self.view.grade is not None:
            return self.view.score, self.view.grade
        return None

    @property
    def corrected_result(self) -> GradeResult | None:
        """The effective result when corrections changed the stored grade or score, else None."""
        if not self.amendments:
            return None
        view = self.view
        if self.result.grade.value != view.grade or (view.score is not None and self.result.score != view.score):
            return self.result
        return None

    def findings(self) -> tuple[Finding, ...]:
        """The items not passed after every correction, in checklist order (what the report prints)."""
        answers = self.effective_answers
        return tuple(
            Finding(item, answers[item.code].result, answers[item.code].note)
            for item in self.template.items
            if item.code in answers and answers[item.code].result in NOT_PASSED
        )

    def signed_findings(self) -> tuple[Finding, ...]:
        """The items not passed as recorded, each with what a correction changed it to."""
        findings = []
        for item in self.template.items:
            answer = self.view.answers.get(item.code)
            if answer is None or answer.result not in NOT_PASSED:
                continue
            now = self.effective_answers.get(item.code)
            corrected = now if now is not None and now != answer else None
            findings.append(Finding(item, answer.result, answer.note, corrected))
        return tuple(findings)


class InspectionReviews:
    """Reads an `InspectionReview` through the services that own its parts."""

    def __init__(
        self,
        db: Database,
        inspections: InspectionService,
        enterprises: EnterpriseService,
        amendments: AmendmentService,
        signatures: SignatureService,
        hazards: HazardService,
    ) -> None:
        self.db = db
        self.inspections = inspections
        self.enterprises = enterprises
        self.amendments = amendments
        self.signatures = signatures
        self.hazards = hazards

    def hazards_of(self, inspection_id: str) -> tuple[HazardView, ...]:
        """The hazards raised in the inspection (voided ones excepted), in the order found."""
        return tuple(self.hazards.get(h) for h in inspection_hazard_ids(self.db, inspection_id))

    def get(self, inspection_id: str) -> InspectionReview:
        """Raises DomainError for an unknown or malformed id, and NothingToReview for a draft with
        no applicable answer."""
        view = self.inspections.get(inspection_id)
        template = self.inspections.template_of(view.id)
        try:
            signed = grade(template, {code: answer.result for code, answer in view.answers.items()})
        except GradingError:
            if view.status is not InspectionStatus.DRAFT:
                raise
            raise NothingToReview(
                f"检查 {view.id} 还是草稿，且没有任何适用的答案，还没有可复核或打印的结果；请先作答"
            ) from None
        finalized = view.status is InspectionStatus.FINALIZED
        amendments = tuple(self.amendments.history(view.id)) if finalized else ()
        effective_answers = self.amendments.effective_answers(view.id) if amendments else view.answers
        result = grade(template, {c: a.result for c, a in effective_answers.items()}) if amendments else signed
        draft = view.status is InspectionStatus.DRAFT
        return InspectionReview(
            view=view,
            enterprise=self.enterprises.get(view.enterprise_id),
            template=template,
            signed=signed,
            result=result,
            effective_answers=effective_answers,
            amendments=amendments,
            hazards=self.hazards_of(view.id),
            signatures={} if draft else self.signatures.signatures(view.id),
        )
