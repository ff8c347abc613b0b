"""Writing a small .xlsx atomically: a temporary file beside the target, renamed at the end, so a
failed export leaves no half-written file (the same rule as the hazard ledger export)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inspector.core.errors import DomainError


def check_target(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise DomainError(f"不支持导出为 “{path.suffix or path.name}” 文件，请使用 .xlsx（Excel）扩展名")
    if not path.parent.is_dir():
        raise DomainError(f"导出文件夹 {path.parent} 不存在")
    return path


class Book:
    """An openpyxl write-only workbook with a bold, frozen header row helper."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.workbook = Workbook(write_only=True)

    def create_sheet(self, title: str) -> Any:
        return self.workbook.create_sheet(title[:31])

    @staticmethod
    def header(sheet: Any, titles: Sequence[str], widths: Sequence[int]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        cells = []
        for title in titles:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)


@contextmanager
def atomic_xlsx(path: Path) -> Iterator[Book]:
    book = Book()
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".xlsx.part", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield book
        book.workbook.save(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
