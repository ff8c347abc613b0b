"""The database file: creation at the Alembic head, pragmas, device id, migrations with a backup
first, refusal of unknown or broken files, and all-or-nothing transactions. Real SQLite files."""

from __future__ import annotations

import random
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.db.database import (
    BACKUP_DIR,
    DB_NAME,
    MIGRATIONS,
    Database,
    DatabaseError,
    current_revision,
    head_revision,
)
from inspector.db.models import Base, EnterpriseRow, utcnow
from inspector.services.enterprises import EnterpriseService
from inspector.workspace import Workspace
from tests.sqlite_files import dump, migrate_file, sql


def valid_code(seed: int = 1) -> str:
    """A valid 统一社会信用代码 (check digit computed)."""
    return with_check_digit(f"9133048200000{seed:04d}")


@pytest.fixture
def db(data_dir: Path):
    database = Database.open_folder(data_dir)
    yield database
    database.close()


# -- creation ------------------------------------------------------------------------------------
def test_new_folder_gets_database_at_alembic_head(db: Database, data_dir: Path) -> None:
    assert (data_dir / DB_NAME).is_file()
    assert current_revision(db.engine) == head_revision()
    assert sql(data_dir / DB_NAME, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_new_database_uses_wal_and_enforces_foreign_keys(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_new_database_needs_no_backup(db: Database, data_dir: Path) -> None:
    assert not (data_dir / BACKUP_DIR).exists()


def test_device_id_is_stable_across_reopenings(data_dir: Path) -> None:
    first = Database.open_folder(data_dir)
    device = first.device_id
    first.close()
    second = Database.open_folder(data_dir)
    try:
        assert second.device_id == device
        assert len(device) == 32
    finally:
        second.close()


def test_each_new_database_gets_its_own_device_id(tmp_path: Path) -> None:
    one, two = Database.open_folder(tmp_path / "one"), Database.open_folder(tmp_path / "two")
    try:
        assert one.device_id != two.device_id
    finally:
        one.close()
        two.close()


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


# -- upgrading with a backup first ---------------------------------------------------------------
# The test revision goes on top of whatever the shipped head is (0001 when this was written), so
# the test keeps working as real migrations are added.
NEXT_REVISION = """\
\"\"\"test only: {doc}

Revision ID: 0099
Revises: {down}
\"\"\"

import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
"""

ADD_REMARK = """\
    with op.batch_alter_table("enterprises", schema=None) as batch_op:
        batch_op.add_column(sa.Column("remark", sa.String(length=200), nullable=True))"""


def migrations_with(tmp_path: Path, body: str, doc: str) -> Path:
    """A copy of the shipped migrations folder with one more revision, 0099, on top."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    source = NEXT_REVISION.format(doc=doc, down=head_revision(), body=body)
    (folder / "versions" / "0099_test_revision.py").write_text(source, encoding="utf-8")
    return folder


@pytest.fixture
def next_migrations(tmp_path: Path) -> Path:
    return migrations_with(tmp_path, ADD_REMARK, "add enterprises.remark")


@pytest.fixture
def old_database(data_dir: Path) -> Path:
    """A database at the shipped head holding one enterprise; closed."""
    database = Database.open_folder(data_dir)
    try:
        assert current_revision(database.engine) == head_revision()
        EnterpriseService(database).add(Enterprise("平湖市旧版机械有限公司", valid_code(1), "当湖街道"))
    finally:
        database.close()
    return data_dir / DB_NAME


def test_copied_migrations_have_the_new_head(next_migrations: Path) -> None:
    assert head_revision(next_migrations) == "0099"


def test_upgrade_backs_up_the_old_database_first(old_database: Path, next_migrations: Path) -> None:
    backup = migrate_file(old_database, next_migrations)
    assert backup is not None
    assert backup.parent == old_database.parent / BACKUP_DIR
    assert backup.is_file()
    assert sql(backup, "SELECT name FROM enterprises") == [("平湖市旧版机械有限公司",)]
    assert sql(backup, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    columns = [row[1] for row in sql(backup, "PRAGMA table_info(enterprises)")]
    assert "remark" not in columns


def test_upgrade_keeps_the_data_and_adds_the_column(old_database: Path, next_migrations: Path) -> None:
    migrate_file(old_database, next_migrations)
    assert sql(old_database, "SELECT name, remark FROM enterprises") == [("平湖市旧版机械有限公司", None)]
    assert sql(old_database, "SELECT version_num FROM alembic_version") == [("0099",)]


def test_migrate_at_head_does_nothing_and_makes_no_backup(old_database: Path) -> None:
    assert migrate_file(old_database) is None
    assert not (old_database.parent / BACKUP_DIR).exists()


FAILING_HALF_WAY = """\
    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
    raise RuntimeError("migration fails half way")"""


def test_failed_migration_leaves_the_database_as_it_was(old_database: Path, tmp_path: Path) -> None:
    folder = migrations_with(tmp_path, FAILING_HALF_WAY, "fails after creating a table")
    before = dump(old_database)
    with pytest.raises(DatabaseError, match="half way"):
        migrate_file(old_database, folder)
    assert sql(old_database, "SELECT name FROM sqlite_master WHERE name = 'scratch'") == []
    assert dump(old_database) == before


WIDEN_NAME = """\
    with op.batch_alter_table("enterprises", recreate="always") as batch_op:
        batch_op.alter_column(
            "name", existing_type=sa.String(length=100), type_=sa.String(length=200), existing_nullable=False
        )"""


def test_migration_that_rebuilds_a_referenced_table_keeps_the_data(data_dir: Path, tmp_path: Path) -> None:
    workspace = Workspace(data_dir)
    try:
        enterprise = workspace.enterprises.add(Enterprise("平湖市改表机械有限公司", valid_code(5), "当湖街道"))
        inspectors = [workspace.roster.add("张检查"), workspace.roster.add("李检查")]
        workspace.inspections.start(enterprise, workspace.default_template_id(), date(2026, 3, 2), inspectors)
    finally:
        workspace.close()
    db_path = data_dir / DB_NAME
    folder = migrations_with(tmp_path, WIDEN_NAME, "widen enterprises.name (rebuilds the table)")
    migrate_file(db_path, folder)
    assert sql(db_path, "SELECT version_num FROM alembic_version") == [("0099",)]
    assert sql(db_path, "SELECT name FROM enterprises") == [("平湖市改表机械有限公司",)]
    assert sql(db_path, "SELECT count(*) FROM inspections") == [(1,)]
    assert sql(db_path, "PRAGMA foreign_key_check") == []


def test_unknown_revision_is_refused_and_database_left_alone(old_database: Path) -> None:
    sql(old_database, "UPDATE alembic_version SET version_num = '9999'")
    before = dump(old_database)
    with pytest.raises(DatabaseError, match="9999"):
        Database.open_folder(old_database.parent)
    assert dump(old_database) == before
    assert not (old_database.parent / BACKUP_DIR).exists()


def test_unknown_revision_is_refused_by_migrate_itself(old_database: Path, next_migrations: Path) -> None:
    sql(old_database, "UPDATE alembic_version SET version_num = 'abcdef'")
    with pytest.raises(DatabaseError, match="abcdef"):
        migrate_file(old_database, next_migrations)
    assert sql(old_database, "SELECT version_num FROM alembic_version") == [("abcdef",)]


def test_file_that_is_not_a_database_gives_a_clear_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    junk = bytes(random.Random(7).randrange(256) for _ in range(8192))
    (data_dir / DB_NAME).write_bytes(junk)
    with pytest.raises(DatabaseError) as caught:
        Database.open_folder(data_dir)
    message = str(caught.value)
    assert str(data_dir / DB_NAME) in message
    assert "已损坏或不是 Inspector 数据库" in message
    assert (data_dir / DB_NAME).read_bytes() == junk


def test_text_file_named_like_the_database_gives_a_clear_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_text("这不是数据库，只是一段文字。\n" * 50, encoding="utf-8")
    with pytest.raises(DatabaseError, match="已损坏或不是 Inspector 数据库"):
        Database.open_folder(data_dir)


def test_data_folder_that_cannot_be_created_gives_database_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="无法创建数据文件夹"):
        Database.open_folder(blocker / "data")


# -- transactions --------------------------------------------------------------------------------
def count_enterprises(database: Database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(EnterpriseRow)) or 0


def test_transaction_that_raises_leaves_nothing_written(db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"), db.transaction() as session:
        session.add(EnterpriseRow(name="半途而废有限公司", credit_code=valid_code(2), town="当湖街道"))
        session.flush()  # the row reached the database inside the transaction…
        assert session.scalar(select(func.count()).select_from(EnterpriseRow)) == 1
        raise RuntimeError("boom")
    assert count_enterprises(db) == 0  # …and was rolled back


def test_transaction_commits_on_leaving_the_block(db: Database, data_dir: Path) -> None:
    with db.transaction() as session:
        session.add(EnterpriseRow(name="顺利提交有限公司", credit_code=valid_code(3), town="当湖街道"))
    assert sql(data_dir / DB_NAME, "SELECT name FROM enterprises") == [("顺利提交有限公司",)]


def test_rows_written_in_a_transaction_carry_device_and_timestamps(db: Database) -> None:
    before = utcnow()
    with db.transaction() as session:
        row = EnterpriseRow(name="盖章有限公司", credit_code=valid_code(4), town="当湖街道")
        session.add(row)
        session.flush()
        row_id = row.id
    with db.reading() as session:
        stored = session.get(EnterpriseRow, row_id)
        assert stored is not None
        assert stored.device_id == db.device_id
        assert stored.created_at >= before and stored.updated_at >= before
    assert isinstance(row_id, uuid.UUID)
