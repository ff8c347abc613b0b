"""The annual round's list as a Qt model: proposals in memory, rows formatted when the view asks.

Filtering (town, change) keeps a list of row numbers, so 25,000 proposals filter instantly;
overrides (grade, reason) are kept here by enterprise id until the plaques are issued.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from inspector.core.grades import PENDING
from inspector.services.grading_round import Decision, Proposal, reason_en
from inspector.ui.common.i18n import english
from inspector.ui.common.palette import ALERT, GOOD, HIGHLIGHT_FILL
from inspector.ui.common.row_table import RowTableModel
from inspector.ui.enterprises.enterprise_model import grade_text as enterprise_grade_text

COLUMNS = 9
COL_NAME, COL_CODE, COL_TOWN, COL_PROPOSED, COL_FINAL, COL_SCORE, COL_LAST, COL_CHANGE, COL_REASONS = range(COLUMNS)
CHANGE_COLOURS = {"up": GOOD, "down": ALERT}


def grade_text(grade: str) -> str:
    """A proposed grade (A–D or pending) as the enterprise list shows grades."""
    return enterprise_grade_text(None if grade == PENDING else grade)


class GradingModel(RowTableModel[Proposal]):
    column_count = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.proposals: list[Proposal] = []
        self.visible: list[int] = []
        self.overrides: dict[str, tuple[str, str]] = {}
        self._filter: tuple[str | None, str | None] = (None, None)
        self.cells = {
            COL_NAME: attrgetter("name"),
            COL_CODE: attrgetter("credit_code"),
            COL_TOWN: attrgetter("town"),
            COL_PROPOSED: lambda p: grade_text(p.proposed_grade),
            COL_FINAL: self._final_text,
            COL_SCORE: lambda p: "—" if p.score is None else f"{p.score:g}",
            COL_LAST: lambda p: grade_text(p.last_year_grade) if p.last_year_grade else "—",
            COL_CHANGE: lambda p: self.change_text(p.change),
            COL_REASONS: lambda p: self.tr("；").join(self.reasons(p)),
        }

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

    # -- cells -----------------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self.visible)

    def row_at(self, row: int) -> Proposal:
        return self.proposal(row)

    def row_id(self, row: int) -> str:
        return self.proposal(row).enterprise_id

    def header(self, column: int) -> str:
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
        )[column]

    def change_text(self, change: str) -> str:
        return {
            "up": self.tr("升级"),
            "down": self.tr("降级"),
            "same": self.tr("持平"),
            "new": self.tr("新评"),
            "pending": self.tr("待评"),
        }[change]

    @staticmethod
    def reasons(p: Proposal) -> list[str]:
        """The proposal's reasons in the window's language (hazard descriptions as written)."""
        return [reason_en(r) for r in p.reasons] if english() else list(p.reasons)

    def _final_text(self, p: Proposal) -> str:
        text = grade_text(self.final_grade(p))
        return text + self.tr("（调整）") if p.enterprise_id in self.overrides else text

    def tooltip(self, p: Proposal, column: int) -> str | None:
        if column not in (COL_REASONS, COL_FINAL):
            return None
        lines = self.reasons(p)
        if p.enterprise_id in self.overrides:
            lines.insert(0, self.tr("调整理由：{reason}").format(reason=self.overrides[p.enterprise_id][1]))
        return "\n".join(lines)

    def foreground(self, p: Proposal, column: int) -> str | None:
        return CHANGE_COLOURS.get(p.change) if column == COL_CHANGE else None

    def background(self, p: Proposal, column: int) -> str | None:
        return HIGHLIGHT_FILL if p.enterprise_id in self.overrides else None
