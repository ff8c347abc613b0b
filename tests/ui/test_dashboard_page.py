"""The dashboard: figures equal to `inspector stats`, filters, cards and bars opening filtered lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from inspector.demo.generator import DemoSpec
from inspector.queries.dashboard import dashboard
from inspector.queries.hazard_figures import hazard_figures
from inspector.ui.common.operations import wait_for_background
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies


@pytest.fixture
def demo(demo_workspace: DemoCopies) -> Workspace:
    return demo_workspace(DemoSpec(enterprises=40, years=2, seed=7))


def test_city_figures_equal_stats_and_towns_add_up(demo: Workspace) -> None:
    today = demo.today()
    for year in (today.year, today.year - 1):
        stats = demo.stats(year)
        d = dashboard(demo.db, year, today)
        assert (d.enterprises, d.inspections, d.hazards_found, d.hazards_rectified) == (
            stats.enterprises,
            stats.inspections,
            stats.hazards_found,
            stats.hazards_rectified,
        )
        assert (d.rectification_rate, d.overdue, d.grades, d.lights, d.quarter) == (
            stats.rectification_rate,
            stats.overdue,
            stats.grades,
            stats.lights,
            stats.quarter,
        )
        assert list(d.by_category) == hazard_figures(demo.db, year, today, "category")[:-1]
        assert sum(row.found for row in d.by_month) == stats.hazards_found
        coverage = demo.coverage.coverage(year).total
        assert (d.inspected, d.coverage) == (coverage.inspected, coverage.percent)
        names = [t.town for t in demo.coverage.coverage(year).towns]
        towns = [dashboard(demo.db, year, today, name) for name in names]
        for field in ("enterprises", "inspections", "hazards_found", "hazards_rectified", "overdue", "open_major"):
            assert sum(getattr(t, field) for t in towns) == getattr(d, field), field
        for key in ("A", "B", "C", "D", "pending"):
            assert sum(t.grades[key] for t in towns) == d.grades[key]
        by_town = {row.key: row for row in d.by_town}
        for town in towns:
            row = by_town.get(town.town)
            found = (row.found, row.rectified, row.overdue) if row else (0, 0, 0)
            assert (town.hazards_found, town.hazards_rectified, town.overdue) == found
        assert sum(sum(r.found for r in t.by_category) for t in towns) == d.hazards_found


def loaded(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.dashboard.figures is not None and not window.dashboard.loading, timeout=10_000)


@pytest.fixture
def window(demo: Workspace, qtbot: QtBot) -> MainWindow:
    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.show()
    w.show_page("dashboard")
    loaded(w, qtbot)
    return w


def test_cards_show_the_stats_and_follow_the_filters(window: MainWindow, demo: Workspace, qtbot: QtBot) -> None:
    page = window.dashboard
    stats = demo.stats()
    assert page.cards["enterprises"].value.text() == str(stats.enterprises)
    assert page.cards["found"].value.text() == str(stats.hazards_found)
    rate = f"{stats.rectification_rate:.1f}%"
    assert page.cards["rectified"].value.text() == f"{stats.hazards_rectified} / {rate}"
    assert page.cards["overdue"].value.text() == str(stats.overdue)
    assert [page.grades_chart.value(k) for k in [*"ABCD", "pending"]] == [stats.grades[k] for k in "ABCD"] + [
        stats.grades["pending"]
    ]

    town = page.town.itemData(1)
    page.town.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.town == town, timeout=10_000)
    expected = dashboard(demo.db, demo.today().year, demo.today(), town)
    assert page.cards["enterprises"].value.text() == str(expected.enterprises)
    last_year = demo.today().year - 1
    page.set_filters(year=last_year, town=None)
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.year == last_year, timeout=10_000)
    assert page.cards["found"].value.text() == str(demo.stats(last_year).hazards_found)


def test_a_grade_bar_opens_the_enterprises_filtered(window: MainWindow, demo: Workspace) -> None:
    page = window.dashboard
    page.grades_chart.click_bar("A")
    assert window.current_page() == "enterprises"
    assert window.enterprises.grade.currentData() == "A"
    assert window.enterprises.model.rowCount() == demo.stats().grades["A"]
    window.show_page("dashboard")
    page.lights_chart.click_bar("yellow")
    assert window.enterprises.light.currentData() == "yellow"
    assert window.enterprises.grade.currentData() is None


def test_cards_and_bars_open_the_hazard_ledger_filtered(window: MainWindow, demo: Workspace) -> None:
    page, ledger = window.dashboard, window.hazards
    year = demo.today().year
    page.cards["found"].clicked.emit()
    assert window.current_page() == "hazards"
    assert ledger.model.rowCount() == demo.stats().hazards_found
    page.cards["rectified"].clicked.emit()
    assert ledger.model.rowCount() == demo.stats().hazards_rectified
    page.cards["overdue"].clicked.emit()
    assert ledger.overdue.isChecked() and ledger.model.rowCount() == demo.stats().overdue
    page.cards["open_major"].clicked.emit()
    assert ledger.severity.currentData() == "major"
    assert ledger.model.rowCount() == page.figures.open_major  # type: ignore[union-attr]
    row = page.figures.by_town[0]  # type: ignore[union-attr]
    page.town_chart.click_bar(row.key or "")
    assert ledger.town.currentData() == row.key and ledger.model.rowCount() == row.found
    month = next(r for r in page.figures.by_month if r.found)  # type: ignore[union-attr]
    page.trend_chart.bar_clicked.emit(month.key)
    assert ledger.date_from.date().toPython() == date(year, int(month.key[5:]), 1)  # type: ignore[index]
    assert ledger.model.rowCount() == month.found
    ledger.clear_filters()
    assert ledger.status_set == ()


def test_coverage_card_lists_uninspected_and_assigns(window: MainWindow, demo: Workspace, qtbot: QtBot) -> None:
    dialog = window.dashboard.open_coverage()
    qtbot.addWidget(dialog)
    total = demo.coverage.coverage(demo.today().year).total
    assert dialog.model.rowCount() == total.enterprises - total.inspected
    dialog.table.selectRow(0)
    assert dialog.assign_selected() == 1
    assert dialog.model.rows[0].inspector == dialog.inspector.currentText()


def test_export_writes_the_figures(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    out = tmp_path / "dashboard.xlsx"
    window.dashboard.export_to(out)
    wait_for_background()
    qtbot.waitUntil(out.exists, timeout=5000)
    book = load_workbook(out)
    assert book.sheetnames == ["概览", "亮牌等级", "季度亮灯", "隐患类别", "镇街道", "月度趋势"]
    figures = window.dashboard.figures
    assert figures is not None
    assert book["概览"]["B4"].value == figures.enterprises
    overview = {row[0].value: row[1].value for row in book["概览"].iter_rows(min_row=2)}
    assert overview["开工第一课企业"] == figures.training["first_lesson"].enterprises
    assert overview["班组长培训人次"] == figures.training["team_leader"].workers
