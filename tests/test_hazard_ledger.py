"""The hazard ledger (隐患台账) on a real demo database: every filter, sorting, overdue at the deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector.core.checklist import Severity
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import AWAITING_FIX, HazardStatus
from inspector.db.database import DB_NAME
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter, SortKey
from inspector.workspace import Workspace
from tests.prepared_data import TODAY
from tests.sqlite_files import sql


@pytest.fixture(scope="module")
def ledger(hazard_city: Workspace) -> HazardLedger:
    return HazardLedger(hazard_city.db, TODAY, hazard_city.settings.timezone)


def id_set(workspace: Workspace, query: str, *params: object) -> set[str]:
    return {str(row[0]) for row in sql(workspace, query, *params)}


def test_default_shows_every_hazard_but_voided(hazard_city: Workspace, ledger: HazardLedger) -> None:
    ids = ledger.ids(LedgerFilter())
    assert set(ids) == id_set(hazard_city, "SELECT id FROM hazards WHERE status != 'voided'")
    assert len(ids) == ledger.count(LedgerFilter()) > 100
    everything = ledger.ids(LedgerFilter(include_voided=True))
    assert len(everything) == sql(hazard_city, "SELECT count(*) FROM hazards")[0][0]


def test_status_filter(hazard_city: Workspace, ledger: HazardLedger) -> None:
    wanted = (HazardStatus.CLOSED, HazardStatus.RECTIFYING)
    rows = ledger.rows(ledger.ids(LedgerFilter(statuses=wanted)))
    assert rows and {r.status for r in rows} <= set(wanted)
    assert len(rows) == sql(hazard_city, "SELECT count(*) FROM hazards WHERE status IN ('closed', 'rectifying')")[0][0]


def test_severity_filter(hazard_city: Workspace, ledger: HazardLedger) -> None:
    major = ledger.rows(ledger.ids(LedgerFilter(severity=Severity.MAJOR)))
    general = ledger.count(LedgerFilter(severity=Severity.GENERAL))
    assert all(r.severity is Severity.MAJOR for r in major)
    assert len(major) + general == ledger.count(LedgerFilter())


def test_overdue_and_due_within_match_the_lifecycle_rule(ledger: HazardLedger) -> None:
    rows = ledger.rows(ledger.ids(LedgerFilter(include_voided=True)))
    expected_overdue = {r.id for r in rows if r.status in AWAITING_FIX and r.deadline < TODAY}
    assert set(ledger.ids(LedgerFilter(overdue_only=True))) == expected_overdue
    assert {r.id for r in rows if r.overdue} == expected_overdue
    week = {r.id for r in rows if r.status in AWAITING_FIX and TODAY <= r.deadline <= TODAY + timedelta(days=7)}
    assert set(ledger.ids(LedgerFilter(due_within_days=7))) == week


def test_overdue_starts_the_day_after_the_deadline(hazard_city: Workspace) -> None:
    awaiting = [s.value for s in AWAITING_FIX]
    marks = ",".join("?" * len(awaiting))
    hazard_id, deadline = sql(
        hazard_city, f"SELECT id, deadline FROM hazards WHERE status IN ({marks}) ORDER BY deadline LIMIT 1", *awaiting
    )[0]
    deadline = date.fromisoformat(str(deadline))
    on_the_day = HazardLedger(hazard_city.db, deadline)
    day_after = HazardLedger(hazard_city.db, deadline + timedelta(days=1))
    assert hazard_id not in on_the_day.ids(LedgerFilter(overdue_only=True))
    assert not on_the_day.rows([str(hazard_id)])[0].overdue
    assert hazard_id in on_the_day.ids(LedgerFilter(due_within_days=0))
    assert hazard_id in day_after.ids(LedgerFilter(overdue_only=True))
    assert day_after.rows([str(hazard_id)])[0].overdue
    assert hazard_id not in day_after.ids(LedgerFilter(due_within_days=30))


def test_enterprise_and_town_filters(hazard_city: Workspace, ledger: HazardLedger) -> None:
    enterprise_id, town = sql(
        hazard_city,
        "SELECT e.id, e.town FROM enterprises e JOIN hazards h ON h.enterprise_id = e.id "
        "GROUP BY e.id ORDER BY count(*) DESC LIMIT 1",
    )[0]
    rows = ledger.rows(ledger.ids(LedgerFilter(enterprise_id=str(enterprise_id))))
    assert rows and {r.enterprise_id for r in rows} == {enterprise_id}
    in_town = ledger.rows(ledger.ids(LedgerFilter(town=str(town))))
    assert {r.town for r in in_town} == {town}
    assert (
        len(in_town)
        == sql(
            hazard_city,
            "SELECT count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id "
            "WHERE e.town = ? AND h.status != 'voided'",
            town,
        )[0][0]
    )
    with pytest.raises(DomainError):
        ledger.ids(LedgerFilter(enterprise_id="not-an-id"))


def test_inspector_filter_matches_finder_or_the_inspections_inspectors(
    hazard_city: Workspace, ledger: HazardLedger
) -> None:
    name = sql(hazard_city, "SELECT found_by FROM hazards GROUP BY found_by ORDER BY count(*) DESC LIMIT 1")[0][0]
    expected = id_set(
        hazard_city,
        "SELECT h.id FROM hazards h WHERE h.status != 'voided' AND (h.found_by = ? OR h.inspection_id IN ("
        "SELECT ii.inspection_id FROM inspection_inspectors ii JOIN inspectors i ON i.id = ii.inspector_id "
        "WHERE i.name = ?))",
        name,
        name,
    )
    got = set(ledger.ids(LedgerFilter(inspector=str(name))))
    assert got == expected
    assert any(r.found_by == name for r in ledger.rows(sorted(got)))
    assert ledger.ids(LedgerFilter(inspector="无此人")) == []


def test_date_range_and_text_search(hazard_city: Workspace, ledger: HazardLedger) -> None:
    first, last = date(2025, 3, 1), date(2025, 5, 31)
    rows = ledger.rows(ledger.ids(LedgerFilter(found_from=first, found_to=last)))
    assert rows and all(first <= r.found_on <= last for r in rows)
    with pytest.raises(DomainError):
        LedgerFilter(found_from=last, found_to=first)

    word = "灭火器"
    rows = ledger.rows(ledger.ids(LedgerFilter(text=word)))
    assert rows and all(word in r.description or word in r.enterprise_name for r in rows)
    name = rows[0].enterprise_name
    by_name = ledger.rows(ledger.ids(LedgerFilter(text=name[2:6])))
    assert any(r.enterprise_name == name for r in by_name)
    assert ledger.ids(LedgerFilter(text="100%_不存在")) == []


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_sorting(ledger: HazardLedger, key: SortKey, descending: bool) -> None:
    f = LedgerFilter(sort=key, descending=descending, found_from=date(2025, 1, 1))
    rows = ledger.rows(ledger.ids(f))
    attribute = {
        SortKey.FOUND_ON: lambda r: r.found_on,
        SortKey.DEADLINE: lambda r: r.deadline,
        SortKey.ENTERPRISE: lambda r: r.enterprise_name,
        SortKey.TOWN: lambda r: r.town,
        SortKey.SEVERITY: lambda r: r.severity.value,
        SortKey.STATUS: lambda r: r.status.value,
    }[key]
    values = [attribute(r) for r in rows]
    assert len(values) > 10
    assert values == sorted(values, reverse=descending)
    assert ledger.ids(f) == ledger.ids(replace(f))  # stable


def test_rows_keep_the_order_and_carry_the_recheck(hazard_city: Workspace, ledger: HazardLedger) -> None:
    ids = ledger.ids(LedgerFilter(statuses=(HazardStatus.CLOSED,)))
    picked = [ids[5], ids[0], ids[3]]
    assert [r.id for r in ledger.rows(picked)] == picked
    assert ledger.rows(["0" * 32]) == []
    closed = ledger.rows(ids)
    rechecked = [r for r in closed if r.recheck_result]
    assert rechecked and all(r.recheck_result in ("通过", "不通过") and r.recheck_date for r in rechecked)
    # A closed hazard that went through a re-check ended with a passed one.
    assert all(r.recheck_result == "通过" for r in rechecked)
    assert all(r.closed_on is not None and r.credit_code for r in closed)
    failed = sql(
        hazard_city,
        "SELECT hazard_id FROM hazard_events e WHERE action = 'fail_recheck' AND seq = "
        "(SELECT max(seq) FROM hazard_events x WHERE x.hazard_id = e.hazard_id "
        "AND x.action IN ('pass_recheck', 'fail_recheck'))",
    )
    if failed:
        assert ledger.rows([str(failed[0][0])])[0].recheck_result == "不通过"


def test_negative_due_within_is_refused() -> None:
    with pytest.raises(DomainError):
        LedgerFilter(due_within_days=-1)


def test_reads_the_demo_folder(hazard_city: Workspace) -> None:
    assert Path(hazard_city.data_dir, DB_NAME).exists()
