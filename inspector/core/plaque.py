"""Annual plaques and quarterly lights (domain.md §4 rules 6 and 7)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .checklist import GradingRules, Severity
from .dates import format_cn
from .grades import Grade, Light
from .grading import GradeResult
from .hazard_lifecycle import HazardStatus, is_open, is_overdue
from .labelled import LabelledEnum


@dataclass(frozen=True)
class HazardFacts:
    """What the light needs to know of one hazard."""

    code: str  # a short reference for the reason text (item code or hazard number)
    severity: Severity
    status: HazardStatus
    deadline: date


@dataclass(frozen=True)
class LightResult:
    light: Light
    reasons: tuple[str, ...]


def quarterly_light(
    hazards: Iterable[HazardFacts],
    latest: GradeResult | None,
    rules: GradingRules,
    today: date,
) -> LightResult:
    """Rule 6: red if a veto-level (major) hazard is open; yellow if any hazard is overdue, a key
    item failed or the latest score is below `light_yellow_below`; else green."""
    hazards = list(hazards)
    major_open = [h.code for h in hazards if h.severity is Severity.MAJOR and is_open(h.status)]
    if major_open:
        return LightResult(Light.RED, (f"重大隐患未整改：{'、'.join(major_open)}",))
    reasons: list[str] = []
    overdue = [h.code for h in hazards if is_overdue(h.status, h.deadline, today)]
    if overdue:
        reasons.append(f"隐患逾期未整改：{'、'.join(overdue)}")
    if latest is not None and latest.failed_key:
        reasons.append(f"最近一次检查关键项不合格：{'、'.join(latest.failed_key)}")
    if latest is not None and latest.score < rules.light_yellow_below:
        reasons.append(f"最近一次检查得分 {latest.score:g}，低于 {rules.light_yellow_below:g}")
    if reasons:
        return LightResult(Light.YELLOW, tuple(reasons))
    return LightResult(Light.GREEN, ("无逾期隐患，最近一次检查合格",))


class ValidityRule(LabelledEnum):
    """How long an annual plaque hangs (a setting). The round grades year Y at its end and the
    plaque is displayed during Y+1 (domain.md §4 rule 7)."""

    YEAR_AFTER = "year_after", "至次年12月31日"
    NEXT_ROUND = "next_round", "至下一轮评定"


@dataclass(frozen=True)
class PlaqueValidity:
    """The validity of a plaque of `year` under `rule`. For NEXT_ROUND, `next_round_on` is the
    day the office first issued a later year's plaques (None while it has not)."""

    year: int
    rule: ValidityRule = ValidityRule.YEAR_AFTER
    next_round_on: date | None = None

    @property
    def valid_until(self) -> date | None:
        """The last day the plaque is valid; None while the next round has not been held."""
        if self.rule is ValidityRule.YEAR_AFTER:
            return date(self.year + 1, 12, 31)
        return None if self.next_round_on is None else self.next_round_on - timedelta(days=1)

    def expired(self, day: date) -> bool:
        until = self.valid_until
        return until is not None and day > until

    def printed(self) -> str:
        """What the plaque says after 有效期至: a date, or 下一轮评定 for the next-round rule."""
        if self.rule is ValidityRule.YEAR_AFTER:
            return format_cn(date(self.year + 1, 12, 31))
        return f"{self.year + 1}年度评定结果公布"

    def expiry_sentence(self) -> str:
        """Why an expired plaque no longer stands, for verification and the printed copy."""
        until = self.valid_until
        if until is None:
            return ""
        if self.rule is ValidityRule.NEXT_ROUND:
            return f"该亮牌有效期至下一轮评定，已于 {format_cn(until)} 期满（此后已开展新一轮评定）"
        return f"该亮牌有效期至 {format_cn(until)}，已过期"


def downgraded_for_veto(current: Grade, veto_grade: Grade = Grade.D) -> Grade:
    """Rule 7: a veto event (a confirmed major hazard) downgrades the plaque at once."""
    return current.capped_at(veto_grade)
