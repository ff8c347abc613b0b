"""The hazard state machine of domain.md §3, overdue, and "today" in the office's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from inspector.core import dates
from inspector.core.errors import DomainError, TransitionRefused
from inspector.core.hazard_lifecycle import (
    HazardAction,
    HazardState,
    HazardStatus,
    allowed_actions,
    apply,
    is_open,
    is_overdue,
    is_rectified,
    record,
    replay,
)

S = HazardStatus
A = HazardAction

DEADLINE = date(2026, 4, 10)
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(days: int = 0, hours: int = 0) -> datetime:
    return T0 + timedelta(days=days, hours=hours)


def recorded() -> HazardState:
    return record(DEADLINE, T0, "张三", "消防通道堆放货物", ["before-1"])


def step(state: HazardState, action: HazardAction, **kwargs: object) -> HazardState:
    """Apply with sensible defaults, one hour after the previous event."""
    kwargs.setdefault("by", "李四")
    when = kwargs.pop("at", state.events[-1].at + timedelta(hours=1))
    return apply(state, action, when, **kwargs)  # type: ignore[arg-type]


# How to reach every status by the shortest allowed path.
PATHS: dict[HazardStatus, Callable[[], HazardState]] = {
    S.RECORDED: recorded,
    S.FIXED_ON_SITE: lambda: step(recorded(), A.FIX_ON_SITE, photos=["after-1"]),
    S.NOTICE_ISSUED: lambda: step(recorded(), A.ISSUE_NOTICE),
    S.RECTIFYING: lambda: step(PATHS[S.NOTICE_ISSUED](), A.START_RECTIFYING),
    S.RECHECK_REQUESTED: lambda: step(PATHS[S.RECTIFYING](), A.REQUEST_RECHECK, photos=["after-1"]),
    S.RECHECK_PASSED: lambda: step(PATHS[S.RECHECK_REQUESTED](), A.PASS_RECHECK),
    S.CLOSED: lambda: step(PATHS[S.FIXED_ON_SITE](), A.CLOSE),
    S.VOIDED: lambda: step(recorded(), A.VOID, note="重复登记"),
}


def reach(status: HazardStatus) -> HazardState:
    state = PATHS[status]()
    assert state.status is status
    return state


# The specification (domain.md §3 and the module docstring), written out independently.
ALLOWED: dict[HazardStatus, set[HazardAction]] = {
    S.RECORDED: {A.FIX_ON_SITE, A.ISSUE_NOTICE, A.VOID},
    S.FIXED_ON_SITE: {A.CLOSE, A.VOID},
    S.NOTICE_ISSUED: {A.START_RECTIFYING, A.VOID, A.REQUEST_EXTENSION, A.APPROVE_EXTENSION, A.REFUSE_EXTENSION},
    S.RECTIFYING: {A.REQUEST_RECHECK, A.VOID, A.REQUEST_EXTENSION, A.APPROVE_EXTENSION, A.REFUSE_EXTENSION},
    S.RECHECK_REQUESTED: {A.PASS_RECHECK, A.FAIL_RECHECK, A.VOID},
    S.RECHECK_PASSED: {A.CLOSE, A.VOID},
    S.CLOSED: set(),
    S.VOIDED: set(),
}
NON_TERMINAL = [s for s in HazardStatus if s not in (S.CLOSED, S.VOIDED)]
# The rectification actions this specification covers; the major-hazard track's steps, which
# leave the status as it is, are specified in tests/core/test_major_hazard.py.
RECTIFICATION = [a for a in HazardAction if a.major_step is None]


def rectification_actions(state: HazardState) -> set[HazardAction]:
    return {a for a in allowed_actions(state) if a.major_step is None}


# Arguments that satisfy every action's own requirements, so a refusal can only be the status.
GOOD_ARGS = dict(note="说明", photos=["after-9"], new_deadline=date(2026, 6, 30))


# -- allowed transitions -------------------------------------------------------------------

ALLOWED_MOVES = [
    # id, from, action, kwargs, to
    ("record-fix-on-site", S.RECORDED, A.FIX_ON_SITE, dict(photos=["after-1"]), S.FIXED_ON_SITE),
    ("record-issue-notice", S.RECORDED, A.ISSUE_NOTICE, {}, S.NOTICE_ISSUED),
    ("notice-start", S.NOTICE_ISSUED, A.START_RECTIFYING, {}, S.RECTIFYING),
    ("rectifying-request-recheck", S.RECTIFYING, A.REQUEST_RECHECK, dict(photos=["after-1"]), S.RECHECK_REQUESTED),
    ("recheck-pass", S.RECHECK_REQUESTED, A.PASS_RECHECK, {}, S.RECHECK_PASSED),
    ("recheck-fail", S.RECHECK_REQUESTED, A.FAIL_RECHECK, dict(new_deadline=date(2026, 5, 1)), S.RECTIFYING),
    ("fixed-close", S.FIXED_ON_SITE, A.CLOSE, {}, S.CLOSED),
    ("passed-close", S.RECHECK_PASSED, A.CLOSE, {}, S.CLOSED),
    ("notice-extension", S.NOTICE_ISSUED, A.REQUEST_EXTENSION, dict(new_deadline=date(2026, 4, 20)), S.NOTICE_ISSUED),
    ("rectifying-extension", S.RECTIFYING, A.REQUEST_EXTENSION, dict(new_deadline=date(2026, 4, 20)), S.RECTIFYING),
] + [(f"void-from-{s.value}", s, A.VOID, dict(note="企业已注销"), S.VOIDED) for s in NON_TERMINAL]


@pytest.mark.parametrize(
    ("source", "action", "kwargs", "target"),
    [pytest.param(s, a, k, t, id=i) for i, s, a, k, t in ALLOWED_MOVES],
)
def test_allowed_transition(source: HazardStatus, action: HazardAction, kwargs: dict, target: HazardStatus) -> None:
    before = reach(source)
    when = before.events[-1].at + timedelta(hours=1)
    after = apply(before, action, when, "王五", **kwargs)
    assert after.status is target
    # The event is appended with who, when, from and to; nothing earlier changes.
    assert after.events[:-1] == before.events
    event = after.events[-1]
    assert (event.action, event.at, event.by, event.from_status, event.to_status) == (
        action, when, "王五", source, target)  # fmt: skip
    assert event.photos == tuple(kwargs.get("photos", ()))
    assert event.note == kwargs.get("note", "")
    # apply() never mutates the state it was given.
    assert before.status is source


def test_every_non_terminal_status_can_be_reached_and_voided_is_covered() -> None:
    covered = {(s, a) for _, s, a, _, _ in ALLOWED_MOVES}
    wanted = {(s, a) for s, actions in ALLOWED.items() for a in actions
              if a not in (A.APPROVE_EXTENSION, A.REFUSE_EXTENSION)}  # fmt: skip
    assert covered == wanted


@pytest.mark.parametrize("status", list(HazardStatus), ids=lambda s: s.value)
def test_allowed_actions_match_the_specification(status: HazardStatus) -> None:
    state = reach(status)
    # Without a pending extension request there is nothing to approve or refuse.
    expected = ALLOWED[status] - {A.APPROVE_EXTENSION, A.REFUSE_EXTENSION}
    assert rectification_actions(state) == expected
    # A general hazard still open may become a suspected major one; nothing else of the track.
    assert set(allowed_actions(state)) - expected == ({A.SUSPECT_MAJOR} if is_open(status) else set())


@pytest.mark.parametrize("status", [S.NOTICE_ISSUED, S.RECTIFYING], ids=lambda s: s.value)
def test_allowed_actions_with_a_pending_extension(status: HazardStatus) -> None:
    state = step(reach(status), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 20))
    expected = ALLOWED[status] - {A.REQUEST_EXTENSION}
    assert rectification_actions(state) == expected


# -- refused transitions -------------------------------------------------------------------

REFUSED = [
    (status, action)
    for status in HazardStatus
    for action in RECTIFICATION
    if action is not A.RECORD and action not in ALLOWED[status]
]


@pytest.mark.parametrize(
    ("status", "action"),
    [pytest.param(s, a, id=f"{s.value}-{a.value}") for s, a in REFUSED],
)
def test_refused_transition_names_the_current_status(status: HazardStatus, action: HazardAction) -> None:
    state = reach(status)
    with pytest.raises(TransitionRefused) as caught:
        step(state, action, **GOOD_ARGS)
    message = str(caught.value)
    assert f"“{status.label}”" in message
    assert action.label in message


def test_refused_table_is_not_trivially_small() -> None:
    # 8 statuses × 11 actions (record aside) minus the 20 allowed pairs.
    assert len(REFUSED) == 8 * 11 - sum(len(a) for a in ALLOWED.values()) == 68


@pytest.mark.parametrize("status", list(HazardStatus), ids=lambda s: s.value)
def test_record_twice_is_refused(status: HazardStatus) -> None:
    with pytest.raises(TransitionRefused, match="不能重复登记"):
        step(reach(status), A.RECORD)


def test_refusal_lists_what_is_allowed() -> None:
    with pytest.raises(TransitionRefused) as caught:
        step(reach(S.RECORDED), A.CLOSE)
    assert "当场整改" in str(caught.value) and "下发整改通知" in str(caught.value)


@pytest.mark.parametrize("status", [S.CLOSED, S.VOIDED], ids=lambda s: s.value)
def test_terminal_states_allow_nothing(status: HazardStatus) -> None:
    state = reach(status)
    assert allowed_actions(state) == []
    for action in HazardAction:
        with pytest.raises(TransitionRefused):
            step(state, action, **GOOD_ARGS)
    with pytest.raises(TransitionRefused, match="无（已结束）"):
        step(state, A.CLOSE)


def test_record_needs_who_found_it() -> None:
    with pytest.raises(TransitionRefused, match="发现人"):
        record(DEADLINE, T0, "  ")


def test_every_action_needs_who_did_it() -> None:
    with pytest.raises(TransitionRefused, match="操作人"):
        apply(recorded(), A.ISSUE_NOTICE, at(1), " ")


def test_record_keeps_before_photos_and_deadline() -> None:
    state = recorded()
    assert state.status is S.RECORDED
    assert state.deadline == DEADLINE
    assert state.pending_extension is None
    (event,) = state.events
    assert (event.action, event.from_status, event.to_status, event.photos) == (
        A.RECORD, None, S.RECORDED, ("before-1",))  # fmt: skip
    # Before-photos are not the photos of a re-check request.
    assert not state.recheck_request_has_photos


# -- photos --------------------------------------------------------------------------------


def test_fix_on_site_requires_after_photos() -> None:
    with pytest.raises(TransitionRefused, match="整改后照片"):
        step(recorded(), A.FIX_ON_SITE)
    state = step(recorded(), A.FIX_ON_SITE, photos=["after-1", "after-2"])
    assert state.events[-1].photos == ("after-1", "after-2")


def test_pass_recheck_refused_without_any_after_photo() -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_RECHECK)  # no photos sent with the request
    with pytest.raises(TransitionRefused, match="整改后照片"):
        step(state, A.PASS_RECHECK)


def test_photos_of_a_failed_round_do_not_pass_the_next_recheck() -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_RECHECK, photos=["first-try"])
    state = step(state, A.FAIL_RECHECK, new_deadline=DEADLINE + timedelta(days=30))
    state = step(state, A.REQUEST_RECHECK)  # the second request comes without photos
    with pytest.raises(TransitionRefused, match="整改后照片"):
        step(state, A.PASS_RECHECK)
    assert step(state, A.PASS_RECHECK, photos=["second-try"]).status is S.RECHECK_PASSED


def test_pass_recheck_with_photos_taken_at_the_recheck() -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_RECHECK)
    state = step(state, A.PASS_RECHECK, photos=["after-recheck"])
    assert state.status is S.RECHECK_PASSED


def test_pass_recheck_with_photos_sent_with_the_request() -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_RECHECK, photos=["after-by-enterprise"])
    state = step(state, A.PASS_RECHECK)
    assert state.status is S.RECHECK_PASSED


# -- failed re-check -----------------------------------------------------------------------


def test_fail_recheck_returns_to_rectifying_with_the_new_deadline() -> None:
    state = reach(S.RECHECK_REQUESTED)
    when = state.events[-1].at + timedelta(hours=1)
    state = apply(state, A.FAIL_RECHECK, when, "李四", note="灭火器仍过期", new_deadline=date(2026, 4, 20))
    assert state.status is S.RECTIFYING
    assert state.deadline == date(2026, 4, 20)
    assert state.events[-1].new_deadline == date(2026, 4, 20)
    # And the cycle can go round again.
    state = step(state, A.REQUEST_RECHECK, photos=["after-2"])
    state = step(state, A.PASS_RECHECK)
    state = step(state, A.CLOSE)
    assert state.status is S.CLOSED


@pytest.mark.parametrize(
    "new_deadline",
    [
        pytest.param(None, id="missing"),
        pytest.param(date(2026, 4, 1), id="same-day-as-event"),
        pytest.param(date(2026, 3, 20), id="in-the-past"),
    ],
)
def test_fail_recheck_needs_a_later_deadline(new_deadline: date | None) -> None:
    state = reach(S.RECHECK_REQUESTED)  # events on 2026-04-01 (Shanghai and UTC)
    with pytest.raises(TransitionRefused, match="新整改期限"):
        apply(state, A.FAIL_RECHECK, at(hours=5), "李四", new_deadline=new_deadline)
    # The day after the event is fine.
    ok = apply(state, A.FAIL_RECHECK, at(hours=5), "李四", new_deadline=date(2026, 4, 2))
    assert ok.deadline == date(2026, 4, 2)


def test_fail_recheck_compares_with_the_office_date_not_the_utc_date() -> None:
    """17:00 UTC on 31 March is already 1 April in Shanghai: 1 April is "today", not later.

    Events carry aware UTC times (the storage keeps UTC), so the date must be taken in the
    office's zone, as dates.today() does.
    """
    state = record(date(2026, 3, 31), datetime(2026, 3, 30, 2, 0, tzinfo=UTC), "张三")
    state = apply(state, A.ISSUE_NOTICE, datetime(2026, 3, 30, 3, 0, tzinfo=UTC), "李四")
    state = apply(state, A.START_RECTIFYING, datetime(2026, 3, 30, 4, 0, tzinfo=UTC), "李四")
    state = apply(state, A.REQUEST_RECHECK, datetime(2026, 3, 31, 1, 0, tzinfo=UTC), "企业", photos=["p"])
    evening_utc = datetime(2026, 3, 31, 17, 0, tzinfo=UTC)
    assert dates.today(now=evening_utc) == date(2026, 4, 1)
    with pytest.raises(TransitionRefused, match="新整改期限"):
        apply(state, A.FAIL_RECHECK, evening_utc, "李四", new_deadline=date(2026, 4, 1))
    ok = apply(state, A.FAIL_RECHECK, evening_utc, "李四", new_deadline=date(2026, 4, 2))
    assert ok.deadline == date(2026, 4, 2)


# -- void ----------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["", "   "], ids=["empty", "blank"])
@pytest.mark.parametrize("status", NON_TERMINAL, ids=lambda s: s.value)
def test_void_needs_a_reason(status: HazardStatus, note: str) -> None:
    with pytest.raises(TransitionRefused, match="原因"):
        step(reach(status), A.VOID, note=note)


def test_void_keeps_the_reason_in_the_history() -> None:
    state = step(reach(S.RECTIFYING), A.VOID, note="误报：现场核实无此隐患")
    assert state.status is S.VOIDED
    assert state.events[-1].note == "误报：现场核实无此隐患"
    assert state.events[-1].from_status is S.RECTIFYING


# -- extensions ----------------------------------------------------------------------------


def test_extension_request_then_approval_changes_the_deadline() -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 25), note="设备采购周期长")
    assert state.status is S.RECTIFYING
    assert state.pending_extension == date(2026, 4, 25)
    assert state.deadline == DEADLINE  # unchanged until approved
    assert state.events[-1].new_deadline == date(2026, 4, 25)
    state = step(state, A.APPROVE_EXTENSION, by="科长")
    assert state.deadline == date(2026, 4, 25)
    assert state.pending_extension is None
    assert state.status is S.RECTIFYING


def test_refusing_an_extension_needs_a_reason_and_keeps_the_deadline() -> None:
    state = step(reach(S.NOTICE_ISSUED), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 25))
    with pytest.raises(TransitionRefused, match="原因"):
        step(state, A.REFUSE_EXTENSION, note=" ")
    state = step(state, A.REFUSE_EXTENSION, note="整改内容简单，无需延期")
    assert state.deadline == DEADLINE
    assert state.pending_extension is None
    assert state.status is S.NOTICE_ISSUED
    # A new request may follow a refusal.
    state = step(state, A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 15))
    assert state.pending_extension == date(2026, 4, 15)


def test_a_second_request_while_one_is_pending_is_refused() -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 25))
    with pytest.raises(TransitionRefused, match="2026-04-25"):
        step(state, A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 30))
    assert A.REQUEST_EXTENSION not in allowed_actions(state)


@pytest.mark.parametrize(
    "new_deadline",
    [
        pytest.param(None, id="missing"),
        pytest.param(DEADLINE, id="same-as-current"),
        pytest.param(DEADLINE - timedelta(days=1), id="earlier"),
    ],
)
def test_extension_must_be_later_than_the_current_deadline(new_deadline: date | None) -> None:
    with pytest.raises(TransitionRefused, match=DEADLINE.isoformat()):
        step(reach(S.RECTIFYING), A.REQUEST_EXTENSION, new_deadline=new_deadline)


@pytest.mark.parametrize("action", [A.APPROVE_EXTENSION, A.REFUSE_EXTENSION], ids=lambda a: a.value)
def test_nothing_to_approve_or_refuse_without_a_request(action: HazardAction) -> None:
    with pytest.raises(TransitionRefused, match="没有待审批的延期申请"):
        step(reach(S.RECTIFYING), action, note="x")


def test_pending_extension_survives_start_rectifying() -> None:
    state = step(reach(S.NOTICE_ISSUED), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 25))
    state = step(state, A.START_RECTIFYING)
    assert state.pending_extension == date(2026, 4, 25)
    state = step(state, A.APPROVE_EXTENSION)
    assert state.deadline == date(2026, 4, 25)


@pytest.mark.parametrize(
    ("action", "kwargs"),
    [(A.REQUEST_RECHECK, dict(photos=["after-1"])), (A.VOID, dict(note="企业已搬迁"))],
    ids=["request-recheck", "void"],
)
def test_recheck_request_or_void_settles_a_pending_extension(action: HazardAction, kwargs: dict) -> None:
    state = step(reach(S.RECTIFYING), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 25))
    state = step(state, action, **kwargs)
    assert state.pending_extension is None
    assert state.deadline == DEADLINE


# -- replay --------------------------------------------------------------------------------


def long_history() -> HazardState:
    state = step(reach(S.NOTICE_ISSUED), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 20), note="停产检修")
    state = step(state, A.APPROVE_EXTENSION, by="科长")
    state = step(state, A.START_RECTIFYING)
    state = step(state, A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 30))
    state = step(state, A.REFUSE_EXTENSION, note="不同意")
    state = step(state, A.REQUEST_RECHECK)
    state = step(state, A.FAIL_RECHECK, new_deadline=date(2026, 5, 10), note="仍未整改")
    state = step(state, A.REQUEST_RECHECK, photos=["after-1"])
    state = step(state, A.PASS_RECHECK, photos=["after-2"])
    return step(state, A.CLOSE)


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(long_history, id="long-history"),
        pytest.param(lambda: reach(S.CLOSED), id="fixed-on-site-closed"),
        pytest.param(lambda: reach(S.VOIDED), id="voided"),
        pytest.param(recorded, id="just-recorded"),
        pytest.param(
            lambda: step(reach(S.RECTIFYING), A.REQUEST_EXTENSION, new_deadline=date(2026, 4, 25)),
            id="pending-extension",
        ),
    ],
)
def test_replay_rebuilds_the_same_state(build: Callable[[], HazardState]) -> None:
    state = build()
    rebuilt = replay(DEADLINE, list(state.events))
    assert rebuilt == state
    assert (rebuilt.status, rebuilt.deadline, rebuilt.pending_extension) == (
        state.status, state.deadline, state.pending_extension)  # fmt: skip


def test_long_history_ends_closed_with_the_last_deadline() -> None:
    state = long_history()
    assert state.status is S.CLOSED
    assert state.deadline == date(2026, 5, 10)
    assert len(state.events) == 12
    assert [e.to_status for e in state.events][-4:] == [S.RECTIFYING, S.RECHECK_REQUESTED, S.RECHECK_PASSED, S.CLOSED]


def test_replay_needs_a_record_event_first() -> None:
    with pytest.raises(TransitionRefused, match="登记隐患"):
        replay(DEADLINE, [])
    events = long_history().events
    with pytest.raises(TransitionRefused):
        replay(DEADLINE, events[1:])


def test_replay_refuses_a_tampered_history() -> None:
    events = list(long_history().events)
    del events[1]  # drop issue_notice: the extension request is then made on a recorded hazard
    with pytest.raises(TransitionRefused):
        replay(DEADLINE, events)


# -- overdue, rectified, open --------------------------------------------------------------

CAN_BE_OVERDUE = [S.RECORDED, S.NOTICE_ISSUED, S.RECTIFYING]
NEVER_OVERDUE = [S.FIXED_ON_SITE, S.RECHECK_REQUESTED, S.RECHECK_PASSED, S.CLOSED, S.VOIDED]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        pytest.param(DEADLINE - timedelta(days=1), False, id="day-before"),
        pytest.param(DEADLINE, False, id="deadline-day"),
        pytest.param(DEADLINE + timedelta(days=1), True, id="day-after"),
        pytest.param(DEADLINE + timedelta(days=400), True, id="long-after"),
    ],
)
@pytest.mark.parametrize("status", CAN_BE_OVERDUE, ids=lambda s: s.value)
def test_overdue_around_the_deadline(status: HazardStatus, today: date, expected: bool) -> None:
    assert is_overdue(status, DEADLINE, today) is expected


@pytest.mark.parametrize("status", NEVER_OVERDUE, ids=lambda s: s.value)
def test_never_overdue_once_fixed_requested_or_voided(status: HazardStatus) -> None:
    assert not is_overdue(status, DEADLINE, DEADLINE + timedelta(days=30))


def test_rectified_and_open_partition_the_statuses() -> None:
    assert {s for s in HazardStatus if is_rectified(s)} == {S.FIXED_ON_SITE, S.RECHECK_PASSED, S.CLOSED}
    assert {s for s in HazardStatus if is_open(s)} == {S.RECORDED, S.NOTICE_ISSUED, S.RECTIFYING, S.RECHECK_REQUESTED}
    assert not is_open(S.VOIDED) and not is_rectified(S.VOIDED)


def test_every_status_and_action_has_a_chinese_label() -> None:
    for status in HazardStatus:
        assert status.label and not status.label.isascii()
    for action in HazardAction:
        assert action.label and not action.label.isascii()


# -- today in the office's zone ------------------------------------------------------------

TODAY_CASES = [
    # id, now, zone, expected date
    (
        "utc-evening-is-next-day-in-shanghai",
        datetime(2026, 3, 31, 17, 0, tzinfo=UTC),
        "Asia/Shanghai",
        date(2026, 4, 1),
    ),
    ("utc-15:59-is-still-same-day", datetime(2026, 3, 31, 15, 59, tzinfo=UTC), "Asia/Shanghai", date(2026, 3, 31)),
    ("utc-16:00-is-midnight-in-shanghai", datetime(2026, 3, 31, 16, 0, tzinfo=UTC), "Asia/Shanghai", date(2026, 4, 1)),
    ("utc-zone", datetime(2026, 3, 31, 17, 0, tzinfo=UTC), "UTC", date(2026, 3, 31)),
    ("naive-is-utc", datetime(2026, 3, 31, 17, 0), "Asia/Shanghai", date(2026, 4, 1)),
    ("shanghai-morning-07:30", datetime(2026, 4, 1, 7, 30, tzinfo=SHANGHAI), "Asia/Shanghai", date(2026, 4, 1)),
    (
        "other-offset",
        datetime(2026, 4, 1, 1, 0, tzinfo=timezone(timedelta(hours=9))),
        "Asia/Shanghai",
        date(2026, 4, 1),
    ),
    ("new-york-behind", datetime(2026, 4, 1, 2, 0, tzinfo=UTC), "America/New_York", date(2026, 3, 31)),
    ("year-end", datetime(2025, 12, 31, 16, 30, tzinfo=UTC), "Asia/Shanghai", date(2026, 1, 1)),
]


@pytest.mark.parametrize(
    ("now", "zone", "expected"),
    [pytest.param(n, z, e, id=i) for i, n, z, e in TODAY_CASES],
)
def test_today_in_the_office_zone(now: datetime, zone: str, expected: date) -> None:
    assert dates.today(zone, now=now) == expected


def test_today_defaults_to_shanghai() -> None:
    assert dates.DEFAULT_TIMEZONE == "Asia/Shanghai"
    assert dates.today(now=datetime(2026, 3, 31, 17, 0, tzinfo=UTC)) == date(2026, 4, 1)


def test_today_without_now_is_the_current_date_in_the_zone() -> None:
    before = datetime.now(SHANGHAI).date()
    result = dates.today()
    after = datetime.now(SHANGHAI).date()
    assert result in (before, after)


def test_utcnow_is_aware() -> None:
    assert dates.utcnow().utcoffset() == timedelta(0)


def test_format_cn() -> None:
    assert dates.format_cn(date(2026, 4, 1)) == "2026年04月01日"


def test_transition_refused_is_a_domain_error() -> None:
    assert issubclass(TransitionRefused, DomainError)
