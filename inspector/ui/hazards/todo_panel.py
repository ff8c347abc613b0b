"""待办 (to do) at a glance, at the top of the ledger page: overdue hazards, hazards due within
three days, and re-checks requested. Double-clicking one emits `open_requested(hazard_id)`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspector.core.hazard_lifecycle import HazardStatus
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, SortKey
from inspector.ui.common.palette import ALERT_DARK, brush

DUE_SOON_DAYS = 3
SHOWN = 50  # the first ones of each list; the count says how many there are in all


def todo_filters() -> dict[str, LedgerFilter]:
    return {
        "overdue": LedgerFilter(overdue_only=True, sort=SortKey.DEADLINE, descending=False),
        "due_soon": LedgerFilter(due_within_days=DUE_SOON_DAYS, sort=SortKey.DEADLINE, descending=False),
        "recheck": LedgerFilter(statuses=(HazardStatus.RECHECK_REQUESTED,), sort=SortKey.DEADLINE, descending=False),
    }


def todo_counts(ledger: HazardLedger) -> dict[str, int]:
    """How many hazards each to-do list holds, without a panel (the main window's badge)."""
    return {key: len(ledger.ids(f)) for key, f in todo_filters().items()}


class TodoPanel(QWidget):
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[str, QListWidget] = {}
        self.titles: dict[str, QLabel] = {}
        self.counts: dict[str, int] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key in ("overdue", "due_soon", "recheck"):
            column = QVBoxLayout()
            title = QLabel()
            title.setStyleSheet("font-weight: bold;")
            items = QListWidget()
            items.setObjectName(f"todo_{key}")
            items.setFixedHeight(76)
            items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            items.setTextElideMode(Qt.TextElideMode.ElideRight)
            items.itemDoubleClicked.connect(self._open)
            items.itemActivated.connect(self._open)
            column.addWidget(title)
            column.addWidget(items)
            layout.addLayout(column, 1)
            self.lists[key] = items
            self.titles[key] = title

    def filters(self) -> dict[str, LedgerFilter]:
        return todo_filters()

    def title_text(self, key: str, count: int) -> str:
        if key == "overdue":
            return self.tr("已逾期（{n}）").format(n=count)
        if key == "due_soon":
            return self.tr("{days} 天内到期（{n}）").format(days=DUE_SOON_DAYS, n=count)
        return self.tr("待复查（{n}）").format(n=count)

    def refresh(self, ledger: HazardLedger) -> None:
        for key, f in self.filters().items():
            ids = ledger.ids(f)
            self.counts[key] = len(ids)
            self.titles[key].setText(self.title_text(key, len(ids)))
            target = self.lists[key]
            target.clear()
            for row in ledger.rows(ids[:SHOWN]):
                text = self.tr("{deadline}  {enterprise}：{description}").format(
                    deadline=row.deadline.isoformat(), enterprise=row.enterprise_name, description=row.description
                )
                item = QListWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if key == "overdue":
                    item.setForeground(brush(ALERT_DARK))
                target.addItem(item)
            if not ids:
                empty = QListWidgetItem(self.tr("无"))
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                target.addItem(empty)

    def _open(self, item: QListWidgetItem) -> None:
        hazard_id = item.data(Qt.ItemDataRole.UserRole)
        if hazard_id:
            self.open_requested.emit(hazard_id)
