"""The plaque's look in one place: grade colours, page sizes, the frame colour.

The scheme does not publish colours. The grade colours are the app's (inspector.core.grades),
so the printed plaque shows the grade in the colour the screens show it in.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A3, A4, landscape

from inspector.core.errors import DomainError
from inspector.core.grades import GRADE_COLOURS as GRADE_HEX

GRADE_COLOURS: dict[str, Color] = {grade: HexColor(hex_value) for grade, hex_value in GRADE_HEX.items()}
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
