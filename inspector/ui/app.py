"""Start the GUI: one QApplication, the shipped font, the translation, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import __version__
from inspector.core.errors import DomainError
from inspector.paths import data_dir, resources_dir
from inspector.ui.common.fonts import install_chinese_font
from inspector.ui.common.i18n import install_qt_translator, install_translator
from inspector.ui.resume_offer import RunningMarker
from inspector.ui.welcome_page import StartController
from inspector.workspace import Workspace


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Inspector")
    app.setApplicationDisplayName("Inspector 安全检查")
    app.setApplicationVersion(__version__)
    # The same picture as the desktop entry's icon (installed by the .deb), for the title bar and
    # task bar; desktopFileName lets a Wayland compositor match the window to that entry.
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "inspector.svg")))
    app.setDesktopFileName("inspector")
    install_chinese_font(app)
    return app


def run_gui(data_dir_arg: str | None = None, self_test: bool = False) -> int:
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    folder = data_dir(data_dir_arg)
    try:
        workspace = Workspace(folder)
    except DomainError as error:
        if self_test:
            print(f"错误：{error}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, "Inspector", str(error))
        return 1
    translator = install_translator(app, workspace.settings.language)
    install_qt_translator(app, workspace.settings.language)  # Qt's own dialogs and buttons too
    # A mark that the program is running: left behind by a crash, it makes the window offer the
    # open draft (inspector/ui/resume_offer.py). Taken after the folder opened, released at a clean end.
    marker = RunningMarker(folder)
    unclean_exit = marker.begin()
    # The welcome page on a folder without data, else the main window (inspector/ui/welcome_page.py).
    shell = StartController(folder, workspace, unclean_exit=unclean_exit and not self_test)
    shell.translator = translator
    window = shell.start()
    if self_test:
        # Every page is built (each can be: nothing its modules need is missing from a bundle)
        # before the window closes; normally a page is built when first shown.
        from inspector.ui.main_window import MainWindow

        if isinstance(window, MainWindow):
            QTimer.singleShot(0, window.build_all_pages)
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
        app.exec()
        shell.workspace.close()
        marker.end()
        print(f"inspector {__version__} self-test ok: {folder}")
        return 0
    code = app.exec()
    shell.workspace.close()
    marker.end()
    return code
