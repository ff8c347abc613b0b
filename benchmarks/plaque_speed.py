"""Plaque and summary speed (issue #5): 1,229 plaques under 30 s; the summary of the city under 5 s.

- Batch plaques: a demo city of --enterprises (default 1,450, which grades about 1,230 this
  year) is generated in a temporary folder, an office key created, then `write_plaques` for
  the year is timed (one run: it is 10+ seconds).
- Summary: `write_summary` over benchmarks/output/city (read only) for --summary-year, first run
  (cold caches) and the median of 3 more.

    .venv/bin/python benchmarks/plaque_speed.py [--enterprises 1450] [--summary-year 2025]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from inspector.demo.demo_city import create_demo  # noqa: E402
from inspector.demo.generator import DemoSpec  # noqa: E402
from inspector.reports.annual_summary import write_summary  # noqa: E402
from inspector.reports.plaque_batch import write_plaques  # noqa: E402
from inspector.reports.plaque_keys import create_office_key  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

CITY = ROOT / "benchmarks" / "output" / "city"


def bench_batch(enterprises: int, folder: Path) -> tuple[int, float, int]:
    ws = Workspace(folder / "data")
    try:
        create_demo(ws, DemoSpec(enterprises=enterprises, years=1, seed=7))
        create_office_key(ws)
        start = time.perf_counter()
        count = write_plaques(ws, ws.today().year, folder / "plaques.pdf")
        seconds = time.perf_counter() - start
        return count, seconds, (folder / "plaques.pdf").stat().st_size
    finally:
        ws.close()


def bench_summary(year: int, folder: Path) -> tuple[float, float]:
    ws = Workspace(CITY)
    try:
        times = []
        for _ in range(4):
            start = time.perf_counter()
            write_summary(ws, year, folder / "summary.pdf")
            times.append(time.perf_counter() - start)
        return times[0], statistics.median(times[1:])
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=1450)
    parser.add_argument("--summary-year", type=int, default=2025)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        count, seconds, size = bench_batch(args.enterprises, folder)
        print(
            f"batch plaques: {count} plaques in {seconds:.1f} s ({1000 * seconds / count:.1f} ms each, "
            f"{size / 1e6:.1f} MB)"
        )
        first, warm = bench_summary(args.summary_year, folder)
        print(f"summary {args.summary_year} over {CITY.name}: first {first:.2f} s, warm median {warm:.2f} s")
    print(f"measured {date.today()}")
    failed = seconds * 1229 / count > 30 or first > 5
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
