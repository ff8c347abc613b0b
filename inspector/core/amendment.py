"""Corrections (更正) to a finalized inspection.

A finalized inspection is read-only: its answers, score and grade stay exactly as signed. A
mistake found later is recorded as an amendment (who, when, why, old and new value), appended
to a history that is never edited. The *effective* answers are the originals with every
amendment applied in order; the amended grade is computed from them, while the signed original
stays readable next to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from .checklist import Item, Result
from .errors import DomainError, TransitionRefused, ValidationError
from .inspection import InspectionStatus
from .labelled import LabelledEnum

REASON_MAX = 2000
BY_MAX = 100


class AmendmentField(LabelledEnum):
    """What an amendment changes. (`item_code` is nullable in storage so that corrections to
    inspection-level fields can be added later without a schema change.)"""

    ANSWER = "answer", "答案"
    NOTE = "note", "备注"


@dataclass(frozen=True)
class Amendment:
    id: str
    item_code: str | None
    field: AmendmentField
    old_value: str | None  # None: the item had no answer (an optional item left blank)
    new_value: str
    reason: str
    amended_by: str
    amended_at: datetime  # the writer's wall clock: what people see, never used for ordering
    # Its place in the inspection's merged history (inspector/core/causal_history.py).
    follows: str | None = None
    stamp: int = 0
    device: str = ""

    def describe(self) -> str:
        """One line for lists and reports, e.g. "C-2 答案：不符合 → 符合"."""
        old, new = self.old_value, self.new_value
        if self.field is AmendmentField.ANSWER:
            old = Result(old).label if old else "未作答"
            new = Result(new).label
        else:
            old = old or "（空）"
            new = new or "（空）"
        return f"{self.item_code or '检查'} {self.field.label}：{old} → {new}"


# (result, note) of one item: the shape both the originals and the effective answers take here.
AnswerValue = tuple[Result, str]


def check_can_amend(status: InspectionStatus) -> None:
    if status is not InspectionStatus.FINALIZED:
        raise TransitionRefused(f"只有已定稿的检查需要登记更正；该检查为{status.label}，请直接修改答案")


def clean_reason_and_by(reason: str, by: str) -> tuple[str, str]:
    """Both are required: an amendment without a why or a who is not a record."""
    problems: dict[str, str] = {}
    reason, by = (reason or "").strip(), (by or "").strip()
    if not reason:
        problems["更正原因"] = "必须填写"
    elif len(reason) > REASON_MAX:
        problems["更正原因"] = f"不能超过 {REASON_MAX} 个字"
    if not by:
        problems["更正人"] = "必须填写"
    elif len(by) > BY_MAX:
        problems["更正人"] = f"不能超过 {BY_MAX} 个字"
    if problems:
        raise ValidationError(problems, subject="更正")
    return reason, by


def answer_change(item: Item, current: AnswerValue | None, new_result: Result) -> tuple[str | None, str]:
    """(old, new) stored values for changing an item's answer; refuses what the item does not
    allow and a "change" to the answer it already has."""
    if not item.allows(new_result):
        raise DomainError(f"检查项 {item.code} 不允许作答“{new_result.label}”")
    if current is not None and current[0] is new_result:
        raise DomainError(f"检查项 {item.code} 的答案已经是“{new_result.label}”，无需更正")
    return (current[0].value if current else None), new_result.value


def note_change(item: Item, current: AnswerValue | None, new_note: str) -> tuple[str | None, str]:
    """(old, new) stored values for changing an item's note. A note belongs to an answer, so an
    unanswered item must first get an answer (by an answer amendment)."""
    if current is None:
        raise DomainError(f"检查项 {item.code} 没有作答，不能只更正备注：请先更正答案")
    new_note = new_note.strip()
    if current[1] == new_note:
        raise DomainError(f"检查项 {item.code} 的备注没有变化，无需更正")
    return current[1], new_note


def apply_amendments(original: Mapping[str, AnswerValue], amendments: Iterable[Amendment]) -> dict[str, AnswerValue]:
    """The originals with the amendments applied in the order given: causal order
    (`causal_history.causal_order`), so a correction made after seeing another comes after it."""
    effective = dict(original)
    for amendment in amendments:
        code = amendment.item_code
        if code is None:
            continue  # inspection-level fields do not change answers
        if amendment.field is AmendmentField.ANSWER:
            note = effective[code][1] if code in effective else ""
            effective[code] = (Result(amendment.new_value), note)
        elif amendment.field is AmendmentField.NOTE and code in effective:
            effective[code] = (effective[code][0], amendment.new_value)
    return effective
