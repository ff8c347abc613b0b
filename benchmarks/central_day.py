"""A day's push and pull against a city-sized central database (issue 18, item 7).

    .venv/bin/python benchmarks/central_day.py --data DIR --url postgresql+psycopg://app@host/city

DIR is a laptop's data folder that already pushed to / pulled from the server (for instance
after `inspector --data-dir DIR sync pull --url URL` of the 5,000-enterprise office). The script
does a day's work there (an enterprise, an inspection with ten answers, two hazards with photos,
a step on one), then times one push and one pull, and a second push and pull with nothing new.
Prints the rows sent and received and the seconds; peak memory is `/usr/bin/time -v`'s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--url", required=True)
    args = parser.parse_args()

    from inspector.core.checklist import Result
    from inspector.core.hazard_lifecycle import HazardAction
    from tests.sync.simulation import Laptop

    laptop = Laptop.create(args.data.parent, args.data.name)
    try:
        laptop.add_enterprise(900_000 + int(time.time()) % 10_000)
        laptop.start_inspection(len(laptop.enterprises) - 1)
        for item in range(10):
            laptop.answer(0, item, Result.FAIL if item < 2 else Result.PASS)
        laptop.raise_hazard(0, 1)
        laptop.raise_hazard(0, 2)
        laptop.act(0, HazardAction.ISSUE_NOTICE, 10)
        for label in ("day", "nothing new"):
            t = time.perf_counter()
            pushed = laptop.ws.central.push(args.url)
            push_s = time.perf_counter() - t
            t = time.perf_counter()
            pulled = laptop.ws.central.pull(args.url)
            pull_s = time.perf_counter() - t
            print(
                f"{label}: push {push_s:.2f} s ({pushed.total_rows} rows, {pushed.photos} photos), "
                f"pull {pull_s:.2f} s ({pulled.total_rows} rows)"
            )
    finally:
        laptop.ws.close()


if __name__ == "__main__":
    main()
