"""What a commit changed is announced after the commit, never after a rollback (inspector/db/changes.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.db.changes import Changes, written_table
from inspector.db.models import InspectorRow
from inspector.workspace import Workspace


@pytest.mark.parametrize(
    ("statement", "table"),
    [
        ("INSERT INTO hazards (id) VALUES (?)", "hazards"),
        ('UPDATE "plaques" SET current=0', "plaques"),
        ("  delete from hazard_events where id = ?", "hazard_events"),
        ("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", "meta"),
        ("SELECT * FROM hazards", None),
        ("PRAGMA data_version", None),
    ],
)
def test_the_written_table_is_read_from_the_statement(statement: str, table: str | None) -> None:
    assert written_table(statement) == table


def test_a_commit_announces_its_tables_and_row_ids(workspace: Workspace) -> None:
    seen: list[Changes] = []
    workspace.db.subscribe(seen.append)
    inspector_id = workspace.roster.add("王建国")
    assert len(seen) == 1
    assert seen[0].tables == {"inspectors"}
    assert seen[0].ids_of("inspectors") == {inspector_id}
    assert seen[0].touches_row("inspectors", inspector_id)
    assert not seen[0].touches_row("inspectors", "0" * 32)
    assert not seen[0].touches("hazards")


def test_a_bulk_statement_leaves_its_ids_unknown(workspace: Workspace) -> None:
    seen: list[Changes] = []
    workspace.db.subscribe(seen.append)
    with workspace.db.transaction() as session:
        device = workspace.db.device_id
        session.execute(
            insert(InspectorRow), [{"name": "李明", "device_id": device}, {"name": "张伟", "device_id": device}]
        )
    assert seen[-1].touches("inspectors")
    assert seen[-1].touches_row("inspectors", "any id")  # unknown ids: every row may have changed


def test_a_rollback_announces_nothing(workspace: Workspace) -> None:
    seen: list[Changes] = []
    workspace.db.subscribe(seen.append)
    code = with_check_digit("91330482MA2D00001")
    workspace.enterprises.add(Enterprise("平湖市甲公司", code, "当湖街道"))
    before = len(seen)
    with pytest.raises(DomainError):
        workspace.enterprises.add(Enterprise("平湖市乙公司", code, "当湖街道"))  # the same code: refused
    with pytest.raises(RuntimeError), workspace.db.transaction() as session:
        session.add(InspectorRow(name="不会保存"))
        session.flush()
        raise RuntimeError("stop")
    assert len(seen) == before


def test_a_failing_subscriber_does_not_undo_the_commit(workspace: Workspace) -> None:
    def broken(_changes: Changes) -> None:
        raise ValueError("a screen's bug")

    workspace.db.subscribe(broken)
    inspector_id = workspace.roster.add("王建国")
    assert inspector_id in {row.id for row in workspace.roster.active()}


def test_another_programs_commit_is_noticed(workspace: Workspace, data_dir: Path) -> None:
    assert not workspace.external_changes()  # the first look sets the baseline
    workspace.roster.add("王建国")
    assert not workspace.external_changes()  # our own commit is not another program's
    other = sqlite3.connect(data_dir / "inspector.db")
    other.execute("UPDATE inspectors SET name = '王建军'")
    other.commit()
    other.close()
    assert workspace.external_changes()
    assert not workspace.external_changes()


def test_a_closed_workspace_watches_nothing(data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    workspace.external_changes()
    workspace.close()
    other = sqlite3.connect(data_dir / "inspector.db")
    other.execute("CREATE TABLE scratch (x)")
    other.commit()
    other.close()
    assert not workspace.is_open
    assert not workspace.external_changes()  # no reopened connection, no phantom reload
