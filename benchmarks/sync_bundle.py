"""Import speed of a sync bundle: 1,000 inspections, 45,000 answers, 700 hazards, 2,000 photos.

    python benchmarks/sync_bundle.py [--out benchmarks/output/sync_bundle]

Builds a source data folder with Core bulk inserts, exports everything as a bundle, then times
`SyncService.import_` into an empty data folder (checking + photos + merge in one transaction),
and compares with raw sqlite3 executemany of the same rows into another empty database.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import time
import uuid
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.core.credit_code import with_check_digit
from inspector.db import hlc
from inspector.db.models import Base
from inspector.sync.bundle import decode_rows
from inspector.workspace import Workspace

N_INSPECTIONS, N_ANSWERS_EACH, N_HAZARDS, N_PHOTOS = 1000, 45, 700, 2000


def build_source(folder: Path) -> Workspace:
    ws = Workspace(folder)
    template_id = uuid.UUID(ws.default_template_id())
    codes = [i.code for s in ws.templates.load(template_id.hex).sections for i in s.items]
    now, dev = datetime.now(UTC), ws.db.device_id

    def base() -> dict[str, object]:
        return {"id": uuid.uuid4(), "created_at": now, "updated_at": now, "device_id": dev, "hlc": hlc.next_hlc()}

    enterprises = [
        {**base(), "name": f"企业{i}", "credit_code": with_check_digit(f"91330482MA{i:07d}"), "town": "当湖街道"}
        for i in range(N_INSPECTIONS)
    ]
    inspectors = [{**base(), "name": "张三"}, {**base(), "name": "李四"}]
    inspections = [
        {
            **base(),
            "enterprise_id": e["id"],
            "template_id": template_id,
            "inspection_date": date(2026, 3, 1),
            "status": "draft",
        }
        for e in enterprises
    ]
    answers = [
        {**base(), "inspection_id": i["id"], "item_code": codes[k % len(codes)], "result": "pass", "note": ""}
        for i in inspections
        for k in range(N_ANSWERS_EACH)
    ]
    photos, photo_files = [], []
    for n in range(N_PHOTOS):
        data = b"\xff\xd8benchmark-photo-%d" % n + bytes(2000)
        sha = hashlib.sha256(data).hexdigest()
        photo_files.append((sha, data))
        photos.append({**base(), "sha256": sha, "width": 32, "height": 24, "size_bytes": len(data)})
    answer_photos = [
        {**base(), "answer_id": answers[n * 20]["id"], "photo_id": p["id"], "position": 0} for n, p in enumerate(photos)
    ]
    hazards, events = [], []
    for n in range(N_HAZARDS):
        h = {
            **base(),
            "enterprise_id": enterprises[n]["id"],
            "inspection_id": inspections[n]["id"],
            "source": "inspection",
            "found_on": date(2026, 3, 1),
            "found_by": "张三",
            "location_type": "workshop",
            "category": "other",
            "description": f"隐患{n}",
            "severity": "general",
            "initial_deadline": date(2026, 3, 8),
            "status": "recorded",
            "deadline": date(2026, 3, 8),
        }
        hazards.append(h)
        events.append(
            {
                **base(),
                "hazard_id": h["id"],
                "seq": 1,
                "action": "record",
                "to_status": "recorded",
                "at": now - timedelta(days=1),
                "by": "张三",
            }
        )
    with ws.db.transaction() as session:
        for name, rows in (
            ("enterprises", enterprises),
            ("inspectors", inspectors),
            ("photos", photos),
            ("inspections", inspections),
            ("answers", answers),
            ("answer_photos", answer_photos),
            ("hazards", hazards),
            ("hazard_events", events),
        ):
            session.execute(insert(Base.metadata.tables[name]), rows)
    for sha, data in photo_files:
        ws.sync.photos.write_photo(sha, data)
    return ws


def raw_baseline(bundle: Path, empty_db: Path) -> float:
    """sqlite3 executemany of the bundle's rows (decoded the same way) into an empty schema."""
    with zipfile.ZipFile(bundle) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n.startswith("records/")}
    start = time.perf_counter()
    connection = sqlite3.connect(empty_db)
    connection.execute("BEGIN")
    for name, data in members.items():
        table = Base.metadata.tables[name[8:-6]]
        rows = decode_rows(table, data)
        if not rows:
            continue
        columns = list(rows[0])
        values = [
            tuple(
                v.hex
                if isinstance(v, uuid.UUID)
                else v.isoformat(" ").replace("+00:00", "")
                if isinstance(v, datetime)
                else json.dumps(v)
                if isinstance(v, list)
                else v
                for v in (row[c] for c in columns)
            )
            for row in rows
        ]
        connection.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}, changed_seq) VALUES ({', '.join('?' * len(columns))}, 0)",
            values,
        )
    connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("benchmarks/output/sync_bundle"))
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    source = build_source(args.out / "source")
    bundle = args.out / "bundle.zip"
    t = time.perf_counter()
    result = source.sync.export(bundle, everything=True)
    export_s = time.perf_counter() - t
    target = Workspace(args.out / "target")
    target.sync.trust(source.sync.identity(), "source")
    # the baseline gets an empty database of the same schema (a copy of the fresh target)
    raw_db = args.out / "raw.db"
    sqlite3.connect(target.db.path).execute("VACUUM INTO ?", (str(raw_db),)).connection.close()
    raw_s = raw_baseline(bundle, raw_db)
    t = time.perf_counter()
    imported = target.sync.import_(bundle)
    import_s = time.perf_counter() - t
    print(f"rows: {result.counts}, photos: {result.photos}, bundle {bundle.stat().st_size / 1e6:.1f} MB")
    print(f"export {export_s:.2f} s; import {import_s:.2f} s (inserted {sum(imported.report.inserted.values())})")
    print(f"raw sqlite3 executemany of the same rows: {raw_s:.2f} s; ratio {import_s / raw_s:.1f}x")


if __name__ == "__main__":
    main()
