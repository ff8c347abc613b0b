"""Inspections over a real database with the shipped checklist: start, answer (committed at once),
live grade, complete, reopen, finalize, and frozen template versions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError, TransitionRefused
from inspector.core.grades import Grade
from inspector.core.inspection import InspectionStatus
from inspector.db.database import DB_NAME
from inspector.workspace import Workspace
from tests.sqlite_files import row

SHIPPED_FORM = Path(__file__).resolve().parent.parent / "forms" / "general-manufacturing.toml"
DAY = date(2026, 5, 12)
# general-manufacturing v3 (v2 with the section floor at 50 %): veto items A-5 H-2 H-3, key items A-1 A-4 B-3
# C-1 E-1 F-1 H-1
SHIPPED_VERSION = 3
# Failing these four plain items (2.5 + 2.5 + 2 + 1 of 100 points, no key or veto item, no section
# below its floor) scores 92.0: an A with the shipped bands, a B once band_a is raised to 95.
FAIL_FOR_92 = ("C-6", "D-1", "E-4", "I-3")


@pytest.fixture
def template_id(workspace: Workspace) -> str:
    return workspace.default_template_id()


@pytest.fixture
def enterprise_id(workspace: Workspace) -> str:
    return workspace.enterprises.add(
        Enterprise("平湖市检查对象机械有限公司", with_check_digit("91330482000000100"), "当湖街道")
    )


@pytest.fixture
def inspectors(workspace: Workspace) -> list[str]:
    return [workspace.roster.add("张检查", "JC001"), workspace.roster.add("李检查", "JC002")]


@pytest.fixture
def inspection(workspace: Workspace, enterprise_id: str, template_id: str, inspectors: list[str]) -> str:
    return workspace.inspections.start(enterprise_id, template_id, DAY, inspectors)


def answer_all(
    workspace: Workspace, inspection_id: str, fail: tuple[str, ...] = (), skip: tuple[str, ...] = ()
) -> None:
    for item in workspace.inspections.template_of(inspection_id).items:
        if item.code in skip:
            continue
        workspace.inspections.answer(inspection_id, item.code, Result.FAIL if item.code in fail else Result.PASS)


@pytest.fixture
def completed(workspace: Workspace, inspection: str) -> str:
    """The inspection, every item answered 符合, completed."""
    answer_all(workspace, inspection)
    workspace.inspections.complete(inspection)
    return inspection


def inspection_row(data_dir: Path, inspection_id: str) -> dict[str, object]:
    return row(data_dir / DB_NAME, "SELECT * FROM inspections WHERE id = ?", inspection_id)


@pytest.fixture
def second(data_dir: Path, workspace: Workspace) -> Iterator[Workspace]:
    """Another Workspace on the same folder, as a second process would open it."""
    other = Workspace(data_dir)
    yield other
    other.close()


# -- the shipped template -----------------------------------------------------------------------
def test_default_template_is_registered_once(workspace: Workspace, template_id: str) -> None:
    assert workspace.default_template_id() == template_id
    template = workspace.templates.load(template_id)
    assert template.code == "general-manufacturing"
    assert workspace.templates.latest_id("general-manufacturing") == template_id


# -- start ---------------------------------------------------------------------------------------
def test_started_inspection_is_a_draft_with_its_inspectors(
    workspace: Workspace, inspection: str, enterprise_id: str, template_id: str
) -> None:
    view = workspace.inspections.get(inspection)
    assert view.status is InspectionStatus.DRAFT
    assert view.enterprise_id == enterprise_id
    assert view.enterprise_name == "平湖市检查对象机械有限公司"
    assert view.template_id == template_id
    assert view.inspection_date == DAY
    assert view.inspectors == ("张检查", "李检查")
    assert view.answers == {}
    assert (view.score, view.grade) == (None, None)
    assert workspace.inspections.drafts() == [inspection]


def test_start_with_one_inspector_is_refused(
    workspace: Workspace, enterprise_id: str, template_id: str, inspectors: list[str]
) -> None:
    with pytest.raises(DomainError, match="至少需要 2 名"):
        workspace.inspections.start(enterprise_id, template_id, DAY, inspectors[:1])
    assert workspace.inspections.drafts() == []


def test_start_with_the_same_inspector_twice_is_refused(
    workspace: Workspace, enterprise_id: str, template_id: str, inspectors: list[str]
) -> None:
    with pytest.raises(DomainError, match="不同的检查人员"):
        workspace.inspections.start(enterprise_id, template_id, DAY, [inspectors[0], inspectors[0]])
    assert workspace.inspections.drafts() == []


def test_start_with_a_repeated_inspector_among_others_gives_no_database_error(
    workspace: Workspace, enterprise_id: str, template_id: str, inspectors: list[str]
) -> None:
    try:
        inspection_id = workspace.inspections.start(
            enterprise_id, template_id, DAY, [inspectors[0], inspectors[1], inspectors[0]]
        )
    except DomainError:
        return  # refusing is fine
    assert workspace.inspections.get(inspection_id).inspectors == ("张检查", "李检查")  # so is de-duplicating


def test_start_with_an_inspector_not_on_the_roster_is_refused(
    workspace: Workspace, enterprise_id: str, template_id: str, inspectors: list[str]
) -> None:
    with pytest.raises(DomainError, match="不在名册中"):
        workspace.inspections.start(enterprise_id, template_id, DAY, [inspectors[0], "a" * 32])


def test_start_for_an_unknown_enterprise_is_refused(
    workspace: Workspace, template_id: str, inspectors: list[str]
) -> None:
    with pytest.raises(DomainError, match="不存在"):
        workspace.inspections.start("b" * 32, template_id, DAY, inspectors)


# -- answering -----------------------------------------------------------------------------------
def test_first_answer_gives_a_provisional_live_grade(workspace: Workspace, inspection: str) -> None:
    result = workspace.inspections.answer(inspection, "A-1", Result.PASS)
    assert result is not None
    assert (result.score, result.grade) == (100.0, Grade.A)
    assert not result.complete
    assert "A-2" in result.unanswered_required


def test_live_grade_follows_the_answers(workspace: Workspace, inspection: str) -> None:
    workspace.inspections.answer(inspection, "A-1", Result.PASS)
    result = workspace.inspections.answer(inspection, "A-2", Result.PARTIAL)
    assert result is not None and result.score == 80.0  # (3 + 1) of 5 points
    result = workspace.inspections.answer(inspection, "A-5", Result.FAIL)  # a veto item
    assert result is not None and result.grade is Grade.D
    assert result.failed_veto == ("A-5",)
    result = workspace.inspections.answer(inspection, "A-5", Result.PASS)  # changed its mind
    assert result is not None and result.failed_veto == ()
    assert workspace.inspections.live_grade(inspection) == result


def test_only_not_applicable_answers_give_no_live_grade(workspace: Workspace, inspection: str) -> None:
    assert workspace.inspections.answer(inspection, "B-5", Result.NOT_APPLICABLE) is None


def test_answer_keeps_its_note_until_a_new_one_is_given(workspace: Workspace, inspection: str) -> None:
    workspace.inspections.answer(inspection, "C-2", Result.FAIL, note="二楼疏散指示灯不亮")
    workspace.inspections.answer(inspection, "C-2", Result.PARTIAL)
    assert workspace.inspections.answers(inspection)["C-2"].note == "二楼疏散指示灯不亮"
    assert workspace.inspections.answers(inspection)["C-2"].result is Result.PARTIAL


def test_answer_is_committed_before_the_call_returns(workspace: Workspace, second: Workspace, inspection: str) -> None:
    workspace.inspections.answer(inspection, "C-1", Result.FAIL, note="安全出口上锁")
    seen = second.inspections.answers(inspection)
    assert set(seen) == {"C-1"}
    assert (seen["C-1"].result, seen["C-1"].note) == (Result.FAIL, "安全出口上锁")


def test_answer_to_an_unknown_item_is_refused(workspace: Workspace, inspection: str) -> None:
    with pytest.raises(DomainError, match="没有检查项 Z-99"):
        workspace.inspections.answer(inspection, "Z-99", Result.PASS)
    assert workspace.inspections.answers(inspection) == {}


def test_partial_on_a_pass_fail_item_is_refused(workspace: Workspace, inspection: str) -> None:
    with pytest.raises(DomainError, match="C-1 不允许作答“部分符合”"):
        workspace.inspections.answer(inspection, "C-1", Result.PARTIAL)
    assert workspace.inspections.answers(inspection) == {}


def test_not_applicable_on_a_no_na_item_is_refused(workspace: Workspace, inspection: str) -> None:
    with pytest.raises(DomainError, match="A-1 不允许作答“不适用”"):
        workspace.inspections.answer(inspection, "A-1", Result.NOT_APPLICABLE)


# -- complete, reopen, finalize ------------------------------------------------------------------
def test_complete_without_answers_is_refused(workspace: Workspace, inspection: str) -> None:
    with pytest.raises(DomainError, match="还没有任何答案"):
        workspace.inspections.complete(inspection)


def test_complete_is_refused_while_required_items_are_unanswered(workspace: Workspace, inspection: str) -> None:
    answer_all(workspace, inspection, skip=("C-3", "H-2", "L-3"))
    with pytest.raises(TransitionRefused) as caught:
        workspace.inspections.complete(inspection)
    message = str(caught.value)
    assert "3 个必答项未作答" in message
    assert "C-3、H-2、L-3" in message
    assert workspace.inspections.get(inspection).status is InspectionStatus.DRAFT


def test_optional_items_may_stay_unanswered(workspace: Workspace, inspection: str) -> None:
    answer_all(workspace, inspection, skip=("B-4",))  # B-4 is optional
    assert workspace.inspections.complete(inspection).complete


def test_complete_stores_score_grade_and_summary(workspace: Workspace, inspection: str) -> None:
    answer_all(workspace, inspection, fail=FAIL_FOR_92)
    result = workspace.inspections.complete(inspection)
    assert (result.score, result.grade) == (92.0, Grade.A)
    view = workspace.inspections.get(inspection)
    assert view.status is InspectionStatus.COMPLETED
    assert (view.score, view.grade, view.grade_summary) == (92.0, "A", result.summary)
    assert view.grade_summary.startswith("A：")
    row = inspection_row(workspace.data_dir, inspection)
    assert (row["status"], row["score"], row["grade"]) == ("completed", 92.0, "A")
    assert row["completed_at"] is not None
    assert workspace.inspections.drafts() == []


def test_failed_veto_item_completes_as_d_with_the_reason(workspace: Workspace, inspection: str) -> None:
    answer_all(workspace, inspection, fail=("H-3",))
    result = workspace.inspections.complete(inspection)
    assert result.grade is Grade.D
    assert "否决项 H-3" in workspace.inspections.get(inspection).grade_summary


def test_answering_after_completion_is_refused(workspace: Workspace, completed: str) -> None:
    with pytest.raises(TransitionRefused, match="不能再修改答案"):
        workspace.inspections.answer(completed, "A-1", Result.FAIL)
    assert workspace.inspections.answers(completed)["A-1"].result is Result.PASS


def test_completing_twice_is_refused(workspace: Workspace, completed: str) -> None:
    with pytest.raises(TransitionRefused, match="只有草稿可以完成"):
        workspace.inspections.complete(completed)


def test_reopen_returns_to_draft_and_clears_the_grade(workspace: Workspace, completed: str) -> None:
    workspace.inspections.reopen(completed)
    view = workspace.inspections.get(completed)
    assert view.status is InspectionStatus.DRAFT
    assert (view.score, view.grade, view.grade_summary) == (None, None, "")
    assert inspection_row(workspace.data_dir, completed)["completed_at"] is None
    workspace.inspections.answer(completed, "H-3", Result.FAIL)  # answers may change again
    assert workspace.inspections.complete(completed).grade is Grade.D


def test_reopen_a_draft_is_refused(workspace: Workspace, inspection: str) -> None:
    with pytest.raises(TransitionRefused, match="只有已完成、未定稿的检查可以退回修改"):
        workspace.inspections.reopen(inspection)


def test_finalize_a_draft_is_refused(workspace: Workspace, inspection: str) -> None:
    workspace.inspections.answer(inspection, "A-1", Result.PASS)
    with pytest.raises(TransitionRefused, match="只有已完成的检查可以定稿"):
        workspace.inspections.finalize(inspection)
    assert workspace.inspections.get(inspection).status is InspectionStatus.DRAFT


def test_finalize_a_completed_inspection(workspace: Workspace, completed: str) -> None:
    workspace.inspections.finalize(completed)
    view = workspace.inspections.get(completed)
    assert view.status is InspectionStatus.FINALIZED
    assert (view.score, view.grade) == (100.0, "A")
    assert inspection_row(workspace.data_dir, completed)["finalized_at"] is not None


def test_finalized_inspection_is_read_only(workspace: Workspace, completed: str) -> None:
    workspace.inspections.finalize(completed)
    before = workspace.inspections.get(completed)
    with pytest.raises(TransitionRefused):
        workspace.inspections.answer(completed, "A-1", Result.FAIL)
    with pytest.raises(TransitionRefused):
        workspace.inspections.set_note(completed, "A-1", "改备注")
    with pytest.raises(TransitionRefused):
        workspace.inspections.reopen(completed)
    with pytest.raises(TransitionRefused):
        workspace.inspections.complete(completed)
    with pytest.raises(TransitionRefused):
        workspace.inspections.finalize(completed)
    assert workspace.inspections.get(completed) == before


# -- frozen template versions --------------------------------------------------------------------
def shipped_source() -> str:
    return SHIPPED_FORM.read_text(encoding="utf-8")


def changed_source(version: int) -> str:
    """The shipped template with a stricter A band, at the given version."""
    text = shipped_source()
    text = re.sub(r"(?m)^version = \d+$", f"version = {version}", text, count=1)
    return re.sub(r"(?m)^band_a = 90$", "band_a = 95", text, count=1)


def test_registering_the_same_text_again_gives_the_same_id(workspace: Workspace, template_id: str) -> None:
    assert workspace.templates.register(shipped_source(), "copy.toml") == template_id


def test_changed_text_under_the_same_version_is_refused(workspace: Workspace, template_id: str) -> None:
    with pytest.raises(DomainError, match=r"已存在但内容不同.*提高 version"):
        workspace.templates.register(changed_source(version=SHIPPED_VERSION), "edited.toml")
    assert workspace.templates.latest_id("general-manufacturing") == template_id


def test_bumped_version_gets_a_new_id_and_old_inspections_keep_the_old_rules(
    workspace: Workspace, enterprise_id: str, template_id: str, inspectors: list[str], inspection: str
) -> None:
    bumped = workspace.templates.register(changed_source(version=SHIPPED_VERSION + 1), "bumped.toml")
    assert bumped != template_id
    assert workspace.templates.latest_id("general-manufacturing") == bumped
    assert workspace.templates.load(bumped).rules.band_a == 95

    newer = workspace.inspections.start(enterprise_id, bumped, DAY, inspectors)
    for inspection_id in (inspection, newer):
        answer_all(workspace, inspection_id, fail=FAIL_FOR_92)
    old_result = workspace.inspections.complete(inspection)
    new_result = workspace.inspections.complete(newer)
    assert (old_result.score, old_result.grade) == (92.0, Grade.A)  # graded with the shipped band_a 90
    assert (new_result.score, new_result.grade) == (92.0, Grade.B)  # graded with the bumped band_a 95
    assert workspace.inspections.get(inspection).template_key == f"general-manufacturing v{SHIPPED_VERSION}"
    assert workspace.inspections.get(newer).template_key == f"general-manufacturing v{SHIPPED_VERSION + 1}"


def test_newer_form_in_the_data_folder_does_not_change_a_started_inspection(
    workspace: Workspace, second: Workspace, inspection: str
) -> None:
    forms = workspace.data_dir / "forms"
    forms.mkdir()
    (forms / "general-manufacturing-next.toml").write_text(changed_source(SHIPPED_VERSION + 1), encoding="utf-8")
    newer = workspace.default_template_id()
    assert workspace.templates.load(newer).version == SHIPPED_VERSION + 1
    answer_all(workspace, inspection, fail=FAIL_FOR_92)
    assert second.inspections.template_of(inspection).version == SHIPPED_VERSION
    assert second.inspections.live_grade(inspection).grade is Grade.A  # type: ignore[union-attr]
