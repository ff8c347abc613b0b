"""Export of the hazard ledger (隐患台账) to .xlsx or .csv, one row per hazard.

The columns are those of the offices' ledger file, with Chinese headers. Dates are real date
cells in .xlsx and YYYY-MM-DD text in .csv (UTF-8 with a BOM, so Excel reads the Chinese).
The file is written beside the target under a temporary name and renamed at the end: a failed
or cancelled export leaves no half-written file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from inspector.core.errors import DomainError
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, LedgerRow

from .xlsx_file import Book

HEADERS = (
    "发现日期",
    "企业名称",
    "统一社会信用代码",
    "隐患位置",
    "隐患描述",
    "隐患等级",
    "整改措施",
    "责任人",
    "整改期限",
    "复查结果",
    "复查日期",
    "销号日期",
    "状态",
)
DATE_COLUMNS = (0, 8, 10, 11)
WIDTHS = (12, 30, 22, 16, 40, 10, 40, 10, 12, 10, 12, 12, 14)
SUFFIXES = (".xlsx", ".csv")

Progress = Callable[[int, int], None]


def row_values(row: LedgerRow) -> tuple[object, ...]:
    """A ledger row in the order of HEADERS (dates stay dates; None for an empty date)."""
    return (
        row.found_on,
        row.enterprise_name,
        row.credit_code,
        row.location,
        row.description,
        row.severity.label,
        row.measures,
        row.responsible_person,
        row.deadline,
        row.recheck_result,
        row.recheck_date,
        row.closed_on,
        row.status.label + ("（逾期）" if row.overdue else ""),
    )


def export_ledger(ledger: HazardLedger, f: LedgerFilter, path: Path, progress: Progress | None = None) -> int:
    """Write the hazards matching `f` to `path` (.xlsx or .csv); returns the number of rows."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError(f"不支持导出为 “{path.suffix or path.name}” 文件，请使用 .xlsx（Excel）或 .csv 扩展名")
    if not path.parent.is_dir():
        raise DomainError(f"导出文件夹 {path.parent} 不存在")
    total = ledger.count(f)
    batches = ledger.iter_rows(f, batch=2000)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f"{suffix}.part", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer = _write_xlsx if suffix == ".xlsx" else _write_csv
        written = writer(temp, batches, total, progress)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        batches.close()  # ends the read transaction at once, also after a failure
    return written


def _counted(batches: Iterable[list[LedgerRow]], total: int, progress: Progress | None) -> Iterator[LedgerRow]:
    done = 0
    if progress:
        progress(0, total)
    for batch in batches:
        yield from batch
        done += len(batch)
        if progress:
            progress(done, total)


def _write_csv(temp: Path, batches: Iterable[list[LedgerRow]], total: int, progress: Progress | None) -> int:
    count = 0
    with temp.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(HEADERS)
        for row in _counted(batches, total, progress):
            out.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row_values(row)])
            count += 1
    return count


def _write_xlsx(temp: Path, batches: Iterable[list[LedgerRow]], total: int, progress: Progress | None) -> int:
    book = Book()
    workbook = book.workbook
    sheet = book.create_sheet("隐患台账")
    book.header(sheet, HEADERS, WIDTHS)
    count = 0
    try:
        for row in _counted(batches, total, progress):
            # openpyxl gives date values the yyyy-mm-dd number format: real date cells.
            # Empty text is left out as an empty cell: a third fewer cells to write.
            sheet.append([None if value == "" else value for value in row_values(row)])
            count += 1
    except BaseException:
        sheet.close()  # finish openpyxl's own temporary sheet file so nothing is left open
        raise
    workbook.save(temp)
    return count
