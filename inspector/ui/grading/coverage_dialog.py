"""检查覆盖: the enterprises not yet inspected this year, by town, and assigning them to inspectors.

An assignment is a row in the database like any other, so it reaches the inspector's laptop at
the next sync; the dialog only calls `workspace.coverage`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.rates import format_percent
from inspector.services.coverage import Coverage, Uninspected
from inspector.ui.common.header_widths import widen_to_titles
from inspector.ui.common.window_size import remember_size
from inspector.workspace import Workspace


class UninspectedModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Uninspected] = []

    def set_rows(self, rows: list[Uninspected]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("镇街道"),
                self.tr("企业名称"),
                self.tr("统一社会信用代码"),
                self.tr("检查人员"),
            )[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (row.town, row.name, row.credit_code, row.inspector or self.tr("未分派"))[index.column()]


class CoverageDialog(QDialog):
    def __init__(self, workspace: Workspace, year: int, town: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.year = year
        self.town = town
        self.coverage: Coverage | None = None
        self.setWindowTitle(self.tr("{year} 年度检查覆盖").format(year=year))
        remember_size(self, "CoverageDialog", 820, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = UninspectedModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        widen_to_titles(self.table)
        self.inspector = QComboBox()
        for person in workspace.roster.active():
            self.inspector.addItem(person.name, person.id)
        self.assign_button = QPushButton(self.tr("分派给所选人员"))
        self.assign_button.setToolTip(self.tr("所选企业分派给该检查人员；下次同步时到达其电脑"))
        self.assign_button.clicked.connect(self.assign_selected)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("检查人员")))
        row.addWidget(self.inspector)
        row.addWidget(self.assign_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.coverage = self.workspace.coverage.coverage(self.year, self.town)
        total = self.coverage.total
        rate = format_percent(total.percent)
        self.summary.setText(
            self.tr(
                "{scope}：企业 {n} 家，已检查 {inspected} 家（{rate}），"
                "未检查 {rest} 家，其中已分派 {assigned} 家、未分派 {free} 家"
            ).format(
                scope=self.town or self.tr("全市"),
                n=total.enterprises,
                inspected=total.inspected,
                rate=rate,
                rest=total.assigned + total.unassigned,
                assigned=total.assigned,
                free=total.unassigned,
            )
        )
        self.model.set_rows(list(self.coverage.uninspected))

    def assign_selected(self) -> int:
        inspector_id = self.inspector.currentData()
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not inspector_id or not rows:
            return 0
        try:
            for row in rows:
                self.workspace.coverage.assign(self.model.rows[row].enterprise_id, inspector_id, self.year)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("分派失败"), str(error))
            return 0
        self.reload()
        return len(rows)
