"""Migration 0010 on a database written at revision 0006: enterprises keep everything and their
versions, get no risk tags and unknown headcount and 规上, and training can be recorded at once."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from inspector.core.training import Training, TrainingKind
from inspector.db.database import DB_NAME, head_revision
from inspector.workspace import Workspace
from tests.sqlite_files import database_at, sql

ENTERPRISE = uuid.UUID(int=7).hex
STAMP = "2026-04-01 02:00:00.000000"
HLC = 1_775_008_800_000 << 16


def old_database(folder: Path) -> Path:
    folder.mkdir()
    path = folder / DB_NAME
    database_at(path, "0006")
    sql(
        path,
        "INSERT INTO enterprises (id, name, credit_code, town, address, industry, size, contact_person,"
        " contact_phone, created_at, updated_at, device_id, hlc, base_hlc, changed_seq)"
        " VALUES (?, '平湖市旧版机械有限公司', '913304820000000017', '当湖街道', '工业路 1 号', '机械', 'small',"
        " '张三', '13800138000', ?, ?, 'p', ?, 0, 5)",
        ENTERPRISE,
        STAMP,
        STAMP,
        HLC,
    )
    return folder


def test_upgrade_keeps_the_register_and_adds_tags_and_training(tmp_path: Path) -> None:
    folder = old_database(tmp_path / "data")
    workspace = Workspace(folder)  # migrates to the head, after a backup
    try:
        assert list((folder / "backups").glob(f"*before-{head_revision()}*.db"))  # the backup names the head
        assert sql(folder / DB_NAME, "SELECT risk_tags, headcount, above_scale, hlc, changed_seq FROM enterprises") == [
            ("[]", None, None, HLC, 5)  # no new version: every copy derives the same
        ]
        enterprise = workspace.enterprises.get(ENTERPRISE)
        assert (enterprise.name, enterprise.address, enterprise.risk_tags, enterprise.headcount) == (
            "平湖市旧版机械有限公司",
            "工业路 1 号",
            (),
            None,
        )
        held = date(2026, 2, 20)
        workspace.trainings.record(Training(ENTERPRISE, TrainingKind.FIRST_LESSON, held, "第一课", 40))
        assert workspace.stats(2026).training["first_lesson"].workers == 40
    finally:
        workspace.close()
