"""The plaque's look in one place: grade colours, page sizes, the frame colour.

The scheme does not publish colours; these are chosen to read at a distance and to stay apart
for colour-blind readers by lightness as well as hue (green dark, blue mid, amber light, red).
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A3, A4, landscape

from inspector.core.errors import DomainError

GRADE_COLOURS: dict[str, Color] = {
    "A": HexColor("#1B7F3B"),  # green
    "B": HexColor("#1565C0"),  # blue
    "C": HexColor("#E39400"),  # amber (yellow-orange: pure yellow vanishes on white paper)
    "D": HexColor("#C62828"),  # red
}
FRAME = HexColor("#A61B1B")  # the official red of the frame and title
INK = HexColor("#1A1A1A")
MUTED = HexColor("#555555")

# The design is drawn in A4-landscape points; A3 is the same drawing scaled by √2.
DESIGN_SIZE = landscape(A4)
PAGE_SIZES = {"A4": landscape(A4), "A3": landscape(A3)}


def page_size(size: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[size.upper()]
    except KeyError:
        raise DomainError(f"亮牌尺寸应为 A4 或 A3，而不是 “{size}”") from None
