"""Cold start of the application to a shown main window, against a bare PySide6 window.

    .venv/bin/python benchmarks/gui_startup.py [--data-dir benchmarks/output/city] [--runs 7]

Both run as fresh processes offscreen; the median wall time of each and their ratio are printed.
The city-scale database comes from benchmarks/city_scale.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTableView\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); w = QMainWindow(); w.setCentralWidget(QTableView()); w.show()\n"
    "QTimer.singleShot(0, app.quit); app.exec()\n"
)


def timed(command: list[str], runs: int) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default=str(ROOT / "benchmarks" / "output" / "city"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not (Path(args.data_dir) / "inspector.db").exists():
        print(f"no database in {args.data_dir}: run benchmarks/city_scale.py first", file=sys.stderr)
        return 2
    bare = timed([sys.executable, "-c", BARE], args.runs)
    app = timed([sys.executable, "-m", "inspector", "--data-dir", args.data_dir, "--self-test"], args.runs)
    b, a = statistics.median(bare), statistics.median(app)
    print("| what | median s | min s |\n| --- | ---: | ---: |")
    print(f"| bare PySide6 window | {b:.3f} | {min(bare):.3f} |")
    print(f"| inspector --self-test (city-scale db) | {a:.3f} | {min(app):.3f} |")
    print(f"ratio {a / b:.2f}x; target: under 1.5 s")
    return 0 if a < 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
