"""Read the enterprise list an office keeps in Excel or CSV, and add it whole or not at all.

Offices keep these lists by hand, so the reader is forgiving about form (encoding, title rows
above the header, Chinese or English headers, numbers stored as numbers) and strict about
content: every bad row is reported with the row number the user sees in Excel, and one bad
row stops the whole import, so the register never holds half a file.

No Qt and no SQLAlchemy here: the register is reached through the small protocol below.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import openpyxl

from inspector.core import credit_code
from inspector.core.enterprise import Enterprise, EnterpriseSize, parse_above_scale, parse_headcount
from inspector.core.errors import DomainError, ValidationError
from inspector.core.risk_tags import RiskTagCatalog

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
MAX_TITLE_ROWS = 5  # rows of titles (“某某镇企业名单”, dates…) allowed above the header
MAX_LISTED_PROBLEMS = 50

# Field → accepted headers. Compared after _header_key, so case, spaces, underscores and
# full-width brackets do not matter.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "单位名称", "name"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "credit_code", "uscc"),
    "address": ("地址", "企业地址", "注册地址", "address"),
    "town": ("镇街道", "镇（街道）", "镇(街道)", "所属镇街", "town", "street"),
    "industry": ("行业", "所属行业", "industry"),
    "size": ("规模", "企业规模", "size"),
    "contact_person": ("联系人", "contact", "contact_person"),
    "contact_phone": ("联系电话", "电话", "手机", "phone", "contact_phone"),
    # Optional since risk tags (issue 14): older lists without these columns import as before.
    "risk_tags": ("风险标签", "标签", "风险类型", "risk_tags", "tags"),
    "headcount": ("从业人数", "职工人数", "员工人数", "人数", "headcount", "employees"),
    "above_scale": ("规上", "是否规上", "规上企业", "规模以上", "above_scale"),
}
REQUIRED_FIELDS = ("name", "credit_code", "town")
FIELD_LABELS = {
    "name": "企业名称",
    "credit_code": "统一社会信用代码",
    "address": "地址",
    "town": "镇街道",
    "industry": "行业",
    "size": "规模",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "risk_tags": "风险标签",
    "headcount": "从业人数",
    "above_scale": "规上",
}

RawRow = tuple[int, list[Any]]  # (row number as Excel shows it, cell values)


class ImportFileError(DomainError):
    """The file cannot be read as an enterprise list at all (missing, wrong type, damaged, no header)."""


@dataclass(frozen=True)
class RowProblem:
    row_number: int
    message: str

    def __str__(self) -> str:
        return f"第 {self.row_number} 行：{self.message}"


class ImportRejected(DomainError):
    """The file was read but some rows are wrong; nothing was written. `problems` lists them all."""

    def __init__(self, problems: Sequence[RowProblem], source: str = "") -> None:
        self.problems = list(problems)
        head = f"“{source}”中" if source else ""
        lines = [f"{head}有 {len(self.problems)} 处问题，没有导入任何企业，请改正后重新导入："]
        lines += [str(problem) for problem in self.problems[:MAX_LISTED_PROBLEMS]]
        hidden = len(self.problems) - MAX_LISTED_PROBLEMS
        if hidden > 0:
            lines.append(f"…还有 {hidden} 处")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class ParsedFile:
    """What a file holds: the valid rows (normalized) and every problem found in the others."""

    path: Path
    rows: list[tuple[int, Enterprise]]
    problems: list[RowProblem]


@dataclass(frozen=True)
class ImportSummary:
    count: int
    written: bool  # False for a dry run


class EnterpriseRegister(Protocol):
    """The part of EnterpriseService an import needs."""

    def existing_codes(self, codes: list[str]) -> dict[str, str]: ...

    def add_many(self, enterprises: Sequence[Enterprise]) -> list[str]: ...


# --- reading the file -------------------------------------------------------------------------


TagList = Callable[[], RiskTagCatalog]


def read_enterprise_file(path: Path | str, risk_tags: TagList | None = None) -> ParsedFile:
    """Parse a .csv or .xlsx enterprise list. Raises ImportFileError if it cannot be read at all.
    `risk_tags` gives the tag list a 风险标签 column is read with (asked only if there is one)."""
    path = Path(path)
    rows = _read_rows(path)
    columns, data_rows = _find_header(rows, path.name)
    if not data_rows:
        raise ImportFileError(f"“{path.name}”只有表头，没有企业数据")
    catalog: RiskTagCatalog | None = None
    if "risk_tags" in columns:
        if risk_tags is None:
            raise ImportFileError(f"“{path.name}”有风险标签列，但没有风险标签文件可以对照")
        catalog = risk_tags()
    valid: list[tuple[int, Enterprise]] = []
    problems: list[RowProblem] = []
    for row_number, cells in data_rows:
        try:
            valid.append((row_number, _enterprise(_row_values(cells, columns), catalog)))
        except ValidationError as error:
            problems.append(RowProblem(row_number, _describe(error.problems)))
    unique, duplicates = _split_duplicates(valid)
    return ParsedFile(path, unique, sorted(problems + duplicates, key=lambda p: p.row_number))


def _read_rows(path: Path) -> list[RawRow]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = "；旧的 .xls 请先在 Excel 中另存为 .xlsx" if suffix == ".xls" else ""
        raise ImportFileError(f"不支持“{path.name}”这种文件，只能导入 Excel（.xlsx）或 CSV（.csv）文件{hint}")
    if not path.is_file():
        raise ImportFileError(f"找不到文件“{path}”")
    return _read_csv(path) if suffix == ".csv" else _read_xlsx(path)


def _read_csv(path: Path) -> list[RawRow]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"无法读取“{path.name}”：{error.strerror}") from None
    text = _decode(data, path.name)
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(f"“{path.name}”不是有效的 CSV 文件：{error}") from None
    # One record is one Excel row even when a quoted cell spans several lines.
    return list(enumerate(records, start=1))


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (Excel's “CSV UTF-8”, with BOM) first; GB18030 is what “CSV” means on Chinese Windows
    and is a superset of GBK; UTF-16 only when its BOM says so (Excel's “Unicode text”)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        f"“{name}”的文字编码无法识别（既不是 UTF-8 也不是 GBK/GB18030），请在 Excel 中另存为“CSV UTF-8”后重试"
    )


def _read_xlsx(path: Path) -> list[RawRow]:
    damaged = ImportFileError(f"“{path.name}”不是有效的 Excel 文件或已损坏，请在 Excel 中打开并重新保存后再导入")
    # openpyxl reports a damaged file with whatever its zip/XML layers raise (BadZipFile,
    # KeyError, ParseError, ValueError…), so anything raised while reading means “damaged”.
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        raise ImportFileError(f"无法读取“{path.name}”：没有权限，或文件正被其他程序占用") from None
    except Exception:
        raise damaged from None
    try:
        if not workbook.worksheets:
            raise ImportFileError(f"“{path.name}”中没有工作表")
        sheet = workbook.worksheets[0]
        # Some exporters (WPS, report tools) write a wrong <dimension>; read-only mode trusts it
        # and would silently drop columns or rows unless it is reset.
        sheet.reset_dimensions()
        return list(enumerate((list(values) for values in sheet.iter_rows(min_row=1, values_only=True)), start=1))
    except ImportFileError:
        raise
    except Exception:
        raise damaged from None
    finally:
        workbook.close()  # read-only workbooks keep the file open (and locked on Windows) until closed


# --- cells ----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A cell as text. Excel stores phone numbers typed without a leading ' as numbers; they must
    come back as “13800138000”, not “13800138000.0”."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_blank(cells: list[Any]) -> bool:
    return not any(_text(cell) for cell in cells)


# --- header -----------------------------------------------------------------------------------


def _header_key(text: Any) -> str:
    # NFKC turns full-width brackets and letters into ASCII; a leading “*” marks required columns
    # in many templates.
    folded = unicodedata.normalize("NFKC", _text(text)).casefold()
    return re.sub(r"[\s_\-*]", "", folded)


_FIELD_BY_HEADER = {_header_key(alias): field for field, aliases in HEADER_ALIASES.items() for alias in aliases}


def _map_columns(cells: list[Any]) -> dict[str, int]:
    """Field → column index. When two columns mean the same field (电话 and 手机), the first wins."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        field = _FIELD_BY_HEADER.get(_header_key(cell))
        if field and field not in columns:
            columns[field] = index
    return columns


def _find_header(rows: list[RawRow], name: str) -> tuple[dict[str, int], list[RawRow]]:
    """The column map and the non-empty rows under the header."""
    filled = [(number, cells) for number, cells in rows if not _is_blank(cells)]
    if not filled:
        raise ImportFileError(f"“{name}”是空的，没有任何数据")
    for index, (_number, cells) in enumerate(filled[: MAX_TITLE_ROWS + 1]):
        columns = _map_columns(cells)
        if "name" in columns:
            missing = _missing_fields(columns)
            if missing:
                raise _columns_error(missing, cells, name)
            return columns, filled[index + 1 :]
    # No header row found: describe the first row, which is most likely the intended header.
    first = filled[0][1]
    raise _columns_error(_missing_fields(_map_columns(first)), first, name)


def _missing_fields(columns: dict[str, int]) -> list[str]:
    return [field for field in REQUIRED_FIELDS if field not in columns]


def _columns_error(missing: list[str], cells: list[Any], name: str) -> ImportFileError:
    labels = "、".join(FIELD_LABELS[field] for field in missing)
    found = "、".join(text for text in map(_text, cells) if text) or "（无）"
    return ImportFileError(f"“{name}”缺少必需的列：{labels}。找到的表头为：{found}")


# --- rows -------------------------------------------------------------------------------------


def _row_values(cells: list[Any], columns: dict[str, int]) -> dict[str, Any]:
    return {field: cells[index] if index < len(cells) else None for field, index in columns.items()}


def _enterprise(values: dict[str, Any], catalog: RiskTagCatalog | None = None) -> Enterprise:
    """A validated Enterprise from one row, or ValidationError naming every bad field at once."""
    problems: dict[str, str] = {}
    size = None
    try:
        size = EnterpriseSize.parse(_text(values.get("size")))
    except ValidationError as error:
        problems.update(error.problems)
    tags: tuple[str, ...] = ()
    headcount: int | None = None
    above_scale: bool | None = None
    try:
        tags = catalog.parse(_text(values.get("risk_tags"))) if catalog is not None else ()
    except ValidationError as error:
        problems.update(error.problems)
    try:
        headcount = parse_headcount(_text(values.get("headcount")))
    except ValidationError as error:
        problems.update(error.problems)
    try:
        above_scale = parse_above_scale(_text(values.get("above_scale")))
    except ValidationError as error:
        problems.update(error.problems)
    draft = Enterprise(
        name=_text(values.get("name")),
        credit_code=_text(values.get("credit_code")),
        town=_text(values.get("town")),
        address=_text(values.get("address")),
        industry=_text(values.get("industry")),
        size=size,
        contact_person=_text(values.get("contact_person")),
        contact_phone=_text(values.get("contact_phone")),
        risk_tags=tags,
        headcount=headcount,
        above_scale=above_scale,
    )
    valid: Enterprise | None = None
    try:
        valid = draft.validated()
    except ValidationError as error:
        problems = {**error.problems, **problems}
    if valid is not None and not problems:
        return valid
    if credit_code.FIELD in problems and _was_number(values.get("credit_code")):
        problems[credit_code.FIELD] += (
            "（该单元格是数字格式，Excel 只保留 15 位有效数字，请把这一列设为“文本”后重新输入）"
        )
    raise ValidationError(problems)


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+\d+$", re.IGNORECASE)


def _was_number(value: Any) -> bool:
    """True if Excel kept this cell as a number (or a CSV export wrote it as 9.13E+17): the 18-digit
    code has then already lost digits, which the clerk can only fix in the spreadsheet."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float) or bool(_SCIENTIFIC.match(_text(value)))


def _describe(problems: dict[str, str]) -> str:
    return "；".join(f"{field}：{message}" for field, message in problems.items())


def _split_duplicates(rows: list[tuple[int, Enterprise]]) -> tuple[list[tuple[int, Enterprise]], list[RowProblem]]:
    first_row: dict[str, int] = {}
    unique: list[tuple[int, Enterprise]] = []
    duplicates: list[RowProblem] = []
    for number, enterprise in rows:
        code = enterprise.credit_code
        if code in first_row:
            duplicates.append(RowProblem(number, f"统一社会信用代码 {code} 与第 {first_row[code]} 行重复"))
        else:
            first_row[code] = number
            unique.append((number, enterprise))
    return unique, duplicates


# --- importing --------------------------------------------------------------------------------


def import_enterprises(workspace_or_service: Any, path: Path | str, dry_run: bool = False) -> ImportSummary:
    """Check the whole file against itself and the register; write all of it or raise.

    `workspace_or_service` is a Workspace (its `.enterprises` is used) or an EnterpriseService.
    Raises ImportFileError if the file cannot be read, ImportRejected listing every problem.
    """
    register: EnterpriseRegister = getattr(workspace_or_service, "enterprises", workspace_or_service)
    parsed = read_enterprise_file(path, getattr(workspace_or_service, "risk_tags", None))
    problems = sorted(parsed.problems + _already_registered(register, parsed.rows), key=lambda p: p.row_number)
    if problems:
        raise ImportRejected(problems, parsed.path.name)
    if dry_run:
        return ImportSummary(len(parsed.rows), written=False)
    # add_many checks the codes again inside its transaction, so a clash with a concurrent
    # writer still ends in an error rather than a half-written import.
    register.add_many([enterprise for _number, enterprise in parsed.rows])
    return ImportSummary(len(parsed.rows), written=True)


def _already_registered(register: EnterpriseRegister, rows: list[tuple[int, Enterprise]]) -> list[RowProblem]:
    existing = register.existing_codes([enterprise.credit_code for _number, enterprise in rows])
    return [
        RowProblem(number, f"统一社会信用代码 {e.credit_code} 已登记为“{existing[e.credit_code]}”")
        for number, e in rows
        if e.credit_code in existing
    ]
