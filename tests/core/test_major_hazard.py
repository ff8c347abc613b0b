"""The major-hazard track of domain.md §2 (inspector/core/major_hazard.py) inside the hazard
lifecycle: suspected → referred → confirmed or rejected, supervision, suspension and restart
review, the treatment plan, and "fixed on the spot is general"."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from inspector.core.checklist import Severity
from inspector.core.errors import TransitionRefused
from inspector.core.hazard_history import merged_state, mirrored, replay_merged
from inspector.core.hazard_lifecycle import HazardAction, HazardState, HazardStatus, allowed_actions, apply, record
from inspector.core.major_hazard import MajorStanding, Production

A = HazardAction
S = HazardStatus
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)
DEADLINE = date(2026, 4, 10)
CLAUSE = {"major": "suspected", "clause": "MEM10-11-3", "citation": "《工贸企业重大事故隐患判定标准》第十一条第三项"}
PLAN = {
    "goal": "干式除尘系统加装泄爆装置",
    "method": "委托有资质单位设计并安装泄爆片",
    "funds": "12 万元，企业自筹",
    "responsible": "设备部，负责人王某",
    "interim": "除尘系统停用，粉尘作业区停产；制定应急预案",
}


def suspected() -> HazardState:
    return record(DEADLINE, T0, "张三", photos=["before-1"], detail=CLAUSE)


def step(state: HazardState, action: HazardAction, **kwargs: object) -> HazardState:
    kwargs.setdefault("by", "李四")
    return apply(state, action, state.events[-1].at + timedelta(hours=1), **kwargs)  # type: ignore[arg-type]


def confirmed() -> HazardState:
    referred = step(suspected(), A.REFER_MAJOR, detail={"authority": "平湖市应急管理局"})
    return step(referred, A.CONFIRM_MAJOR, detail={"authority": "平湖市应急管理局", "document": "平应急〔2026〕12号"})


def test_a_hazard_recorded_with_a_clause_is_suspected_not_confirmed() -> None:
    state = suspected()
    assert state.major.standing is MajorStanding.SUSPECTED
    assert (state.major.clause, state.major.citation) == ("MEM10-11-3", CLAUSE["citation"])
    assert state.major.is_major and not state.major.is_confirmed
    assert record(DEADLINE, T0, "张三").major.standing is MajorStanding.NONE


def test_referral_then_confirmation_keeps_the_status_and_names_the_authority() -> None:
    state = confirmed()
    assert state.status is S.RECORDED  # the track leaves the rectification status alone
    assert state.major.standing is MajorStanding.CONFIRMED
    assert state.major.authority == "平湖市应急管理局"
    assert [e.action for e in state.events] == [A.RECORD, A.REFER_MAJOR, A.CONFIRM_MAJOR]
    assert state.events[-1].detail["document"] == "平应急〔2026〕12号"


@pytest.mark.parametrize("action", [A.REFER_MAJOR, A.CONFIRM_MAJOR])
def test_referral_and_decision_need_the_authority(action: HazardAction) -> None:
    with pytest.raises(TransitionRefused, match="部门"):
        step(suspected(), action)


def test_rejection_makes_it_general_and_needs_a_reason() -> None:
    referred = step(suspected(), A.REFER_MAJOR, detail={"authority": "平湖市应急管理局"})
    with pytest.raises(TransitionRefused, match="理由"):
        step(referred, A.REJECT_MAJOR)
    state = step(referred, A.REJECT_MAJOR, note="不属于第十一条所列情形：除尘器为湿式")
    assert state.major.standing is MajorStanding.REJECTED and not state.major.is_major
    # A rejected hazard can be suspected again, with another clause.
    again = step(state, A.SUSPECT_MAJOR, detail={"major": "suspected", "clause": "MEM10-11-10"})
    assert again.major.standing is MajorStanding.SUSPECTED and again.major.clause == "MEM10-11-10"


def test_suspicion_needs_a_clause() -> None:
    with pytest.raises(TransitionRefused, match="条款"):
        step(record(DEADLINE, T0, "张三"), A.SUSPECT_MAJOR)


def test_fixed_on_the_spot_is_general() -> None:
    state = step(suspected(), A.FIX_ON_SITE, photos=["after-1"])
    assert state.status is S.FIXED_ON_SITE
    assert state.major.standing is MajorStanding.NONE
    assert mirrored(state, "Asia/Shanghai").severity is Severity.GENERAL


def test_a_referred_or_confirmed_hazard_cannot_be_fixed_on_the_spot() -> None:
    referred = step(suspected(), A.REFER_MAJOR, detail={"authority": "平湖市应急管理局"})
    for state in (referred, confirmed()):
        assert A.FIX_ON_SITE not in allowed_actions(state)
        with pytest.raises(TransitionRefused, match="不能当场整改"):
            step(state, A.FIX_ON_SITE, photos=["after-1"])


def test_supervision_once_and_only_when_confirmed() -> None:
    with pytest.raises(TransitionRefused, match="疑似重大事故隐患"):
        step(suspected(), A.SUPERVISE_MAJOR, detail={"authority": "平湖市人民政府"})
    state = step(confirmed(), A.SUPERVISE_MAJOR, detail={"authority": "平湖市人民政府"})
    assert state.major.supervised
    assert A.SUPERVISE_MAJOR not in allowed_actions(state)


def test_suspended_production_blocks_the_recheck_until_the_restart_review_passes() -> None:
    state = step(confirmed(), A.SUSPEND_PRODUCTION, detail={"authority": "平湖市应急管理局"})
    assert state.major.production is Production.SUSPENDED
    state = step(step(state, A.ISSUE_NOTICE), A.START_RECTIFYING)
    state = step(state, A.REQUEST_RECHECK, photos=["after-1"])
    assert A.PASS_RECHECK not in allowed_actions(state)
    with pytest.raises(TransitionRefused, match="复产复查"):
        step(state, A.PASS_RECHECK)
    with pytest.raises(TransitionRefused, match="意见"):
        step(state, A.PASS_RESTART_REVIEW)
    state = step(state, A.FAIL_RESTART_REVIEW, note="泄爆片未安装")
    assert state.major.production is Production.SUSPENDED
    state = step(state, A.PASS_RESTART_REVIEW, note="泄爆装置已安装并验收，同意复产")
    assert state.major.production is Production.RESUMED
    state = step(state, A.PASS_RECHECK)
    assert state.status is S.RECHECK_PASSED
    # Once rectified the track is over: nothing more to refer or plan.
    assert all(a.major_step is None for a in allowed_actions(state))


def test_a_treatment_plan_needs_every_part_and_sets_the_deadline() -> None:
    with pytest.raises(TransitionRefused, match="经费和物资"):
        step(confirmed(), A.ADOPT_PLAN, detail={**PLAN, "funds": ""}, new_deadline=date(2026, 6, 30))
    with pytest.raises(TransitionRefused, match="时限"):
        step(confirmed(), A.ADOPT_PLAN, detail=PLAN)
    state = step(confirmed(), A.ADOPT_PLAN, detail=PLAN, new_deadline=date(2026, 6, 30))
    assert state.deadline == date(2026, 6, 30)
    assert state.major.plan is not None and state.major.plan.time_limit == date(2026, 6, 30)
    assert state.major.plan.interim == PLAN["interim"]


def test_the_track_replays_from_the_history() -> None:
    state = step(confirmed(), A.ADOPT_PLAN, detail=PLAN, new_deadline=date(2026, 6, 30))
    again = replay_merged(DEADLINE, state.events)
    assert again.major == state.major and again.deadline == state.deadline


def test_concurrent_confirmation_and_rejection_end_as_the_branch_begun_last() -> None:
    referred = step(suspected(), A.REFER_MAJOR, detail={"authority": "平湖市应急管理局"})
    ids = [replace(e, id=f"e{n}", stamp=n, device="P", follows=f"e{n - 1}" if n else None)
           for n, e in enumerate(referred.events)]  # fmt: skip
    base = replace(referred, events=tuple(ids))
    confirm = step(base, A.CONFIRM_MAJOR, detail={"authority": "局"}).events[-1]
    reject = step(base, A.REJECT_MAJOR, note="不属于").events[-1]
    confirm = replace(confirm, id="c", stamp=10, device="P", follows="e1")
    reject = replace(reject, id="r", stamp=11, device="Q", follows="e1")
    state = merged_state(DEADLINE, [*ids, confirm, reject])
    assert state.major.standing is MajorStanding.REJECTED
    # A step that follows the confirmation it saw is kept with it, whatever came after.
    supervise = step(state, A.SUSPECT_MAJOR, detail={"major": "suspected", "clause": "MEM10-3-1"}).events[-1]
    supervise = replace(supervise, action=A.SUPERVISE_MAJOR, id="s", stamp=12, device="P", follows="c")
    later = merged_state(DEADLINE, [*ids, confirm, reject, supervise])
    assert later.major.supervised


def test_major_steps_are_refused_once_the_hazard_is_closed() -> None:
    closed = step(step(record(DEADLINE, T0, "张三"), A.FIX_ON_SITE, photos=["a"]), A.CLOSE)
    with pytest.raises(TransitionRefused, match="已销号"):
        step(closed, A.SUSPECT_MAJOR, detail={"clause": "MEM10-3-1"})
