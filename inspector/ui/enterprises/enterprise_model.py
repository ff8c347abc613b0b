"""The enterprise register as a Qt table model: it holds only the ids of a search, and loads the
rows in blocks when the view asks for them (as Anki's browser table does).

A search over 25,000 enterprises returns 25,000 ids in ~30 ms; the view then shows ~30 rows, so
one block of rows is read from the database and the rest are never loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from inspector.core.enterprise import EnterpriseSize
from inspector.core.grades import Light
from inspector.queries.enterprise_queries import EnterpriseQueries, EnterpriseRowView
from inspector.ui.common.palette import ALERT, LIGHT_COLOURS, PENDING_COLOUR
from inspector.ui.common.row_blocks import RowBlocks
from inspector.ui.common.row_table import LazyRowModel
from inspector.ui.enterprises.risk_tag_labels import scale_text

# Translation contexts: "EnterpriseTableModel" for the headers, "EnterpriseLabels" for the grade,
# light and size texts that all enterprise screens share. Each call spells its context and text
# as literals, because pyside6-lupdate only extracts literal strings.

COL_NAME = 0
COL_CREDIT_CODE = 1
COL_TOWN = 2
COL_GRADE = 3
COL_LIGHT = 4
COL_OPEN_HAZARDS = 5
COL_LAST_INSPECTION = 6
COL_INDUSTRY = 7
COL_ADDRESS = 8
COL_TAGS = 9
COL_HEADCOUNT = 10
COL_SCALE = 11
COLUMN_COUNT = 12


def header_text(column: int) -> str:
    # Literal strings in each call, so that pyside6-lupdate finds them.
    texts = {
        COL_NAME: QCoreApplication.translate("EnterpriseTableModel", "企业名称"),
        COL_CREDIT_CODE: QCoreApplication.translate("EnterpriseTableModel", "统一社会信用代码"),
        COL_TOWN: QCoreApplication.translate("EnterpriseTableModel", "镇街道"),
        COL_GRADE: QCoreApplication.translate("EnterpriseTableModel", "等级"),
        COL_LIGHT: QCoreApplication.translate("EnterpriseTableModel", "亮灯"),
        COL_OPEN_HAZARDS: QCoreApplication.translate("EnterpriseTableModel", "未整改"),
        COL_LAST_INSPECTION: QCoreApplication.translate("EnterpriseTableModel", "最近检查"),
        COL_INDUSTRY: QCoreApplication.translate("EnterpriseTableModel", "行业"),
        COL_ADDRESS: QCoreApplication.translate("EnterpriseTableModel", "地址"),
        COL_TAGS: QCoreApplication.translate("EnterpriseTableModel", "风险标签"),
        COL_HEADCOUNT: QCoreApplication.translate("EnterpriseTableModel", "从业人数"),
        COL_SCALE: QCoreApplication.translate("EnterpriseTableModel", "规上"),
    }
    return texts[column]


def grade_text(grade: str | None) -> str:
    """The grade as shown: A级…, or 待评 for an enterprise without a current plaque."""
    if grade is None:
        return QCoreApplication.translate("EnterpriseLabels", "待评")
    return QCoreApplication.translate("EnterpriseLabels", "{grade}级").format(grade=grade)


def light_text(light: str | None) -> str:
    if light == Light.GREEN.value:
        return QCoreApplication.translate("EnterpriseLabels", "绿灯")
    if light == Light.YELLOW.value:
        return QCoreApplication.translate("EnterpriseLabels", "黄灯")
    if light == Light.RED.value:
        return QCoreApplication.translate("EnterpriseLabels", "红灯")
    return ""


def size_text(size: EnterpriseSize | None) -> str:
    if size is EnterpriseSize.LARGE:
        return QCoreApplication.translate("EnterpriseLabels", "大型")
    if size is EnterpriseSize.MEDIUM:
        return QCoreApplication.translate("EnterpriseLabels", "中型")
    if size is EnterpriseSize.SMALL:
        return QCoreApplication.translate("EnterpriseLabels", "小型")
    if size is EnterpriseSize.MICRO:
        return QCoreApplication.translate("EnterpriseLabels", "微型")
    return QCoreApplication.translate("EnterpriseLabels", "未填")


_icons: dict[str, QIcon] = {}


def light_icon(light: str) -> QIcon:
    """A round lamp of the light's colour (made once per colour, after the QApplication exists)."""
    icon = _icons.get(light)
    if icon is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LIGHT_COLOURS.get(light, PENDING_COLOUR)))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        icon = _icons[light] = QIcon(pixmap)
    return icon


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


class EnterpriseTableModel(LazyRowModel[EnterpriseRowView]):
    """Ids of the current search, rows read lazily in blocks of BLOCK_SIZE.

    The grade is the current plaque of `year`, the light that of `quarter`; the same period
    drives the grade and light filters, so a filter and the column it filters always agree.
    Call `refresh()` after the register or the grades change: it re-runs the search and forgets
    every cached row.
    """

    column_count = COLUMN_COUNT
    cells: Mapping[int, Callable[[EnterpriseRowView], str]] = {
        COL_NAME: attrgetter("name"),
        COL_CREDIT_CODE: attrgetter("credit_code"),
        COL_TOWN: attrgetter("town"),
        COL_GRADE: lambda view: grade_text(view.grade),
        COL_LIGHT: lambda view: light_text(view.light),
        COL_OPEN_HAZARDS: lambda view: str(view.open_hazards) if view.open_hazards else "",
        COL_LAST_INSPECTION: lambda view: date_text(view.last_inspection),
        COL_INDUSTRY: attrgetter("industry"),
        COL_ADDRESS: attrgetter("address"),
        COL_TAGS: lambda view: ", ".join(view.risk_tags),  # replaced by labels in __init__
        COL_HEADCOUNT: lambda view: "" if view.headcount is None else str(view.headcount),
        COL_SCALE: lambda view: scale_text(view.above_scale),
    }
    centered = frozenset({COL_GRADE, COL_OPEN_HAZARDS, COL_LAST_INSPECTION, COL_HEADCOUNT, COL_SCALE})

    def __init__(
        self,
        queries: EnterpriseQueries,
        year: int,
        quarter: str,
        parent: Any = None,
        tag_text: Callable[[tuple[str, ...]], str] | None = None,
    ) -> None:
        super().__init__(RowBlocks(lambda ids: self.queries.rows(ids, year=self.year, quarter=self.quarter)), parent)
        self.queries = queries
        self.year = year
        self.quarter = quarter
        if tag_text is not None:  # the tags' labels in the window's language (RiskTagLabels.text)
            self.cells = {**self.cells, COL_TAGS: lambda view: tag_text(view.risk_tags)}
        self._filter: tuple[str, str | None, str | None, str | None, str | None] = ("", None, None, None, None)

    # -- search ------------------------------------------------------------------------------
    def set_filter(
        self,
        text: str = "",
        town: str | None = None,
        grade: str | None = None,
        light: str | None = None,
        tag: str | None = None,
    ) -> None:
        """Run a new search (grade: A–D or "pending"; light: green/yellow/red; tag: a risk-tag code)
        and reset the model."""
        self._filter = (text, town or None, grade or None, light or None, tag or None)
        self.refresh()

    def refresh(self) -> None:
        text, town, grade, light, tag = self._filter
        self.reset_ids(self.queries.search(text, town, grade, light, year=self.year, quarter=self.quarter, tag=tag))

    def current_filter(self) -> tuple[str, str | None, str | None, str | None, str | None]:
        return self._filter

    def enterprise_id(self, row: int) -> str:
        return self.row_id(row)

    # -- cells -------------------------------------------------------------------------------
    def header(self, column: int) -> str:
        return header_text(column)

    def header_tooltip(self, column: int) -> str | None:
        if column == COL_GRADE:
            return QCoreApplication.translate("EnterpriseTableModel", "{year} 年度当前牌匾等级").format(year=self.year)
        if column == COL_LIGHT:
            return QCoreApplication.translate("EnterpriseTableModel", "{quarter} 季度亮灯").format(quarter=self.quarter)
        if column == COL_OPEN_HAZARDS:
            return QCoreApplication.translate("EnterpriseTableModel", "未整改的隐患数（含待复查）")
        if column == COL_SCALE:
            return QCoreApplication.translate("EnterpriseTableModel", "规模以上工业企业（规上）或规模以下（规下）")
        return None

    def tooltip(self, view: EnterpriseRowView, column: int) -> str | None:
        # The address column is hidden by default: the name's tooltip shows where it is.
        if column == COL_NAME:
            return f"{view.name}\n{view.address}" if view.address else view.name
        if column == COL_ADDRESS:
            return view.address or view.name
        if column == COL_TAGS:
            return self.display(view, COL_TAGS) or None
        return None

    def icon(self, view: EnterpriseRowView, column: int) -> QIcon | None:
        return light_icon(view.light) if column == COL_LIGHT and view.light in LIGHT_COLOURS else None

    def foreground(self, view: EnterpriseRowView, column: int) -> str | None:
        return ALERT if column == COL_OPEN_HAZARDS and view.open_hazards else None
