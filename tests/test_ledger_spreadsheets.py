"""The ledger files as a spreadsheet program really opens and prints them.

LibreOffice stands in for Excel and WPS: `soffice --headless --convert-to` opens our .csv with the
options a double-click gets (UTF-8 chosen by its byte-order mark) and our .xlsx as it is, and
writes what it read; we compare that cell by cell with the ledger. The .xlsx is also printed to
PDF to see the page setup take effect: A4 landscape, every column on the page, the header row
on every page.
"""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Severity
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.exporting.hazard_export import HEADERS, export_ledger, row_values, spreadsheet_text
from inspector.exporting.xlsx_file import wrapped_lines
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, LedgerRow
from inspector.services.hazards import HazardSource, NewHazard
from inspector.workspace import Workspace

ALL_DIGITS = "913304820000000077"  # a real register's kind of code: no letter in it
LONG_FORMULA_LIKE = "+" + "配电箱柜门未关闭，" * 40  # over 255 characters, starts like a formula
TRICKY = [
    # (location, description, measures, responsible person)
    ("3-4", "-3层配电箱柜门未关闭\n第二行：箱内积尘", "=立即关闭柜门", "13812345678"),
    ("0573", "1/2 车间通道堵塞", "@安全员 每日巡查", "王厂长 0573-85000000"),
    ("二号车间", LONG_FORMULA_LIKE, "1e5", "李工"),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HazardLedger]:
    ws = Workspace(tmp_path_factory.mktemp("spreadsheets") / "data")
    digits = ws.enterprises.add(Enterprise("平湖市数字代码示例有限公司", ALL_DIGITS, "新埭镇"))
    code = with_check_digit("91330482MA2B3C4D5")
    letters = ws.enterprises.add(Enterprise("平湖市字母代码示例有限公司", code, "当湖街道"))
    for n, (location, description, measures, person) in enumerate(TRICKY * 20):
        ws.hazards.raise_hazard(
            NewHazard(
                enterprise_id=digits if n % 2 == 0 else letters,
                description=description,
                found_on=date(2026, 4, 1 + n % 28),
                found_by="张检查、李检查",
                deadline=date(2026, 5, 1),
                severity=Severity.GENERAL,
                category=Category.FIRE,
                location_type=LocationType.WORKSHOP,
                location=location,
                source=HazardSource.SELF_CHECK,
                measures=measures,
                responsible_person=person,
            )
        )
    yield HazardLedger(ws.db, date(2026, 6, 15), ws.settings.timezone)
    ws.close()


def soffice(source: Path, target_format: str, out_dir: Path, profile: Path) -> Path:
    """Open `source` in LibreOffice without a screen and save it as `target_format`. A .csv is
    read as UTF-8, comma-separated, quotes as text delimiters, from line 1, every other import
    option at its default: what the import dialog offers for a file that starts with a UTF-8
    byte-order mark (headless, it would take the machine's locale instead)."""
    infilter = ["--infilter=CSV:44,34,76,1"] if source.suffix == ".csv" else []
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",  # its own profile: no clash with a running office
            "--headless",
            *infilter,
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{source.stem}.{target_format.split(':')[0]}"


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-profile")


def expected_rows(ledger: HazardLedger) -> list[LedgerRow]:
    return [row for batch in ledger.iter_rows(LedgerFilter(), details=True) for row in batch]


DESCRIPTION = HEADERS.index("隐患描述")


def as_read(value: object) -> object:
    """A ledger value as a spreadsheet should hold it: dates as dates, the rest as its text."""
    return value if isinstance(value, date) or value is None else str(value) or None


def cell(value: object) -> object:
    if isinstance(value, datetime):
        return value.date()
    return None if value == "" else value


def test_spreadsheet_text_keeps_codes_and_leaves_prose_alone() -> None:
    assert spreadsheet_text(ALL_DIGITS, code=True) == f'="{ALL_DIGITS}"'
    assert spreadsheet_text("91330482MA2B3C4D5E", code=True) == '="91330482MA2B3C4D5E"'
    assert spreadsheet_text("3-4") == '="3-4"'
    assert spreadsheet_text('=他说"好"') == '="=他说""好"""'
    assert spreadsheet_text("二号车间东侧") == "二号车间东侧"
    assert spreadsheet_text("") == ""
    assert spreadsheet_text(LONG_FORMULA_LIKE) == "'" + LONG_FORMULA_LIKE
    assert spreadsheet_text("-3层\n第二行") == "'-3层\n第二行"


def test_csv_opened_by_a_spreadsheet_keeps_every_cell(ledger: HazardLedger, tmp_path: Path, profile: Path) -> None:
    out = tmp_path / "台账.csv"
    assert export_ledger(ledger, LedgerFilter(), out) == 60
    opened = load_workbook(soffice(out, "xlsx", tmp_path / "lo", profile), data_only=True).active
    rows = list(opened.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    expected = expected_rows(ledger)
    assert len(rows) == len(expected) + 1
    for row, got in zip(expected, rows[1:], strict=True):
        want = [as_read(v) for v in row_values(row)]
        if str(want[DESCRIPTION]).startswith(("+", "-")):
            want[DESCRIPTION] = f"'{want[DESCRIPTION]}"  # the guard shows: better than a formula error
        assert [cell(v) for v in got] == want
    codes = {r[HEADERS.index("统一社会信用代码")] for r in rows[1:]}
    assert ALL_DIGITS in codes and all(isinstance(c, str) for c in codes)


def test_plain_csv_is_the_raw_text(ledger: HazardLedger, tmp_path: Path) -> None:
    out = tmp_path / "plain.csv"
    export_ledger(ledger, LedgerFilter(), out, plain=True)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    expected = expected_rows(ledger)
    for row, got in zip(expected, rows[1:], strict=True):
        assert got == ["" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in row_values(row)]
    assert not any(c.startswith('="') for r in rows for c in r)


def test_xlsx_read_back_by_a_spreadsheet_cell_by_cell(ledger: HazardLedger, tmp_path: Path, profile: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger(ledger, LedgerFilter(), out, author="平湖市总工会")
    book = load_workbook(out)
    assert (book.properties.title, book.properties.creator) == ("隐患台账", "平湖市总工会")
    sheet = book.active
    assert sheet.auto_filter.ref == "A1:V61"
    assert sheet.print_title_rows == "$1:$1"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["I2"].alignment.wrap_text and not sheet["B2"].alignment.wrap_text  # description, date
    two_lines = next(r for r in range(2, 62) if "\n" in str(sheet[f"I{r}"].value))
    assert sheet.row_dimensions[two_lines].height >= 30

    # Saved again by LibreOffice as .xlsx: the same values, types and filter.
    again = load_workbook(soffice(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", profile), data_only=True)
    rows = list(again.active.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    for row, got in zip(expected_rows(ledger), rows[1:], strict=True):
        assert [cell(v) for v in got] == [as_read(v) for v in row_values(row)]
    assert again.active.auto_filter.ref == "A1:V61"


def test_xlsx_prints_landscape_with_all_columns_and_the_header_on_every_page(
    ledger: HazardLedger, tmp_path: Path, profile: Path
) -> None:
    out = tmp_path / "ledger.xlsx"
    export_ledger(ledger, LedgerFilter(), out, author="平湖市总工会")
    printed = soffice(out, "pdf", tmp_path / "lo", profile)
    pdf = PdfReader(printed)
    assert len(pdf.pages) >= 2  # 60 rows, many of them several lines high
    for number, page in enumerate(pdf.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 landscape
        # pdftotext, not pypdf: it reads the text right even where no Chinese font drew it.
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(printed), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        # Every header on every page: all columns fit the width and the header row repeats.
        assert all(header in text for header in HEADERS), text[:200]


def test_wrapped_lines_counts_chinese_as_double_width() -> None:
    assert wrapped_lines("abc", 10) == 1
    assert wrapped_lines("配电箱柜门未关闭" * 2, 10) == 4  # 16 characters, 4 a line
    assert wrapped_lines("第一行\n第二行", 20) == 2
