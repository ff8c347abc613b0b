"""The annual round's list as a Qt model: proposals in memory, rows formatted when the view asks.

Filtering (town, change) keeps a list of row numbers, so 25,000 proposals filter instantly;
overrides (grade, reason) are kept here by enterprise id until the plaques are issued.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from inspector.services.grading_round import Decision, Proposal, grade_label

COLUMNS = 9
COL_NAME, COL_CODE, COL_TOWN, COL_PROPOSED, COL_FINAL, COL_SCORE, COL_LAST, COL_CHANGE, COL_REASONS = range(COLUMNS)
CHANGE_COLOURS = {"up": "#2e7d32", "down": "#c62828"}


class GradingModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.proposals: list[Proposal] = []
        self.visible: list[int] = []
        self.overrides: dict[str, tuple[str, str]] = {}
        self._filter: tuple[str | None, str | None] = (None, None)

    def set_proposals(self, proposals: list[Proposal]) -> None:
        self.proposals = proposals
        self.overrides = {}
        self.set_filter(*self._filter)

    def set_filter(self, town: str | None = None, change: str | None = None) -> None:
        self.beginResetModel()
        self._filter = (town, change)
        self.visible = [
            i
            for i, p in enumerate(self.proposals)
            if (town is None or p.town == town) and (change is None or p.change == change)
        ]
        self.endResetModel()

    def proposal(self, row: int) -> Proposal:
        return self.proposals[self.visible[row]]

    def final_grade(self, p: Proposal) -> str:
        return self.overrides.get(p.enterprise_id, (p.proposed_grade, ""))[0]

    def set_override(self, enterprise_id: str, grade: str, reason: str) -> None:
        """Record the manager's grade; the proposal's own grade clears the override."""
        p = next(p for p in self.proposals if p.enterprise_id == enterprise_id)
        if grade == p.proposed_grade:
            self.overrides.pop(enterprise_id, None)
        else:
            self.overrides[enterprise_id] = (grade, reason.strip())
        for row, index in enumerate(self.visible):
            if self.proposals[index].enterprise_id == enterprise_id:
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def decisions(self) -> list[Decision]:
        return [
            Decision(p, *self.overrides[p.enterprise_id]) if p.enterprise_id in self.overrides else Decision(p)
            for p in self.proposals
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("企业名称"),
            self.tr("统一社会信用代码"),
            self.tr("镇街道"),
            self.tr("建议等级"),
            self.tr("核定等级"),
            self.tr("得分"),
            self.tr("上年"),
            self.tr("变化"),
            self.tr("理由"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.proposal(index.row())
        column = index.column()
        overridden = p.enterprise_id in self.overrides
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return p.name
            if column == COL_CODE:
                return p.credit_code
            if column == COL_TOWN:
                return p.town
            if column == COL_PROPOSED:
                return grade_label(p.proposed_grade)
            if column == COL_FINAL:
                text = grade_label(self.final_grade(p))
                return text + self.tr("（调整）") if overridden else text
            if column == COL_SCORE:
                return "—" if p.score is None else f"{p.score:g}"
            if column == COL_LAST:
                return grade_label(p.last_year_grade) if p.last_year_grade else "—"
            if column == COL_CHANGE:
                return p.change_label
            if column == COL_REASONS:
                return "；".join(p.reasons)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_REASONS, COL_FINAL):
            lines = list(p.reasons)
            if overridden:
                lines.insert(0, self.tr("调整理由：{reason}").format(reason=self.overrides[p.enterprise_id][1]))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CHANGE and p.change in CHANGE_COLOURS:
            return QBrush(QColor(CHANGE_COLOURS[p.change]))
        if role == Qt.ItemDataRole.BackgroundRole and overridden:
            return QBrush(QColor("#fff8e1"))
        return None
