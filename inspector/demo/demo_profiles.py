"""The demo's risk tags, headcounts, 规上 flags and training records.

Drawn from their own random stream (seeded from the demo's seed), so that adding them left the
rest of a seed's city (names, inspections, hazards, grades) as it was.

Shares are rough but plausible for a county-level manufacturing city: woodwork and metal
polishing carry combustible dust, food plants and paper mills have pools and tanks (confined
spaces) and food cold stores ammonia; 规上 are the large and medium firms and about half of the
small ones. 开工第一课 is held after the Spring Festival (February–March) at a bit over half of
the enterprises, most of the workforce attending (Pinghu: 666 firms, 83,033 workers, about 125
each); team-leader training at roughly one enterprise in six, a handful to a few dozen people.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from inspector.core.training import TrainingKind

# tag code → (share of every enterprise, {industry: share for that industry})
TAG_SHARES: dict[str, tuple[float, dict[str, float]]] = {
    "dust": (0.03, {"家具制造": 0.6, "金属制品": 0.3, "食品制造": 0.2, "纺织服装": 0.15, "通用设备制造": 0.15}),
    "ammonia": (0.0, {"食品制造": 0.25, "仓储物流": 0.15}),
    "confined-space": (0.04, {"食品制造": 0.4, "造纸和纸制品": 0.4, "化学原料和制品": 0.3, "纺织服装": 0.15}),
    "spray-painting": (0.03, {"家具制造": 0.5, "金属制品": 0.3, "汽车零部件": 0.3, "通用设备制造": 0.2}),
    "machinery": (0.0, {"通用设备制造": 0.9, "汽车零部件": 0.8, "金属制品": 0.7, "电气机械": 0.5}),
    "hazchem": (0.06, {"化学原料和制品": 0.9, "计算机通信电子": 0.4, "造纸和纸制品": 0.3, "橡胶和塑料制品": 0.2}),
    "landlord": (0.08, {}),
    "tenant": (0.1, {}),
    "gas": (0.2, {"食品制造": 0.6}),
}
HEADCOUNTS = {"large": (1000, 3000), "medium": (300, 999), "small": (20, 299), "micro": (3, 19)}
ABOVE_SCALE = {"large": 1.0, "medium": 1.0, "small": 0.55, "micro": 0.03}
FIRST_LESSON_SHARE = 0.55
TEAM_LEADER_SHARE = 0.17
FIRST_LESSON_TOPICS = (
    "节后复工复产安全第一课",
    "开工第一课：岗位风险辨识与应急处置",
    "新春开工安全教育",
    "开工第一课：有限空间与动火作业安全",
    "复工安全第一课：消防疏散演练",
)
TEAM_LEADER_TOPICS = (
    "班组长安全管理能力提升培训",
    "班组安全活动与隐患排查",
    "班组长应急处置培训",
    "班前会与岗位安全交底",
)


class DemoProfiles:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"profiles-{seed}")

    def enterprise_fields(self, industry: str, size: str) -> dict[str, Any]:
        """risk_tags, headcount and above_scale for one enterprise."""
        tags = []
        for code, (share, by_industry) in TAG_SHARES.items():
            chance = by_industry.get(industry, share) * (2 if code == "tenant" and size == "micro" else 1)
            if self.rng.random() < chance:
                tags.append(code)
        if size == "micro" and self.rng.random() < 0.08:
            tags.append("live-work")
        low, high = HEADCOUNTS[size]
        return {
            "risk_tags": tags,
            "headcount": self.rng.randint(low, high),
            "above_scale": self.rng.random() < ABOVE_SCALE[size],
        }

    def trainings(
        self,
        year: int,
        enterprise_id: object,
        headcount: int,
        today: date,
        tracked: Callable[..., dict[str, Any]],
        moment: Callable[[date, float], Any],
        photo_id: object | None,
    ) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
        """The year's trainings of one enterprise, held by `today`: (training row, photo link or None)."""
        made = []
        kinds = (
            (TrainingKind.FIRST_LESSON, FIRST_LESSON_SHARE, FIRST_LESSON_TOPICS),
            (TrainingKind.TEAM_LEADER, TEAM_LEADER_SHARE, TEAM_LEADER_TOPICS),
        )
        for kind, share, topics in kinds:
            if self.rng.random() >= share:
                continue
            if kind is TrainingKind.FIRST_LESSON:
                held_on = date(year, 2, 1) + timedelta(days=self.rng.randint(5, 50))
                people = max(1, round(headcount * self.rng.uniform(0.4, 0.8)))
            else:
                held_on = date(year, self.rng.randint(3, 11), self.rng.randint(1, 28))
                people = max(1, min(headcount, self.rng.randint(5, 40)))
            if held_on > today:
                continue
            at = moment(held_on, 16)
            row = tracked(
                at,
                enterprise_id=enterprise_id,
                kind=kind.value,
                held_on=held_on,
                topic=self.rng.choice(topics),
                headcount=people,
                recorded_by="",
                note="",
            )
            link = None
            if photo_id is not None and self.rng.random() < 0.6:
                link = tracked(at, training_id=row["id"], photo_id=photo_id, position=0)
            made.append((row, link))
        return made
