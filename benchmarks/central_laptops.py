"""Many laptops against one central PostgreSQL database at once (issue 18, item 8).

    scripts/start-postgres.sh .venv/bin/python benchmarks/central_laptops.py --laptops 20
    .venv/bin/python benchmarks/central_laptops.py --laptops 50 --url postgresql+psycopg://app@host/postgres

An office (the data folder of benchmarks/sync_bundle.py: 1,000 enterprises, 45,000 answers,
700 hazards, 2,000 photos) is pushed to a fresh database. Then N laptops, each its own process
and SQLite data folder, at the same moment: pull the office (first pull), do a day's work (an
enterprise, an inspection with answers, a hazard with a photo), and push and pull twice. One
laptop stalls for `--stall` seconds while holding the push lock (as a suspended laptop would);
the server ends its session by the idle-in-transaction timeout and it syncs again afterwards.
At the end everyone pushes and pulls in turn until nothing changes, and every laptop's canonical
dump must equal the central database's. Prints a table and writes benchmarks/output/central_laptops.json.
Exit status 1 if any laptop other than the stalled one saw an error, or the copies differ.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

OUTPUT = ROOT / "benchmarks" / "output"


def laptop_worker(folder: str, url: str, n: int, stall: float, idle: float, results: Any) -> None:
    """One laptop: first pull, a day's work, push and pull twice (run in its own process)."""
    from inspector.core.checklist import Result
    from inspector.sync import central_sync
    from inspector.sync.central import CentralError, Timeouts
    from tests.sync.simulation import Laptop

    times: dict[str, float] = {}
    error = ""
    laptop = Laptop.create(Path(folder).parent, Path(folder).name)
    laptop.ws.central.timeouts = Timeouts(idle=idle)
    retries = 0
    try:
        t = time.perf_counter()
        laptop.ws.central.pull(url)
        times["first_pull"] = time.perf_counter() - t
        laptop.refresh_ids()
        laptop.add_enterprise(10_000 + n)
        laptop.start_inspection(len(laptop.enterprises) - 1)
        for item in range(3):
            laptop.answer(0, item, Result.FAIL if item == 0 else Result.PASS)
        laptop.raise_hazard(0, n)
        if stall:
            real = central_sync._observe_central_sequence

            def stalled(connection: Any) -> None:
                real(connection)
                time.sleep(stall)  # holding the push lock, sending nothing

            central_sync._observe_central_sequence = stalled  # type: ignore[assignment]
        for round_ in (1, 2):
            t = time.perf_counter()
            try:
                retries += laptop.ws.central.push(url).retries
            except CentralError as failure:
                if not stall:
                    raise
                error = f"stalled: {failure}"
                central_sync._observe_central_sequence = real  # type: ignore[assignment]
                stall = 0
                retries += laptop.ws.central.push(url).retries
            times[f"push{round_}"] = time.perf_counter() - t
            t = time.perf_counter()
            laptop.ws.central.pull(url)
            times[f"pull{round_}"] = time.perf_counter() - t
    except Exception as failure:  # reported, not raised: the parent checks every laptop
        error = f"{type(failure).__name__}: {failure}"
    finally:
        laptop.ws.close()
    results.put({"laptop": n, "times": times, "error": error, "retries": retries})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--stall", type=float, default=20.0, help="seconds the stalled laptop holds the lock")
    parser.add_argument("--idle", type=float, default=10.0, help="idle_in_transaction_session_timeout, s")
    parser.add_argument("--scale", type=float, default=1.0, help="office size (0.1 = 100 inspections)")
    parser.add_argument("--out", type=Path, default=OUTPUT / "central_laptops")
    parser.add_argument("--url", default=os.environ.get("INSPECTOR_TEST_PG_URL", ""), help="server (admin) URL")
    args = parser.parse_args()
    if not args.url:
        sys.exit("no server: pass --url or run under scripts/start-postgres.sh")
    import sync_bundle
    from sync_bundle import build_source

    from inspector.sync.engine import canonical_dump
    from tests.sync.central_fixtures import central_dump
    from tests.sync.simulation import Laptop, settle_central

    shutil.rmtree(args.out, ignore_errors=True)
    for constant in ("N_INSPECTIONS", "N_HAZARDS", "N_PHOTOS"):
        setattr(sync_bundle, constant, max(1, round(getattr(sync_bundle, constant) * args.scale)))
    source = build_source(args.out / "office")
    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    name = f"inspector_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    try:
        t = time.perf_counter()
        source.central.push(url)
        office_push = time.perf_counter() - t
        source.close()
        results: Any = multiprocessing.Queue()
        folders = [str(args.out / f"laptop{i:02d}") for i in range(args.laptops)]
        processes = [
            multiprocessing.Process(
                target=laptop_worker, args=(folder, url, i, args.stall if i == 1 else 0.0, args.idle, results)
            )
            for i, folder in enumerate(folders)
        ]
        started = time.perf_counter()
        for process in processes:
            process.start()
        reports = [results.get() for _ in processes]
        for process in processes:
            process.join()
        rush = time.perf_counter() - started
        laptops = [Laptop.create(args.out, Path(folder).name) for folder in folders]
        try:
            t = time.perf_counter()
            rounds = settle_central(laptops, url)
            settle_s = time.perf_counter() - t
            central = central_dump(url)
            identical = all(laptop.dump() == central for laptop in laptops)
            with laptops[0].ws.db.reading() as session:
                rows = sum(len(v) for v in canonical_dump(session).values())
        finally:
            for laptop in laptops:
                laptop.ws.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    errors = {r["laptop"]: r["error"] for r in reports if r["error"] and not r["error"].startswith("stalled")}
    summary: dict[str, Any] = {
        "laptops": args.laptops,
        "scale": args.scale,
        "office_push_s": round(office_push, 2),
        "rush_s": round(rush, 2),
        "settle_rounds": rounds,
        "settle_s": round(settle_s, 2),
        "rows_per_copy": rows,
        "identical": identical,
        "errors": errors,
        "stalled": [r["error"] for r in reports if r["error"].startswith("stalled")],
        "retries": sum(r["retries"] for r in reports),
    }
    for key in ("first_pull", "push1", "pull1", "push2", "pull2"):
        values = [r["times"][key] for r in reports if key in r["times"]]
        if values:
            summary[key] = {"median_s": round(statistics.median(values), 2), "max_s": round(max(values), 2)}
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "central_laptops.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0 if identical and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
