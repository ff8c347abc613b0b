"""Export of the hazard ledger to .xlsx and .csv, and the `inspector hazards` command."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import stat
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.cli import hazards_command
from inspector.core.categories import Category
from inspector.core.checklist import Severity
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.hazard_number import hazard_number
from inspector.exporting.hazard_export import HEADERS, export_ledger
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter
from inspector.reports.sample_documents import sample_photo_bytes
from inspector.workspace import Workspace
from tests.prepared_data import HAZARD_CITY, TODAY, DemoCopies
from tests.sample_records import add_enterprise, sample_hazard, start_inspection


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
    name, found, deadline, level, closed_on, recheck, recheck_on = (
        HEADERS.index(h) for h in ("企业名称", "发现日期", "整改期限", "隐患等级", "销号日期", "复查结果", "复查日期")
    )
    assert rows[1][0] == first.number  # 隐患编号 first
    assert rows[1][name] == first.enterprise_name and rows[1][name].endswith(("有限公司", "有限责任公司"))
    assert isinstance(rows[1][found], datetime) and rows[1][found].date() == first.found_on
    assert rows[1][deadline].date() == first.deadline
    assert rows[1][level] in ("一般隐患", "重大隐患")
    closed = [r for r in rows[1:] if r[closed_on] is not None]
    assert closed and all(isinstance(r[closed_on], datetime) for r in closed)
    assert any(r[recheck] == "通过" and isinstance(r[recheck_on], datetime) for r in closed)
    cells = load_workbook(out).active
    assert cells["B2"].is_date and cells["B2"].number_format == "yyyy-mm-dd"
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
    found, closed_on = HEADERS.index("发现日期"), HEADERS.index("销号日期")
    assert all(r[found].startswith("2025-") and len(r[found]) == 10 for r in rows[1:])
    assert all(r[closed_on] == "" or date.fromisoformat(r[closed_on]) for r in rows[1:])


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
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("隐患编号,发现日期")


def test_the_filed_ledger_columns(workspace: Workspace, tmp_path: Path) -> None:
    """隐患编号, 检查人员, 镇街道, 类别, 来源, 依据 / 重大隐患条款, 通知书编号, 验收人 and the
    extension history, for a hazard taken through a notice, an extension and a re-check."""
    day = date(2026, 4, 1)
    at = datetime(2026, 4, 1, 2, tzinfo=UTC)
    enterprise_id = add_enterprise(workspace, "平湖市台账示例有限公司", 401, "独山港镇")
    inspection_id = start_inspection(workspace, enterprise_id, day)
    hazard_id = workspace.hazards.raise_hazard(
        sample_hazard(
            enterprise_id,
            day,
            inspection_id=inspection_id,
            category=Category.FIRE,
            location="二号车间东侧",
            legal_basis="《消防法》第二十八条",
            major_clause="GB 35181-2017 第 5.3 条",
            severity=Severity.MAJOR,
        ),
        at=at,
    )
    workspace.roster.set_permits({"张检查": "PH-JD-061", "李检查": "PH-JD-062", "周主席": ""})
    notice = workspace.notices.issue(
        [hazard_id],
        order_type="deadline",
        issued_by=["张检查", "李检查"],
        signed_by="周主席",
        recheck_on=date(2026, 4, 20),
        inspection_id=inspection_id,
        at=at,
    )
    steps = [
        (HazardAction.START_RECTIFYING, "企业安全员", "", None),
        (HazardAction.REQUEST_EXTENSION, "企业安全员", "设备到货晚", date(2026, 4, 20)),
        (HazardAction.APPROVE_EXTENSION, "张检查", "", None),
        (HazardAction.REQUEST_RECHECK, "企业安全员", "", None),
        (HazardAction.PASS_RECHECK, "李检查", "", None),
        (HazardAction.CLOSE, "张检查", "", None),
    ]
    for hour, (action, by, note, deadline) in enumerate(steps, start=1):
        photos = [workspace.photos.import_bytes(sample_photo_bytes(hour, (320, 240)), "after.jpg")]
        workspace.hazards.act(
            hazard_id,
            action,
            by,
            note,
            photos if action is HazardAction.REQUEST_RECHECK else (),
            deadline,
            at + timedelta(days=hour, hours=1),
        )
    out = tmp_path / "台账.csv"
    assert export_ledger(workspace.ledger(), LedgerFilter(), out, plain=True) == 1
    with out.open(encoding="utf-8-sig", newline="") as stream:
        header, row = list(csv.reader(stream))
    got = dict(zip(header, row, strict=True))
    assert re.fullmatch(r"YH-2026-[0-9A-F]{5}-[0-9A-F]{5}", got["隐患编号"])
    assert got["隐患编号"] == hazard_number(hazard_id, day)  # the same on every copy: read off the id
    assert got["检查人员"] == "张检查、李检查"
    assert (got["镇街道"], got["类别"], got["来源"]) == ("独山港镇", "消防安全", "检查发现")
    assert got["依据/重大隐患条款"] == "《消防法》第二十八条；GB 35181-2017 第 5.3 条"
    assert got["通知书编号"] == notice.number
    assert got["验收人"] == "李检查"
    assert got["延期记录"] == (
        "2026-04-03 申请延期至 2026-04-20（企业安全员）：设备到货晚；2026-04-04 批准延期（张检查）"
    )
    assert (got["整改期限"], got["复查结果"], got["状态"]) == ("2026-04-20", "通过", "已销号")
