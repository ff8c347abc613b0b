"""Importing an enterprise list from CSV or Excel, through the CLI a user would run, into a real database."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import openpyxl
import pytest

from inspector.cli.main import main
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise, EnterpriseSize
from inspector.importing.enterprise_import import (
    ImportFileError,
    ImportRejected,
    RowProblem,
    import_enterprises,
    read_enterprise_file,
)
from inspector.workspace import Workspace

ZH_HEADER = ["企业名称", "统一社会信用代码", "地址", "镇（街道）", "所属行业", "企业规模", "联系人", "联系电话"]


def code(n: int) -> str:
    """A valid credit code, different for every n."""
    return with_check_digit(f"91330482MA{n:07d}")


def wrong_check_digit(n: int) -> str:
    good = code(n)
    return good[:17] + ("1" if good[17] != "1" else "2")


def zh_row(n: int, name: str | None = None, town: str = "城关镇") -> list[str]:
    return [
        f"平湖市第{n}机械有限公司" if name is None else name,
        code(n),
        f"工业路 {n} 号",
        town,
        "机械制造",
        "小型",
        "张三",
        "13800138000",
    ]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)  # \r\n line ends, as Excel writes them
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "enterprises", *args])


def stored(data: Path) -> list[Enterprise]:
    workspace = Workspace(data)
    try:
        service = workspace.enterprises
        return service.get_many(service.search_ids())
    finally:
        workspace.close()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Belt and braces: never touch the developer's real data folder.
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


# --- files that import -----------------------------------------------------------------------


def test_chinese_headers_utf8_with_bom(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER, zh_row(1), zh_row(2)])
    assert f.read_bytes().startswith(b"\xef\xbb\xbf")

    assert run(data, "import", str(f)) == 0

    assert "已导入 2 家企业" in capsys.readouterr().out
    first = next(e for e in stored(data) if e.credit_code == code(1))
    # Every field but the id (name, code, town, address, industry, size, contact, phone).
    assert first == Enterprise(
        "平湖市第1机械有限公司",
        code(1),
        "城关镇",
        "工业路 1 号",
        "机械制造",
        EnterpriseSize.SMALL,
        "张三",
        "13800138000",
    )
    assert first.size is EnterpriseSize.SMALL


def test_gb18030_csv_as_excel_saves_it_on_chinese_windows(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write_csv(tmp_path / "gbk.csv", [ZH_HEADER, zh_row(1, "嘉兴市鑫瑞纺织有限公司"), zh_row(2)], "gb18030")
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")  # really not UTF-8

    assert run(data, "import", str(f)) == 0

    assert "已导入 2 家企业" in capsys.readouterr().out
    assert "嘉兴市鑫瑞纺织有限公司" in {e.name for e in stored(data)}


def test_english_headers_any_case_and_spacing(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = [" Name ", "Credit Code", "TOWN", "Address", "Industry", "Size", "Contact_Person", "contact phone"]
    f = write_csv(
        tmp_path / "list.csv",
        [header, ["Acme Ltd", code(7), "Dongjie", "1 Road", "chemicals", "medium", "Li", "0573-1234567"]],
        "utf-8",
    )

    assert run(data, "import", str(f)) == 0

    [acme] = stored(data)
    assert (acme.name, acme.credit_code, acme.town, acme.size) == (
        "Acme Ltd",
        code(7),
        "Dongjie",
        EnterpriseSize.MEDIUM,
    )
    assert acme.contact_phone == "0573-1234567"


def test_xlsx_with_title_row_and_numeric_phone(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    numeric_phone: list[object] = [*zh_row(2)[:7], 13900139000]
    f = write_xlsx(
        tmp_path / "名单.xlsx",
        [["2024 年城关镇重点企业名单"], [], ZH_HEADER, zh_row(1), [None] * 8, numeric_phone],
    )

    assert run(data, "import", str(f)) == 0

    assert "已导入 2 家企业" in capsys.readouterr().out
    phones = {e.credit_code: e.contact_phone for e in stored(data)}
    assert phones[code(2)] == "13900139000"  # not "13900139000.0"


def test_xlsx_row_numbers_are_the_ones_excel_shows(tmp_path: Path) -> None:
    f = write_xlsx(
        tmp_path / "名单.xlsx", [["标题"], ["制表日期：2024-05-01"], ZH_HEADER, zh_row(1), [], zh_row(2, name=" ")]
    )

    parsed = read_enterprise_file(f)

    assert [number for number, _ in parsed.rows] == [4]
    assert parsed.problems == [RowProblem(6, "企业名称：不能为空")]


# --- files that are refused, whole -----------------------------------------------------------


def test_three_bad_rows_reject_the_whole_file(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_digit = zh_row(3)
    bad_digit[1] = wrong_check_digit(3)
    rows = [ZH_HEADER, zh_row(1), bad_digit, zh_row(4, name=""), zh_row(5, town=""), zh_row(6)]
    f = write_csv(tmp_path / "名单.csv", rows)

    assert run(data, "import", str(f)) == 1

    err = capsys.readouterr().err
    assert "有 3 处问题，没有导入任何企业" in err
    assert f"第 3 行：统一社会信用代码：{wrong_check_digit(3)}：校验位错误" in err
    assert "第 4 行：企业名称：不能为空" in err
    assert "第 5 行：镇街道：不能为空" in err
    assert "第 2 行" not in err and "第 6 行" not in err
    assert "Traceback" not in err
    assert stored(data) == []  # the good rows were not written either


def test_duplicate_code_inside_the_file(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    again = zh_row(1, name="另一家公司")
    again[1] = code(1).lower()  # same code, typed differently
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER, zh_row(1), zh_row(2), again])

    assert run(data, "import", str(f)) == 1

    assert f"第 4 行：统一社会信用代码 {code(1)} 与第 2 行重复" in capsys.readouterr().err
    assert stored(data) == []


def test_code_already_in_the_database(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = Workspace(data)
    try:
        workspace.enterprises.add(Enterprise(name="早已登记的公司", credit_code=code(2), town="城关镇"))
    finally:
        workspace.close()
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER, zh_row(1), zh_row(2)])

    assert run(data, "import", str(f)) == 1

    assert f"第 3 行：统一社会信用代码 {code(2)} 已登记为“早已登记的公司”" in capsys.readouterr().err
    assert [e.name for e in stored(data)] == ["早已登记的公司"]


def test_dry_run_checks_and_writes_nothing(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER, zh_row(1), zh_row(2), zh_row(3)])

    assert run(data, "import", str(f), "--dry-run") == 0

    assert "检查通过：3 家企业可以导入（未写入）" in capsys.readouterr().out
    assert stored(data) == []


def test_missing_required_column(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write_csv(tmp_path / "名单.csv", [["企业名称", "地址", "联系人"], ["某公司", "某路", "王五"]])

    assert run(data, "import", str(f)) == 1

    err = capsys.readouterr().err
    assert "缺少必需的列：统一社会信用代码、镇街道" in err
    assert "找到的表头为：企业名称、地址、联系人" in err


def test_no_recognised_header_at_all(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write_csv(tmp_path / "名单.csv", [["甲", "乙"], ["1", "2"]])

    assert run(data, "import", str(f)) == 1

    assert "缺少必需的列：企业名称、统一社会信用代码、镇街道。找到的表头为：甲、乙" in capsys.readouterr().err


def test_unsupported_extension(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "名单.txt"
    f.write_text("企业名称,统一社会信用代码,镇街道\n", encoding="utf-8")

    assert run(data, "import", str(f)) == 1

    assert "不支持“名单.txt”这种文件，只能导入 Excel（.xlsx）或 CSV（.csv）文件" in capsys.readouterr().err


def test_corrupt_xlsx_gives_a_clear_message(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "名单.xlsx"
    f.write_bytes(os.urandom(4096))

    assert run(data, "import", str(f)) == 1

    err = capsys.readouterr().err
    assert "“名单.xlsx”不是有效的 Excel 文件或已损坏" in err
    assert "Traceback" not in err


def test_empty_file(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "名单.csv"
    f.write_bytes(b"")

    assert run(data, "import", str(f)) == 1

    assert "“名单.csv”是空的，没有任何数据" in capsys.readouterr().err


def test_header_only(tmp_path: Path) -> None:
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER])

    with pytest.raises(ImportFileError, match="只有表头，没有企业数据"):
        read_enterprise_file(f)


def test_missing_file(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "import", str(tmp_path / "没有这个文件.csv")) == 1

    assert "找不到文件" in capsys.readouterr().err


def test_csv_in_an_unknown_encoding(tmp_path: Path) -> None:
    f = tmp_path / "名单.csv"
    f.write_bytes(b"name,\xff\xff\xff\n")  # 0xFF starts no character in UTF-8 or GB18030

    with pytest.raises(ImportFileError, match="文字编码无法识别"):
        read_enterprise_file(f)


# --- details ---------------------------------------------------------------------------------


def test_bad_size_and_bad_phone_are_reported_together(tmp_path: Path) -> None:
    row = zh_row(1)
    row[5], row[7] = "巨型", "电话待补"
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER, row])

    [problem] = read_enterprise_file(f).problems

    assert problem.row_number == 2
    assert "联系电话：“电话待补”不是有效的电话号码" in problem.message
    assert "规模：“巨型”不是大型、中型、小型或微型" in problem.message


def test_credit_code_stored_as_a_number_gets_a_hint(tmp_path: Path) -> None:
    digits = next(c for n in range(100) if (c := with_check_digit(f"91330482{n:09d}")).isdigit())
    row: list[object] = [*zh_row(1)]
    row[1] = float(digits)  # what Excel keeps when the column is not formatted as text
    f = write_xlsx(tmp_path / "名单.xlsx", [ZH_HEADER, row])

    [problem] = read_enterprise_file(f).problems

    assert "Excel 只保留 15 位有效数字" in problem.message


def test_rejection_message_is_capped(tmp_path: Path) -> None:
    error = ImportRejected([RowProblem(n, "企业名称：不能为空") for n in range(2, 62)], "名单.csv")

    lines = str(error).splitlines()

    assert len(error.problems) == 60
    assert lines[0].startswith("“名单.csv”中有 60 处问题")
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == "…还有 10 处"


def test_import_through_the_service_returns_the_count(tmp_path: Path, data: Path) -> None:
    f = write_csv(tmp_path / "名单.csv", [ZH_HEADER, zh_row(1), zh_row(2)])
    workspace = Workspace(data)
    try:
        summary = import_enterprises(workspace.enterprises, f)
        assert (summary.count, summary.written) == (2, True)
        assert workspace.enterprises.count() == 2
    finally:
        workspace.close()


def test_list_searches_and_limits(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [ZH_HEADER, zh_row(1), zh_row(2), zh_row(3, town="东湖街道")]
    assert run(data, "import", str(write_csv(tmp_path / "名单.csv", rows))) == 0
    capsys.readouterr()

    assert run(data, "list", "--town", "城关镇") == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"平湖市第{n}机械有限公司\t{code(n)}\t城关镇" for n in (1, 2)]

    assert run(data, "list", "--search", "第3") == 0
    assert capsys.readouterr().out.splitlines() == [f"平湖市第3机械有限公司\t{code(3)}\t东湖街道"]

    assert run(data, "list", "--limit", "1") == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "共 3 家，只列出前 1 家" in captured.err
