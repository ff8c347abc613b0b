"""Rectification notices over a real database: issuing moves hazards to notice_issued in the same
transaction, validation, receipts, and numbers that never collide or repeat."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from inspector.core.checklist import Severity
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError, ValidationError
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.notice_number import parse_number
from inspector.core.office_kind import OfficeKind, ReferralReason
from inspector.db.database import DB_NAME, Database
from inspector.services.hazards import HazardSource
from inspector.services.notices import NoticeKind, NoticeService, OrderType
from inspector.settings import Settings
from inspector.workspace import Workspace
from tests.sample_records import add_enterprise, sample_hazard, start_inspection
from tests.sqlite_files import database_at, migrate_file, sql

FOUND_ON = date(2026, 4, 1)
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
INSPECTORS = ["张检查", "李检查"]
PERMITS = ["PH-JD-011", "PH-JD-012"]  # their 监督证 numbers
SIGNER = "周主席"


@pytest.fixture
def enterprise_id(workspace: Workspace) -> str:
    return add_enterprise(workspace, "平湖市通知示例有限公司", 300)


@pytest.fixture
def other_enterprise_id(workspace: Workspace) -> str:
    return add_enterprise(workspace, "平湖市另一示例有限公司", 301, "当湖街道")


@pytest.fixture
def inspection_id(workspace: Workspace, enterprise_id: str) -> str:
    return start_inspection(workspace, enterprise_id, FOUND_ON)


def raise_hazard(
    workspace: Workspace, enterprise_id: str, inspection_id: str | None, text: str = "安全出口堵塞"
) -> str:
    return workspace.hazards.raise_hazard(
        sample_hazard(
            enterprise_id,
            FOUND_ON,
            description=text,
            location="二号车间东侧",
            source=HazardSource.INSPECTION if inspection_id else HazardSource.WORKER_REPORT,
            inspection_id=inspection_id,
            legal_basis="《消防法》第二十八条",
            measures="立即清理通道",
        ),
        at=T0,
    )


def register_roster(workspace: Workspace) -> None:
    """The inspectors with their 监督证 numbers, and the 签发人, on the roster (idempotent)."""
    workspace.roster.set_permits({**dict(zip(INSPECTORS, PERMITS, strict=True)), SIGNER: "PH-JD-009"})


def issue(workspace: Workspace, hazard_ids: list[str], **changes: object):  # type: ignore[no-untyped-def]
    register_roster(workspace)
    fields: dict[str, object] = {
        "kind": NoticeKind.SUPERVISION,
        "order_type": OrderType.DEADLINE,
        "issued_by": INSPECTORS,
        "signed_by": SIGNER,
        "recheck_on": FOUND_ON + timedelta(days=8),
        "at": T0 + timedelta(hours=1),
    }
    fields.update(changes)
    return workspace.notices.issue(hazard_ids, **fields)  # type: ignore[arg-type]


def test_issue_groups_hazards_and_moves_them_to_notice_issued(
    workspace: Workspace, enterprise_id: str, inspection_id: str
) -> None:
    first = raise_hazard(workspace, enterprise_id, inspection_id, "安全出口堵塞")
    second = raise_hazard(workspace, enterprise_id, inspection_id, "灭火器过期")
    notice = issue(workspace, [first, second], inspection_id=inspection_id)

    number = parse_number(notice.number)
    assert (number.office, number.year, number.seq) == ("PH", 2026, 1)
    assert number.device == workspace.db.device_id[:4].upper()
    assert (notice.kind, notice.order_type) == (NoticeKind.SUPERVISION, OrderType.DEADLINE)
    assert (notice.permits, notice.signed_by) == (tuple(PERMITS), SIGNER)
    # 15 working days from 2026-04-01, Qingming Monday (6 April) not counted.
    assert notice.reply_due is not None and notice.reply_due.due == date(2026, 4, 23)
    assert (notice.enterprise_id, notice.inspection_id) == (enterprise_id, inspection_id)
    assert notice.enterprise_name == "平湖市通知示例有限公司"
    assert notice.inspection_date == FOUND_ON
    assert notice.issued_on == FOUND_ON
    assert notice.issuing_body == "平湖市总工会"
    assert notice.inspectors == tuple(INSPECTORS)
    assert [h.id for h in notice.hazards] == [first, second]
    assert notice.hazards[0].location == "二号车间东侧"
    assert notice.hazards[0].clause == "《消防法》第二十八条"
    assert notice.hazards[0].requirement == "立即清理通道"
    assert notice.hazards[0].deadline == date(2026, 4, 8)
    assert not notice.received

    for hazard_id in (first, second):
        view = workspace.hazards.get(hazard_id)
        assert view.status is HazardStatus.NOTICE_ISSUED
        assert view.events[-1].action is HazardAction.ISSUE_NOTICE
        assert notice.number in view.events[-1].note
    assert workspace.notices.get(notice.number) == notice
    assert workspace.notices.get(notice.id) == notice
    assert workspace.notices.notice_of_hazard(first) == notice.number
    assert workspace.notices.for_enterprise(enterprise_id) == [notice]


def test_enterprise_only_notice_for_a_worker_report(workspace: Workspace, enterprise_id: str) -> None:
    hazard = raise_hazard(workspace, enterprise_id, None)
    notice = issue(
        workspace, [hazard], enterprise_id=enterprise_id, kind="supervision", order_type="immediate", recheck_on=None
    )
    assert (notice.kind, notice.order_type, notice.inspection_id) == (NoticeKind.SUPERVISION, OrderType.IMMEDIATE, None)


def test_refusals_change_nothing(
    workspace: Workspace, enterprise_id: str, other_enterprise_id: str, inspection_id: str
) -> None:
    ours = raise_hazard(workspace, enterprise_id, inspection_id)
    theirs = raise_hazard(workspace, other_enterprise_id, None)
    outside = raise_hazard(workspace, enterprise_id, None)

    with pytest.raises(ValidationError, match="至少两名"):
        issue(workspace, [ours], inspection_id=inspection_id, issued_by=["张检查", " 张检查 "])
    with pytest.raises(ValidationError, match="复查日期"):
        issue(workspace, [ours], inspection_id=inspection_id, recheck_on=None)
    with pytest.raises(ValidationError, match="不属于该企业"):
        issue(workspace, [ours, theirs], inspection_id=inspection_id)
    with pytest.raises(ValidationError, match="不是本次检查发现的"):
        issue(workspace, [ours, outside], inspection_id=inspection_id)
    with pytest.raises(ValidationError, match="至少选择"):
        issue(workspace, [], enterprise_id=enterprise_id)
    with pytest.raises(DomainError, match="不属于所指定的企业"):
        issue(workspace, [ours], inspection_id=inspection_id, enterprise_id=other_enterprise_id)

    assert workspace.hazards.get(ours).status is HazardStatus.RECORDED
    assert sql(workspace, "SELECT count(*) FROM notices") == [(0,)]
    # A refused notice rolls its sequence back too: the first real number is still 0001.
    assert parse_number(issue(workspace, [ours], inspection_id=inspection_id).number).seq == 1

    with pytest.raises(ValidationError, match="只能为“已登记”"):
        issue(workspace, [ours], inspection_id=inspection_id)


def test_receipt_is_recorded_once(workspace: Workspace, enterprise_id: str) -> None:
    notice = issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    with pytest.raises(ValidationError, match="签收人"):
        workspace.notices.record_receipt(notice.id, "  ", FOUND_ON)
    with pytest.raises(ValidationError, match="早于签发日期"):
        workspace.notices.record_receipt(notice.id, "王厂长", FOUND_ON - timedelta(days=1))
    received = workspace.notices.record_receipt(notice.id, "王厂长", date(2026, 4, 2))
    assert (received.received_by, received.received_on, received.received) == ("王厂长", date(2026, 4, 2), True)
    assert workspace.notices.get(notice.number).received_by == "王厂长"
    with pytest.raises(DomainError, match="不能重复签收"):
        workspace.notices.record_receipt(notice.number, "李主任", date(2026, 4, 3))


def test_unknown_notice(workspace: Workspace) -> None:
    with pytest.raises(DomainError, match="不存在"):
        workspace.notices.get("PH-2026-ABCD-0001")
    with pytest.raises(DomainError, match="格式不对"):
        workspace.notices.get("no such notice")


def test_numbers_are_never_reused_even_after_a_deletion(workspace: Workspace, enterprise_id: str) -> None:
    first = issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    sql(workspace, "DELETE FROM notice_hazards")
    sql(workspace, "DELETE FROM notices")
    second = issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    assert parse_number(first.number).seq == 1
    assert parse_number(second.number).seq == 2
    # A new year starts its own sequence.
    third = issue(
        workspace,
        [raise_hazard(workspace, enterprise_id, None)],
        enterprise_id=enterprise_id,
        at=datetime(2027, 1, 5, 2, tzinfo=UTC),
        recheck_on=date(2027, 1, 20),
    )
    assert (parse_number(third.number).year, parse_number(third.number).seq) == (2027, 1)


def test_stored_prefix_is_kept_and_can_be_made_longer(workspace: Workspace, enterprise_id: str) -> None:
    issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    prefix = workspace.db.device_id[:4].upper()
    assert sql(workspace, "SELECT value FROM meta WHERE key = 'notice_prefix'") == [(prefix,)]
    longer = workspace.db.device_id[:6].upper()
    sql(workspace, "UPDATE meta SET value = ? WHERE key = 'notice_prefix'", longer)
    notice = issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    assert parse_number(notice.number).device == longer
    assert parse_number(notice.number).seq == 2


def test_office_code_change_applies_at_once(workspace: Workspace, enterprise_id: str) -> None:
    workspace.save_settings(Settings(office_code="JX", office_name="嘉兴市总工会"))
    notice = issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    assert notice.number.startswith("JX-2026-")
    assert notice.issuing_body == "嘉兴市总工会"


def test_two_databases_on_one_file_issue_concurrently_without_gaps_or_repeats(
    workspace: Workspace, enterprise_id: str
) -> None:
    per_thread = 8
    hazards = [raise_hazard(workspace, enterprise_id, None, f"隐患 {i}") for i in range(2 * per_thread)]
    register_roster(workspace)
    databases = [Database.open_folder(workspace.data_dir) for _ in range(2)]
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def work(db: Database, mine: list[str]) -> None:
        service = NoticeService(db, lambda: workspace.settings)
        start.wait()
        try:
            for hazard_id in mine:
                notice = service.issue(
                    [hazard_id],
                    kind=NoticeKind.SUPERVISION,
                    order_type=OrderType.IMMEDIATE,
                    issued_by=INSPECTORS,
                    signed_by=SIGNER,
                    enterprise_id=enterprise_id,
                    at=T0,
                )
                with lock:
                    numbers.append(notice.number)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(db, hazards[i * per_thread : (i + 1) * per_thread]))
        for i, db in enumerate(databases)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for db in databases:
            db.close()
    assert errors == []
    assert len(set(numbers)) == len(numbers) == 2 * per_thread
    assert sorted(parse_number(n).seq for n in numbers) == list(range(1, 2 * per_thread + 1))
    assert sql(workspace, "SELECT count(*) FROM notices") == [(2 * per_thread,)]


def test_two_devices_never_collide(tmp_path: Path) -> None:
    numbers = []
    for folder, device in (("a", "3f9a" + "0" * 28), ("b", "3f9b" + "0" * 28)):
        ws = Workspace(tmp_path / folder)
        try:
            ws.db.device_id = device  # as if made on another laptop
            enterprise = ws.enterprises.add(
                Enterprise("平湖市设备示例有限公司", with_check_digit("91330482000000302"), "新埭镇")
            )
            hazard = raise_hazard(ws, enterprise, None, "隐患")
            numbers.append(issue(ws, [hazard], enterprise_id=enterprise).number)
        finally:
            ws.close()
    assert numbers == ["PH-2026-3F9A-0001", "PH-2026-3F9B-0001"]


def test_severity_is_shown_for_each_hazard(workspace: Workspace, enterprise_id: str) -> None:
    notice = issue(workspace, [raise_hazard(workspace, enterprise_id, None)], enterprise_id=enterprise_id)
    assert notice.hazards[0].severity == Severity.GENERAL.value


def test_migration_0003_upgrades_a_0002_database_keeping_its_rows(tmp_path: Path) -> None:
    from inspector.db.database import head_revision

    path = tmp_path / DB_NAME
    database_at(path, "0002")
    sql(path, "INSERT INTO meta (key, value) VALUES ('device_id', 'abcdef0123456789abcdef0123456789')")
    assert migrate_file(path) is not None  # backed up first
    assert sql(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM notices").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM notice_hazards").fetchone() == (0,)
        assert connection.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone() == (
            "abcdef0123456789abcdef0123456789",
        )


def test_an_authority_orders_without_permits_and_a_union_needs_them(workspace: Workspace, enterprise_id: str) -> None:
    first, second = (raise_hazard(workspace, enterprise_id, None, text) for text in ("隐患甲", "隐患乙"))
    with pytest.raises(ValidationError, match="未登记监督证号"):
        workspace.notices.issue(
            [first], order_type="immediate", issued_by=["王新人", "李新人"], signed_by="", enterprise_id=enterprise_id
        )
    register_roster(workspace)
    with pytest.raises(ValidationError, match="不在检查人员名单中"):
        issue(workspace, [first], enterprise_id=enterprise_id, signed_by="路人甲")
    assert sql(workspace, "SELECT count(*) FROM notices") == [(0,)]
    workspace.save_settings(Settings(office_name="平湖市应急管理局", office_kind="authority"))
    with pytest.raises(DomainError, match="由工会签发"):
        workspace.notices.issue([first], kind="supervision", order_type="immediate", issued_by=["王新人", "李新人"])
    order = workspace.notices.issue(
        [first, second], order_type="immediate", issued_by=["王新人", "李新人"], enterprise_id=enterprise_id
    )
    assert (order.kind, order.permits, order.signed_by, order.reply_due) == (NoticeKind.ORDER, ("", ""), "", None)
    with pytest.raises(DomainError, match="不要求企业书面答复"):
        workspace.notices.record_reply(order.id, workspace.today())
    with pytest.raises(DomainError, match="行政机关"):
        workspace.notices.refer_major_hazard([first], signed_by=SIGNER, inspectors=INSPECTORS)


def test_a_major_hazard_is_referred_to_the_authority(workspace: Workspace, enterprise_id: str) -> None:
    general = raise_hazard(workspace, enterprise_id, None, "灭火器过期")
    major = workspace.hazards.raise_hazard(
        sample_hazard(
            enterprise_id,
            FOUND_ON,
            description="粉尘爆炸危险场所未设泄爆装置",
            severity=Severity.MAJOR,
            source=HazardSource.WORKER_REPORT,
        ),
        at=T0,
    )
    register_roster(workspace)
    with pytest.raises(DomainError, match="不是重大事故隐患"):
        workspace.notices.refer_major_hazard([general], signed_by=SIGNER, inspectors=INSPECTORS)
    referral = workspace.notices.refer_major_hazard([major], signed_by=SIGNER, inspectors=INSPECTORS, at=T0)
    assert (referral.kind, referral.reason, referral.refers_to) == (
        NoticeKind.REFERRAL,
        ReferralReason.MAJOR_HAZARD,
        "",
    )
    assert referral.addressee == "平湖市应急管理局" and [h.id for h in referral.hazards] == [major]
    assert referral.reply_due is None
    # A referral is no notice of the hazard's own: the hazard stays recorded, the letter can follow.
    assert workspace.hazards.get(major).status is HazardStatus.RECORDED
    assert workspace.notices.notice_of_hazard(major) is None
    letter = issue(workspace, [major], enterprise_id=enterprise_id)
    assert workspace.notices.notice_of_hazard(major) == letter.number != referral.number


def test_replies_are_listed_until_they_arrive(workspace: Workspace, enterprise_id: str) -> None:
    first = issue(workspace, [raise_hazard(workspace, enterprise_id, None, "甲")], enterprise_id=enterprise_id)
    second = issue(workspace, [raise_hazard(workspace, enterprise_id, None, "乙")], enterprise_id=enterprise_id)
    assert [n.number for n in workspace.notices.awaiting_reply()] == [first.number, second.number]
    with pytest.raises(ValidationError, match="答复日期"):
        workspace.notices.record_reply(first.id, FOUND_ON - timedelta(days=1))
    replied = workspace.notices.record_reply(first.number, date(2026, 4, 10), "已全部整改")
    assert (replied.replied_on, replied.reply_note) == (date(2026, 4, 10), "已全部整改")
    assert not replied.reply_overdue(date(2026, 12, 1)) and second.reply_overdue(date(2026, 12, 1))
    assert [n.number for n in workspace.notices.awaiting_reply()] == [second.number]


def test_migration_0008_carries_notices_keys_and_roster_forward(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    database_at(path, "0006")
    tracked = "'2026-04-01 02:00:00', '2026-04-01 02:00:00', 'dev', 1, 0, 1"
    columns = "created_at, updated_at, device_id, hlc, base_hlc, changed_seq"
    ids = [f"{i:032x}" for i in range(1, 5)]
    sql(
        path,
        f"INSERT INTO enterprises (id, name, credit_code, town, address, industry, contact_person, contact_phone, "
        f"{columns}) VALUES ('{ids[0]}', '平湖市旧数据有限公司', '913304820000003021', '新埭镇', '', '', '', '', "
        f"{tracked})",
    )
    sql(
        path,
        f"INSERT INTO notices (id, number, kind, order_type, enterprise_id, issued_on, issuing_body, inspectors, "
        f"{columns}) VALUES ('{ids[1]}', 'PH-2026-3F9A-0001', 'rectification', 'deadline', '{ids[0]}', "
        f"'2026-04-01', '平湖市总工会', '[\"张检查\", \"李检查\"]', {tracked})",
    )
    sql(
        path,
        f"INSERT INTO inspectors (id, name, staff_no, office, active, {columns}) "
        f"VALUES ('{ids[2]}', '张检查', 'JC001', '', 1, {tracked})",
    )
    sql(
        path,
        f"INSERT INTO office_keys (id, office_code, office_name, public_key, fingerprint, valid_from, revoked, "
        f"{columns}) VALUES ('{ids[3]}', 'PH', '平湖市总工会', 'AAAA', 'ab', '2026-01-01', 0, {tracked})",
    )
    assert migrate_file(path) is not None
    ws = Workspace(tmp_path)
    try:
        notice = ws.notices.get("PH-2026-3F9A-0001")
        # Kept as issued: one number is one document, the paper handed over is not renamed.
        assert (notice.kind, notice.inspectors, notice.permits, notice.signed_by) == (
            NoticeKind.RECTIFICATION,
            ("张检查", "李检查"),
            (),
            "",
        )
        assert notice.reply_due is None and notice.replied_on is None and notice.reason is None
        assert [(p.name, p.staff_no, p.permit_no) for p in ws.roster.active()] == [("张检查", "JC001", "")]
        assert [k.office_kind for k in ws.office_keys.list()] == [OfficeKind.UNION]
    finally:
        ws.close()
