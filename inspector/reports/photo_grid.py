"""Photos in a PDF: a grid of fixed-size pictures with captions.

Stored photos are up to 2560 px on their long edge (several hundred kB each); a report with 80
of them would be tens of megabytes and slow to print. Each is decoded at a reduced scale
(Pillow's JPEG `draft` mode lets libjpeg skip most of the work), shrunk to `max_px` and
re-encoded, then embedded as a JPEG with a fixed size on the page — never at its original
resolution. 640 px across a 5 cm cell is about 300 dpi: sharp on paper.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.platypus import Image, Table

from .report_styles import CONTENT_WIDTH, GRID, Styles, para, table

MAX_PX = 640
JPEG_QUALITY = 80
CAPTION_HEIGHT = 22.0


@dataclass(frozen=True)
class GridPhoto:
    path: Path
    caption: str


def scaled_jpeg(path: Path, max_px: int = MAX_PX) -> tuple[bytes, int, int] | None:
    """The photo as JPEG bytes at most `max_px` on its long edge, with its size; None when the
    file is missing or unreadable (a photo not yet copied to this laptop)."""
    try:
        with PILImage.open(path) as image:
            # Ask libjpeg for the final size: it then decodes at 1/2, 1/4 or 1/8 scale directly.
            factor = min(1.0, max_px / max(image.size))
            image.draft("RGB", (max(1, int(image.width * factor)), max(1, int(image.height * factor))))
            image = image.convert("RGB") if image.mode != "RGB" else image
            image.thumbnail((max_px, max_px), PILImage.Resampling.BILINEAR)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=JPEG_QUALITY)
            return buffer.getvalue(), image.width, image.height
    except (OSError, UnidentifiedImageError, ValueError):
        return None


Scaled = tuple[bytes, int, int] | None


def scale_all(paths: Iterable[Path], max_px: int = MAX_PX) -> dict[Path, Scaled]:
    """`scaled_jpeg` of many photos at once: Pillow releases the GIL while it decodes and
    encodes, so a few threads use every core (the photos are most of a report's time)."""
    unique = list(dict.fromkeys(paths))
    workers = max(1, min(4, os.cpu_count() or 1, len(unique)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(unique, pool.map(lambda p: scaled_jpeg(p, max_px), unique), strict=True))


def fitted_image(path: Path, box_width: float, box_height: float, scaled: Scaled | bool = False) -> Image | None:
    """A reportlab Image of the photo fitted inside the box, aspect kept; None if unreadable.
    `scaled` is the photo already scaled by `scale_all` (False: scale it here)."""
    if scaled is False:
        scaled = scaled_jpeg(path)
    if scaled is None or scaled is True:
        return None
    data, width, height = scaled
    factor = min(box_width / width, box_height / height)
    image = Image(io.BytesIO(data), width=width * factor, height=height * factor)
    image.hAlign = "CENTER"
    return image


def photo_rows(
    photos: Sequence[GridPhoto],
    styles: Styles,
    width: float = CONTENT_WIDTH,
    columns: int = 3,
    aspect: float = 0.75,
    scaled: Mapping[Path, Scaled] | None = None,
) -> list[Table]:
    """The photos `columns` to a row, each fitted into the same 4:3 box with its caption under
    it: one table a row, so that a row never splits across pages and the first row can be kept
    with what it illustrates. [] when there is nothing to show. `scaled` holds photos already
    scaled by `scale_all`; others are scaled here."""
    if not photos:
        return []
    cell_width = width / columns
    box_width = cell_width - 8
    box_height = box_width * aspect
    cells: list[list[object]] = []
    for photo in photos:
        prepared = scaled[photo.path] if scaled is not None and photo.path in scaled else False
        image = fitted_image(photo.path, box_width, box_height, prepared)
        picture: object = image if image is not None else _missing(styles, box_height)
        cells.append([picture, para(photo.caption, styles.caption)])
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] = rows[-1] + [""] * (columns - len(rows[-1]))
    return [
        table(
            [row],
            [cell_width] * columns,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ],
            rowHeights=[box_height + CAPTION_HEIGHT + 8],
        )
        for row in rows
    ]


def _missing(styles: Styles, height: float) -> Table:
    """A framed placeholder of the photo's height, so the grid keeps its shape."""
    return table(
        [[para("照片文件缺失（尚未同步到本机）", styles.caption)]],
        [None],
        [("BOX", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        rowHeights=[height],
    )
