"""What the whole-process benchmarks share: a data folder to start on, and the table of medians
against a baseline measured in the same run."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def data_folder(wanted: Path, env: dict[str, str]) -> Iterator[Path]:
    """`wanted` when it holds a database, else a 200-enterprise demo city made in a temporary
    folder for the block."""
    if (wanted / "inspector.db").exists():
        yield wanted
        return
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as made:
        folder = Path(made) / "data"
        print(f"no database in {wanted}: a 200-enterprise demo city in {folder}")
        subprocess.run(
            [sys.executable, "-m", "inspector", "--data-dir", str(folder), "demo"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        yield folder


def ratio_table(times: dict[str, list[float]], baseline: str, runs: int, unit: str) -> float:
    """Median and min of each, and its ratio to the median of `baseline` ("× `unit`"), which is
    returned."""
    base = statistics.median(times[baseline])
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {runs} runs each, alternating")
    print(f"| what | median s | min s | × {unit} |\n| --- | ---: | ---: | ---: |")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"| {name} | {median:.3f} | {min(measured):.3f} | {median / base:.1f}× |")
    return base


Measure = Callable[[Path, int, dict[str, str]], dict[str, list[float]]]


def run_benchmark(doc: str, runs: int, measure: Measure, baseline: str, unit: str, **env: str) -> tuple[dict, float]:
    """Parse --data-dir and --runs, run `measure(folder, runs, env)` on that data folder (or a
    demo city), print the table; returns the times and the baseline's median."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=root / "benchmarks" / "output" / "city")
    parser.add_argument("--runs", type=int, default=runs)
    args = parser.parse_args()
    environment = {**os.environ, "PYTHONPATH": str(root), **env}
    with data_folder(args.data_dir, environment) as folder:
        times = measure(folder, args.runs, environment)
    return times, ratio_table(times, baseline, args.runs, unit)
