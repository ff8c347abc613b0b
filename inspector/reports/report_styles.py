"""The look shared by the A4 documents (inspection report, notices): page, type sizes, tables.

Sizes follow Chinese official documents loosely: title 小二 (18 pt), headings 四号 (14 pt), body
五号 (10.5 pt), tables 小五 (9 pt). There is one font (WenQuanYi Micro Hei, see fonts.py), so
emphasis is size and rule lines, never a bold face the font does not have.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from inspector.core.errors import DomainError
from inspector.file_modes import replacing

from .fonts import register_fonts

# Image data as plain binary streams, not ASCII85 text: without reportlab's optional C
# accelerator, ASCII85 costs ~45 ms a photo in pure Python (most of a report's time), and
# binary is a quarter smaller. Every PDF reader takes either.
rl_config.useA85 = 0

PAGE = A4
MARGIN_X = 20 * mm  # 56.7 pt: the page-number footer starts at x = 56
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm  # the footer sits at y = 36 pt (page_numbers.FOOTER_Y), below the frame
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X

GRID = colors.HexColor("#404040")
SHADE = colors.HexColor("#EDEDED")
MUTED = colors.HexColor("#555555")
RED = colors.HexColor("#A61B1B")


class ReportWriteError(DomainError):
    """The PDF could not be written where it was asked for."""


def _style(name: str, size: float, leading: float, **kwargs: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=register_fonts(),
        fontSize=size,
        leading=leading,
        wordWrap="CJK",  # Chinese breaks between any two characters
        **kwargs,
    )


class Styles:
    """Paragraph styles, made once the font is registered."""

    def __init__(self) -> None:
        self.head = _style("head", 20, 28, alignment=TA_CENTER, spaceAfter=2, textColor=RED)
        self.title = _style("title", 18, 26, alignment=TA_CENTER, spaceAfter=4)
        self.subtitle = _style("subtitle", 10.5, 15, alignment=TA_CENTER, textColor=MUTED)
        self.heading = _style("heading", 14, 20, spaceBefore=10, spaceAfter=5)
        self.subheading = _style("subheading", 11.5, 16, spaceBefore=6, spaceAfter=3)
        self.body = _style("body", 10.5, 17, alignment=TA_LEFT)
        self.body_indent = _style("body_indent", 10.5, 17, firstLineIndent=21)
        self.cell = _style("cell", 9, 12.5)
        self.cell_center = _style("cell_center", 9, 12.5, alignment=TA_CENTER)
        self.cell_right = _style("cell_right", 9, 12.5, alignment=TA_RIGHT)
        self.header_cell = _style("header_cell", 9, 12.5, alignment=TA_CENTER)
        self.caption = _style("caption", 7.5, 10, alignment=TA_CENTER, textColor=MUTED)
        self.small = _style("small", 8.5, 12, textColor=MUTED)
        self.right = _style("right", 10.5, 17, alignment=TA_RIGHT)
        self.score_cell = _style("score_cell", 10, 30, alignment=TA_CENTER)
        self.watermark = _style("watermark", 10.5, 15, alignment=TA_CENTER, textColor=RED)


def text(value: object) -> str:
    """Plain text made safe for a Paragraph: markup characters escaped, line breaks kept."""
    return escape(str(value if value is not None else "")).replace("\n", "<br/>")


def para(value: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text(value), style)


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]] = (),
    **kwargs: object,
) -> Table:
    """A reportlab Table whose cells default to the shipped font: a plain-string cell (even an
    empty one) would otherwise be set in Helvetica, listed in the PDF without being embedded."""
    result = Table([list(row) for row in rows], colWidths=list(widths), **kwargs)
    result.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *commands]))
    return result


def grid_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    header_rows: int = 1,
    extra: Sequence[tuple[object, ...]] = (),
    **kwargs: object,
) -> Table:
    """A table with a thin grid, the first `header_rows` shaded and repeated on every page."""
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    return table(rows, widths, [*commands, *extra], repeatRows=header_rows, **kwargs)


def field_table(rows: Sequence[Sequence[tuple[str, object]]], styles: Styles, label_width: float = 66.0) -> Table:
    """Label–value pairs, one or two to a row (a single pair spans the row, for long values such
    as a full enterprise name or an address); labels shaded, values wrapping. A value given as
    a Flowable is placed as is."""
    value_width = CONTENT_WIDTH / 2 - label_width
    cells: list[list[object]] = []
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (0, -1), SHADE)]
    for r, pairs in enumerate(rows):
        row: list[object] = []
        for label, value in pairs[:2]:
            row.append(para(label, styles.cell_center))
            row.append(value if isinstance(value, Flowable) else para(value, styles.cell))
        if len(pairs) == 1:
            row.extend(["", ""])
            extra.append(("SPAN", (1, r), (3, r)))
        else:
            extra.append(("BACKGROUND", (2, r), (2, r), SHADE))
        cells.append(row)
    return grid_table(cells, [label_width, value_width, label_width, value_width], header_rows=0, extra=extra)


def a4_document(target: str, title: str, author: str, subject: str) -> SimpleDocTemplate:
    """A document on PAGE with the shared margins; title, author and subject are what a PDF
    reader shows in the document's properties."""
    return SimpleDocTemplate(
        target,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator="Inspector",
    )


def write_atomically(out: Path, build: Callable[[str], None]) -> Path:
    """Build the PDF into a temporary file beside `out` and rename it into place: a failure or a
    crash never leaves half a PDF under the real name (nor replaces a good one)."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportWriteError(f"文件夹 {folder} 不存在，无法保存 {out.name}")
    opened = False  # which step failed decides the sentence: making the file, or writing it
    try:
        with replacing(folder / out.name, ".tmp") as tmp:
            opened = True
            build(str(tmp))
            with open(tmp, "rb") as written:
                os.fsync(written.fileno())
    except OSError as error:
        if not opened:
            raise ReportWriteError(f"无法在 {folder} 中写入文件：{error.strerror}") from None
        raise ReportWriteError(f"无法保存 {out}：{error.strerror or error}") from None
    return out
