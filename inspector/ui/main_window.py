"""The main window: a navigation bar on the left, one page at a time on the right.

Pages are built when first shown, and the first one only after the window has painted: the
window appears at the speed of Qt and fills in after. A page is named by its module and class
(`_add_page`), so its imports (QtCharts for the dashboard…) load with it, not with the window.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
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
from inspector.ui.documents.report_actions import report_menu_button
from inspector.ui.hazards.todo_panel import todo_counts
from inspector.ui.settings_dialog import SettingsDialog
from inspector.workspace import Workspace

MINIMUM = QSize(880, 430)
NAV_WIDTH = 130


class _Page:
    """`window.hazards` and the like: the page of that key, built on first use."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, window: MainWindow, owner: type | None = None) -> Any:
        return window.page(self.key)


class MainWindow(QMainWindow):
    restore_requested = Signal(str)  # a backup to restore: the StartController closes this window first
    page_built = Signal(str)  # a page's key, once it has been built (the first time it is shown)

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
        self.pages: dict[str, QWidget] = {}  # the pages built so far
        self._page_classes: dict[str, str] = {}  # every page: key → "module:Class"
        self._painted = False
        self._restored = False
        self._add_page("dashboard", self.tr("看板"), "inspector.ui.dashboard.dashboard_page:DashboardPage")
        self._add_page("enterprises", self.tr("企业名录"), "inspector.ui.enterprises.enterprises_page:EnterprisesPage")
        self._add_page("inspections", self.tr("检查"), "inspector.ui.inspection.inspections_page:InspectionsPage")
        self._add_page("hazards", self.tr("隐患台账"), "inspector.ui.hazards.hazards_page:HazardsPage")
        self._add_page("grading", self.tr("评级发牌"), "inspector.ui.grading.grading_page:GradingPage")
        self._add_page("sync", self.tr("同步"), "inspector.ui.sync.sync_page:SyncPage")
        self._todo: dict[str, int] = {}
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
        self.nav.currentRowChanged.connect(self._row_changed)
        for number, key in enumerate(self._page_classes, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=key: self.show_page(key))
        self._restore()
        self.refresh_todo()
        follow(self, workspace, HAZARD_TABLES, lambda _changes: self.refresh_todo())

    # -- the pages, built when first shown ----------------------------------------------------------
    dashboard = _Page("dashboard")
    enterprises = _Page("enterprises")
    inspections = _Page("inspections")
    hazards = _Page("hazards")
    grading = _Page("grading")
    sync_page = _Page("sync")

    def page(self, key: str) -> QWidget:
        """The page `key`, built now if it has not been yet (in place of its empty stand-in)."""
        built = self.pages.get(key)
        if built is not None:
            return built
        module, _, name = self._page_classes[key].partition(":")
        built = getattr(importlib.import_module(module), name)(self.workspace, self)
        index = list(self._page_classes).index(key)
        stand_in = self.stack.widget(index)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, built)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        self.pages[key] = built
        if key == "enterprises":
            built.start_inspection_requested.connect(lambda enterprise_id: self.inspections.start_for(enterprise_id))
        self.page_built.emit(key)
        return built

    def build_all_pages(self) -> None:
        """Every page built now (the self-test checks that each one can be)."""
        for key in self._page_classes:
            self.page(key)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            # The window has been drawn with its navigation: now the page that is showing.
            self._painted = True
            QTimer.singleShot(0, self, lambda: self.page(self.current_page()))  # dropped if the window goes
        return handled

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = list(self._page_classes)[row]
        if self._painted or self._restored or key in self.pages:
            self.stack.setCurrentWidget(self.page(key))
        else:
            self.stack.setCurrentIndex(row)  # the restored page: its stand-in until the window has painted
        self.update_todo_banner()

    # -- the to-do badge ---------------------------------------------------------------------------
    def refresh_todo(self) -> None:
        """Recount the to-do lists (the badge is always in view, so it never waits for the ledger page)."""
        ledger = self.workspace.ledger()
        hazards = self.pages.get("hazards")
        if hazards is not None:
            hazards.todo.refresh(ledger)  # type: ignore[attr-defined]
            self._todo = dict(hazards.todo.counts)  # type: ignore[attr-defined]
        else:
            self._todo = todo_counts(ledger)
        self.update_todo_banner()

    def todo_count(self) -> int:
        """Hazards that need attention now: overdue, or re-check requested (the ledger's to-do)."""
        return self._todo.get("overdue", 0) + self._todo.get("recheck", 0)

    def update_todo_banner(self) -> None:
        count = self.todo_count()
        self.todo_button.setText(self.tr("待办 {n}").format(n=count))
        self.todo_button.setVisible(count > 0)

    def _add_page(self, key: str, title: str, page_class: str) -> None:
        """A page in the navigation; `page_class` ("module:Class", made with (workspace, window))
        is imported and built when the page is first shown."""
        self._page_classes[key] = page_class
        self.stack.addWidget(QWidget())  # its stand-in until then
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
        self.nav.setCurrentRow(list(self._page_classes).index(key))
        return self.page(key)

    def current_page(self) -> str:
        return list(self._page_classes)[max(0, self.nav.currentRow())]

    def _restore(self) -> None:
        settings = ui_settings(self.workspace.data_dir)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)  # then shrunk if it was left on a larger screen
            fit_to_screen(self)
        else:
            fit_to_screen(self, QSize(1280, 800))
        last = settings.value("window/page", "enterprises")
        # The row only: the page itself is built once the window has painted.
        self.nav.setCurrentRow(list(self._page_classes).index(last if last in self._page_classes else "enterprises"))
        self._restored = True  # from now on, a page shown is built at once

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = ui_settings(self.workspace.data_dir)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_page())
        settings.sync()
        super().closeEvent(event)
