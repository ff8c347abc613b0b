"""The one read model of an inspection that the review screen and the inspection report both show
(`workspace.reviews`), on real SQLite: the result as signed and as corrected, the items not passed
either way, the hazards, the signatures, and what a draft has and lacks."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.grades import Grade
from inspector.services.inspection_review import NothingToReview
from inspector.services.signatures import SignatureRole
from inspector.workspace import Workspace

ANSWERS = {"C-1": Result.FAIL, "I-2": Result.FAIL, "D-2": Result.PARTIAL}  # C-1 is a key item
DRAWING = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6]]]


def start(ws: Workspace) -> str:
    inspectors = [ws.roster.add("王建国"), ws.roster.add("李明")]
    enterprise_id = ws.enterprises.add(
        Enterprise("平湖市复核示例有限公司", with_check_digit("91330482000000901"), "当湖街道", contact_person="张伟")
    )
    return ws.inspections.start(enterprise_id, ws.default_template_id(), date(2026, 5, 12), inspectors)


def completed(ws: Workspace) -> str:
    inspection_id = start(ws)
    for item in ws.inspections.template_of(inspection_id).items:
        ws.inspections.answer(inspection_id, item.code, ANSWERS.get(item.code, Result.PASS))
    ws.inspections.complete(inspection_id)
    ws.hazards.raise_hazard(ws.inspections.hazard_draft_for_item(inspection_id, "C-1", date(2026, 5, 12)))
    return inspection_id


def finalized(ws: Workspace) -> str:
    inspection_id = completed(ws)
    for role, name in zip(SignatureRole, ("王建国", "李明", "张伟"), strict=True):
        ws.signatures.sign(inspection_id, role, name, DRAWING)
    ws.signatures.finalize_signed(inspection_id)
    return inspection_id


def test_a_completed_inspection_reads_as_recorded(workspace: Workspace) -> None:
    inspection_id = completed(workspace)
    review = workspace.reviews.get(inspection_id)
    view = workspace.inspections.get(inspection_id)
    assert review.view == view and review.enterprise.contact_person == "张伟"
    assert review.signed == review.result == workspace.inspections.live_grade(inspection_id)
    assert (review.signed.score, review.signed.grade.value) == (view.score, view.grade)
    assert review.signed.grade is Grade.C  # the failed key item caps it
    assert review.amendments == () and review.original is None and review.corrected_result is None
    assert [(f.item.code, f.result) for f in review.findings()] == [
        (code, ANSWERS[code]) for code in ("C-1", "D-2", "I-2")
    ]  # in checklist order
    assert review.signed_findings() == review.findings()
    assert [h.item_code for h in review.hazards] == ["C-1"]
    assert review.signatures == {}  # none yet: the report leaves lines to sign on paper


def test_a_correction_changes_the_result_but_not_what_was_signed(workspace: Workspace) -> None:
    inspection_id = finalized(workspace)
    signed = workspace.reviews.get(inspection_id)
    assert set(signed.signatures) == set(SignatureRole) and signed.finalized
    workspace.amendments.amend_answer(inspection_id, "C-1", Result.PASS, "复核照片，已当场整改", "王建国")

    review = workspace.reviews.get(inspection_id)
    view = review.view
    assert review.signed == signed.signed  # the signed result stands
    assert review.result == workspace.amendments.effective_grade(inspection_id)
    assert review.result.grade is not Grade.C and review.corrected_result == review.result
    assert review.original == (view.score, view.grade) and view.grade == "C"
    assert [a.item_code for a in review.amendments] == ["C-1"]
    # The report prints the items not passed now; the review lists them as signed, marked.
    assert [f.item.code for f in review.findings()] == ["D-2", "I-2"]
    marked = {f.item.code: f.corrected for f in review.signed_findings()}
    assert set(marked) == {"C-1", "D-2", "I-2"}
    assert marked["C-1"] is not None and marked["C-1"].result is Result.PASS
    assert marked["D-2"] is None and marked["I-2"] is None


def test_a_correction_that_leaves_grade_and_score_shows_no_corrected_result(workspace: Workspace) -> None:
    inspection_id = finalized(workspace)
    workspace.amendments.amend_note(inspection_id, "I-2", "灭火器已更换", "补充说明", "李明")
    review = workspace.reviews.get(inspection_id)
    assert len(review.amendments) == 1 and review.original is not None
    assert review.corrected_result is None and review.result == review.signed
    assert next(f for f in review.signed_findings() if f.item.code == "I-2").corrected is not None


def test_a_draft_is_provisional_and_one_with_nothing_applicable_has_nothing_to_review(workspace: Workspace) -> None:
    inspection_id = start(workspace)
    with pytest.raises(NothingToReview, match="草稿"):
        workspace.reviews.get(inspection_id)
    workspace.inspections.answer(inspection_id, "B-3", Result.NOT_APPLICABLE)
    with pytest.raises(NothingToReview):
        workspace.reviews.get(inspection_id)
    workspace.inspections.answer(inspection_id, "C-1", Result.FAIL)
    review = workspace.reviews.get(inspection_id)
    assert review.draft and not review.result.complete and review.signatures == {}
    assert [f.item.code for f in review.findings()] == ["C-1"]
