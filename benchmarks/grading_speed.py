"""The annual round's proposal over the city-scale database (25,000 enterprises): every
enterprise's latest inspection of the year regraded with its frozen template and amendments,
plus the veto events from hazards; budget 10 s. Also a quarter's lights recomputed, measured on
a copy only when --lights is given (it writes).

    .venv/bin/python benchmarks/grading_speed.py [--data benchmarks/output/city] [--year Y] [--runs 3]

Read-only by default: `propose` writes nothing. Exits 1 if the median is over the budget.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from timing import verdict

from inspector.workspace import Workspace

BUDGET_S = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("benchmarks/output/city"))
    parser.add_argument("--year", type=int)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with Workspace(args.data) as workspace:
        year = args.year or workspace.today().year
        times, calls = [], []
        proposals = []
        for _ in range(args.runs):
            calls.clear()
            start = time.perf_counter()
            proposals = workspace.grading_round.propose(year, lambda done, total: calls.append(done))
            times.append(time.perf_counter() - start)
    grades = Counter(p.proposed_grade for p in proposals)
    what = f"propose {year}: {len(proposals)} enterprises ({dict(sorted(grades.items()))}), "
    what += f"{len(calls)} progress reports; "
    return verdict(what, times, BUDGET_S, "s", 2)


if __name__ == "__main__":
    sys.exit(main())
