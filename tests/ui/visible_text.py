"""What a user can read in a window: every visible widget's text, header, menu entry, tooltip
and chart label, and the header sections too narrow for their text (the English walk test)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QStyle,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CJK = re.compile(r"[\u3001-\u303f\u3400-\u9fff\uff00-\uffef]")
TAG = re.compile(r"<[^>]+>")
ROWS = 30  # table rows looked at: enough for every kind of cell, quick on a demo city


@dataclass(frozen=True)
class Text:
    where: str  # the widget's class and object name, and which of its texts
    text: str


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName()})" if widget.objectName() else type(widget).__name__


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def visible_texts(root: QWidget) -> Iterator[Text]:
    """The texts a user sees in `root` and its visible children (data included)."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not _visible(widget, root):
            continue
        where = _name(widget)
        if widget.isWindow() and widget.windowTitle():
            yield Text(f"{where}.windowTitle", widget.windowTitle())
        if widget.toolTip():
            yield Text(f"{where}.toolTip", TAG.sub("", widget.toolTip()))
        if isinstance(widget, QLabel):
            yield Text(where, TAG.sub("", widget.text()))
        elif isinstance(widget, QAbstractButton):
            yield Text(where, widget.text())
            menu = getattr(widget, "menu", lambda: None)()
            if menu is not None:
                for action in menu.actions():
                    yield Text(f"{where}.menu", action.text())
        elif isinstance(widget, QGroupBox):
            yield Text(where, widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield Text(f"{where}.tab", widget.tabText(index))
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield Text(f"{where}.item", widget.itemText(index))
        elif isinstance(widget, QLineEdit | QTextEdit):
            yield Text(f"{where}.placeholder", widget.placeholderText())
        elif isinstance(widget, QListWidget):
            for index in range(widget.count()):
                yield Text(f"{where}.item", widget.item(index).text())
        elif isinstance(widget, QAbstractItemView):
            yield from _view_texts(widget, where)
        elif isinstance(widget, QChartView):
            yield from _chart_texts(widget, where)


def _view_texts(view: QAbstractItemView, where: str) -> Iterator[Text]:
    model = view.model()
    if model is None:
        return
    for orientation, header in ((Qt.Orientation.Horizontal, getattr(view, "horizontalHeader", lambda: None)()),):
        for section in range(model.columnCount()):
            if header is not None and (header.isHidden() or header.isSectionHidden(section)):
                continue
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if value:
                yield Text(f"{where}.header", str(value))
    yield from _cells(model, QModelIndex(), where, depth=0)


def _cells(model: object, parent: QModelIndex, where: str, depth: int) -> Iterator[Text]:
    rows = model.rowCount(parent)  # type: ignore[attr-defined]
    for row in range(min(rows, ROWS)):
        for column in range(model.columnCount(parent)):  # type: ignore[attr-defined]
            index = model.index(row, column, parent)  # type: ignore[attr-defined]
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and value:
                yield Text(f"{where}.cell", value)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                yield Text(f"{where}.cellToolTip", TAG.sub("", tip))
            if column == 0 and depth < 2:
                yield from _cells(model, index, where, depth + 1)


def _chart_texts(view: QChartView, where: str) -> Iterator[Text]:
    chart = view.chart()
    yield Text(f"{where}.title", chart.title())
    for axis in chart.axes():
        yield Text(f"{where}.axisTitle", axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            for label in axis.categories():
                yield Text(f"{where}.category", label)
    for series in chart.series():
        yield Text(f"{where}.series", series.name())
        for bar_set in getattr(series, "barSets", list)():
            yield Text(f"{where}.bar", bar_set.label())


def chinese_left(texts: Iterable[Text], data: Iterable[str]) -> list[Text]:
    """The texts that still hold Chinese once the `data` strings (names, towns, descriptions: what
    people typed, shown as typed) are taken out."""
    known = sorted({d for d in data if d and CJK.search(d)}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(d) for d in known)) if known else None
    left = []
    for item in texts:
        text = pattern.sub("", item.text) if pattern else item.text
        if CJK.search(text):
            left.append(item)
    return left


def clipped_headers(root: QWidget) -> list[Text]:
    """Header sections of visible tables narrower than their text (which Qt then elides)."""
    clipped = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not _visible(header, root) or header.isHidden():
            continue
        model = header.model()
        if model is None:
            continue
        metrics = QFontMetrics(header.font())
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        stretched = header.stretchLastSection()
        last = max((s for s in range(header.count()) if not header.isSectionHidden(s)), default=-1)
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            needed = max(metrics.horizontalAdvance(line) for line in str(text).splitlines()) + margin
            width = header.sectionSize(section)
            if width < needed and not (stretched and section == last and width >= needed - margin):
                clipped.append(Text(f"{_name(header.parentWidget() or header)} {width}<{needed}px", str(text)))
    return clipped


LABEL_ROOM = 20  # px Qt keeps around a label under a bar before it elides it ("Gra…" in a 56 px slot)


def clipped_chart_labels(root: QWidget) -> list[Text]:
    """Category labels of visible charts wider than the room Qt gives them (it elides them then):
    under a bar, the bar's share of the plot width; down the left side, the room left of the plot."""
    clipped = []
    for view in root.findChildren(QChartView):
        if not _visible(view, root):
            continue
        chart = view.chart()
        plot = chart.plotArea()
        for axis in chart.axes():
            if not isinstance(axis, QBarCategoryAxis) or not axis.count():
                continue
            metrics = QFontMetrics(axis.labelsFont())
            beside = bool(axis.alignment() & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight))
            # Down the side Qt widens the axis to its labels (up to a share of the chart)
            room = plot.left() - chart.margins().left() if beside else plot.width() / axis.count()
            for label in axis.categories():
                needed = metrics.horizontalAdvance(label) + (0 if beside else LABEL_ROOM)
                if needed > room:
                    clipped.append(Text(f"{_name(view)} {room:.0f}<{needed}px", label))
    return clipped
