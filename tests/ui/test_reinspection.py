"""A re-inspection from the window: the start dialog offers the last visit, and the checklist shows
what failed and what is still open first, with last time's result and the before-photos."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.ui.inspection.checklist_view import CODE_ROLE
from inspector.ui.inspection.inspections_page import InspectionsPage
from inspector.workspace import Workspace
from tests.sample_records import add_enterprise
from tests.test_revisit import NOW, last_visit
from tests.ui.gui_samples import shown


def test_a_reinspection_starts_with_what_to_recheck(qtbot: QtBot, workspace: Workspace) -> None:
    enterprise = add_enterprise(workspace, "平湖市复查机械有限公司", 303)
    new_one = add_enterprise(workspace, "平湖市新开业电子有限公司", 304)
    last_visit(workspace, enterprise)
    page = shown(qtbot, InspectionsPage(workspace, None), 1366, 768)

    dialog = page.start_for(new_one)
    assert dialog.from_last.isHidden()  # never visited: nothing to start from
    dialog.reject()
    dialog = page.start_for(enterprise)
    assert dialog.from_last.isVisible() and not dialog.from_last.isChecked()
    assert "2026-03-02" in dialog.from_last.text() and "先复查 2 项检查项" in dialog.from_last.text()
    assert "2 条未整改隐患" in dialog.from_last.text()  # 灭火器过期 and the self-check's 通道堆物
    dialog.from_last.setChecked(True)
    dialog.date.setDate(NOW)
    for name in ("王检查", "赵检查"):
        dialog.new_inspector.setText(name)
        qtbot.keyClick(dialog.new_inspector, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.inspection_id is not None

    checklist = page.checklist
    assert page.stack.currentWidget() is checklist
    first = checklist.tree.topLevelItem(0)
    assert first.text(0) == "复查：上次不符合或隐患未整改" and first.text(1) == "0/2"
    assert [first.child(i).data(0, CODE_ROLE) for i in range(first.childCount())] == ["C-6", "D-1"]
    assert checklist.current_code() == "C-6" and checklist.position_label.text().startswith("第 1 /")
    box = checklist.last_visit
    assert box.isVisible() and "2026-03-02" in box.title.text()
    assert "结果：不符合。备注：灭火器过期" in box.text.text()
    assert "未整改隐患：灭火器过期" in box.text.text()
    assert box.photos.count() == 2  # one before-photo, then the stretch
    qtbot.keyClick(checklist, Qt.Key.Key_1)  # fixed now: 符合, and on to the next item to re-check
    assert checklist.current_code() == "D-1" and "部分符合" in box.text.text()
    assert first.text(1) == "1/2"
    qtbot.keyClick(checklist, Qt.Key.Key_1)
    assert checklist.current_code() not in ("C-6", "D-1") and not box.isVisible()
