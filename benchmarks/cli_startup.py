"""Command-line start-up against bare Python, measured in the same run (issue 16, rows 1–2).

    .venv/bin/python benchmarks/cli_startup.py [--data-dir benchmarks/output/city] [--runs 15]

Fresh processes, alternating so that load on a shared machine falls on each alike:
- `python -c pass` (the baseline: an interpreter that does nothing),
- `inspector --version` (target ≤ 2× the baseline),
- `inspector stats --json` on the data folder (target ≤ 0.25 s whole process), and for
  information the same through the full SQLAlchemy path (`Workspace.stats`).
The `inspector` runs use the console script beside this Python when there is one (what a user
starts), else `python -m inspector`. Wall time is the target's measure; the processes' CPU time
(user + system) is printed too, being what load on a shared machine inflates least. Exits 1 when
a median misses its target.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from processes import run_benchmark

ROOT = Path(__file__).resolve().parent.parent
FULL_PATH = (
    "import sys, json; from pathlib import Path; from inspector.workspace import Workspace; "
    "ws = Workspace(Path(sys.argv[1])); print(json.dumps(ws.stats().as_dict(), default=str)); ws.close()"
)


def inspector_command() -> list[str]:
    script = Path(sys.executable).with_name("inspector")
    return [str(script)] if script.exists() else [sys.executable, "-m", "inspector"]


CPU: dict[str, list[float]] = {}  # each case's CPU seconds (user + system), beside its wall times


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    times, base = run_benchmark(__doc__, 15, measure, "python -c pass (baseline)", "bare Python")
    cpu_base = statistics.median(CPU["python -c pass (baseline)"])
    print(
        "CPU s (user + system), median: "
        + "; ".join(
            f"{name} {statistics.median(cpu):.3f} ({statistics.median(cpu) / cpu_base:.1f}×)"
            for name, cpu in CPU.items()
        )
    )
    version = statistics.median(times["inspector --version"]) / base
    stats = statistics.median(times["inspector stats --json"])
    print(f"--version {version:.2f}× bare Python (target ≤ 2×); stats --json {stats:.3f} s (target ≤ 0.25 s)")
    return 0 if version <= 2 and stats <= 0.25 else 1


def measure(folder: Path, runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    cases = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "inspector --version": [*inspector_command(), "--version"],
        "inspector stats --json": [*inspector_command(), "--data-dir", str(folder), "stats", "--json"],
        "stats through SQLAlchemy (Workspace)": [sys.executable, "-c", FULL_PATH, str(folder)],
    }
    for command in cases.values():  # warm the page cache and .pyc files
        run_once(command, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, command in cases.items():
            wall, cpu = run_once(command, env)
            times[name].append(wall)
            CPU.setdefault(name, []).append(cpu)
    return times


if __name__ == "__main__":
    sys.exit(main())
