"""The city's central database: the laptops' own SQLAlchemy models and Alembic migrations, on
PostgreSQL (any SQLAlchemy URL works; tests also use SQLite files as a stand-in).

The central database is a peer like any laptop, except that it never edits: laptops push their
changes into it and pull everyone else's out of it, through the same merge engine as bundles
(inspector/sync/central_sync.py). It stores what laptops send: it never recomputes lights and
never stamps a version with an id of its own. What exists only here:

- `photo_blobs(sha256, data)`: photo files travel as bytes inside the database, so a pull
  brings the pictures of the hazards it brings. Content-addressed, so a photo pushed by two
  laptops is stored once. Not an Alembic table (laptops never have it): created by the schema
  step after the migrations.
- `meta.server_id`: the server's identity, made once. Laptops key their push/pull marks by it,
  not by the URL text, so a new role name, host alias or port forward is the same server.

**Schema.** `open_central` never upgrades an existing schema: that is the administrator's step
`inspector central upgrade` (`upgrade_central`), taken under an advisory lock. An ordinary sync
against an older or newer schema ends in one sentence saying which step is needed. Only an
empty database is initialised by the first sync (under the same lock, so laptops pushing to it
at the same moment wait for one another instead of racing on `CREATE TABLE`).

**Timeouts** (PostgreSQL): every connection sets `lock_timeout`, `statement_timeout` and
`idle_in_transaction_session_timeout` (`Timeouts`), so a stalled laptop can hold nothing for
long: its session is ended by the server and its transaction rolled back.

Connection problems become `CentralError` with a Chinese sentence naming the server (never the
password, never a statement's parameters).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Engine, LargeBinary, MetaData, String, Table, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from inspector.core.errors import DomainError
from inspector.db.database import DatabaseError, head_revision, make_engine, migrate
from inspector.db.models import Base, Meta

central_metadata = MetaData()
PHOTO_BLOBS = Table(
    "photo_blobs",
    central_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
CENTRAL_ONLY_TABLES = frozenset(central_metadata.tables)
SYNC_LOCK = 0x1A5EC7  # the advisory lock a push holds for its short apply on PostgreSQL
SCHEMA_LOCK = 0x1A5EC8  # the advisory lock of a schema step (initialising, upgrading)
SERVER_ID = "server_id"
UPGRADE_HINT = "请管理员先升级中心数据库的结构"


class CentralError(DomainError):
    """The central database cannot be reached or used; the message says which and why."""


class CentralBusy(CentralError):
    """A lock was not had within the lock timeout: another laptop is applying; retry later."""


@dataclass(frozen=True)
class Timeouts:
    """Server-side limits of every central connection, in seconds (PostgreSQL only).

    lock: waiting for the push lock or a row lock; statement: any one statement;
    idle: a transaction left open without a statement (a stalled or suspended laptop)."""

    lock: float = 15
    statement: float = 300
    idle: float = 60
    connect: int = 10

    def options(self) -> str:
        return (
            f"-c lock_timeout={int(self.lock * 1000)} -c statement_timeout={int(self.statement * 1000)} "
            f"-c idle_in_transaction_session_timeout={int(self.idle * 1000)}"
        )


DEFAULT_TIMEOUTS = Timeouts()


def display_url(url: str) -> str:
    """The URL as shown to people and stored in settings: never with its password."""
    return make_url(url).render_as_string(hide_password=True).replace(":***@", "@")


def _first_line(error: Exception) -> str:
    """The server's own message, first line only: never SQLAlchemy's text, which names the
    statement and its parameters (photo bytes, passwords in a URL)."""
    origin = getattr(error, "orig", None) or error
    text_ = str(origin).strip()
    return text_.splitlines()[0] if text_ else type(origin).__name__


def _sqlstate(error: Exception) -> str:
    origin = getattr(error, "orig", None)
    return str(getattr(origin, "sqlstate", "") or getattr(origin, "pgcode", "") or "")


def describe_connect_error(url: str, error: Exception) -> str:
    text_ = _first_line(error)
    where = display_url(url)
    lowered = text_.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return f"无法登录中心数据库 {where}：用户名或密码错误"
    if "does not exist" in lowered and "database" in lowered:
        return f"中心数据库 {where} 不存在：{text_}"
    return f"无法连接中心数据库 {where}：{text_}"


def describe_error(url: str, error: Exception) -> CentralError:
    """One sentence for an error met while using the central database (SQLSTATE decides)."""
    where = display_url(url)
    state = _sqlstate(error)
    if state == "55P03":  # lock_not_available: lock_timeout
        return CentralBusy(f"中心数据库 {where} 正忙（其他电脑正在同步），请稍后再试")
    if state == "57014":  # query_canceled: statement_timeout
        return CentralError(f"中心数据库 {where} 执行超时，本次同步已撤销，请稍后再试")
    if state == "42501":  # insufficient_privilege
        user = make_url(url).username or ""
        return CentralError(
            f"中心数据库用户 {user} 没有所需的权限（{_first_line(error)}），本次同步已撤销：请管理员授权"
        )
    if state in ("25P03", "57P01", "08006", "08003") or isinstance(error, OperationalError):
        return CentralError(f"与中心数据库 {where} 的连接中断，本次同步已撤销：{_first_line(error)}")
    return CentralError(f"中心数据库 {where} 拒绝了本次同步，已全部撤销：{_first_line(error)}")


def connect(url: str, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> Engine:
    """An engine for the central database (nothing is read or created yet)."""
    if make_url(url).get_backend_name() != "postgresql":
        return make_engine(url)
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    # A push or pull is the only user of its connection: no pool to keep warm.
    # connect_timeout: an unreachable server fails in seconds, not after the OS's TCP timeout.
    # hide_parameters: an error's text never carries photo bytes or other values.
    # Bulk inserts stay psycopg 3's pipelined executemany: SQLAlchemy's multi-row VALUES
    # ("insertmanyvalues") measured slower here, psycopg parsing the huge statements in Python.
    return create_engine(
        url,
        poolclass=NullPool,
        hide_parameters=True,
        connect_args={
            "connect_timeout": timeouts.connect,
            "options": timeouts.options(),
            "application_name": "inspector",
        },
    )


@contextmanager
def _schema_lock(connection: Connection) -> Iterator[None]:
    """Schema steps take turns (session-level advisory lock, released on leaving)."""
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.exec_driver_sql("SET lock_timeout = 0")  # a schema step waits for the other one
    connection.exec_driver_sql(f"SELECT pg_advisory_lock({SCHEMA_LOCK})")
    connection.commit()
    try:
        yield
    finally:
        connection.exec_driver_sql(f"SELECT pg_advisory_unlock({SCHEMA_LOCK})")
        connection.commit()


def stored_revision(connection: Connection) -> str | None:
    """The central database's schema revision, or None if it has no schema yet."""
    if not connection.dialect.has_table(connection, "alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _finish_schema(engine: Engine) -> None:
    with engine.begin() as connection:
        central_metadata.create_all(connection, checkfirst=True)
        server_id(connection)


def upgrade_central(url: str, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> tuple[str | None, str]:
    """The administrator's step: bring the central database to this program's schema, under the
    schema lock. Returns (revision before, revision after)."""
    engine = connect(url, timeouts)
    try:
        with engine.connect() as lock_connection, _schema_lock(lock_connection):
            with engine.connect() as connection:
                before = stored_revision(connection)
            migrate(engine)
            _finish_schema(engine)
            with engine.connect() as connection:
                after = stored_revision(connection)
    except DatabaseError as error:
        raise CentralError(f"中心数据库 {display_url(url)}：{error}") from None
    except DBAPIError as error:
        raise describe_error(url, error) from None
    finally:
        engine.dispose()
    return before, after or head_revision()


def open_central(url: str, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> Engine:
    """Connect to the central database and check its schema is this program's.

    An empty database is initialised here (under the schema lock: simultaneous first syncs wait
    for one another); an older or newer schema is refused with one sentence (see the module doc).
    """
    engine = connect(url, timeouts)
    head = head_revision()
    ready = False
    try:
        with engine.connect() as connection:
            revision = stored_revision(connection)
        if revision == head:
            with engine.connect() as connection:
                ready = connection.dialect.has_table(connection, PHOTO_BLOBS.name)
        if revision is None or (revision == head and not ready):
            with engine.connect() as lock_connection, _schema_lock(lock_connection):
                with engine.connect() as connection:
                    revision = stored_revision(connection)
                if revision is None:
                    migrate(engine)
                    revision = head
                if revision == head:
                    _finish_schema(engine)
        if revision != head:
            engine.dispose()
            raise CentralError(_revision_message(url, revision, head))
    except (OperationalError, DBAPIError) as error:
        engine.dispose()
        message = describe_connect_error(url, error) if isinstance(error, OperationalError) else None
        raise (CentralError(message) if message else describe_error(url, error)) from None
    except DatabaseError as error:
        engine.dispose()
        raise CentralError(f"中心数据库 {display_url(url)}：{error}") from None
    return engine


def _revision_message(url: str, revision: str, head: str) -> str:
    from alembic.script import ScriptDirectory

    from inspector.db.database import alembic_config

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    where = display_url(url)
    if revision in known:
        return f"中心数据库 {where} 的结构版本（{revision}）比本程序（{head}）旧，未同步：{UPGRADE_HINT}"
    return f"中心数据库 {where} 的结构版本（{revision}）比本程序新，未同步：请先升级本机的 Inspector"


def server_id(connection: Connection) -> str:
    """The server's identity (meta `server_id`), made once by whoever comes first."""
    meta = Base.metadata.tables[Meta.__tablename__]
    found = connection.scalar(select(meta.c.value).where(meta.c.key == SERVER_ID))
    if found is not None:
        return str(found)
    value = uuid.uuid4().hex
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        connection.execute(pg_insert(meta).values(key=SERVER_ID, value=value).on_conflict_do_nothing())
    else:
        connection.execute(insert(meta).prefix_with("OR IGNORE").values(key=SERVER_ID, value=value))
    return str(connection.scalar(select(meta.c.value).where(meta.c.key == SERVER_ID)))


@contextmanager
def central_transaction(engine: Engine, locked: bool = False) -> Iterator[Connection]:
    """One transaction on the central database. `locked`: a push's apply, which takes the push
    lock (waiting at most the lock timeout). Without it (a pull), a read-only snapshot:
    REPEATABLE READ, so every row read belongs to the same moment and the mark is exact."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            if not locked:
                connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with connection.begin():
                if locked:
                    # Pushes take turns for their apply: two merges of the same new row would
                    # otherwise collide on its key, and the change sequence must only go up from
                    # one push to the next (inspector/sync/central_sync.py). Released at commit.
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SYNC_LOCK})")
                yield connection
        else:
            with connection.begin():
                yield connection


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


def grant_statements(role: str, read_only: bool = False) -> list[str]:
    """The SQL that gives a non-superuser role what syncing needs (run by the administrator,
    after `upgrade_central`; docs/sync.md "The central database's role"). A read-only role can
    pull but not push."""
    if not role.replace("_", "").isalnum() or not role[0].isalpha():
        raise CentralError(f"角色名 “{role}” 无效：只能用字母、数字和下划线，且以字母开头")
    quoted = f'"{role}"'
    writes = "SELECT" if read_only else "SELECT, INSERT, UPDATE, DELETE"
    return [
        f"GRANT CONNECT ON DATABASE {{database}} TO {quoted}",
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT {writes} ON ALL TABLES IN SCHEMA public TO {quoted}",
        # The schema's revision is the administrator's (`inspector central upgrade`): read only.
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {quoted}",
    ]


def grant_role(url: str, role: str, read_only: bool = False, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> None:
    """Run `grant_statements` on the central database (as its owner)."""
    engine = connect(url, timeouts)
    try:
        with engine.begin() as connection:
            if connection.dialect.name != "postgresql":
                raise CentralError("只有 PostgreSQL 中心数据库需要授权")
            database = connection.exec_driver_sql("SELECT current_database()").scalar()
            for statement in grant_statements(role, read_only):
                connection.exec_driver_sql(statement.replace("{database}", f'"{database}"'))
    except DBAPIError as error:
        raise describe_error(url, error) from None
    finally:
        engine.dispose()
