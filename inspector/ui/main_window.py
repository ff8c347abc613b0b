"""The main window: a navigation bar on the left, one page at a time on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.common.changes import HAZARD_TABLES, follow
from inspector.ui.common.ui_settings import ui_settings
from inspector.ui.common.window_size import fit_to_screen
from inspector.ui.dashboard.dashboard_page import DashboardPage
from inspector.ui.documents.report_actions import report_menu_button
from inspector.ui.enterprises.enterprises_page import EnterprisesPage
from inspector.ui.grading.grading_page import GradingPage
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.ui.inspection.inspections_page import InspectionsPage
from inspector.ui.settings_dialog import SettingsDialog
from inspector.ui.sync.sync_page import SyncPage
from inspector.workspace import Workspace

MINIMUM = QSize(880, 430)
NAV_WIDTH = 130


class MainWindow(QMainWindow):
    restore_requested = Signal(str)  # a backup to restore: the StartController closes this window first

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.translator = None
        self.resume_box: QWidget | None = None  # the offer to continue a draft after a crash
        self.setWindowTitle(self.tr("Inspector 安全生产检查"))
        # Fits a 1366×768 laptop at 150 % scaling (911×485 of Qt's pixels, less the frame).
        self.setMinimumSize(MINIMUM)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.enterprises = EnterprisesPage(workspace, self)
        self.inspections = InspectionsPage(workspace, self)
        self.hazards = HazardsPage(workspace, self)
        self.dashboard = DashboardPage(workspace, self)
        self.grading = GradingPage(workspace, self)
        self._add_page("dashboard", self.tr("看板"), self.dashboard)
        self._add_page("enterprises", self.tr("企业名录"), self.enterprises)
        self._add_page("inspections", self.tr("检查"), self.inspections)
        self._add_page("hazards", self.tr("隐患台账"), self.hazards)
        self._add_page("grading", self.tr("评级发牌"), self.grading)
        self.sync_page = SyncPage(workspace, self)
        self._add_page("sync", self.tr("同步"), self.sync_page)
        self.enterprises.start_inspection_requested.connect(self.inspections.start_for)
        self.todo_button = QPushButton()
        self.todo_button.setObjectName("todo_banner")
        self.todo_button.setStyleSheet("background: #c62828; color: white; font-weight: bold; padding: 6px;")
        self.todo_button.setToolTip(self.tr("已逾期或申请复查的隐患：点击查看"))
        self.todo_button.clicked.connect(lambda: self.show_page("hazards"))
        self.todo_button.hide()
        self.settings_button = QPushButton(self.tr("设置"))
        self.settings_button.clicked.connect(self.open_settings)
        self.reports_button = report_menu_button(self, workspace)  # 报表: 批量打印亮牌, 年度汇总
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 6)
        side.addWidget(self.nav, 1)
        side.addWidget(self.todo_button)
        side.addWidget(self.reports_button)
        side.addWidget(self.settings_button)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self.update_todo_banner)
        for number, key in enumerate(self.pages, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=key: self.show_page(key))
        self._restore()
        self.update_todo_banner()
        follow(self, workspace, HAZARD_TABLES, lambda _changes: self.refresh_todo())

    def refresh_todo(self) -> None:
        """Recount the to-do lists (the badge is always in view, so it never waits for the ledger page)."""
        self.hazards.todo.refresh(self.workspace.ledger())
        self.update_todo_banner()

    def todo_count(self) -> int:
        """Hazards that need attention now: overdue, or re-check requested (the ledger's to-do)."""
        counts = self.hazards.todo.counts
        return counts.get("overdue", 0) + counts.get("recheck", 0)

    def update_todo_banner(self) -> None:
        count = self.todo_count()
        self.todo_button.setText(self.tr("待办 {n}").format(n=count))
        self.todo_button.setVisible(count > 0)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.pages[key] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(NAV_WIDTH - 10, 44))
        self.nav.addItem(item)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.workspace, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.open()
        return dialog

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    def current_page(self) -> str:
        return list(self.pages)[max(0, self.nav.currentRow())]

    def _restore(self) -> None:
        settings = ui_settings(self.workspace.data_dir)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)  # then shrunk if it was left on a larger screen
            fit_to_screen(self)
        else:
            fit_to_screen(self, QSize(1280, 800))
        last = settings.value("window/page", "enterprises")
        self.show_page(last if last in self.pages else "enterprises")

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = ui_settings(self.workspace.data_dir)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_page())
        settings.sync()
        super().closeEvent(event)
