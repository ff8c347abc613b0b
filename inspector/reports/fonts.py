"""The shipped Chinese font, registered once with reportlab and embedded (subset) in every PDF.

reportlab's built-in CID fonts (STSong-Light) are not embedded and print blank on machines
without Adobe's language packs, so every document uses the TrueType font in resources/fonts.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector.paths import resources_dir

FONT = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"


class FontMissingError(RuntimeError):
    pass


@cache
def register_fonts() -> str:
    """Register the font (≈0.2 s the first time) and return its reportlab name."""
    path = resources_dir() / "fonts" / FONT_FILE
    if not path.exists():
        raise FontMissingError(f"找不到报表字体 {path}：安装不完整，请重新安装 Inspector")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    # Bold and italic map to the same face: the font has one weight, and <b> in a Paragraph
    # must not fall back to a Latin-only Helvetica-Bold that drops the Chinese.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, register_fonts(), size)


def fit_font_size(text: str, max_width: float, size: float, min_size: float = 6.0) -> float:
    """The largest size ≤ `size` (in 0.5 pt steps, not below `min_size`) at which `text` fits."""
    while size > min_size and text_width(text, size) > max_width:
        size -= 0.5
    return max(size, min_size)
