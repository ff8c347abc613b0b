"""Hazards over a real database: raise with a before-photo, walk the lifecycle through
HazardService.act, the mirrored status and dates, the event history, refusals, overdue."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image, ImageDraw

from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Severity
from inspector.core.errors import TransitionRefused, ValidationError
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import HazardService, HazardSource, NewHazard
from inspector.workspace import Workspace
from tests.sample_records import add_enterprise, start_inspection
from tests.sqlite_files import sql

A = HazardAction
S = HazardStatus
FOUND_ON = date(2026, 4, 1)
DEADLINE = date(2026, 4, 8)
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai on FOUND_ON


def at(days: float, hours: float = 0) -> datetime:
    return T0 + timedelta(days=days, hours=hours)


def png(colour: str, text: str) -> bytes:
    image = Image.new("RGB", (640, 480), colour)
    ImageDraw.Draw(image).rectangle((100, 100, 300, 260), fill="black")
    ImageDraw.Draw(image).text((20, 20), text, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def event_count(workspace: Workspace, hazard_id: str) -> int:
    return sql(workspace, "SELECT count(*) FROM hazard_events WHERE hazard_id = ?", hazard_id)[0][0]  # type: ignore[return-value]


def mirrored(workspace: Workspace, hazard_id: str) -> tuple[object, ...]:
    return sql(workspace, "SELECT status, deadline, rectified_on, closed_on FROM hazards WHERE id = ?", hazard_id)[0]


@pytest.fixture
def hazards(workspace: Workspace) -> HazardService:
    return workspace.hazards


@pytest.fixture
def before(workspace: Workspace) -> StoredPhoto:
    return workspace.photos.import_bytes(png("red", "before"), "before.png")


@pytest.fixture
def after(workspace: Workspace) -> StoredPhoto:
    return workspace.photos.import_bytes(png("green", "after"), "after.png")


@pytest.fixture
def enterprise_id(workspace: Workspace) -> str:
    return add_enterprise(workspace, "平湖市隐患示例有限公司", 200)


@pytest.fixture
def inspection_id(workspace: Workspace, enterprise_id: str) -> str:
    return start_inspection(workspace, enterprise_id, FOUND_ON)


def new_hazard(enterprise_id: str, inspection_id: str | None, **changes: object) -> NewHazard:
    fields: dict[str, object] = {
        "enterprise_id": enterprise_id,
        "description": "二号车间安全出口被货物堵塞",
        "found_on": FOUND_ON,
        "found_by": "张检查、李检查",
        "deadline": DEADLINE,
        "severity": Severity.GENERAL,
        "category": Category.FIRE,
        "location_type": LocationType.WORKSHOP,
        "location": "二号车间东侧",
        "source": HazardSource.INSPECTION,
        "inspection_id": inspection_id,
        "item_code": "C-1",
        "measures": "立即清理通道",
        "responsible_person": "王厂长",
    }
    fields.update(changes)
    return NewHazard(**fields)  # type: ignore[arg-type]


@pytest.fixture
def hazard_id(hazards: HazardService, enterprise_id: str, inspection_id: str, before: StoredPhoto) -> str:
    return hazards.raise_hazard(new_hazard(enterprise_id, inspection_id), photos=[before], at=T0)


# -- raising -------------------------------------------------------------------------------------
def test_raised_hazard_reads_back_with_its_before_photo(
    workspace: Workspace, hazards: HazardService, hazard_id: str, before: StoredPhoto, inspection_id: str
) -> None:
    view = hazards.get(hazard_id)
    assert view.status is S.RECORDED
    assert view.deadline == DEADLINE
    assert view.enterprise_name == "平湖市隐患示例有限公司"
    assert (view.inspection_id, view.item_code, view.source) == (inspection_id, "C-1", HazardSource.INSPECTION)
    assert (view.category, view.location_type, view.severity) == (
        Category.FIRE,
        LocationType.WORKSHOP,
        Severity.GENERAL,
    )
    assert view.before_photos == (before.sha256,)
    assert view.after_photos == ()
    assert [e.action for e in view.events] == [A.RECORD]
    assert view.events[0].by == "张检查、李检查"
    assert (view.rectified_on, view.closed_on) == (None, None)
    assert mirrored(workspace, hazard_id) == ("recorded", "2026-04-08", None, None)
    assert sql(workspace, "SELECT count(*) FROM photos WHERE sha256 = ?", before.sha256) == [(1,)]
    assert workspace.photos.path_of(before.sha256).is_file()


def test_inspection_hazard_without_an_inspection_is_refused(
    workspace: Workspace, hazards: HazardService, enterprise_id: str
) -> None:
    with pytest.raises(ValidationError, match="必须关联一次检查"):
        hazards.raise_hazard(new_hazard(enterprise_id, None))
    assert hazards.count() == 0


def test_worker_report_needs_no_inspection(hazards: HazardService, enterprise_id: str) -> None:
    hazard = new_hazard(enterprise_id, None, source=HazardSource.WORKER_REPORT, item_code=None, found_by="职工")
    view = hazards.get(hazards.raise_hazard(hazard, at=T0))
    assert view.source is HazardSource.WORKER_REPORT
    assert view.inspection_id is None
    assert view.before_photos == ()


def test_deadline_before_the_finding_and_empty_description_are_refused(
    hazards: HazardService, enterprise_id: str, inspection_id: str
) -> None:
    bad = new_hazard(enterprise_id, inspection_id, deadline=FOUND_ON - timedelta(days=1), description="  ")
    with pytest.raises(ValidationError) as caught:
        hazards.raise_hazard(bad)
    assert set(caught.value.problems) == {"隐患描述", "整改期限"}
    assert hazards.count() == 0


def test_same_photo_before_on_two_hazards_is_stored_once(
    workspace: Workspace, hazards: HazardService, hazard_id: str, enterprise_id: str, inspection_id: str
) -> None:
    again = workspace.photos.import_bytes(png("red", "before"), "copy-of-before.png")
    second = hazards.raise_hazard(new_hazard(enterprise_id, inspection_id), photos=[again], at=T0)
    assert hazards.get(second).before_photos == hazards.get(hazard_id).before_photos
    assert sql(workspace, "SELECT count(*) FROM photos") == [(1,)]


# -- the full walk -------------------------------------------------------------------------------
def test_notice_rectify_recheck_pass_close(
    workspace: Workspace, hazards: HazardService, hazard_id: str, before: StoredPhoto, after: StoredPhoto
) -> None:
    assert hazards.act(hazard_id, A.ISSUE_NOTICE, "张检查", "下发整改通知书", at=at(0, 1)) is S.NOTICE_ISSUED
    assert mirrored(workspace, hazard_id)[0] == "notice_issued"

    assert hazards.act(hazard_id, A.START_RECTIFYING, "企业安全员", at=at(1)) is S.RECTIFYING
    assert mirrored(workspace, hazard_id)[0] == "rectifying"

    status = hazards.act(hazard_id, A.REQUEST_RECHECK, "企业安全员", "已清理", photos=[after], at=at(3))
    assert status is S.RECHECK_REQUESTED
    assert mirrored(workspace, hazard_id) == ("recheck_requested", "2026-04-08", None, None)

    # 17:30 UTC on 5 April is 01:30 on 6 April in Shanghai: the office's date is recorded.
    status = hazards.act(hazard_id, A.PASS_RECHECK, "张检查", "复查合格", at=datetime(2026, 4, 5, 17, 30, tzinfo=UTC))
    assert status is S.RECHECK_PASSED
    assert mirrored(workspace, hazard_id) == ("recheck_passed", "2026-04-08", "2026-04-06", None)

    assert hazards.act(hazard_id, A.CLOSE, "张检查", "销号", at=at(6)) is S.CLOSED
    assert mirrored(workspace, hazard_id) == ("closed", "2026-04-08", "2026-04-06", "2026-04-07")

    view = hazards.get(hazard_id)
    assert view.status is S.CLOSED
    assert (view.rectified_on, view.closed_on) == (date(2026, 4, 6), date(2026, 4, 7))
    assert [e.action for e in view.events] == [
        A.RECORD,
        A.ISSUE_NOTICE,
        A.START_RECTIFYING,
        A.REQUEST_RECHECK,
        A.PASS_RECHECK,
        A.CLOSE,
    ]
    assert [(e.from_status, e.to_status) for e in view.events] == [
        (None, S.RECORDED),
        (S.RECORDED, S.NOTICE_ISSUED),
        (S.NOTICE_ISSUED, S.RECTIFYING),
        (S.RECTIFYING, S.RECHECK_REQUESTED),
        (S.RECHECK_REQUESTED, S.RECHECK_PASSED),
        (S.RECHECK_PASSED, S.CLOSED),
    ]
    assert [e.by for e in view.events][1:] == ["张检查", "企业安全员", "企业安全员", "张检查", "张检查"]
    assert view.events[3].note == "已清理"
    assert view.before_photos == (before.sha256,)
    assert view.after_photos == (after.sha256,)
    assert event_count(workspace, hazard_id) == 6
    assert sql(workspace, "SELECT seq FROM hazard_events WHERE hazard_id = ? ORDER BY seq", hazard_id) == [
        (n,) for n in range(1, 7)
    ]
    assert hazards.allowed_actions(hazard_id) == []
    assert not view.overdue(date(2027, 1, 1))  # closed is never overdue


def test_fix_on_site_then_close(
    workspace: Workspace, hazards: HazardService, hazard_id: str, after: StoredPhoto
) -> None:
    hazards.act(hazard_id, A.FIX_ON_SITE, "张检查", "当场清理", photos=[after], at=at(0, 1))
    hazards.act(hazard_id, A.CLOSE, "张检查", at=at(0, 2))
    view = hazards.get(hazard_id)
    assert view.status is S.CLOSED
    assert view.after_photos == (after.sha256,)
    assert view.rectified_on == view.closed_on == FOUND_ON


# -- refusals ------------------------------------------------------------------------------------
def test_refused_transition_raises_and_writes_no_event(
    workspace: Workspace, hazards: HazardService, hazard_id: str, after: StoredPhoto
) -> None:
    with pytest.raises(TransitionRefused, match="不能“销号”"):
        hazards.act(hazard_id, A.CLOSE, "张检查", at=at(1))
    with pytest.raises(TransitionRefused, match="当场整改必须附整改后照片"):
        hazards.act(hazard_id, A.FIX_ON_SITE, "张检查", at=at(1))
    with pytest.raises(TransitionRefused, match="作废隐患必须写明原因"):
        hazards.act(hazard_id, A.VOID, "张检查", photos=[after], at=at(1))
    assert event_count(workspace, hazard_id) == 1
    assert mirrored(workspace, hazard_id) == ("recorded", "2026-04-08", None, None)
    assert sql(workspace, "SELECT count(*) FROM hazard_event_photos") == [(1,)]  # the before-photo only


def test_pass_recheck_without_any_after_photo_is_refused(
    workspace: Workspace, hazards: HazardService, hazard_id: str
) -> None:
    hazards.act(hazard_id, A.ISSUE_NOTICE, "张检查", at=at(0, 1))
    hazards.act(hazard_id, A.START_RECTIFYING, "企业安全员", at=at(1))
    hazards.act(hazard_id, A.REQUEST_RECHECK, "企业安全员", at=at(2))  # no photo
    with pytest.raises(TransitionRefused, match="复查通过必须附整改后照片"):
        hazards.act(hazard_id, A.PASS_RECHECK, "张检查", at=at(3))
    assert event_count(workspace, hazard_id) == 4
    assert hazards.get(hazard_id).status is S.RECHECK_REQUESTED


def test_closed_hazard_refuses_everything(
    workspace: Workspace, hazards: HazardService, hazard_id: str, after: StoredPhoto
) -> None:
    hazards.act(hazard_id, A.FIX_ON_SITE, "张检查", photos=[after], at=at(0, 1))
    hazards.act(hazard_id, A.CLOSE, "张检查", at=at(0, 2))
    with pytest.raises(TransitionRefused, match="已销号"):
        hazards.act(hazard_id, A.VOID, "张检查", "误登记", at=at(1))
    assert event_count(workspace, hazard_id) == 3


# -- failed re-check and extensions --------------------------------------------------------------
def requested_recheck(hazards: HazardService, hazard_id: str, after: StoredPhoto) -> None:
    hazards.act(hazard_id, A.ISSUE_NOTICE, "张检查", at=at(0, 1))
    hazards.act(hazard_id, A.START_RECTIFYING, "企业安全员", at=at(1))
    hazards.act(hazard_id, A.REQUEST_RECHECK, "企业安全员", photos=[after], at=at(3))


def test_fail_recheck_sets_the_new_deadline(
    workspace: Workspace, hazards: HazardService, hazard_id: str, after: StoredPhoto
) -> None:
    requested_recheck(hazards, hazard_id, after)
    new_deadline = date(2026, 4, 15)
    status = hazards.act(hazard_id, A.FAIL_RECHECK, "张检查", "仍有堆放", new_deadline=new_deadline, at=at(4))
    assert status is S.RECTIFYING
    view = hazards.get(hazard_id)
    assert view.deadline == new_deadline
    assert view.events[-1].new_deadline == new_deadline
    assert mirrored(workspace, hazard_id) == ("rectifying", "2026-04-15", None, None)
    assert sql(workspace, "SELECT initial_deadline FROM hazards WHERE id = ?", hazard_id) == [("2026-04-08",)]
    assert not view.overdue(date(2026, 4, 10))  # past the first deadline, not the new one
    assert view.overdue(date(2026, 4, 16))


def test_fail_recheck_without_a_later_deadline_is_refused(
    workspace: Workspace, hazards: HazardService, hazard_id: str, after: StoredPhoto
) -> None:
    requested_recheck(hazards, hazard_id, after)
    with pytest.raises(TransitionRefused, match="新整改期限"):
        hazards.act(hazard_id, A.FAIL_RECHECK, "张检查", "仍有堆放", at=at(4))
    with pytest.raises(TransitionRefused, match="新整改期限"):
        hazards.act(hazard_id, A.FAIL_RECHECK, "张检查", "仍有堆放", new_deadline=date(2026, 4, 5), at=at(4))
    assert event_count(workspace, hazard_id) == 4
    assert hazards.get(hazard_id).deadline == DEADLINE


def test_after_a_failed_recheck_the_new_request_needs_its_own_photo(
    hazards: HazardService, hazard_id: str, after: StoredPhoto
) -> None:
    requested_recheck(hazards, hazard_id, after)
    hazards.act(hazard_id, A.FAIL_RECHECK, "张检查", new_deadline=date(2026, 4, 15), at=at(4))
    hazards.act(hazard_id, A.REQUEST_RECHECK, "企业安全员", at=at(6))  # no new photo
    with pytest.raises(TransitionRefused, match="复查通过必须附整改后照片"):
        hazards.act(hazard_id, A.PASS_RECHECK, "张检查", at=at(7))


def test_approved_extension_moves_the_deadline(workspace: Workspace, hazards: HazardService, hazard_id: str) -> None:
    hazards.act(hazard_id, A.ISSUE_NOTICE, "张检查", at=at(0, 1))
    hazards.act(hazard_id, A.REQUEST_EXTENSION, "企业", "需采购设备", new_deadline=date(2026, 4, 20), at=at(1))
    assert hazards.get(hazard_id).pending_extension == date(2026, 4, 20)
    assert hazards.get(hazard_id).deadline == DEADLINE
    hazards.act(hazard_id, A.APPROVE_EXTENSION, "科长", at=at(2))
    view = hazards.get(hazard_id)
    assert (view.deadline, view.pending_extension, view.status) == (date(2026, 4, 20), None, S.NOTICE_ISSUED)
    assert mirrored(workspace, hazard_id)[:2] == ("notice_issued", "2026-04-20")


# -- overdue -------------------------------------------------------------------------------------
def test_overdue_is_derived_from_deadline_and_today(hazards: HazardService, hazard_id: str) -> None:
    view = hazards.get(hazard_id)
    assert not view.overdue(DEADLINE)  # the deadline day itself is not overdue
    assert view.overdue(DEADLINE + timedelta(days=1))
    hazards.act(hazard_id, A.ISSUE_NOTICE, "张检查", at=at(0, 1))
    hazards.act(hazard_id, A.START_RECTIFYING, "企业安全员", at=at(1))
    assert hazards.get(hazard_id).overdue(DEADLINE + timedelta(days=1))


def test_waiting_for_the_recheck_is_not_overdue(hazards: HazardService, hazard_id: str, after: StoredPhoto) -> None:
    requested_recheck(hazards, hazard_id, after)
    assert not hazards.get(hazard_id).overdue(DEADLINE + timedelta(days=30))


def test_voided_hazard_is_not_overdue(workspace: Workspace, hazards: HazardService, hazard_id: str) -> None:
    hazards.act(hazard_id, A.VOID, "张检查", "重复登记", at=at(0, 1))
    view = hazards.get(hazard_id)
    assert view.status is S.VOIDED
    assert not view.overdue(DEADLINE + timedelta(days=30))
    assert view.events[-1].note == "重复登记"
    assert mirrored(workspace, hazard_id) == ("voided", "2026-04-08", None, None)
