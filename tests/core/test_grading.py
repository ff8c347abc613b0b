"""The grading engine against domain.md §4, table-driven.

Templates are built directly from the dataclasses so that every number in a case is visible
in the case itself.
"""

from __future__ import annotations

import pytest

from inspector.core.checklist import AnswerKind, GradingRules, Item, Result, Section, Template
from inspector.core.errors import DomainError
from inspector.core.grades import Grade
from inspector.core.grading import GradeResult, GradingError, grade, rule_of, text_en_of

P, H, F, N = Result.PASS, Result.PARTIAL, Result.FAIL, Result.NOT_APPLICABLE


# -- builders ------------------------------------------------------------------------------


def make_item(code: str, weight: float, *, section: str | None = None, **flags: object) -> Item:
    return Item(code=code, text=f"检查项 {code}", weight=weight,
                section_code=section or code.split("-")[0], **flags)  # fmt: skip


def make_section(code: str, *items: Item, title: str | None = None) -> Section:
    return Section(code=code, title=title or f"分区{code}", items=items)


def make_template(*sections: Section, rules: GradingRules | None = None) -> Template:
    return Template(code="test", version=1, title="测试检查表", sections=sections,
                    rules=rules or GradingRules())  # fmt: skip


def flat(*weights: float, rules: GradingRules | None = None) -> Template:
    """One section "S" with items S-1, S-2, … of the given weights."""
    items = [make_item(f"S-{i}", w) for i, w in enumerate(weights, start=1)]
    return make_template(make_section("S", *items), rules=rules)


def flat_answers(*results: Result) -> dict[str, Result]:
    return {f"S-{i}": r for i, r in enumerate(results, start=1)}


def mixed(rules: GradingRules | None = None) -> Template:
    """A two-section template (weights sum to 100) with key, veto, pass_fail and no_na items.

    M (管理, 60): M-1 20, M-2 20, M-3 10 key, M-4 10 key
    F (消防, 40): F-1 10 veto pass_fail, F-2 10, F-3 10, F-4 10 no N/A
    """
    return make_template(
        make_section(
            "M",
            make_item("M-1", 20),
            make_item("M-2", 20),
            make_item("M-3", 10, key=True),
            make_item("M-4", 10, key=True),
            title="安全管理",
        ),
        make_section(
            "F",
            make_item("F-1", 10, veto=True, answer_kind=AnswerKind.PASS_FAIL),
            make_item("F-2", 10),
            make_item("F-3", 10),
            make_item("F-4", 10, allow_na=False),
            title="消防安全",
        ),
        rules=rules,
    )


MIXED_CODES = ("M-1", "M-2", "M-3", "M-4", "F-1", "F-2", "F-3", "F-4")


def mixed_answers(**overrides: Result) -> dict[str, Result]:
    """Every item passes except the overrides (keyword names use _ for -: M_3=F)."""
    answers = {code: P for code in MIXED_CODES}
    answers.update({code.replace("_", "-"): result for code, result in overrides.items()})
    return answers


def rules_fired(result: GradeResult) -> set[str]:
    return {reason.rule for reason in result.reasons}


def deciding_rules(result: GradeResult) -> set[str]:
    return {reason.rule for reason in result.deciding}


def check_invariants(result: GradeResult) -> None:
    """What holds for every result: the worst reason comes first and decides the grade."""
    graded = [reason for reason in result.reasons if reason.grade is not None]
    assert graded, "there is always at least the band reason"
    assert result.reasons[0].grade is result.grade
    assert result.deciding, "some reason must explain the grade"
    assert all(reason.grade is result.grade for reason in result.deciding)
    worst = max(graded, key=lambda reason: reason.grade.rank)
    assert worst.grade is result.grade
    assert sum(1 for reason in result.reasons if reason.rule == "band") == 1


# -- score and band ------------------------------------------------------------------------

SCORE_CASES = [
    # id, template, answers, score, grade
    ("all-pass", flat(50, 50), flat_answers(P, P), 100.0, Grade.A),
    ("all-fail", flat(50, 50), flat_answers(F, F), 0.0, Grade.D),
    ("two-thirds-rounds-up-to-66.7", flat(1, 1, 1), flat_answers(P, P, F), 66.7, Grade.C),
    ("one-third-rounds-down-to-33.3", flat(1, 1, 1), flat_answers(P, F, F), 33.3, Grade.D),
    ("one-eighth-is-exact-12.5", flat(*[1] * 8), flat_answers(P, *[F] * 7), 12.5, Grade.D),
    ("seven-eighths-is-exact-87.5", flat(*[1] * 8), flat_answers(*[P] * 7, F), 87.5, Grade.B),
    # 1/16 = 6.25 exactly: half up gives 6.3 (banker's rounding would give 6.2).
    ("one-sixteenth-6.25-half-up-to-6.3", flat(1, 15), flat_answers(P, F), 6.3, Grade.D),
    # 0.5 × 1 of 8 = 6.25 as well, reached through partial credit.
    ("partial-6.25-half-up-to-6.3", flat(1, 7), flat_answers(H, F), 6.3, Grade.D),
    # 179.9 / 200 = 89.95 exactly in decimal (a float computes 89.94999…): half up lifts it to A.
    ("89.95-rounds-up-into-A", flat(179.9, 20.1), flat_answers(P, F), 90.0, Grade.A),
    ("89.94-stays-B", flat(89.94, 10.06), flat_answers(P, F), 89.9, Grade.B),
    # Band boundaries: each bound belongs to the better band.
    ("90.0-is-A", flat(90, 10), flat_answers(P, F), 90.0, Grade.A),
    ("89.9-is-B", flat(89.9, 10.1), flat_answers(P, F), 89.9, Grade.B),
    ("75.0-is-B", flat(75, 25), flat_answers(P, F), 75.0, Grade.B),
    ("74.9-is-C", flat(74.9, 25.1), flat_answers(P, F), 74.9, Grade.C),
    ("60.0-is-C", flat(60, 40), flat_answers(P, F), 60.0, Grade.C),
    ("59.9-is-D", flat(59.9, 40.1), flat_answers(P, F), 59.9, Grade.D),
    # Partial credit is half the weight.
    ("partial-earns-half", flat(50, 50), flat_answers(P, H), 75.0, Grade.B),
    ("all-partial-is-50", flat(30, 70), flat_answers(H, H), 50.0, Grade.D),
    # N/A leaves numerator and denominator: 50 / (50 + 30) = 62.5.
    ("na-rescales", flat(50, 30, 20), flat_answers(P, F, N), 62.5, Grade.C),
    ("na-does-not-lower-a-pass", flat(80, 20), flat_answers(P, N), 100.0, Grade.A),
    ("na-does-not-raise-a-fail", flat(80, 20), flat_answers(F, N), 0.0, Grade.D),
    # (40 + 0.5 × 20) / (40 + 20) = 83.3…
    ("na-with-partial", flat(40, 20, 40), flat_answers(P, H, N), 83.3, Grade.B),
]


@pytest.mark.parametrize(
    ("template", "answers", "score", "expected"),
    [pytest.param(t, a, s, g, id=i) for i, t, a, s, g in SCORE_CASES],
)
def test_score_and_band(template: Template, answers: dict[str, Result], score: float, expected: Grade) -> None:
    result = grade(template, answers)
    assert result.score == score
    assert result.grade is expected
    check_invariants(result)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        pytest.param(100.0, Grade.A, id="100"),
        pytest.param(90.0, Grade.A, id="90.0"),
        pytest.param(89.9, Grade.B, id="89.9"),
        pytest.param(75.0, Grade.B, id="75.0"),
        pytest.param(74.9, Grade.C, id="74.9"),
        pytest.param(60.0, Grade.C, id="60.0"),
        pytest.param(59.9, Grade.D, id="59.9"),
        pytest.param(0.0, Grade.D, id="0"),
    ],
)
def test_default_bands(score: float, expected: Grade) -> None:
    assert GradingRules().band(score) is expected


def test_section_scores_report_earned_applicable_and_percent() -> None:
    result = grade(mixed(), mixed_answers(M_1=H, M_4=N, F_2=F, F_3=N))
    by_code = {s.code: s for s in result.sections}
    m, f = by_code["M"], by_code["F"]
    # M: 10 + 20 + 10 earned of 20 + 20 + 10 applicable (M-4 is N/A).
    assert (m.earned, m.applicable, m.percent) == (40.0, 50.0, 80.0)
    assert (m.answered, m.items, m.title) == (4, 4, "安全管理")
    # F: F-1 10 + F-4 10 earned of 30 applicable (F-3 is N/A) = 66.7 %.
    assert (f.earned, f.applicable, f.percent) == (20.0, 30.0, 66.7)
    # Total: 60 / 80 = 75.
    assert result.score == 75.0
    assert result.failed == ("F-2",)


# -- the rules: section floor, key items, veto, and their combinations ------------------------

RULE_CASES = [
    # id, answers (overrides on mixed: everything else passes), score, grade, rules fired, deciding
    ("clean-A", {}, 100.0, Grade.A, {"band"}, {"band"}),
    # Section floor: F at 20/40 = 50 % caps an 80 (B) at C.
    (
        "section-below-floor-caps-B-at-C",
        dict(F_2=F, F_3=F),
        80.0,
        Grade.C,
        {"band", "section_floor"},
        {"section_floor"},
    ),
    # One failed key item caps an A at C.
    ("one-key-caps-A-at-C", dict(M_3=F), 90.0, Grade.C, {"band", "key_failed"}, {"key_failed"}),
    # …and a D stays D: the cap never raises a grade.
    ("one-key-leaves-D", dict(M_1=F, M_2=F, M_3=F), 50.0, Grade.D, {"band", "key_failed", "section_floor"}, {"band"}),
    # Two failed key items make D whatever the score.
    ("two-keys-make-D", dict(M_3=F, M_4=F), 80.0, Grade.D, {"band", "key_failed_many"}, {"key_failed_many"}),
    # A partial on a key item is not a failure.
    ("partial-key-is-not-failed", dict(M_3=H), 95.0, Grade.A, {"band"}, {"band"}),
    # N/A on a key item is not a failure either.
    ("na-key-is-not-failed", dict(M_3=N), 100.0, Grade.A, {"band"}, {"band"}),
    # The veto beats everything: a 90 with the veto item failed is D.
    ("veto-makes-A-a-D", dict(F_1=F), 90.0, Grade.D, {"band", "veto_failed"}, {"veto_failed"}),
    # Veto + key: D, and the key reason is still reported but does not decide.
    ("veto-plus-key", dict(F_1=F, M_3=F), 80.0, Grade.D, {"band", "veto_failed", "key_failed"}, {"veto_failed"}),
    # Veto + two keys: both D-rules decide.
    (
        "veto-plus-two-keys",
        dict(F_1=F, M_3=F, M_4=F),
        70.0,
        Grade.D,
        {"band", "veto_failed", "key_failed_many"},
        {"veto_failed", "key_failed_many"},
    ),
    # Floor + key both cap at C and both decide.
    (
        "floor-plus-key",
        dict(F_2=F, F_3=F, M_3=F),
        70.0,
        Grade.C,
        {"band", "section_floor", "key_failed"},
        {"band", "section_floor", "key_failed"},
    ),
    # A weak section caps a B at C; a partial key item adds nothing.
    (
        "floor-with-partial-key-on-B",
        dict(F_2=F, F_3=F, M_3=H),
        75.0,
        Grade.C,
        {"band", "section_floor"},
        {"section_floor"},
    ),
    # Everything at once: veto, two keys, a weak section and a D score.
    (
        "everything-fails",
        {c.replace("-", "_"): F for c in MIXED_CODES},
        0.0,
        Grade.D,
        {"band", "section_floor", "key_failed_many", "veto_failed"},
        {"band", "key_failed_many", "veto_failed"},
    ),
]


@pytest.mark.parametrize(
    ("overrides", "score", "expected", "fired", "deciding"),
    [pytest.param(o, s, g, fr, d, id=i) for i, o, s, g, fr, d in RULE_CASES],
)
def test_rules(overrides: dict[str, Result], score: float, expected: Grade,
               fired: set[str], deciding: set[str]) -> None:  # fmt: skip
    result = grade(mixed(), mixed_answers(**overrides))
    assert result.score == score
    assert result.grade is expected
    assert rules_fired(result) == fired
    assert deciding_rules(result) == deciding
    assert result.complete
    check_invariants(result)


def floor_template(b1: float, b2: float) -> Template:
    """A strong section A (90) and a small section B whose share decides the floor."""
    return make_template(
        make_section("A", make_item("A-1", 90)),
        make_section("B", make_item("B-1", b1), make_item("B-2", b2)),
    )


@pytest.mark.parametrize(
    ("b_weights", "b_answers", "b_percent", "score", "expected"),
    [
        pytest.param((6, 4), (P, F), 60.0, 96.0, Grade.A, id="exactly-60%-not-capped"),
        pytest.param((5.9, 4.1), (P, F), 59.0, 95.9, Grade.C, id="59%-caps-A-at-C"),
        pytest.param((5, 5), (P, H), 75.0, 97.5, Grade.A, id="75%-not-capped"),
        pytest.param((5, 5), (F, F), 0.0, 90.0, Grade.C, id="0%-caps-A-at-C"),
        pytest.param((5, 5), (F, N), 0.0, 94.7, Grade.C, id="na-rescales-the-section-too"),
        pytest.param((5, 5), (P, N), 100.0, 100.0, Grade.A, id="na-and-pass-is-100%"),
    ],
)
def test_section_floor(b_weights: tuple[float, float], b_answers: tuple[Result, Result],
                       b_percent: float, score: float, expected: Grade) -> None:  # fmt: skip
    result = grade(floor_template(*b_weights), {"A-1": P, "B-1": b_answers[0], "B-2": b_answers[1]})
    assert result.sections[1].percent == b_percent
    assert result.score == score
    assert result.grade is expected
    capped = b_percent < 60
    assert ("section_floor" in rules_fired(result)) is capped
    if capped:
        assert deciding_rules(result) == {"section_floor"}
    check_invariants(result)


def test_section_floor_in_both_sections_gives_two_reasons() -> None:
    result = grade(mixed(), mixed_answers(M_1=F, M_2=F, F_2=F, F_3=F))
    floors = [r for r in result.reasons if r.rule == "section_floor"]
    assert sorted(r.section_code for r in floors) == ["F", "M"]
    assert all(r.grade is Grade.C for r in floors)
    assert result.score == 40.0 and result.grade is Grade.D


def test_all_na_section_has_no_percent_and_no_floor_cap() -> None:
    template = make_template(
        make_section("A", make_item("A-1", 60), make_item("A-2", 30)),
        make_section("B", make_item("B-1", 5), make_item("B-2", 5)),
    )
    result = grade(template, {"A-1": P, "A-2": P, "B-1": N, "B-2": N})
    section_b = result.sections[1]
    assert section_b.percent is None
    assert (section_b.earned, section_b.applicable, section_b.answered) == (0.0, 0.0, 2)
    assert result.score == 100.0
    assert result.grade is Grade.A
    assert rules_fired(result) == {"band"}


def test_unanswered_section_has_no_percent_and_no_floor_cap() -> None:
    template = make_template(
        make_section("A", make_item("A-1", 90)),
        make_section("B", make_item("B-1", 10)),
    )
    result = grade(template, {"A-1": P})
    assert result.sections[1].percent is None
    assert result.sections[1].answered == 0
    assert "section_floor" not in rules_fired(result)


# -- custom rules from the template --------------------------------------------------------


def three_keys(rules: GradingRules) -> Template:
    return make_template(
        make_section(
            "K",
            make_item("K-1", 10, key=True),
            make_item("K-2", 10, key=True),
            make_item("K-3", 10, key=True),
            make_item("K-4", 70),
        ),
        rules=rules,
    )


CUSTOM_CASES = [
    # id, template, answers, score, grade, fired
    (
        "d-count-3: two keys only cap at C",
        three_keys(GradingRules(key_fail_d_count=3)),
        {"K-1": F, "K-2": F, "K-3": P, "K-4": P},
        80.0,
        Grade.C,
        {"band", "key_failed"},
    ),
    (
        "d-count-3: three keys make D",
        three_keys(GradingRules(key_fail_d_count=3)),
        {"K-1": F, "K-2": F, "K-3": F, "K-4": P},
        70.0,
        Grade.D,
        {"band", "key_failed_many"},
    ),
    (
        "d-count-1: one key makes D",
        three_keys(GradingRules(key_fail_d_count=1)),
        {"K-1": F, "K-2": P, "K-3": P, "K-4": P},
        90.0,
        Grade.D,
        {"band", "key_failed_many"},
    ),
    (
        "key cap at B",
        three_keys(GradingRules(key_fail_cap=Grade.B)),
        {"K-1": F, "K-2": P, "K-3": P, "K-4": P},
        90.0,
        Grade.B,
        {"band", "key_failed"},
    ),
    (
        "partial credit 0.25",
        flat(50, 50, rules=GradingRules(partial_credit=0.25)),
        flat_answers(P, H),
        62.5,
        Grade.C,
        {"band"},
    ),
    (
        "partial credit 0",
        flat(50, 50, rules=GradingRules(partial_credit=0)),
        flat_answers(P, H),
        50.0,
        Grade.D,
        {"band", "section_floor"},
    ),
    (
        "bands 95/85/70: 90 is B",
        flat(90, 10, rules=GradingRules(band_a=95, band_b=85, band_c=70)),
        flat_answers(P, F),
        90.0,
        Grade.B,
        {"band"},
    ),
    (
        "bands 95/85/70: 95 is A",
        flat(95, 5, rules=GradingRules(band_a=95, band_b=85, band_c=70)),
        flat_answers(P, F),
        95.0,
        Grade.A,
        {"band"},
    ),
    (
        "bands 95/85/70: 65 is D",
        flat(65, 35, rules=GradingRules(band_a=95, band_b=85, band_c=70)),
        flat_answers(P, F),
        65.0,
        Grade.D,
        {"band"},
    ),
    (
        "veto grade C",
        make_template(
            make_section("V", make_item("V-1", 10, veto=True), make_item("V-2", 90)),
            rules=GradingRules(veto_grade=Grade.C),
        ),
        {"V-1": F, "V-2": P},
        90.0,
        Grade.C,
        {"band", "veto_failed"},
    ),
    (
        "section floor 50: 55 % not capped",
        make_template(
            make_section("A", make_item("A-1", 90)),
            make_section("B", make_item("B-1", 5.5), make_item("B-2", 4.5)),
            rules=GradingRules(section_floor_percent=50),
        ),
        {"A-1": P, "B-1": P, "B-2": F},
        95.5,
        Grade.A,
        {"band"},
    ),
    (
        "section floor cap at B",
        make_template(
            make_section("A", make_item("A-1", 90)),
            make_section("B", make_item("B-1", 5), make_item("B-2", 5)),
            rules=GradingRules(section_floor_cap=Grade.B),
        ),
        {"A-1": P, "B-1": P, "B-2": F},
        95.0,
        Grade.B,
        {"band", "section_floor"},
    ),
]


@pytest.mark.parametrize(
    ("template", "answers", "score", "expected", "fired"),
    [pytest.param(t, a, s, g, fr, id=i) for i, t, a, s, g, fr in CUSTOM_CASES],
)
def test_custom_rules_from_the_template(template: Template, answers: dict[str, Result], score: float,
                                        expected: Grade, fired: set[str]) -> None:  # fmt: skip
    result = grade(template, answers)
    assert result.score == score
    assert result.grade is expected
    assert rules_fired(result) == fired
    check_invariants(result)


def test_custom_bands_appear_in_the_band_reason() -> None:
    result = grade(flat(90, 10, rules=GradingRules(band_a=95, band_b=85, band_c=70)), flat_answers(P, F))
    (band,) = [r for r in result.reasons if r.rule == "band"]
    assert band.text == "得分 90 分（≥85），对应 B 级"
    assert band.text_en == "score 90 (≥85): band B"


# -- reasons and summaries -----------------------------------------------------------------


def test_veto_summary() -> None:
    result = grade(mixed(), mixed_answers(F_1=F))
    assert result.summary == "D：否决项 F-1 不合格，评为 D 级"
    assert result.summary_en == "D: veto item F-1 failed: grade D"
    assert result.failed_veto == ("F-1",)
    (veto,) = [r for r in result.reasons if r.rule == "veto_failed"]
    assert veto.item_codes == ("F-1",)
    assert veto.grade is Grade.D


def test_band_summary_for_a_clean_inspection() -> None:
    result = grade(mixed(), mixed_answers())
    assert result.summary == "A：得分 100 分（≥90），对应 A 级"


def test_d_band_reason_text() -> None:
    result = grade(flat(59.9, 40.1), flat_answers(P, F))
    (band,) = [r for r in result.reasons if r.rule == "band"]
    assert band.text == "得分 59.9 分，低于 60 分，对应 D 级"
    assert band.grade is Grade.D


def test_key_reason_names_the_item_and_the_cap() -> None:
    result = grade(mixed(), mixed_answers(M_4=F))
    assert result.failed_key == ("M-4",)
    assert result.summary == "C：关键项 M-4 不合格，最高评为 C 级"
    (key,) = [r for r in result.reasons if r.rule == "key_failed"]
    assert key.item_codes == ("M-4",)


def test_two_keys_reason_names_both_items() -> None:
    result = grade(mixed(), mixed_answers(M_3=F, M_4=F))
    assert result.failed_key == ("M-3", "M-4")
    (many,) = [r for r in result.reasons if r.rule == "key_failed_many"]
    assert many.item_codes == ("M-3", "M-4")
    assert many.text == "2 个关键项（M-3、M-4）不合格，评为 D 级"
    assert result.summary == "D：" + many.text


def test_section_floor_reason_names_section_and_percent() -> None:
    result = grade(mixed(), mixed_answers(F_2=F, F_3=F))
    (floor,) = [r for r in result.reasons if r.rule == "section_floor"]
    assert floor.section_code == "F"
    assert floor.grade is Grade.C
    assert floor.text == "分区 F“消防安全”得分率 50%，低于 60%，最高评为 C 级"


def test_summary_joins_every_deciding_reason_worst_first() -> None:
    result = grade(mixed(), mixed_answers(F_1=F, M_3=F, M_4=F))
    assert result.grade is Grade.D
    assert result.summary.startswith("D：")
    parts = result.summary.removeprefix("D：").split("；")
    assert sorted(parts) == sorted(r.text for r in result.deciding)
    assert len(parts) == 2
    # The key-cap reason exists only when fewer than two keys failed; here it is the D-rule.
    assert "关键项（M-3、M-4）" in result.summary and "否决项 F-1" in result.summary
    # Reasons that do not decide are still reported, after the deciding ones.
    assert [r.rule for r in result.reasons][-1] == "band"


# -- unanswered items: provisional ---------------------------------------------------------


def test_unanswered_required_items_make_the_result_provisional() -> None:
    answers = mixed_answers()
    del answers["M-2"], answers["F-3"]
    result = grade(mixed(), answers)
    assert not result.complete
    assert result.unanswered_required == ("M-2", "F-3")
    (provisional,) = [r for r in result.reasons if r.rule == "provisional"]
    assert provisional.grade is None
    assert provisional.item_codes == ("M-2", "F-3")
    assert provisional.text == "尚有 2 个必答项未作答，结果为暂定"
    # Information only: it never decides the grade and is listed after the graded reasons.
    assert provisional not in result.deciding
    assert result.reasons[-1] is provisional
    # Unanswered items leave both sums: 80 / 80.
    assert result.score == 100.0
    assert result.grade is Grade.A


def test_unanswered_optional_item_does_not_make_it_provisional() -> None:
    template = make_template(make_section("S", make_item("S-1", 90), make_item("S-2", 10, required=False)))
    result = grade(template, {"S-1": P})
    assert result.complete
    assert result.unanswered_required == ()
    assert "provisional" not in rules_fired(result)


def test_complete_when_everything_answered() -> None:
    result = grade(mixed(), mixed_answers(M_1=N))
    assert result.complete
    assert "provisional" not in rules_fired(result)


# -- errors --------------------------------------------------------------------------------

ERROR_CASES = [
    # id, template, answers, words the message must contain
    ("no-sections", make_template(), {}, ["没有检查项"]),
    ("sections-without-items", make_template(make_section("S")), {}, ["没有检查项"]),
    ("all-na", flat(50, 50), flat_answers(N, N), ["没有适用"]),
    ("nothing-answered", flat(50, 50), {}, ["没有适用"]),
    ("unknown-item", flat(50, 50), {"S-1": P, "S-2": P, "X-9": P}, ["X-9"]),
    ("partial-on-pass-fail", mixed(), mixed_answers(F_1=H), ["F-1", "部分符合"]),
    ("na-on-no-na-item", mixed(), mixed_answers(F_4=N), ["F-4", "不适用"]),
]


@pytest.mark.parametrize(
    ("template", "answers", "words"),
    [pytest.param(t, a, w, id=i) for i, t, a, w in ERROR_CASES],
)
def test_grading_errors(template: Template, answers: dict[str, Result], words: list[str]) -> None:
    with pytest.raises(GradingError) as caught:
        grade(template, answers)
    assert isinstance(caught.value, DomainError)
    for word in words:
        assert word in str(caught.value)


def test_partial_and_na_allowed_where_the_item_permits() -> None:
    # The same answers that fail above are fine on a graded item that allows N/A.
    result = grade(mixed(), mixed_answers(F_2=H, F_3=N))
    # 85 earned of 90 applicable (F-3 N/A, F-2 half) = 94.44… → 94.4
    assert result.score == 94.4
    assert result.grade is Grade.A


# -- the rule behind a stored reason ---------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        mixed_answers(),
        mixed_answers(M_3=F),
        mixed_answers(M_3=F, M_4=F),
        mixed_answers(F_1=F),
        mixed_answers(F_2=F, F_3=F, F_4=F),
        mixed_answers(M_1=F, M_2=F, F_1=F, F_2=F, F_3=F, F_4=F),
        {code: P for code in MIXED_CODES[:3]},
    ],
)
def test_every_reason_text_tells_its_rule(answers: dict[str, Result]) -> None:
    # Grades stored as their summary only are summed by rule in the annual round: the text of
    # every reason the engine writes must lead back to the rule that wrote it.
    for rules in (GradingRules(), GradingRules(band_a=95, key_fail_cap=Grade.B, veto_grade=Grade.C)):
        result = grade(mixed(rules), answers)
        assert result.reasons
        for reason in result.reasons:
            assert rule_of(reason.text) == reason.rule, reason.text
            assert text_en_of(reason.text) == reason.text_en, reason.text  # stored summaries in English
    assert rule_of("人工调整：现场复核") == ""
    assert text_en_of("人工调整：现场复核") == ""
