"""Cold start of the built bundle (dist/inspector, from build_installer.py) to a shown window.

    .venv/bin/python benchmarks/bundle_startup.py [--bundle dist/inspector] [--runs 7] [--enterprises 200]

Runs the frozen executable with `--self-test` — it opens the data folder, shows the first window
(the main window on a folder with data, the welcome page on an empty one), lets the event loop
start and quits — as fresh processes offscreen, with PATH reduced to system folders and no
PYTHON* variables, like the installer smoke test. The data folder with data is made by the
bundle itself (`inspector demo`). Wall time includes process exit, so it is an upper bound for
"window usable". Prints a Markdown table and exits 1 if the median with data exceeds the target.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.5


def environment(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(PATH="/usr/bin:/bin", QT_QPA_PLATFORM="offscreen", INSPECTOR_DATA_DIR=str(data_dir))
    return env


def timed(executable: Path, data_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall times and CPU times (user + system) of each run. On a shared machine the wall time
    depends on the load; the CPU time much less so: both are reported."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([str(executable), "--self-test"], check=True, env=environment(data_dir), capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "inspector")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--enterprises", type=int, default=200)
    args = parser.parse_args()
    executable = args.bundle / ("inspector.exe" if os.name == "nt" else "inspector")
    if not executable.exists():
        print(f"找不到 {executable}：先运行 python build_installer.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="inspector-startup-") as tmp:
        empty, demo = Path(tmp) / "empty", Path(tmp) / "demo"
        subprocess.run(
            [str(executable), "demo", "--enterprises", str(args.enterprises), "--years", "3"],
            check=True,
            env=environment(demo),
            capture_output=True,
        )
        rows = [
            (f"main window, demo city of {args.enterprises} enterprises", timed(executable, demo, args.runs)),
            ("welcome page, empty data folder", timed(executable, empty, args.runs)),
        ]
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"| bundle {args.bundle} ({args.runs} runs) | first s | median s | min s | max s | median CPU s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, (walls, cpus) in rows:
        print(
            f"| {label} | {walls[0]:.2f} | {statistics.median(walls):.2f} | {min(walls):.2f} | {max(walls):.2f} "
            f"| {statistics.median(cpus):.2f} |"
        )
    median = statistics.median(rows[0][1][0])
    print(f"target: median under {TARGET_S} s — {'met' if median < TARGET_S else 'MISSED'}")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
