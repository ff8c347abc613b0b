"""Export of the hazard ledger (隐患台账) to .xlsx or .csv, one row per hazard.

The columns are those of the ledger an office files (domain.md §2), with Chinese headers: the
hazard number (隐患编号, the same on every copy), where and by whom it was found (town, location,
category, source, inspectors), its level with the legal basis or major-hazard clause, the
notice it was issued on, the deadline with every extension step, the re-check and who accepted
the fix (验收人), and the closing date. Dates are real date
cells in .xlsx and YYYY-MM-DD text in .csv (UTF-8 with a BOM, so Excel and WPS read the
Chinese). The .xlsx is set up to filter and to print (xlsx_file.Book).

A .csv is opened by double-clicking far more often than it is read by a program, and then the
spreadsheet guesses each cell's type: an all-digit credit code such as 913304820000000077
becomes the number 9.1330482E+17 and its last digits are lost, "3-4" becomes a date, a text
starting with "=" a formula. So by default every cell that a spreadsheet would turn into
something else is written as a text formula, `="913304820000000077"`: Excel, WPS and
LibreOffice (its import evaluates formulas by default) all show the text exactly and keep it as
text. The credit code column always gets this form; any other text cell gets it when it looks
like a number, a date or a formula. A text of more than 255 characters, or of several lines,
cannot be a formula's string (LibreOffice leaves a multi-line one unevaluated), so one that
starts like a formula gets a leading apostrophe instead (the usual guard against formula
injection): the apostrophe shows, which is better than a formula error. `plain=True` writes
the same rows with no such forms, for a program to read (`inspector hazards export --plain`).

The file is written beside the target under a temporary name and renamed at the end: a failed
or cancelled export leaves no half-written file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from inspector.core.categories import Category
from inspector.core.errors import DomainError
from inspector.core.labelled import LabelledEnum
from inspector.file_modes import replacing
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, LedgerRow
from inspector.services.hazards import HazardSource

from .xlsx_file import Book

HEADERS = (
    "隐患编号",
    "发现日期",
    "企业名称",
    "统一社会信用代码",
    "镇街道",
    "隐患位置",
    "类别",
    "来源",
    "隐患描述",
    "隐患等级",
    "依据/重大隐患条款",
    "检查人员",
    "整改措施",
    "责任人",
    "通知书编号",
    "整改期限",
    "延期记录",
    "复查结果",
    "复查日期",
    "验收人",
    "销号日期",
    "状态",
)
DATE_COLUMNS = (1, 15, 18, 20)
CODE_COLUMNS = (3,)  # always text: codes whose digits must survive (the credit code)
WIDTHS = (21, 11, 24, 21, 10, 14, 10, 10, 36, 9, 30, 14, 36, 9, 20, 11, 30, 9, 11, 9, 11, 12)
# name, location, description, basis, inspectors, measures, responsible person, extensions
WRAPPED = (2, 5, 8, 10, 11, 12, 13, 16)
SUFFIXES = (".xlsx", ".csv")
TITLE = "隐患台账"

# What a spreadsheet would read as a number, a date, a time or a fraction: digits with the
# signs and separators numbers are written with (913304820000000077, 0573, 3-4, 1/2, 1e5, 12%).
_NUMBER_LIKE = re.compile(r"[\d .,:/+\-%$¥()eE]*\d[\d .,:/+\-%$¥()eE]*")
_FORMULA_START = ("=", "+", "-", "@")
FORMULA_TEXT_MAX = 255  # the longest string a spreadsheet formula may hold

Progress = Callable[[int, int], None]


def row_values(row: LedgerRow) -> tuple[object, ...]:
    """A ledger row in the order of HEADERS (dates stay dates; None for an empty date). The row
    must carry its details (`HazardLedger.iter_rows(details=True)`)."""
    details = row.details
    assert details is not None, "ledger rows for export are read with their details"
    basis = "；".join(part for part in (details.legal_basis, details.major_clause) if part)
    return (
        row.number,
        row.found_on,
        row.enterprise_name,
        row.credit_code,
        row.town,
        row.location,
        _label(Category, row.category),
        _label(HazardSource, details.source),
        row.description,
        row.severity.label,
        basis,
        "、".join(details.inspectors),
        row.measures,
        row.responsible_person,
        details.notice_number,
        row.deadline,
        "；".join(details.extensions),
        row.recheck_result,
        row.recheck_date,
        details.accepted_by,
        row.closed_on,
        row.status.label + ("（逾期）" if row.overdue else ""),
    )


def _label(enum: type[LabelledEnum], value: str) -> str:
    """The Chinese label of a stored value; the value itself if it is not (or no longer) known."""
    try:
        return enum(value).label  # type: ignore[attr-defined, no-any-return]
    except ValueError:
        return value


def spreadsheet_text(value: str, code: bool = False) -> str:
    """`value` as a CSV cell that a spreadsheet shows as this very text (see the module doc)."""
    if not value:
        return value
    if code or _NUMBER_LIKE.fullmatch(value) or value.startswith(_FORMULA_START):
        if len(value) <= FORMULA_TEXT_MAX and "\n" not in value:
            return '="' + value.replace('"', '""') + '"'
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


def csv_cells(row: LedgerRow, plain: bool = False) -> list[str]:
    """A ledger row as CSV cells: dates as YYYY-MM-DD, and unless `plain`, text kept text."""
    cells = []
    for index, value in enumerate(row_values(row)):
        if value is None:
            cells.append("")
        elif isinstance(value, date):
            cells.append(value.isoformat())
        elif plain:
            cells.append(str(value))
        else:
            cells.append(spreadsheet_text(str(value), code=index in CODE_COLUMNS))
    return cells


def export_ledger(
    ledger: HazardLedger,
    f: LedgerFilter,
    path: Path,
    progress: Progress | None = None,
    *,
    author: str = "",
    plain: bool = False,
) -> int:
    """Write the hazards matching `f` to `path` (.xlsx or .csv); returns the number of rows.
    `author`: the office named in the .xlsx; `plain`: a .csv for programs (module doc)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError(f"不支持导出为 “{path.suffix or path.name}” 文件，请使用 .xlsx（Excel）或 .csv 扩展名")
    if not path.parent.is_dir():
        raise DomainError(f"导出文件夹 {path.parent} 不存在")
    total = ledger.count(f)
    batches = ledger.iter_rows(f, batch=2000, details=True)
    try:
        with replacing(path, f"{suffix}.part") as temp:
            rows = _counted(batches, total, progress)
            written = _write_xlsx(temp, rows, author) if suffix == ".xlsx" else _write_csv(temp, rows, plain)
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


def _write_csv(temp: Path, rows: Iterable[LedgerRow], plain: bool) -> int:
    count = 0
    with temp.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(HEADERS)
        for row in rows:
            out.writerow(csv_cells(row, plain))
            count += 1
    return count


def _write_xlsx(temp: Path, rows: Iterable[LedgerRow], author: str) -> int:
    book = Book(TITLE, author)
    table = book.table(TITLE, HEADERS, WIDTHS, wrap=WRAPPED)
    try:
        for row in rows:
            # openpyxl gives date values the yyyy-mm-dd number format: real date cells.
            table.append(row_values(row))
    except BaseException:
        book.abandon()
        raise
    book.save(temp)
    return table.rows
