"""Migration 0012 on a database written before inspection numbers and photo versions: existing
inspections get the number derived from their id (the same on every copy, versions kept), and
photos stay originals."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from inspector.core.inspection_number import number_from_id
from inspector.db.database import DB_NAME
from inspector.workspace import Workspace
from tests.test_migration_causal_history import INSPECTION, insert, old_database, rows, tracked


def test_upgrade_numbers_old_inspections_and_keeps_their_versions(tmp_path: Path) -> None:
    folder = old_database(tmp_path / "data")
    photo = uuid.UUID(int=99).hex
    with sqlite3.connect(folder / DB_NAME) as connection:
        values = {"sha256": "ab" * 32, "width": 800, "height": 600, "size_bytes": 1000, "original_name": "a.jpg"}
        insert(connection, "photos", id=photo, **values, **tracked(5))
    before = rows(folder, "SELECT id, hlc FROM inspections")
    workspace = Workspace(folder)
    try:
        expected = number_from_id(INSPECTION, 2026)
        assert expected == f"JC-2026-{INSPECTION[:6].upper()}-0001"
        assert rows(folder, "SELECT number FROM inspections") == [(expected,)]
        assert rows(folder, "SELECT id, hlc FROM inspections") == before  # a deterministic rewrite
        assert workspace.inspections.get(INSPECTION).number == expected
        assert rows(folder, "SELECT derived_from, markup FROM photos") == [(None, None)]
    finally:
        workspace.close()
