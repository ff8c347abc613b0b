"""The hazard lifecycle of domain.md §3, as a pure state machine over append-only events.

    recorded ─┬─ fix_on_site (after-photo) ─→ fixed_on_site ─ close ─→ closed
              └─ issue_notice ─→ notice_issued ─ start_rectifying ─→ rectifying
                 rectifying ─ request_recheck ─→ recheck_requested
                 recheck_requested ─ pass_recheck ─→ recheck_passed ─ close ─→ closed
                 recheck_requested ─ fail_recheck (new deadline) ─→ rectifying
    any open state ─ void (reason) ─→ voided
    notice_issued / rectifying: request_extension, then approve_extension or refuse_extension
    any open state: the major-hazard steps of major_hazard.py (suspect, refer, confirm or
    reject, supervise, suspend production and review the restart, adopt a treatment plan),
    which leave the status as it is

Overdue is never stored: `is_overdue` derives it from the deadline and today's date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from . import dates
from . import major_hazard as major
from .errors import TransitionRefused
from .labelled import LabelledEnum
from .major_hazard import MajorState, MajorStep


class HazardStatus(LabelledEnum):
    RECORDED = "recorded", "已登记"
    FIXED_ON_SITE = "fixed_on_site", "已当场整改"
    NOTICE_ISSUED = "notice_issued", "已下发整改通知"
    RECTIFYING = "rectifying", "整改中"
    RECHECK_REQUESTED = "recheck_requested", "申请复查"
    RECHECK_PASSED = "recheck_passed", "复查通过"
    CLOSED = "closed", "已销号"
    VOIDED = "voided", "已作废"


# Rectified: the fix has been seen by an inspector (on the spot, or at the re-check).
RECTIFIED = frozenset({HazardStatus.FIXED_ON_SITE, HazardStatus.RECHECK_PASSED, HazardStatus.CLOSED})
# The enterprise still owes the fix; only these can be overdue. A requested re-check waits on
# the office, not the enterprise.
AWAITING_FIX = frozenset({HazardStatus.RECORDED, HazardStatus.NOTICE_ISSUED, HazardStatus.RECTIFYING})
OPEN = frozenset(HazardStatus) - RECTIFIED - {HazardStatus.VOIDED}
TERMINAL = frozenset({HazardStatus.CLOSED, HazardStatus.VOIDED})


class HazardAction(LabelledEnum):
    RECORD = "record", "登记隐患"
    FIX_ON_SITE = "fix_on_site", "当场整改"
    ISSUE_NOTICE = "issue_notice", "下发整改通知"
    START_RECTIFYING = "start_rectifying", "开始整改"
    REQUEST_RECHECK = "request_recheck", "申请复查"
    PASS_RECHECK = "pass_recheck", "复查通过"
    FAIL_RECHECK = "fail_recheck", "复查不通过"
    CLOSE = "close", "销号"
    VOID = "void", "作废"
    REQUEST_EXTENSION = "request_extension", "申请延期"
    APPROVE_EXTENSION = "approve_extension", "批准延期"
    REFUSE_EXTENSION = "refuse_extension", "驳回延期"
    # The major-hazard track (major_hazard.py), same values and labels as MajorStep.
    SUSPECT_MAJOR = MajorStep.SUSPECT.value, MajorStep.SUSPECT.label
    REFER_MAJOR = MajorStep.REFER.value, MajorStep.REFER.label
    CONFIRM_MAJOR = MajorStep.CONFIRM.value, MajorStep.CONFIRM.label
    REJECT_MAJOR = MajorStep.REJECT.value, MajorStep.REJECT.label
    SUPERVISE_MAJOR = MajorStep.SUPERVISE.value, MajorStep.SUPERVISE.label
    SUSPEND_PRODUCTION = MajorStep.SUSPEND.value, MajorStep.SUSPEND.label
    PASS_RESTART_REVIEW = MajorStep.PASS_RESTART.value, MajorStep.PASS_RESTART.label
    FAIL_RESTART_REVIEW = MajorStep.FAIL_RESTART.value, MajorStep.FAIL_RESTART.label
    ADOPT_PLAN = MajorStep.ADOPT_PLAN.value, MajorStep.ADOPT_PLAN.label

    @property
    def major_step(self) -> MajorStep | None:
        """The step of the major-hazard track this action is, if it is one."""
        return MAJOR_STEPS.get(self.value)


MAJOR_STEPS = major.STEP_VALUES


S = HazardStatus
A = HazardAction
_MOVES: dict[HazardAction, tuple[frozenset[HazardStatus], HazardStatus | None]] = {
    A.FIX_ON_SITE: (frozenset({S.RECORDED}), S.FIXED_ON_SITE),
    A.ISSUE_NOTICE: (frozenset({S.RECORDED}), S.NOTICE_ISSUED),
    A.START_RECTIFYING: (frozenset({S.NOTICE_ISSUED}), S.RECTIFYING),
    A.REQUEST_RECHECK: (frozenset({S.RECTIFYING}), S.RECHECK_REQUESTED),
    A.PASS_RECHECK: (frozenset({S.RECHECK_REQUESTED}), S.RECHECK_PASSED),
    A.FAIL_RECHECK: (frozenset({S.RECHECK_REQUESTED}), S.RECTIFYING),
    A.CLOSE: (frozenset({S.FIXED_ON_SITE, S.RECHECK_PASSED}), S.CLOSED),
    A.VOID: (frozenset(HazardStatus) - TERMINAL, S.VOIDED),
    # None: the status stays as it is.
    A.REQUEST_EXTENSION: (frozenset({S.NOTICE_ISSUED, S.RECTIFYING}), None),
    A.APPROVE_EXTENSION: (frozenset({S.NOTICE_ISSUED, S.RECTIFYING}), None),
    A.REFUSE_EXTENSION: (frozenset({S.NOTICE_ISSUED, S.RECTIFYING}), None),
}


@dataclass(frozen=True)
class HazardEvent:
    action: HazardAction
    at: datetime
    by: str
    from_status: HazardStatus | None
    to_status: HazardStatus
    note: str = ""
    photos: tuple[str, ...] = ()  # photo content hashes
    new_deadline: date | None = None
    # What a major-hazard step names (major_hazard.py: clause, authority, plan); the record
    # event of a hazard recorded as a suspected major one names its clause.
    detail: Mapping[str, str] = field(default_factory=dict)
    # Where the event sits in the merged history (inspector/core/causal_history.py); empty until
    # stored. `at` above is the writer's wall clock: what people see, never used for ordering.
    id: str = ""
    follows: str | None = None
    stamp: int = 0
    device: str = ""


@dataclass(frozen=True)
class HazardState:
    status: HazardStatus
    deadline: date
    pending_extension: date | None = None
    events: tuple[HazardEvent, ...] = field(default=(), repr=False)
    major: MajorState = field(default_factory=MajorState)

    @property
    def recheck_request_has_photos(self) -> bool:
        """Whether the latest re-check request came with after-photos: photos of an earlier,
        failed round do not show the current fix."""
        requests = [event for event in self.events if event.action is A.REQUEST_RECHECK]
        return bool(requests and requests[-1].photos)


def record(
    deadline: date,
    at: datetime,
    by: str,
    note: str = "",
    photos: Sequence[str] = (),
    detail: Mapping[str, str] | None = None,
) -> HazardState:
    """The first event of every hazard; its photos are the before-photos. A `detail` marked
    `{"major": "suspected", "clause": …, "citation": …}` records it as a suspected major hazard
    (major_hazard.py)."""
    if not by.strip():
        raise TransitionRefused("登记隐患必须注明发现人")
    detail = dict(detail or {})
    event = HazardEvent(A.RECORD, at, by, None, S.RECORDED, note, tuple(photos), detail=detail)
    return HazardState(S.RECORDED, deadline, None, (event,), major.recorded(detail))


def apply(
    state: HazardState,
    action: HazardAction,
    at: datetime,
    by: str,
    note: str = "",
    photos: Sequence[str] = (),
    new_deadline: date | None = None,
    detail: Mapping[str, str] | None = None,
) -> HazardState:
    """Return the state after `action`, or raise TransitionRefused saying why it is not allowed."""
    if action is A.RECORD:
        raise TransitionRefused("隐患已登记，不能重复登记")
    detail = dict(detail or {})
    step = action.major_step
    if step is not None:
        return _major_step(state, action, step, at, by, note, tuple(photos), new_deadline, detail)
    sources, target = _MOVES[action]
    if state.status not in sources:
        allowed = "、".join(a.label for a in allowed_actions(state)) or "无（已结束）"
        raise TransitionRefused(f"隐患当前为“{state.status.label}”，不能“{action.label}”；可执行：{allowed}")
    if not by.strip():
        raise TransitionRefused(f"“{action.label}”必须注明操作人")
    photos = tuple(photos)
    deadline, pending = state.deadline, state.pending_extension
    track = state.major
    if action is A.FIX_ON_SITE:
        if not photos:
            raise TransitionRefused("当场整改必须附整改后照片")
        track = major.fixed_on_site(track)
    if action is A.PASS_RECHECK and track.production is major.Production.SUSPENDED:
        raise TransitionRefused("企业停产停业整改中：须经复产复查通过后才能复查销号")
    if action is A.PASS_RECHECK and not (photos or state.recheck_request_has_photos):
        raise TransitionRefused("复查通过必须附整改后照片")
    if action is A.VOID and not note.strip():
        raise TransitionRefused("作废隐患必须写明原因")
    if action is A.FAIL_RECHECK:
        # "Today" is the office's date: events carry UTC times, and 17:00 UTC is tomorrow in Shanghai.
        if new_deadline is None or new_deadline <= dates.today(now=at):
            raise TransitionRefused("复查不通过必须给出晚于今天的新整改期限")
        deadline = new_deadline
    if action is A.REQUEST_EXTENSION:
        if pending is not None:
            raise TransitionRefused(f"已有一项延期申请（至 {pending.isoformat()}）待审批")
        if new_deadline is None or new_deadline <= deadline:
            raise TransitionRefused(f"延期申请的新期限必须晚于当前期限 {deadline.isoformat()}")
        pending = new_deadline
    if action in (A.APPROVE_EXTENSION, A.REFUSE_EXTENSION):
        if pending is None:
            raise TransitionRefused("没有待审批的延期申请")
        if action is A.APPROVE_EXTENSION:
            deadline = pending
        elif not note.strip():
            raise TransitionRefused("驳回延期必须写明原因")
        pending = None
    if action in (A.REQUEST_RECHECK, A.VOID) and pending is not None:
        pending = None  # a re-check request or a void settles an open extension request
    to_status = target or state.status
    event = HazardEvent(
        action,
        at,
        by,
        state.status,
        to_status,
        note,
        photos,
        new_deadline if action in (A.FAIL_RECHECK, A.REQUEST_EXTENSION) else None,
    )
    return replace(
        state,
        status=to_status,
        deadline=deadline,
        pending_extension=pending,
        events=(*state.events, event),
        major=track,
    )


def _major_step(
    state: HazardState,
    action: HazardAction,
    step: MajorStep,
    at: datetime,
    by: str,
    note: str,
    photos: tuple[str, ...],
    new_deadline: date | None,
    detail: dict[str, str],
) -> HazardState:
    """A step of the major-hazard track: the status stays; an adopted plan sets the deadline."""
    if state.status not in OPEN:
        raise TransitionRefused(f"隐患当前为“{state.status.label}”，已不能“{action.label}”")
    if not by.strip():
        raise TransitionRefused(f"“{action.label}”必须注明操作人")
    detail = major.kept(step, detail)
    major.check(state.major, step, note, detail, new_deadline, dates.today(now=at))
    kept_deadline = new_deadline if step is MajorStep.ADOPT_PLAN else None
    event = HazardEvent(action, at, by, state.status, state.status, note, photos, kept_deadline, detail=detail)
    return replace(
        state,
        deadline=kept_deadline or state.deadline,
        events=(*state.events, event),
        major=major.effect(state.major, step, detail, new_deadline),
    )


def taken_as_recorded(state: HazardState, event: HazardEvent) -> HazardState:
    """The state after an event the lifecycle refuses because a concurrent branch came first
    (hazard_history.py): the status its author saw it go to, the deadline it set, and its effect
    on the major-hazard track."""
    return replace(
        state,
        status=event.to_status,
        deadline=event.new_deadline or state.deadline,
        events=(*state.events, event),
        major=major.after_event(state.major, event.action.value, event.detail, event.new_deadline),
    )


def replay(initial_deadline: date, events: Iterable[HazardEvent]) -> HazardState:
    """Rebuild the state from the stored history (the first event must be `record`)."""
    events = list(events)
    if not events or events[0].action is not A.RECORD:
        raise TransitionRefused("隐患历史必须以“登记隐患”开始")
    first = events[0]
    state = record(initial_deadline, first.at, first.by, first.note, first.photos, first.detail)
    for event in events[1:]:
        state = apply(
            state, event.action, event.at, event.by, event.note, event.photos, event.new_deadline, event.detail
        )
    return state


def allowed_actions(state: HazardState) -> list[HazardAction]:
    actions = [action for action, (sources, _) in _MOVES.items() if state.status in sources]
    if state.pending_extension is None:
        actions = [a for a in actions if a not in (A.APPROVE_EXTENSION, A.REFUSE_EXTENSION)]
    else:
        actions = [a for a in actions if a is not A.REQUEST_EXTENSION]
    if state.major.standing in (major.MajorStanding.REFERRED, major.MajorStanding.CONFIRMED):
        actions = [a for a in actions if a is not A.FIX_ON_SITE]
    if state.major.production is major.Production.SUSPENDED:
        actions = [a for a in actions if a is not A.PASS_RECHECK]
    if state.status in OPEN:
        actions += [HazardAction(step.value) for step in major.possible(state.major)]
    return actions


def is_overdue(status: HazardStatus, deadline: date, today: date) -> bool:
    """Past its deadline while the enterprise still owes the fix (the deadline day itself is not overdue)."""
    return status in AWAITING_FIX and today > deadline


def is_rectified(status: HazardStatus) -> bool:
    return status in RECTIFIED


def is_open(status: HazardStatus) -> bool:
    return status in OPEN
