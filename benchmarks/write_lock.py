"""How long each long job holds the write lock, and what an edit made meanwhile waits.

    .venv/bin/python benchmarks/write_lock.py [--out benchmarks/output/write_lock] [--enterprises 2000]
                                              [--pause-ms 20]

On a demo city it runs the long jobs one after another: the demo itself (into an empty folder),
`sync export --all`, the import of that bundle into a second folder, an incremental import (a
day's work: 10 inspections answered and completed), the grading round's issue, the quarter's
lights, and an Excel/CSV enterprise import of 2,000 rows. During each, two editors work in the
same folder: a thread of this process (as the GUI's screen while the job runs on its worker
thread) and a second process (tests/edit_worker.py, as a second `inspector`), each making an
edit every `--pause-ms` (answering checklist items; in the demo's folder, which must stay free of
inspections, a roster edit). Reported per job: its duration, the longest time it held the write
lock (from BEGIN IMMEDIATE to COMMIT, on every engine of this process), and for each editor the
edits that ended while the job ran (or within 0.5 s after: those that waited for its last
commit): how many, median and max duration, failures.

Exits 1 if an edit or a job failed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from edit_worker import Edits, edit_loop  # noqa: E402
from sqlalchemy import Engine, event  # noqa: E402

from inspector.core.checklist import Result  # noqa: E402
from inspector.core.credit_code import with_check_digit  # noqa: E402
from inspector.core.enterprise import Enterprise  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

WORKER = ROOT / "tests" / "edit_worker.py"
SETTLE_S = 0.5
"""Edits still go on this long after the job: one that waited for its last commit ends in it."""


class LockTimer:
    """Every write transaction of this process (sqlite_begin=IMMEDIATE), begin to commit/rollback."""

    def __init__(self) -> None:
        self.holds: list[float] = []
        self.thread = threading.get_ident()  # the job's thread: the editor thread's own are not the job's
        self._started: dict[int, float] = {}
        event.listen(Engine, "after_cursor_execute", self._executed)
        event.listen(Engine, "commit", self._end)
        event.listen(Engine, "rollback", self._end)

    def _executed(self, connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        # after BEGIN IMMEDIATE has returned: the lock is held from here (the wait for it is not)
        if statement.startswith("BEGIN IMMEDIATE") and threading.get_ident() == self.thread:
            self._started[id(connection)] = time.perf_counter()

    def _end(self, connection: Any) -> None:
        started = self._started.pop(id(connection), None)
        if started is not None:
            self.holds.append(time.perf_counter() - started)


@dataclass
class Row:
    job: str
    seconds: float
    longest_hold_ms: float | None
    holds: int
    thread: Edits
    process: Edits
    window: tuple[float, float]
    failure: str = ""

    def stats(self, edits: Edits) -> dict[str, Any]:
        start, end = self.window
        during = [w for w, at in zip(edits.waits_ms, edits.ended_at, strict=True) if start <= at <= end]
        return {
            "edits": len(during),
            "median_ms": round(statistics.median(during), 1) if during else None,
            "max_ms": round(max(during), 1) if during else None,
            "failures": len(edits.errors),
            "first_failure": edits.errors[0] if edits.errors else "",
        }


def run_job(
    name: str, folder: Path, inspection: str | None, job: Callable[[], object], timer: LockTimer, pause_s: float
) -> Row:
    stop_file = folder.parent / f".{name}.stop"
    stop_file.unlink(missing_ok=True)
    command = [sys.executable, str(WORKER), str(folder), str(stop_file), "--pause-ms", str(pause_s * 1000)]
    if inspection:
        command += ["--inspection", inspection]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    worker = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert worker.stdout is not None
    if worker.stdout.readline().strip() != "ready":
        raise SystemExit(f"edit worker did not start: {worker.stderr.read() if worker.stderr else ''}")
    editor_ws = Workspace(folder)  # its own engine and connections, like a second window would
    stop = threading.Event()
    result: list[Edits] = []
    thread = threading.Thread(target=lambda: result.append(edit_loop(editor_ws, stop, inspection, pause_s)))
    thread.start()
    try:
        time.sleep(0.5)
        timer.holds.clear()
        start_wall, start = time.time(), time.perf_counter()
        failure = ""
        try:
            job()
        except Exception as error:  # the job's own failure is a result too (the old code had them)
            failure = f"{type(error).__name__}: {str(error).splitlines()[0]}"
        seconds = time.perf_counter() - start
        end_wall = time.time()
        holds = list(timer.holds)
        time.sleep(SETTLE_S)
    finally:
        stop.set()
        stop_file.touch()
        thread.join()
    out, err = worker.communicate(timeout=120)
    stop_file.unlink(missing_ok=True)
    editor_ws.close()
    lines = out.strip().splitlines()
    if not lines:
        raise SystemExit(f"edit worker printed nothing: {err}")
    return Row(
        name,
        seconds,
        max(holds) * 1000 if holds else None,
        len(holds),
        result[0],
        Edits.from_json(lines[-1]),
        (start_wall, end_wall + SETTLE_S),
        failure,
    )


def start_inspection(ws: Workspace, n: int) -> str:
    enterprise = ws.enterprises.add(
        Enterprise(name=f"写锁测试企业{n}", credit_code=with_check_digit(f"91330482MW{n:07d}"), town="当湖街道")
    )
    inspectors = [ws.roster.add("写锁甲"), ws.roster.add("写锁乙")]
    return ws.inspections.start(enterprise, ws.default_template_id(), ws.today(), inspectors)


def days_work(ws: Workspace, count: int) -> None:
    """`count` inspections answered in full and completed: what a laptop brings back from a day."""
    template = ws.default_template_id()
    inspectors = [i.id for i in ws.roster.active()][:2]
    for enterprise in ws.enterprises.search_ids("")[:count]:
        inspection = ws.inspections.start(enterprise, template, ws.today(), inspectors)
        for item in ws.inspections.template_of(inspection).items:
            ws.inspections.answer(inspection, item.code, Result.PASS if item.allows(Result.PASS) else Result.FAIL)
        ws.inspections.complete(inspection)


def enterprise_file(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["企业名称", "统一社会信用代码", "镇街道", "地址"])
        for n in range(count):
            code = with_check_digit(f"91330482MX{n:07d}")
            writer.writerow([f"导入测试企业{n}", code, "当湖街道", f"测试路{n}号"])
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/output/write_lock"))
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--pause-ms", type=float, default=20.0)
    args = parser.parse_args()
    from inspector.demo.demo_city import create_demo
    from inspector.demo.generator import DemoSpec
    from inspector.importing.enterprise_import import import_enterprises
    from inspector.services.grading_round import decisions_from

    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    pause = args.pause_ms / 1000
    timer = LockTimer()
    rows: list[Row] = []
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731

    city_dir, target_dir = args.out / "city", args.out / "target"
    city = Workspace(city_dir)
    say(f"demo city of {args.enterprises} enterprises…")
    rows.append(
        run_job(
            "demo",
            city_dir,
            None,
            lambda: create_demo(city, DemoSpec(enterprises=args.enterprises, years=3, seed=2024)),
            timer,
            pause,
        )
    )
    if rows[-1].failure:  # the rest needs the city: made again with nobody else writing
        create_demo(city, DemoSpec(enterprises=args.enterprises, years=3, seed=2024))
    city_inspection = start_inspection(city, 1)
    bundle = args.out / "city.zip"
    say("export --all…")
    rows.append(
        run_job(
            "sync export --all",
            city_dir,
            city_inspection,
            lambda: city.sync.export(bundle, everything=True),
            timer,
            pause,
        )
    )
    city.sync.export(args.out / "mark.zip", peer="target")  # the mark the day's work is exported after

    target = Workspace(target_dir)
    target.sync.trust(city.sync.identity(), "city")
    target_inspection = start_inspection(target, 2)
    say("import of the whole city…")
    rows.append(
        run_job(
            "sync import (whole city)", target_dir, target_inspection, lambda: target.sync.import_(bundle), timer, pause
        )
    )
    days_work(city, 10)
    day = args.out / "day.zip"
    counts = city.sync.export(day, peer="target").counts
    say(f"import of a day's work {counts}…")
    rows.append(
        run_job(
            "sync import (a day's work)", target_dir, target_inspection, lambda: target.sync.import_(day), timer, pause
        )
    )

    year = city.today().year
    decisions = decisions_from(city.grading_round.propose(year))
    say("grading issue…")
    rows.append(
        run_job(
            "grading issue",
            city_dir,
            city_inspection,
            lambda: city.grading_round.issue(year, decisions, "写锁测试", reissue=True),
            timer,
            pause,
        )
    )
    quarter = f"{year}Q{(city.today().month - 1) // 3 + 1}"
    say("lights…")
    rows.append(
        run_job(
            "lights of the quarter",
            city_dir,
            city_inspection,
            lambda: city.grading_round.recompute_lights(quarter),
            timer,
            pause,
        )
    )
    listing = enterprise_file(args.out / "enterprises.csv", 2000)
    say("enterprise import…")
    rows.append(
        run_job(
            "enterprise import (2,000 rows)",
            city_dir,
            city_inspection,
            lambda: import_enterprises(city, listing),
            timer,
            pause,
        )
    )
    city.close()
    target.close()

    results = []
    print(f"\nPause between edits: {args.pause_ms:g} ms; demo city of {args.enterprises} enterprises.\n")
    print(
        "| job | duration | longest write lock | edits meanwhile: thread (n, median / max) "
        "| process (n, median / max) | failed edits | the job |"
    )
    print("|---|---|---|---|---|---|---|")
    failed = 0
    for row in rows:
        t, p = row.stats(row.thread), row.stats(row.process)
        hold = f"{row.longest_hold_ms:.0f} ms ({row.holds} tx)" if row.longest_hold_ms is not None else "—"
        failures = t["failures"] + p["failures"]
        failed += failures + bool(row.failure)
        note = f"{failures}: {t['first_failure'] or p['first_failure']}" if failures else "0"
        print(
            f"| {row.job} | {row.seconds:.2f} s | {hold} | {t['edits']}, {t['median_ms']} / {t['max_ms']} ms "
            f"| {p['edits']}, {p['median_ms']} / {p['max_ms']} ms | {note} | {row.failure or 'done'} |"
        )
        results.append(
            {
                "job": row.job,
                "seconds": row.seconds,
                "longest_hold_ms": row.longest_hold_ms,
                "thread": t,
                "process": p,
                "failure": row.failure,
            }
        )
    (args.out / "write_lock.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
