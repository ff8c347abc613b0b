"""The major-hazard track of a hazard (domain.md §2): suspected → referred → confirmed or
rejected, supervision (挂牌督办), suspension of production (停产停业整改) and its restart review
(复产复查), and the treatment plan (治理方案). Pure: no clock, no database.

The track runs beside the rectification status of hazard_lifecycle.py and is kept in the same
append-only history: each step is a hazard event whose `detail` carries what the step names
(the clause, the authority, the plan). Who decides what:

- the inspector records a hazard as a **suspected** major hazard citing the exact case of the
  2023 standard (应急管理部令第10号) or GB 35181 it meets (the clause id from the library in
  forms/, and its citation as printed), either when recording it or later;
- the office **refers** it to the authority (移送, with the 建议书 the office produces);
- the authority **confirms** it (a major hazard from then on) or **rejects** it (a general
  hazard, with the reason); an office that is itself the authority confirms without referring;
- a confirmed one may be **supervised** (挂牌督办) and production **suspended** until a
  **restart review** passes; while production is suspended the hazard cannot pass re-check;
- a **treatment plan** (goal, method, money and materials, responsible body and people, time
  limit, interim measures and emergency plan) sets the deadline to its time limit.

A hazard fixed on the spot is general by definition (安全生产事故隐患排查治理暂行规定): fixing
a suspected one on site ends its suspicion; a referred or confirmed one cannot be fixed on site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from .errors import TransitionRefused
from .labelled import LabelledEnum


class MajorStanding(LabelledEnum):
    NONE = "none", "一般隐患"
    SUSPECTED = "suspected", "疑似重大事故隐患"
    REFERRED = "referred", "已移送，待部门认定"
    CONFIRMED = "confirmed", "重大事故隐患（部门已认定）"
    REJECTED = "rejected", "部门不予认定，按一般隐患"


# The standings in which the hazard counts as major (shown and counted as 重大).
MAJOR = frozenset({MajorStanding.SUSPECTED, MajorStanding.REFERRED, MajorStanding.CONFIRMED})


class Production(LabelledEnum):
    RUNNING = "running", "正常生产"
    SUSPENDED = "suspended", "停产停业整改中"
    RESUMED = "resumed", "复产复查通过，已复产"


class MajorStep(LabelledEnum):
    """The steps of the track; their values are also HazardAction values (hazard_lifecycle.py)."""

    SUSPECT = "suspect_major", "认定为疑似重大事故隐患"
    REFER = "refer_major", "移送主管部门"
    CONFIRM = "confirm_major", "部门认定为重大事故隐患"
    REJECT = "reject_major", "部门不予认定（按一般隐患）"
    SUPERVISE = "supervise_major", "挂牌督办"
    SUSPEND = "suspend_production", "责令停产停业整改"
    PASS_RESTART = "pass_restart_review", "复产复查通过"
    FAIL_RESTART = "fail_restart_review", "复产复查不通过"
    ADOPT_PLAN = "adopt_plan", "制定治理方案"


# Keys of an event's `detail`.
MAJOR_MARK = "major"  # on a record event: "suspected" when the hazard was recorded as major
CLAUSE = "clause"  # the case id in the clause library, e.g. MEM10-11-3
CITATION = "citation"  # its citation as printed: 《工贸企业重大事故隐患判定标准》（…）第十一条第三项
AUTHORITY = "authority"  # the authority referred to / that decided / that supervises
DOCUMENT = "document"  # the authority's document number (文号), optional
PLAN_FIELDS = {
    "goal": "治理目标和任务",
    "method": "治理方法和措施",
    "funds": "经费和物资",
    "responsible": "负责治理的机构和人员",
    "interim": "临时安全措施和应急预案",
}


# What each step keeps of the detail it is given (the rest is not its business).
_DECISION = (AUTHORITY, DOCUMENT)
STEP_KEYS: dict[MajorStep, tuple[str, ...]] = {
    MajorStep.SUSPECT: (CLAUSE, CITATION),
    MajorStep.REFER: _DECISION,
    MajorStep.CONFIRM: _DECISION,
    MajorStep.REJECT: _DECISION,
    MajorStep.SUPERVISE: _DECISION,
    MajorStep.SUSPEND: _DECISION,
    MajorStep.PASS_RESTART: _DECISION,
    MajorStep.FAIL_RESTART: _DECISION,
    MajorStep.ADOPT_PLAN: tuple(PLAN_FIELDS),
}


def kept(step: MajorStep, detail: Mapping[str, str]) -> dict[str, str]:
    """The part of `detail` that `step` names, stripped, empty values left out."""
    return {key: detail[key].strip() for key in STEP_KEYS[step] if detail.get(key, "").strip()}


@dataclass(frozen=True)
class TreatmentPlan:
    """治理方案 (安全生产事故隐患排查治理暂行规定 第十五条)."""

    goal: str
    method: str
    funds: str
    responsible: str
    time_limit: date
    interim: str


@dataclass(frozen=True)
class MajorState:
    standing: MajorStanding = MajorStanding.NONE
    clause: str = ""
    citation: str = ""
    authority: str = ""
    supervised: bool = False
    production: Production = Production.RUNNING
    plan: TreatmentPlan | None = None

    @property
    def is_major(self) -> bool:
        return self.standing in MAJOR

    @property
    def is_confirmed(self) -> bool:
        return self.standing is MajorStanding.CONFIRMED


def recorded(detail: Mapping[str, str]) -> MajorState:
    """The track of a hazard as recorded: suspected when its record says so (hazards recorded as
    major before the track existed keep only the citation they were recorded with)."""
    if detail.get(MAJOR_MARK) != MajorStanding.SUSPECTED.value:
        return MajorState()
    return MajorState(MajorStanding.SUSPECTED, detail.get(CLAUSE, "").strip(), detail.get(CITATION, "").strip())


_FROM: dict[MajorStep, frozenset[MajorStanding]] = {
    MajorStep.SUSPECT: frozenset({MajorStanding.NONE, MajorStanding.REJECTED}),
    MajorStep.REFER: frozenset({MajorStanding.SUSPECTED}),
    MajorStep.CONFIRM: frozenset({MajorStanding.SUSPECTED, MajorStanding.REFERRED}),
    MajorStep.REJECT: frozenset({MajorStanding.SUSPECTED, MajorStanding.REFERRED}),
    MajorStep.SUPERVISE: frozenset({MajorStanding.CONFIRMED}),
    MajorStep.SUSPEND: frozenset({MajorStanding.CONFIRMED}),
    MajorStep.PASS_RESTART: frozenset({MajorStanding.CONFIRMED}),
    MajorStep.FAIL_RESTART: frozenset({MajorStanding.CONFIRMED}),
    MajorStep.ADOPT_PLAN: frozenset(MAJOR),
}


def possible(state: MajorState) -> list[MajorStep]:
    """The steps the track allows now (the hazard being open)."""
    ruled_out = {MajorStep.SUPERVISE} if state.supervised else set()
    if state.production is Production.SUSPENDED:
        ruled_out.add(MajorStep.SUSPEND)
    else:
        ruled_out |= {MajorStep.PASS_RESTART, MajorStep.FAIL_RESTART}
    return [step for step, sources in _FROM.items() if state.standing in sources and step not in ruled_out]


def check(
    state: MajorState, step: MajorStep, note: str, detail: Mapping[str, str], new_deadline: date | None, today: date
) -> None:
    """Raise TransitionRefused with one sentence if `step` is not allowed now or lacks what it names."""
    if step not in possible(state):
        allowed = "、".join(s.label for s in possible(state)) or "无"
        raise TransitionRefused(f"隐患当前为“{state.standing.label}”，不能“{step.label}”；重大隐患可执行：{allowed}")
    if step is MajorStep.SUSPECT and not detail.get(CLAUSE, "").strip():
        raise TransitionRefused("疑似重大事故隐患必须选定所符合的判定条款（应急管理部令第10号或 GB 35181）")
    needs_authority = (MajorStep.REFER, MajorStep.CONFIRM, MajorStep.SUPERVISE, MajorStep.SUSPEND)
    if step in needs_authority and not detail.get(AUTHORITY, "").strip():
        who = "移送的主管部门" if step is MajorStep.REFER else "作出决定的部门"
        raise TransitionRefused(f"“{step.label}”必须写明{who}")
    if step in (MajorStep.REJECT, MajorStep.PASS_RESTART, MajorStep.FAIL_RESTART) and not note.strip():
        what = "不予认定的理由" if step is MajorStep.REJECT else "复产复查的意见"
        raise TransitionRefused(f"“{step.label}”必须写明{what}")
    if step is MajorStep.ADOPT_PLAN:
        missing = [label for key, label in PLAN_FIELDS.items() if not detail.get(key, "").strip()]
        if missing:
            raise TransitionRefused(f"治理方案缺少：{'、'.join(missing)}")
        if new_deadline is None or new_deadline <= today:
            raise TransitionRefused("治理方案必须给出晚于今天的治理时限")


def effect(state: MajorState, step: MajorStep, detail: Mapping[str, str], new_deadline: date | None) -> MajorState:
    """The track after `step`, unconditionally: also how a step that a concurrent branch made
    impossible is taken as recorded (hazard_history.py)."""
    authority = detail.get(AUTHORITY, "").strip()
    if step is MajorStep.SUSPECT:
        return replace(
            state,
            standing=MajorStanding.SUSPECTED,
            clause=detail.get(CLAUSE, "").strip(),
            citation=detail.get(CITATION, "").strip(),
            authority="",
        )
    if step is MajorStep.REFER:
        return replace(state, standing=MajorStanding.REFERRED, authority=authority or state.authority)
    if step is MajorStep.CONFIRM:
        return replace(state, standing=MajorStanding.CONFIRMED, authority=authority or state.authority)
    if step is MajorStep.REJECT:
        return replace(state, standing=MajorStanding.REJECTED, authority=authority or state.authority)
    if step is MajorStep.SUPERVISE:
        return replace(state, supervised=True)
    if step is MajorStep.SUSPEND:
        return replace(state, production=Production.SUSPENDED)
    if step is MajorStep.PASS_RESTART:
        return replace(state, production=Production.RESUMED)
    if step is MajorStep.ADOPT_PLAN and new_deadline is not None:
        fields = {key: detail.get(key, "").strip() for key in PLAN_FIELDS}
        return replace(state, plan=TreatmentPlan(time_limit=new_deadline, **fields))
    return state


STEP_VALUES = {step.value: step for step in MajorStep}


def after_event(state: MajorState, action: str, detail: Mapping[str, str], new_deadline: date | None) -> MajorState:
    """The track after a stored event (its action's value), without checking: how a history is
    followed where the lifecycle's checks do not apply (a refused concurrent step, a past
    quarter's state)."""
    if action == "record":
        return recorded(detail)
    if action == "fix_on_site":
        return replace(state, standing=MajorStanding.NONE) if state.is_major else state
    step = STEP_VALUES.get(action)
    return effect(state, step, detail, new_deadline) if step is not None else state


def fixed_on_site(state: MajorState) -> MajorState:
    """Fixing on the spot makes the hazard general (its suspicion ends); refused once referred."""
    if state.standing in (MajorStanding.REFERRED, MajorStanding.CONFIRMED):
        raise TransitionRefused(f"该隐患{state.standing.label}，不能当场整改销号：按治理方案整改，经复查通过后销号")
    return replace(state, standing=MajorStanding.NONE) if state.is_major else state


LEVEL_TEXT = {
    MajorStanding.SUSPECTED: "疑似重大隐患",
    MajorStanding.REFERRED: "疑似重大隐患（已移送）",
    MajorStanding.CONFIRMED: "重大隐患",
}


def level_text(standing: MajorStanding) -> str:
    """The hazard's level in a ledger: 一般隐患, 疑似重大隐患 (and whether it was referred) or
    重大隐患 (confirmed by the authority)."""
    return LEVEL_TEXT.get(standing, "一般隐患")


DETAIL_LABELS = {CLAUSE: "条款", CITATION: "依据", AUTHORITY: "部门", DOCUMENT: "文号", **PLAN_FIELDS}


def detail_text(detail: Mapping[str, str]) -> str:
    """What an event names, for a history line: 条款 MEM10-11-3；部门 平湖市应急管理局；…"""
    return "；".join(f"{label} {detail[key]}" for key, label in DETAIL_LABELS.items() if detail.get(key))


def major_lines(state: MajorState) -> list[str]:
    """The track in a few lines for screens and documents; none for a hazard never suspected."""
    if state.standing is MajorStanding.NONE and not state.clause and not state.citation:
        return []
    lines = [f"重大事故隐患：{state.standing.label}"]
    if state.citation or state.clause:
        lines.append(f"判定条款：{state.citation or state.clause}" + (f"（{state.clause}）" if state.citation else ""))
    return lines + decision_lines(state)


def decision_lines(state: MajorState) -> list[str]:
    """What the authority and the enterprise did about it: who decided, supervision, production,
    the treatment plan."""
    lines = []
    if state.authority:
        lines.append(f"主管部门：{state.authority}")
    if state.supervised:
        lines.append("挂牌督办：是")
    if state.production is not Production.RUNNING:
        lines.append(f"生产：{state.production.label}")
    if state.plan is not None:
        plan = state.plan
        lines.append(
            f"治理方案：{plan.goal}；{plan.method}；经费和物资：{plan.funds}；负责：{plan.responsible}；"
            f"时限 {plan.time_limit.isoformat()}；临时措施：{plan.interim}"
        )
    return lines
