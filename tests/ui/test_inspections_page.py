"""The inspections page: starting an inspection, the list of drafts, and resuming one."""

from __future__ import annotations

from pathlib import Path

from gui_samples import shown
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.inspection import InspectionStatus
from inspector.ui.inspection.inspections_page import InspectionListModel, InspectionsPage
from inspector.workspace import Workspace


def add_enterprise(workspace: Workspace, name: str, n: int) -> str:
    return workspace.enterprises.add(
        Enterprise(name=name, credit_code=with_check_digit(f"91330482MA2C{n:05d}"), town="新埭镇")
    )


def make_page(qtbot: QtBot, workspace: Workspace) -> InspectionsPage:
    return shown(qtbot, InspectionsPage(workspace, None))


def test_start_needs_an_enterprise_and_two_inspectors(qtbot: QtBot, workspace: Workspace) -> None:
    target = add_enterprise(workspace, "平湖市新埭塑业有限公司", 1)
    add_enterprise(workspace, "浙江钟埭服装有限公司", 2)
    workspace.roster.add("王建国")
    page = make_page(qtbot, workspace)
    dialog = page.new_inspection()
    assert dialog.isVisible()
    assert "general-manufacturing" not in dialog.template.currentText()
    assert "第 2 版" in dialog.template.currentText()
    assert dialog.date.date().toPython() == workspace.today()

    # Search as you type (names through the input method, codes from the keys) narrows the list.
    dialog.search.insert("埭")
    qtbot.waitUntil(lambda: "共 2 家" in dialog.search_note.text())
    assert dialog.selected_enterprise_id() is None
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "2c00001")
    qtbot.waitUntil(lambda: dialog.enterprise_list.count() == 1)
    assert dialog.selected_enterprise_id() == target, "a single match is chosen"

    assert not dialog.ok_button.isEnabled()
    assert "至少" in dialog.message.text() and "已选 0 名" in dialog.message.text()
    dialog.set_inspector_checked("王建国")
    assert not dialog.ok_button.isEnabled()
    assert "已选 1 名" in dialog.message.text()

    # The second inspector is added to the roster from the dialog and checked at once; Enter in
    # the name field adds the name and does not start the inspection.
    dialog.new_inspector.setText("李明")
    qtbot.keyClick(dialog.new_inspector, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.inspection_id is None
    assert [i.name for i in workspace.roster.active()] == ["李明", "王建国"]
    assert dialog.new_inspector.text() == ""
    assert dialog.ok_button.isEnabled()
    assert dialog.message.text() == ""

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.inspection_id is not None
    started = workspace.inspections.get(dialog.inspection_id)
    assert started.enterprise_id == target
    assert started.status is InspectionStatus.DRAFT
    assert set(started.inspectors) == {"王建国", "李明"}
    assert page.stack.currentWidget() is page.checklist
    assert page.checklist.current_code() == "A-1"

    # The next start remembers the pair.
    again = page.start_for(target)
    assert again.selected_enterprise_id() == target
    assert len(again.checked_inspector_ids()) == 2
    assert again.ok_button.isEnabled()
    again.reject()


def test_drafts_come_first_and_resume_at_the_same_item(qtbot: QtBot, workspace: Workspace, data_dir: Path) -> None:
    template_id = workspace.default_template_id()
    inspectors = [workspace.roster.add("王建国"), workspace.roster.add("李明")]
    done_enterprise = add_enterprise(workspace, "平湖独山港化工材料有限公司", 3)
    draft_enterprise = add_enterprise(workspace, "平湖市曹桥五金制品厂", 4)
    service = workspace.inspections
    done = service.start(done_enterprise, template_id, workspace.today(), inspectors)
    for item in service.template_of(done).items:
        service.answer(done, item.code, Result.PASS)
    service.complete(done)
    draft = service.start(draft_enterprise, template_id, workspace.today(), inspectors)

    page = make_page(qtbot, workspace)
    assert [row.id for row in page.model.rows] == [draft, done]
    status = page.model.index(0, InspectionListModel.STATUS)
    assert page.model.data(status) == "草稿"
    assert page.model.data(page.model.index(1, InspectionListModel.GRADE)) == "A"

    # Open the draft with Enter, answer a few items, leave from the middle of an item.
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = page.checklist
    assert page.stack.currentWidget() is view
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_Down, Qt.Key.Key_Down):
        qtbot.keyClick(view, key)
    left_at = view.current_code()
    assert left_at == view.items[6].code
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_page
    assert page.model.data(page.model.index(0, InspectionListModel.PROGRESS)) == "4/54"

    # "Restart": a new Workspace and page on the same folder; double-click resumes the draft.
    second = Workspace(data_dir)
    try:
        again = make_page(qtbot, second)
        assert again.model.rows[0].id == draft
        rect = again.table.visualRect(again.model.index(0, InspectionListModel.ENTERPRISE))
        qtbot.mouseClick(again.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(again.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert again.stack.currentWidget() is again.checklist
        assert again.checklist.current_code() == left_at
        assert again.checklist.answers[view.items[2].code].result is Result.PARTIAL
        assert again.checklist.progress_bar.value() == 4
    finally:
        second.close()


def test_a_completed_inspection_does_not_open_the_checklist(qtbot: QtBot, workspace: Workspace) -> None:
    template_id = workspace.default_template_id()
    inspectors = [workspace.roster.add("王建国"), workspace.roster.add("李明")]
    service = workspace.inspections
    done = service.start(
        add_enterprise(workspace, "平湖市当湖精密机械有限公司", 5), template_id, workspace.today(), inspectors
    )
    for item in service.template_of(done).items:
        service.answer(done, item.code, Result.PASS)
    service.complete(done)
    page = make_page(qtbot, workspace)
    page.open_inspection(done)
    # The review screen (built separately) shows it; without it the list says it is complete.
    assert page.stack.currentWidget() is (page.review or page.list_page)
