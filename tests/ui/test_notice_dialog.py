"""下发整改通知 from the ledger: NoticeDialog issues one notice (number, hazards moved) through
NoticeService.issue on real SQLite, and shows a refusal inline without writing anything."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.working_days import add_working_days
from inspector.db.database import DB_NAME
from inspector.services.hazards import HazardSource, NewHazard
from inspector.services.notices import NoticeKind, OrderType
from inspector.ui.common.form_dialog import NO_DATE
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.ui.hazards.notice_dialog import NoticeDialog
from inspector.workspace import Workspace

NUMBER = re.compile(r"^PH-\d{4}-[0-9A-F]{4,6}-\d{4,}$")
INSPECTORS = ["张检查", "李检查"]
PERMITS = ["PH-JD-051", "PH-JD-052"]
SIGNER = "周主席"


def setup(workspace: Workspace) -> tuple[str, str, list[str]]:
    """An enterprise, an inspection by two inspectors and three recorded hazards of it."""
    enterprise_id = workspace.enterprises.add(
        Enterprise("平湖市通知示例有限公司", with_check_digit("91330482000000300"), "新埭镇")
    )
    today = workspace.today()
    inspectors = [
        workspace.roster.add(name, permit_no=permit) for name, permit in zip(INSPECTORS, PERMITS, strict=True)
    ]
    workspace.roster.add(SIGNER)
    inspection_id = workspace.inspections.start(enterprise_id, workspace.default_template_id(), today, inspectors)
    hazards = [
        workspace.hazards.raise_hazard(
            NewHazard(
                enterprise_id=enterprise_id,
                description=text,
                found_on=today,
                found_by="张检查",
                deadline=today + timedelta(days=days),
                location="二号车间",
                source=HazardSource.INSPECTION,
                inspection_id=inspection_id,
                measures="立即整改",
            )
        )
        for text, days in (("安全出口堵塞", 7), ("灭火器过期", 20), ("配电箱未接地", 10))
    ]
    return enterprise_id, inspection_id, hazards


def notice_count(workspace: Workspace) -> int:
    connection = sqlite3.connect(workspace.data_dir / DB_NAME)
    try:
        return connection.execute("select count(*) from notices").fetchone()[0]
    finally:
        connection.close()


def test_issue_two_hazards_from_the_ledger(workspace: Workspace, qtbot: QtBot) -> None:
    _, inspection_id, (first, second, third) = setup(workspace)
    page = HazardsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.open_hazard(first)
    page.detail.action_buttons[HazardAction.ISSUE_NOTICE].click()
    dialog = page.notice_dialog
    assert isinstance(dialog, NoticeDialog)
    assert page.last_dialog is None  # not the generic action dialog
    assert dialog.enterprise.text() == "平湖市通知示例有限公司"
    assert dialog.hazards.count() == 3
    assert dialog.checked_ids() == [first]
    assert dialog.issued_by.text() == "、".join(INSPECTORS)
    dialog.set_checked(second)
    assert sorted(dialog.checked_ids()) == sorted([first, second])
    assert dialog.recheck_on() == workspace.today() + timedelta(days=20)  # the latest deadline
    # A union's documents only; the words ask, never order.
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["supervision", "suggestion"]
    assert [dialog.order_type.itemText(i) for i in range(dialog.order_type.count())] == ["限期整改", "立即整改"]
    due = add_working_days(workspace.today(), 15)
    assert dialog.kind_note.isVisibleTo(dialog) and "15 个工作日" in dialog.kind_note.text()
    assert f"答复截止 {due.due.isoformat()}" in dialog.kind_note.text()
    assert {name: edit.text() for name, edit in dialog.permit_edits.items()} == dict(
        zip(INSPECTORS, PERMITS, strict=True)
    )
    dialog.signer.setCurrentIndex(dialog.signer.findData(SIGNER))
    dialog.show_result = False
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert dialog.notice is not None, dialog.message.text()
    assert not dialog.isVisible()
    notice = dialog.notice
    assert NUMBER.match(notice.number)
    assert notice.inspection_id == inspection_id
    assert notice.order_type is OrderType.DEADLINE
    assert {h.id for h in notice.hazards} == {first, second}
    assert notice_count(workspace) == 1
    for hazard_id in (first, second):
        assert workspace.hazards.get(hazard_id).status is HazardStatus.NOTICE_ISSUED
        assert workspace.notices.notice_of_hazard(hazard_id) == notice.number
    assert workspace.hazards.get(third).status is HazardStatus.RECORDED
    qtbot.waitUntil(lambda: page.detail.values["notice"].text() == f"{notice.number}  监督意见书")
    assert (notice.kind, notice.permits, notice.signed_by) == (NoticeKind.SUPERVISION, tuple(PERMITS), SIGNER)
    assert page.detail.values["status"].text() == "已下发整改通知"


def test_deadline_order_without_recheck_date_is_refused(workspace: Workspace, qtbot: QtBot) -> None:
    _, _, (first, *_) = setup(workspace)
    dialog = NoticeDialog(workspace, first)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_result = False
    assert dialog.order_type.currentData() == OrderType.DEADLINE.value
    dialog.recheck.setDate(NO_DATE)
    assert dialog.recheck_on() is None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.notice is None
    assert "复查日期" in dialog.message.text()
    assert notice_count(workspace) == 0
    assert workspace.hazards.get(first).status is HazardStatus.RECORDED
    assert workspace.notices.notice_of_hazard(first) is None


def test_one_inspector_is_refused(workspace: Workspace, qtbot: QtBot) -> None:
    _, _, (first, *_) = setup(workspace)
    dialog = NoticeDialog(workspace, first)
    qtbot.addWidget(dialog)
    dialog.show_result = False
    dialog.issued_by.setText("张检查")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.notice is None
    assert "两名" in dialog.message.text()
    assert notice_count(workspace) == 0


def test_an_authority_orders_and_needs_no_permits(workspace: Workspace, qtbot: QtBot) -> None:
    from dataclasses import replace

    _, _, (first, *_) = setup(workspace)
    workspace.save_settings(replace(workspace.settings, office_name="平湖市应急管理局", office_kind="authority"))
    dialog = NoticeDialog(workspace, first)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_result = False
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["order"]
    assert [dialog.order_type.itemText(i) for i in range(dialog.order_type.count())] == ["责令限期改正", "责令立即改正"]
    assert not dialog.kind_note.isVisibleTo(dialog) and not dialog.permits_label.isVisibleTo(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.notice is not None, dialog.message.text()
    assert dialog.notice.kind is NoticeKind.ORDER and dialog.notice.signed_by == ""


def test_a_union_letter_without_permits_is_refused(workspace: Workspace, qtbot: QtBot) -> None:
    _, _, (first, *_) = setup(workspace)
    dialog = NoticeDialog(workspace, first)
    qtbot.addWidget(dialog)
    dialog.show_result = False
    dialog.issued_by.setText("张检查、王新人")
    assert dialog.permit_edits["王新人"].text() == ""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.notice is None and "王新人 未登记监督证号" in dialog.message.text()
    assert notice_count(workspace) == 0
