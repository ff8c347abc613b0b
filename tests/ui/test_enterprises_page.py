"""The enterprise register page, its model, the add/edit dialog and the detail panel: real widgets
on real SQLite, driven as a user would (typing, clicking), waiting with qtbot."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_samples import shown
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise, EnterpriseSize
from inspector.core.grades import PENDING
from inspector.db.ids import to_str
from inspector.db.models import HazardRow, InspectionRow
from inspector.queries.enterprise_queries import EnterpriseQueries
from inspector.ui.common.row_blocks import BLOCK_SIZE
from inspector.ui.common.row_table import ID_ROLE, ROW_ROLE
from inspector.ui.enterprises.enterprise_dialog import CODE, NAME, TOWN, EnterpriseDialog
from inspector.ui.enterprises.enterprise_model import (
    COL_GRADE,
    COL_LIGHT,
    COL_NAME,
    EnterpriseTableModel,
)
from inspector.ui.enterprises.enterprises_page import EnterprisesPage
from inspector.workspace import Workspace

AWAITING_FIX = ["recorded", "notice_issued", "rectifying"]


def code(number: int) -> str:
    return with_check_digit(f"91330482MA{number:07d}")


def wrong_check_digit(valid: str) -> str:
    return valid[:17] + ("0" if valid[17] != "0" else "1")


def make_page(workspace: Workspace, qtbot: QtBot) -> EnterprisesPage:
    return shown(qtbot, EnterprisesPage(workspace))


@pytest.fixture
def demo_page(demo: Workspace, qtbot: QtBot) -> EnterprisesPage:
    return make_page(demo, qtbot)


def shown_rows(page: EnterprisesPage) -> list:
    return [page.model.data(page.model.index(row, COL_NAME), ROW_ROLE) for row in range(page.model.rowCount())]


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a user does: ASCII key by key; Chinese as an input method commits it, one
    character at a time (QTest cannot send non-ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def when_dialog_opens(action: Callable[[EnterpriseDialog], None]) -> None:
    """Run `action` on the modal dialog the next call opens; close it if the action left it open,
    so that a failing check cannot hang the test in the dialog's event loop."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EnterpriseDialog), dialog
        try:
            action(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


# -- the model -------------------------------------------------------------------------------


def test_model_passes_the_qt_model_tester(demo: Workspace, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    queries = EnterpriseQueries(demo.db)
    year = demo.today().year
    model = EnterpriseTableModel(queries, year, queries.light_quarter(year) or f"{year}Q1")
    model.set_filter()
    assert model.rowCount() == 40
    qtmodeltester.check(model)
    model.set_filter("有限公司", grade=PENDING)
    qtmodeltester.check(model)


def test_rows_are_read_in_blocks_only_when_asked(workspace: Workspace, qtbot: QtBot) -> None:
    count = 2 * BLOCK_SIZE + 50
    workspace.enterprises.add_many(
        [Enterprise(f"测试企业{number:04d}有限公司", code(number), "当湖街道") for number in range(count)]
    )
    model = EnterpriseTableModel(EnterpriseQueries(workspace.db), 2026, "2026Q3")
    model.set_filter()
    assert model.rowCount() == count
    assert (model.fetches, model.cached_row_count()) == (0, 0)  # ids only

    assert model.data(model.index(0, COL_NAME), ID_ROLE)  # the id needs no row read
    assert model.fetches == 0
    assert model.data(model.index(0, COL_NAME)) == "测试企业0000有限公司"
    assert (model.fetches, model.cached_row_count()) == (1, BLOCK_SIZE)
    assert model.data(model.index(BLOCK_SIZE - 1, COL_GRADE)) == "待评"
    assert model.fetches == 1  # same block, from the cache
    assert model.data(model.index(count - 1, COL_NAME)) == f"测试企业{count - 1:04d}有限公司"
    assert (model.fetches, model.cached_row_count()) == (2, BLOCK_SIZE + 50)

    model.refresh()  # a refresh forgets every cached row
    assert model.cached_row_count() == 0

    # A view shows one screenful: only the first block is read.
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.fetches == 3)  # painted
    qtbot.wait(50)
    assert model.fetches == 3
    assert model.cached_row_count() == BLOCK_SIZE


# -- search and filters ----------------------------------------------------------------------


def test_typing_filters_the_table(demo_page: EnterprisesPage, qtbot: QtBot) -> None:
    page = demo_page
    assert page.model.rowCount() == 40
    assert page.count.text() == "共 40 家"
    target = shown_rows(page)[7]
    type_text(qtbot, page.search, target.credit_code.lower())  # as an inspector types it
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert shown_rows(page)[0].id == target.id
    assert page.count.text() == "共 1 家"

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    word = target.name[-4:]  # e.g. 有限公司, or the end of a name
    expected = [row.id for row in shown_rows(page) if word in row.name or word in row.address]
    type_text(qtbot, page.search, word)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(expected))
    assert [row.id for row in shown_rows(page)] == expected

    type_text(qtbot, page.search, "并无此企业")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count.text() == "共 0 家"


def test_town_grade_and_light_filters(demo_page: EnterprisesPage, demo: Workspace, qtbot: QtBot) -> None:
    page = demo_page
    stats = demo.stats(page.year)
    everyone = shown_rows(page)

    town = everyone[0].town
    page.town.setCurrentIndex(page.town.findData(town))
    qtbot.waitUntil(lambda: page.model.rowCount() == sum(1 for row in everyone if row.town == town))
    assert {row.town for row in shown_rows(page)} == {town}
    page.town.setCurrentIndex(0)

    for grade in ("A", "B", PENDING):
        page.grade.setCurrentIndex(page.grade.findData(grade))
        qtbot.waitUntil(lambda grade=grade: page.model.rowCount() == stats.grades[grade])
        assert {row.grade for row in shown_rows(page)} <= {None if grade == PENDING else grade}
    assert page.grade.itemText(page.grade.findData(PENDING)) == "待评"
    page.grade.setCurrentIndex(0)

    assert page.quarter == stats.quarter
    for light in ("green", "yellow", "red"):
        page.light.setCurrentIndex(page.light.findData(light))
        qtbot.waitUntil(lambda light=light: page.model.rowCount() == stats.lights[light])
        assert {row.light for row in shown_rows(page)} <= {light}
    assert [page.light.itemText(i) for i in range(4)] == ["全部亮灯", "绿灯", "黄灯", "红灯"]

    # The columns show what the filters filter on.
    page.light.setCurrentIndex(page.light.findData("green"))
    page.grade.setCurrentIndex(page.grade.findData("A"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    first = page.model.index(0, 0)
    assert page.model.data(first.siblingAtColumn(COL_GRADE)) == "A级"
    assert page.model.data(first.siblingAtColumn(COL_LIGHT)) == "绿灯"


def test_selection_survives_a_search_that_still_lists_it(demo_page: EnterprisesPage, qtbot: QtBot) -> None:
    page = demo_page
    target = shown_rows(page)[3]
    assert page.select_enterprise(target.id)
    type_text(qtbot, page.search, target.name[:3])
    qtbot.waitUntil(lambda: page.model.current_filter()[0] == target.name[:3])
    assert page.selected_id() == target.id
    assert page.detail.enterprise_id == target.id
    page.search.setText("并无此企业")
    assert page.selected_id() is None
    assert page.detail.enterprise_id is None
    assert not page.edit_button.isEnabled()


# -- detail ----------------------------------------------------------------------------------


def overdue_enterprise(demo: Workspace) -> tuple[str, int, int]:
    """An enterprise with an overdue hazard: its id, number of inspections and of open hazards."""
    today = demo.today()
    with demo.db.reading() as session:
        hazard = session.scalars(
            select(HazardRow).where(HazardRow.status.in_(AWAITING_FIX), HazardRow.deadline < today)
        ).first()
        assert hazard is not None, "the demo city should have an overdue hazard"
        key = hazard.enterprise_id
        inspections = len(list(session.scalars(select(InspectionRow.id).where(InspectionRow.enterprise_id == key))))
        open_hazards = len(
            list(
                session.scalars(
                    select(HazardRow.id).where(
                        HazardRow.enterprise_id == key,
                        HazardRow.status.in_([*AWAITING_FIX, "recheck_requested"]),
                    )
                )
            )
        )
    return to_str(key), inspections, open_hazards


def test_detail_panel_shows_inspections_grades_and_open_hazards(
    demo_page: EnterprisesPage, demo: Workspace, qtbot: QtBot
) -> None:
    page = demo_page
    enterprise_id, inspections, open_hazards = overdue_enterprise(demo)
    assert page.detail.stack.currentIndex() == 0  # nothing selected yet: the hint shows
    assert page.select_enterprise(enterprise_id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.enterprise_id == enterprise_id)
    assert detail.stack.currentIndex() == 1
    enterprise = demo.enterprises.get(enterprise_id)
    assert detail.title.text() == enterprise.name
    assert detail.fields["credit_code"].text() == enterprise.credit_code
    assert detail.inspections.rowCount() == inspections
    assert detail.tabs.tabText(0) == f"检查（{inspections}）"
    assert detail.hazards.rowCount() == open_hazards
    assert detail.tabs.tabText(1) == f"未整改隐患（{open_hazards}）"
    overdue_rows = [row for row in range(open_hazards) if "逾期" in detail.hazards.item(row, 3).text()]
    assert overdue_rows
    for row in overdue_rows:
        assert detail.hazards.item(row, 0).foreground().color().name() == "#c62828"
    assert detail.tabs.tabBar().tabTextColor(1).name() == "#c62828"
    assert detail.detail is not None
    assert detail.plaques.rowCount() == len(detail.detail.plaques)
    assert detail.start_button.isEnabled()


def test_start_inspection_button_emits_the_enterprise_id(demo_page: EnterprisesPage, qtbot: QtBot) -> None:
    page = demo_page
    target = shown_rows(page)[5]
    page.select_enterprise(target.id)
    with qtbot.waitSignal(page.start_inspection_requested, timeout=2000) as blocker:
        qtbot.mouseClick(page.detail.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [target.id]


def test_double_click_opens_the_detail(demo_page: EnterprisesPage, qtbot: QtBot) -> None:
    page = demo_page
    page.splitter.setSizes([1200, 0])  # the user had hidden the panel
    rect = page.table.visualRect(page.model.index(2, COL_NAME))
    with qtbot.waitSignal(page.table.doubleClicked, timeout=2000):
        # A double click is a click followed by a double-click event, as the window system sends it.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.detail.enterprise_id == page.model.enterprise_id(2)
    assert page.splitter.sizes()[1] > 0


def test_selecting_with_the_keyboard_follows_in_the_detail(demo_page: EnterprisesPage, qtbot: QtBot) -> None:
    page = demo_page
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, COL_NAME),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.detail.enterprise_id == page.model.enterprise_id(1))
    assert page.edit_button.isEnabled()


# -- the add / edit dialog -------------------------------------------------------------------


def test_credit_code_is_checked_as_it_is_typed(workspace: Workspace, qtbot: QtBot) -> None:
    dialog = EnterpriseDialog(None, None, workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # nothing entered yet
    assert not dialog.fields[NAME].message.isVisible()  # but no red on a blank form
    type_text(qtbot, dialog.name, "平湖市测试机械有限公司")
    type_text(qtbot, dialog.town.lineEdit(), "当湖街道")
    valid = code(42)
    type_text(qtbot, dialog.credit_code, valid[:10])
    assert "应为 18 位" in dialog.fields[CODE].message.text()
    type_text(qtbot, dialog.credit_code, wrong_check_digit(valid)[10:])
    message = dialog.fields[CODE].message
    assert message.isVisible()
    assert message.text() == f"校验位错误：第 18 位应为 {valid[17]}，而不是 {wrong_check_digit(valid)[17]}"
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Backspace)
    type_text(qtbot, dialog.credit_code, valid[17])
    assert not message.isVisible()
    assert dialog.ok_button.isEnabled()

    dialog.name.selectAll()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Delete)  # a required field emptied
    assert dialog.fields[NAME].message.text() == "不能为空"
    assert not dialog.ok_button.isEnabled()


def test_saving_adds_the_enterprise_and_the_list_shows_it(workspace: Workspace, qtbot: QtBot) -> None:
    workspace.enterprises.add(Enterprise("平湖市已有纸业有限公司", code(1), "乍浦镇"))
    page = make_page(workspace, qtbot)
    page.search.setText("已有")  # a search that will not list the new one

    def fill(dialog: EnterpriseDialog) -> None:
        type_text(qtbot, dialog.name, "平湖市新登记五金有限公司")
        type_text(qtbot, dialog.credit_code, code(2))
        dialog.town.setCurrentIndex(dialog.town.findText("乍浦镇"))
        type_text(qtbot, dialog.address, "乍浦镇雅山西路 9 号")
        dialog.size.setCurrentIndex(dialog.size.findText("小型"))
        type_text(qtbot, dialog.contact_phone, "0573-85123456")
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    new_id = page.add_enterprise()
    assert new_id is not None
    saved = workspace.enterprises.get(new_id)
    assert (saved.name, saved.credit_code, saved.town, saved.size) == (
        "平湖市新登记五金有限公司",
        code(2),
        "乍浦镇",
        EnterpriseSize.SMALL,
    )
    assert page.model.rowCount() == 2  # the filters were cleared to show it
    assert page.count.text() == "共 2 家"
    assert page.selected_id() == new_id
    assert page.detail.title.text() == "平湖市新登记五金有限公司"


def test_a_duplicate_code_shows_the_service_message_and_keeps_the_dialog(workspace: Workspace, qtbot: QtBot) -> None:
    workspace.enterprises.add(Enterprise("平湖市已有纸业有限公司", code(1), "乍浦镇"))
    dialog = EnterpriseDialog(None, None, workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "平湖市另一家有限公司")
    type_text(qtbot, dialog.credit_code, code(1))
    type_text(qtbot, dialog.town.lineEdit(), "新仓镇")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() != EnterpriseDialog.DialogCode.Accepted
    message = dialog.fields[CODE].message
    assert message.isVisible()
    assert "已登记为“平湖市已有纸业有限公司”" in message.text()
    assert not dialog.ok_button.isEnabled()  # the same code would be refused again
    type_text(qtbot, dialog.name, "（二厂）")  # another field: the refusal still stands
    assert "已登记为" in message.text()
    dialog.credit_code.selectAll()
    type_text(qtbot, dialog.credit_code, code(3))
    assert not message.isVisible()
    assert dialog.ok_button.isEnabled()
    assert workspace.enterprises.count() == 1


def test_edit_changes_are_saved(workspace: Workspace, qtbot: QtBot) -> None:
    enterprise_id = workspace.enterprises.add(
        Enterprise("平湖市旧名机械有限公司", code(1), "乍浦镇", contact_person="王伟", size=EnterpriseSize.MEDIUM)
    )
    page = make_page(workspace, qtbot)
    assert page.select_enterprise(enterprise_id)
    assert page.edit_button.isEnabled()

    def edit(dialog: EnterpriseDialog) -> None:
        assert dialog.windowTitle() == "编辑企业"
        assert dialog.name.text() == "平湖市旧名机械有限公司"
        assert dialog.size.currentText() == "中型"
        assert dialog.ok_button.isEnabled()
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, "平湖市新名机械有限公司")
        dialog.town.lineEdit().selectAll()
        type_text(qtbot, dialog.town.lineEdit(), "独山港镇")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    saved = workspace.enterprises.get(enterprise_id)
    assert (saved.name, saved.town, saved.contact_person, saved.size) == (
        "平湖市新名机械有限公司",
        "独山港镇",
        "王伟",
        EnterpriseSize.MEDIUM,
    )
    assert shown_rows(page)[0].name == "平湖市新名机械有限公司"
    assert page.detail.title.text() == "平湖市新名机械有限公司"
    assert page.town.findData("独山港镇") > 0  # the new town is in the filter


def test_required_fields_are_marked(workspace: Workspace, qtbot: QtBot) -> None:
    dialog = EnterpriseDialog(None, None, workspace)
    qtbot.addWidget(dialog)
    form = dialog.form  # (its rows scroll inside the dialog)
    texts = [form.itemAt(row, form.ItemRole.LabelRole).widget().text() for row in range(form.rowCount())]
    assert texts[:3] == ["企业名称 *", "统一社会信用代码 *", "镇街道 *"]
    dialog.submit()  # what OK does, on a blank form: every problem shows
    assert dialog.fields[NAME].message.text() == "不能为空"
    assert dialog.fields[TOWN].message.text() == "不能为空"
    assert dialog.fields[CODE].message.text() == "不能为空"
    assert workspace.enterprises.count() == 0
