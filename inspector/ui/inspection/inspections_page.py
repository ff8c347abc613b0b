"""The inspections page: the list (drafts first), the checklist, and the review after completion.

One QStackedWidget holds the three screens. The review screen (`review_view.ReviewView`) is
built by another part of the team and imported only when first needed, so this page works
without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.inspection import InspectionStatus
from inspector.services.inspections import InspectionSummary
from inspector.ui.common.changes import LIST_TABLES, follow
from inspector.ui.common.labels import status_label
from inspector.ui.common.palette import ALERT, GOOD_DARK, HINT, STATUS_COLOURS, grade_colour, text_style
from inspector.ui.common.row_table import RowTableModel
from inspector.ui.inspection.checklist_view import ChecklistView
from inspector.ui.inspection.start_dialog import StartDialog
from inspector.workspace import Workspace

LIST_LIMIT = 200  # drafts plus the most recent others; older ones are found from the enterprise


class InspectionListModel(RowTableModel[InspectionSummary]):
    """Inspection summaries, bounded by LIST_LIMIT, so a plain list is enough."""

    STATUS, ENTERPRISE, DATE, PROGRESS, SCORE, GRADE, NUMBER = range(7)
    column_count = 7
    cells: Mapping[int, Callable[[InspectionSummary], str]] = {
        STATUS: lambda row: status_label(row.status),
        ENTERPRISE: attrgetter("enterprise_name"),
        DATE: lambda row: row.inspection_date.isoformat(),
        PROGRESS: lambda row: f"{row.answered}/{row.total}",
        SCORE: lambda row: f"{row.score:g}" if row.score is not None else "—",
        GRADE: lambda row: row.grade or "—",
        NUMBER: attrgetter("number"),
    }
    centered = frozenset({PROGRESS, SCORE, GRADE})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InspectionSummary] = []

    def set_rows(self, rows: list[InspectionSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, inspection_id: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.id == inspection_id), -1)

    # -- cells -----------------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self.rows)

    def row_at(self, row: int) -> InspectionSummary:
        return self.rows[row]

    def row_id(self, row: int) -> str:
        return self.rows[row].id

    def header(self, column: int) -> str:
        return (
            self.tr("状态"),
            self.tr("企业"),
            self.tr("检查日期"),
            self.tr("进度"),
            self.tr("得分"),
            self.tr("等级"),
            self.tr("检查编号"),
        )[column]

    def foreground(self, row: InspectionSummary, column: int) -> str | None:
        if column == self.STATUS:
            return STATUS_COLOURS[row.status]
        if column == self.GRADE and row.grade:
            return grade_colour(row.grade)
        return None


class InspectionsPage(QWidget):
    def __init__(self, workspace: Workspace, main_window: QWidget | None = None) -> None:
        super().__init__(main_window)
        self.workspace = workspace
        self.main_window = main_window
        self.start_dialog: StartDialog | None = None
        self.review: QWidget | None = None

        self.stack = QStackedWidget()
        self.list_page = self._build_list()
        self.checklist = ChecklistView(workspace)
        self.checklist.back_requested.connect(self.show_list)
        self.checklist.completed.connect(self.open_review)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.checklist)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        follow(self, workspace, LIST_TABLES, lambda _changes: self._list_changed())

    def _list_changed(self) -> None:
        if self.stack.currentWidget() is self.list_page:  # the checklist and review follow their own
            self.refresh()

    def _build_list(self) -> QWidget:
        title = QLabel(self.tr("检查"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.new_button = QPushButton(self.tr("新建检查"))
        self.new_button.clicked.connect(self.new_inspection)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_selected)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = InspectionListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(84)  # room for a short Chinese header and its value
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(InspectionListModel.ENTERPRISE, QHeaderView.ResizeMode.Stretch)
        # activated = double-click or Enter on a row
        self.table.activated.connect(lambda index: self.open_inspection(self.model.rows[index.row()].id))
        self.hint = QLabel(self.tr("草稿在前：双击或按 Enter 继续检查；已完成的检查打开评审页面"))
        self.hint.setStyleSheet(text_style(HINT))

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        return page

    # -- the list --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_rows(self.workspace.inspections.recent(LIST_LIMIT))
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def show_list(self) -> None:
        self.refresh()
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.list_page:
            self.refresh()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(text_style(ALERT if error else GOOD_DARK))
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_inspection(self.model.rows[index.row()].id)

    # -- starting --------------------------------------------------------------------------------
    def new_inspection(self) -> StartDialog:
        return self.start_for(None)

    def start_for(self, enterprise_id: str | None) -> StartDialog:
        """Open the start dialog (non-blocking), with `enterprise_id` preselected if given."""
        if self.main_window is not None and hasattr(self.main_window, "show_page"):
            self.main_window.show_page("inspections")
        dialog = StartDialog(self.workspace, self, enterprise_id)
        dialog.accepted.connect(lambda: self._started(dialog))
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def _started(self, dialog: StartDialog) -> None:
        if dialog.inspection_id:
            self.open_inspection(dialog.inspection_id)

    # -- opening ---------------------------------------------------------------------------------
    def open_inspection(self, inspection_id: str) -> None:
        """A draft opens in the checklist at the item it was left at; others open the review."""
        try:
            status = self.workspace.inspections.get(inspection_id).status
        except DomainError as error:
            self.show_message(str(error), error=True)
            return
        if status is not InspectionStatus.DRAFT:
            self.open_review(inspection_id)
            return
        self.show_message("")
        self.checklist.load(inspection_id)
        self.stack.setCurrentWidget(self.checklist)
        self.checklist.setFocus()

    def open_review(self, inspection_id: str) -> None:
        review = self._review_view()
        if review is None:
            # Until the review screen exists, say what happened and go back to the list.
            self.show_list()
            self.show_message(self.tr("检查已完成。"))
            return
        review.load(inspection_id)  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(review)

    def _finalized(self, inspection_id: str) -> None:
        """Back to the list, saying what happened: the review that said it is gone."""
        self.show_list()
        try:
            view = self.workspace.inspections.get(inspection_id)
        except DomainError:
            return
        self.show_message(
            self.tr("已定稿：{enterprise} {day} 的检查现为只读；如需更正，请打开它点击“更正…”。").format(
                enterprise=view.enterprise_name, day=view.inspection_date.isoformat()
            )
        )

    def _review_view(self) -> QWidget | None:
        if self.review is None:
            try:
                from inspector.ui.inspection.review_view import (
                    ReviewView,  # built separately; imported when first needed
                )
            except ImportError:
                return None
            review = ReviewView(self.workspace, self)
            review.back_requested.connect(self.show_list)
            review.finalized.connect(self._finalized)
            self.stack.addWidget(review)
            self.review = review
        return self.review
