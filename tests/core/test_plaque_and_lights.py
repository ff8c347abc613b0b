"""Quarterly lights and plaques (domain.md §4 rules 6–7), quarters, and the one rounding rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from inspector.core.checklist import GradingRules, Item, Result, Section, Severity, Template
from inspector.core.dates import Quarter
from inspector.core.errors import DomainError
from inspector.core.grades import PENDING, PENDING_LABEL, Grade, Light
from inspector.core.grading import GradeResult, grade
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.core.plaque import HazardFacts, PlaqueValidity, ValidityRule, downgraded_for_veto, quarterly_light
from inspector.core.rates import format_percent, percent, round_half_up

S = HazardStatus
TODAY = date(2026, 6, 15)
RULES = GradingRules()


def latest(score: float, key_failed: bool = False) -> GradeResult:
    """A real grading result with the given score: R-1 (weight = score) passes and K-1 (the rest)
    fails; K-1 is a key item when `key_failed`. A score of 100 is all passes."""
    if score >= 100:
        items = (Item("R-1", "其他", 100, "S"),)
        answers = {"R-1": Result.PASS}
    else:
        items = (Item("K-1", "另一项", 100 - score, "S", key=key_failed), Item("R-1", "其他", score, "S"))
        answers = {"K-1": Result.FAIL, "R-1": Result.PASS}
    template = Template(code="light", version=1, title="亮灯测试", sections=(Section("S", "综合", items),))
    result = grade(template, answers)
    assert result.score == score
    return result


def hazard(code: str, status: HazardStatus, severity: Severity = Severity.GENERAL,
           deadline: date = date(2026, 6, 30)) -> HazardFacts:  # fmt: skip
    return HazardFacts(code=code, severity=severity, status=status, deadline=deadline)


GOOD = latest(95.0)
OVERDUE_DAY = date(2026, 6, 14)  # a deadline before TODAY


# -- red -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.RECORDED, S.NOTICE_ISSUED, S.RECTIFYING, S.RECHECK_REQUESTED],
                         ids=lambda s: s.value)  # fmt: skip
def test_open_major_hazard_is_red(status: HazardStatus) -> None:
    result = quarterly_light([hazard("H-7", status, Severity.MAJOR)], GOOD, RULES, TODAY)
    assert result.light is Light.RED
    assert result.reasons == ("重大隐患未整改：H-7",)


@pytest.mark.parametrize("status", [S.FIXED_ON_SITE, S.RECHECK_PASSED, S.CLOSED, S.VOIDED], ids=lambda s: s.value)
def test_rectified_or_voided_major_hazard_is_not_red(status: HazardStatus) -> None:
    # Even long past its deadline: it is fixed (or was never real).
    result = quarterly_light([hazard("H-7", status, Severity.MAJOR, OVERDUE_DAY)], GOOD, RULES, TODAY)
    assert result.light is Light.GREEN


def test_red_names_every_open_major_hazard_and_beats_yellow() -> None:
    hazards = [
        hazard("H-1", S.RECTIFYING, Severity.MAJOR),
        hazard("H-2", S.CLOSED, Severity.MAJOR),
        hazard("H-3", S.RECORDED, Severity.MAJOR),
        hazard("H-4", S.RECTIFYING, Severity.GENERAL, OVERDUE_DAY),
    ]
    result = quarterly_light(hazards, latest(50.0, key_failed=True), RULES, TODAY)
    assert result.light is Light.RED
    assert result.reasons == ("重大隐患未整改：H-1、H-3",)


def test_open_general_hazard_within_its_deadline_is_not_red() -> None:
    result = quarterly_light([hazard("H-1", S.RECTIFYING)], GOOD, RULES, TODAY)
    assert result.light is Light.GREEN


# -- yellow --------------------------------------------------------------------------------

YELLOW_CASES = [
    # id, hazards, latest, expected light, expected reasons
    (
        "overdue-hazard",
        [hazard("H-1", S.RECTIFYING, deadline=OVERDUE_DAY)],
        GOOD,
        Light.YELLOW,
        ("隐患逾期未整改：H-1",),
    ),
    (
        "deadline-today-not-overdue",
        [hazard("H-1", S.RECTIFYING, deadline=TODAY)],
        GOOD,
        Light.GREEN,
        ("无逾期隐患，最近一次检查合格",),
    ),
    (
        "overdue-but-recheck-requested",
        [hazard("H-1", S.RECHECK_REQUESTED, deadline=OVERDUE_DAY)],
        GOOD,
        Light.GREEN,
        ("无逾期隐患，最近一次检查合格",),
    ),
    (
        "overdue-but-closed",
        [hazard("H-1", S.CLOSED, deadline=OVERDUE_DAY)],
        GOOD,
        Light.GREEN,
        ("无逾期隐患，最近一次检查合格",),
    ),
    (
        "two-overdue",
        [hazard("H-1", S.RECORDED, deadline=OVERDUE_DAY), hazard("H-2", S.NOTICE_ISSUED, deadline=OVERDUE_DAY)],
        GOOD,
        Light.YELLOW,
        ("隐患逾期未整改：H-1、H-2",),
    ),
    ("failed-key-item", [], latest(90.0, key_failed=True), Light.YELLOW, ("最近一次检查关键项不合格：K-1",)),
    ("score-74.9", [], latest(74.9), Light.YELLOW, ("最近一次检查得分 74.9，低于 75",)),
    ("score-75.0", [], latest(75.0), Light.GREEN, ("无逾期隐患，最近一次检查合格",)),
    (
        "all-three",
        [hazard("H-1", S.RECTIFYING, deadline=OVERDUE_DAY)],
        latest(60.0, key_failed=True),
        Light.YELLOW,
        ("隐患逾期未整改：H-1", "最近一次检查关键项不合格：K-1", "最近一次检查得分 60，低于 75"),
    ),
    ("no-inspection-no-hazards", [], None, Light.GREEN, ("无逾期隐患，最近一次检查合格",)),
    (
        "no-inspection-overdue",
        [hazard("H-1", S.RECORDED, deadline=OVERDUE_DAY)],
        None,
        Light.YELLOW,
        ("隐患逾期未整改：H-1",),
    ),
    ("perfect", [], latest(100.0), Light.GREEN, ("无逾期隐患，最近一次检查合格",)),
]


@pytest.mark.parametrize(
    ("hazards", "result", "light", "reasons"),
    [pytest.param(h, r, li, re, id=i) for i, h, r, li, re in YELLOW_CASES],
)
def test_quarterly_light(hazards: list[HazardFacts], result: GradeResult | None, light: Light,
                         reasons: tuple[str, ...]) -> None:  # fmt: skip
    outcome = quarterly_light(hazards, result, RULES, TODAY)
    assert outcome.light is light
    assert outcome.reasons == reasons


def test_yellow_threshold_comes_from_the_rules() -> None:
    rules = GradingRules(light_yellow_below=80)
    assert quarterly_light([], latest(78.0), rules, TODAY).light is Light.YELLOW
    assert quarterly_light([], latest(78.0), RULES, TODAY).light is Light.GREEN
    assert quarterly_light([], latest(80.0), rules, TODAY).light is Light.GREEN


def test_hazards_can_be_any_iterable() -> None:
    facts = (h for h in [hazard("H-1", S.RECTIFYING, deadline=OVERDUE_DAY)])
    assert quarterly_light(facts, GOOD, RULES, TODAY).light is Light.YELLOW


def test_light_labels() -> None:
    assert (Light.GREEN.label, Light.YELLOW.label, Light.RED.label) == ("绿灯", "黄灯", "红灯")


# -- plaques -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "veto_grade", "expected"),
    [
        pytest.param(Grade.A, Grade.D, Grade.D, id="A-to-D"),
        pytest.param(Grade.B, Grade.D, Grade.D, id="B-to-D"),
        pytest.param(Grade.C, Grade.D, Grade.D, id="C-to-D"),
        pytest.param(Grade.D, Grade.D, Grade.D, id="D-stays-D"),
        pytest.param(Grade.A, Grade.C, Grade.C, id="A-to-C-with-custom-veto-grade"),
        pytest.param(Grade.D, Grade.C, Grade.D, id="D-never-raised"),
    ],
)
def test_downgraded_for_veto(current: Grade, veto_grade: Grade, expected: Grade) -> None:
    assert downgraded_for_veto(current, veto_grade) is expected


def test_downgraded_for_veto_defaults_to_d() -> None:
    assert downgraded_for_veto(Grade.A) is Grade.D


def test_grade_ranks_and_caps() -> None:
    assert [g.rank for g in Grade] == [0, 1, 2, 3]
    assert Grade.A.capped_at(Grade.C) is Grade.C
    assert Grade.D.capped_at(Grade.C) is Grade.D
    assert Grade.B.capped_at(Grade.B) is Grade.B
    assert Grade.B.label == "B级"
    assert (PENDING, PENDING_LABEL) == ("pending", "待评")


def test_a_plaque_of_year_y_hangs_until_31_december_of_y_plus_1() -> None:
    # The round grades 2026 at its end; the plaque is displayed during 2027.
    validity = PlaqueValidity(2026)
    assert validity.valid_until == date(2027, 12, 31)
    assert validity.printed() == "2027年12月31日"
    assert not validity.expired(date(2026, 12, 31))
    assert not validity.expired(date(2027, 12, 31))
    assert validity.expired(date(2028, 1, 1))
    assert "2027年12月31日" in validity.expiry_sentence()


def test_or_until_the_next_round_by_the_setting() -> None:
    waiting = PlaqueValidity(2026, ValidityRule.NEXT_ROUND)
    assert waiting.valid_until is None and waiting.printed() == "2027年度评定结果公布"
    assert not waiting.expired(date(2029, 6, 1))  # no later round yet: it stands
    held = PlaqueValidity(2026, ValidityRule.NEXT_ROUND, next_round_on=date(2027, 12, 20))
    assert held.valid_until == date(2027, 12, 19)
    assert not held.expired(date(2027, 12, 19)) and held.expired(date(2027, 12, 20))
    assert "下一轮评定" in held.expiry_sentence()


# -- quarters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2026Q3", Quarter(2026, 3), id="plain"),
        pytest.param("2026q1", Quarter(2026, 1), id="lower-case"),
        pytest.param("2026-Q4", Quarter(2026, 4), id="hyphen"),
        pytest.param("  2025Q2 ", Quarter(2025, 2), id="spaces"),
    ],
)
def test_quarter_parse(text: str, expected: Quarter) -> None:
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "26Q1", "2026", "", "Q3 2026", "2026 Q3", "2026Q3x", "2026/Q3"])
def test_quarter_parse_refuses_bad_input(text: str) -> None:
    with pytest.raises(DomainError, match="2026Q3"):
        Quarter.parse(text)


@pytest.mark.parametrize("number", [0, 5, -1])
def test_quarter_number_must_be_1_to_4(number: int) -> None:
    with pytest.raises(DomainError, match=str(number)):
        Quarter(2026, number)


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [
        pytest.param(Quarter(2026, 1), date(2026, 1, 1), date(2026, 3, 31), id="Q1"),
        pytest.param(Quarter(2026, 2), date(2026, 4, 1), date(2026, 6, 30), id="Q2"),
        pytest.param(Quarter(2026, 3), date(2026, 7, 1), date(2026, 9, 30), id="Q3"),
        pytest.param(Quarter(2026, 4), date(2026, 10, 1), date(2026, 12, 31), id="Q4"),
    ],
)
def test_quarter_first_and_last_days(quarter: Quarter, first: date, last: date) -> None:
    assert quarter.first_day == first
    assert quarter.last_day == last
    assert Quarter.of(first) == quarter
    assert Quarter.of(last) == quarter


def test_quarter_str_and_order() -> None:
    assert str(Quarter(2026, 3)) == "2026Q3"
    assert Quarter.parse(str(Quarter(2024, 1))) == Quarter(2024, 1)
    assert Quarter(2025, 4) < Quarter(2026, 1) < Quarter(2026, 2)


# -- rates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        # The city's published figure for its town grid inspections: 14,498 of 14,514 = 99.89 %.
        pytest.param(14498, 14514, 99.8, id="pinghu-rectified-99.89-published-99.8"),
        pytest.param(14513, 14514, 99.9, id="one-open-is-never-100"),
        pytest.param(14514, 14514, 100.0, id="nothing-open-is-100"),
        pytest.param(1127, 1271, 88.6, id="green-lights-88.67"),
        pytest.param(1, 8, 12.5, id="one-eighth-exact"),
        pytest.param(1, 16, 6.2, id="6.25-truncated"),
        pytest.param(2, 3, 66.6, id="two-thirds"),
        pytest.param(147, 147, 100.0, id="all"),
        pytest.param(0, 5, 0.0, id="none"),
        pytest.param(1, 3, 33.3, id="one-third"),
        pytest.param(7, 10, 70.0, id="binary-0.7-not-69.9"),
        pytest.param(29, 100, 29.0, id="binary-0.29-not-28.9"),
    ],
)
def test_percent_truncates_to_one_decimal(part: int, whole: int, expected: float) -> None:
    assert percent(part, whole) == expected


def test_a_rate_shows_100_only_when_nothing_is_open() -> None:
    assert all(percent(whole - 1, whole) < 100.0 for whole in (10, 999, 14514, 1_000_001))
    assert format_percent(percent(14498, 14514)) == "99.8%"
    assert format_percent(percent(14513, 14514)) == "99.9%"
    assert format_percent(None) == "—"


@pytest.mark.parametrize("part", [0, 5])
def test_percent_of_nothing_is_none(part: int) -> None:
    assert percent(part, 0) is None


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        pytest.param(0.05, 1, 0.1, id="0.05"),
        pytest.param(0.15, 1, 0.2, id="0.15-binary-below"),
        pytest.param(2.675, 2, 2.68, id="2.675-binary-below"),
        pytest.param(1.25, 1, 1.3, id="1.25-not-bankers"),
        pytest.param(89.95, 1, 90.0, id="89.95"),
        pytest.param(89.94, 1, 89.9, id="89.94"),
        pytest.param(Decimal("6.25"), 1, 6.3, id="decimal"),
        pytest.param(2.5, 0, 3.0, id="integer-places"),
        pytest.param(99.0, 1, 99.0, id="already-rounded"),
    ],
)
def test_round_half_up(value: float | Decimal, places: int, expected: float) -> None:
    assert round_half_up(value, places) == expected


def test_latest_helper_builds_the_scores_it_claims() -> None:
    # Guard for the helper above: failed key items are reported, passes are not.
    assert latest(90.0, key_failed=True).failed_key == ("K-1",)
    assert latest(74.9).failed_key == ()
