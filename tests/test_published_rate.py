"""The city's published rectification rate, end to end: 14,498 of 14,514 hazards rectified is 99.8 %.

Real hazard rows in a real data folder, read back through `inspector stats`, the hazard figures,
the dashboard's .xlsx export and the annual summary PDF: every place that prints a rate shows
the figure the city published (99.89 % truncated), and 100.0 % only once nothing is open.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from inspector.cli.main import main
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.db.ids import to_uuid
from inspector.db.models import HazardRow
from inspector.demo.generator import DemoRows
from inspector.demo.writer import write_rows
from inspector.exporting.dashboard_export import export_dashboard
from inspector.reports.annual_summary import write_summary
from inspector.workspace import Workspace

YEAR = 2023
TODAY = date(2024, 1, 15)
FOUND, RECTIFIED = 14_514, 14_498  # the town grid inspections' figures published for the year


def _hazards(workspace: Workspace, enterprise_id: str, found: int, rectified: int) -> None:
    rows = DemoRows()
    stamp = datetime(YEAR, 6, 1, 2, tzinfo=UTC)
    for number in range(found):
        day = date(YEAR, 1, 1) + timedelta(days=number % 365)
        done = number < rectified
        rows.add(
            "hazards",
            {
                "id": uuid.uuid4(),
                "created_at": stamp,
                "updated_at": stamp,
                "device_id": workspace.db.device_id,
                "enterprise_id": to_uuid(enterprise_id),
                "inspection_id": None,
                "item_code": None,
                "source": "self_check",
                "found_on": day,
                "found_by": "网格员",
                "location_type": "workshop",
                "category": "other",
                "description": f"网格巡查发现的隐患 {number + 1}",
                "severity": "general",
                "initial_deadline": day + timedelta(days=7),
                "status": (HazardStatus.CLOSED if done else HazardStatus.RECTIFYING).value,
                # Open ones are not overdue: their deadline is after "today".
                "deadline": day + timedelta(days=7) if done else TODAY + timedelta(days=30),
                "rectified_on": day + timedelta(days=3) if done else None,
                "closed_on": day + timedelta(days=4) if done else None,
            },
        )
    write_rows(workspace.db, rows)


@pytest.fixture
def city(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    monkeypatch.setattr(Workspace, "today", lambda self: TODAY)
    workspace = Workspace(data_dir)
    enterprise = workspace.enterprises.add(
        Enterprise("平湖市网格巡查汇总有限公司", with_check_digit("91330482000000123"), "当湖街道")
    )
    _hazards(workspace, enterprise, FOUND, RECTIFIED)
    yield workspace
    workspace.close()


def test_the_published_counts_print_the_published_rate_everywhere(
    city: Workspace, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stats = city.stats(YEAR)
    assert (stats.hazards_found, stats.hazards_rectified, stats.rectification_rate) == (FOUND, RECTIFIED, 99.8)
    assert city.hazard_figures(YEAR)[-1].rate == 99.8
    assert city.dashboard(YEAR).rectification_rate == 99.8

    assert main(["--data-dir", str(data_dir), "stats", "--year", str(YEAR)]) == 0
    assert "整改率       99.8%" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "hazards", "figures", "--year", str(YEAR)]) == 0
    assert "99.8%" in capsys.readouterr().out

    book = tmp_path / "dashboard.xlsx"
    export_dashboard(city.dashboard(YEAR), book)
    overview = dict(load_workbook(book)["概览"].iter_rows(min_row=2, values_only=True))
    assert overview["整改率(%)"] == 99.8

    summary = write_summary(city, YEAR, tmp_path / "summary.pdf")
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(summary).pages))
    assert f"发现隐患{FOUND:,}处，已整改{RECTIFIED:,}处，整改率99.8%" in text
    assert "99.9%" not in text


def test_one_hazard_open_is_never_100_percent(city: Workspace) -> None:
    with city.db.transaction() as session:
        open_rows = session.query(HazardRow).filter(HazardRow.status == HazardStatus.RECTIFYING.value).all()
        for row in open_rows[1:]:  # all but one of the 16 are closed now
            row.status, row.rectified_on, row.closed_on = HazardStatus.CLOSED.value, TODAY, TODAY
    assert city.stats(YEAR).rectification_rate == 99.9  # 14,513 of 14,514 = 99.993 %
    with city.db.transaction() as session:
        row = session.query(HazardRow).filter(HazardRow.status == HazardStatus.RECTIFYING.value).one()
        row.status, row.rectified_on, row.closed_on = HazardStatus.CLOSED.value, TODAY, TODAY
    assert city.stats(YEAR).rectification_rate == 100.0
