"""登记隐患 outside an inspection (随手拍 / 企业自查), the figures strip and the 待办 banner, on real
SQLite through the workspace's services."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gui_samples import sample_enterprise, self_check_hazard, shown
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.services.hazards import HazardSource
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def photo(path: Path, colour: tuple[int, int, int] = (200, 40, 40)) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


def test_new_worker_report_with_a_photo_is_raised_and_selected(
    workspace: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    enterprise_id = workspace.enterprises.add(
        Enterprise("平湖市随手拍机械有限公司", with_check_digit("91330482MA0000003"), "当湖街道")
    )
    page = shown(qtbot, HazardsPage(workspace))
    assert page.model.rowCount() == 0
    page.new_button.click()
    dialog = page.new_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.found_on.date().toPython() == workspace.today()
    assert dialog.deadline.date().toPython() == workspace.today() + timedelta(days=7)
    dialog.enterprise_search.setText("随手拍")
    assert dialog.enterprises.count() == 1
    assert dialog.enterprise_id() == enterprise_id
    dialog.source.setCurrentIndex(dialog.source.findData(HazardSource.WORKER_REPORT.value))
    dialog.found_by.setText("王师傅")
    dialog.description.setPlainText("叉车通道堆放杂物")
    dialog.responsible.setText("李四")
    dialog.add_photo_files([photo(tmp_path / "现场.jpg")])
    qtbot.waitUntil(lambda: not dialog.photo_picker.busy())  # imported on the background worker
    assert dialog.photo_list.count() == 1
    ok(dialog)
    assert not dialog.isVisible()
    hazard_id = dialog.hazard_id
    assert hazard_id is not None
    view = workspace.hazards.get(hazard_id)
    assert view.source is HazardSource.WORKER_REPORT
    assert view.enterprise_id == enterprise_id
    assert view.found_by == "王师傅"
    assert view.status is HazardStatus.RECORDED
    assert len(view.before_photos) == 1
    qtbot.waitUntil(lambda: page.selected_id() == hazard_id)
    assert page.detail.hazard_id() == hazard_id
    assert page.model.rowCount() == 1
    assert page.figures.figures is not None and page.figures.figures.found == 1


def test_missing_description_and_bad_photo_show_inline(workspace: Workspace, qtbot: QtBot, tmp_path: Path) -> None:
    workspace.enterprises.add(Enterprise("平湖市自查有限公司", with_check_digit("91330482MA0000004"), "乍浦镇"))
    page = shown(qtbot, HazardsPage(workspace))
    dialog = page.new_hazard()
    dialog.enterprises.setCurrentRow(0)
    dialog.source.setCurrentIndex(dialog.source.findData(HazardSource.SELF_CHECK.value))
    bad = tmp_path / "坏照片.jpg"
    bad.write_bytes(b"not an image at all")
    dialog.add_photo_files([bad])
    qtbot.waitUntil(lambda: not dialog.photo_picker.busy())
    assert dialog.photos == [] and dialog.photo_list.count() == 0
    assert dialog.message.isVisible() and dialog.message.text()
    ok(dialog)  # no description
    assert dialog.isVisible()
    assert "隐患描述" in dialog.message.text()
    assert workspace.hazards.count() == 0
    dialog.description.setPlainText("消防通道被占用")
    dialog.found_by.setText("安全员")
    ok(dialog)
    assert not dialog.isVisible(), dialog.message.text()
    assert workspace.hazards.get(dialog.hazard_id).source is HazardSource.SELF_CHECK


def test_no_enterprise_chosen_is_refused(workspace: Workspace, qtbot: QtBot) -> None:
    page = shown(qtbot, HazardsPage(workspace))
    dialog = page.new_hazard()
    dialog.description.setPlainText("配电箱未接地")
    ok(dialog)
    assert dialog.isVisible() and "企业" in dialog.message.text()
    dialog.reject()


def test_figures_strip_equals_workspace_stats(demo: Workspace, qtbot: QtBot) -> None:
    page: HazardsPage = shown(qtbot, HazardsPage(demo))
    stats = demo.stats()
    figures = page.figures.figures
    assert figures is not None
    assert (figures.found, figures.rectified, figures.rate, figures.overdue) == (
        stats.hazards_found,
        stats.hazards_rectified,
        stats.rectification_rate,
        stats.overdue,
    )
    text = page.figures.text()
    assert f"发现 {stats.hazards_found}" in text
    assert f"逾期 {stats.overdue}" in text
    if stats.rectification_rate is not None:
        assert f"{stats.rectification_rate:.1f}%" in text


def test_todo_banner_on_start_opens_the_hazards_page(workspace: Workspace, qtbot: QtBot) -> None:
    self_check_hazard(workspace, days_to_deadline=-2)
    self_check_hazard(workspace, days_to_deadline=20)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() == "enterprises"  # the remembered page is kept
    assert window.todo_button.isVisible()
    assert window.todo_button.text() == "待办 1"
    window.todo_button.click()
    assert window.current_page() == "hazards"


def test_no_todo_banner_when_nothing_is_due(workspace: Workspace, qtbot: QtBot) -> None:
    self_check_hazard(workspace, days_to_deadline=20)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert not window.todo_button.isVisible()


def test_only_ticked_photos_are_kept_and_ok_waits_for_their_import(
    workspace: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    sample_enterprise(workspace)
    dialog = shown(qtbot, HazardsPage(workspace)).new_hazard()
    assert dialog.enterprise_id() is not None  # the only enterprise is chosen
    dialog.description.setPlainText("消防通道被占用")
    dialog.found_by.setText("安全员")
    dialog.add_photo_files([photo(tmp_path / "一.jpg"), photo(tmp_path / "二.jpg", colour=(20, 40, 200))])
    assert not dialog.ok_button.isEnabled()  # importing: OK waits
    qtbot.waitUntil(lambda: not dialog.photo_picker.busy())
    assert dialog.ok_button.isEnabled() and dialog.photo_list.count() == 2
    first, second = (dialog.photo_list.item(row) for row in range(2))
    second.setCheckState(Qt.CheckState.Unchecked)
    ok(dialog)
    assert not dialog.isVisible(), dialog.message.text()
    assert workspace.hazards.get(dialog.hazard_id).before_photos == (first.data(Qt.ItemDataRole.UserRole),)


def test_fixed_on_site_keeps_its_after_photo(workspace: Workspace, qtbot: QtBot, tmp_path: Path) -> None:
    hazard_id = self_check_hazard(workspace)
    page = shown(qtbot, HazardsPage(workspace))
    dialog = page.request_action(hazard_id, HazardAction.FIX_ON_SITE)
    dialog.operator.setText("王建国")
    dialog.add_photo_files([photo(tmp_path / "整改后.jpg")])
    qtbot.waitUntil(lambda: dialog.photo_picker is not None and not dialog.photo_picker.busy())
    ok(dialog)
    assert not dialog.isVisible(), dialog.message.text()
    view = workspace.hazards.get(hazard_id)
    assert view.status is HazardStatus.FIXED_ON_SITE and len(view.after_photos) == 1
