"""The main window: pages, navigation, remembered geometry and page, and the self-test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.ui.inspection.start_dialog import StartDialog
from inspector.ui.main_window import MainWindow
from inspector.ui.settings_dialog import SettingsDialog
from inspector.workspace import Workspace


def test_navigation_shows_each_page(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "看板",
        "企业名录",
        "检查",
        "隐患台账",
        "评级发牌",
        "同步",
    ]
    window.nav.setCurrentRow(2)
    assert window.stack.currentWidget() is window.inspections
    assert window.current_page() == "inspections"


def test_geometry_and_last_page_are_remembered(qtbot: QtBot, workspace: Workspace) -> None:
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(40, 50, 1000, 700))
    first.show_page("inspections")
    first.close()
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    assert second.current_page() == "inspections"
    assert (second.width(), second.height()) == (1000, 700)


def test_start_inspection_from_the_register_opens_the_start_dialog(qtbot: QtBot, workspace: Workspace) -> None:
    enterprise_id = workspace.enterprises.add(
        Enterprise("平湖市主窗口机械有限公司", with_check_digit("91330482MA2B3C4D5"), "当湖街道")
    )
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.enterprises.start_inspection_requested.emit(enterprise_id)
    assert window.current_page() == "inspections"
    dialog = window.inspections.start_dialog
    assert isinstance(dialog, StartDialog)
    dialog.reject()


def test_self_test_starts_the_window_and_exits_zero(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--data-dir", str(tmp_path / "data"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    assert (tmp_path / "data" / "inspector.db").exists()


def test_self_test_reports_a_damaged_database(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "inspector.db").write_bytes(b"this is not a database" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--data-dir", str(folder), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 1
    assert "错误" in result.stderr and "Traceback" not in result.stderr


def test_settings_dialog_saves_the_language(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert workspace.settings.language == "en"
    assert '"language": "en"' in (workspace.data_dir / "settings.json").read_text(encoding="utf-8")


def settings_from_the_window(qtbot: QtBot, workspace: Workspace) -> SettingsDialog:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    return window.open_settings()


def test_settings_dialog_shows_a_bad_value_and_stays_open(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = settings_from_the_window(qtbot, workspace)
    dialog.office_code.setText("平湖")
    dialog.accept()
    assert "单位代码" in dialog.error.text()
    assert dialog.isVisible()
    assert workspace.settings.office_code == "PH"


def test_settings_dialog_sets_the_plaque_verification_address(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = settings_from_the_window(qtbot, workspace)
    dialog.verify_url.setText("aq.phzgh.cn")
    dialog.accept()
    assert "亮牌验证地址" in dialog.error.text() and dialog.isVisible()
    dialog.verify_url.setText(" https://aq.phzgh.cn/plaque/ ")
    dialog.accept()
    assert workspace.settings.plaque_verify_url == "https://aq.phzgh.cn/plaque/"
    assert '"plaque_verify_url": "https://aq.phzgh.cn/plaque/"' in (workspace.data_dir / "settings.json").read_text(
        encoding="utf-8"
    )


def test_pages_are_built_when_first_shown_and_the_first_after_the_window_paints(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    built: list[str] = []
    window.page_built.connect(built.append)
    assert window.pages == {} and window.current_page() == "enterprises"
    window.show()
    qtbot.waitUntil(lambda: built == ["enterprises"], timeout=5000)
    assert window.stack.currentWidget() is window.pages["enterprises"]
    window.show_page("hazards")  # built at once when asked for
    assert built == ["enterprises", "hazards"] and window.stack.currentWidget() is window.hazards
    assert "dashboard" not in window.pages
    window.build_all_pages()
    assert list(window.pages) == ["enterprises", "hazards", "dashboard", "inspections", "grading", "sync"]
    assert window.stack.count() == 6


def test_the_todo_badge_counts_without_the_ledger_page(qtbot: QtBot, hazard_city: Workspace) -> None:
    window = MainWindow(hazard_city)
    qtbot.addWidget(window)
    assert "hazards" not in window.pages
    badge = window.todo_count()
    assert badge > 0 and window.todo_button.text() == f"待办 {badge}"
    todo = window.hazards.todo.counts  # the ledger page's own lists, built now, agree
    assert badge == todo["overdue"] + todo["recheck"]
