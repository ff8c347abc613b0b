"""EnterpriseQueries: the register's search, rows and detail, on real SQLite (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.core.grades import PENDING
from inspector.core.hazard_lifecycle import OPEN, is_overdue
from inspector.db.ids import to_str
from inspector.db.models import HazardRow, InspectionRow, LightRow, PlaqueRow
from inspector.demo.generator import DemoSpec
from inspector.queries.enterprise_queries import ROWS_MAX, EnterpriseQueries, EnterpriseRowView
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies

YEAR = 2026
QUARTER = "2026Q3"


def code(number: int) -> str:
    return with_check_digit(f"91330482MA{number:07d}")


@pytest.fixture(scope="module")
def demo(module_demo_workspace: DemoCopies) -> Workspace:
    """A small demo city (40 enterprises, one year), shared read-only by the tests that only look."""
    return module_demo_workspace(DemoSpec(enterprises=40, years=1))


@pytest.fixture
def register(workspace: Workspace) -> EnterpriseQueries:
    workspace.enterprises.add_many(
        [
            Enterprise("平湖市乙五金有限公司", code(1), "当湖街道", address="当湖街道人民路 1 号"),
            Enterprise("平湖市甲纸业有限公司", code(2), "乍浦镇", address="乍浦镇雅山西路 8 号"),
            Enterprise("嘉兴丙化工有限公司", code(3), "乍浦镇", address="乍浦镇五金路 3 号"),
            Enterprise("平湖 100% 纯棉制衣厂", code(4), "新仓镇", address="新仓镇仓庆路 2 号"),
        ]
    )
    return EnterpriseQueries(workspace.db)


def names(queries: EnterpriseQueries, ids: list[str]) -> list[str]:
    return [row.name for row in queries.rows(ids, year=YEAR, quarter=QUARTER)]


def search(queries: EnterpriseQueries, text: str = "", **filters: str | None) -> list[str]:
    return names(queries, queries.search(text, year=YEAR, quarter=QUARTER, **filters))


# -- search ----------------------------------------------------------------------------------


def test_empty_search_lists_everyone_in_name_order(register: EnterpriseQueries) -> None:
    found = search(register)
    assert found == sorted(found)
    assert len(found) == 4


def test_text_matches_name_credit_code_and_address(register: EnterpriseQueries) -> None:
    # "五金" is in one name and in another enterprise's address.
    assert set(search(register, "五金")) == {"平湖市乙五金有限公司", "嘉兴丙化工有限公司"}
    assert search(register, code(2)[-6:].lower()) == ["平湖市甲纸业有限公司"]  # codes match in any case
    assert search(register, "雅山西路") == ["平湖市甲纸业有限公司"]
    assert search(register, "没有这家") == []


def test_every_word_must_match_somewhere(register: EnterpriseQueries) -> None:
    assert search(register, "平湖  纸业") == ["平湖市甲纸业有限公司"]
    assert search(register, "乍浦 五金") == ["嘉兴丙化工有限公司"]


def test_like_wildcards_typed_by_the_user_are_literal(register: EnterpriseQueries) -> None:
    assert search(register, "100%") == ["平湖 100% 纯棉制衣厂"]
    assert search(register, "%") == ["平湖 100% 纯棉制衣厂"]
    assert search(register, "_") == []


def test_town_filter(register: EnterpriseQueries) -> None:
    assert set(search(register, town="乍浦镇")) == {"平湖市甲纸业有限公司", "嘉兴丙化工有限公司"}
    assert search(register, "纸业", town="当湖街道") == []


def test_without_plaques_everyone_is_pending_and_unlit(register: EnterpriseQueries) -> None:
    assert len(search(register, grade=PENDING)) == 4
    assert search(register, grade="A") == []
    assert search(register, light="green") == []
    rows = register.rows(register.search(year=YEAR, quarter=QUARTER), year=YEAR, quarter=QUARTER)
    assert {(row.grade, row.light, row.open_hazards, row.last_inspection) for row in rows} == {(None, None, 0, None)}


def test_grade_and_light_filters_agree_with_the_figures(demo: Workspace) -> None:
    queries = EnterpriseQueries(demo.db)
    year = demo.today().year
    stats = demo.stats(year)
    quarter = queries.light_quarter(year)
    assert quarter == stats.quarter
    for grade, count in stats.grades.items():
        assert len(queries.search(grade=grade, year=year, quarter=quarter)) == count, grade
    for light, count in stats.lights.items():
        assert len(queries.search(light=light, year=year, quarter=quarter)) == count, light
    assert sum(stats.grades.values()) == len(queries.search(year=year, quarter=quarter)) == 40


def this_year(demo: Workspace) -> tuple[EnterpriseQueries, int, str, list[EnterpriseRowView]]:
    """The register, this year and its light quarter, and every row of the city in it."""
    queries = EnterpriseQueries(demo.db)
    year = demo.today().year
    quarter = queries.light_quarter(year)
    assert quarter is not None
    return queries, year, quarter, queries.rows(queries.search(year=year, quarter=quarter), year=year, quarter=quarter)


def test_filters_combine(demo: Workspace) -> None:
    queries, year, quarter, everyone = this_year(demo)
    town = everyone[0].town
    expected = [row.id for row in everyone if row.town == town and row.grade == "A" and row.light == "green"]
    assert queries.search(town=town, grade="A", light="green", year=year, quarter=quarter) == expected


# -- rows ------------------------------------------------------------------------------------


def test_rows_keep_the_order_given_and_skip_unknown_ids(register: EnterpriseQueries) -> None:
    ids = register.search(year=YEAR, quarter=QUARTER)
    unknown = "0" * 32
    rows = register.rows([ids[2], unknown, ids[0]], year=YEAR, quarter=QUARTER)
    assert [row.id for row in rows] == [ids[2], ids[0]]
    assert register.rows([], year=YEAR, quarter=QUARTER) == []
    with pytest.raises(ValueError):
        register.rows([unknown] * (ROWS_MAX + 1), year=YEAR, quarter=QUARTER)


def test_rows_carry_grade_light_hazards_and_last_inspection(demo: Workspace) -> None:
    _queries, year, quarter, rows = this_year(demo)
    open_statuses = [status.value for status in OPEN]
    with demo.db.reading() as session:
        grades = {
            to_str(e): g
            for e, g in session.execute(
                select(PlaqueRow.enterprise_id, PlaqueRow.grade).where(PlaqueRow.year == year, PlaqueRow.current)
            )
        }
        lights = {
            to_str(e): light
            for e, light in session.execute(
                select(LightRow.enterprise_id, LightRow.light).where(LightRow.quarter == quarter)
            )
        }
        hazards: dict[str, int] = {}
        for (enterprise,) in session.execute(
            select(HazardRow.enterprise_id).where(HazardRow.status.in_(open_statuses))
        ):
            hazards[to_str(enterprise)] = hazards.get(to_str(enterprise), 0) + 1
        last: dict[str, date] = {}
        for enterprise, day in session.execute(
            select(InspectionRow.enterprise_id, InspectionRow.inspection_date).where(
                InspectionRow.status.in_(["completed", "finalized"])
            )
        ):
            last[to_str(enterprise)] = max(day, last.get(to_str(enterprise), day))
    assert len(rows) == 40
    for row in rows:
        assert row.grade == grades.get(row.id)
        assert row.light == lights.get(row.id)
        assert row.open_hazards == hazards.get(row.id, 0)
        assert row.last_inspection == last.get(row.id)
    assert any(row.open_hazards for row in rows), "the demo city should have open hazards"


# -- detail ----------------------------------------------------------------------------------


def test_detail_of_an_enterprise_with_open_hazards(demo: Workspace) -> None:
    queries = EnterpriseQueries(demo.db)
    today = demo.today()
    with demo.db.reading() as session:
        hazard = session.scalars(
            select(HazardRow).where(HazardRow.status.in_([s.value for s in OPEN])).order_by(HazardRow.deadline)
        ).first()
        assert hazard is not None
        enterprise_id = to_str(hazard.enterprise_id)
        inspections = session.scalars(select(InspectionRow).where(InspectionRow.enterprise_id == hazard.enterprise_id))
        inspection_dates = sorted((row.inspection_date for row in inspections), reverse=True)
    detail = queries.detail(enterprise_id, today)
    assert detail.enterprise.id == enterprise_id
    assert [line.inspection_date for line in detail.inspections] == inspection_dates
    assert all(line.template_code == "general-manufacturing" for line in detail.inspections)
    assert detail.open_hazards, "the chosen enterprise has an open hazard"
    assert all(line.status in OPEN for line in detail.open_hazards)
    assert [line.deadline for line in detail.open_hazards] == sorted(line.deadline for line in detail.open_hazards)
    for line in detail.open_hazards:
        assert line.overdue == is_overdue(line.status, line.deadline, today)
    current = [p for p in detail.plaques if p.year == today.year and p.current]
    assert detail.grade == (current[0].grade if current else None)
    assert [light.quarter for light in detail.lights] == sorted(
        (light.quarter for light in detail.lights), reverse=True
    )


def test_overdue_follows_today(demo: Workspace) -> None:
    queries = EnterpriseQueries(demo.db)
    with demo.db.reading() as session:
        hazard = session.scalars(
            select(HazardRow).where(HazardRow.status.in_(["recorded", "notice_issued", "rectifying"]))
        ).first()
        assert hazard is not None
        enterprise_id, deadline = to_str(hazard.enterprise_id), hazard.deadline
    on_time = queries.detail(enterprise_id, deadline)
    late = queries.detail(enterprise_id, date.fromordinal(deadline.toordinal() + 1))
    line_on_time = next(line for line in on_time.open_hazards if line.id == to_str(hazard.id))
    line_late = next(line for line in late.open_hazards if line.id == to_str(hazard.id))
    assert not line_on_time.overdue  # the deadline day itself is not overdue
    assert line_late.overdue


def test_detail_of_a_new_enterprise_is_empty(register: EnterpriseQueries) -> None:
    enterprise_id = register.search("纸业", year=YEAR, quarter=QUARTER)[0]
    detail = register.detail(enterprise_id, date(YEAR, 8, 1))
    assert detail.enterprise.name == "平湖市甲纸业有限公司"
    assert (detail.grade, detail.inspections, detail.plaques, detail.lights, detail.open_hazards) == (
        None,
        [],
        [],
        [],
        [],
    )


def test_detail_of_an_unknown_enterprise(register: EnterpriseQueries) -> None:
    with pytest.raises(DomainError):
        register.detail("0" * 32, date(YEAR, 8, 1))
    with pytest.raises(DomainError):
        register.detail("not-an-id", date(YEAR, 8, 1))


def test_light_quarter_is_none_without_lights(register: EnterpriseQueries) -> None:
    assert register.light_quarter(YEAR) is None
    assert register.towns() == sorted(["当湖街道", "乍浦镇", "新仓镇"])
