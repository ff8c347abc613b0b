"""What the inspection report prints, read through the services in one place (read-only).

Which result is printed:
- a finalized inspection prints its *effective* result: the signed answers with every amendment
  (更正) applied, graded with the frozen template version; when amendments exist the signed
  original score and grade are printed beside it, and the amendments are listed;
- a completed inspection (signatures may still be missing) prints its stored result; missing
  signatures are left as blank lines to sign on paper;
- a draft prints too — inspectors print one to go through it with the enterprise — but marked
  草稿 on every page with a provisional (暂定) result; a draft without any applicable answer has
  nothing to report and is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspector.core.amendment import Amendment
from inspector.core.checklist import Item, Result, Template
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult, GradingError, grade
from inspector.core.inspection import InspectionStatus
from inspector.photos.photo_store import PhotoStore
from inspector.services.hazards import HazardView
from inspector.services.inspections import Answer, InspectionView
from inspector.services.signatures import Signature, SignatureRole, inspection_hazard_ids

if TYPE_CHECKING:
    from inspector.workspace import Workspace


class ReportUnavailable(DomainError):
    """The record exists but is in no state to be printed."""


@dataclass(frozen=True)
class ItemFinding:
    """A failed or partly met item, as printed."""

    item: Item
    result: Result
    note: str


@dataclass(frozen=True)
class InspectionReportData:
    view: InspectionView
    enterprise: Enterprise
    template: Template
    result: GradeResult  # the effective result (amended, or provisional for a draft)
    answers: dict[str, Answer]  # effective answers
    original: tuple[float, str] | None  # the signed score and grade, when there are amendments
    amendments: tuple[Amendment, ...]
    findings: tuple[ItemFinding, ...]
    hazards: tuple[HazardView, ...]
    signatures: dict[SignatureRole, Signature]
    photos: PhotoStore

    @property
    def draft(self) -> bool:
        return self.view.status is InspectionStatus.DRAFT


def load_inspection_report(ws: Workspace, inspection_id: str) -> InspectionReportData:
    view = ws.inspections.get(inspection_id)  # DomainError for an unknown or malformed id
    template = ws.inspections.template_of(view.id)
    enterprise = ws.enterprises.get(view.enterprise_id)
    amendments: tuple[Amendment, ...] = ()
    original = None
    if view.status is InspectionStatus.DRAFT:
        answers = view.answers
        try:
            result = grade(template, {code: a.result for code, a in answers.items()})
        except GradingError:
            raise ReportUnavailable(
                f"检查 {view.id} 还是草稿，且没有任何适用的答案，无法生成检查报告；请先作答"
            ) from None
    elif view.status is InspectionStatus.FINALIZED:
        amendments = tuple(ws.amendments.history(view.id))
        answers = ws.amendments.effective_answers(view.id) if amendments else view.answers
        result = ws.amendments.effective_grade(view.id)
        if amendments and view.score is not None and view.grade is not None:
            original = (view.score, view.grade)
    else:
        answers = view.answers
        result = grade(template, {code: a.result for code, a in answers.items()})

    findings = tuple(
        ItemFinding(item, answers[item.code].result, answers[item.code].note)
        for item in template.items
        if item.code in answers and answers[item.code].result in (Result.FAIL, Result.PARTIAL)
    )
    hazards = tuple(ws.hazards.get(hazard_id) for hazard_id in inspection_hazard_ids(ws.db, view.id))
    signatures = ws.signatures.signatures(view.id) if view.status is not InspectionStatus.DRAFT else {}
    return InspectionReportData(
        view=view,
        enterprise=enterprise,
        template=template,
        result=result,
        answers=answers,
        original=original,
        amendments=amendments,
        findings=findings,
        hazards=hazards,
        signatures=signatures,
        photos=ws.photos,
    )
