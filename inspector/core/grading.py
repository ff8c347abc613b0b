"""The grading engine: domain.md §4, every number read from the template's rules.

1. Score = points earned ÷ points applicable × 100, one decimal rounded half up. N/A items
   leave both sums; 部分符合 earns `partial_credit` of the weight; unanswered items are left
   out too and make the result provisional.
2. The grade is the score's band (A ≥ band_a, B ≥ band_b, C ≥ band_c, else D), then lowered:
3. a section below `section_floor_percent` of its applicable weight caps it (default at C);
4. a failed veto item makes it `veto_grade` (D);
5. one failed key item caps it at `key_fail_cap` (C); `key_fail_d_count` (2) or more make it D.
The final grade is the worst of these, and every rule that fired is returned as a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .checklist import Result, Template
from .errors import DomainError
from .grades import Grade
from .rates import round_half_up


class GradingError(DomainError):
    """The answers cannot be graded (empty checklist, nothing applicable, an invalid answer)."""


# The rules of the engine, by the id a Reason carries, with a label for distributions ("which
# rules fired" in `inspector grading propose`).
RULE_LABELS = {
    "band": "得分档次",
    "section_floor": "分区得分率低于下限",
    "key_failed": "一个关键项不合格",
    "key_failed_many": "多个关键项不合格",
    "veto_failed": "否决项不合格",
    "provisional": "必答项未答完（暂定）",
}


@dataclass(frozen=True)
class Reason:
    rule: str  # band | section_floor | key_failed | key_failed_many | veto_failed | provisional
    grade: Grade | None  # the grade this rule gives or caps at; None for information only
    text: str
    text_en: str
    item_codes: tuple[str, ...] = ()
    section_code: str | None = None


@dataclass(frozen=True)
class SectionScore:
    code: str
    title: str
    earned: float
    applicable: float
    percent: float | None  # None when every item of the section is N/A (or unanswered)
    answered: int
    items: int


@dataclass(frozen=True)
class GradeResult:
    score: float
    grade: Grade
    reasons: tuple[Reason, ...]  # the deciding ones first
    sections: tuple[SectionScore, ...]
    failed_veto: tuple[str, ...]
    failed_key: tuple[str, ...]
    failed: tuple[str, ...]
    unanswered_required: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.unanswered_required

    @property
    def deciding(self) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if reason.grade is self.grade)

    @property
    def summary(self) -> str:
        """One line for lists and documents, e.g. "D：否决项 C-1 不合格，评为 D 级"."""
        return f"{self.grade.value}：" + "；".join(reason.text for reason in self.deciding)

    @property
    def summary_en(self) -> str:
        return f"{self.grade.value}: " + "; ".join(reason.text_en for reason in self.deciding)


_CREDIT = {Result.PASS: Decimal(1), Result.FAIL: Decimal(0)}


def grade(template: Template, answers: Mapping[str, Result]) -> GradeResult:
    """Grade `answers` (item code → result) against `template`.

    Raises GradingError for an empty checklist, an answer to an unknown item, an answer the
    item does not allow, or when no answered item is applicable (nothing to divide by).
    """
    rules = template.rules
    items = template.items
    if not items:
        raise GradingError(f"检查表 {template.key} 没有检查项，无法评分")
    by_code = {item.code: item for item in items}
    for code, result in answers.items():
        item = by_code.get(code)
        if item is None:
            raise GradingError(f"检查表 {template.key} 中没有检查项 {code}")
        if not item.allows(result):
            raise GradingError(f"检查项 {code} 不允许作答“{result.label}”")

    credit = dict(_CREDIT, **{Result.PARTIAL: Decimal(str(rules.partial_credit))})
    sections: list[SectionScore] = []
    earned_total = applicable_total = Decimal(0)
    for section in template.sections:
        earned = applicable = Decimal(0)
        answered = 0
        for item in section.items:
            result = answers.get(item.code)
            if result is None:
                continue
            answered += 1
            if result is Result.NOT_APPLICABLE:
                continue
            weight = Decimal(str(item.weight))
            applicable += weight
            earned += weight * credit[result]
        percent = round_half_up(earned * 100 / applicable) if applicable else None
        sections.append(
            SectionScore(
                section.code, section.title, float(earned), float(applicable), percent, answered, len(section.items)
            )
        )
        earned_total += earned
        applicable_total += applicable
    if not applicable_total:
        raise GradingError("没有适用的已答检查项（全部不适用或未作答），无法计算得分")

    score = round_half_up(earned_total * 100 / applicable_total)
    band = rules.band(score)
    reasons = [_band_reason(score, band, rules.band_a, rules.band_b, rules.band_c)]

    for section, section_score in zip(template.sections, sections, strict=True):
        if section_score.percent is not None and section_score.percent < rules.section_floor_percent:
            cap = rules.section_floor_cap
            reasons.append(
                Reason(
                    "section_floor",
                    cap,
                    f"分区 {section.code}“{section.title}”得分率 {section_score.percent:g}%，"
                    f"低于 {rules.section_floor_percent:g}%，最高评为 {cap.value} 级",
                    f"section {section.code} scored {section_score.percent:g}% "
                    f"(below {rules.section_floor_percent:g}%): grade at most {cap.value}",
                    section_code=section.code,
                )
            )

    failed = tuple(item.code for item in items if answers.get(item.code) is Result.FAIL)
    failed_key = tuple(item.code for item in items if item.key and item.code in failed)
    failed_veto = tuple(item.code for item in items if item.veto and item.code in failed)
    if len(failed_key) >= rules.key_fail_d_count:
        codes = "、".join(failed_key)
        reasons.append(
            Reason(
                "key_failed_many",
                Grade.D,
                f"{len(failed_key)} 个关键项（{codes}）不合格，评为 D 级",
                f"{len(failed_key)} key items failed ({', '.join(failed_key)}): grade D",
                item_codes=failed_key,
            )
        )
    elif failed_key:
        cap = rules.key_fail_cap
        reasons.append(
            Reason(
                "key_failed",
                cap,
                f"关键项 {failed_key[0]} 不合格，最高评为 {cap.value} 级",
                f"key item {failed_key[0]} failed: grade at most {cap.value}",
                item_codes=failed_key,
            )
        )
    if failed_veto:
        veto = rules.veto_grade
        reasons.append(
            Reason(
                "veto_failed",
                veto,
                f"否决项 {'、'.join(failed_veto)} 不合格，评为 {veto.value} 级",
                f"veto item {', '.join(failed_veto)} failed: grade {veto.value}",
                item_codes=failed_veto,
            )
        )

    final = band
    for reason in reasons:
        if reason.grade is not None:
            final = final.capped_at(reason.grade)

    unanswered = tuple(item.code for item in items if item.required and item.code not in answers)
    if unanswered:
        reasons.append(
            Reason(
                "provisional",
                None,
                f"尚有 {len(unanswered)} 个必答项未作答，结果为暂定",
                f"{len(unanswered)} required items unanswered: provisional result",
                item_codes=unanswered,
            )
        )
    # Worst first, so the reasons read as "why this grade" from the top.
    reasons.sort(key=lambda reason: -(reason.grade.rank if reason.grade else -1))
    return GradeResult(
        score=score,
        grade=final,
        reasons=tuple(reasons),
        sections=tuple(sections),
        failed_veto=failed_veto,
        failed_key=failed_key,
        failed=failed,
        unanswered_required=unanswered,
    )


def rule_of(text: str) -> str:
    """The rule id of a reason text this engine wrote (`Reason.text`), for grades stored as their
    summary only; "" for a text it did not write. A test runs every rule through it."""
    if text.startswith("否决项 "):
        return "veto_failed"
    if "个关键项（" in text:
        return "key_failed_many"
    if text.startswith("关键项 "):
        return "key_failed"
    if text.startswith("分区 ") and "得分率" in text:
        return "section_floor"
    if text.startswith("得分 ") and "级" in text:
        return "band"
    if text.startswith("尚有 ") and "必答项未作答" in text:
        return "provisional"
    return ""


EnglishPatterns = tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]
"""Stored Chinese texts of a fixed form, each with the English it stands for."""


_REASONS_EN: EnglishPatterns = (
    (
        re.compile(r"得分 (\S+) 分，低于 (\S+) 分，对应 D 级"),
        lambda m: f"score {m[1]} is below {m[2]}: band D",
    ),
    (
        re.compile(r"得分 (\S+) 分（≥(\S+)），对应 (\w) 级"),
        lambda m: f"score {m[1]} (≥{m[2]}): band {m[3]}",
    ),
    (
        re.compile(r"分区 (\S+)“.*”得分率 (\S+)%，低于 (\S+)%，最高评为 (\w) 级"),
        lambda m: f"section {m[1]} scored {m[2]}% (below {m[3]}%): grade at most {m[4]}",
    ),
    (
        re.compile(r"(\d+) 个关键项（(.+)）不合格，评为 D 级"),
        lambda m: f"{m[1]} key items failed ({m[2].replace('、', ', ')}): grade D",
    ),
    (
        re.compile(r"关键项 (\S+) 不合格，最高评为 (\w) 级"),
        lambda m: f"key item {m[1]} failed: grade at most {m[2]}",
    ),
    (
        re.compile(r"否决项 (\S+) 不合格，评为 (\w) 级"),
        lambda m: f"veto item {m[1].replace('、', ', ')} failed: grade {m[2]}",
    ),
    (
        re.compile(r"尚有 (\d+) 个必答项未作答，结果为暂定"),
        lambda m: f"{m[1]} required items unanswered: provisional result",
    ),
)


def english_by(patterns: EnglishPatterns, text: str) -> str:
    """The English of `text` by the first pattern it matches whole; "" if none does."""
    for pattern, english in patterns:
        match = pattern.fullmatch(text)
        if match:
            return english(match)
    return ""


def text_en_of(text: str) -> str:
    """The English of a reason text this engine wrote (`Reason.text_en` from `Reason.text`), for
    grades stored as their summary only; "" for a text it did not write."""
    return english_by(_REASONS_EN, text)


def _band_reason(score: float, band: Grade, band_a: float, band_b: float, band_c: float) -> Reason:
    floor = {Grade.A: band_a, Grade.B: band_b, Grade.C: band_c}.get(band)
    if floor is None:
        text = f"得分 {score:g} 分，低于 {band_c:g} 分，对应 D 级"
        text_en = f"score {score:g} is below {band_c:g}: band D"
    else:
        text = f"得分 {score:g} 分（≥{floor:g}），对应 {band.value} 级"
        text_en = f"score {score:g} (≥{floor:g}): band {band.value}"
    return Reason("band", band, text, text_en)
