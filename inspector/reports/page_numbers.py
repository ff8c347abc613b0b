"""第 x 页 共 y 页 footers: the total is only known after the last page, so pages are kept and
drawn at save time (the reportlab "NumberedCanvas" recipe)."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from .fonts import register_fonts

# The footer's baseline: 12.7 mm from the paper's edge, its lowest ink 12 mm, clear of office
# printers' non-printable border (nothing is printed within 10 mm of the edge).
FOOTER_Y = 36.0


def numbered_canvas(footer_left: str = "", font_size: float = 8.0) -> type[Canvas]:
    """A Canvas class for `doc.build(..., canvasmaker=...)` drawing `footer_left` (e.g. the report
    id) at the bottom left and 第 x 页 共 y 页 centred on every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page names a non-embedded Helvetica that nothing draws with.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or register_fonts()
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab names it so
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(register_fonts(), font_size)
            self.drawCentredString(width / 2, FOOTER_Y, f"第 {self._pageNumber} 页 共 {total} 页")
            if footer_left:
                self.drawString(56, FOOTER_Y, footer_left)
            self.restoreState()

    return NumberedCanvas
