"""Migration 0009 on a database written at revision 0006 (before the major-hazard track): a
hazard stored as "major" becomes a suspected one with its history intact, one fixed on the spot
becomes general (by definition), and the next step follows the old events."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from inspector.core.checklist import Severity
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.major_hazard import MajorStanding
from inspector.workspace import Workspace
from tests.test_migration_causal_history import ENTERPRISE, P_CLOCK, database_at, event, ids, insert, rows, tracked

OPEN_MAJOR, FIXED_MAJOR, GENERAL, REC1, REC2, FIX2, REC3 = (i for i in ids(20)[10:17])
CITATION = "《工贸企业重大事故隐患判定标准》第十一条第三项"


def hazard(connection: sqlite3.Connection, hazard_id: str, severity: str, status: str, clause: str = "") -> None:
    values = {"source": "worker_report", "found_on": "2026-04-01", "found_by": "张三", "location_type": "workshop"}
    text = {"location": "", "category": "other", "description": "干式除尘器未泄爆", "legal_basis": ""}
    more = {"measures": "", "responsible_person": "", "initial_deadline": "2026-04-30", "deadline": "2026-04-30"}
    insert(connection, "hazards", id=hazard_id, enterprise_id=ENTERPRISE, severity=severity, major_clause=clause,
           status=status, **values, **text, **more, **tracked(P_CLOCK))  # fmt: skip


def database_at_0006(folder: Path) -> Path:
    path = database_at(folder, "0006")
    with sqlite3.connect(path) as connection:
        names = {"name": "平湖市旧版木业有限公司", "credit_code": "913304820000000017", "town": "当湖街道"}
        contact = {"address": "", "industry": "", "contact_person": "", "contact_phone": ""}
        insert(connection, "enterprises", id=ENTERPRISE, **names, **contact, **tracked(P_CLOCK))
        recorded = ("record", None, "recorded")
        hazard(connection, OPEN_MAJOR, "major", "recorded", CITATION)
        event(connection, REC1, OPEN_MAJOR, 1, recorded, "02:00:00.000000", stamp=P_CLOCK, **tracked(P_CLOCK))
        hazard(connection, FIXED_MAJOR, "major", "fixed_on_site", CITATION)
        event(connection, REC2, FIXED_MAJOR, 1, recorded, "02:00:00.000000", stamp=P_CLOCK + 1, **tracked(P_CLOCK + 1))
        fix = ("fix_on_site", "recorded", "fixed_on_site")
        event(connection, FIX2, FIXED_MAJOR, 2, fix, "02:10:00.000000", stamp=P_CLOCK + 2, **tracked(P_CLOCK + 2))
        hazard(connection, GENERAL, "general", "recorded")
        event(connection, REC3, GENERAL, 1, recorded, "02:00:00.000000", stamp=P_CLOCK + 3, **tracked(P_CLOCK + 3))
    return folder


def test_old_major_hazards_become_suspected_with_their_history(tmp_path: Path) -> None:
    folder = database_at_0006(tmp_path / "data")
    versions_before = rows(folder, "SELECT id, hlc, seq, action FROM hazard_events ORDER BY id")
    workspace = Workspace(folder)  # migrates to the head, after a backup
    try:
        assert rows(folder, "SELECT id, hlc, seq, action FROM hazard_events ORDER BY id") == versions_before
        assert rows(folder, "SELECT id, severity, major_status FROM hazards ORDER BY id") == [
            (OPEN_MAJOR, "major", "suspected"),
            (FIXED_MAJOR, "general", "none"),  # fixed on the spot: general by definition
            (GENERAL, "general", "none"),
        ]
        details = dict(rows(folder, "SELECT id, detail FROM hazard_events"))
        assert json.loads(details[REC1]) == {"major": "suspected", "citation": CITATION}
        assert json.loads(details[FIX2]) == {} and json.loads(details[REC3]) == {}

        view = workspace.hazards.get(OPEN_MAJOR)
        assert (view.severity, view.major.standing, view.major.citation) == (
            Severity.MAJOR, MajorStanding.SUSPECTED, CITATION)  # fmt: skip
        assert [e.id for e in view.events] == [REC1]
        # Not confirmed: the light is yellow, not red, and the round's D needs a confirmation.
        workspace.hazards.act(OPEN_MAJOR, HazardAction.REFER_MAJOR, "李四", detail={"authority": "平湖市应急管理局"})
        workspace.hazards.act(OPEN_MAJOR, HazardAction.CONFIRM_MAJOR, "王五", detail={"authority": "平湖市应急管理局"})
        confirmed = workspace.hazards.get(OPEN_MAJOR)
        assert confirmed.major.standing is MajorStanding.CONFIRMED
        assert confirmed.events[1].follows == REC1 and confirmed.status is HazardStatus.RECORDED
        assert rows(folder, f"SELECT major_status FROM hazards WHERE id = '{OPEN_MAJOR}'") == [("confirmed",)]
        assert workspace.hazards.get(FIXED_MAJOR).major.standing is MajorStanding.NONE
    finally:
        workspace.close()
