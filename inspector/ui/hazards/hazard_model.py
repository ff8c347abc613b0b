"""The hazard ledger (隐患台账) as a Qt table model: the ids of a filter, rows read lazily in blocks
through `HazardLedger.rows` (the pattern of `EnterpriseTableModel`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, LedgerRow, SortKey
from inspector.ui.common.labels import hazard_status_label, severity_label
from inspector.ui.common.row_blocks import RowBlocks

COL_FOUND_ON = 0
COL_ENTERPRISE = 1
COL_TOWN = 2
COL_DESCRIPTION = 3
COL_SEVERITY = 4
COL_STATUS = 5
COL_DEADLINE = 6
COL_RESPONSIBLE = 7
COLUMN_COUNT = 8

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

OVERDUE_COLOR = "#c62828"
MAJOR_COLOR = "#c62828"

SORT_KEYS: dict[int, SortKey] = {
    COL_FOUND_ON: SortKey.FOUND_ON,
    COL_ENTERPRISE: SortKey.ENTERPRISE,
    COL_TOWN: SortKey.TOWN,
    COL_SEVERITY: SortKey.SEVERITY,
    COL_STATUS: SortKey.STATUS,
    COL_DEADLINE: SortKey.DEADLINE,
}


def header_text(column: int) -> str:
    return {
        COL_FOUND_ON: QCoreApplication.translate("HazardTableModel", "发现日期"),
        COL_ENTERPRISE: QCoreApplication.translate("HazardTableModel", "企业"),
        COL_TOWN: QCoreApplication.translate("HazardTableModel", "镇街道"),
        COL_DESCRIPTION: QCoreApplication.translate("HazardTableModel", "隐患描述"),
        COL_SEVERITY: QCoreApplication.translate("HazardTableModel", "等级"),
        COL_STATUS: QCoreApplication.translate("HazardTableModel", "状态"),
        COL_DEADLINE: QCoreApplication.translate("HazardTableModel", "整改期限"),
        COL_RESPONSIBLE: QCoreApplication.translate("HazardTableModel", "责任人"),
    }[column]


class HazardTableModel(QAbstractTableModel):
    """Ids of the current filter; rows loaded in blocks of BLOCK_SIZE. `refresh()` re-runs the
    filter and forgets cached rows (after an action, or when today changes)."""

    def __init__(self, ledger: HazardLedger, parent: Any = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self._filter = LedgerFilter()
        self._rows: RowBlocks[LedgerRow] = RowBlocks(self.ledger.rows)

    @property
    def _ids(self) -> list[str]:
        return self._rows.ids

    @property
    def fetches(self) -> int:
        return self._rows.fetches

    # -- filter and sort -----------------------------------------------------------------------
    def set_filter(self, f: LedgerFilter) -> None:
        self._filter = f
        self.refresh()

    def current_filter(self) -> LedgerFilter:
        return self._filter

    def refresh(self) -> None:
        ids = self.ledger.ids(self._filter)
        self.beginResetModel()
        self._rows.reset(ids)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._filter.sort and descending == self._filter.descending and self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        self._filter = replace(self._filter, sort=key, descending=descending)
        self._rows.reset(self.ledger.ids(self._filter))
        self.layoutChanged.emit()

    # -- lookups -------------------------------------------------------------------------------
    def hazard_id(self, row: int) -> str:
        return self._ids[row]

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, hazard_id: str) -> int:
        key = hazard_id.replace("-", "").lower()
        try:
            return self._ids.index(key)
        except ValueError:
            return -1

    def row_view(self, row: int) -> LedgerRow | None:
        return self._rows.row(row)

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(section)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in _ROLES_WITH_ROW:
            return None
        view = self.row_view(index.row())
        if view is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return view
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(view, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_DEADLINE, COL_STATUS) and view.overdue:
                return QCoreApplication.translate("HazardTableModel", "已逾期")
            if column in (COL_DESCRIPTION, COL_ENTERPRISE):
                return _display(view, column)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DEADLINE and view.overdue:
                return QBrush(QColor(OVERDUE_COLOR))
            if column == COL_STATUS and view.overdue:
                return QBrush(QColor(OVERDUE_COLOR))
            if column == COL_SEVERITY and view.severity.value == "major":
                return QBrush(QColor(MAJOR_COLOR))
            return None
        if role == Qt.ItemDataRole.FontRole and column == COL_DEADLINE and view.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


_ROLES_WITH_ROW = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
    }
)
_CENTERED = frozenset({COL_FOUND_ON, COL_SEVERITY, COL_DEADLINE})


def _display(view: LedgerRow, column: int) -> str:
    if column == COL_FOUND_ON:
        return view.found_on.isoformat()
    if column == COL_ENTERPRISE:
        return view.enterprise_name
    if column == COL_TOWN:
        return view.town
    if column == COL_DESCRIPTION:
        return view.description
    if column == COL_SEVERITY:
        return severity_label(view.severity)
    if column == COL_STATUS:
        return hazard_status_label(view.status)
    if column == COL_DEADLINE:
        return view.deadline.isoformat()
    return view.responsible_person
