"""One line of this year's hazard figures on the ledger page: 发现 · 已整改 · 整改率 · 逾期.

The numbers are the total row of `hazard_figures`, whose definitions are those of
`workspace.stats()` and `inspector stats`, so the three always agree."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from inspector.core.rates import format_percent
from inspector.queries.hazard_figures import FigureRow
from inspector.ui.common.palette import SLATE, text_style
from inspector.workspace import Workspace


class FiguresStrip(QLabel):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.figures: FigureRow | None = None
        self.setObjectName("figures_strip")
        self.setStyleSheet(text_style(SLATE))

    def refresh(self) -> None:
        today = self.workspace.today()
        self.figures = self.workspace.hazard_figures(today.year)[-1]
        f = self.figures
        rate = format_percent(f.rate)
        self.setText(
            self.tr("{year} 年：发现 {found} · 已整改 {fixed} · 整改率 {rate} · 逾期 {overdue}").format(
                year=today.year, found=f.found, fixed=f.rectified, rate=rate, overdue=f.overdue
            )
        )
