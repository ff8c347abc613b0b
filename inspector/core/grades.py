"""Plaque grades (A–D, pending) and quarterly lights (green, yellow, red)."""

from __future__ import annotations

from enum import StrEnum


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def rank(self) -> int:
        """0 is best. A cap "at C" means rank at least that of C."""
        return "ABCD".index(self.value)

    def capped_at(self, cap: Grade) -> Grade:
        """This grade, or the cap if the cap is worse."""
        return self if self.rank >= cap.rank else cap

    @property
    def label(self) -> str:
        return {"A": "A级", "B": "B级", "C": "C级", "D": "D级"}[self.value]


PENDING = "pending"  # 待评: an enterprise with no complete inspection has no grade yet.
PENDING_LABEL = "待评"


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        return {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}[self.value]
