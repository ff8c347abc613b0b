"""Coverage planning (not yet inspected this year, by town; assignments) and the round's CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.cli.main import main
from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.db.database import DB_NAME
from inspector.workspace import Workspace


def add(ws: Workspace, name: str, town: str, seq: int) -> str:
    return ws.enterprises.add(Enterprise(name, with_check_digit(f"91330482000001{seq:03d}"), town))


def inspect(ws: Workspace, enterprise_id: str, inspectors: list[str], day: date = date(2026, 3, 2)) -> str:
    inspection = ws.inspections.start(enterprise_id, ws.default_template_id(), day, inspectors)
    for item in ws.inspections.template_of(inspection).items:
        ws.inspections.answer(inspection, item.code, Result.PASS)
    ws.inspections.complete(inspection)
    return inspection


@pytest.fixture
def city(workspace: Workspace) -> dict[str, str]:
    ws = workspace
    people = [ws.roster.add("张检查"), ws.roster.add("李检查")]
    ids = {
        "a1": add(ws, "平湖市甲一有限公司", "当湖街道", 1),
        "a2": add(ws, "平湖市甲二有限公司", "当湖街道", 2),
        "a3": add(ws, "平湖市甲三有限公司", "当湖街道", 3),
        "b1": add(ws, "平湖市乙一有限公司", "新埭镇", 4),
        "b2": add(ws, "平湖市乙二有限公司", "新埭镇", 5),
    }
    inspect(ws, ids["a1"], people)
    inspect(ws, ids["b1"], people, date(2025, 5, 1))  # last year: not covered this year
    draft = ws.inspections.start(ids["b2"], ws.default_template_id(), date(2026, 4, 1), people)
    assert draft  # a draft does not count as inspected
    return ids


def test_counts_by_town_and_assignments(workspace: Workspace, city: dict[str, str]) -> None:
    ws = workspace
    coverage = ws.coverage.coverage(2026)
    assert [(t.town, t.enterprises, t.inspected, t.assigned, t.unassigned) for t in coverage.towns] == [
        ("当湖街道", 3, 1, 0, 2),
        ("新埭镇", 2, 0, 0, 2),
    ]
    assert coverage.total.percent == 20.0
    ws.coverage.assign(with_check_digit("91330482000001002"), "张检查", 2026, "王科长", "三月底前")
    ws.coverage.assign(city["b2"], "李检查", 2026)
    ws.coverage.assign(city["b2"], "张检查", 2026)  # handed to someone else: still one row
    coverage = ws.coverage.coverage(2026)
    assert [(t.assigned, t.unassigned) for t in coverage.towns] == [(1, 1), (1, 1)]
    assert {u.name: u.inspector for u in coverage.uninspected} == {
        "平湖市甲二有限公司": "张检查",
        "平湖市甲三有限公司": None,
        "平湖市乙一有限公司": None,
        "平湖市乙二有限公司": "张检查",
    }
    rows = sqlite3.connect(ws.data_dir / DB_NAME).execute("SELECT count(*), max(device_id) FROM assignments").fetchone()
    assert rows == (2, ws.db.device_id)  # tracked rows: sync carries them to the laptops
    only = ws.coverage.coverage(2026, "新埭镇")
    assert [t.town for t in only.towns] == ["新埭镇"] and len(only.uninspected) == 2
    assert ws.coverage.unassign(city["b2"], 2026) is True


def test_bad_assignments_are_refused(workspace: Workspace, city: dict[str, str]) -> None:
    with pytest.raises(DomainError, match="找不到企业"):
        workspace.coverage.assign("913304820000009999", "张检查", 2026)
    with pytest.raises(DomainError, match="名单中没有"):
        workspace.coverage.assign(city["a2"], "赵无名", 2026)
    workspace.roster.add("张检查")
    with pytest.raises(DomainError, match="2 位"):
        workspace.coverage.assign(city["a2"], "张检查", 2026)
    with pytest.raises(DomainError, match="镇街道"):
        workspace.coverage.coverage(2026, "不存在镇")


def test_cli_coverage_and_grading(
    workspace: Workspace, city: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(workspace.data_dir)
    assert main(["--data-dir", data, "coverage", "--year", "2026", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"]["inspected"] == 1 and len(out["uninspected"]) == 4
    assert main(["--data-dir", data, "coverage", "assign", city["a3"], "李检查", "--year", "2026"]) == 0
    assert main(["--data-dir", data, "coverage", "--year", "2026", "--town", "当湖街道"]) == 0
    text = capsys.readouterr().out
    assert "李检查" in text and "当湖街道" in text

    xlsx = tmp_path / "proposals.xlsx"
    assert main(["--data-dir", data, "grading", "propose", "--year", "2026", "--json", "--xlsx", str(xlsx)]) == 0
    captured = capsys.readouterr()
    entries = json.loads(captured.out)
    assert {e["id"]: e["proposed_grade"] for e in entries}[city["a1"]] == "A"
    assert set(entries[0]) >= {"id", "name", "credit_code", "proposed_grade", "reasons"}
    assert "评级中" in captured.err  # progress on stderr
    sheet = load_workbook(xlsx).active
    assert sheet["A1"].value == "企业名称" and sheet.max_row == 6

    overrides = tmp_path / "overrides.csv"
    overrides.write_text(f"统一社会信用代码,等级,理由\n{with_check_digit('91330482000001002')},C,新开业核查\n")
    assert main(["--data-dir", data, "grading", "issue", "--year", "2026", "--overrides", str(overrides)]) == 0
    assert "已发牌 2 块" in capsys.readouterr().out
    assert main(["--data-dir", data, "grading", "issue", "--year", "2026", "--quiet"]) == 1
    assert "已经发牌" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('[{"enterprise": "913304820000009999", "grade": "A", "reason": "x"}]')
    assert main(["--data-dir", data, "grading", "issue", "--overrides", str(bad), "--reissue", "--quiet"]) == 1
    assert "找不到" in capsys.readouterr().err
    assert main(["--data-dir", data, "grading", "lights", "--quarter", "2026Q1", "--quiet"]) == 0
    assert "2026Q1 季度亮灯：绿灯 2  黄灯 0  红灯 0（变更 2 条）" in capsys.readouterr().out
    assert main(["--data-dir", data, "grading", "lights", "--quarter", "26Q1"]) == 1
    assert "季度格式" in capsys.readouterr().err
