"""The dashboard's charts (QtCharts): bars that say which bar was clicked, and a monthly trend.

Each chart emits `bar_clicked(key)` with the key of the clicked category (a grade, a light, a
hazard category, a town or a YYYY-MM month), so the page can open the matching filtered list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from inspector.ui.common.palette import CHART_LABEL, GOOD, HAZARDS_FOUND


class _KeyedChart(QChartView):
    """A titled chart whose categories have keys; `bar_clicked(key)` names the one clicked."""

    bar_clicked = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: list[str] = []
        self.chart_ = QChart()
        self.chart_.setTitle(title)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setChart(self.chart_)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def _clear(self, keys: Sequence[str]) -> QChart:
        self.keys = list(keys)
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart

    def _axes(self, labels: Sequence[str], top: float, horizontal: bool = False) -> tuple[QBarCategoryAxis, QValueAxis]:
        """Category labels a little smaller than the chart's font, and a count axis from 0; the
        categories down the left side when `horizontal` (bars then run left to right)."""
        x_axis = QBarCategoryAxis()
        x_axis.append(list(labels))
        font = QFont(x_axis.labelsFont())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        x_axis.setLabelsFont(font)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(top * 1.15, 4))
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%d")
        category_side, value_side = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        if horizontal:
            category_side, value_side = value_side, category_side
        self.chart_.addAxis(x_axis, category_side)
        self.chart_.addAxis(y_axis, value_side)
        return x_axis, y_axis


class BarChart(_KeyedChart):
    """One bar per key; several value sets side by side (e.g. found and rectified).

    `horizontal` charts list their categories down the left, each label on one line whole
    ("Personal protective equipment" does not fit under a bar), and grow a row per category."""

    ROW_HEIGHT = 26  # px per category of a horizontal chart

    def __init__(self, title: str, parent: QWidget | None = None, horizontal: bool = False) -> None:
        super().__init__(title, parent)
        self.horizontal = horizontal
        self.per_bar = False  # one set per bar (each its own colour), or one set per series
        self.chart_.legend().setVisible(False)
        self.sets: list[QBarSet] = []

    def set_data(
        self,
        keys: Sequence[str],
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float], str]],
        colours: Sequence[str] | None = None,
    ) -> None:
        """`series`: (name, values, colour). `colours`: one colour per bar (single-series charts)."""
        if self.horizontal:  # Qt draws the first category at the bottom: read top down instead
            keys, labels = keys[::-1], labels[::-1]
            series = [(name, list(values)[::-1], colour) for name, values, colour in series]
            colours = list(colours)[::-1] if colours else colours
        chart = self._clear(keys)
        # One colour per bar: a stacked series with one set per bar, each zero except at its own
        # index (QBarSet has no per-bar colour). Several series side by side: a plain bar series.
        per_bar = self.per_bar = bool(colours) and len(series) == 1
        bars: QAbstractBarSeries
        if self.horizontal:
            bars = QHorizontalStackedBarSeries() if per_bar else QHorizontalBarSeries()
            rows = len(keys) * (1.0 if per_bar or len(series) == 1 else 1.5)  # side-by-side bars need room
            self.setMinimumHeight(max(220, int(90 + self.ROW_HEIGHT * rows)))
        else:
            bars = QStackedBarSeries() if per_bar else QBarSeries()
        self.sets = []
        if per_bar:
            name, values, _ = series[0]
            for index, colour in enumerate(colours or ()):
                bar_set = QBarSet(labels[index])
                bar_set.append([float(v) if i == index else 0.0 for i, v in enumerate(values)])
                self._style(bar_set, colour)
                bars.append(bar_set)
        else:
            for name, values, colour in series:
                bar_set = QBarSet(name)
                bar_set.append([float(v) for v in values])
                self._style(bar_set, colour)
                bars.append(bar_set)
        bars.setLabelsVisible(True)
        if not per_bar:
            bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelsFormat("@value")
        chart.addSeries(bars)
        top = max([max([float(v) for v in values], default=0) for _, values, _ in series], default=0)
        for axis in self._axes(labels, top, self.horizontal):
            bars.attachAxis(axis)
        chart.legend().setVisible(len(series) > 1 and not per_bar)

    def _style(self, bar_set: QBarSet, colour: str) -> None:
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        bar_set.setLabelColor(QColor(CHART_LABEL))
        bar_set.clicked.connect(self._clicked)
        self.sets.append(bar_set)

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.bar_clicked.emit(self.keys[index])

    def value(self, key: str) -> float:
        """The height of the bar of `key` (of the first series), as the chart shows it."""
        index = self.keys.index(key)
        bar_set = self.sets[index] if self.per_bar else self.sets[0]
        return bar_set.at(index)

    def click_bar(self, key: str) -> None:
        """What a click on the bar of `key` does (for tests and keyboard use)."""
        if key in self.keys and self.sets:
            self.sets[0].clicked.emit(self.keys.index(key))


class TrendChart(_KeyedChart):
    """Hazards found and rectified per month; a click picks the nearest month."""

    def __init__(self, title: str, found_name: str, fixed_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.names = (found_name, fixed_name)
        self.month_title = self.tr("月份")

    def set_data(self, keys: Sequence[str], found: Sequence[int], fixed: Sequence[int]) -> None:
        chart = self._clear(keys)
        x_axis, y_axis = self._axes([str(int(key[5:])) for key in keys], max([*found, *fixed, 0]))
        x_axis.setTitleText(self.month_title)
        for name, values, colour in ((self.names[0], found, HAZARDS_FOUND), (self.names[1], fixed, GOOD)):
            line = QLineSeries()
            line.setName(name)
            line.setColor(QColor(colour))
            line.setPointsVisible(True)
            for index, value in enumerate(values):
                line.append(QPointF(index, value))
            line.clicked.connect(self._clicked)
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)

    def _clicked(self, point: QPointF) -> None:
        index = round(point.x())
        if 0 <= index < len(self.keys):
            self.bar_clicked.emit(self.keys[index])
