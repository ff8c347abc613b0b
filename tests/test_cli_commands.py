"""The `inspector` command line through `main([...])`: demo, stats, forms, the data folder, and
user mistakes ending in one line on stderr with exit 1, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector import __version__
from inspector.cli.main import main
from inspector.db.database import DB_NAME
from inspector.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_FORM = ROOT / "forms" / "general-manufacturing.toml"
STATS_KEYS = {
    "enterprises",
    "inspections",
    "hazards_found",
    "hazards_rectified",
    "rectification_rate",
    "overdue",
    "grades",
    "lights",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("错误：")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo folder made through the CLI, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("cli-demo") / "data"
    assert main(["--data-dir", str(folder), "demo", "--enterprises", "20", "--years", "1"]) == 0
    return folder


# -- version and help ----------------------------------------------------------------------------
def test_version_prints_the_version_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"inspector {__version__}"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys)
    assert code == 0
    assert "usage: inspector" in out


# -- demo and stats ------------------------------------------------------------------------------
def test_demo_fills_the_data_folder(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "fresh"
    code, out, err = run(capsys, "--data-dir", str(folder), "demo", "--enterprises", "4", "--years", "1")
    assert code == 0
    assert out.startswith(f"演示数据已写入 {folder}")
    assert "企业 4" in out
    assert "生成" in err  # progress goes to stderr
    workspace = Workspace(folder)
    try:
        assert workspace.enterprises.count() == 4
        assert workspace.hazards.count() > 0
    finally:
        workspace.close()


def test_demo_folder_holds_the_demo(demo_dir: Path) -> None:
    assert (demo_dir / DB_NAME).is_file()
    workspace = Workspace(demo_dir)
    try:
        assert workspace.enterprises.count() == 20
        assert workspace.hazards.count() > 0
    finally:
        workspace.close()


def test_stats_json_has_every_figure_and_equals_the_workspace(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "stats", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert set(figures) >= STATS_KEYS
    assert set(figures["grades"]) == {"A", "B", "C", "D", "pending"}
    assert set(figures["lights"]) == {"green", "yellow", "red"}
    assert figures["enterprises"] == 20
    workspace = Workspace(demo_dir)
    try:
        assert figures == workspace.stats().as_dict()
    finally:
        workspace.close()


def test_stats_json_for_a_past_year(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--data-dir", str(demo_dir), "stats", "--json", "--year", "2001")
    assert code == 0
    figures = json.loads(out)
    assert figures["year"] == 2001
    assert (figures["inspections"], figures["hazards_found"], figures["rectification_rate"]) == (0, 0, None)
    assert figures["grades"]["pending"] == 20


def test_stats_text_shows_the_rectification_rate(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--data-dir", str(demo_dir), "stats")
    assert code == 0
    rate_line = next(line for line in out.splitlines() if "整改率" in line)
    workspace = Workspace(demo_dir)
    try:
        stats = workspace.stats()
    finally:
        workspace.close()
    expected = "—" if stats.rectification_rate is None else f"{stats.rectification_rate:.1f}%"
    assert rate_line.split()[-1] == expected
    assert f"在册企业     {stats.enterprises}" in out
    assert "待评" in out


def test_stats_of_an_empty_folder_shows_no_rate(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "stats")
    assert code == 0
    assert "整改率       —" in out
    assert "（本年尚无）" in out


def test_demo_twice_is_refused_with_one_line(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "demo", "--enterprises", "20", "--years", "1")
    assert code == 1
    assert_one_line_error(err)
    assert "已有数据" in err
    assert out == ""
    workspace = Workspace(demo_dir)
    try:
        assert workspace.enterprises.count() == 20
    finally:
        workspace.close()


def test_demo_with_no_enterprises_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "demo", "--enterprises", "0")
    assert code == 1
    assert_one_line_error(err)


def test_stats_on_a_broken_database_is_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"not a database at all " * 400)
    code, out, err = run(capsys, "stats", "--json")
    assert code == 1
    assert out == ""
    assert_one_line_error(err)
    assert str(data_dir / DB_NAME) in err


# -- forms ---------------------------------------------------------------------------------------
def test_forms_validate_the_shipped_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "forms", "validate", str(SHIPPED_FORM))
    assert code == 0, err
    assert "有效 valid" in out
    assert "general-manufacturing v" in out


def test_forms_validate_every_shipped_file_templates_and_clause_library(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted((ROOT / "forms").glob("*.toml"))
    code, out, err = run(capsys, "forms", "validate", *map(str, files))
    assert code == 0, err
    assert len(files) == 8 and out.count("有效 valid") == 8
    assert "风险标签 10 个（涉粉、涉氨、有限空间、喷涂" in out
    assert "重大事故隐患条款库，32 种情形" in out
    for name in ("combustible-dust", "confined-space", "small-firms", "rented-factory", "machinery-painting"):
        assert f"{name} v1《" in out
    assert "general-manufacturing v2《" in out and "否决项：A-5（MEM10-3-1）；H-2（MEM10-13-1、MEM10-13-2）" in out


def office_form(data_dir: Path, name: str, text: str) -> Path:
    forms = data_dir / "forms"
    forms.mkdir(parents=True, exist_ok=True)
    path = forms / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_veto_item_that_cites_no_case_is_not_offered(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SHIPPED_FORM.read_text(encoding="utf-8")
    text = text.replace('code = "general-manufacturing"', 'code = "office-own"')
    text = text.replace('  clauses = ["MEM10-11-1", "MEM10-11-3", "MEM10-11-10"]\n', "")
    path = office_form(data_dir, "office-own.toml", text)
    code, _out, err = run(capsys, "forms", "validate", str(path))
    assert code == 1
    assert "项 H-3 否决项须用 clauses 注明" in err
    code, out, _err = run(capsys, "forms", "list")
    assert f"{path}  无效（1 处问题" in out


def test_an_office_clause_library_adds_cases_but_may_not_reuse_an_id(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = (ROOT / "forms" / "major-hazard-clauses.toml").read_text(encoding="utf-8")
    library = office_form(data_dir, "major-hazard-clauses.toml", shipped.replace('"MEM10"', '"OFFICE1"'))
    code, out, err = run(capsys, "forms", "validate", str(SHIPPED_FORM), str(library))
    assert code == 0, err
    assert f"{library}: 有效 valid — 重大事故隐患条款库" in out
    library.write_text(shipped, encoding="utf-8")  # the office's file repeats the shipped ids
    code, _out, err = run(capsys, "forms", "validate", str(SHIPPED_FORM))
    assert code == 1
    assert "编号已在前面的条款库中使用：MEM10-3-1" in err
    code, out, _err = run(capsys, "forms", "list")
    assert "general-manufacturing.toml  无效" in out


def broken_form(tmp_path: Path) -> tuple[Path, int]:
    """The shipped form with one item's weight made negative; returns the file and that line."""
    lines = SHIPPED_FORM.read_text(encoding="utf-8").splitlines()
    index = lines.index('  code = "B-1"')
    weight = next(i for i in range(index, len(lines)) if lines[i].strip().startswith("weight ="))
    lines[weight] = "  weight = -1.5"
    path = tmp_path / "broken.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, weight + 1


def test_forms_validate_a_broken_form_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = broken_form(tmp_path)
    code, out, err = run(capsys, "forms", "validate", str(path))
    assert code == 1
    assert "Traceback" not in err
    assert f"{path}:{line}:" in err
    assert "B-1" in err and "weight" in err
    assert out == ""


def test_forms_validate_a_toml_syntax_error_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "syntax.toml"
    path.write_text('format = 1\ncode = "x-y"\nversion = = 2\n', encoding="utf-8")
    code, _out, err = run(capsys, "forms", "validate", str(path))
    assert code == 1
    assert f"{path}:3:" in err
    assert "TOML 语法错误" in err


def test_forms_validate_several_files_fails_if_any_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _line = broken_form(tmp_path)
    code, out, err = run(capsys, "forms", "validate", str(SHIPPED_FORM), str(path), str(tmp_path / "missing.toml"))
    assert code == 1
    assert str(SHIPPED_FORM) in out
    assert str(path) in err
    assert "文件不存在" in err


def test_forms_list_shows_the_shipped_form(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "forms", "list")
    assert code == 0
    assert any(line.startswith("general-manufacturing") for line in out.splitlines())


def test_forms_list_includes_the_data_folders_forms(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken, _line = broken_form(tmp_path)
    forms = data_dir / "forms"
    forms.mkdir(parents=True)
    (forms / "office-own.toml").write_text(broken.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _err = run(capsys, "forms", "list")
    assert code == 0
    assert f"{forms / 'office-own.toml'}  无效" in out


# -- the data folder -----------------------------------------------------------------------------
def test_data_dir_option_is_respected(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chosen = tmp_path / "chosen"
    code, _out, _err = run(capsys, "--data-dir", str(chosen), "demo", "--enterprises", "3", "--years", "1")
    assert code == 0
    assert (chosen / DB_NAME).is_file()
    assert not (data_dir / DB_NAME).exists()  # INSPECTOR_DATA_DIR points here; the option wins


def test_environment_variable_is_respected(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert os.environ["INSPECTOR_DATA_DIR"] == str(data_dir)
    code, _out, _err = run(capsys, "demo", "--enterprises", "3", "--years", "1")
    assert code == 0
    assert (data_dir / DB_NAME).is_file()
    code, out, _err = run(capsys, "stats", "--json")
    assert code == 0
    assert json.loads(out)["enterprises"] == 3


def test_environment_variable_chooses_where_forms_are_listed_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "forms").mkdir(parents=True)
    (elsewhere / "forms" / "mine.toml").write_text("format = 2\n", encoding="utf-8")
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(elsewhere))
    code, out, _err = run(capsys, "forms", "list")
    assert code == 0
    assert str(elsewhere / "forms" / "mine.toml") in out


# -- a real process ------------------------------------------------------------------------------
def test_stats_json_in_a_subprocess(demo_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    completed = subprocess.run(
        [sys.executable, "-m", "inspector.cli.main", "--data-dir", str(demo_dir), "stats", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["enterprises"] == 20


def test_user_error_in_a_subprocess_exits_1_without_traceback(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"garbage " * 1000)
    completed = subprocess.run(
        [sys.executable, "-m", "inspector.cli.main", "--data-dir", str(data_dir), "stats"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=120,
    )
    assert completed.returncode == 1
    assert_one_line_error(completed.stderr)


def test_progress_is_redrawn_only_on_a_terminal() -> None:
    import io

    from inspector.cli.common import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    log = io.StringIO()
    logged = progress_bar("导出中", stream=log)
    assert logged is not None
    for done in range(5):
        logged(done, 4)
    assert log.getvalue() == "导出中 4/4\n"  # a log file or a pipe gets one line, no \r redraws
    assert progress_bar("导出中", quiet=True, stream=Terminal()) is None
    screen = Terminal()
    show = progress_bar("导出中", stream=screen)
    assert show is not None
    show(0, 4)
    show(4, 4)
    assert screen.getvalue().startswith("\r导出中 [") and screen.getvalue().endswith("4/4\n")
