"""The annual summary: its figures are `inspector stats` and `hazards figures`, read back from the PDF."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from plaque_fixtures import TODAY, YEAR, City, city, embedded_fonts, flat_text, make_city, words_outside
from pypdf import PdfReader
from sqlalchemy import select

from inspector.core.inspection import InspectionStatus
from inspector.db.ids import to_str
from inspector.db.models import AnswerRow, InspectionRow
from inspector.queries.hazard_figures import hazard_figures
from inspector.queries.stats import compute_stats
from inspector.queries.summary_figures import annual_figures
from inspector.reports.annual_summary import STEPS, write_summary

__all__ = ["city", "make_city"]  # fixtures used by name


def test_figures_are_those_of_inspector_stats(city: City) -> None:
    figures = annual_figures(city.ws.db, YEAR, TODAY)
    assert figures.stats == compute_stats(city.ws.db, YEAR, TODAY) == city.ws.stats(YEAR)
    by_town = hazard_figures(city.ws.db, YEAR, TODAY, "town")
    assert figures.hazards_total == by_town[-1]
    assert [t.hazards for t in figures.towns if t.hazards.found] == [r for r in by_town[:-1]]
    assert sum(t.enterprises for t in figures.towns) == figures.stats.enterprises
    for grade in ("A", "B", "C", "D", "pending"):
        assert sum(t.grades[grade] for t in figures.towns) == figures.stats.grades[grade]
    assert 0 < figures.inspected <= figures.stats.inspections
    assert figures.failed_items and figures.failed_items[0].failures >= figures.failed_items[-1].failures


def test_the_pdf_prints_the_same_numbers(city: City, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    out = write_summary(city.ws, YEAR, tmp_path / "summary.pdf", progress=lambda d, t: steps.append((d, t)))
    assert steps[0] == (0, STEPS) and steps[-1] == (STEPS, STEPS)
    stats = city.ws.stats(YEAR)
    text = flat_text(out)
    rate = "—" if stats.rectification_rate is None else f"{stats.rectification_rate:.1f}%"
    sentence = (
        f"全年完成检查{stats.inspections:,}次，"
        f"覆盖企业{annual_figures(city.ws.db, YEAR, TODAY).inspected:,}家；发现隐患{stats.hazards_found:,}处，"
        f"已整改{stats.hazards_rectified:,}处，整改率{rate}；逾期未整改{stats.overdue:,}处。"
    )
    assert sentence in text
    assert f"{YEAR}年度安全生产检查工作汇总" in text and "各镇街情况" in text and "最常见的不符合项" in text
    assert all(embedded for _name, embedded in embedded_fonts(out))
    assert words_outside(out) == []
    assert len(PdfReader(out).pages) >= 1
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", str(out), str(png)], check=True)
    assert (tmp_path / "page.png").stat().st_size > 5_000  # charts and tables, not a blank page


def test_the_pdf_prints_the_years_training(city: City, tmp_path: Path) -> None:
    training = city.ws.stats(YEAR).training
    first, leaders = training["first_lesson"], training["team_leader"]
    assert first.enterprises > 0  # the demo city holds 开工第一课 records
    text = flat_text(write_summary(city.ws, YEAR, tmp_path / "summary.pdf"))
    assert "三、安全培训" in text
    assert (
        f"开工第一课覆盖企业{first.enterprises:,}家、参训{first.workers:,}人次；"
        f"班组长培训覆盖企业{leaders.enterprises:,}家、参训{leaders.workers:,}人次。"
    ) in text
    row = f"开工第一课{first.sessions:,}{first.enterprises:,}{first.workers:,}"
    assert row in text


def test_an_amended_answer_moves_the_failed_item_counts(make_city: Callable[..., City], pinned_today: None) -> None:
    made = make_city(key=False)
    db = made.ws.db
    before = {i.code: i.failures for i in annual_figures(db, YEAR, TODAY, top_items=100).failed_items}
    with db.reading() as session:
        inspection_id, code = session.execute(
            select(InspectionRow.id, AnswerRow.item_code)
            .join(AnswerRow, AnswerRow.inspection_id == InspectionRow.id)
            .where(
                InspectionRow.status == InspectionStatus.FINALIZED.value,
                InspectionRow.inspection_date >= TODAY.replace(month=1, day=1),
                AnswerRow.result == "fail",
            )
            .limit(1)
        ).one()
    made.ws.amendments.amend_answer(to_str(inspection_id), code, "pass", "复核后更正", "审核员")
    after = {i.code: i.failures for i in annual_figures(db, YEAR, TODAY, top_items=100).failed_items}
    assert after.get(code, 0) == before[code] - 1


def test_the_summary_is_print_safe_names_no_command_and_has_a_subject(city: City, tmp_path: Path) -> None:
    from plaque_fixtures import ink_near_edge

    out = write_summary(city.ws, YEAR, tmp_path / "summary.pdf")
    assert ink_near_edge(out, tmp_path) == []
    text = flat_text(out)
    assert "inspector" not in text.lower() and "各项数字与系统中该年度的统计一致" in text
    meta = PdfReader(out).metadata
    assert meta is not None and meta.subject.startswith(city.ws.settings.office_name) and str(YEAR) in meta.subject
