"""The dashboard over the city-scale database: from `refresh()` until the cards and charts show
the figures (the query runs on the background worker), offscreen; median of N runs, budget 500 ms.

    .venv/bin/python benchmarks/dashboard_speed.py [--data benchmarks/output/city] [--runs 5] [--town T]

Read-only: the city database is only read. Exits 1 if the median is over the budget.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from timing import offscreen_app, show, verdict

from inspector.queries.dashboard import dashboard
from inspector.ui.dashboard.dashboard_page import DashboardPage
from inspector.workspace import Workspace

BUDGET_MS = 500.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("benchmarks/output/city"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--town", default=None)
    args = parser.parse_args()
    app = offscreen_app()
    with Workspace(args.data) as workspace:
        today = workspace.today()
        start = time.perf_counter()
        dashboard(workspace.db, today.year, today, args.town)  # the first read warms the file cache
        cold = (time.perf_counter() - start) * 1000
        page = DashboardPage(workspace)
        show(app, page, 1400, 900)
        times = []
        for _ in range(args.runs):
            page.figures = None
            page.set_filters(today.year, args.town)  # → refresh() on the worker
            start = time.perf_counter()
            while page.figures is None:
                app.processEvents()
                time.sleep(0.002)
            app.processEvents()  # lay out and paint the cards and charts
            times.append((time.perf_counter() - start) * 1000)
        figures = page.figures
        page.close()
    what = (
        f"dashboard {today.year} ({args.town or '全市'}): {figures.enterprises} enterprises, "
        f"{figures.hazards_found} hazards found; first read {cold:.0f} ms; shown: "
    )
    return verdict(what, times, BUDGET_MS, "ms", 0)


if __name__ == "__main__":
    sys.exit(main())
