"""Hazard figures by town, severity, category and month: the totals are `inspector stats`' numbers."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from inspector.core.errors import DomainError
from inspector.core.rates import percent
from inspector.queries.hazard_figures import GROUPINGS, TOTAL_LABEL, hazard_figures
from inspector.queries.hazard_ledger import HazardLedger, LedgerFilter
from inspector.workspace import Workspace
from tests.prepared_data import TODAY

YEARS = (TODAY.year - 1, TODAY.year)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("group_by", [None, *GROUPINGS])
def test_total_row_equals_compute_stats(hazard_city: Workspace, year: int, group_by: str | None) -> None:
    rows = hazard_figures(hazard_city.db, year, TODAY, group_by)  # type: ignore[arg-type]
    total = rows[-1]
    stats = hazard_city.stats(year)
    assert total.is_total and total.label == TOTAL_LABEL
    assert (total.found, total.rectified, total.rate, total.overdue) == (
        stats.hazards_found,
        stats.hazards_rectified,
        stats.rectification_rate,
        stats.overdue,
    )
    assert stats.hazards_found > 0
    groups = rows[:-1]
    if group_by is None:
        assert groups == []
        return
    assert groups and all(not r.is_total for r in groups)
    assert sum(r.found for r in groups) == total.found
    assert sum(r.rectified for r in groups) == total.rectified
    assert sum(r.overdue for r in groups) == total.overdue
    assert all(r.rate == percent(r.rectified, r.found) for r in groups)
    assert [r.key for r in groups] == sorted(r.key or "" for r in groups)


def test_labels_and_month_keys(hazard_city: Workspace) -> None:
    by_severity = {r.key: r.label for r in hazard_figures(hazard_city.db, 2025, TODAY, "severity")[:-1]}
    assert by_severity.get("general") == "一般隐患"
    months = [r.key for r in hazard_figures(hazard_city.db, 2025, TODAY, "month")[:-1]]
    assert months and all(k and k.startswith("2025-") and len(k) == 7 for k in months)
    categories = hazard_figures(hazard_city.db, 2025, TODAY, "category")[:-1]
    assert all(r.label != r.key for r in categories)


def test_ledger_count_for_a_year_equals_found(hazard_city: Workspace) -> None:
    ledger = HazardLedger(hazard_city.db, TODAY)
    for year in YEARS:
        year_filter = LedgerFilter(found_from=date(year, 1, 1), found_to=date(year, 12, 31))
        total = hazard_figures(hazard_city.db, year, TODAY)[-1]
        assert ledger.count(year_filter) == total.found
        assert ledger.count(replace(year_filter, overdue_only=True)) == total.overdue


def test_empty_year_has_no_rate(hazard_city: Workspace) -> None:
    (total,) = hazard_figures(hazard_city.db, 1999, TODAY)
    assert (total.found, total.rate) == (0, None)


def test_unknown_grouping_is_refused(hazard_city: Workspace) -> None:
    with pytest.raises(DomainError, match="分组"):
        hazard_figures(hazard_city.db, 2025, TODAY, "weekday")  # type: ignore[arg-type]


def test_rows_serialise(hazard_city: Workspace) -> None:
    rows = hazard_figures(hazard_city.db, 2025, TODAY, "town")
    json.dumps([r.as_dict() for r in rows], ensure_ascii=False)
