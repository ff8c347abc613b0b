"""Opening a hazard with 10 photos in the ledger page (HazardsPage.open_hazard until the detail
pane shows it with its thumbnails), offscreen; median of 10 runs, budget 200 ms.

    .venv/bin/python benchmarks/hazard_open.py [--runs 10]

A temporary workspace gets one enterprise and one hazard whose 10 before-photos are Pillow-made
12-megapixel JPEGs imported through `workspace.photos` (the import is not timed). Exits 1 if the
median is over the budget.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from timing import offscreen_app, show, verdict

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.services.hazards import HazardSource, NewHazard
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.workspace import Workspace

BUDGET_MS = 200.0
PHOTOS = 10
SIZE = (4000, 3000)  # 12 MP


def make_photo(path: Path, number: int) -> Path:
    image = Image.new("RGB", SIZE, (30 + number * 20, 90, 160))
    draw = ImageDraw.Draw(image)
    for x in range(0, SIZE[0], 250):
        draw.line([(x, 0), (SIZE[0] - x, SIZE[1])], fill=(255, 255 - number * 20, 0), width=9)
    image.save(path, "JPEG", quality=90)
    return path


def seed(workspace: Workspace, folder: Path) -> str:
    enterprise_id = workspace.enterprises.add(
        Enterprise("平湖市基准测试机械有限公司", with_check_digit("91330482MA0000009"), "当湖街道")
    )
    photos = [workspace.photos.import_file(make_photo(folder / f"photo-{n}.jpg", n)) for n in range(PHOTOS)]
    today = workspace.today()
    return workspace.hazards.raise_hazard(
        NewHazard(
            enterprise_id=enterprise_id,
            description="配电箱未接地，电缆随地拖放",
            found_on=today,
            found_by="王师傅",
            deadline=today + timedelta(days=7),
            source=HazardSource.WORKER_REPORT,
        ),
        photos,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    app = offscreen_app()
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
        folder = Path(tmp)
        with Workspace(folder / "data") as workspace:
            hazard_id = seed(workspace, folder)
            page = HazardsPage(workspace)
            show(app, page, 1280, 800)
            times = []
            for _ in range(args.runs):
                page.table.clearSelection()
                page.table.setCurrentIndex(page.model.index(-1, -1))
                page.detail.show_hazard(None)
                app.processEvents()
                start = time.perf_counter()
                page.open_hazard(hazard_id)
                app.processEvents()  # lay out and paint the pane
                times.append((time.perf_counter() - start) * 1000)
                assert page.detail.hazard_id() == hazard_id
                assert page.detail.before.count() == PHOTOS
                assert all(not page.detail.before.item(i).icon().isNull() for i in range(PHOTOS))
            page.close()
    return verdict(f"open hazard with {PHOTOS} photos: ", times, BUDGET_MS, "ms", 1)


if __name__ == "__main__":
    sys.exit(main())
