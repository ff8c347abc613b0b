"""Signing, finalization, amendments and the 0002 migration: real SQLite through the Workspace."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError, TransitionRefused, ValidationError
from inspector.core.grades import Grade
from inspector.core.inspection import InspectionStatus
from inspector.db.database import (
    BACKUP_DIR,
    DB_NAME,
    current_revision,
    head_revision,
)
from inspector.db.models import Base
from inspector.services.amendments import AmendmentService
from inspector.services.signatures import SignatureRole, SignatureService, inspection_hazard_ids
from inspector.workspace import Workspace
from tests.sqlite_files import database_at, migrate_file, sql

FAILED = ("C-1", "I-2")  # a key item (caps the grade at C) and an ordinary one: 3.5 + 1.5 of 100
DRAWING = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6]], [[0.5, 0.5], [0.7, 0.3]]]


def completed_inspection(ws: Workspace, seed: str = "000000001") -> str:
    """An inspection of a fresh enterprise, every item answered PASS except FAILED, completed."""
    template_id = ws.default_template_id()
    first, second = ws.roster.add("王建国"), ws.roster.add("李明")
    enterprise_id = ws.enterprises.add(
        Enterprise("平湖市示例机械有限公司", with_check_digit("91330482" + seed), "当湖街道")
    )
    inspection_id = ws.inspections.start(enterprise_id, template_id, date(2026, 5, 12), [first, second])
    for item in ws.inspections.template_of(inspection_id).items:
        ws.inspections.answer(inspection_id, item.code, Result.FAIL if item.code in FAILED else Result.PASS)
    ws.inspections.complete(inspection_id)
    return inspection_id


def sign_all(signatures: SignatureService, inspection_id: str) -> None:
    signatures.sign(inspection_id, SignatureRole.INSPECTOR_1, "王建国", DRAWING)
    signatures.sign(inspection_id, SignatureRole.INSPECTOR_2, "李明", DRAWING)
    signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "张伟", DRAWING)


@pytest.fixture
def signatures(workspace: Workspace) -> SignatureService:
    return SignatureService(workspace.db)


@pytest.fixture
def amendments(workspace: Workspace) -> AmendmentService:
    return AmendmentService(workspace.db, workspace.templates)


# -- the schema ----------------------------------------------------------------------------------
def test_models_match_the_migrated_database(workspace: Workspace) -> None:
    assert current_revision(workspace.db.engine) == head_revision()
    with workspace.db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migration_0002_upgrades_a_0001_database_with_data_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    database_at(path, "0001")
    sql(
        path,
        "INSERT INTO enterprises (id, name, credit_code, town, address, industry, contact_person,"
        " contact_phone, created_at, updated_at, device_id) VALUES ('0123456789abcdef0123456789abcdef',"
        " '平湖市旧版机械有限公司', '913304820000000017', '当湖街道', '', '', '', '',"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'dev')",
    )
    backup = migrate_file(path)
    assert sql(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert backup is not None and backup.is_file()
    assert backup.parent == tmp_path / BACKUP_DIR
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        tables = {name for (name,) in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "signatures" not in tables
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT name FROM enterprises").fetchall() == [("平湖市旧版机械有限公司",)]
        assert new.execute("SELECT count(*) FROM signatures").fetchone() == (0,)
        assert new.execute("SELECT count(*) FROM amendments").fetchone() == (0,)


# -- signing ---------------------------------------------------------------------------------------
def test_signature_is_stored_normalised_and_replaced_on_re_signing(
    workspace: Workspace, signatures: SignatureService
) -> None:
    inspection_id = completed_inspection(workspace)
    signatures.sign(inspection_id, "inspector_1", " 王建国 ", [[[0.123456, 0.5], [0.2, 0.25]]])
    stored = signatures.signatures(inspection_id)[SignatureRole.INSPECTOR_1]
    assert stored.signer_name == "王建国"
    assert stored.strokes == (((0.1235, 0.5), (0.2, 0.25)),)
    signatures.sign(inspection_id, SignatureRole.INSPECTOR_1, "王建国", DRAWING, png=b"\x89PNG")
    again = signatures.signatures(inspection_id)
    assert len(again) == 1
    assert len(again[SignatureRole.INSPECTOR_1].strokes) == 2
    assert again[SignatureRole.INSPECTOR_1].png == b"\x89PNG"
    assert signatures.missing_roles(inspection_id) == [SignatureRole.INSPECTOR_2, SignatureRole.ENTERPRISE]


@pytest.mark.parametrize("drawing", [[], [[]], [[[0.5, 0.5]]]], ids=["nothing", "empty stroke", "one dot"])
def test_empty_drawing_is_refused(workspace: Workspace, signatures: SignatureService, drawing: list) -> None:
    inspection_id = completed_inspection(workspace)
    with pytest.raises(ValidationError, match="签名为空"):
        signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "张伟", drawing)
    assert signatures.signatures(inspection_id) == {}


def test_unknown_role_and_missing_name_are_refused(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    with pytest.raises(DomainError, match="未知的签名角色“boss”"):
        signatures.sign(inspection_id, "boss", "张伟", DRAWING)
    with pytest.raises(ValidationError, match="企业代表的姓名不能为空"):
        signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "  ", DRAWING)
    with pytest.raises(ValidationError, match="超出签名区"):
        signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "张伟", [[[0.1, 0.1], [1.2, 0.5]]])


def test_a_signature_can_be_withdrawn_before_finalization(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    sign_all(signatures, inspection_id)
    signatures.withdraw(inspection_id, SignatureRole.ENTERPRISE)
    signatures.withdraw(inspection_id, SignatureRole.ENTERPRISE)  # twice changes nothing more
    assert signatures.missing_roles(inspection_id) == [SignatureRole.ENTERPRISE]


def test_a_draft_cannot_be_signed(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    workspace.inspections.reopen(inspection_id)
    with pytest.raises(TransitionRefused, match="请先完成检查"):
        signatures.sign(inspection_id, SignatureRole.INSPECTOR_1, "王建国", DRAWING)


def test_signatures_before_a_reopening_no_longer_count(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    sign_all(signatures, inspection_id)
    workspace.inspections.reopen(inspection_id)
    workspace.inspections.answer(inspection_id, "I-2", Result.PASS)
    workspace.inspections.complete(inspection_id)
    assert signatures.missing_roles(inspection_id) == list(SignatureRole)
    with pytest.raises(TransitionRefused, match="检查人员 1、检查人员 2、企业代表尚未签名"):
        signatures.finalize_signed(inspection_id)


# -- finalizing ------------------------------------------------------------------------------------
def test_finalize_is_refused_until_all_three_have_signed(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    with pytest.raises(TransitionRefused, match="检查人员 1、检查人员 2、企业代表尚未签名"):
        signatures.finalize_signed(inspection_id)
    signatures.sign(inspection_id, SignatureRole.INSPECTOR_1, "王建国", DRAWING)
    signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "张伟", DRAWING)
    with pytest.raises(TransitionRefused) as refused:
        signatures.finalize_signed(inspection_id)
    assert "检查人员 2尚未签名" in str(refused.value)
    assert "检查人员 1" not in str(refused.value) and "企业代表" not in str(refused.value)
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.COMPLETED


def test_check_and_finalize_share_one_transaction(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    sign_all(signatures, inspection_id)
    begins: list[object] = []

    def began(connection: object) -> None:
        begins.append(connection)

    event.listen(workspace.db.engine, "begin", began)
    try:
        signatures.finalize_signed(inspection_id)
    finally:
        event.remove(workspace.db.engine, "begin", began)
    assert len(begins) == 1  # the signature check and InspectionService.finalize: one transaction
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.FINALIZED


def test_the_two_inspectors_must_be_different_people(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    signatures.sign(inspection_id, SignatureRole.INSPECTOR_1, "王建国", DRAWING)
    signatures.sign(inspection_id, SignatureRole.INSPECTOR_2, "王建国", DRAWING)
    signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "张伟", DRAWING)
    with pytest.raises(TransitionRefused, match="不能是同一人"):
        signatures.finalize_signed(inspection_id)
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.COMPLETED


def test_finalized_inspection_is_read_only(workspace: Workspace, signatures: SignatureService) -> None:
    inspection_id = completed_inspection(workspace)
    sign_all(signatures, inspection_id)
    signatures.finalize_signed(inspection_id)
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.FINALIZED
    with pytest.raises(TransitionRefused):
        workspace.inspections.answer(inspection_id, "C-1", Result.PASS)
    with pytest.raises(TransitionRefused):
        workspace.inspections.reopen(inspection_id)
    with pytest.raises(TransitionRefused, match="已定稿"):
        signatures.sign(inspection_id, SignatureRole.ENTERPRISE, "别人", DRAWING)
    with pytest.raises(TransitionRefused):
        signatures.finalize_signed(inspection_id)
    assert signatures.signatures(inspection_id)[SignatureRole.ENTERPRISE].signer_name == "张伟"


def test_hazards_of_the_inspection_are_listed(workspace: Workspace) -> None:
    inspection_id = completed_inspection(workspace)
    draft = workspace.inspections.hazard_draft_for_item(inspection_id, "C-1", date(2026, 5, 12))
    hazard_id = workspace.hazards.raise_hazard(draft)
    assert inspection_hazard_ids(workspace.db, inspection_id) == [hazard_id]


# -- amendments ------------------------------------------------------------------------------------
@pytest.fixture
def finalized(workspace: Workspace, signatures: SignatureService) -> str:
    inspection_id = completed_inspection(workspace)
    sign_all(signatures, inspection_id)
    signatures.finalize_signed(inspection_id)
    return inspection_id


def test_amendment_keeps_the_original_and_changes_the_effective_grade(
    workspace: Workspace, amendments: AmendmentService, finalized: str
) -> None:
    before = workspace.inspections.get(finalized)
    assert (before.score, before.grade) == (95.0, "C")
    amendment = amendments.amend_answer(finalized, "C-1", Result.PASS, "复核照片显示安全出口未锁闭", "王建国")
    assert (amendment.old_value, amendment.new_value) == ("fail", "pass")
    assert amendment.describe() == "C-1 答案：不符合 → 符合"
    after = workspace.inspections.get(finalized)
    assert after.answers["C-1"].result is Result.FAIL  # the signed original stays readable
    assert (after.score, after.grade, after.grade_summary) == (before.score, before.grade, before.grade_summary)
    assert amendments.effective_answers(finalized)["C-1"].result is Result.PASS
    effective = amendments.effective_grade(finalized)
    assert (effective.score, effective.grade) == (98.5, Grade.A)


def test_amendments_apply_in_order_and_are_kept_in_history(amendments: AmendmentService, finalized: str) -> None:
    amendments.amend_answer(finalized, "I-2", Result.PASS, "记录错误", "王建国")
    amendments.amend_note(finalized, "I-2", "通道已畅通", "补充现场情况", "李明")
    amendments.amend_answer(finalized, "I-2", Result.PARTIAL, "再次复核：部分堆放仍占道", "王建国")
    history = amendments.history(finalized)
    assert [(a.field.value, a.old_value, a.new_value, a.amended_by) for a in history] == [
        ("answer", "fail", "pass", "王建国"),
        ("note", "", "通道已畅通", "李明"),
        ("answer", "pass", "partial", "王建国"),
    ]
    assert all(a.amended_at is not None and a.reason for a in history)
    effective = amendments.effective_answers(finalized)["I-2"]
    assert (effective.result, effective.note) == (Result.PARTIAL, "通道已畅通")


def test_amendment_requires_a_reason_and_a_person(amendments: AmendmentService, finalized: str) -> None:
    with pytest.raises(ValidationError, match="更正原因: 必须填写"):
        amendments.amend_answer(finalized, "C-1", Result.PASS, "  ", "王建国")
    with pytest.raises(ValidationError, match="更正人: 必须填写"):
        amendments.amend_answer(finalized, "C-1", Result.PASS, "复核", "")
    assert amendments.history(finalized) == []


def test_amendment_refuses_unchanged_unknown_and_disallowed_answers(
    amendments: AmendmentService, finalized: str
) -> None:
    with pytest.raises(DomainError, match="已经是“不符合”"):
        amendments.amend_answer(finalized, "C-1", Result.FAIL, "复核", "王建国")
    with pytest.raises(DomainError, match="没有检查项 Z-9"):
        amendments.amend_answer(finalized, "Z-9", Result.PASS, "复核", "王建国")
    with pytest.raises(DomainError, match="不允许作答“不适用”"):
        amendments.amend_answer(finalized, "C-1", Result.NOT_APPLICABLE, "复核", "王建国")  # a no_na item
    with pytest.raises(DomainError, match="不是有效的答案"):
        amendments.amend_answer(finalized, "C-1", "maybe", "复核", "王建国")


def test_only_finalized_inspections_take_amendments(workspace: Workspace, amendments: AmendmentService) -> None:
    inspection_id = completed_inspection(workspace)
    with pytest.raises(TransitionRefused, match="只有已定稿的检查"):
        amendments.amend_answer(inspection_id, "C-1", Result.PASS, "复核", "王建国")
