"""Export of the hazard ledger to .xlsx and .csv, and the `inspector hazards` command."""

from __future__ import annotations

import argparse
import csv
import json
import os
import stat
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.cli import hazards_command
from inspector.core.errors import DomainError
from inspector.exporting.hazard_export import HEADERS, export_ledger
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter
from inspector.workspace import Workspace
from tests.prepared_data import HAZARD_CITY, TODAY, DemoCopies


@pytest.fixture(scope="module")
def hazard_city(module_demo_workspace: DemoCopies) -> Workspace:
    """Seed 3 rather than the shared city's: its first hazard's enterprise is a 有限公司, which the
    xlsx test reads back."""
    return module_demo_workspace(replace(HAZARD_CITY, seed=3), TODAY)


@pytest.fixture(scope="module")
def ledger(hazard_city: Workspace) -> HazardLedger:
    return HazardLedger(hazard_city.db, TODAY, hazard_city.settings.timezone)


def test_xlsx_export_reads_back(ledger: HazardLedger, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    seen: list[tuple[int, int]] = []
    count = export_ledger(ledger, LedgerFilter(), out, lambda done, total: seen.append((done, total)))
    total = ledger.count(LedgerFilter())
    assert count == total > 100
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    sheet = load_workbook(out, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert len(rows) == total + 1
    first = ledger.rows(ledger.ids(LedgerFilter())[:1])[0]
    assert rows[1][1] == first.enterprise_name and rows[1][1].endswith(("有限公司", "有限责任公司"))
    assert isinstance(rows[1][0], datetime) and rows[1][0].date() == first.found_on
    assert rows[1][8].date() == first.deadline
    assert rows[1][5] in ("一般隐患", "疑似重大隐患", "疑似重大隐患（已移送）", "重大隐患")
    closed = [r for r in rows[1:] if r[11] is not None]
    assert closed and all(isinstance(r[11], datetime) for r in closed)
    assert any(r[9] == "通过" and isinstance(r[10], datetime) for r in closed)
    cells = load_workbook(out).active
    assert cells["A2"].is_date and cells["A2"].number_format == "yyyy-mm-dd"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_csv_export_has_bom_and_header(ledger: HazardLedger, tmp_path: Path) -> None:
    f = LedgerFilter(found_from=date(2025, 1, 1), found_to=date(2025, 12, 31))
    out = tmp_path / "ledger.CSV"
    count = export_ledger(ledger, f, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == HEADERS
    assert len(rows) - 1 == count == ledger.count(f)
    assert all(r[0].startswith("2025-") and len(r[0]) == 10 for r in rows[1:])
    assert all(r[11] == "" or date.fromisoformat(r[11]) for r in rows[1:])


@pytest.mark.parametrize("name", ["ledger.xlsx", "ledger.csv"])
def test_export_gets_the_umask_mode_not_mkstemps_0600(ledger: HazardLedger, tmp_path: Path, name: str) -> None:
    old = os.umask(0o027)
    try:
        export_ledger(ledger, LedgerFilter(), tmp_path / name)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640


def test_bad_extension_is_refused(ledger: HazardLedger, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match=r"\.xlsx"):
        export_ledger(ledger, LedgerFilter(), tmp_path / "ledger.pdf")
    with pytest.raises(DomainError, match="不存在"):
        export_ledger(ledger, LedgerFilter(), tmp_path / "missing" / "ledger.csv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["ledger.xlsx", "ledger.csv"])
def test_failed_export_leaves_no_file(ledger: HazardLedger, tmp_path: Path, name: str) -> None:
    def fail(done: int, total: int) -> None:
        if done > 0:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        export_ledger(ledger, LedgerFilter(), tmp_path / name, fail)
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_the_previous_file(ledger: HazardLedger, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    out.write_text("old", encoding="utf-8")

    def fail(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_ledger(ledger, LedgerFilter(), out, fail)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.csv"]


# -- the command line ---------------------------------------------------------------------------
def parse(workspace: Workspace, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="inspector")
    parser.add_argument("--data-dir")
    hazards_command.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["--data-dir", str(workspace.data_dir), *argv])


def test_cli_export_with_filters(
    hazard_city: Workspace, ledger: HazardLedger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "major.xlsx"
    args = parse(hazard_city, "hazards", "export", "--out", str(out), "--severity", "general", "--year", "2025")
    assert args.run(args) == 0
    expected = ledger.count(
        LedgerFilter(severity="general", found_from=date(2025, 1, 1), found_to=date(2025, 12, 31))  # type: ignore[arg-type]
    )
    assert f"已导出 {expected} 条" in capsys.readouterr().out
    assert len(list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))) == expected + 1

    out = tmp_path / "open.csv"
    args = parse(
        hazard_city, "hazards", "export", "--out", str(out), "--status", "rectifying", "--status", "recorded", "--quiet"
    )
    assert args.run(args) == 0
    with out.open(encoding="utf-8-sig") as stream:
        statuses = {row[-1].removesuffix("（逾期）") for row in list(csv.reader(stream))[1:]}
    assert statuses <= {"整改中", "已登记"}

    for extra in (["--overdue"], ["--due-within", "10"], ["--from", "2025-02-01", "--to", "2025-03-01"]):
        args = parse(hazard_city, "hazards", "export", "--out", str(tmp_path / "x.csv"), "--quiet", *extra)
        assert args.run(args) == 0


def test_cli_export_mistakes_are_domain_errors(hazard_city: Workspace, tmp_path: Path) -> None:
    args = parse(hazard_city, "hazards", "export", "--out", str(tmp_path / "x.csv"), "--from", "2025-13-01")
    with pytest.raises(DomainError, match="YYYY-MM-DD"):
        args.run(args)
    args = parse(
        hazard_city, "hazards", "export", "--out", str(tmp_path / "x.csv"), "--year", "2025", "--to", "2025-05-01"
    )
    with pytest.raises(DomainError, match="--year"):
        args.run(args)
    args = parse(hazard_city, "hazards", "export", "--out", str(tmp_path / "x.txt"))
    with pytest.raises(DomainError, match="不支持"):
        args.run(args)


def test_cli_figures(hazard_city: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse(hazard_city, "hazards", "figures", "--year", "2025", "--by", "town", "--json")
    assert args.run(args) == 0
    data = json.loads(capsys.readouterr().out)
    total = data["rows"][-1]
    stats = hazard_city.stats(2025)
    assert (total["found"], total["rectified"], total["rate"], total["overdue"]) == (
        stats.hazards_found,
        stats.hazards_rectified,
        stats.rectification_rate,
        stats.overdue,
    )
    args = parse(hazard_city, "hazards", "figures", "--year", "2025", "--by", "severity")
    assert args.run(args) == 0
    out = capsys.readouterr().out
    assert "一般隐患" in out and "合计" in out and f"{stats.hazards_found}" in out


def test_hazards_commands_are_registered_in_the_main_cli(tmp_path: Path) -> None:
    from inspector.cli.main import main

    out = tmp_path / "empty.csv"
    assert main(["--data-dir", str(tmp_path / "data"), "hazards", "export", "--out", str(out), "--quiet"]) == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("发现日期")
