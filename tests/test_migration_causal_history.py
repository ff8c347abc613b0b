"""Migration 0006 on a database written by the program before causal history (revision 0005):
existing events and amendments get `stamp = hlc` and no `follows`, and a hazard whose stored
order was the wall-clock sort (the record after a fix, because the recording laptop's clock ran
ahead) is renumbered and its mirrored status derived again."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import uuid
from datetime import date
from pathlib import Path

from alembic import command

from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.db.database import DB_NAME, alembic_config, head_revision, make_engine
from inspector.db.hlc import from_ms
from inspector.workspace import Workspace

P_CLOCK = from_ms(1_775_008_800_000)  # 2026-04-01 02:00 UTC, read on a laptop two hours ahead


def ids(n: int) -> list[str]:
    return [uuid.UUID(int=i + 1).hex for i in range(n)]


ENTERPRISE, TEMPLATE, INSPECTION, BUGGY, FINE, RECORD, FIX, RECORD2, NOTICE, AMENDMENT = ids(10)


def tracked(hlc: int, device: str = "p") -> dict[str, object]:
    stamp = "2026-04-01 02:00:00.000000"
    return {"created_at": stamp, "updated_at": stamp, "device_id": device, "hlc": hlc, "base_hlc": 0, "changed_seq": 1}


def insert(connection: sqlite3.Connection, table: str, **values: object) -> None:
    marks = ", ".join("?" * len(values))
    connection.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({marks})", list(values.values()))


def hazard(connection: sqlite3.Connection, hazard_id: str, status: str) -> None:
    insert(
        connection,
        "hazards",
        id=hazard_id,
        enterprise_id=ENTERPRISE,
        source="worker_report",
        found_on="2026-04-01",
        found_by="张三",
        location_type="workshop",
        location="",
        category="other",
        description="消防通道堵塞",
        legal_basis="",
        severity="general",
        major_clause="",
        measures="",
        responsible_person="",
        initial_deadline="2026-04-08",
        status=status,
        deadline="2026-04-08",
        **tracked(P_CLOCK),
    )


def event(
    connection: sqlite3.Connection,
    event_id: str,
    hazard_id: str,
    seq: int,
    step: tuple[str, str | None, str],
    at: str,
    **meta: object,
) -> None:
    action, from_status, to_status = step
    values = {"action": action, "from_status": from_status, "to_status": to_status, "by": "张三", "note": ""}
    at = f"2026-04-01 {at}"
    insert(connection, "hazard_events", id=event_id, hazard_id=hazard_id, seq=seq, at=at, **values, **meta)


RECORDED = ("record", None, "recorded")


def old_database(folder: Path) -> Path:
    folder.mkdir()
    path = folder / DB_NAME
    engine = make_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    engine.dispose()
    form = (Path(__file__).resolve().parent.parent / "forms" / "general-manufacturing.toml").read_text("utf-8")
    with sqlite3.connect(path) as connection:
        names = {"name": "平湖市旧版机械有限公司", "credit_code": "913304820000000017", "town": "当湖街道"}
        contact = {"address": "", "industry": "", "contact_person": "", "contact_phone": ""}
        insert(connection, "enterprises", id=ENTERPRISE, **names, **contact, **tracked(P_CLOCK))
        # P (clock two hours ahead) recorded it; Q fixed it after importing the record, at an
        # earlier wall-clock time: the old sort put the fix first and replayed to "recorded".
        hazard(connection, BUGGY, "recorded")
        event(connection, RECORD, BUGGY, 2, RECORDED, "04:00:00.000000", **tracked(P_CLOCK))
        fix = ("fix_on_site", "recorded", "fixed_on_site")
        event(connection, FIX, BUGGY, 1, fix, "02:01:00.000000", **tracked(P_CLOCK + 7, "q"))
        hazard(connection, FINE, "notice_issued")
        event(connection, RECORD2, FINE, 1, RECORDED, "02:00:00.000000", **tracked(P_CLOCK + 1))
        notice = ("issue_notice", "recorded", "notice_issued")
        event(connection, NOTICE, FINE, 2, notice, "03:00:00.000000", **tracked(P_CLOCK + 2))
        sha = hashlib.sha256(form.encode("utf-8")).hexdigest()
        version = int(re.search(r"^version = (\d+)", form, re.MULTILINE).group(1))  # type: ignore[union-attr]
        template = {"code": "general-manufacturing", "version": version, "title": "t", "source": form, "sha256": sha}
        insert(connection, "templates", id=TEMPLATE, **template, **tracked(P_CLOCK))
        inspection = {"inspection_date": "2026-03-30", "status": "finalized", "grade_summary": ""}
        of = {"enterprise_id": ENTERPRISE, "template_id": TEMPLATE}
        insert(connection, "inspections", id=INSPECTION, **of, **inspection, **tracked(P_CLOCK))
        change = {"item_code": "C-1", "field": "answer", "old_value": "fail", "new_value": "pass", "reason": "复核"}
        by = {"amended_by": "王建国", "amended_at": "2026-04-01 05:00:00.000000"}
        insert(connection, "amendments", id=AMENDMENT, inspection_id=INSPECTION, **change, **by, **tracked(P_CLOCK + 9))
    return folder


def rows(folder: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / DB_NAME) as connection:
        return connection.execute(query).fetchall()


def test_upgrade_links_existing_history_and_repairs_a_clock_sorted_hazard(tmp_path: Path) -> None:
    folder = old_database(tmp_path / "data")
    versions_before = rows(folder, "SELECT id, hlc FROM hazard_events ORDER BY id")
    workspace = Workspace(folder)  # migrates to the head, after a backup
    try:
        assert list((folder / "backups").glob(f"*before-{head_revision()}*.db"))  # the backup names the head
        assert rows(folder, "SELECT id, stamp, follows FROM hazard_events ORDER BY id") == [
            (event_id, hlc, None) for event_id, hlc in versions_before
        ]
        assert rows(folder, "SELECT stamp, follows FROM amendments") == [(P_CLOCK + 9, None)]
        assert rows(folder, "SELECT id, hlc FROM hazard_events ORDER BY id") == versions_before  # versions kept
        buggy = workspace.hazards.get(BUGGY)
        assert [e.id for e in buggy.events] == [RECORD, FIX]
        assert rows(folder, f"SELECT id FROM hazard_events WHERE hazard_id = '{BUGGY}' ORDER BY seq") == [
            (RECORD,),
            (FIX,),
        ]
        assert rows(folder, f"SELECT status, rectified_on FROM hazards WHERE id = '{BUGGY}'") == [
            ("fixed_on_site", "2026-04-01")
        ]
        assert workspace.stats(2026).rectification_rate == 50.0
        fine = workspace.hazards.get(FINE)
        assert (fine.status, [e.id for e in fine.events]) == (HazardStatus.NOTICE_ISSUED, [RECORD2, NOTICE])
        # the next step follows the last event, whatever the clocks of the old rows
        workspace.hazards.act(BUGGY, HazardAction.CLOSE, "李四")
        closed = workspace.hazards.get(BUGGY)
        assert closed.status is HazardStatus.CLOSED and closed.events[-1].follows == FIX
        assert closed.closed_on is not None and closed.closed_on >= date(2026, 4, 1)
    finally:
        workspace.close()
