"""The annual grading round: proposals against hand-computed cases, issuing, overrides, lights.

Template general-manufacturing v3: weights sum to 100; the section floor at 50 %; key items A-1 A-4 B-3 C-1 E-1 F-1 H-1;
veto items A-5 H-2 H-3; section I (仓储) = I-1 1.5 + I-2 1.5 + I-3 1.0; C-1 3.5, E-1 2.5, H-3 3.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from inspector.cli.main import main
from inspector.core.checklist import Result, Severity
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.notice_number import device_prefix
from inspector.core.template_format import load_grading_rules
from inspector.db.ids import to_uuid
from inspector.db.models import PlaqueRow
from inspector.services import grading_round as round_module
from inspector.services.grading_round import Decision, Proposal, decisions_from
from inspector.services.hazards import HazardSource
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies
from tests.sample_records import confirm_major, sample_hazard
from tests.sqlite_files import sql

YEAR = 2026
DAY = date(2026, 3, 10)
_seq = iter(range(100, 999))


def enterprise(ws: Workspace, name: str, town: str = "当湖街道") -> str:
    return ws.enterprises.add(Enterprise(name, with_check_digit(f"91330482000000{next(_seq)}"), town))


def inspect(
    ws: Workspace,
    enterprise_id: str,
    fail: tuple[str, ...] = (),
    partial: tuple[str, ...] = (),
    day: date = DAY,
    complete: bool = True,
) -> str:
    inspectors = getattr(ws, "_test_inspectors", None) or [ws.roster.add("张检查"), ws.roster.add("李检查")]
    ws._test_inspectors = inspectors  # type: ignore[attr-defined]
    inspection = ws.inspections.start(enterprise_id, ws.default_template_id(), day, inspectors)
    for item in ws.inspections.template_of(inspection).items:
        result = Result.FAIL if item.code in fail else Result.PARTIAL if item.code in partial else Result.PASS
        ws.inspections.answer(inspection, item.code, result)
    if complete:
        ws.inspections.complete(inspection)
    return inspection


def major_hazard(
    ws: Workspace, enterprise_id: str, found_on: date = DAY, text: str = "安全出口上锁", confirmed: bool = True
) -> str:
    """A suspected major hazard (令10 第三条第一项), confirmed by the authority the same day."""
    found_at = datetime.combine(found_on, datetime.min.time(), UTC) + timedelta(hours=2)
    hazard = ws.hazards.raise_hazard(
        sample_hazard(
            enterprise_id,
            found_on,
            description=text,
            severity=Severity.MAJOR,
            major_clause="MEM10-3-1",
            source=HazardSource.WORKER_REPORT,
        ),
        at=found_at,
    )
    if confirmed:
        confirm_major(ws, hazard, found_at + timedelta(minutes=10))
    return hazard


def by_id(proposals: list[Proposal]) -> dict[str, Proposal]:
    return {p.enterprise_id: p for p in proposals}


def add_plaque(ws: Workspace, enterprise_id: str, year: int, grade: str, serial: str) -> None:
    with ws.db.transaction() as session:
        session.add(
            PlaqueRow(
                enterprise_id=to_uuid(enterprise_id),
                year=year,
                grade=grade,
                score=80.0,
                reasons=[],
                serial=serial,
                issued_on=date(year, 1, 20),
                current=True,
            )
        )


# -- proposals -------------------------------------------------------------------------------------
def test_proposals_follow_the_rules_by_hand(workspace: Workspace) -> None:
    ws = workspace
    clean = enterprise(ws, "平湖市甲机械有限公司")
    inspect(ws, clean)
    section = enterprise(ws, "平湖市乙仓储有限公司")
    inspect(ws, section, fail=("I-1", "I-2"))  # section I 1.0/4.0 = 25 %; score 97.0
    key = enterprise(ws, "平湖市丙消防器材有限公司")
    inspect(ws, key, fail=("C-1",))  # score 96.5, one key item
    keys = enterprise(ws, "平湖市丁电器有限公司")
    inspect(ws, keys, fail=("C-1", "E-1"))  # score 94.0, two key items
    veto = enterprise(ws, "平湖市戊化工有限公司")
    inspect(ws, veto, fail=("H-3",))  # score 97.0, veto item
    band_b = enterprise(ws, "平湖市己纺织有限公司")
    # C-6 2.5 + D-3 2.5 + E-2 2.0 + F-4 2.5 + I-3 1.0 = 10.5 lost → 89.5; no section below 50 % (F: 6/8.5)
    inspect(ws, band_b, fail=("C-6", "D-3", "E-2", "F-4", "I-3"))
    nothing = enterprise(ws, "平湖市庚新开业有限公司")
    draft_only = enterprise(ws, "平湖市辛草稿有限公司")
    inspect(ws, draft_only, complete=False)
    old_year = enterprise(ws, "平湖市壬去年检查有限公司")
    inspect(ws, old_year, day=date(2025, 6, 1))

    p = by_id(ws.grading_round.propose(YEAR))
    assert (p[clean].proposed_grade, p[clean].score) == ("A", 100.0)
    assert p[clean].reasons == ("得分 100 分（≥90），对应 A 级",)
    assert (p[section].proposed_grade, p[section].score) == ("C", 97.0)
    assert any("分区 I" in r and "最高评为 C 级" in r for r in p[section].reasons)
    assert (p[key].proposed_grade, p[key].score) == ("C", 96.5)
    assert p[key].reasons[0] == "关键项 C-1 不合格，最高评为 C 级"
    assert (p[keys].proposed_grade, p[keys].score) == ("D", 94.0)
    assert "2 个关键项（C-1、E-1）不合格，评为 D 级" in p[keys].reasons
    assert (p[veto].proposed_grade, p[veto].score) == ("D", 97.0)
    assert "否决项 H-3 不合格，评为 D 级" in p[veto].reasons
    assert (p[band_b].proposed_grade, p[band_b].score) == ("B", 89.5)
    # Which rule set each grade: stored grades (no regrade) say it as well as regraded ones.
    fired = {name: p[e].fired for name, e in (("clean", clean), ("section", section), ("key", key), ("keys", keys))}
    assert fired == {
        "clean": ("band",),
        "section": ("section_floor",),
        "key": ("key_failed",),
        "keys": ("key_failed_many",),
    }
    assert (p[veto].fired, p[band_b].fired, p[nothing].fired) == (("veto_failed",), ("band",), ("pending",))
    for pending in (nothing, draft_only, old_year):
        assert (p[pending].proposed_grade, p[pending].score, p[pending].change) == ("pending", None, "pending")
        assert p[pending].reasons == ("本年度没有已完成的检查，待评",)
    assert p[old_year].proposed_grade == "pending"
    assert by_id(ws.grading_round.propose(2025))[old_year].proposed_grade == "A"


def test_confirmed_major_hazards_still_open_are_veto_events(workspace: Workspace) -> None:
    ws = workspace
    open_major = enterprise(ws, "平湖市甲重大隐患有限公司")
    inspect(ws, open_major)
    major_hazard(ws, open_major)
    fixed_this_year = enterprise(ws, "平湖市乙已整改有限公司")
    inspect(ws, fixed_this_year)
    hazard = major_hazard(ws, fixed_this_year, text="配电箱无漏电保护")
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "green").save(buffer, "PNG")
    after = ws.photos.import_bytes(buffer.getvalue(), "after.png")
    for hour, action in enumerate((HazardAction.ISSUE_NOTICE, HazardAction.START_RECTIFYING), start=4):
        ws.hazards.act(hazard, action, "张检查", at=datetime(2026, 3, 10, hour, tzinfo=UTC))
    ws.hazards.act(hazard, HazardAction.REQUEST_RECHECK, "张检查", photos=[after], at=datetime(2026, 3, 20, tzinfo=UTC))
    ws.hazards.act(hazard, HazardAction.PASS_RECHECK, "张检查", at=datetime(2026, 3, 21, tzinfo=UTC))
    suspected = enterprise(ws, "平湖市戊待认定有限公司")
    inspect(ws, suspected)
    major_hazard(ws, suspected, text="除尘器未泄爆", confirmed=False)
    voided = enterprise(ws, "平湖市丙误报有限公司")
    inspect(ws, voided)
    hazard = major_hazard(ws, voided)
    ws.hazards.act(hazard, HazardAction.VOID, "张检查", "误判", at=datetime(2026, 3, 10, 5, tzinfo=UTC))
    last_year_open = enterprise(ws, "平湖市丁去年隐患有限公司")
    inspect(ws, last_year_open)
    major_hazard(ws, last_year_open, found_on=date(2025, 11, 2), text="液化气钢瓶与灶具同室")

    p = by_id(ws.grading_round.propose(YEAR))
    assert p[open_major].proposed_grade == "D"
    assert p[open_major].reasons[0] == (
        "重大事故隐患经部门认定，至评级时未整改（2026-03-10 发现）：安全出口上锁，评为 D 级"
    )
    assert p[open_major].score == 100.0
    assert p[open_major].fired == ("major_hazard",)
    # Rectified before the round: no veto (domain.md §4 rule 5: "still open at the round").
    assert p[fixed_this_year].proposed_grade == "A"
    assert p[voided].proposed_grade == "A"
    assert p[last_year_open].proposed_grade == "D"  # still open from last year
    assert "2025-11-02 发现" in p[last_year_open].reasons[0]
    # Suspected, not yet decided by the authority: named, the grade left alone.
    assert p[suspected].proposed_grade == "A" and p[suspected].fired == ("band",)
    assert p[suspected].reasons[-1].startswith("另有疑似重大事故隐患待部门认定（2026-03-10 发现，不影响等级）")


def test_a_major_hazard_rectified_last_year_is_no_veto_this_year(workspace: Workspace) -> None:
    ws = workspace
    eid = enterprise(ws, "平湖市去年整改有限公司")
    inspect(ws, eid)
    hazard = major_hazard(ws, eid, found_on=date(2025, 10, 1))
    ws.hazards.act(hazard, HazardAction.VOID, "张检查", "已核实不构成重大隐患", at=datetime(2025, 10, 2, tzinfo=UTC))
    assert by_id(ws.grading_round.propose(YEAR))[eid].proposed_grade == "A"


def test_an_amendment_changes_the_proposal(workspace: Workspace) -> None:
    ws = workspace
    eid = enterprise(ws, "平湖市更正有限公司")
    inspection = inspect(ws, eid, fail=("C-1",))
    assert by_id(ws.grading_round.propose(YEAR))[eid].proposed_grade == "C"
    ws.inspections.finalize(inspection)
    ws.amendments.amend_answer(inspection, "C-1", Result.PASS, "复核照片后确认安全出口未锁闭", "王科长")
    proposal = by_id(ws.grading_round.propose(YEAR))[eid]
    assert (proposal.proposed_grade, proposal.score) == ("A", 100.0)


def test_the_latest_inspection_of_the_year_counts_and_change_from_last_year(workspace: Workspace) -> None:
    ws = workspace
    eid = enterprise(ws, "平湖市复查有限公司")
    inspect(ws, eid, fail=("C-1",), day=date(2026, 2, 1))
    inspect(ws, eid, day=date(2026, 5, 1))
    add_plaque(ws, eid, 2025, "B", "PH-2025-000001")
    down = enterprise(ws, "平湖市降级有限公司")
    inspect(ws, down, fail=("C-1",))
    add_plaque(ws, down, 2025, "A", "PH-2025-000002")
    p = by_id(ws.grading_round.propose(YEAR))
    assert (p[eid].proposed_grade, p[eid].last_year_grade, p[eid].change) == ("A", "B", "up")
    assert (p[down].proposed_grade, p[down].last_year_grade, p[down].change) == ("C", "A", "down")
    assert p[eid].inspection_date == date(2026, 5, 1)


def test_progress_is_reported(workspace: Workspace) -> None:
    eid = enterprise(workspace, "平湖市进度有限公司")
    inspect(workspace, eid)
    calls: list[tuple[int, int]] = []
    workspace.grading_round.propose(YEAR, lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1, 1)


# -- issuing ---------------------------------------------------------------------------------------
@pytest.fixture
def three(workspace: Workspace) -> list[str]:
    ids = [enterprise(workspace, f"平湖市发牌{n}有限公司") for n in "一二三"]
    inspect(workspace, ids[0])
    inspect(workspace, ids[1], fail=("C-1",))
    return ids  # the third is pending


def serial(ws: Workspace, seq: int) -> str:
    """The serial this copy gives its `seq`-th plaque of the year: office, year, device, sequence."""
    return f"PH-2026-{device_prefix(ws.db.device_id)}-{seq:04d}"


def test_issue_writes_plaques_with_serials_and_keeps_overrides(workspace: Workspace, three: list[str]) -> None:
    ws = workspace
    add_plaque(ws, three[0], YEAR, "B", "PH-2026-DEMO-000009")  # an earlier plaque of the year
    proposals = by_id(ws.grading_round.propose(YEAR))
    decisions = [
        Decision(proposals[three[0]]),
        Decision(proposals[three[1]], "B", "关键项已当场整改并复查合格"),
        Decision(proposals[three[2]]),
    ]
    result = ws.grading_round.issue(YEAR, decisions, "王科长")
    assert (result.issued, result.overridden, result.pending) == (2, 1, 1)
    assert result.serials == (serial(ws, 1), serial(ws, 2))
    rows = sql(
        ws,
        "SELECT enterprise_id, grade, serial, current, proposed_grade, override_reason, issued_by FROM plaques"
        " WHERE year = 2026 ORDER BY current DESC, serial",
    )
    assert rows == [
        (three[0], "A", serial(ws, 1), 1, None, "", "王科长"),
        (three[1], "B", serial(ws, 2), 1, "C", "关键项已当场整改并复查合格", "王科长"),
        (three[0], "B", "PH-2026-DEMO-000009", 0, None, "", ""),
    ]
    reasons = sql(ws, "SELECT reasons FROM plaques WHERE serial = ?", serial(ws, 2))[0][0]
    assert "人工调整" in str(reasons).encode().decode("unicode_escape")
    assert ws.stats(YEAR).grades == {"A": 1, "B": 1, "C": 0, "D": 0, "pending": 1}
    assert by_id(ws.grading_round.propose(YEAR))[three[0]].issued_grade == "A"


def test_an_override_without_a_reason_is_refused_and_nothing_is_written(workspace: Workspace, three: list[str]) -> None:
    proposals = by_id(workspace.grading_round.propose(YEAR))
    decisions = [Decision(proposals[three[0]]), Decision(proposals[three[1]], "A", "  ")]
    with pytest.raises(DomainError, match="必须填写调整理由"):
        workspace.grading_round.issue(YEAR, decisions, "王科长")
    assert sql(workspace, "SELECT count(*) FROM plaques") == [(0,)]
    with pytest.raises(DomainError, match="发牌人"):
        workspace.grading_round.issue(YEAR, [Decision(proposals[three[0]])], " ")


def test_reissuing_a_year_is_refused_unless_asked_and_serials_stay_unique(
    workspace: Workspace, three: list[str]
) -> None:
    ws = workspace
    decisions = decisions_from(ws.grading_round.propose(YEAR))
    ws.grading_round.issue(YEAR, decisions, "王科长")
    again = decisions_from(ws.grading_round.propose(YEAR))
    with pytest.raises(DomainError, match="已经发牌"):
        ws.grading_round.issue(YEAR, again, "王科长")
    result = ws.grading_round.issue(YEAR, again, "王科长", reissue=True)
    assert result.serials == (serial(ws, 3), serial(ws, 4))
    serials = [row[0] for row in sql(ws, "SELECT serial FROM plaques")]
    assert len(serials) == len(set(serials)) == 4
    assert sql(ws, "SELECT count(*) FROM plaques WHERE current = 1") == [(2,)]


def test_issue_is_atomic_when_it_fails_midway(
    workspace: Workspace, three: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace
    add_plaque(ws, three[0], YEAR, "B", "PH-2026-DEMO-000001")
    calls = []
    original = round_module.GradingRound._add

    def failing_add(session: object, row: PlaqueRow) -> None:
        calls.append(row)
        if len(calls) == 2:
            raise RuntimeError("disk unplugged")
        original(session, row)

    monkeypatch.setattr(round_module.GradingRound, "_add", staticmethod(failing_add))
    with pytest.raises(RuntimeError):
        ws.grading_round.issue(YEAR, decisions_from(ws.grading_round.propose(YEAR)), "王科长")
    assert sql(ws, "SELECT serial, current FROM plaques") == [("PH-2026-DEMO-000001", 1)]


def test_a_serial_clash_leaves_nothing_and_says_so(
    workspace: Workspace, three: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace
    add_plaque(ws, three[2], YEAR, "C", serial(ws, 1))
    monkeypatch.setattr(round_module.GradingRound, "_last_seq", staticmethod(lambda *_: 0))
    with pytest.raises(DomainError, match="未作任何更改"):
        ws.grading_round.issue(YEAR, decisions_from(ws.grading_round.propose(YEAR)), "王科长")
    assert sql(ws, "SELECT count(*) FROM plaques") == [(1,)]


def test_overrides_by_credit_code_and_unknown_names(workspace: Workspace, three: list[str]) -> None:
    proposals = workspace.grading_round.propose(YEAR)
    code = next(p.credit_code for p in proposals if p.enterprise_id == three[2])
    decisions = decisions_from(proposals, {code: ("c", "新开业，现场核查")})
    chosen = next(d for d in decisions if d.proposal.enterprise_id == three[2])
    assert (chosen.final_grade, chosen.overridden) == ("C", True)
    with pytest.raises(DomainError, match="找不到"):
        decisions_from(proposals, {"913304820000000000": ("A", "x")})


# -- lights ------------------------------------------------------------------------------------------
def test_lights_for_a_past_quarter_replay_the_hazards(workspace: Workspace) -> None:
    ws = workspace
    eid = enterprise(ws, "平湖市亮灯有限公司")
    inspect(ws, eid, day=date(2026, 1, 10))
    hazard = major_hazard(ws, eid, found_on=date(2026, 2, 1))
    ws.hazards.act(hazard, HazardAction.VOID, "张检查", "误判", at=datetime(2026, 4, 10, 4, tzinfo=UTC))
    quiet = enterprise(ws, "平湖市无检查有限公司")
    result = ws.grading_round.recompute_lights("2026Q1")
    assert (result.quarter, result.counts) == ("2026Q1", {"green": 0, "yellow": 0, "red": 1})
    assert sql(ws, "SELECT enterprise_id, light FROM lights WHERE quarter = '2026Q1'") == [(eid, "red")]
    assert ws.grading_round.recompute_lights("2026Q1").changed == 0
    current = ws.grading_round.recompute_lights("2026Q4")
    assert current.counts["green"] == 1
    assert quiet not in [row[0] for row in sql(ws, "SELECT enterprise_id FROM lights")]
    with pytest.raises(DomainError, match="季度"):
        ws.grading_round.recompute_lights("2031Q1")
    with pytest.raises(DomainError, match="格式"):
        ws.grading_round.recompute_lights("2026-7")


def test_stored_grades_agree_with_regrading_on_a_demo_city(demo_workspace: DemoCopies) -> None:
    """The round reuses the grade stored at completion for unamended inspections (bulk_grades):
    it must be exactly what regrading gives."""
    from inspector.demo.generator import DemoSpec
    from inspector.queries.bulk_grades import latest_grades

    workspace = demo_workspace(DemoSpec(enterprises=40, years=2, seed=7))
    with workspace.db.reading() as session:
        stored = latest_grades(session, date(YEAR, 1, 1), date(YEAR, 12, 31))
        regraded = latest_grades(session, date(YEAR, 1, 1), date(YEAR, 12, 31), full=True)
    assert stored.keys() == regraded.keys() and len(stored) > 20
    for key, value in stored.items():
        other = regraded[key]
        assert value.result is None and other.result is not None
        assert (value.grade, value.score, value.reasons) == (other.grade, other.score, other.reasons)


# -- distribution and "what if" ---------------------------------------------------------------------
def test_another_rule_set_regrades_the_same_inspections(workspace: Workspace) -> None:
    ws = workspace
    section = enterprise(ws, "平湖市乙仓储有限公司")
    inspect(ws, section, fail=("I-1", "I-2"))  # section I at 25 %: C, score 97.0
    keys = enterprise(ws, "平湖市丁电器有限公司")
    inspect(ws, keys, fail=("C-1", "E-1"))  # two key items: D, score 94.0
    rules = load_grading_rules("section_floor_percent = 20\nkey_fail_d_count = 3\n")
    current, what_if = by_id(ws.grading_round.propose(YEAR)), by_id(ws.grading_round.propose(YEAR, rules=rules))
    assert (current[section].proposed_grade, what_if[section].proposed_grade) == ("C", "A")
    assert (current[keys].proposed_grade, what_if[keys].proposed_grade) == ("D", "C")
    assert what_if[keys].fired == ("key_failed",) and what_if[keys].score == 94.0
    # Nothing was written: the stored grades are those of the template's own rules.
    assert sql(ws, "SELECT grade FROM inspections ORDER BY score") == [("D",), ("C",)]
    with pytest.raises(DomainError, match="不再逐级递减"):
        ws.grading_round.propose(YEAR, rules={"band_b": 95.0})


def test_propose_prints_the_distribution_the_rules_and_what_would_change(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace
    for n in range(3):
        inspect(ws, enterprise(ws, f"平湖市合格{n}有限公司"))
    inspect(ws, enterprise(ws, "平湖市乙仓储有限公司"), fail=("I-1", "I-2"))
    enterprise(ws, "平湖市庚新开业有限公司")
    rules = tmp_path / "floor.toml"
    rules.write_text("[grading]\nsection_floor_percent = 20\n", encoding="utf-8")
    data = str(ws.data_dir)
    assert main(["--data-dir", data, "grading", "propose", "--year", "2026", "--quiet", "--rules", str(rules)]) == 0
    out = capsys.readouterr().out
    assert "现行规则：A级 3（75.0%）  B级 0（0.0%）  C级 1（25.0%）  D级 0（0.0%）  待评 1" in out
    assert "决定等级的规则（家）：得分档次 3；分区得分率低于下限 1；待评（本年度无已完成的检查） 1" in out
    assert f"假设规则（{rules}）：A级 4（100.0%）" in out
    assert "与现行规则相比：升级 1 家，降级 0 家，其余不变" in out
    assert "平湖市乙仓储有限公司" in out.split("与现行规则相比")[1] and "C级 → A级" in out

    assert main(["--data-dir", data, "grading", "propose", "--year", "2026", "--json", "--rules", str(rules)]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert (rows["平湖市乙仓储有限公司"]["proposed_grade"], rows["平湖市乙仓储有限公司"]["what_if_grade"]) == ("C", "A")
    assert rows["平湖市乙仓储有限公司"]["rules"] == ["section_floor"]


def test_a_bad_rules_file_is_one_line_and_nothing_is_graded(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text("band_q = 95\n", encoding="utf-8")
    data = str(workspace.data_dir)
    assert main(["--data-dir", data, "grading", "propose", "--year", "2026", "--rules", str(rules)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "评分规则文件无效" in err and f"{rules}:1:" in err and "band_q" in err
    assert main(["--data-dir", data, "grading", "propose", "--rules", str(tmp_path / "none.toml")]) == 1
    assert "文件不存在" in capsys.readouterr().err


def test_every_reason_the_round_writes_reads_in_english() -> None:
    """The list shows proposals' stored reasons in English in the English window; a hazard's
    description in them stays as it was written."""
    from datetime import date as day

    from inspector.core.grades import Grade as G
    from inspector.services.grading_round import _suspected_text, _veto_text, reason_en

    confirmed = _veto_text("配电箱无门", day(2026, 3, 1), G.D)
    suspected = _suspected_text("配电箱无门", day(2026, 3, 1))
    assert reason_en(confirmed) == (
        "major hazard confirmed by the authority, open at the round (found 2026-03-01): 配电箱无门: grade D"
    )
    assert reason_en(suspected) == (
        "also a suspected major hazard awaiting the authority (found 2026-03-01, grade unaffected): 配电箱无门"
    )
    # Reasons a round stored before suspected major hazards still read in English.
    old = "重大事故隐患（2026-03-01 发现，已整改）：配电箱无门，评为 C 级"
    assert reason_en(old) == "major hazard (found 2026-03-01, rectified): 配电箱无门: grade C"
    assert reason_en("本年度没有已完成的检查，待评") == "no completed inspection this year: pending"
    assert reason_en("另有重大事故隐患：无门（2026-03-01 发现）") == "also a major hazard: 无门 (found 2026-03-01)"
    assert reason_en("得分 91.8 分（≥90），对应 A 级") == "score 91.8 (≥90): band A"
    assert reason_en("人工调整：现场复核") == "人工调整：现场复核"  # not the round's: as written
