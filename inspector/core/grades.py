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


# The colours of the plaque grades and the lights, as #RRGGBB: the printed plaque, the annual
# summary's charts and every screen use these, so a C looks the same on paper and on screen.
# They stay apart for colour-blind readers by lightness as well as hue (A, B and D dark, C
# lighter), and C is a deep orange rather than amber so that it never reads as the yellow
# light, which sits beside it in the register, the dashboard and the annual summary. White
# text on each grade colour is at least 3:1 (the grade badges are large bold letters).
GRADE_COLOURS: dict[str, str] = {
    Grade.A: "#2E7D32",  # green
    Grade.B: "#1565C0",  # blue
    Grade.C: "#EF6C00",  # deep orange
    Grade.D: "#C62828",  # red
}
PENDING_COLOUR = "#9E9E9E"  # 待评: grey, no grade yet
LIGHT_COLOURS: dict[str, str] = {
    Light.GREEN: "#2E7D32",
    Light.YELLOW: "#F2B600",
    Light.RED: "#C62828",
}


def grade_colour(grade: str | None) -> str:
    """The colour of a grade (A–D); grey for pending, none or anything else."""
    return GRADE_COLOURS.get(grade or "", PENDING_COLOUR)
