"""Push speed to PostgreSQL: 1,000 inspections, 45,000 answers, 700 hazards, 2,000 photos.

    scripts/start-postgres.sh .venv/bin/python benchmarks/sync_push.py [--out DIR] [--photo-kb K]
    .venv/bin/python benchmarks/sync_push.py --url postgresql+psycopg://app@127.0.0.1:5432/postgres

Builds the same source data folder as benchmarks/sync_bundle.py (Core bulk inserts), creates a
fresh database on the server (dropped at the end), and times `CentralSync.push` of everything
(migrating the empty central database, photo upload, merge in one transaction), then a `pull`
of it all into an empty data folder. Target: the push under 20 s.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_bundle import build_source

from inspector.db.models import PhotoRow
from inspector.workspace import Workspace


def enlarge_photos(ws: Workspace, kilobytes: int) -> None:
    """Give every photo file `kilobytes` of content (rows and files renamed by their new hash)."""
    if kilobytes <= 2:
        return
    with ws.db.transaction() as session:
        for row in session.query(PhotoRow).all():
            old = ws.photos.path_of(row.sha256)
            data = old.read_bytes() + os.urandom(kilobytes * 1024)
            sha = hashlib.sha256(data).hexdigest()
            old.unlink()
            ws.sync.photos.write_photo(sha, data)
            row.sha256, row.size_bytes = sha, len(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("benchmarks/output/sync_push"))
    parser.add_argument("--url", default=os.environ.get("INSPECTOR_TEST_PG_URL", ""), help="server (admin) URL")
    parser.add_argument("--photo-kb", type=int, default=2, help="size of each photo file (default ≈2 KB)")
    args = parser.parse_args()
    if not args.url:
        sys.exit("no server: pass --url or run under scripts/start-postgres.sh")
    shutil.rmtree(args.out, ignore_errors=True)
    t = time.perf_counter()
    source = build_source(args.out / "source")
    enlarge_photos(source, args.photo_kb)
    print(f"source built in {time.perf_counter() - t:.1f} s")

    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    name = f"inspector_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    central = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    try:
        t = time.perf_counter()
        pushed = source.central.push(central)
        push_s = time.perf_counter() - t
        target = Workspace(args.out / "target")
        t = time.perf_counter()
        pulled = target.central.pull(central)
        pull_s = time.perf_counter() - t
        again_t = time.perf_counter()
        nothing = source.central.push(central)
        again_s = time.perf_counter() - again_t
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print(f"rows pushed: {pushed.rows}; photos {pushed.photos} (≈{args.photo_kb} KB each)")
    print(f"push {push_s:.2f} s (target < 20 s); inserted centrally {sum(pushed.inserted.values())}")
    print(f"pull into an empty folder {pull_s:.2f} s; inserted {sum(pulled.inserted.values())}, photos {pulled.photos}")
    print(f"second push (nothing new) {again_s:.2f} s, {nothing.total_rows} rows")


if __name__ == "__main__":
    main()
