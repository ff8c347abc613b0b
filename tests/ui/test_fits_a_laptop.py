"""Every window and dialog fits a 1366×768 laptop, at 100 % and at 150 % scaling, and reopens at
the size it was left at (inspector/ui/common/window_size.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from inspector.ui.common import window_size
from inspector.ui.common.ui_settings import user_settings
from inspector.ui.documents.report_actions import ReportOptionsDialog
from inspector.ui.grading.coverage_dialog import CoverageDialog
from inspector.ui.main_window import MainWindow
from inspector.ui.settings_dialog import SettingsDialog
from inspector.ui.sync.export_dialog import ExportDialog
from inspector.ui.welcome_page import WelcomePage
from inspector.workspace import Workspace
from tests.ui.test_dialogs_keep_input import DIALOGS

# A 1366×768 screen less a 40-pixel task bar, at 150 %: 911×485 of Qt's pixels; less the window's
# frame and title bar, what a window's own minimum may take.
LAPTOP_150 = QSize(1366 * 2 // 3 - 16, (768 - 40) * 2 // 3 - 45)

WINDOWS: dict[str, Callable[[Workspace, QtBot], QWidget]] = {
    **DIALOGS,
    "export": lambda ws, _q: ExportDialog(ws.sync.devices()),
    "coverage": lambda ws, _q: CoverageDialog(ws, ws.today().year, None),
    "report-options": lambda _ws, _q: ReportOptionsDialog("亮牌", None, year=2026, sizes=True),
    "welcome": lambda ws, _q: WelcomePage(ws),
    "main": lambda ws, _q: MainWindow(ws),
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_fits_a_laptop_at_150_percent(name: str, demo: Workspace, qtbot: QtBot) -> None:
    window = WINDOWS[name](demo, qtbot)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pages = list(window.pages.values()) if isinstance(window, MainWindow) else [window]
    for page in pages:
        if isinstance(window, MainWindow):
            window.stack.setCurrentWidget(page)
        needed = QWidget.minimumSizeHint(window).expandedTo(window.minimumSize())
        assert needed.width() <= LAPTOP_150.width() and needed.height() <= LAPTOP_150.height(), (name, page)
    if isinstance(window, QDialog):
        window.reject()


def test_a_dialog_reopens_at_its_size_and_never_larger_than_the_screen(demo: Workspace, qtbot: QtBot) -> None:
    first = SettingsDialog(demo)
    qtbot.addWidget(first)
    first.show()
    first.resize(650, 430)
    first.reject()
    again = SettingsDialog(demo)
    qtbot.addWidget(again)
    again.show()
    assert QWidget.size(again) == QSize(650, 430)
    again.reject()
    screen = window_size.available(again)
    user_settings().setValue("sizes/SettingsDialog", QSize(4000, 3000))  # left on a big screen
    third = SettingsDialog(demo)
    qtbot.addWidget(third)
    third.show()
    assert QWidget.size(third) == screen
    third.reject()
