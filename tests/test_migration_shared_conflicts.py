"""Migration 0007 on a database written at revision 0006: enterprises keep their data with no
field versions (every field as of the row), and the local conflicts become synced records with
content ids, the same conflict recorded twice becoming one (the resolved record kept)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

from inspector.core.conflict_identity import conflict_id
from inspector.core.enterprise import Enterprise
from inspector.db.database import DB_NAME
from inspector.workspace import Workspace
from tests.test_migration_causal_history import P_CLOCK, database_at, insert, tracked

ENTERPRISE = uuid.UUID(int=7).hex


def old_database(folder: Path) -> Path:
    path = database_at(folder, "0006")
    with sqlite3.connect(path) as connection:
        names = {"name": "平湖市旧版机械有限公司", "credit_code": "91330482000000001L", "town": "当湖街道"}
        contact = {"address": "新华路1号", "industry": "", "contact_person": "", "contact_phone": "0573-85110001"}
        insert(connection, "enterprises", id=ENTERPRISE, **names, **contact, **tracked(P_CLOCK))
        for n, resolved in ((1, None), (2, "2026-04-02 08:00:00.000000")):  # the same conflict, twice
            insert(
                connection,
                "sync_conflicts",
                id=uuid.UUID(int=100 + n).hex,
                table_name="enterprises",
                row_id=ENTERPRISE,
                kept_hlc=P_CLOCK,
                kept_device="p",
                lost_hlc=P_CLOCK - 5,
                lost_device="q",
                lost_version=json.dumps({"address": "旧地址"}),
                detected_at="2026-04-01 03:00:00.000000",
                resolved_at=resolved,
                resolved_by="王五" if resolved else "",
                resolution="kept" if resolved else "",
            )
    return folder


def test_upgrade_keeps_enterprises_and_shares_conflicts(tmp_path: Path) -> None:
    folder = old_database(tmp_path / "data")
    workspace = Workspace(folder)
    try:
        [conflict] = workspace.conflicts.all_conflicts()
        expected = conflict_id("enterprises", uuid.UUID(ENTERPRISE), "", P_CLOCK - 5, "q")
        assert conflict.id == expected.hex and conflict.resolved_by == "王五" and not conflict.is_open
        assert conflict.record == "平湖市旧版机械有限公司"
        e = workspace.enterprises.get(ENTERPRISE)
        assert (e.address, e.contact_phone) == ("新华路1号", "0573-85110001")
        workspace.enterprises.update(Enterprise(**{**e.__dict__, "contact_phone": "0573-85220002"}))
        with sqlite3.connect(folder / DB_NAME) as connection:
            (stored,) = connection.execute("SELECT field_versions FROM enterprises").fetchone()
            changed_seq = connection.execute("SELECT changed_seq FROM sync_conflicts").fetchone()[0]
        versions = json.loads(stored)
        assert versions["address"][0] == P_CLOCK and versions["contact_phone"][0] > P_CLOCK
        assert changed_seq > P_CLOCK  # it travels at the next sync
    finally:
        workspace.close()
