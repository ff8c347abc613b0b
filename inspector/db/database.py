"""The database: opening it, migrating it (with a backup first) and running transactions.

Rules for callers:
- every change happens inside `Database.transaction()`, which commits or rolls back whole;
- ORM rows never leave the `with` block: services return core dataclasses or plain values;
- one Database per process; SQLite is opened in WAL mode, so readers do not block the writer;
- after each commit the database announces what changed (`subscribe`, inspector/db/changes.py);
- a writing transaction takes the write lock at its start (`BEGIN IMMEDIATE`) and holds it to
  its end, so it must be short: a long job prepares outside it (inspector.db.prepared,
  inspector.db.staging) and writes in one short transaction. Reading stays a deferred `BEGIN`.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Table, case, create_engine, event, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from inspector.core.errors import DomainError
from inspector.db.busy import BUSY_TIMEOUT_MS, busy_is_domain_error
from inspector.db.changes import EVERYTHING, ChangeBroadcast, ChangeRecorder, Changes, Subscriber
from inspector.db.hlc import next_hlc, observe
from inspector.db.models import Meta, TombstoneRow, Tracked, utcnow
from inspector.db.quick_read import DB_NAME, MIGRATIONS, quick_head

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a database actually needs upgrading (or a caller asks it
# something): importing it costs ≈0.2 s of every start, and an up-to-date database is the rule.

BACKUP_DIR = "backups"
WRITE = {"sqlite_begin": "IMMEDIATE"}
"""Execution options of a connection that writes: its BEGIN takes the write lock at once."""


class DatabaseError(DomainError):
    """The database cannot be opened or upgraded; the message says what to do."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # BEGIN is issued by _sqlite_begin
    cursor = dbapi_connection.cursor()
    # WAL: a killed process loses at most the transaction in flight; readers never block.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A deferred BEGIN that later writes must upgrade its read lock, and SQLite refuses that at
    # once ("database is locked") when another connection wrote meanwhile, without waiting on
    # busy_timeout. IMMEDIATE (execution option `WRITE`) waits for the lock first, then starts.
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str, on_connect: Callable[[Any, Any], None] = _sqlite_pragmas, **options: Any) -> Engine:
    """An engine; on SQLite `on_connect` sets each new connection up (it must leave
    isolation_level None: BEGIN is ours)."""
    engine = create_engine(url, **options)
    event.listen(engine, "before_cursor_execute", _record_statement)
    if engine.dialect.name == "sqlite":
        # Python's sqlite3 commits before DDL on its own; taking transactions over (SQLAlchemy's
        # documented recipe) makes a migration all or nothing, like every other change.
        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(script_location: Path = MIGRATIONS) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(script_location: Path = MIGRATIONS) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def _stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None when there is none (or no table yet)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def backup_sqlite(db_path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe even with a WAL open)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"inspector-{stamp}-{label}.db"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def migrate(engine: Engine, db_path: Path | None = None, script_location: Path = MIGRATIONS) -> Path | None:
    """Upgrade to the newest schema. A database that already holds an older schema is backed
    up first (to backups/ beside it); returns the backup's path, or None if none was needed."""
    quick = quick_head(script_location)
    if quick is not None and quick == _stored_revision(engine):
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    head = head_revision(script_location)
    if current == head:
        return None
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config(script_location)).walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError(
            f"数据库结构版本 {current} 比本程序新或未知，请升级 Inspector 后再打开"
            f"（database schema {current} is newer than this program）"
        )
    backup = None
    if current is not None and db_path is not None:
        backup = backup_sqlite(db_path, db_path.parent / BACKUP_DIR, f"before-{head}")
    config = alembic_config(script_location)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        connection.execution_options(**WRITE)
        raw = connection.connection.driver_connection
        # SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy of a
        # referenced table fails. They are off during the upgrade and checked before commit.
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseError("数据库升级后外键不一致，升级已撤销")
        except DatabaseError:
            raise
        except Exception as error:
            kept = f"；升级前的备份在 {backup}" if backup else ""
            raise DatabaseError(f"数据库升级失败，数据库保持原样{kept}：{error}") from error
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
    return backup


class Database:
    """An open database with this device's id. Create with `Database.open_folder` or `Database.open_url`."""

    def __init__(self, engine: Engine, device_id: str, path: Path | None = None) -> None:
        self.engine = engine
        self.device_id = device_id
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)
        self._broadcast = ChangeBroadcast()
        self._watch: sqlite3.Connection | None = None
        self._watch_lock = threading.Lock()
        self._seen_version: int | None = None
        self._closed = False

    @classmethod
    def open_folder(cls, data_dir: Path) -> Database:
        """Open (creating and migrating as needed) the SQLite database in a data folder."""
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"无法创建数据文件夹 {data_dir}：{error.strerror}") from None
        path = data_dir / DB_NAME
        return cls.open_url(f"sqlite:///{path}", path)

    @classmethod
    def open_url(cls, url: str, path: Path | None = None) -> Database:
        engine = make_engine(url)
        try:
            migrate(engine, path)
        except sqlite3.DatabaseError as error:
            raise DatabaseError(f"数据库文件 {path} 已损坏或不是 Inspector 数据库：{error}") from None
        except Exception as error:
            if "file is not a database" in str(error) or "malformed" in str(error):
                raise DatabaseError(f"数据库文件 {path} 已损坏或不是 Inspector 数据库") from None
            raise
        device = _device_id(engine)
        _observe_clock(engine)
        return cls(engine, device, path)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on leaving the block, or rolled back on an error.
        After the commit, what it changed is announced to the subscribers (never on a rollback)."""
        with busy_is_domain_error(), self._writes.begin() as session:
            session.info["device_id"] = self.device_id
            with recording(session) as recorder:
                yield session
        self.committed(recorder.changes())

    def committed(self, changes: Changes) -> None:
        """After a commit of ours (`transaction()`, or a staged or prepared write): it is not
        another program's, and the subscribers hear what it changed."""
        self._data_version()
        self._broadcast.announce(changes)

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call `subscriber(changes)` after every commit (on the committing thread); returns a
        function that unsubscribes."""
        return self._broadcast.subscribe(subscriber)

    def announce(self, changes: Changes = EVERYTHING) -> None:
        """Tell the subscribers of a change made without `transaction()` (another program's
        commit, settings, a replaced data folder)."""
        self._broadcast.announce(changes)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with busy_is_domain_error(), self._sessions() as session:
            yield session

    def external_changes(self) -> bool:
        """Whether another program (a CLI command, a second window) committed to this SQLite file
        since the last call or our own last commit. A commit of ours racing one of theirs can hide
        theirs until their next one; screens poll this every few seconds."""
        before = self._seen_version
        now = self._data_version()
        return before is not None and now is not None and now != before

    def _data_version(self) -> int | None:
        # SQLite's data_version changes when any *other* connection commits, so it is read on a
        # connection of its own that never writes.
        with self._watch_lock:
            if self.path is None or self._closed:  # closed: nobody is watching, reopen nothing
                return None
            if self._watch is None:
                self._watch = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._seen_version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            return self._seen_version

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        with self._watch_lock:
            self._closed = True
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()


def _device_id(engine: Engine) -> str:
    """This database's device id, made once at creation: every row it writes carries it."""
    with busy_is_domain_error():
        with Session(engine) as session:
            value = get_meta(session, "device_id")
        if value is not None:
            return value
        with Session(engine.execution_options(**WRITE)) as session, session.begin():
            row = session.get(Meta, "device_id")
            if row is None:
                row = Meta(key="device_id", value=uuid.uuid4().hex)
                session.add(row)
            return row.value


HLC_HIGH = "hlc_high"


def _observe_clock(engine: Engine) -> None:
    """Move the clock past every version received before (kept by inspector.sync in meta), so
    an edit made now orders after them even if their device's clock ran ahead of ours."""
    with Session(engine) as session:
        high = get_meta(session, HLC_HIGH)
    if high:
        observe(int(high))


RECORDER = "inspector.changes"


@contextmanager
def recording(session: Session) -> Iterator[ChangeRecorder]:
    """Note what `session` writes until the block ends (its transaction begins here if not yet)."""
    recorder = ChangeRecorder()
    session.info[RECORDER] = recorder
    connection = session.connection()
    connection.info[RECORDER] = recorder
    try:
        yield recorder
        session.flush()  # what the commit would flush is noted too
    finally:
        connection.info.pop(RECORDER, None)
        session.info.pop(RECORDER, None)


def _record_statement(connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    recorder = connection.info.get(RECORDER)
    if recorder is not None:
        recorder.statement(statement)


@event.listens_for(Session, "after_flush")
def _record_rows(session: Session, _context: Any) -> None:
    """The ids of the rows a flush wrote (the statements themselves were seen by _record_statement)."""
    recorder = session.info.get(RECORDER)
    if recorder is None:
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(obj), "__tablename__", None)
        if table is not None:
            recorder.row(table, getattr(obj, "id", None))


@event.listens_for(Session, "after_flush_postexec")
def _flush_ended(session: Session, _context: Any) -> None:
    recorder = session.info.get(RECORDER)
    if recorder is not None:
        recorder.in_flush = False


@event.listens_for(Session, "before_flush")
def _stamp_rows(session: Session, _context: Any, _instances: Any) -> None:
    """Every inserted or changed row records when and by which device."""
    recorder = session.info.get(RECORDER)
    if recorder is not None:
        recorder.in_flush = True  # the flush's statements carry ids (see _record_rows)
    device = session.info.get("device_id")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Tracked):
            obj.device_id = obj.device_id or device
            obj.created_at = obj.created_at or now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj):
            # A new version: edited from a foreign version, it remembers that one as its base
            # (a run of edits on this device keeps the base of the first), see inspector/sync.
            if obj.device_id != device:
                obj.base_hlc = obj.hlc
            obj.hlc = next_hlc()
            obj.device_id = device or obj.device_id
            obj.updated_at = now
    for obj in session.deleted:
        # A deletion travels as a tombstone (inspector/sync), so other devices delete it too.
        if isinstance(obj, Tracked) and not isinstance(obj, TombstoneRow):
            table = type(obj).__tablename__  # type: ignore[attr-defined]
            session.add(TombstoneRow(id=obj.id, table_name=table, merged_into=None, deleted_at=now, device_id=device))


def new_version(table: Table, device_id: str) -> dict[str, Any]:
    """The values a bulk UPDATE of tracked rows sets so that each row it changes is a new
    version, by the rule `_stamp_rows` applies to ORM rows (`changed_seq` follows by onupdate)."""
    return {
        "base_hlc": case((table.c.device_id != device_id, table.c.hlc), else_=table.c.base_hlc),
        "hlc": next_hlc(),
        "device_id": device_id,
        "updated_at": utcnow(),
    }


def get_meta(session: Session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))
