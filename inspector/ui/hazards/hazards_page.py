"""隐患台账: every hazard, filtered and sorted, with the selected one's detail and actions, a to-do
panel of what is overdue or due, and export to .xlsx / .csv with a progress bar.

The table is a `HazardTableModel` (ids of the filter, rows loaded as they come into view). The
export runs on the background worker; its progress callback only emits a signal, which Qt
delivers to the UI thread, where the progress dialog is updated.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.checklist import Severity
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.exporting.hazard_export import export_ledger
from inspector.queries.hazard_ledger import LedgerFilter
from inspector.ui.common import file_choosers
from inspector.ui.common.changes import HAZARD_TABLES, follow
from inspector.ui.common.filter_bar import FilterBar
from inspector.ui.common.form_dialog import optional_day
from inspector.ui.common.header_widths import widen_to_titles
from inspector.ui.common.labels import action_label, hazard_status_label, severity_label
from inspector.ui.common.lazy_table import lazy_table
from inspector.ui.common.operations import Operation
from inspector.ui.common.palette import GOOD_DARK, text_style
from inspector.ui.common.row_table import ID_ROLE
from inspector.ui.hazards.figures_strip import FiguresStrip
from inspector.ui.hazards.hazard_action_dialog import HazardActionDialog
from inspector.ui.hazards.hazard_detail import HazardDetailPanel
from inspector.ui.hazards.hazard_model import (
    COL_DEADLINE,
    COL_DESCRIPTION,
    COL_ENTERPRISE,
    COL_FOUND_ON,
    COL_RESPONSIBLE,
    COL_SEVERITY,
    COL_STATUS,
    COL_TOWN,
    HazardTableModel,
)
from inspector.ui.hazards.new_hazard_dialog import NewHazardDialog
from inspector.ui.hazards.notice_dialog import NoticeDialog
from inspector.ui.hazards.todo_panel import TodoPanel
from inspector.workspace import Workspace

DETAIL_WIDTH = 340


class HazardsPage(QWidget):
    def __init__(self, workspace: Workspace, main_window: QWidget | None = None) -> None:
        super().__init__(main_window)
        self.workspace = workspace
        self.main_window = main_window
        self.ledger = workspace.ledger()
        self.model = HazardTableModel(self.ledger, self)
        self.last_dialog: HazardActionDialog | None = None
        self.new_dialog: NewHazardDialog | None = None
        self.notice_dialog: NoticeDialog | None = None
        self.last_export: int | str | None = None  # rows written, or the failure's sentence
        self.export_operation: Operation | None = None

        self.todo = TodoPanel()
        self.todo.open_requested.connect(self.open_hazard)

        # -- filter bar --------------------------------------------------------------------------
        self.filters = FilterBar()
        bar = self.filters
        self.search = bar.search(self.tr("搜索隐患描述或企业名称"), 180)
        self.status = bar.choice(self.tr("全部状态"), [(hazard_status_label(s), s.value) for s in HazardStatus])
        self.severity = bar.choice(self.tr("全部等级"), [(severity_label(s), s.value) for s in Severity])
        self.town = bar.towns(workspace.register.towns)
        self.overdue = bar.check(self.tr("仅看逾期"))
        self.due_days = bar.days(
            self.tr("到期天数"),
            self.tr("不限"),
            self.tr(" 天内"),
            self.tr("只看今后 N 天内到期、仍待整改的隐患（0 = 不限）"),
        )
        bar.next_row()
        self.date_from, self.date_to = bar.dates(self.tr("发现日期"), self.tr("不限"))
        self.inspector = bar.name(self.tr("检查人员"), 110, self.tr("发现人或参与检查的人员姓名（回车筛选）"))
        self.enterprise_id: str | None = None
        self.status_set: tuple[HazardStatus, ...] = ()  # several statuses at once, set by show_filtered
        self.enterprise_chip = QPushButton()
        self.enterprise_chip.setToolTip(self.tr("点击取消按企业筛选"))
        self.enterprise_chip.hide()
        self.enterprise_chip.clicked.connect(lambda: self.filter_enterprise(None))
        self.count = QLabel()
        self.done_line = QLabel()  # what the last action did
        self.done_line.setStyleSheet(text_style(GOOD_DARK))
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self.choose_export)
        self.new_button = QPushButton(self.tr("新增隐患"))
        self.new_button.setToolTip(self.tr("登记职工随手拍或企业自查发现的隐患"))
        self.new_button.clicked.connect(self.new_hazard)
        self.figures = FiguresStrip(workspace)
        bar.add(self.enterprise_chip)
        bar.spacing(12)
        bar.add(self.count)
        bar.spacing(12)
        bar.add(self.done_line)
        bar.stretch()
        bar.add(self.new_button)
        bar.add(self.export_button)

        # -- table and detail --------------------------------------------------------------------
        self.table = lazy_table(self.model, COL_DESCRIPTION, self)
        self.table.setCornerButtonEnabled(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_FOUND_ON, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        metrics = self.fontMetrics()
        date_width = metrics.horizontalAdvance("0000-00-00") + 24
        for column, chars in ((COL_ENTERPRISE, 6), (COL_TOWN, 4), (COL_RESPONSIBLE, 3)):  # data: a sample's room
            self.table.setColumnWidth(column, metrics.horizontalAdvance("国" * chars) + 14)
        # Labels: room for the longest one in the window's language
        for column, texts in (
            (COL_SEVERITY, [severity_label(s) for s in Severity]),
            (COL_STATUS, [hazard_status_label(s) for s in HazardStatus]),
        ):
            self.table.setColumnWidth(column, max(metrics.horizontalAdvance(t) for t in texts) + 14)
        self.table.setColumnWidth(COL_FOUND_ON, date_width)
        self.table.setColumnWidth(COL_DEADLINE, date_width)
        header.setMinimumSectionSize(40)
        widen_to_titles(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.detail = HazardDetailPanel(workspace)
        self.detail.action_requested.connect(self.request_action)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1280 - DETAIL_WIDTH, DETAIL_WIDTH])

        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addWidget(self.todo)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self.filters.changed.connect(self.apply_filter)
        self.refresh()
        follow(self, workspace, HAZARD_TABLES, lambda _changes: self.refresh())

    # -- filtering ----------------------------------------------------------------------------
    def current_filter(self) -> LedgerFilter:
        status = self.status.currentData()
        found_from = optional_day(self.date_from)
        found_to = optional_day(self.date_to)
        if found_from and found_to and found_from > found_to:
            found_from, found_to = found_to, found_from
        old = self.model.current_filter()
        return LedgerFilter(
            statuses=(HazardStatus(status),) if status else self.status_set,
            severity=Severity(self.severity.currentData()) if self.severity.currentData() else None,
            overdue_only=self.overdue.isChecked(),
            due_within_days=self.due_days.value() or None,
            town=self.town.town(),
            enterprise_id=self.enterprise_id,
            inspector=self.inspector.text().strip() or None,
            found_from=found_from,
            found_to=found_to,
            text=self.search.text().strip() or None,
            sort=old.sort,
            descending=old.descending,
        )

    def apply_filter(self) -> None:
        selected = self.detail.hazard_id()
        self.model.set_filter(self.current_filter())
        self._update_count()
        if selected:
            self._select(selected)

    def refresh(self) -> None:
        """Re-run the filter and the to-do lists (after an action, or a new day)."""
        fresh = self.workspace.ledger()  # today and the time zone as they are now
        self.ledger.today, self.ledger.zone = fresh.today, fresh.zone
        self.town.reload()  # an enterprise in a new town may have been added
        selected = self.detail.hazard_id()
        self.model.set_filter(self.current_filter())
        self._update_count()
        self.todo.refresh(self.ledger)
        self.figures.refresh()
        if selected:
            self._select(selected)
            self.detail.show_hazard(selected)

    def _update_count(self) -> None:
        self.count.setText(self.tr("共 {n} 条").format(n=self.model.rowCount()))

    def filter_enterprise(self, enterprise_id: str | None, name: str = "") -> None:
        """Show one enterprise's hazards (None: all enterprises again)."""
        self.enterprise_id = enterprise_id
        self.enterprise_chip.setText(self.tr("企业：{name} ✕").format(name=name or enterprise_id or ""))
        self.enterprise_chip.setVisible(enterprise_id is not None)
        self.apply_filter()

    def clear_filters(self) -> None:
        self.show_filtered()

    def show_filtered(
        self,
        *,
        town: str | None = None,
        found_from: date | None = None,
        found_to: date | None = None,
        severity: Severity | None = None,
        overdue: bool = False,
        statuses: tuple[HazardStatus, ...] = (),
    ) -> None:
        """Show the ledger with exactly these filters (the dashboard's cards and bars call this).
        `statuses` may name several (e.g. every rectified status); it holds until the filters are
        cleared or one status is chosen in the list."""
        self.enterprise_id = None
        self.enterprise_chip.hide()
        self.status_set = statuses
        self.filters.reset(
            {
                self.severity: severity.value if severity else None,
                self.town: town,
                self.overdue: overdue,
                self.date_from: found_from,
                self.date_to: found_to,
            }
        )

    # -- selection -----------------------------------------------------------------------------
    def _current_changed(self) -> None:
        index = self.table.currentIndex()
        self.detail.show_hazard(index.data(ID_ROLE) if index.isValid() else None)

    def _select(self, hazard_id: str) -> bool:
        row = self.model.row_of(hazard_id)
        if row < 0:
            return False
        index = self.model.index(row, COL_DESCRIPTION)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def open_hazard(self, hazard_id: str) -> None:
        """Select and show `hazard_id`, clearing the filters if they hide it."""
        if not self._select(hazard_id):
            self.clear_filters()
            if not self._select(hazard_id):
                # Voided ones are hidden by default: show every status.
                self.model.set_filter(LedgerFilter(include_voided=True))
                self._update_count()
                self._select(hazard_id)
        self.detail.show_hazard(hazard_id)

    # -- actions -----------------------------------------------------------------------------
    def request_action(self, hazard_id: str, action: HazardAction) -> HazardActionDialog | NoticeDialog:
        if action is HazardAction.ISSUE_NOTICE:
            return self.issue_notice(hazard_id)
        view = self.detail.view
        operator = view.found_by if view else ""
        deadline = view.pending_extension or view.deadline if view else None
        dialog = HazardActionDialog(self.workspace, hazard_id, action, operator, deadline, self)
        dialog.accepted.connect(lambda: self._after_action(hazard_id, action, dialog.result_status))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def issue_notice(self, hazard_id: str) -> NoticeDialog:
        """Open 下发整改通知: a notice record with its number, through NoticeService.issue."""
        notice = NoticeDialog(self.workspace, hazard_id, self)
        notice.accepted.connect(lambda: self._after_action(hazard_id))
        self.notice_dialog = notice
        notice.open()
        return notice

    def new_hazard(self) -> NewHazardDialog:
        """Open 登记隐患 (随手拍 / 企业自查); on OK the page refreshes and selects the new hazard."""
        dialog = NewHazardDialog(self.workspace, self)
        dialog.accepted.connect(lambda: dialog.hazard_id and self._after_action(dialog.hazard_id))
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _after_action(
        self, hazard_id: str, action: HazardAction | None = None, status: HazardStatus | None = None
    ) -> None:
        self.refresh()
        self.open_hazard(hazard_id)
        if action is not None and status is not None:  # say what happened: the row may have left the filtered list
            self.done_line.setText(
                self.tr("已{action}：隐患现为“{status}”。").format(
                    action=action_label(action), status=hazard_status_label(status)
                )
            )

    # -- export --------------------------------------------------------------------------------
    def choose_export(self) -> None:
        path = file_choosers.save_file(
            self,
            file_choosers.EXPORTS,
            self.tr("导出隐患台账"),
            f"隐患台账-{self.workspace.today().isoformat()}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> Operation:
        """Export the rows of the current filter to `path` on the worker, with progress and 取消."""
        f = self.model.current_filter()
        ledger = self.workspace.ledger()
        office = self.workspace.settings.office_name
        self.last_export = None
        self.export_button.setEnabled(False)
        self.export_operation = (
            Operation(
                self, lambda progress: export_ledger(ledger, f, path, progress, author=office), self.tr("导出失败")
            )
            .with_progress(self.tr("正在导出隐患台账…"))
            .success(self._exported)
            .failure(self._export_failed)
            .finished(lambda: self.export_button.setEnabled(True))
            .run()
        )
        return self.export_operation

    def _exported(self, count: int) -> None:
        self.last_export = count

    def _export_failed(self, message: str) -> None:
        self.last_export = message
        QMessageBox.warning(self, self.tr("导出失败"), message)
