"""企业名录: the enterprise register, searched as you type, with the selected enterprise's detail.

The table is an `EnterpriseTableModel` (ids of the search, rows loaded as they come into view);
the detail panel and the add/edit dialog read and write through services. Filtering runs on
every keystroke without a delay: a search over 25,000 enterprises plus the first screen of
rows takes well under 100 ms (measured; see the lead's docs/performance.md).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.dates import Quarter
from inspector.core.grades import PENDING, Grade, Light
from inspector.db.changes import Changes
from inspector.ui.common.changes import REGISTER_TABLES, TRAINING_TABLES, follow
from inspector.ui.common.filter_bar import FilterBar
from inspector.ui.common.lazy_table import lazy_table
from inspector.ui.documents.report_actions import ReportOptionsDialog, ask_plaque
from inspector.ui.enterprises.enterprise_detail import EnterpriseDetailPanel
from inspector.ui.enterprises.enterprise_dialog import EnterpriseDialog
from inspector.ui.enterprises.enterprise_model import (
    COL_ADDRESS,
    COL_CREDIT_CODE,
    COL_GRADE,
    COL_HEADCOUNT,
    COL_INDUSTRY,
    COL_LAST_INSPECTION,
    COL_LIGHT,
    COL_NAME,
    COL_OPEN_HAZARDS,
    COL_SCALE,
    COL_TAGS,
    COL_TOWN,
    EnterpriseTableModel,
    grade_text,
    header_text,
    light_text,
)
from inspector.ui.enterprises.risk_tag_labels import RiskTagLabels, scale_text
from inspector.ui.enterprises.training_dialog import TrainingDialog
from inspector.ui.settings_dialog import offer_office_key
from inspector.workspace import Workspace

DETAIL_WIDTH = 400  # the detail panel's starting width; the splitter lets the user change it
HIDDEN_AT_START = (COL_INDUSTRY, COL_ADDRESS, COL_HEADCOUNT, COL_SCALE)


class EnterprisesPage(QWidget):
    """The register page. Emits `start_inspection_requested(enterprise_id)` from the detail panel."""

    start_inspection_requested = Signal(str)

    def __init__(self, workspace: Workspace, main_window: QWidget | None = None) -> None:
        super().__init__(main_window)
        self.workspace = workspace
        self.main_window = main_window
        self.queries = workspace.register
        today = workspace.today()
        # The period of the grade and light columns and filters: this year's plaques, and the
        # latest quarter of the year that has lights (as the figures report them).
        self.year = today.year
        self.quarter = self.queries.light_quarter(self.year) or str(Quarter.of(today))
        self.tags = RiskTagLabels(workspace)
        self.model = EnterpriseTableModel(self.queries, self.year, self.quarter, self, self.tags.text)
        self._shown_once = False

        # -- filter bar ------------------------------------------------------------------------
        self.filters = FilterBar()
        self.search = self.filters.search(self.tr("搜索企业名称、信用代码或地址"), 200)
        self.town = self.filters.towns(self.queries.towns)
        self.grade = self.filters.choice(
            self.tr("全部等级"),
            [*((grade_text(g.value), g.value) for g in Grade), (grade_text(None), PENDING)],
            self.tr("{year} 年度当前牌匾等级").format(year=self.year),
        )
        self.light = self.filters.choice(
            self.tr("全部亮灯"),
            [(light_text(light.value), light.value) for light in Light],
            self.tr("{quarter} 季度亮灯").format(quarter=self.quarter),
        )
        self.tag = self.filters.choice(
            self.tr("全部风险标签"),
            [(self.tags.label(tag.code), tag.code) for tag in self.tags.catalog.tags],
            self.tr("只列出带这个风险标签的企业"),
        )
        # With four filters the row must still fit a laptop at 150 %: the lists keep their full
        # width while there is room and narrow to a few characters only when there is none (they
        # open with every label whole, and have tooltips).
        narrow = self.fontMetrics().horizontalAdvance("全部") + 36  # and the arrow
        for combo in (self.grade, self.light, self.tag):
            combo.setMinimumWidth(narrow)
        self.count = QLabel()
        self.add_button = QPushButton(self.tr("新增企业"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setEnabled(False)
        self.filters.spacing(8)
        for widget in (self.count, self.add_button, self.edit_button):
            self.filters.add(widget)

        # -- table and detail ------------------------------------------------------------------
        # The name takes the width the other (short, fixed-width) columns leave, so the table fits
        # beside the detail panel at 1280 px; a long name is elided and shown whole in its tooltip.
        self.table = lazy_table(self.model, COL_NAME, self)
        self.table.setCornerButtonEnabled(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self._set_column_widths()
        # Industry and address are in the detail panel; their columns are hidden at first (the
        # table would not fit beside the panel) and can be shown from the header's menu.
        for column in HIDDEN_AT_START:
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

        self.detail = EnterpriseDetailPanel(self.queries, workspace.today, self.tags)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([800, DETAIL_WIDTH])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        # -- behaviour -------------------------------------------------------------------------
        self.filters.changed.connect(self.apply_filter)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.add_button.clicked.connect(self.add_enterprise)
        self.edit_button.clicked.connect(self.edit_enterprise)
        self.detail.start_inspection_requested.connect(self.start_inspection_requested)
        self.detail.plaque_requested.connect(self.preview_plaque)
        self.detail.training_requested.connect(self.record_training)
        self.plaque_dialog: ReportOptionsDialog | None = None
        self.key_offer: QMessageBox | None = None  # no office key yet: the way to 设置 → 发证单位密钥
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        self.apply_filter()
        follow(self, workspace, REGISTER_TABLES | TRAINING_TABLES, self._data_changed)

    def _data_changed(self, changes: Changes) -> None:
        """A commit touched the register: the list, and the detail if its enterprise may have changed."""
        self.refresh()
        shown = self.detail.enterprise_id
        if shown is None:
            return
        if (
            changes.touches_row("enterprises", shown)
            or not changes.touches("enterprises")
            or changes.touches(*TRAINING_TABLES)
        ):
            self.detail.reload()

    def _set_column_widths(self) -> None:
        """Widths from sample contents and the (translated) header and labels, whichever is wider."""
        metrics = self.fontMetrics()

        def width(*samples: str, extra: int = 0) -> int:
            return max(metrics.horizontalAdvance(sample) for sample in samples) + 20 + extra

        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(width("某某"))
        lights = [light_text(light.value) for light in Light]
        for column, size in (
            (COL_CREDIT_CODE, width("91330482MA2B3C4D5E")),
            (COL_TOWN, width("独山港镇")),
            (COL_GRADE, width(grade_text("A"), grade_text(None))),
            (COL_LIGHT, width(*lights, extra=18)),  # and the lamp icon
            (COL_OPEN_HAZARDS, width("999")),
            (COL_LAST_INSPECTION, width("2026-12-31")),
            (COL_INDUSTRY, width("汽车零部件制造")),
            (COL_ADDRESS, width("浙江省平湖市某某镇某某路 100 号")),
            # Two short tags; longer lists are elided, whole in the tooltip and the detail panel.
            (COL_TAGS, width(self.tags.text(("dust", "gas")) or "涉粉、使用燃气")),
            (COL_HEADCOUNT, width("12345")),
            (COL_SCALE, width(scale_text(True), scale_text(False))),
        ):
            header.resizeSection(column, max(size, width(header_text(column))))

    def _header_menu(self, position: QPoint) -> None:
        """Right-click on the header: tick the columns to show (the name always shows)."""
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, column=column: self.table.setColumnHidden(column, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    # -- filtering ---------------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Search with the current text and filters, keeping the selected enterprise if it still matches."""
        selected = self.selected_id()
        self.model.set_filter(
            self.search.text(),
            self.town.town(),
            self.grade.currentData(),
            self.light.currentData(),
            self.tag.currentData(),
        )
        self._after_reset(selected)

    def refresh(self) -> None:
        """Re-read the register (after a change elsewhere: an inspection completed, a sync…)."""
        selected = self.selected_id()
        self.town.reload()
        self.model.refresh()
        self._after_reset(selected)

    def clear_filters(self) -> None:
        self.filters.reset()

    def show_filtered(self, town: str | None = None, grade: str | None = None, light: str | None = None) -> None:
        """Show the register with exactly these filters (grade A–D or "pending", light green/yellow/red,
        for this page's year and quarter); the dashboard's cards and bars call this."""
        self.filters.reset({self.town: town, self.grade: grade, self.light: light})

    def _after_reset(self, selected: str | None) -> None:
        self.count.setText(self.tr("共 {n} 家").format(n=self.model.rowCount()))
        if selected is None or not self.select_enterprise(selected):
            self.detail.clear()
            self.edit_button.setEnabled(False)

    # -- selection ---------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.enterprise_id(index.row())

    def select_enterprise(self, enterprise_id: str) -> bool:
        """Select and show an enterprise if the current search lists it."""
        row = self.model.row_of(enterprise_id)
        if row < 0:
            return False
        index = self.model.index(row, COL_NAME)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        if self.detail.enterprise_id != enterprise_id:
            self.detail.show_enterprise(enterprise_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        enterprise_id = self.model.enterprise_id(current.row()) if current.isValid() else None
        self.edit_button.setEnabled(enterprise_id is not None)
        self.detail.show_enterprise(enterprise_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        # The detail follows the selection already; a double click also brings the panel back
        # if the user had dragged the splitter to hide it.
        sizes = self.splitter.sizes()
        if sizes[1] == 0:
            self.splitter.setSizes([max(sizes[0] - DETAIL_WIDTH, 200), DETAIL_WIDTH])
        self.detail.show_enterprise(self.model.enterprise_id(index.row()))
        self.detail.setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- add and edit ------------------------------------------------------------------------
    def add_enterprise(self) -> str | None:
        """Open the add dialog; returns the new enterprise's id, or None if cancelled."""
        dialog = EnterpriseDialog(self, None, self.workspace)
        if dialog.exec() != EnterpriseDialog.DialogCode.Accepted or dialog.enterprise_id is None:
            return None
        self._saved(dialog.enterprise_id)
        return dialog.enterprise_id

    def edit_enterprise(self) -> bool:
        enterprise_id = self.selected_id()
        if enterprise_id is None:
            return False
        dialog = EnterpriseDialog(self, self.workspace.enterprises.get(enterprise_id), self.workspace)
        if dialog.exec() != EnterpriseDialog.DialogCode.Accepted:
            return False
        self._saved(enterprise_id)
        return True

    def _saved(self, enterprise_id: str) -> None:
        self.town.reload()
        self.model.refresh()
        self.count.setText(self.tr("共 {n} 家").format(n=self.model.rowCount()))
        if not self.select_enterprise(enterprise_id):
            self.clear_filters()  # the current search hides it: show the whole register instead
            self.select_enterprise(enterprise_id)
        self.detail.show_enterprise(enterprise_id)  # its fields may have changed

    def record_training(self, enterprise_id: str, training_id: str = "") -> TrainingDialog:
        """记录培训…: the training dialog for the enterprise (a training's id edits that one). The
        detail panel follows the commit by the change signal."""
        training = self.workspace.trainings.get(training_id) if training_id else None
        dialog = TrainingDialog(self, self.workspace, enterprise_id, training)
        dialog.open()
        return dialog

    def preview_plaque(self, enterprise_id: str, year: int) -> ReportOptionsDialog | None:
        """亮牌…: choose A4 / A3, then preview the plaque (generated off the UI thread); without
        the office's key, first the way to 设置 → 发证单位密钥."""
        self.key_offer = offer_office_key(self, self.workspace)
        if self.key_offer is not None:
            return None
        name = self.detail.detail.enterprise.name if self.detail.detail else ""
        self.plaque_dialog = ask_plaque(self, self.workspace, enterprise_id, year, name)
        return self.plaque_dialog

    # -- Qt ----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Grades, lights and hazards change on other pages; coming back shows them as they are.
        if self._shown_once:
            self.refresh()
        self._shown_once = True
