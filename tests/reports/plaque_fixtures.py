"""A small demo city with an office key, shared (read-only) by the plaque, verify and summary tests,
and the read-back helpers they use: text, fonts, word boxes, QR decoding."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from inspector.demo.generator import DemoSpec
from inspector.reports.plaque_keys import create_office_key
from inspector.services.office_keys import PlaqueRecord
from inspector.workspace import Workspace
from tests.prepared_data import TODAY, DemoCopies

YEAR = TODAY.year
WORD = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<')
SPEC = DemoSpec(enterprises=24, years=2, seed=11)


@dataclass
class City:
    ws: Workspace
    plaques: list[PlaqueRecord]  # current plaques of YEAR


def with_plaques(ws: Workspace, key: bool = True) -> City:
    if key:
        create_office_key(ws)
    return City(ws, ws.office_keys.current_plaques(YEAR))


def plaque_of_year(city: City, year: int) -> PlaqueRecord:
    """The first current plaque of `year` held by an enterprise with a plaque of YEAR."""
    found = (city.ws.office_keys.current_plaque(p.enterprise_id, year) for p in city.plaques)
    return next(r for r in found if r is not None)


@pytest.fixture
def make_city(demo_workspace: DemoCopies) -> Callable[..., City]:
    """`make_city(key=True)`: a city of the test's own, for a test that changes it."""
    return lambda key=True: with_plaques(demo_workspace(SPEC, TODAY), key)


@pytest.fixture(scope="module")
def city(module_demo_workspace: DemoCopies) -> City:
    """The module's city, read only (today pinned to TODAY while it lives)."""
    return with_plaques(module_demo_workspace(SPEC, TODAY))


def flat_text(path: Path) -> str:
    reader = PdfReader(path)
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def embedded_fonts(path: Path) -> list[tuple[str, bool]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [(line.split()[0], line.split()[-5] == "yes") for line in out.splitlines()[2:]]


def words_outside(path: Path, margin: float = 18.0) -> list[str]:
    """Words (pdftotext -bbox) that leave the page or its printable margin."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    problems = []
    for chunk in re.split(r"<page ", html)[1:]:
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', chunk)
        assert size is not None
        width, height = float(size.group(1)), float(size.group(2))
        for m in WORD.finditer(chunk):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            if x0 < margin or y0 < margin or x1 > width - margin or y1 > height - margin:
                problems.append(f"“{m.group(5)}” at ({x0:.0f}, {y0:.0f})–({x1:.0f}, {y1:.0f})")
    return problems


def decode_qr(pdf: Path, tmp: Path, page: int = 1, dpi: int = 150) -> str:
    """Render one page with pdftoppm and read its QR code with zbarimg."""
    prefix = tmp / f"qr-{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    out = subprocess.run(["zbarimg", "--raw", "-q", f"{prefix}.png"], capture_output=True, text=True)
    assert out.returncode == 0, f"no QR code found on page {page}: {out.stderr}"
    return out.stdout.strip()


def ink_near_edge(pdf: Path, tmp: Path, edge_mm: float = 10.0, dpi: int = 72) -> list[str]:
    """Pages with anything printed within `edge_mm` of the paper's edge, where many office
    printers cannot print (rendered with pdftoppm; near-white anti-aliasing is ignored)."""
    from PIL import Image

    prefix = tmp / f"edge-{pdf.stem}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True)
    problems = []
    for page in sorted(tmp.glob(f"{prefix.name}-*.png")):
        with Image.open(page) as image:
            band = round(edge_mm / 25.4 * dpi)
            width, height = image.size
            inner = (band, band, width - band, height - band)
            dark = image.point(lambda v: 255 if v < 200 else 0)
            whole = dark.getbbox()
            if whole is None:
                continue
            if whole[0] < inner[0] or whole[1] < inner[1] or whole[2] > inner[2] or whole[3] > inner[3]:
                problems.append(f"{page.name}: ink at {whole} within {edge_mm} mm of the edge {image.size}")
    return problems


def downgrade_to_d(ws: Workspace, record: PlaqueRecord, issued_on: date) -> str:
    """What grading_follow does on a major hazard: `record` stops being current and a D plaque
    of the same year replaces it. Returns the new plaque's serial."""
    import uuid

    from sqlalchemy import select, update

    from inspector.db.models import PlaqueRow

    serial = record.serial + "-D"
    with ws.db.transaction() as session:
        session.execute(update(PlaqueRow).where(PlaqueRow.serial == record.serial).values(current=False))
        row = session.scalar(select(PlaqueRow).where(PlaqueRow.serial == record.serial))
        assert row is not None
        session.add(
            PlaqueRow(
                enterprise_id=uuid.UUID(record.enterprise_id),
                year=record.year,
                grade="D",
                score=row.score,
                reasons=["重大隐患"],
                serial=serial,
                issued_on=issued_on,
                current=True,
            )
        )
    return serial
