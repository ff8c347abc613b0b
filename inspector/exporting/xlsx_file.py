"""Writing .xlsx tables that open well and print well, atomically.

Every sheet is one table (`Book.table`): a bold header row that stays in view, an autofilter over
all rows, columns of sensible widths, long text wrapped, and a print setup the offices' printers
take as it is: A4 landscape scaled to the page width (all columns on one sheet of paper, as many
pages down as the rows need), the header row repeated on every page, the title in the page head
and 第 x 页 共 y 页 in its foot, margins clear of printers' non-printable border. The workbook's
properties name the document and the office that made it instead of "openpyxl".

A file is written to a temporary file beside the target and renamed at the end, so a failed
export leaves no half-written file (the same rule as the hazard ledger export).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inspector.core.errors import DomainError
from inspector.file_modes import replacing

# Inches, as the format counts them. The page head and foot sit 11.4 mm from the edge and the
# cells start below them: nothing is printed within 10 mm of the paper's edge.
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75, "header": 0.45, "footer": 0.45}
PAPER_A4 = "9"  # the paper-size code the format gives A4
LINE_HEIGHT = 15.0  # points: one line of the default 11 pt type
MAX_ROW_HEIGHT = 409.0  # the format's limit


def text_width(text: str) -> float:
    """The width of `text` in column-width units (one unit: a digit of the default type). A
    Chinese character takes about two."""
    return sum(2.1 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def wrapped_lines(text: str, column_width: float) -> int:
    """How many lines `text` takes when wrapped in a column `column_width` units wide."""
    usable = max(1.0, column_width - 1.0)  # the cell's own padding
    if "\n" not in text and len(text) * 2.1 <= usable:
        return 1  # fits even if every character is wide: no need to measure (most cells)
    return sum(max(1, math.ceil(text_width(line) / usable)) for line in text.split("\n"))


def check_target(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise DomainError(f"不支持导出为 “{path.suffix or path.name}” 文件，请使用 .xlsx（Excel）扩展名")
    if not path.parent.is_dir():
        raise DomainError(f"导出文件夹 {path.parent} 不存在")
    return path


class SheetTable:
    """One sheet holding one table; `append` a row at a time (write-only: rows go to disk as
    they come, so a 45,000-row ledger never sits in memory)."""

    def __init__(self, sheet: Any, headers: Sequence[str], widths: Sequence[int], wrap: Collection[int]) -> None:
        from openpyxl.styles import Alignment

        self.sheet = sheet
        self.widths = tuple(widths)
        self.columns = len(headers)
        self.rows = 0
        self._wrap = frozenset(wrap)
        # The two alignments a cell can have, registered once: assigning an Alignment to each
        # cell looks it up in the workbook's style list by hash, a fifth of a large export's time.
        self._wrapped = self._style(Alignment(wrap_text=True, vertical="top"))
        self._top = self._style(Alignment(vertical="top"))

    def _style(self, alignment: Any) -> int:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet)
        cell.alignment = alignment
        return int(cell._style.alignmentId)

    def append(self, values: Sequence[object]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles.cell_style import StyleArray

        cells: list[object] = []
        for index, value in enumerate(values):
            if value is None or value == "":
                cells.append(None)  # an empty cell is left out: a third fewer cells to write
                continue
            cell = WriteOnlyCell(self.sheet, value=value)
            if cell.data_type == "f":
                cell.data_type = "s"  # a text that starts with "=" is text here, never a formula
            # Long text wraps inside its column (line breaks shown as breaks); the rest of the
            # row keeps to the top, beside the first line of the wrapped text.
            # (the cell's own style keeps its number format: dates stay yyyy-mm-dd)
            if cell._style is None:
                cell._style = StyleArray()
            cell._style.alignmentId = self._wrapped if index in self._wrap else self._top
            cells.append(cell)
        self.rows += 1
        height = self._height(values)
        if height is not None:
            self._set_height(self.rows + 1, height)
        self.sheet.append(cells)
        self.sheet.row_dimensions.pop(self.rows + 1, None)  # written: nothing kept per row

    def _height(self, values: Sequence[object]) -> float | None:
        """The row's height when wrapped text needs more than one line. Set explicitly: not every
        spreadsheet measures a row again when it opens a file, and an unmeasured row shows only
        the first line of a wrapped cell, the rest hidden under the next row."""
        lines = max(
            (wrapped_lines(str(values[i]), self.widths[i]) for i in self._wrap if i < len(values) and values[i]),
            default=1,
        )
        return None if lines <= 1 else min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)

    def _set_height(self, index: int, height: float) -> None:
        from openpyxl.worksheet.dimensions import RowDimension

        self.sheet.row_dimensions[index] = RowDimension(self.sheet, index=index, ht=height, customHeight=True)

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        self.sheet.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{self.rows + 1}"


class Book:
    """An openpyxl write-only workbook whose sheets are `SheetTable`s."""

    def __init__(self, title: str = "", author: str = "") -> None:
        from openpyxl import Workbook

        self.workbook = Workbook(write_only=True)
        self.workbook.properties.title = title or None
        self.workbook.properties.creator = author or "Inspector"
        self.workbook.properties.lastModifiedBy = author or "Inspector"
        self.tables: list[SheetTable] = []

    def table(
        self, title: str, headers: Sequence[str], widths: Sequence[int], wrap: Collection[int] = ()
    ) -> SheetTable:
        """A new sheet named `title` with its header row written; `wrap`: indexes of the columns
        whose text wraps."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        sheet = self.workbook.create_sheet(title[:31])
        # Set before the first row: a write-only sheet writes its properties with that row.
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        setup = sheet.page_setup
        setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight = "landscape", PAPER_A4, 1, 0
        for side, inches in MARGINS.items():
            setattr(sheet.page_margins, side, inches)
        sheet.print_title_rows = "1:1"
        sheet.print_options.horizontalCentered = True
        sheet.oddHeader.center.text = title
        sheet.oddHeader.center.size = 10
        sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
        sheet.oddFooter.center.size = 9

        bold = Font(bold=True)
        centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font, cell.alignment = bold, centred
            cells.append(cell)
        sheet.append(cells)
        table = SheetTable(sheet, headers, widths, wrap)
        self.tables.append(table)
        return table

    def save(self, path: Path) -> None:
        for table in self.tables:
            table.finish()
        self.workbook.save(path)

    def abandon(self) -> None:
        """Close openpyxl's temporary sheet files after a failure, so nothing is left open."""
        for table in self.tables:
            if not table.sheet.closed:
                table.sheet.close()


@contextmanager
def atomic_xlsx(path: Path, title: str = "", author: str = "") -> Iterator[Book]:
    book = Book(title, author)
    try:
        with replacing(path, ".xlsx.part") as temp:
            yield book
            book.save(temp)
    except BaseException:
        book.abandon()
        raise
