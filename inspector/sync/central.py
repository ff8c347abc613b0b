"""The city's central database: the laptops' own SQLAlchemy models and Alembic migrations, on
PostgreSQL (any SQLAlchemy URL works; tests also use SQLite files as a stand-in).

The central database is a peer like any laptop, except that it never edits: laptops push their
changes into it and pull everyone else's out of it, through the same merge engine as bundles
(see inspector/sync/postgres_transport.py). Two things exist only here:

- `photo_blobs(sha256, data)`: photo files travel as bytes inside the database, so a pull
  brings the pictures of the hazards it brings. Content-addressed, so a photo pushed by two
  laptops is stored once. It is not an Alembic table because laptops never have it: it is
  created here, idempotently, after the migrations.
- the central database's own `meta.device_id`, like any database: versions are never stamped
  with it (the central side only stores what laptops wrote).

Connection problems become `CentralError` with a Chinese sentence naming the server (never the
password).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Column, Connection, Engine, LargeBinary, MetaData, String, Table, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from inspector.core.errors import DomainError
from inspector.db.database import DatabaseError, make_engine, migrate

central_metadata = MetaData()
PHOTO_BLOBS = Table(
    "photo_blobs",
    central_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
CENTRAL_ONLY_TABLES = frozenset(central_metadata.tables)
SYNC_LOCK = 0x1A5EC7  # the advisory lock key every push and pull holds on PostgreSQL


class CentralError(DomainError):
    """The central database cannot be reached or used; the message says which and why."""


def display_url(url: str) -> str:
    """The URL as shown to people and stored in settings: never with its password."""
    return make_url(url).render_as_string(hide_password=True).replace(":***@", "@")


def describe_connect_error(url: str, error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip().splitlines()[0] if str(error).strip() else ""
    where = display_url(url)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return f"无法登录中心数据库 {where}：用户名或密码错误"
    if "does not exist" in lowered and "database" in lowered:
        return f"中心数据库 {where} 不存在：{text}"
    return f"无法连接中心数据库 {where}：{text}"


def open_central(url: str) -> Engine:
    """Connect to the central database, bring it to the newest schema and make its photo table.

    Safe to call at every push or pull: an up-to-date database is left as it is. Alembic's
    upgrade on PostgreSQL runs in one transaction (PostgreSQL has transactional DDL), so a
    failed upgrade leaves the old schema.
    """
    engine = make_engine_for_postgres(url) if make_url(url).get_backend_name() == "postgresql" else make_engine(url)
    try:
        migrate(engine)
        with engine.begin() as connection:
            central_metadata.create_all(connection, checkfirst=True)
    except (OperationalError, DBAPIError) as error:
        engine.dispose()
        raise CentralError(describe_connect_error(url, error)) from None
    except DatabaseError as error:
        engine.dispose()
        raise CentralError(f"中心数据库 {display_url(url)}：{error}") from None
    return engine


def make_engine_for_postgres(url: str) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    # A push or pull is the only user of its connection: no pool to keep warm.
    # connect_timeout: an unreachable server fails in seconds, not after the OS's TCP timeout.
    # Bulk inserts stay psycopg 3's pipelined executemany: SQLAlchemy's multi-row VALUES
    # ("insertmanyvalues") measured slower here, psycopg parsing the huge statements in Python.
    return create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})


@contextmanager
def central_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction on the central database; connection errors become CentralError."""
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Laptops syncing at the same moment take turns: two merges of the same new row
                # would otherwise collide on its key. Released at commit or rollback.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SYNC_LOCK})")
            yield connection
    except OperationalError as error:
        raise CentralError(describe_connect_error(str(engine.url), error)) from None


def known_blobs(connection: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of these photo hashes the central database already holds."""
    wanted = sorted(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 5000):
        chunk = wanted[start : start + 5000]
        found.update(connection.scalars(select(PHOTO_BLOBS.c.sha256).where(PHOTO_BLOBS.c.sha256.in_(chunk))))
    return found


def store_blobs(connection: Connection, blobs: Iterable[tuple[str, bytes]]) -> int:
    """Insert photo bytes not yet stored (a concurrent push of the same photo is not an error)."""
    rows = [{"sha256": sha, "data": data} for sha, data in blobs]
    if not rows:
        return 0
    if connection.dialect.name == "postgresql":
        # Imported here: the PostgreSQL dialect costs ≈45 ms of every laptop's start.
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(PHOTO_BLOBS).on_conflict_do_nothing(index_elements=["sha256"])
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(PHOTO_BLOBS).on_conflict_do_nothing(index_elements=["sha256"])
    connection.execute(statement, rows)
    return len(rows)


def load_blobs(connection: Connection, hashes: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """The bytes of these photos, as far as the central database has them."""
    wanted = sorted(set(hashes))
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        for sha, data in connection.execute(
            select(PHOTO_BLOBS.c.sha256, PHOTO_BLOBS.c.data).where(PHOTO_BLOBS.c.sha256.in_(chunk))
        ):
            yield sha, bytes(data)
