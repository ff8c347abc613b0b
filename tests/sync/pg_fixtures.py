"""PostgreSQL for the sync tests: a fresh, empty database per test on the server named by
INSPECTOR_TEST_PG_URL (scripts/start-postgres.sh starts one and sets it; .ci/run does).

Without the variable the tests are skipped with the reason shown (-ra); with CI=true a missing
or unreachable server fails them instead, so CI can never pass by skipping. Import the fixture
in a test module: `from tests.sync.pg_fixtures import pg_url  # noqa: F401`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

PG_URL_ENV = "INSPECTOR_TEST_PG_URL"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but PostgreSQL is unavailable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (run them with scripts/start-postgres.sh pytest ...)")


def pg_server_url() -> str:
    """The server's URL, or skip (fail under CI=true) when there is none."""
    base = os.environ.get(PG_URL_ENV, "")
    if not base:
        _unavailable(f"{PG_URL_ENV} is not set")
    return base


@contextmanager
def fresh_database(base: str) -> Iterator[str]:
    """A new empty database on the server of `base`, dropped on leaving the block."""
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"inspector_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    except OperationalError as error:
        admin.dispose()
        _unavailable(f"cannot reach {make_url(base).render_as_string(hide_password=True)}: {error.orig}")
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new empty database, dropped after the test."""
    with fresh_database(pg_server_url()) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A central database URL: a SQLite file (always; the push/pull logic does not depend on the
    server) and a fresh PostgreSQL database (skipped, or failed under CI, without a server)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('central') / 'central.db'}"
    return str(request.getfixturevalue("pg_url"))
