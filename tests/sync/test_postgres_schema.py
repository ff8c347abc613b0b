"""The laptops' models and Alembic migrations on a real PostgreSQL server: the migrations run
from nothing to head, agree with the models, and the central database opens idempotently."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from inspector.db.database import current_revision, head_revision
from inspector.db.models import Base
from inspector.sync.central import CENTRAL_ONLY_TABLES, CentralError, load_blobs, open_central, store_blobs

from . import pg_fixtures

pg_url = pg_fixtures.pg_url  # the fixture, made visible to pytest in this module


def test_migrations_reach_head_on_postgres(pg_url: str) -> None:
    engine = open_central(pg_url)
    try:
        assert engine.dialect.name == "postgresql"
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert tables >= CENTRAL_ONLY_TABLES
    finally:
        engine.dispose()


def test_models_and_migrations_agree_on_postgres(pg_url: str) -> None:
    engine = open_central(pg_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
        # photo_blobs is central-only by design (inspector/sync/central.py), not an Alembic table.
        differences = [d for d in differences if not (d[0] == "remove_table" and d[1].name in CENTRAL_ONLY_TABLES)]
        assert differences == []
    finally:
        engine.dispose()


def test_opening_twice_changes_nothing_and_blobs_are_stored_once(pg_url: str) -> None:
    open_central(pg_url).dispose()
    engine = open_central(pg_url)
    try:
        with engine.begin() as connection:
            store_blobs(connection, [("a" * 64, b"one")])
            store_blobs(connection, [("a" * 64, b"one"), ("b" * 64, b"two")])
        with engine.connect() as connection:
            assert dict(load_blobs(connection, ["a" * 64, "b" * 64, "c" * 64])) == {"a" * 64: b"one", "b" * 64: b"two"}
    finally:
        engine.dispose()


def test_unreachable_server_is_a_clear_error(pg_url: str) -> None:
    wrong = pg_url.rsplit("/", 1)[0] + "/no_such_database_here"
    with pytest.raises(CentralError, match="中心数据库"):
        open_central(wrong)
