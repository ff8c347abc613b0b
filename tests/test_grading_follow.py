"""Grading follows hazards (domain.md §4 rules 6 and 7): the quarterly light is recomputed with
every hazard change, and an open major hazard the authority confirmed downgrades the current
plaque at once; a suspected one turns the light yellow and downgrades nothing."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image

from inspector.core.checklist import Result, Severity
from inspector.core.hazard_lifecycle import HazardAction
from inspector.db.ids import to_uuid
from inspector.db.models import PlaqueRow
from inspector.photos.photo_store import StoredPhoto
from inspector.services.grading_follow import refresh_enterprise
from inspector.services.hazards import HazardSource
from inspector.workspace import Workspace
from tests.sample_records import add_enterprise, confirm_major, sample_hazard
from tests.sqlite_files import sql

A = HazardAction
FOUND_ON = date(2026, 4, 1)
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def light(workspace: Workspace, enterprise_id: str, quarter: str = "2026Q2") -> str | None:
    rows = sql(workspace, "SELECT light FROM lights WHERE enterprise_id = ? AND quarter = ?", enterprise_id, quarter)
    return rows[0][0] if rows else None  # type: ignore[return-value]


def plaques(workspace: Workspace, enterprise_id: str) -> list[tuple[object, ...]]:
    return sql(
        workspace,
        "SELECT grade, current, serial, reasons FROM plaques WHERE enterprise_id = ? ORDER BY created_at",
        enterprise_id,
    )


@pytest.fixture
def enterprise_id(workspace: Workspace) -> str:
    return add_enterprise(workspace, "平湖市评级示例有限公司", 400)


@pytest.fixture
def plaque_a(workspace: Workspace, enterprise_id: str) -> None:
    with workspace.db.transaction() as session:
        session.add(
            PlaqueRow(
                enterprise_id=to_uuid(enterprise_id),
                year=2026,
                grade="A",
                score=93.5,
                reasons=["A：得分 93.5"],
                serial="PH-2026-A-0001",
                issued_on=date(2026, 1, 15),
                current=True,
            )
        )


@pytest.fixture
def after(workspace: Workspace) -> StoredPhoto:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "green").save(buffer, "PNG")
    return workspace.photos.import_bytes(buffer.getvalue(), "after.png")


def raise_hazard(workspace: Workspace, enterprise_id: str, found_on: date = FOUND_ON, **changes: object) -> str:
    fields = {"description": "液化气钢瓶与灶具同室存放", "source": HazardSource.WORKER_REPORT, **changes}
    return workspace.hazards.raise_hazard(sample_hazard(enterprise_id, found_on, **fields), at=T0)


def raise_major(workspace: Workspace, enterprise_id: str, confirmed: bool = True, **changes: object) -> str:
    """A major hazard suspected under 令10 第三条第一项, confirmed by the authority an hour later."""
    hazard = raise_hazard(workspace, enterprise_id, severity=Severity.MAJOR, major_clause="MEM10-3-1", **changes)
    if confirmed:
        confirm_major(workspace, hazard, T0 + timedelta(hours=1))
    return hazard


def test_a_suspected_major_hazard_turns_the_light_yellow_and_keeps_the_plaque(
    workspace: Workspace, enterprise_id: str, plaque_a: None
) -> None:
    raise_major(workspace, enterprise_id, confirmed=False)
    assert light(workspace, enterprise_id) == "yellow"
    assert [row[:2] for row in plaques(workspace, enterprise_id)] == [("A", 1)]


def test_a_confirmed_major_hazard_turns_the_light_red_and_downgrades_the_plaque(
    workspace: Workspace, enterprise_id: str, plaque_a: None
) -> None:
    raise_major(workspace, enterprise_id)
    assert light(workspace, enterprise_id) == "red"
    assert [row[:3] for row in plaques(workspace, enterprise_id)] == [
        ("A", 0, "PH-2026-A-0001"),
        ("D", 1, "PH-2026-A-0001-D"),
    ]
    with workspace.db.reading() as session:
        current = session.query(PlaqueRow).filter_by(enterprise_id=to_uuid(enterprise_id), current=True).one()
        assert current.reasons == ["重大事故隐患经部门认定未整改：液化气钢瓶与灶具同室存放，即时降为 D 级"]
        assert (current.score, current.issued_on) == (93.5, FOUND_ON)

    # A second major hazard does not downgrade again (it is D already).
    raise_major(workspace, enterprise_id, description="安全出口上锁")
    assert len(plaques(workspace, enterprise_id)) == 2
    assert workspace.stats(2026).grades.get("D") == 1


def test_closing_the_major_hazard_clears_the_red_light_but_keeps_the_d_plaque(
    workspace: Workspace, enterprise_id: str, plaque_a: None, after: StoredPhoto
) -> None:
    hazard = raise_major(workspace, enterprise_id)
    assert light(workspace, enterprise_id) == "red"
    for hours, action, photos in (
        (2, A.ISSUE_NOTICE, []),
        (3, A.START_RECTIFYING, []),
        (4, A.REQUEST_RECHECK, [after]),
        (5, A.PASS_RECHECK, []),
    ):
        workspace.hazards.act(hazard, action, "张检查", photos=photos, at=T0 + timedelta(hours=hours))
    assert light(workspace, enterprise_id) == "green"
    workspace.hazards.act(hazard, A.CLOSE, "张检查", at=T0 + timedelta(hours=6))
    assert light(workspace, enterprise_id) == "green"
    # The plaque stays D until the next annual grading (see grading_follow's docstring).
    assert [(grade, current) for grade, current, *_ in plaques(workspace, enterprise_id)] == [("A", 0), ("D", 1)]


def test_a_suspected_major_hazard_fixed_on_the_spot_is_general(
    workspace: Workspace, enterprise_id: str, plaque_a: None, after: StoredPhoto
) -> None:
    hazard = raise_major(workspace, enterprise_id, confirmed=False)
    workspace.hazards.act(hazard, A.FIX_ON_SITE, "张检查", photos=[after], at=T0 + timedelta(hours=2))
    view = workspace.hazards.get(hazard)
    assert (view.severity, view.major.standing.value) == (Severity.GENERAL, "none")
    assert light(workspace, enterprise_id) == "green"
    assert [row[:2] for row in plaques(workspace, enterprise_id)] == [("A", 1)]


def test_voiding_a_major_hazard_clears_the_red_light(workspace: Workspace, enterprise_id: str) -> None:
    hazard = raise_major(workspace, enterprise_id)
    assert light(workspace, enterprise_id) == "red"
    workspace.hazards.act(hazard, A.VOID, "张检查", "误判", at=T0 + timedelta(hours=2))
    assert light(workspace, enterprise_id) == "green"
    assert plaques(workspace, enterprise_id) == []  # no plaque: nothing to downgrade


def test_an_overdue_general_hazard_makes_the_light_yellow(workspace: Workspace, enterprise_id: str) -> None:
    raise_hazard(workspace, enterprise_id, found_on=date(2026, 3, 25), deadline=date(2026, 3, 31))
    assert light(workspace, enterprise_id) == "yellow"
    reasons = sql(workspace, "SELECT reasons FROM lights WHERE enterprise_id = ?", enterprise_id)[0][0]
    assert "\\u903e\\u671f" in str(reasons)  # 逾期


def test_a_hazard_in_time_is_green_until_it_is_overdue(workspace: Workspace, enterprise_id: str) -> None:
    raise_hazard(workspace, enterprise_id)
    assert light(workspace, enterprise_id) == "green"
    with workspace.db.transaction() as session:
        result = refresh_enterprise(session, to_uuid(enterprise_id), date(2026, 4, 9))
    assert result.light.value == "yellow"
    assert light(workspace, enterprise_id) == "yellow"
    assert sql(workspace, "SELECT count(*) FROM lights") == [(1,)]  # upserted, not duplicated


def test_the_light_uses_the_latest_graded_inspection(workspace: Workspace, enterprise_id: str) -> None:
    inspectors = [workspace.roster.add("张检查"), workspace.roster.add("李检查")]
    inspection = workspace.inspections.start(enterprise_id, workspace.default_template_id(), FOUND_ON, inspectors)
    template = workspace.inspections.template_of(inspection)
    for item in template.items:
        workspace.inspections.answer(inspection, item.code, Result.PASS)
    key = next(item for item in template.items if item.key and not item.veto)
    workspace.inspections.answer(inspection, key.code, Result.FAIL)
    workspace.inspections.complete(inspection)
    raise_hazard(workspace, enterprise_id, source=HazardSource.INSPECTION, inspection_id=inspection)
    assert light(workspace, enterprise_id) == "yellow"
    reasons = sql(workspace, "SELECT reasons FROM lights WHERE enterprise_id = ?", enterprise_id)[0][0]
    assert key.code in str(reasons)
