"""City-scale benchmark: generate a city, bulk-insert it, time `stats`.

Builds a fresh data folder with the demo generator sized like a whole city (by default 25,000
enterprises, ~75,000 inspections over 3 years, ~45,000 hazards) and measures:

- row generation (Python, DemoGenerator);
- the bulk insert through `write_rows` (SQLAlchemy Core executemany, one transaction);
- the same rows inserted with raw `sqlite3.executemany` into a second database with the same
  schema (values converted beforehand the way SQLAlchemy stores them; conversion not timed);
- `compute_stats` through `Workspace.stats(year)` for each year (warm-up, then median of 20);
- `inspector stats --json` as a subprocess, end to end (median of 5), for information.

Prints a Markdown table, writes JSON to benchmarks/output/city_scale.json, and exits 1 if a
`stats` median is over 200 ms, if write_rows is more than 5x slower than raw sqlite3, or if the
generated counts miss their targets by more than 5 %.

    .venv/bin/python benchmarks/city_scale.py [--out DIR] [--enterprises 25000] [--years 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy  # noqa: E402
from sqlalchemy import JSON, Boolean, Date, DateTime, Uuid, event  # noqa: E402

from inspector.core.checklist import Template  # noqa: E402
from inspector.core.template_format import load_template  # noqa: E402
from inspector.db.database import DB_NAME  # noqa: E402
from inspector.db.models import Base, UTCDateTime  # noqa: E402
from inspector.demo.demo_photos import make_demo_photos  # noqa: E402
from inspector.demo.generator import QUALITY, DemoGenerator, DemoRows, DemoSpec  # noqa: E402
from inspector.demo.writer import ORDER, write_rows  # noqa: E402
from inspector.forms_catalog import clause_library, form_dirs, newest  # noqa: E402
from inspector.workspace import Workspace  # noqa: E402

OUTPUT = ROOT / "benchmarks" / "output"
STATS_LIMIT_MS = 200.0
RATIO_LIMIT = 5.0
TOLERANCE = 0.05
# Targets per enterprise per year, from the issue: 25,000 enterprises → 75,000 inspections and
# 45,000 hazards over 3 years.
INSPECTIONS_PER_ENTERPRISE_YEAR = 1.0
HAZARDS_PER_INSPECTION = 0.6
BASE_COVERAGE = DemoSpec().coverage
REPORT_CHANCE = 0.02  # DemoGenerator._reports: worker reports and self-checks per enterprise-year


# -- sizing -----------------------------------------------------------------------------------
def calibrate(template: Template, enterprises: int, years: int, today: date) -> dict[str, float]:
    """DemoSpec knobs that give the target counts in expectation, whatever today's date.

    An enterprise is inspected in a full past year with chance `coverage`, in the current year
    with chance coverage × elapsed/365, and once inspected gets a second inspection with chance
    `revisits`. Each inspection raises a hazard per failed item; `hazard_factor` scales the
    item fail chances to reach the hazard target, net of worker reports and self-checks.
    """
    elapsed = ((today - date(today.year, 1, 1)).days + 1) / 365
    span = years - 1 + min(1.0, elapsed)  # inspected years per enterprise at coverage 1
    per_enterprise = INSPECTIONS_PER_ENTERPRISE_YEAR * years
    coverage = min(BASE_COVERAGE, per_enterprise / span)
    revisits = max(0.0, per_enterprise / (coverage * span) - 1)
    inspections = enterprises * per_enterprise
    reports = enterprises * REPORT_CHANCE * coverage * span
    weights = sum(1 / 6 if item.veto else 1 / 3 if item.key else 1 for item in template.items)
    fails_per_inspection = sum(share * fail for share, (fail, _partial, _na) in QUALITY) * weights
    hazard_factor = (inspections * HAZARDS_PER_INSPECTION - reports) / (inspections * fails_per_inspection)
    return {
        "coverage": round(coverage, 4),
        "revisits": round(revisits, 4),
        "hazard_factor": round(hazard_factor, 4),
        "target_inspections": round(inspections),
        "target_hazards": round(inspections * HAZARDS_PER_INSPECTION),
    }


# -- raw sqlite3 ------------------------------------------------------------------------------
def _stamp(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _converter(column: sqlalchemy.Column[Any]) -> Callable[[Any], Any] | None:
    """How SQLAlchemy stores a column's Python value on SQLite (None when it is stored as is)."""
    kind = column.type
    if isinstance(kind, Uuid):
        return lambda v: None if v is None else v.hex
    if isinstance(kind, UTCDateTime | DateTime):
        cache: dict[datetime, str] = {}

        def stamp(v: datetime | None) -> str | None:
            if v is None:
                return None
            text = cache.get(v)
            if text is None:
                text = cache[v] = _stamp(v)
            return text

        return stamp
    if isinstance(kind, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else int(v)
    if isinstance(kind, JSON):
        # SQLAlchemy's default serializer is plain json.dumps (ensure_ascii=True): the engine sets none.
        return lambda v: None if v is None else json.dumps(v)
    return None


def convert(rows: DemoRows) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    """Per table: an INSERT statement and its parameter tuples, in write_rows' order."""
    out: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
    for name in ORDER:
        data = rows.tables.get(name, [])
        if not data:
            continue
        table = Base.metadata.tables[name]
        keys = list(data[0])
        missing = [c.name for c in table.columns if c.name not in keys and c.default is not None]
        if missing:
            raise SystemExit(f"{name}: rows omit columns with defaults {missing}; raw insert would differ")
        converters = [_converter(table.columns[k]) for k in keys]
        pairs = list(zip(keys, converters, strict=True))
        params = [tuple(row[k] if conv is None else conv(row[k]) for k, conv in pairs) for row in data]
        sql = f"INSERT INTO {name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"
        out[name] = (sql, params)
    return out


def raw_insert(
    path: Path, statements: dict[str, tuple[str, list[tuple[Any, ...]]]], meta: dict[str, str], pragmas: list[str]
) -> float:
    """Insert with sqlite3.executemany in one transaction, same pragmas as the app; returns seconds."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=5000", *pragmas):
            connection.execute(f"PRAGMA {pragma}")
        start = time.perf_counter()
        connection.execute("BEGIN")
        for sql, params in statements.values():
            connection.executemany(sql, params)
        connection.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(meta.items()))
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def compare_samples(app_db: Path, raw_db: Path, rows: DemoRows, per_table: int = 5) -> int:
    """Read the same rows (first, middle, last…) back from both databases; they must be equal."""
    compared = 0
    a, b = sqlite3.connect(app_db), sqlite3.connect(raw_db)
    try:
        for name in ORDER:
            data = rows.tables.get(name, [])
            if not data:
                continue
            picks = {0, len(data) - 1, *(i * len(data) // per_table for i in range(per_table))}
            # and the first row with non-empty JSON, so that its serialisation is compared too
            picks.update(
                next(
                    ([i] for i, row in enumerate(data) if any(isinstance(v, list | dict) and v for v in row.values())),
                    [],
                )
            )
            for index in sorted(picks):
                key = data[index]["id"].hex
                sql = f"SELECT * FROM {name} WHERE id = ?"
                left, right = a.execute(sql, (key,)).fetchone(), b.execute(sql, (key,)).fetchone()
                if left is None or left != right:
                    raise SystemExit(f"stored values differ in {name} row {key}:\n  app {left}\n  raw {right}")
                compared += 1
    finally:
        a.close()
        b.close()
    return compared


# -- stats ------------------------------------------------------------------------------------
def time_stats(workspace: Workspace, year: int, runs: int) -> dict[str, Any]:
    workspace.stats(year)  # warm-up: connection, statement cache, pages in the OS cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = workspace.stats(year)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        "runs": runs,
        "stats": result.as_dict(),
    }


def stats_queries(workspace: Workspace, year: int, runs: int = 5) -> list[dict[str, Any]]:
    """Each SQL statement of compute_stats with its median time and SQLite's query plan."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(workspace.db.engine, "before_cursor_execute", record)
    try:
        workspace.stats(year)
    finally:
        event.remove(workspace.db.engine, "before_cursor_execute", record)
    assert workspace.db.path is not None
    connection = sqlite3.connect(workspace.db.path)
    out = []
    try:
        for statement, parameters in seen:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                connection.execute(statement, parameters).fetchall()
                times.append((time.perf_counter() - start) * 1000)
            plan = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
            out.append({"sql": " ".join(statement.split()), "median_ms": statistics.median(times), "plan": plan})
    finally:
        connection.close()
    return out


def time_cli(data_dir: Path, runs: int, expected: dict[str, Any]) -> dict[str, Any]:
    """For information only: a failure is reported, not fatal."""
    script = Path(sys.executable).with_name("inspector")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "inspector"]
    command += ["--data-dir", str(data_dir), "stats", "--json"]
    result: dict[str, Any] = {"command": " ".join(command), "runs": runs, "median_ms": None}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode != 0:
            result["error"] = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            return result
    result["median_ms"] = statistics.median(times)
    result["same_as_in_process"] = json.loads(done.stdout) == expected
    return result


# -- the run ----------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "platform": platform.platform(),
    }
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(next(line for line in meminfo.splitlines() if line.startswith("MemTotal")).split()[1])
        info["ram_gib"] = round(kb / 1024**2, 1)
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line)
    except (OSError, StopIteration):
        pass
    return info


def fresh(folder: Path) -> Workspace:
    if folder.exists():
        shutil.rmtree(folder)
    return Workspace(folder)


def add_pragmas(workspace: Workspace, pragmas: list[str]) -> None:
    """Run extra PRAGMAs on every connection the workspace opens from now on (--cache-mb)."""
    if not pragmas:
        return

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    event.listen(workspace.db.engine, "connect", on_connect)
    workspace.db.engine.dispose()  # connections already pooled would not have them


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUTPUT / "city", help="data folder to (re)create")
    parser.add_argument("--enterprises", type=int, default=25_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stats-runs", type=int, default=20)
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument(
        "--cache-mb",
        type=int,
        help="experiment: PRAGMA cache_size of this many MiB for both inserts and stats (default: the app's)",
    )
    parser.add_argument("--json", type=Path, default=OUTPUT / "city_scale.json", help="where to write results")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    raw_dir = out.with_name(out.name + "-raw")
    pragmas = [f"cache_size=-{args.cache_mb * 1024}"] if args.cache_mb else []

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    load_before = os.getloadavg()
    workspace = fresh(out)
    add_pragmas(workspace, pragmas)
    today = workspace.today()
    form = newest(form_dirs(workspace.data_dir))
    source = form.path.read_text(encoding="utf-8")
    template = load_template(source, str(form.path))
    knobs = calibrate(template, args.enterprises, args.years, today)
    spec = DemoSpec(
        enterprises=args.enterprises,
        years=args.years,
        seed=args.seed,
        today=today,
        coverage=knobs["coverage"],
        revisits=knobs["revisits"],
        hazard_factor=knobs["hazard_factor"],
        timezone=workspace.settings.timezone,
        office_code=workspace.settings.office_code,
    )
    say(f"today {today}; DemoSpec coverage={spec.coverage} revisits={spec.revisits} hazard_factor={spec.hazard_factor}")

    photos = make_demo_photos(workspace.photos, spec.seed)
    say("generating rows…")
    start = time.perf_counter()
    clauses = clause_library(form_dirs(workspace.data_dir))
    rows = DemoGenerator(spec, template, source, photos, workspace.db.device_id, clauses).generate(
        lambda s: say(f"  {s}")
    )
    generate_s = time.perf_counter() - start
    counts = {name: rows.count(name) for name in ORDER}
    say(f"  {generate_s:.1f} s, {sum(counts.values()):,} rows")

    meta = {"demo": f"seed={spec.seed} enterprises={spec.enterprises} years={spec.years} today={spec.today}"}
    say("write_rows (SQLAlchemy Core executemany)…")
    start = time.perf_counter()
    write_rows(workspace.db, rows, meta)
    write_s = time.perf_counter() - start
    say(f"  {write_s:.1f} s")
    workspace.close()

    say("raw sqlite3.executemany into a second database…")
    fresh(raw_dir).close()  # Alembic creates the same schema
    statements = convert(rows)  # not timed
    raw_s = raw_insert(raw_dir / DB_NAME, statements, meta, pragmas)
    say(f"  {raw_s:.1f} s")
    del statements
    compared = compare_samples(out / DB_NAME, raw_dir / DB_NAME, rows)
    say(f"  {compared} sample rows read back equal from both databases")
    del rows
    gc.collect()
    ratio = write_s / raw_s

    say("timing stats…")
    workspace = Workspace(out)
    add_pragmas(workspace, pragmas)
    years = list(range(today.year - args.years + 1, today.year + 1))
    stats = {str(year): time_stats(workspace, year, args.stats_runs) for year in years}
    queries = stats_queries(workspace, today.year)
    for query in queries:
        say(f"  {query['median_ms']:7.2f} ms  {query['sql'][:100]}")
        for step in query["plan"]:
            say(f"             {step}")
    workspace.close()
    cli = time_cli(out, args.cli_runs, stats[str(today.year)]["stats"])
    shutil.rmtree(raw_dir)

    inspections, hazards = counts["inspections"], counts["hazards"]
    problems = []
    for label, actual, target in (
        ("inspections", inspections, knobs["target_inspections"]),
        ("hazards", hazards, knobs["target_hazards"]),
    ):
        if abs(actual - target) > TOLERANCE * target:
            problems.append(f"{label}: {actual:,} is more than {TOLERANCE:.0%} from the target {target:,}")
    worst = max(stats.values(), key=lambda s: s["median_ms"])
    for year, result in stats.items():
        if result["median_ms"] > STATS_LIMIT_MS:
            problems.append(f"stats {year}: median {result['median_ms']:.1f} ms > {STATS_LIMIT_MS:.0f} ms")
    if ratio > RATIO_LIMIT:
        problems.append(f"write_rows is {ratio:.2f}x raw sqlite3.executemany (limit {RATIO_LIMIT:.0f}x)")

    results = {
        "command": " ".join(["benchmarks/city_scale.py", *(argv if argv is not None else sys.argv[1:])]),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "today": today.isoformat(),
        "machine": machine(),
        "spec": {
            "enterprises": spec.enterprises,
            "years": spec.years,
            "seed": spec.seed,
            "coverage": spec.coverage,
            "revisits": spec.revisits,
            "hazard_factor": spec.hazard_factor,
        },
        "extra_pragmas": pragmas,
        "targets": {"inspections": knobs["target_inspections"], "hazards": knobs["target_hazards"]},
        "counts": counts,
        "total_rows": sum(counts.values()),
        "database_mb": round((out / DB_NAME).stat().st_size / 1024**2, 1),
        "generate_s": generate_s,
        "write_rows_s": write_s,
        "raw_executemany_s": raw_s,
        "write_rows_vs_raw": ratio,
        "sample_rows_compared": compared,
        "stats": stats,
        "stats_queries_current_year": queries,
        "cli_stats_json": cli,
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "limits": {"stats_ms": STATS_LIMIT_MS, "write_rows_vs_raw": RATIO_LIMIT, "count_tolerance": TOLERANCE},
        "problems": problems,
        "passed": not problems,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    extra = f", PRAGMA {', '.join(pragmas)}" if pragmas else ""
    print(f"## City-scale benchmark ({today}, seed {spec.seed}{extra})\n")
    print("| Table | Rows |\n|---|---:|")
    for name, count in counts.items():
        print(f"| {name} | {count:,} |")
    print(f"| **total** | **{sum(counts.values()):,}** |\n")
    print("| Step | Time |\n|---|---:|")
    print(f"| Generate rows (Python, DemoGenerator) | {generate_s:.1f} s |")
    print(f"| `write_rows` (SQLAlchemy Core executemany, one transaction) | {write_s:.1f} s |")
    print(f"| Raw `sqlite3.executemany`, same rows, one transaction | {raw_s:.1f} s |")
    print(f"| **write_rows ÷ raw** (limit {RATIO_LIMIT:.0f}×) | **{ratio:.2f}×** |")
    for year, result in stats.items():
        print(
            f"| `Workspace.stats({year})`, median of {result['runs']} "
            f"(min–max {result['min_ms']:.1f}–{result['max_ms']:.1f}) | {result['median_ms']:.1f} ms |"
        )
    if cli["median_ms"] is None:
        print(f"| `inspector stats --json` subprocess | failed: {cli['error']} |")
    else:
        print(f"| `inspector stats --json` subprocess, median of {cli['runs']} | {cli['median_ms']:.0f} ms |")
    print(f"\nSlowest stats median: {worst['median_ms']:.1f} ms (limit {STATS_LIMIT_MS:.0f} ms).")
    print(f"Results written to {args.json}")
    if problems:
        print("\nFAILED:\n" + "\n".join(f"- {p}" for p in problems))
        return 1
    print("\nPASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
