"""`create_demo`: a deterministic, coherent demo city written to a real database.

"Today" is pinned (Workspace.today) so that a seed gives the same city whatever day the tests run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from inspector.core.credit_code import is_valid
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.rates import percent
from inspector.demo.demo_city import create_demo
from inspector.demo.generator import DemoSpec
from inspector.workspace import Workspace
from tests.prepared_data import TODAY, DemoCopies
from tests.sqlite_files import scalar, sql

SPEC = DemoSpec(enterprises=30, years=2, seed=11)
RECTIFIED = ("fixed_on_site", "recheck_passed", "closed")


def make_demo(folder: Path, spec: DemoSpec = SPEC) -> tuple[Workspace, dict[str, int]]:
    workspace = Workspace(folder)
    return workspace, create_demo(workspace, spec)


@pytest.fixture(scope="module")
def demo(module_demo_workspace: DemoCopies, pinned_today: None) -> Workspace:
    """One demo city shared by the read-only tests of this module: a copy of the session's city,
    which create_demo made."""
    return module_demo_workspace(SPEC, TODAY)


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory, pinned_today: None) -> Iterator[Workspace]:
    """The same spec again, generated afresh in another folder (not a copy: it checks determinism)."""
    workspace, _counts = make_demo(tmp_path_factory.mktemp("twin") / "data")
    yield workspace
    workspace.close()


# -- determinism ---------------------------------------------------------------------------------
def test_same_seed_gives_the_same_enterprises(demo: Workspace, twin: Workspace) -> None:
    query = "SELECT name, credit_code, town, address FROM enterprises ORDER BY credit_code"
    assert sql(demo, query) == sql(twin, query)
    assert len(sql(demo, query)) == SPEC.enterprises


def test_same_seed_gives_the_same_statistics(demo: Workspace, twin: Workspace) -> None:
    for year in (TODAY.year - 1, TODAY.year):
        assert demo.stats(year) == twin.stats(year)


def test_same_seed_gives_the_same_photos_and_hazards(demo: Workspace, twin: Workspace) -> None:
    assert sql(demo, "SELECT sha256 FROM photos ORDER BY sha256") == sql(
        twin, "SELECT sha256 FROM photos ORDER BY sha256"
    )
    query = "SELECT found_on, status, deadline, description FROM hazards ORDER BY found_on, description, status"
    assert sql(demo, query) == sql(twin, query)


def test_another_seed_gives_another_city(tmp_path: Path, demo: Workspace) -> None:
    other, _counts = make_demo(tmp_path / "other", DemoSpec(enterprises=5, years=1, seed=SPEC.seed + 1))
    try:
        codes = {row[0] for row in sql(other, "SELECT credit_code FROM enterprises")}
        assert codes.isdisjoint(row[0] for row in sql(demo, "SELECT credit_code FROM enterprises"))
    finally:
        other.close()


# -- a coherent city -----------------------------------------------------------------------------
def test_counts_returned_match_the_tables(tmp_path: Path, pinned_today: None) -> None:
    workspace, counts = make_demo(tmp_path / "counted", DemoSpec(enterprises=8, years=1, seed=3))
    try:
        for table, count in counts.items():
            assert scalar(workspace, f"SELECT count(*) FROM {table}") == count, table
        assert counts["enterprises"] == 8
    finally:
        workspace.close()


def test_every_credit_code_is_valid_and_unique(demo: Workspace) -> None:
    codes = [row[0] for row in sql(demo, "SELECT credit_code FROM enterprises")]
    assert all(is_valid(str(code)) for code in codes), [c for c in codes if not is_valid(str(c))]
    assert len(set(codes)) == len(codes)


def test_every_inspection_has_two_inspectors(demo: Workspace) -> None:
    counts = sql(
        demo,
        "SELECT count(ii.id) FROM inspections i LEFT JOIN inspection_inspectors ii ON ii.inspection_id = i.id"
        " GROUP BY i.id",
    )
    assert counts and {row[0] for row in counts} == {2}


def test_graded_inspections_store_the_grade_of_their_answers(demo: Workspace) -> None:
    rows = sql(demo, "SELECT id, score, grade FROM inspections WHERE status != 'draft'")
    assert rows
    for inspection_id, score, grade in rows:
        live = demo.inspections.live_grade(str(inspection_id))
        assert live is not None and live.complete
        assert (live.score, live.grade.value) == (score, grade)


def test_inspections_in_all_three_states(tmp_path: Path, pinned_today: None) -> None:
    """Checked for a few seeds: a guarantee, not luck."""
    for seed in (SPEC.seed, SPEC.seed + 1, SPEC.seed + 2):
        workspace, _counts = make_demo(tmp_path / f"seed-{seed}", replace(SPEC, seed=seed))
        try:
            statuses = {row[0] for row in sql(workspace, "SELECT DISTINCT status FROM inspections")}
        finally:
            workspace.close()
        assert statuses == {s.value for s in InspectionStatus}, f"seed {seed}"


def test_hazards_in_every_lifecycle_status(demo: Workspace) -> None:
    statuses = {row[0] for row in sql(demo, "SELECT DISTINCT status FROM hazards")}
    assert statuses == {s.value for s in HazardStatus}


def test_every_hazard_replays_to_its_mirrored_status(demo: Workspace) -> None:
    rows = sql(demo, "SELECT id, status, deadline, rectified_on, closed_on FROM hazards")
    for hazard_id, status, deadline, rectified_on, closed_on in rows:
        view = demo.hazards.get(str(hazard_id))  # replays the event history through the state machine
        assert view.status.value == status
        assert view.deadline.isoformat() == deadline
        assert (view.rectified_on is not None) == (rectified_on is not None)
        assert (status == "closed") == (closed_on is not None)
        if status in RECTIFIED:
            assert rectified_on is not None, hazard_id


def test_at_least_one_hazard_is_overdue(demo: Workspace) -> None:
    ids = [str(row[0]) for row in sql(demo, "SELECT id FROM hazards")]
    assert any(demo.hazards.get(hazard_id).overdue(TODAY) for hazard_id in ids)


def test_demo_photos_exist_on_disk(demo: Workspace) -> None:
    shas = [str(row[0]) for row in sql(demo, "SELECT sha256 FROM photos")]
    assert shas
    for sha in shas:
        assert demo.photos.path_of(sha).is_file(), sha
    used = sql(demo, "SELECT DISTINCT p.sha256 FROM hazard_event_photos e JOIN photos p ON p.id = e.photo_id")
    assert used  # hazards do carry before and after photos


def test_some_hazards_show_before_and_after_photos(demo: Workspace) -> None:
    ids = [str(row[0]) for row in sql(demo, "SELECT id FROM hazards WHERE status = 'closed'")]
    views = [demo.hazards.get(hazard_id) for hazard_id in ids]
    assert any(view.before_photos and view.after_photos for view in views)


# -- refusing a folder with data ----------------------------------------------------------------
def test_demo_refuses_a_folder_that_already_holds_data(demo: Workspace) -> None:
    tables = ("enterprises", "inspections", "hazards", "photos", "plaques", "lights")
    before = {table: scalar(demo, f"SELECT count(*) FROM {table}") for table in tables}
    photo_files = sorted((demo.data_dir / "photos").rglob("*"))
    with pytest.raises(DomainError, match="已有数据"):
        create_demo(demo, DemoSpec(enterprises=3, years=1, seed=99))
    assert {table: scalar(demo, f"SELECT count(*) FROM {table}") for table in tables} == before
    assert sorted((demo.data_dir / "photos").rglob("*")) == photo_files


def test_demo_refuses_a_folder_holding_one_enterprise(workspace: Workspace) -> None:
    from inspector.core.credit_code import with_check_digit
    from inspector.core.enterprise import Enterprise

    workspace.enterprises.add(Enterprise("平湖市真实企业有限公司", with_check_digit("91330482000000300"), "当湖街道"))
    with pytest.raises(DomainError, match="演示数据只能写入空文件夹"):
        create_demo(workspace, DemoSpec(enterprises=3, years=1))
    assert workspace.enterprises.count() == 1


def test_demo_needs_at_least_one_enterprise_and_year(workspace: Workspace) -> None:
    with pytest.raises(DomainError, match="至少为 1"):
        create_demo(workspace, DemoSpec(enterprises=0, years=1))
    with pytest.raises(DomainError, match="至少为 1"):
        create_demo(workspace, DemoSpec(enterprises=3, years=0))
    assert workspace.enterprises.count() == 0


# -- statistics agree with the rows -------------------------------------------------------------
@pytest.mark.parametrize("year", [TODAY.year - 1, TODAY.year])
def test_stats_agree_with_direct_counts(demo: Workspace, year: int) -> None:
    stats = demo.stats(year)
    first, last = f"{year}-01-01", f"{year}-12-31"
    assert stats.year == year
    assert stats.enterprises == scalar(demo, "SELECT count(*) FROM enterprises") == SPEC.enterprises
    assert stats.inspections == scalar(
        demo,
        "SELECT count(*) FROM inspections WHERE status IN ('completed', 'finalized')"
        " AND inspection_date BETWEEN ? AND ?",
        first,
        last,
    )
    found = scalar(
        demo, "SELECT count(*) FROM hazards WHERE status != 'voided' AND found_on BETWEEN ? AND ?", first, last
    )
    rectified = scalar(
        demo,
        "SELECT count(*) FROM hazards WHERE status IN (?, ?, ?) AND found_on BETWEEN ? AND ?",
        *RECTIFIED,
        first,
        last,
    )
    assert stats.hazards_found == found
    assert stats.hazards_rectified == rectified
    assert stats.rectification_rate == percent(rectified, found)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [TODAY.year - 1, TODAY.year])
def test_stats_overdue_agrees_with_the_hazards_own_overdue(demo: Workspace, year: int) -> None:
    ids = sql(
        demo,
        "SELECT id FROM hazards WHERE status != 'voided' AND found_on BETWEEN ? AND ?",
        f"{year}-01-01",
        f"{year}-12-31",
    )
    overdue = sum(demo.hazards.get(str(row[0])).overdue(TODAY) for row in ids)
    assert demo.stats(year).overdue == overdue


@pytest.mark.parametrize("year", [TODAY.year - 1, TODAY.year])
def test_grades_and_pending_add_up_to_the_register(demo: Workspace, year: int) -> None:
    stats = demo.stats(year)
    assert set(stats.grades) == {"A", "B", "C", "D", "pending"}
    assert sum(stats.grades.values()) == stats.enterprises
    assert stats.grades["pending"] >= 0
    graded = scalar(
        demo,
        "SELECT count(DISTINCT enterprise_id) FROM inspections WHERE status IN ('completed', 'finalized')"
        " AND inspection_date BETWEEN ? AND ?",
        f"{year}-01-01",
        f"{year}-12-31",
    )
    assert sum(stats.grades[g] for g in "ABCD") == graded
    one_current_each = sql(
        demo,
        "SELECT enterprise_id FROM plaques WHERE year = ? AND current GROUP BY enterprise_id HAVING count(*) > 1",
        year,
    )
    assert one_current_each == []


def test_lights_are_those_of_the_latest_quarter(demo: Workspace) -> None:
    stats = demo.stats(TODAY.year)
    assert stats.quarter == "2026Q2"
    assert set(stats.lights) == {"green", "yellow", "red"}
    assert sum(stats.lights.values()) == scalar(demo, "SELECT count(*) FROM lights WHERE quarter = ?", stats.quarter)


# -- never the future ----------------------------------------------------------------------------
def test_a_demo_made_in_the_morning_writes_nothing_later(tmp_path: Path, pinned_today: None) -> None:
    """A laptop that syncs the demo must not receive steps from its future (issue 13): made at
    08:00 on its day, every time in the demo is at or before 08:00 and every hazard still has
    every lifecycle status (today's work is squeezed into the morning)."""
    from datetime import UTC, datetime, time
    from zoneinfo import ZoneInfo

    from sqlalchemy import DateTime, inspect

    now = datetime.combine(TODAY, time(8, 0), tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)
    workspace, _counts = make_demo(tmp_path / "morning", replace(SPEC, now=now))
    try:
        latest = now.replace(tzinfo=None).isoformat(" ", timespec="microseconds")
        for table in inspect(workspace.db.engine).get_table_names():
            columns = inspect(workspace.db.engine).get_columns(table)
            for column in (c["name"] for c in columns if isinstance(c["type"], DateTime)):
                value = scalar(workspace, f"SELECT max({column}) FROM {table}")
                assert value is None or str(value) <= latest, f"{table}.{column} = {value}"
        for table, column in (
            ("hazards", "found_on"),
            ("hazards", "rectified_on"),
            ("hazards", "closed_on"),
            ("inspections", "inspection_date"),
            ("plaques", "issued_on"),
        ):
            value = scalar(workspace, f"SELECT max({column}) FROM {table}")
            assert value is None or str(value) <= TODAY.isoformat(), f"{table}.{column} = {value}"
        statuses = {row[0] for row in sql(workspace, "SELECT DISTINCT status FROM hazards")}
        assert statuses == {s.value for s in HazardStatus}
    finally:
        workspace.close()


def test_each_demo_event_follows_the_one_before(demo: Workspace) -> None:
    rows = sql(demo, "SELECT hazard_id, seq, id, follows FROM hazard_events ORDER BY hazard_id, seq")
    previous: dict[object, object] = {}
    for hazard_id, seq, event_id, follows in rows:
        assert follows == previous.get(hazard_id), (hazard_id, seq)
        previous[hazard_id] = event_id


def test_open_major_hazards_at_every_stage_of_the_track(demo: Workspace) -> None:
    """The ledger shows a suspected, a referred and a confirmed major hazard still open: what
    the authority has to decide (domain.md §2); each replays to its mirrored standing."""
    rows = sql(demo, "SELECT id, major_status, severity FROM hazards WHERE status IN ('recorded', 'notice_issued', "
               "'rectifying', 'recheck_requested')")  # fmt: skip
    assert {"suspected", "referred", "confirmed"} <= {row[1] for row in rows}
    for hazard_id, standing, severity in rows:
        view = demo.hazards.get(str(hazard_id))
        assert (view.major.standing.value, view.severity.value) == (standing, severity)
