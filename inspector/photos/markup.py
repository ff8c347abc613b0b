"""Marking up a hazard photo: circles, arrows and short labels drawn onto a new image.

The drawing is a list of shapes in coordinates relative to the picture (0–1 on each axis), so it
does not depend on the size the editor showed it at and can be stored with the new version
(`photos.markup`) and drawn again from the original. Pillow renders it here, without Qt: the
editor (inspector/ui/common/markup_dialog.py) only collects shapes. The original is never
changed; the result is a new JPEG that the photo store keeps like any other photo.
"""

from __future__ import annotations

import io
import math
from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from inspector.core.errors import DomainError
from inspector.paths import resources_dir

MAX_LABEL = 20  # characters: a label names the problem, the description says the rest
MAX_SHAPES = 30
RED = "#e53935"
JPEG_QUALITY = 88


class ShapeKind(StrEnum):
    CIRCLE = "circle"  # an ellipse in the box from (x0, y0) to (x1, y1)
    ARROW = "arrow"  # from (x0, y0), pointing at (x1, y1)
    LABEL = "label"  # text with its top-left corner at (x0, y0)


class MarkupError(DomainError):
    """A drawing that cannot be rendered; nothing was stored."""


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    x0: float
    y0: float
    x1: float = 0.0
    y1: float = 0.0
    text: str = ""
    colour: str = RED

    def __post_init__(self) -> None:
        if not all(0.0 <= v <= 1.0 for v in (self.x0, self.y0, self.x1, self.y1)):
            raise MarkupError("标注超出了照片范围")
        if self.kind is ShapeKind.LABEL:
            if not self.text.strip():
                raise MarkupError("文字标注不能为空")
            if len(self.text) > MAX_LABEL:
                raise MarkupError(f"文字标注最多 {MAX_LABEL} 个字，现在是 {len(self.text)} 个字")

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind.value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Shape:
        try:
            kind = ShapeKind(data["kind"])
            numbers = [float(data.get(k, 0.0)) for k in ("x0", "y0", "x1", "y1")]
        except (KeyError, TypeError, ValueError):
            raise MarkupError("照片标注记录无法读取") from None
        return cls(kind, *numbers, text=str(data.get("text", "")), colour=str(data.get("colour", RED)))


def shapes_from_json(items: list[Any] | None) -> list[Shape]:
    return [Shape.from_json(item) for item in items or [] if isinstance(item, dict)]


def _stroke(size: tuple[int, int]) -> int:
    return max(3, round(max(size) / 200))


@cache
def _font(pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), pixels)


def _arrow(
    draw: ImageDraw.ImageDraw, start: tuple[float, float], end: tuple[float, float], colour: str, width: int
) -> None:
    draw.line([start, end], fill=colour, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = width * 5
    left = (end[0] - head * math.cos(angle - 0.45), end[1] - head * math.sin(angle - 0.45))
    right = (end[0] - head * math.cos(angle + 0.45), end[1] - head * math.sin(angle + 0.45))
    draw.polygon([end, left, right], fill=colour)


def _label(draw: ImageDraw.ImageDraw, at: tuple[float, float], text: str, colour: str, size: tuple[int, int]) -> None:
    font = _font(max(16, round(max(size) / 28)))
    left, top, right, bottom = draw.textbbox(at, text, font=font)
    pad = max(4, (bottom - top) // 4)
    box = (left - pad, top - pad, right + pad, bottom + pad)
    # The label stays inside the picture: moved back in where it would run off an edge.
    dx = min(0, size[0] - box[2]) - min(0, box[0])
    dy = min(0, size[1] - box[3]) - min(0, box[1])
    draw.rectangle((box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy), fill="white", outline=colour, width=2)
    draw.text((at[0] + dx, at[1] + dy), text, fill=colour, font=font)


def render(original: Image.Image, shapes: list[Shape]) -> Image.Image:
    """A copy of `original` with `shapes` drawn on it (the original image is left as it was)."""
    if not shapes:
        raise MarkupError("还没有画任何标注")
    if len(shapes) > MAX_SHAPES:
        raise MarkupError(f"一张照片最多 {MAX_SHAPES} 个标注")
    image = original.convert("RGB")  # always a new image
    draw = ImageDraw.Draw(image)
    width, height = image.size
    stroke = _stroke(image.size)
    for shape in shapes:
        a = (shape.x0 * width, shape.y0 * height)
        b = (shape.x1 * width, shape.y1 * height)
        if shape.kind is ShapeKind.CIRCLE:
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            if box[2] - box[0] < 2 or box[3] - box[1] < 2:
                raise MarkupError("圆圈太小，请拖出一个更大的圆圈")
            draw.ellipse(box, outline=shape.colour, width=stroke)
        elif shape.kind is ShapeKind.ARROW:
            if math.dist(a, b) < stroke * 3:
                raise MarkupError("箭头太短，请拖得长一些")
            _arrow(draw, a, b, shape.colour, stroke)
        else:
            _label(draw, a, shape.text, shape.colour, image.size)
    return image


def render_file(original: Path, shapes: list[Shape]) -> bytes:
    """The marked-up JPEG of the stored photo at `original`."""
    try:
        with Image.open(original) as image:
            drawn = render(image, shapes)
    except OSError:
        raise MarkupError(f"照片文件 {original.name} 无法读取，不能标注") from None
    buffer = io.BytesIO()
    drawn.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()
