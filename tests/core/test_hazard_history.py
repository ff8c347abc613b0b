"""A hazard's merged history: causal order, the documented rule for concurrent steps, and the
fields the hazard row mirrors."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from inspector.core.hazard_history import merged_state, mirrored, ordered, replay_merged
from inspector.core.hazard_lifecycle import HazardAction, HazardEvent, HazardStatus, apply, record

A, S = HazardAction, HazardStatus
DEADLINE = date(2026, 4, 10)
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)


def linked(event: HazardEvent, id: str, follows: str | None, stamp: int, device: str = "d") -> HazardEvent:
    return replace(event, id=id, follows=follows, stamp=stamp, device=device)


def base() -> HazardEvent:
    return linked(record(DEADLINE, T0, "张三").events[0], "r", None, 100)


def step(
    action: HazardAction, from_status: HazardStatus, to_status: HazardStatus, hours: float, **kw: object
) -> HazardEvent:
    return HazardEvent(action, T0 + timedelta(hours=hours), "李四", from_status, to_status, **kw)  # type: ignore[arg-type]


FIX = step(A.FIX_ON_SITE, S.RECORDED, S.FIXED_ON_SITE, 1, photos=("after",))
VOID = step(A.VOID, S.RECORDED, S.VOIDED, 2, note="重复登记")
CLOSE = step(A.CLOSE, S.FIXED_ON_SITE, S.CLOSED, 3)


def test_a_step_with_an_earlier_clock_still_comes_after_what_it_followed() -> None:
    """The issue's blocker: P (clock ahead) records, Q fixes on site after seeing it."""
    record_ = replace(base(), at=T0 + timedelta(hours=2), stamp=500)
    fix = linked(replace(FIX, at=T0), "f", "r", 501)
    for events in ([record_, fix], [fix, record_]):
        state = merged_state(DEADLINE, events)
        assert [e.id for e in state.events] == ["r", "f"]
        assert state.status is S.FIXED_ON_SITE


def test_concurrent_fix_and_void_keep_both_and_the_branch_begun_last_decides() -> None:
    fix, void = linked(FIX, "f", "r", 300, "p"), linked(VOID, "v", "r", 200, "q")
    for events in itertools.permutations([base(), fix, void]):
        state = merged_state(DEADLINE, list(events))
        assert [e.id for e in state.events] == ["r", "v", "f"]  # both kept, void's branch began first
        assert state.status is S.FIXED_ON_SITE
    earlier_fix = replace(fix, stamp=100)
    assert merged_state(DEADLINE, [base(), earlier_fix, void]).status is S.VOIDED


def test_a_step_after_seeing_both_branches_is_applied_after_both() -> None:
    fix, void = linked(FIX, "f", "r", 300, "p"), linked(VOID, "v", "r", 200, "q")
    close = linked(CLOSE, "c", "f", 1)  # the closer saw r, v, f (f last) — its clock is far behind
    state = merged_state(DEADLINE, [close, void, fix, base()])
    assert [e.id for e in state.events] == ["r", "v", "f", "c"]
    assert state.status is S.CLOSED


def test_a_refused_step_is_taken_as_recorded_with_its_deadline() -> None:
    notice = linked(step(A.ISSUE_NOTICE, S.RECORDED, S.NOTICE_ISSUED, 1), "n", "r", 10)
    rectifying = linked(step(A.START_RECTIFYING, S.NOTICE_ISSUED, S.RECTIFYING, 2), "s", "n", 11)
    later = date(2026, 5, 1)
    extension = step(A.REQUEST_EXTENSION, S.RECTIFYING, S.RECTIFYING, 3, new_deadline=later)
    void = linked(VOID, "v", "s", 12, "q")
    state = replay_merged(DEADLINE, ordered([base(), notice, rectifying, void, linked(extension, "x", "s", 13, "p")]))
    assert [e.id for e in state.events] == ["r", "n", "s", "v", "x"]
    assert state.status is S.RECTIFYING and state.deadline == later  # after the void: as its author saw it


def test_replay_keeps_the_stored_events() -> None:
    record_ = base()
    fix = linked(FIX, "f", "r", 101)
    state = replay_merged(DEADLINE, [record_, fix])
    assert state.events == (record_, fix)
    assert state.events[-1].id == "f"


def test_replay_of_an_unmerged_history_equals_the_lifecycle() -> None:
    live = apply(record(DEADLINE, T0, "张三"), A.ISSUE_NOTICE, T0 + timedelta(hours=1), "李四")
    assert replay_merged(DEADLINE, list(live.events)).status is live.status is S.NOTICE_ISSUED


def test_mirrored_dates_come_from_the_events_in_the_office_zone() -> None:
    fix = linked(replace(FIX, at=datetime(2026, 4, 1, 17, 0, tzinfo=UTC)), "f", "r", 101)  # 01:00 on the 2nd
    close = linked(replace(CLOSE, at=datetime(2026, 4, 3, 1, 0, tzinfo=UTC)), "c", "f", 102)
    mirror = mirrored(merged_state(DEADLINE, [base(), fix, close]), "Asia/Shanghai")
    assert (mirror.status, mirror.deadline) == (S.CLOSED, DEADLINE)
    assert mirror.rectified_on == date(2026, 4, 2) and mirror.closed_on == date(2026, 4, 3)
    assert mirrored(merged_state(DEADLINE, [base()]), "Asia/Shanghai").rectified_on is None
