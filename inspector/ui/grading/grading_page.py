"""评级发牌: the annual grading round for a year, and the quarterly lights for a chosen quarter.

生成评级建议 runs `workspace.grading_round.propose` on the background worker with a progress
bar; the list shows every proposal with its reasons and change from last year; 调整等级 asks for
the grade and the written reason; 确认发牌 issues the plaques in one transaction after a
confirmation; 批量打印亮牌 previews the year's plaques (report_actions). The page holds no rule:
every decision is the service's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from inspector.core.dates import Quarter
from inspector.core.grades import PENDING
from inspector.services.grading_round import IssueResult, LightsResult, Proposal
from inspector.ui.common import file_choosers
from inspector.ui.common.filter_bar import FilterBar
from inspector.ui.common.header_widths import widen_to_titles
from inspector.ui.common.layouts import hbox, vbox
from inspector.ui.common.lazy_table import lazy_table
from inspector.ui.common.operations import Operation, Progress
from inspector.ui.common.palette import SLATE, text_style
from inspector.ui.grading.grading_model import COL_NAME, COL_REASONS, GradingModel, grade_text
from inspector.ui.grading.override_dialog import OverrideDialog
from inspector.ui.settings_dialog import offer_office_key
from inspector.workspace import Workspace

NAME_COLUMN_MAX = 420  # pixels: longer names are elided (the tooltip holds them whole)


class GradingPage(QWidget):
    def __init__(self, workspace: Workspace, main_window: Any = None) -> None:
        super().__init__(main_window)
        self.workspace = workspace
        self.main_window = main_window
        self.model = GradingModel(self)
        self.year_of_list: int | None = None
        self.busy = False
        self.override_dialog: OverrideDialog | None = None
        self.last_issue: IssueResult | None = None
        self.last_lights: LightsResult | None = None
        self.plaque_job: Any = None
        self.key_offer: QMessageBox | None = None  # no office key yet: the way to 设置 → 发证单位密钥
        today = workspace.today()

        # The year chooses the round (and clears the list); town and change filter the list.
        self.year = QComboBox()
        for year in range(today.year, today.year - 6, -1):
            self.year.addItem(self.tr("{year} 年度").format(year=year), year)
        self.propose_button = QPushButton(self.tr("生成评级建议"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.filters = FilterBar()
        for widget in (self.year, self.propose_button, self.progress):
            self.filters.add(widget)
        self.filters.spacing(12)
        self.town = self.filters.towns(workspace.register.towns)
        self.change = self.filters.choice(
            self.tr("全部变化"),
            [
                (self.tr("升级"), "up"),
                (self.tr("降级"), "down"),
                (self.tr("持平"), "same"),
                (self.tr("新评"), "new"),
                (self.tr("待评"), "pending"),
            ],
        )
        self.count = QLabel()
        self.export_button = QPushButton(self.tr("导出…"))
        self.filters.add(self.count)
        self.filters.stretch()
        self.filters.add(self.export_button)

        self.table = lazy_table(self.model, COL_REASONS, self)
        metrics = self.fontMetrics()
        grades = [grade_text(g) for g in ("A", "B", "C", "D", PENDING)]
        adjusted = [text + QCoreApplication.translate("GradingModel", "（调整）") for text in grades]
        changes = [self.model.change_text(c) for c in ("up", "down", "same", "new", "pending")]
        # Data columns get a sample's room; label columns the longest label in the window's language.
        for column, samples in enumerate(
            (
                ["平湖市某某精密机械有限公司"],
                ["91330482MA2B3C4D5E"],
                ["独山港镇"],
                grades,
                adjusted,
                ["100.0"],
                grades,
                changes,
            )
        ):
            self.table.setColumnWidth(column, max(metrics.horizontalAdvance(t) for t in samples) + 24)
        widen_to_titles(self.table)
        self.table.doubleClicked.connect(self._double_clicked)

        self.override_button = QPushButton(self.tr("调整等级…"))
        self.issue_button = QPushButton(self.tr("确认发牌"))
        self.issue_button.setStyleSheet("font-weight: bold;")
        self.print_button = QPushButton(self.tr("批量打印亮牌"))
        self.quarter = QComboBox()
        self.lights_button = QPushButton(self.tr("重新计算亮灯"))
        self.status = QLabel()
        self.status.setStyleSheet(text_style(SLATE))
        bottom = hbox(
            self.override_button,
            self.issue_button,
            self.print_button,
            24,
            QLabel(self.tr("季度亮灯")),
            self.quarter,
            self.lights_button,
            12,
            (self.status, 1),
        )

        vbox(self.filters, (self.table, 1), bottom, parent=self, margins=12)

        self.propose_button.clicked.connect(self.propose)
        self.filters.changed.connect(self.apply_filter)
        self.year.currentIndexChanged.connect(self._year_changed)
        self.override_button.clicked.connect(lambda: self.override_selected())
        self.issue_button.clicked.connect(self.confirm_issue)
        self.print_button.clicked.connect(self.print_plaques)
        self.lights_button.clicked.connect(self.recompute_lights)
        self.export_button.clicked.connect(self.choose_export)
        self._year_changed()

    def selected_year(self) -> int:
        return int(self.year.currentData())

    def _year_changed(self) -> None:
        year, today = self.selected_year(), self.workspace.today()
        self.quarter.clear()
        for number in range(1, 5):
            quarter = Quarter(year, number)
            if quarter.first_day <= today:
                self.quarter.addItem(str(quarter), str(quarter))
        self.quarter.setCurrentIndex(self.quarter.count() - 1)
        if self.year_of_list != year:
            self.model.set_proposals([])
            self.year_of_list = None
            if self.isVisible():
                self.propose()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.year_of_list is None and not self.busy:
            self.propose()  # the year's list is there when the page opens, not after a click

    def _update_buttons(self) -> None:
        has_list = bool(self.model.proposals) and not self.busy
        for button in (self.override_button, self.issue_button, self.export_button):
            button.setEnabled(has_list)
        self.propose_button.setEnabled(not self.busy)
        self.lights_button.setEnabled(not self.busy and self.quarter.count() > 0)
        self.count.setText(self.tr("共 {n} 家").format(n=self.model.rowCount()))

    # -- proposals -----------------------------------------------------------------------------------
    def propose(self) -> None:
        if self.busy:
            return
        year = self.selected_year()
        self.busy = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("正在生成 {year} 年度评级建议…").format(year=year))
        self._update_buttons()
        service = self.workspace.grading_round
        self._run(lambda progress: service.propose(year, progress), lambda proposals: self._proposed(year, proposals))

    def _run(self, work: Callable[[Progress], Any], on_success: Callable[[Any], None]) -> Operation:
        """One step of the round as an Operation; its progress shows in this page's bar."""
        operation = Operation(self, work, self.tr("操作失败"))
        operation.progressed.connect(self._on_progress)
        return operation.success(on_success).failure(self._failed).run()

    def _on_progress(self, done: int, total: int, _what: str = "") -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _proposed(self, year: int, proposals: list[Proposal]) -> None:
        self.busy = False
        self.progress.hide()
        self.year_of_list = year
        self.model.set_proposals(proposals)
        self._fit_names(proposals)
        counts: dict[str, int] = {}
        for p in proposals:
            counts[p.proposed_grade] = counts.get(p.proposed_grade, 0) + 1
        self.status.setText(
            self.tr("{year} 年度建议：A {a} · B {b} · C {c} · D {d} · 待评 {p}").format(
                year=year,
                a=counts.get("A", 0),
                b=counts.get("B", 0),
                c=counts.get("C", 0),
                d=counts.get("D", 0),
                p=counts.get("pending", 0),
            )
        )
        self._update_buttons()

    def _fit_names(self, proposals: list[Proposal]) -> None:
        """Widen the name column to the longest name (within reason), so names are read whole."""
        metrics = self.table.fontMetrics()
        longest = max((metrics.horizontalAdvance(p.name) for p in proposals), default=0)
        wanted = min(max(longest + 24, self.table.columnWidth(COL_NAME)), NAME_COLUMN_MAX)
        self.table.setColumnWidth(COL_NAME, wanted)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.progress.hide()
        self.status.setText(message)
        self._update_buttons()
        QMessageBox.warning(self, self.tr("操作失败"), message)

    def apply_filter(self) -> None:
        self.model.set_filter(self.town.town(), self.change.currentData())
        self._update_buttons()

    # -- overrides -----------------------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        self.override_selected(index.row())

    def override_selected(self, row: int | None = None) -> OverrideDialog | None:
        if row is None:
            index = self.table.currentIndex()
            if not index.isValid():
                return None
            row = index.row()
        p = self.model.proposal(row)
        grade, reason = self.model.overrides.get(p.enterprise_id, (p.proposed_grade, ""))
        dialog = OverrideDialog(p, grade, reason, self)
        dialog.accepted.connect(lambda: self.model.set_override(p.enterprise_id, *dialog.chosen()))
        self.override_dialog = dialog
        dialog.open()
        return dialog

    # -- issuing ---------------------------------------------------------------------------------------
    def confirm_issue(self) -> bool:
        """Ask, then issue. Returns whether the issue was started."""
        year = self.year_of_list
        if year is None or self.busy:
            return False
        decisions = self.model.decisions()
        grading = sum(1 for d in decisions if d.final_grade != "pending")
        already = sum(1 for d in decisions if d.proposal.issued_grade)
        text = self.tr("将为 {n} 家企业发放 {year} 年度亮牌（人工调整 {o} 家，待评 {p} 家不发牌）。").format(
            n=grading, year=year, o=len(self.model.overrides), p=len(decisions) - grading
        )
        if already:
            text += "\n" + self.tr("其中 {n} 家本年度已经发牌，将重新发牌（原牌匾保留，标为已作废）。").format(
                n=already
            )
        text += "\n" + self.tr("发牌后每块亮牌得到编号并记入牌匾记录，不能撤回（如需更改只能重新发牌）。")
        answer = QMessageBox.question(
            self,
            self.tr("确认发牌"),
            text + "\n" + self.tr("确定发牌吗？"),
            defaultButton=QMessageBox.StandardButton.No,  # Enter must not issue a year's plaques
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.issue(already > 0)
        return True

    def issue(self, reissue: bool = False) -> None:
        year = self.year_of_list
        if year is None:
            return
        decisions = self.model.decisions()
        by = self.workspace.settings.office_name
        self.busy = True
        self._update_buttons()
        self.status.setText(self.tr("正在发牌…"))
        service = self.workspace.grading_round
        self._run(lambda _progress: service.issue(year, decisions, by, reissue=reissue), self._issued)

    def _issued(self, result: IssueResult) -> None:
        self.busy = False
        self.last_issue = result
        span = f"{result.serials[0]} – {result.serials[-1]}" if result.serials else "—"
        self.status.setText(
            self.tr("已发牌 {n} 块（编号 {span}），人工调整 {o} 块").format(
                n=result.issued, span=span, o=result.overridden
            )
        )
        self._update_buttons()
        self.propose()  # the list now shows what was issued

    def print_plaques(self) -> Any:
        from inspector.ui.documents.report_actions import preview_plaques

        self.key_offer = offer_office_key(self, self.workspace)  # without the office's key, where to make it
        if self.key_offer is not None:
            return None
        self.plaque_job = preview_plaques(self, self.workspace, self.selected_year())
        return self.plaque_job

    # -- lights ----------------------------------------------------------------------------------------
    def recompute_lights(self) -> None:
        quarter = self.quarter.currentData()
        if not quarter or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self.status.setText(self.tr("正在计算 {quarter} 季度亮灯…").format(quarter=quarter))
        service = self.workspace.grading_round
        self._run(lambda _progress: service.recompute_lights(quarter), self._lights_done)

    def _lights_done(self, result: LightsResult) -> None:
        self.busy = False
        self.last_lights = result
        c = result.counts
        self.status.setText(
            self.tr("{quarter} 季度亮灯：绿灯 {g} · 黄灯 {y} · 红灯 {r}（变更 {n} 条）").format(
                quarter=result.quarter, g=c["green"], y=c["yellow"], r=c["red"], n=result.changed
            )
        )
        self._update_buttons()

    # -- export ------------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        name = self.tr("评级建议_{year}.xlsx").format(year=self.year_of_list)
        path = file_choosers.save_file(
            self, file_choosers.EXPORTS, self.tr("导出评级建议"), name, self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        proposals = [self.model.proposal(row) for row in range(self.model.rowCount())]
        year = self.year_of_list or self.selected_year()

        def work(_progress: Progress) -> int:
            from inspector.exporting.grading_export import export_proposals

            return export_proposals(proposals, path, year)

        Operation(self, work, self.tr("导出失败")).success(
            lambda n: self.status.setText(self.tr("已导出 {n} 家到 {path}").format(n=n, path=path))
        ).run()

    def selected_proposal(self) -> Proposal | None:
        index = self.table.currentIndex()
        return self.model.proposal(index.row()) if index.isValid() else None
