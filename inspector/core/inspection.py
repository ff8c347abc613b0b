"""An inspection's own lifecycle: draft → completed → finalized (read-only after that)."""

from __future__ import annotations

from .errors import TransitionRefused
from .grading import GradeResult
from .labelled import LabelledEnum

MIN_INSPECTORS = 2  # two inspectors sign every inspection and notice


class InspectionStatus(LabelledEnum):
    DRAFT = "draft", "草稿"
    COMPLETED = "completed", "已完成"
    FINALIZED = "finalized", "已定稿"


def check_can_answer(status: InspectionStatus) -> None:
    if status is not InspectionStatus.DRAFT:
        raise TransitionRefused(f"检查已{status.label}，不能再修改答案")


def check_can_complete(status: InspectionStatus, result: GradeResult) -> None:
    if status is not InspectionStatus.DRAFT:
        raise TransitionRefused(f"只有草稿可以完成，该检查已{status.label}")
    if result.unanswered_required:
        left = "、".join(result.unanswered_required[:10])
        more = "等" if len(result.unanswered_required) > 10 else ""
        raise TransitionRefused(f"还有 {len(result.unanswered_required)} 个必答项未作答：{left}{more}")


def check_can_reopen(status: InspectionStatus) -> None:
    if status is not InspectionStatus.COMPLETED:
        raise TransitionRefused(f"只有已完成、未定稿的检查可以退回修改，该检查为{status.label}")


def check_can_finalize(status: InspectionStatus) -> None:
    if status is not InspectionStatus.COMPLETED:
        raise TransitionRefused(f"只有已完成的检查可以定稿，该检查为{status.label}")


def check_inspectors(names: list[str]) -> list[str]:
    cleaned = [name.strip() for name in names if name.strip()]
    if len(set(cleaned)) < MIN_INSPECTORS:
        raise TransitionRefused(f"每次检查至少需要 {MIN_INSPECTORS} 名不同的检查人员")
    return cleaned
