"""看板: where the city stands for a year (and a town): figure cards and charts.

The figures come from `inspector.queries.dashboard`, which for the whole city *is* `inspector
stats` and `hazard_figures`; they are read on the background worker so the window never waits.
Every card and bar opens the matching filtered list on the enterprises or hazards page (through
their public `show_filtered`), or the coverage list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.core.categories import Category
from inspector.core.checklist import Severity
from inspector.core.grades import PENDING, Grade, Light
from inspector.core.hazard_lifecycle import OPEN, RECTIFIED
from inspector.core.rates import format_percent
from inspector.core.training import TrainingKind, TrainingTotals
from inspector.queries.dashboard import Dashboard
from inspector.queries.hazard_figures import FigureRow
from inspector.ui.common import file_choosers
from inspector.ui.common.changes import FIGURE_TABLES, follow
from inspector.ui.common.filter_bar import FilterBar
from inspector.ui.common.labels import category_label
from inspector.ui.common.operations import run_in_background
from inspector.ui.common.palette import (
    ALERT,
    ALERT_DARK,
    COVERAGE,
    GOOD,
    HAZARDS_FOUND,
    INFO,
    LIGHT_COLOURS,
    SLATE_MUTED,
    TRAINING,
    grade_colour,
    text_style,
)
from inspector.ui.dashboard.dashboard_cards import FigureCard
from inspector.ui.dashboard.dashboard_charts import BarChart, TrendChart
from inspector.ui.enterprises.enterprise_model import grade_text, light_text
from inspector.ui.grading.coverage_dialog import CoverageDialog
from inspector.workspace import Workspace


def _category_text(row: FigureRow) -> str:
    """A hazard category in the window's language (the query words it in the core's Chinese)."""
    try:
        return category_label(Category(row.key))
    except ValueError:
        return row.label


class DashboardPage(QWidget):
    def __init__(self, workspace: Workspace, main_window: Any = None) -> None:
        super().__init__(main_window)
        self.workspace = workspace
        self.main_window = main_window
        self.figures: Dashboard | None = None
        self.loading = False
        self._pending: tuple[int, str | None] | None = None
        self.coverage_dialog: CoverageDialog | None = None
        today = workspace.today()

        self.filters = FilterBar()
        self.filters.label(self.tr("年度"))
        years = range(today.year, today.year - 6, -1)
        self.year = self.filters.choice(None, [(self.tr("{year} 年").format(year=year), year) for year in years])
        self.filters.label(self.tr("镇街道"))
        self.town = self.filters.towns(workspace.register.towns)
        self.status = QLabel()
        self.status.setStyleSheet(text_style(SLATE_MUTED))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setToolTip(self.tr("把看板上的全部数字导出为 Excel（.xlsx）"))
        self.filters.spacing(12)
        self.filters.add(self.status)
        self.filters.stretch()
        self.filters.add(self.refresh_button)
        self.filters.add(self.export_button)

        self.cards: dict[str, FigureCard] = {
            "enterprises": FigureCard(self.tr("在册企业")),
            "inspected": FigureCard(self.tr("本年已检查 / 覆盖率"), COVERAGE),
            "found": FigureCard(self.tr("发现隐患"), HAZARDS_FOUND),
            "rectified": FigureCard(self.tr("已整改 / 整改率"), GOOD),
            "overdue": FigureCard(self.tr("逾期未整改"), ALERT),
            "open_major": FigureCard(self.tr("未整改重大隐患"), ALERT_DARK),
            TrainingKind.FIRST_LESSON.value: FigureCard(self.tr("开工第一课"), TRAINING),
            TrainingKind.TEAM_LEADER.value: FigureCard(self.tr("班组长培训"), TRAINING),
        }
        self.cards["enterprises"].setToolTip(self.tr("点击查看企业名录"))
        self.cards["inspected"].setToolTip(self.tr("点击查看尚未检查的企业并分派检查人员"))
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        self.cards["enterprises"].clicked.connect(lambda: self.open_enterprises())
        self.cards["inspected"].clicked.connect(self.open_coverage)
        self.cards["found"].clicked.connect(lambda: self.open_hazards())
        self.cards["rectified"].clicked.connect(lambda: self.open_hazards(statuses=tuple(RECTIFIED)))
        self.cards["overdue"].clicked.connect(lambda: self.open_hazards(overdue=True))
        self.cards["open_major"].clicked.connect(
            lambda: self.open_hazards(severity=Severity.MAJOR, statuses=tuple(OPEN), whole_year=False)
        )

        # Categories with long names (Grade A, Personal protective equipment, towns) run down the
        # left side, whole; the three lights fit under their bars in any language.
        self.grades_chart = BarChart(self.tr("亮牌等级（企业数）"), horizontal=True)
        self.lights_chart = BarChart(self.tr("季度亮灯（企业数）"))
        self.category_chart = BarChart(self.tr("隐患类别"), horizontal=True)
        self.town_chart = BarChart(self.tr("各镇街道隐患"), horizontal=True)
        self.trend_chart = TrendChart(self.tr("月度趋势"), self.tr("发现"), self.tr("已整改"))
        self.grades_chart.bar_clicked.connect(lambda key: self.open_enterprises(grade=key))
        self.lights_chart.bar_clicked.connect(lambda key: self.open_enterprises(light=key))
        self.category_chart.bar_clicked.connect(lambda _key: self.open_hazards())
        self.town_chart.bar_clicked.connect(lambda key: self.open_hazards(town=key))
        self.trend_chart.bar_clicked.connect(self.open_month)
        self.category_chart.setToolTip(self.tr("点击柱形查看本年隐患台账"))
        charts = QGridLayout()
        charts.addWidget(self.grades_chart, 0, 0)
        charts.addWidget(self.lights_chart, 0, 1)
        charts.addWidget(self.trend_chart, 0, 2)
        charts.addWidget(self.category_chart, 1, 0, 1, 3)
        charts.addWidget(self.town_chart, 2, 0, 1, 3)
        charts.setColumnStretch(0, 2)
        charts.setColumnStretch(1, 2)
        charts.setColumnStretch(2, 3)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(cards)
        body.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.filters)
        layout.addWidget(scroll, 1)

        self.filters.changed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_export)
        self._shown_once = False
        follow(self, workspace, FIGURE_TABLES, lambda _changes: self._shown_once and self.refresh())

    # -- loading ---------------------------------------------------------------------------------
    def selected_year(self) -> int:
        return int(self.year.currentData())

    def selected_town(self) -> str | None:
        return self.town.town()

    def set_filters(self, year: int | None = None, town: str | None = None) -> None:
        """Choose the year (None: keep it) and town (None: every town) and reload."""
        self.filters.choose({self.town: town} if year is None else {self.year: year, self.town: town})

    def refresh(self) -> None:
        """Read the figures on the background worker; a request made while one runs is queued."""
        wanted = (self.selected_year(), self.selected_town())
        if self.loading:
            self._pending = wanted
            return
        self.loading = True
        self.status.setText(self.tr("正在统计…"))
        workspace = self.workspace
        year, town = wanted
        run_in_background(lambda: workspace.dashboard(year, town), self._loaded, self._failed)

    def _loaded(self, figures: Dashboard) -> None:
        self.loading = False
        if self._pending is not None:  # other figures, or the data changed, while these were read
            self._pending = None
            self.refresh()
            return
        self._pending = None
        self.show_figures(figures)

    def _failed(self, message: str) -> None:
        self.loading = False
        self.status.setText(self.tr("统计失败：{message}").format(message=message))

    def show_figures(self, d: Dashboard) -> None:
        self.figures = d
        rate = format_percent(d.rectification_rate)
        coverage = format_percent(d.coverage)
        self.cards["enterprises"].set_value(str(d.enterprises), self.tr("检查 {n} 次").format(n=d.inspections))
        self.cards["inspected"].set_value(
            f"{d.inspected} / {coverage}", self.tr("未检查 {n} 家").format(n=d.enterprises - d.inspected)
        )
        self.cards["found"].set_value(str(d.hazards_found), self.tr("{year} 年发现").format(year=d.year))
        self.cards["rectified"].set_value(f"{d.hazards_rectified} / {rate}")
        self.cards["overdue"].set_value(str(d.overdue))
        self.cards["open_major"].set_value(str(d.open_major), self.tr("各年度合计"))
        for kind in TrainingKind:
            totals = d.training.get(kind.value, TrainingTotals())
            self.cards[kind.value].set_value(
                self.tr("{n} 家").format(n=totals.enterprises),
                self.tr("{workers} 人次 · {sessions} 次").format(workers=totals.workers, sessions=totals.sessions),
            )

        grade_keys = [g.value for g in Grade] + [PENDING]
        self.grades_chart.set_data(
            grade_keys,
            [grade_text(None if k == PENDING else k) for k in grade_keys],
            [(self.tr("企业数"), [d.grades.get(k, 0) for k in grade_keys], INFO)],
            [grade_colour(k) for k in grade_keys],
        )
        light_keys = [light.value for light in Light]
        self.lights_chart.set_data(
            light_keys,
            [light_text(k) for k in light_keys],
            [(self.tr("企业数"), [d.lights.get(k, 0) for k in light_keys], GOOD)],
            [LIGHT_COLOURS[k] for k in light_keys],
        )
        self.lights_chart.chart_.setTitle(
            self.tr("季度亮灯（{quarter}）").format(quarter=d.quarter) if d.quarter else self.tr("季度亮灯（本年尚无）")
        )
        found_name, fixed_name = self.tr("发现"), self.tr("已整改")
        for chart, rows, label in (
            (self.category_chart, d.by_category, _category_text),
            (self.town_chart, d.by_town, lambda row: row.label),  # towns are names: shown as written
        ):
            chart.set_data(
                [row.key or "" for row in rows],
                [label(row) for row in rows],
                [
                    (found_name, [row.found for row in rows], HAZARDS_FOUND),
                    (fixed_name, [row.rectified for row in rows], GOOD),
                ],
            )
        self.trend_chart.set_data(
            [row.key or "" for row in d.by_month],
            [row.found for row in d.by_month],
            [row.rectified for row in d.by_month],
        )
        scope = d.town or self.tr("全市")
        self.status.setText(self.tr("{scope} · {year} 年").format(scope=scope, year=d.year))

    # -- opening lists -----------------------------------------------------------------------------
    def open_enterprises(self, grade: str | None = None, light: str | None = None) -> QWidget | None:
        if self.main_window is None:
            return None
        page = self.main_window.show_page("enterprises")
        page.show_filtered(town=self.selected_town(), grade=grade, light=light)
        return page

    def open_hazards(
        self,
        *,
        town: str | None = None,
        severity: Severity | None = None,
        overdue: bool = False,
        statuses: tuple[Any, ...] = (),
        whole_year: bool = True,
        month: tuple[date, date] | None = None,
    ) -> QWidget | None:
        if self.main_window is None:
            return None
        year = self.selected_year()
        found_from, found_to = month or ((date(year, 1, 1), date(year, 12, 31)) if whole_year else (None, None))
        page = self.main_window.show_page("hazards")
        page.show_filtered(
            town=town or self.selected_town(),
            found_from=found_from,
            found_to=found_to,
            severity=severity,
            overdue=overdue,
            statuses=statuses,
        )
        return page

    def open_month(self, key: str) -> None:
        year, month = int(key[:4]), int(key[5:7])
        last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
        self.open_hazards(month=(date(year, month, 1), date.fromordinal(last)))

    def open_coverage(self) -> CoverageDialog:
        self.coverage_dialog = CoverageDialog(self.workspace, self.selected_year(), self.selected_town(), self)
        self.coverage_dialog.open()
        return self.coverage_dialog

    # -- export -------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        name = self.tr("看板_{year}.xlsx").format(year=self.selected_year())
        path = file_choosers.save_file(
            self, file_choosers.EXPORTS, self.tr("导出看板数据"), name, self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        figures = self.figures
        if figures is None:
            return

        def work() -> Path:
            from inspector.exporting.dashboard_export import export_dashboard

            export_dashboard(figures, path)
            return path

        run_in_background(
            work,
            lambda out: self.status.setText(self.tr("已导出到 {path}").format(path=out)),
            lambda message: QMessageBox.warning(self, self.tr("导出失败"), message),
        )

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()
