"""First run: a data folder without any work shows this page instead of the main window.

"Without any work" is inspector.services.backup.holds_data: no enterprise, inspection, hazard or
photo (the database itself may exist — opening the program creates it). The page offers the
three ways to start: import the enterprise list, load the demo city, restore a backup. Once
one of them has succeeded, the normal main window opens.

`StartController` owns the open Workspace and the one top-level window (welcome page or main
window). Restoring a backup needs the database closed, so it closes the window and the
Workspace, restores in the background and opens both again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.services.backup import holds_data
from inspector.ui.common import file_choosers
from inspector.ui.common.operations import run_in_background, wait_for_background
from inspector.ui.common.palette import ALERT, text_style
from inspector.ui.common.window_size import fit_to_screen
from inspector.workspace import Workspace

if TYPE_CHECKING:
    from inspector.demo.generator import DemoSpec


class _Progress(QObject):
    """Carries progress text from a background job to the UI thread (a queued signal)."""

    step = Signal(str)


class WelcomePage(QWidget):
    finished = Signal()  # the folder now holds data: show the main window
    restore_requested = Signal(str)  # a backup file to restore (the controller closes the database first)

    def __init__(self, workspace: Workspace, demo_spec: DemoSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.demo_spec = demo_spec
        self.setWindowTitle(self.tr("Inspector 安全生产检查"))
        self.setObjectName("welcome_page")
        self._progress = _Progress(self)
        self._progress.step.connect(self._show_step)

        title = QLabel(self.tr("欢迎使用 Inspector 安全生产检查"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        intro = QLabel(
            self.tr("数据文件夹 {folder} 中还没有企业。请选择一种方式开始：").format(folder=workspace.data_dir)
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入企业名单…"))
        self.demo_button = QPushButton(self.tr("加载演示数据"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        descriptions = (
            self.tr("从 Excel（.xlsx）或 CSV 文件导入本地区的企业名录（企业名称、统一社会信用代码、地址、镇街道等）。"),
            self.tr("生成一个演示城市：企业、三年的检查、隐患和照片，用于培训和试用。"),
            self.tr("用“备份…”生成的 .zip 文件恢复全部数据（数据库、照片和设置）。"),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        for row, (button, text) in enumerate(
            zip((self.import_button, self.demo_button, self.restore_button), descriptions, strict=True)
        ):
            button.setMinimumSize(180, 44)
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.import_button.clicked.connect(self.choose_import_file)
        self.demo_button.clicked.connect(self.load_demo)
        self.restore_button.clicked.connect(self.choose_backup_file)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the services report steps, not fractions
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("welcome_error")
        self.error.setStyleSheet(text_style(ALERT))
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        box = QWidget()
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addSpacing(8)
        inner.addWidget(intro)
        inner.addSpacing(12)
        inner.addLayout(grid)
        inner.addSpacing(12)
        inner.addWidget(self.progress)
        inner.addWidget(self.status)
        inner.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        fit_to_screen(self, QSize(900, 560))

    # --- the three ways to start --------------------------------------------------------

    def choose_import_file(self) -> None:
        path = file_choosers.open_file(
            self, file_choosers.IMPORTS, self.tr("导入企业名单"), self.tr("企业名单 (*.xlsx *.csv)")
        )
        if path:
            self.import_file(str(path))

    def import_file(self, path: str) -> None:
        workspace = self.workspace

        def work() -> int:
            from inspector.importing.enterprise_import import import_enterprises  # openpyxl only when needed

            return import_enterprises(workspace, Path(path)).count

        self._run(work, self.tr("正在导入企业名单…"), lambda count: self.tr("已导入 {n} 家企业").format(n=count))

    def load_demo(self) -> None:
        workspace, spec, report = self.workspace, self.demo_spec, self._progress.step.emit

        def work() -> dict[str, int]:
            from inspector.demo.demo_city import create_demo  # Pillow and the generator only when needed
            from inspector.demo.generator import DemoSpec
            from inspector.reports.plaque_keys import create_demo_office_key

            counts = create_demo(workspace, spec or DemoSpec(), report)
            create_demo_office_key(workspace)  # the demo's plaques print at once, marked 演示
            return counts

        self._run(work, self.tr("正在生成演示数据…"), lambda counts: self.tr("演示数据已生成"))

    def choose_backup_file(self) -> None:
        path = file_choosers.open_file(
            self, file_choosers.BACKUPS, self.tr("从备份恢复"), self.tr("Inspector 备份 (*.zip)")
        )
        if path:
            self.restore_requested.emit(str(path))

    # --- running them -----------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], busy: str, done: Callable[[Any], str]) -> None:
        self._set_busy(True, busy)

        def succeeded(result: Any) -> None:
            self._set_busy(False, done(result))
            self.finished.emit()

        def failed(message: str) -> None:
            self._set_busy(False, "")
            self.show_error(message)

        run_in_background(work, succeeded, failed)

    def _set_busy(self, busy: bool, text: str) -> None:
        for button in (self.import_button, self.demo_button, self.restore_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.status.setText(text)
        if busy:
            self.error.clear()

    def _show_step(self, text: str) -> None:
        self.status.setText(self.tr("正在生成：{step}").format(step=text))

    def show_error(self, message: str) -> None:
        self.error.setText(message)


class StartController(QObject):
    """Opens the workspace's first window and swaps it when the data changes underneath."""

    def __init__(
        self, folder: Path, workspace: Workspace, demo_spec: DemoSpec | None = None, unclean_exit: bool = False
    ) -> None:
        super().__init__()
        self.folder = folder
        self.workspace = workspace
        self.demo_spec = demo_spec
        self.window: QWidget | None = None
        self.translator: Any = None
        # The last run did not end cleanly (inspector/ui/resume_offer.py): the main window, once
        # open, offers the draft that was left open.
        self.unclean_exit = unclean_exit

    def start(self) -> QWidget:
        if holds_data(self.folder):
            return self.show_main()
        return self.show_welcome()

    def show_welcome(self) -> WelcomePage:
        page = WelcomePage(self.workspace, self.demo_spec)
        page.finished.connect(self.show_main)
        page.restore_requested.connect(lambda path: self.restore(path, force=False))
        return self._replace(page)

    def show_main(self) -> QWidget:
        from inspector.ui.main_window import MainWindow

        window = MainWindow(self.workspace)
        window.translator = self.translator
        window.restore_requested.connect(lambda path: self.restore(path, force=True))
        self._replace(window)
        if self.unclean_exit:
            from inspector.ui.resume_offer import offer_resume

            self.unclean_exit = False  # asked once per run
            offer_resume(window)
        return window

    def _replace(self, window: QWidget) -> Any:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        return window

    def restore(self, path: str, force: bool) -> None:
        """Close everything on the database, restore (data untouched if the archive is bad), reopen."""
        from inspector.services.backup import restore_backup

        busy = _RestoreProgress()
        busy.show()  # first: closing the last window would quit the application
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        wait_for_background()
        self.workspace.close()
        folder = self.folder

        def reopen(error: str | None) -> None:
            try:
                self.workspace = Workspace(folder)
            except DomainError as failure:
                QMessageBox.critical(busy, "Inspector", str(failure))
                busy.close()
                return
            window = self.start()
            busy.close()
            busy.deleteLater()
            if error is not None:
                if isinstance(window, WelcomePage):
                    window.show_error(error)
                else:
                    QMessageBox.warning(window, self.tr("从备份恢复"), error)

        run_in_background(lambda: restore_backup(Path(path), folder, force=force), lambda _result: reopen(None), reopen)


class _RestoreProgress(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("从备份恢复"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("正在校验并恢复备份，请稍候…")))
        bar = QProgressBar()
        bar.setRange(0, 0)
        layout.addWidget(bar)
        self.resize(360, 90)
