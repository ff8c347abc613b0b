"""The hazard ledger page (隐患台账): model, filters, detail, actions, to-do panel and export,
on real SQLite through the workspace's services."""

from __future__ import annotations

from pathlib import Path

from gui_samples import self_check_hazard, shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter
from inspector.ui.common.operations import wait_for_background
from inspector.ui.common.row_table import ID_ROLE
from inspector.ui.hazards.hazard_action_dialog import HazardActionDialog
from inspector.ui.hazards.hazard_model import COL_DEADLINE, HazardTableModel
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.workspace import Workspace


def test_model_passes_the_model_tester(demo: Workspace, qtmodeltester) -> None:
    ledger = HazardLedger(demo.db, demo.today(), demo.settings.timezone)
    model = HazardTableModel(ledger)
    model.refresh()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    deadlines = [model.row_view(r).deadline for r in range(min(50, model.rowCount()))]
    assert deadlines == sorted(deadlines)


def test_filters_change_the_row_count(demo: Workspace, qtbot: QtBot) -> None:
    page = shown(qtbot, HazardsPage(demo))
    ledger = HazardLedger(demo.db, demo.today(), demo.settings.timezone)
    everything = ledger.count(LedgerFilter())
    assert page.model.rowCount() == everything
    assert str(everything) in page.count.text()
    closed = ledger.count(LedgerFilter(statuses=(HazardStatus.CLOSED,)))
    page.status.setCurrentIndex(page.status.findData(HazardStatus.CLOSED.value))
    qtbot.waitUntil(lambda: page.model.rowCount() == closed)
    page.status.setCurrentIndex(0)
    overdue = ledger.count(LedgerFilter(overdue_only=True))
    page.overdue.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == overdue)
    assert overdue < everything
    page.overdue.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == everything)


def test_selecting_a_row_shows_its_history(demo: Workspace, qtbot: QtBot) -> None:
    page = shown(qtbot, HazardsPage(demo))
    page.table.selectRow(0)
    hazard_id = page.model.index(0, 0).data(ID_ROLE)
    view = demo.hazards.get(hazard_id)
    qtbot.waitUntil(lambda: page.detail.history.count() == len(view.events))
    assert "登记隐患" in page.detail.history.item(0).text()
    assert set(page.detail.action_buttons) == set(demo.hazards.allowed_actions(hazard_id))


def test_actions_through_the_dialog_update_the_status(workspace: Workspace, qtbot: QtBot) -> None:
    hazard_id = self_check_hazard(workspace)
    workspace.roster.add("周主席")  # the 签发人
    page = shown(qtbot, HazardsPage(workspace))
    page.open_hazard(hazard_id)
    assert page.selected_id() == hazard_id
    page.detail.action_buttons[HazardAction.ISSUE_NOTICE].click()
    notice = page.notice_dialog  # 下发整改通知 goes through NoticeDialog, not the action dialog
    assert notice is not None and notice.checked_ids() == [hazard_id]
    notice.show_result = False
    notice.issued_by.setText("张三、李四")
    assert list(notice.permit_edits) == ["张三", "李四"]  # a union's inspectors carry a 监督证
    notice.permit_edits["张三"].setText("PH-JD-031")
    notice.permit_edits["李四"].setText("PH-JD-032")
    notice.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert notice.notice is not None, notice.message.text()
    assert workspace.hazards.get(hazard_id).status is HazardStatus.NOTICE_ISSUED
    assert workspace.notices.notice_of_hazard(hazard_id) == notice.notice.number
    qtbot.waitUntil(lambda: page.detail.values["notice"].text() == f"{notice.notice.number}  监督意见书")
    assert workspace.roster.permits_of(["张三", "李四"]) == {"张三": "PH-JD-031", "李四": "PH-JD-032"}
    qtbot.waitUntil(lambda: HazardAction.START_RECTIFYING in page.detail.action_buttons)
    page.detail.action_buttons[HazardAction.START_RECTIFYING].click()
    page.last_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert workspace.hazards.get(hazard_id).status is HazardStatus.RECTIFYING
    qtbot.waitUntil(lambda: page.detail.values["status"].text() == "整改中")


def open_void(workspace: Workspace, qtbot: QtBot) -> tuple[HazardsPage, HazardActionDialog, str]:
    """The ledger with a self-check hazard selected and its 作废 dialog open."""
    hazard_id = self_check_hazard(workspace)
    page = shown(qtbot, HazardsPage(workspace))
    page.open_hazard(hazard_id)
    page.detail.action_buttons[HazardAction.VOID].click()
    assert page.last_dialog is not None
    return page, page.last_dialog, hazard_id


def test_void_without_a_reason_shows_the_message_and_writes_nothing(workspace: Workspace, qtbot: QtBot) -> None:
    _page, dialog, hazard_id = open_void(workspace, qtbot)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "原因" in dialog.message.text()
    assert len(workspace.hazards.get(hazard_id).events) == 1
    dialog.note.setPlainText("重复登记")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert workspace.hazards.get(hazard_id).status is HazardStatus.VOIDED


def test_todo_panel_lists_an_overdue_hazard_and_opens_it(workspace: Workspace, qtbot: QtBot) -> None:
    overdue = self_check_hazard(workspace, days_to_deadline=-2)
    self_check_hazard(workspace, days_to_deadline=20)
    page = shown(qtbot, HazardsPage(workspace))
    items = page.todo.lists["overdue"]
    assert page.todo.counts["overdue"] == 1
    assert "（1）" in page.todo.titles["overdue"].text()
    item = items.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == overdue
    page.status.setCurrentIndex(page.status.findData(HazardStatus.CLOSED.value))  # hides it
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    items.itemDoubleClicked.emit(item)
    qtbot.waitUntil(lambda: page.selected_id() == overdue)
    assert page.detail.hazard_id() == overdue
    assert "已逾期" in page.detail.values["deadline"].text()


def test_export_writes_the_filtered_rows(demo: Workspace, qtbot: QtBot, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    page = shown(qtbot, HazardsPage(demo))
    # one town with hazards (which towns have some depends on the demo's dates): the export
    # follows the page's filter
    for index in range(1, page.town.count()):
        page.town.setCurrentIndex(index)
        if page.model.rowCount() > 1:
            break
    expected = page.model.rowCount()
    assert 1 < expected < HazardLedger(demo.db, demo.today()).count(LedgerFilter())
    target = tmp_path / "台账.xlsx"
    page.export_to(target)
    assert wait_for_background()
    qtbot.waitUntil(lambda: page.last_export is not None)
    assert page.last_export == expected
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == expected + 1  # the header row
    assert rows[0][:2] == ("隐患编号", "发现日期")
    assert {row[2] for row in rows[1:]} <= set(page.model.row_view(r).enterprise_name for r in range(expected))
    assert page.export_button.isEnabled()


def test_inspector_and_enterprise_filters(workspace: Workspace, qtbot: QtBot) -> None:
    self_check_hazard(workspace)
    page = shown(qtbot, HazardsPage(workspace))
    assert page.model.rowCount() == 1
    page.inspector.setText("王五")
    page.inspector.editingFinished.emit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.inspector.setText("张三")
    page.inspector.editingFinished.emit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    other = workspace.enterprises.add(
        Enterprise("平湖市另一家有限公司", with_check_digit("91330482MA0000002"), "乍浦镇")
    )
    page.filter_enterprise(other, "平湖市另一家有限公司")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.enterprise_chip.isVisible()
    page.enterprise_chip.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_voiding_says_what_will_happen_and_what_happened(workspace: Workspace, qtbot: QtBot) -> None:
    page, dialog, hazard_id = open_void(workspace, qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确认作废"
    warning = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "不能撤回" in warning and "已作废" in warning
    assert page.done_line.text() == ""
    dialog.note.setPlainText("重复登记")
    ok.click()
    assert workspace.hazards.get(hazard_id).status is HazardStatus.VOIDED
    assert page.done_line.text() == "已作废：隐患现为“已作废”。"
