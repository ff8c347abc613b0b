"""Fixtures and read-back checks for the PDF documents.

One sample inspection (two hazards with two photos each, three signatures, finalized, one
amendment, a notice) is built once per test session in its own data folder, since building it is
the slow part; tests that change data build their own (or put back what they moved).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from inspector.reports.sample_documents import SampleInspection, make_sample_inspection
from inspector.workspace import Workspace

SMALL_PHOTO = (640, 480)


@dataclass
class Sample:
    ws: Workspace
    ids: SampleInspection


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sample]:
    ws = Workspace(tmp_path_factory.mktemp("sample") / "data")
    ids = make_sample_inspection(ws, hazards=2, photos_per_hazard=2, photo_size=SMALL_PHOTO)
    yield Sample(ws, ids)
    ws.close()


def flat_text(path: Path) -> str:
    """All the text of the PDF with whitespace removed: a long name wraps across lines."""
    reader = PdfReader(path)
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def fonts_of(path: Path) -> list[tuple[str, bool]]:
    """(name, embedded) of every font `pdffonts` lists."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID: emb is the 5th field from the end
        fonts.append((parts[0], parts[-5] == "yes"))
    return fonts


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def words_of(path: Path) -> tuple[list[Word], list[tuple[float, float]]]:
    """Every word's box (pdftotext -bbox) and each page's size, in points."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pages: list[tuple[float, float]] = []
    words: list[Word] = []
    for chunk in re.split(r"<page ", html)[1:]:
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', chunk)
        assert size is not None
        pages.append((float(size.group(1)), float(size.group(2))))
        for m in re.finditer(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>', chunk
        ):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append(Word(len(pages) - 1, x0, y0, x1, y1, m.group(5)))
    return words, pages


def layout_problems(path: Path, margin: float = 20.0, background: frozenset[str] = frozenset()) -> list[str]:
    """Words that leave the page (or its 20 pt printable margin) or overlap another word;
    `background` words (a watermark drawn under the text on purpose) may be overlapped."""
    words, pages = words_of(path)
    problems = []
    for w in words:
        width, height = pages[w.page]
        if w.x0 < margin or w.y0 < margin or w.x1 > width - margin or w.y1 > height - margin:
            problems.append(f"page {w.page + 1}: “{w.text}” outside the page at ({w.x0:.0f}, {w.y0:.0f})")
    by_page: dict[int, list[Word]] = {}
    for w in words:
        if w.text not in background:
            by_page.setdefault(w.page, []).append(w)
    for page_words in by_page.values():
        for i, a in enumerate(page_words):
            for b in page_words[i + 1 :]:
                dx = min(a.x1, b.x1) - max(a.x0, b.x0)
                dy = min(a.y1, b.y1) - max(a.y0, b.y0)
                if dx <= 0 or dy <= 0:
                    continue
                smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
                # Glyph boxes of adjacent lines touch by a hair; a real overlap covers much more.
                if smaller > 0 and dx * dy > 0.25 * smaller:
                    problems.append(f"page {a.page + 1}: “{a.text}” overlaps “{b.text}”")
    return problems


def ink_share(path: Path, page: int, tmp: Path) -> float:
    """The share of non-white pixels of one page rendered at 40 dpi."""
    prefix = tmp / f"render-{path.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(prefix)],
        check=True,
    )
    with Image.open(f"{prefix}.png") as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    dark = sum(histogram[:200])
    return dark / (grey.width * grey.height)
