"""Safety training at an enterprise: 开工第一课 (the first safety lesson of the year) and team-leader
training (班组长培训). The scheme reports both: Pinghu's 开工第一课 reached 666 firms and 83,033
workers (domain.md §1)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .errors import ValidationError
from .labelled import LabelledEnum

TOPIC_MAX = 200
HEADCOUNT_MAX = 100_000


class TrainingKind(LabelledEnum):
    FIRST_LESSON = "first_lesson", "开工第一课"
    TEAM_LEADER = "team_leader", "班组长培训"

    @classmethod
    def parse(cls, text: str) -> TrainingKind:
        """The stored value or the Chinese label; ValidationError otherwise."""
        text = (text or "").strip()
        for kind in cls:
            if text.lower() == kind.value or text == kind.label or text.replace("-", "_").lower() == kind.value:
                return kind
        choices = "、".join(f"{kind.label}（{kind.value}）" for kind in cls)
        raise ValidationError({"类型": f"“{text}”不是培训类型，应为 {choices}"})


@dataclass(frozen=True)
class Training:
    enterprise_id: str
    kind: TrainingKind
    held_on: date
    topic: str
    headcount: int
    recorded_by: str = ""
    note: str = ""
    photos: tuple[str, ...] = ()  # sha256 of the stored photos, in order
    id: str | None = field(default=None, compare=False)

    def validated(self, today: date) -> Training:
        """A copy with normalized text, or ValidationError naming every bad field. A training
        cannot be dated after `today` (the office's date): it is recorded once held."""
        problems: dict[str, str] = {}
        topic = " ".join(self.topic.split())
        if not topic:
            problems["主题"] = "不能为空"
        elif len(topic) > TOPIC_MAX:
            problems["主题"] = f"不能超过 {TOPIC_MAX} 个字"
        if not 1 <= self.headcount <= HEADCOUNT_MAX:
            problems["参加人数"] = f"应为 1 到 {HEADCOUNT_MAX} 之间的整数，而不是 {self.headcount}"
        if self.held_on > today:
            problems["日期"] = f"{self.held_on.isoformat()} 还没到：培训办完后再记录"
        if problems:
            raise ValidationError(problems, subject=self.kind.label)
        return replace(self, topic=topic, recorded_by=self.recorded_by.strip(), note=self.note.strip())


@dataclass(frozen=True)
class TrainingTotals:
    """One kind's figures for a year: sessions held, enterprises reached, workers trained."""

    sessions: int = 0
    enterprises: int = 0
    workers: int = 0
