"""Plaque grades (A–D, pending) and quarterly lights (green, yellow, red)."""

from __future__ import annotations

from .labelled import LabelledEnum


class Grade(LabelledEnum):
    A = "A", "A级"
    B = "B", "B级"
    C = "C", "C级"
    D = "D", "D级"

    @property
    def rank(self) -> int:
        """0 is best. A cap "at C" means rank at least that of C."""
        return "ABCD".index(self.value)

    def capped_at(self, cap: Grade) -> Grade:
        """This grade, or the cap if the cap is worse."""
        return self if self.rank >= cap.rank else cap


PENDING = "pending"  # 待评: an enterprise with no complete inspection has no grade yet.
PENDING_LABEL = "待评"


class Light(LabelledEnum):
    GREEN = "green", "绿灯"
    YELLOW = "yellow", "黄灯"
    RED = "red", "红灯"
