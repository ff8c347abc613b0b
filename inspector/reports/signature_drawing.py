"""A handwritten signature on paper: the stored strokes drawn as vector lines.

Strokes are points normalised to 0..1 of a signing area 2.5 times as wide as high, (0, 0) top
left (inspector/services/signatures.py and the signature pad). Vector lines print sharp at any
size, so the stored PNG is only a fallback for a signature without strokes.
"""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing, PolyLine
from reportlab.lib import colors
from reportlab.platypus import Flowable, Image

from inspector.services.signatures import Signature

from .fonts import register_fonts

PAD_ASPECT = 2.5  # width : height of the signing area, as on the pad
INK = colors.HexColor("#1A237E")


def signature_flowable(signature: Signature, width: float) -> Flowable | None:
    """The signature `width` wide (height from the pad's aspect), or None if it holds nothing."""
    height = width / PAD_ASPECT
    if any(len(stroke) >= 2 for stroke in signature.strokes):
        drawing = Drawing(width, height)
        # The renderer otherwise selects Helvetica for the drawing, a font nothing here uses
        # that would be listed in the PDF without being embedded.
        drawing.initialFontName = register_fonts()
        for stroke in signature.strokes:
            if len(stroke) < 2:
                continue
            points = [coordinate for x, y in stroke for coordinate in (x * width, (1 - y) * height)]
            drawing.add(PolyLine(points, strokeColor=INK, strokeWidth=1.1, strokeLineCap=1, strokeLineJoin=1))
        return drawing
    if signature.png:
        return Image(io.BytesIO(signature.png), width=width, height=height)
    return None
