"""Migration 0013 on a database written at revision 0007 (the one before it): every synced table gains the local
`synced_hlc` column, existing rows keep their data with NULL there (the safe side: a push to the
central database treats them as local changes), and a pull afterwards marks what it brings."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from inspector.db.database import DB_NAME, alembic_config, make_engine
from inspector.db.models import Base
from inspector.sync.engine import SYNC_TABLES
from inspector.workspace import Workspace
from tests.sqlite_files import scalar
from tests.sync.simulation import Laptop


def test_upgrade_from_0007_adds_synced_hlc_and_keeps_rows(tmp_path: Path) -> None:
    source = Laptop.create(tmp_path, "source")
    source.add_enterprise(1)
    source.raise_hazard(0, 1)
    source.ws.close()
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(f"sqlite:///{folder / DB_NAME}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0007")
        connection.exec_driver_sql(f"ATTACH DATABASE '{tmp_path / 'source' / DB_NAME}' AS src")
        for name in SYNC_TABLES:  # the source's rows, as the program before 0013 stored them
            table = Base.metadata.tables[name]
            listed = ", ".join(c.name for c in table.c if c.name != "synced_hlc")
            connection.exec_driver_sql(f"INSERT INTO {name} ({listed}) SELECT {listed} FROM src.{name}")
    engine.dispose()
    shutil.copytree(tmp_path / "source" / "photos", folder / "photos")
    before = scalar(folder / DB_NAME, "SELECT count(*) FROM hazards")
    workspace = Workspace(folder)  # migrates to the head
    try:
        assert before == 1 and scalar(folder / DB_NAME, "SELECT count(*) FROM hazards") == 1
        columns = {name: {c["name"] for c in inspect(workspace.db.engine).get_columns(name)} for name in SYNC_TABLES}
        assert all("synced_hlc" in found for found in columns.values())
        assert scalar(folder / DB_NAME, "SELECT count(*) FROM hazards WHERE synced_hlc IS NULL") == 1
        central = f"sqlite:///{tmp_path / 'central.db'}"
        assert workspace.central.push(central).rows["hazards"] == 1  # NULL: sent as a local change
    finally:
        workspace.close()
    newcomer = Laptop.create(tmp_path, "new")
    try:
        newcomer.ws.central.pull(central)
        marked = "SELECT count(*) FROM hazards WHERE synced_hlc = hlc"
        assert scalar(tmp_path / "new" / DB_NAME, marked) == 1
        assert newcomer.ws.central.push(central).rows.get("hazards") is None  # pulled, not echoed
    finally:
        newcomer.ws.close()
