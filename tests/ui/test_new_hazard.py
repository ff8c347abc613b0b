"""登记隐患 outside an inspection (随手拍 / 企业自查), the figures strip and the 待办 banner, on real
SQLite through the workspace's services."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.demo.generator import DemoSpec
from inspector.services.hazards import HazardSource, NewHazard
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies

CODE = with_check_digit("91330482MA0000001")


def make_page(workspace: Workspace, qtbot: QtBot) -> HazardsPage:
    page = HazardsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def raise_hazard(workspace: Workspace, days_to_deadline: int) -> str:
    existing = workspace.enterprises.by_credit_code(CODE)
    if existing is not None and existing.id:
        enterprise_id = existing.id
    else:
        enterprise_id = workspace.enterprises.add(Enterprise("平湖市测试机械有限公司", CODE, "当湖街道"))
    today = workspace.today()
    return workspace.hazards.raise_hazard(
        NewHazard(
            enterprise_id=enterprise_id,
            description="配电箱未接地",
            found_on=today - timedelta(days=20),
            found_by="张三",
            deadline=today + timedelta(days=days_to_deadline),
            source=HazardSource.SELF_CHECK,
        )
    )


@pytest.fixture(scope="module")
def demo(module_demo_workspace: DemoCopies) -> Workspace:
    return module_demo_workspace(DemoSpec(enterprises=40, years=1))


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def photo(path: Path) -> Path:
    Image.new("RGB", (64, 48), (200, 40, 40)).save(path, "JPEG")
    return path


def test_new_worker_report_with_a_photo_is_raised_and_selected(
    workspace: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    enterprise_id = workspace.enterprises.add(
        Enterprise("平湖市随手拍机械有限公司", with_check_digit("91330482MA0000003"), "当湖街道")
    )
    page = make_page(workspace, qtbot)
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
    page = make_page(workspace, qtbot)
    dialog = page.new_hazard()
    dialog.enterprises.setCurrentRow(0)
    dialog.source.setCurrentIndex(dialog.source.findData(HazardSource.SELF_CHECK.value))
    bad = tmp_path / "坏照片.jpg"
    bad.write_bytes(b"not an image at all")
    dialog.add_photo_files([bad])
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
    page = make_page(workspace, qtbot)
    dialog = page.new_hazard()
    dialog.description.setPlainText("配电箱未接地")
    ok(dialog)
    assert dialog.isVisible() and "企业" in dialog.message.text()
    dialog.reject()


def test_figures_strip_equals_workspace_stats(demo: Workspace, qtbot: QtBot) -> None:
    page: HazardsPage = make_page(demo, qtbot)
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
    raise_hazard(workspace, days_to_deadline=-2)
    raise_hazard(workspace, days_to_deadline=20)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() == "enterprises"  # the remembered page is kept
    assert window.todo_button.isVisible()
    assert window.todo_button.text() == "待办 1"
    window.todo_button.click()
    assert window.current_page() == "hazards"


def test_no_todo_banner_when_nothing_is_due(workspace: Workspace, qtbot: QtBot) -> None:
    raise_hazard(workspace, days_to_deadline=20)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert not window.todo_button.isVisible()
