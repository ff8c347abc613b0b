"""The hazard ledger (隐患台账) as a Qt table model: the ids of a filter, rows read lazily in blocks
through `HazardLedger.rows` (the pattern of `EnterpriseTableModel`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from inspector.core.major_hazard import MajorStanding
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, LedgerRow, SortKey
from inspector.ui.common.labels import hazard_status_label, level_label
from inspector.ui.common.palette import ALERT
from inspector.ui.common.row_blocks import RowBlocks
from inspector.ui.common.row_table import LazyRowModel

COL_FOUND_ON = 0
COL_ENTERPRISE = 1
COL_TOWN = 2
COL_DESCRIPTION = 3
COL_SEVERITY = 4
COL_STATUS = 5
COL_DEADLINE = 6
COL_RESPONSIBLE = 7
COLUMN_COUNT = 8

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


class HazardTableModel(LazyRowModel[LedgerRow]):
    """Ids of the current filter; rows loaded in blocks of BLOCK_SIZE. `refresh()` re-runs the
    filter and forgets cached rows (after an action, or when today changes)."""

    column_count = COLUMN_COUNT
    cells: Mapping[int, Callable[[LedgerRow], str]] = {
        COL_FOUND_ON: lambda view: view.found_on.isoformat(),
        COL_ENTERPRISE: attrgetter("enterprise_name"),
        COL_TOWN: attrgetter("town"),
        COL_DESCRIPTION: attrgetter("description"),
        COL_SEVERITY: lambda view: level_label(view.major_status),
        COL_STATUS: lambda view: hazard_status_label(view.status),
        COL_DEADLINE: lambda view: view.deadline.isoformat(),
        COL_RESPONSIBLE: attrgetter("responsible_person"),
    }
    centered = frozenset({COL_FOUND_ON, COL_SEVERITY, COL_DEADLINE})

    def __init__(self, ledger: HazardLedger, parent: Any = None) -> None:
        super().__init__(RowBlocks(ledger.rows), parent)
        self.ledger = ledger
        self._filter = LedgerFilter()

    # -- filter and sort -----------------------------------------------------------------------
    def set_filter(self, f: LedgerFilter) -> None:
        self._filter = f
        self.refresh()

    def current_filter(self) -> LedgerFilter:
        return self._filter

    def refresh(self) -> None:
        self.reset_ids(self.ledger.ids(self._filter))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._filter.sort and descending == self._filter.descending and self.row_count():
            return
        self.layoutAboutToBeChanged.emit()
        self._filter = replace(self._filter, sort=key, descending=descending)
        self._rows.reset(self.ledger.ids(self._filter))
        self.layoutChanged.emit()

    def hazard_id(self, row: int) -> str:
        return self.row_id(row)

    # -- cells ---------------------------------------------------------------------------------
    def header(self, column: int) -> str:
        return header_text(column)

    def tooltip(self, view: LedgerRow, column: int) -> str | None:
        if column in (COL_DEADLINE, COL_STATUS) and view.overdue:
            return QCoreApplication.translate("HazardTableModel", "已逾期")
        if column in (COL_DESCRIPTION, COL_ENTERPRISE):
            return self.display(view, column)
        return None

    def foreground(self, view: LedgerRow, column: int) -> str | None:
        overdue = column in (COL_DEADLINE, COL_STATUS) and view.overdue
        major = column == COL_SEVERITY and view.major_status is MajorStanding.CONFIRMED
        return ALERT if overdue or major else None

    def bold(self, view: LedgerRow, column: int) -> bool:
        return column == COL_DEADLINE and view.overdue
