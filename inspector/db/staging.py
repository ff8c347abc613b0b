"""A long write done in a private copy of the database, then applied in one short transaction.

A sync import or a demo city writes hundreds of thousands of rows and, for a merge, computes as
it goes; holding the write lock for all of it made every edit elsewhere wait or fail. Instead:

1. `Staging(db)` notes the database's `PRAGMA data_version` (on the connection that will apply,
   at a moment no writer is in flight) and copies the database to a temporary file beside it
   (SQLite's online backup: a consistent snapshot; no write lock).
2. The job works in `staging.session()`, an ordinary ORM session on the copy: nothing it does
   takes the real database's lock.
3. `staging.apply(catch_up, after)` takes the write lock (`BEGIN IMMEDIATE`). If another
   connection committed since the snapshot (the data_version moved), the rows changed meanwhile
   in a version the copy lacks (`changed_meanwhile`) go to `catch_up`, which brings them into
   the copy so they are not lost: the lock is let go for that and taken again, and only the
   last attempt catches up holding it. Then it replaces every row the copy changed
   (`changed_seq` above the snapshot's highest) and deletes every row the copy tombstoned, and
   `after` writes whatever else belongs to the same transaction (through `live_session`). One
   transaction: the real database gets all of the job or none of it. Without `catch_up`
   (inserts of new rows only, as the demo's) changes made meanwhile are simply left standing.

The job may write only tracked tables (those with `changed_seq`), and may delete only rows it
tombstones (as every deletion does: see database._stamp_rows and inspector.sync.engine); any
other table is written by `after`. Copied rows get one fresh `changed_seq`, taken under the
lock, so an export mark set while the job ran cannot skip them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, MetaData, Table, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from inspector.core.errors import DomainError
from inspector.db import hlc as clock
from inspector.db.busy import BUSY_TIMEOUT_MS, busy_is_domain_error
from inspector.db.changes import Changes
from inspector.db.database import WRITE, Database, make_engine, recording
from inspector.db.models import Base, TombstoneRow

LIVE = "live"
"""The schema name under which the real database is attached to the staging connection."""

PREFIX = ".staging-"
STALE_AFTER_S = 24 * 3600
"""A copy this old was left by a process that died mid-job (a job takes minutes at most)."""

CatchUp = Callable[[Session, dict[str, list[dict[str, Any]]]], None]
"""(session on the copy, `changed_meanwhile`: rows by table) → merge those rows into the copy."""
ATTEMPTS = 3
After = Callable[[Session], None]


class StagingError(DomainError):
    """The temporary copy could not be made (disk full, unreadable database); nothing changed."""


def tracked_tables() -> list[Table]:
    """Tables whose rows carry `changed_seq`, parents before children."""
    return [t for t in Base.metadata.sorted_tables if "changed_seq" in t.c]


def _stage_pragmas(dbapi_connection: Any, _record: Any, live: str) -> None:
    dbapi_connection.isolation_level = None  # BEGIN is issued by database._sqlite_begin
    # The copy is thrown away after the job, so it needs no durability: no WAL, no fsync.
    dbapi_connection.execute("PRAGMA journal_mode=MEMORY")
    dbapi_connection.execute("PRAGMA synchronous=OFF")
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    dbapi_connection.execute(f"ATTACH DATABASE ? AS {LIVE}", (live,))


class Staging:
    """Use as a context manager: the copy is deleted on leaving, applied or not."""

    def __init__(self, db: Database) -> None:
        if db.path is None:
            raise ValueError("staging needs a database file")
        self.db = db
        self.live_path: Path = db.path
        self.path: Path | None = None
        self.connection: Connection | None = None
        self.data_version = 0
        self.since = 0  # changed_seq after which the real database may hold changes the copy lacks
        self.mark = 0  # the copy's highest changed_seq at the snapshot
        self.applied: dict[str, int] = {}  # rows written to the real database, per table

    # -- making the copy ------------------------------------------------------------------------
    def __enter__(self) -> Staging:
        _remove_stale(self.live_path.parent)
        fd, name = tempfile.mkstemp(prefix=PREFIX, suffix=".db", dir=self.live_path.parent)
        os.close(fd)
        self.path = Path(name)
        try:
            self._open()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _open(self) -> None:
        assert self.path is not None
        live = str(self.live_path)
        engine = make_engine(f"sqlite:///{self.path}", lambda c, r: _stage_pragmas(c, r, live), poolclass=StaticPool)
        self.connection = engine.connect()
        raw = self.connection.connection.driver_connection
        assert raw is not None
        with busy_is_domain_error():
            # A quiet moment: no writer is in flight, so whatever commits after this began after
            # it, and stamped its rows later than `since` (give or take the clocks' margin).
            raw.execute("BEGIN IMMEDIATE")
            self.data_version = raw.execute(f"PRAGMA {LIVE}.data_version").fetchone()[0]
            self.since = clock.before_now()
            raw.execute("COMMIT")
        try:
            source = sqlite3.connect(self.live_path)
            try:
                target = sqlite3.connect(self.path)
                try:
                    source.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")  # the copy is not a WAL database
                finally:
                    target.close()
            finally:
                source.close()
        except sqlite3.Error as error:
            raise StagingError(f"无法在 {self.live_path.parent} 中准备临时数据库（{error}），未作任何更改") from None
        self.mark = self._highest("main")
        self.connection.commit()  # end the read the query began: sessions begin their own
        clock.observe(self.mark)

    def _highest(self, schema: str) -> int:
        assert self.connection is not None
        # coalesce: SQLite's max(a, b, …) is NULL as soon as one table is empty
        parts = ", ".join(f"coalesce((SELECT max(changed_seq) FROM {schema}.{t.name}), 0)" for t in tracked_tables())
        return int(self.connection.exec_driver_sql(f"SELECT max({parts})").scalar() or 0)

    def __exit__(self, *_exc: object) -> None:
        if self.connection is not None:
            engine = self.connection.engine
            self.connection.close()
            engine.dispose()
            self.connection = None
        if self.path is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(f"{self.path}{suffix}").unlink()

    # -- working in it --------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction on the copy, committed on leaving the block (the real database is untouched)."""
        assert self.connection is not None
        self.connection.execution_options(sqlite_begin="")
        with Session(bind=self.connection, expire_on_commit=False) as session, session.begin():
            session.info["device_id"] = self.db.device_id
            yield session

    # -- applying it ----------------------------------------------------------------------------
    def apply(self, catch_up: CatchUp | None = None, after: After | None = None, attempts: int = ATTEMPTS) -> int:
        """Write the copy's changes to the real database in one transaction; returns how many
        times `catch_up` ran. Catching up happens outside the lock while it can (the lock is let
        go, the copy brought up to date, the lock taken again); the last attempt catches up
        under the lock, so the job always ends."""
        assert self.connection is not None
        caught_up = 0
        changes = Changes()
        for attempt in range(attempts):
            with self._writing() as session:
                version = session.connection().exec_driver_sql(f"PRAGMA {LIVE}.data_version").scalar()
                current = version == self.data_version or catch_up is None
                if current or attempt == attempts - 1:
                    with recording(session) as recorder:  # announced as any transaction's writes
                        if not current:
                            assert catch_up is not None
                            catch_up(session, self.changed_meanwhile(session))
                            session.flush()
                            caught_up += 1
                        self._copy_back(session.connection())
                        if after is not None:
                            with self.live_session() as live:
                                after(live)
                    changes = recorder.changes()
                    done = True
                else:  # live stands at `version` now; whatever commits after this began after it
                    self.data_version = version
                    since = clock.before_now()
                    done = False
            if done:
                self.db.committed(changes)
                self._checkpoint()
                return caught_up
            assert catch_up is not None
            with self.session() as session:
                catch_up(session, self.changed_meanwhile(session))
            caught_up += 1
            self.since = since
        raise AssertionError("unreachable: the last attempt always applies")

    def _checkpoint(self) -> None:
        """Move the applied pages from the WAL into the database file now, on the job's time:
        otherwise the next commit (an edit, likely) does it, and waits for it."""
        assert self.connection is not None
        raw = self.connection.connection.driver_connection
        assert raw is not None
        # Outside any transaction (SQLite refuses a checkpoint inside one); a checkpoint that
        # cannot run now is no failure: the next commit does it after all.
        with contextlib.suppress(sqlite3.OperationalError):
            raw.execute(f"PRAGMA {LIVE}.wal_checkpoint(PASSIVE)").fetchall()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A transaction on the copy that also holds the real database's write lock."""
        assert self.connection is not None
        self.connection.execution_options(**WRITE)  # BEGIN IMMEDIATE locks every attached database
        with busy_is_domain_error(), Session(bind=self.connection, expire_on_commit=False) as session, session.begin():
            session.info["device_id"] = self.db.device_id
            yield session

    def changed_meanwhile(self, session: Session) -> dict[str, list[dict[str, Any]]]:
        """Rows of the real database changed since `since` in a version (hlc, device) the copy
        does not hold, without `changed_seq`: what `catch_up` must bring into the copy. Rows the
        copy holds in the same version are left out, as the merge would leave them unchanged."""
        found: dict[str, list[dict[str, Any]]] = {}
        live_tables = MetaData()
        for table in tracked_tables():
            # Aliased: both tables have the same name, and a bare `answers.id` would mean either.
            live = table.to_metadata(live_tables, schema=LIVE).alias("live_row")
            copy = table.alias("copy_row")
            columns = [c for c in live.c if c.name != "changed_seq"]
            query = (
                select(*columns)
                .select_from(live.outerjoin(copy, copy.c.id == live.c.id))
                .where(
                    live.c.changed_seq > self.since,
                    or_(
                        copy.c.id.is_(None),
                        copy.c.hlc.is_distinct_from(live.c.hlc),
                        copy.c.device_id.is_distinct_from(live.c.device_id),
                        *(  # a field-by-field merge keeps the later version's hlc (engine rule 9)
                            [copy.c.field_versions.is_distinct_from(live.c.field_versions)]
                            if "field_versions" in table.c
                            else []
                        ),
                    ),
                )
            )
            rows = [row._asdict() for row in session.execute(query)]
            if rows:
                found[table.name] = rows
        return found

    def _copy_back(self, connection: Connection) -> None:
        # Rows move whole: each changed row is deleted and inserted again, so a unique key that
        # the job moved between rows (renumbered events…) never meets its old holder midway.
        # Foreign keys are checked at commit, once every table is in place.
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        clock.observe(self._highest(LIVE))
        seq = clock.next_hlc()
        tombstones = TombstoneRow.__tablename__
        tables = [t for t in tracked_tables() if self._touched(connection, t)]
        for table in reversed(tables):
            connection.exec_driver_sql(
                f"DELETE FROM {LIVE}.{table.name} WHERE id IN "
                f"(SELECT s.id FROM main.{table.name} AS s JOIN {LIVE}.{table.name} AS l ON l.id = s.id "
                "WHERE s.changed_seq > ?)",
                (self.mark,),
            )
            connection.exec_driver_sql(
                f"DELETE FROM {LIVE}.{table.name} WHERE id IN "
                f"(SELECT id FROM main.{tombstones} WHERE changed_seq > ? AND table_name = ?)",
                (self.mark, table.name),
            )
        self.applied = {}
        for table in tables:
            columns = [c.name for c in table.c]
            values = ", ".join("?" if c == "changed_seq" else c for c in columns)
            result = connection.exec_driver_sql(
                f"INSERT INTO {LIVE}.{table.name} ({', '.join(columns)}) "
                f"SELECT {values} FROM main.{table.name} WHERE changed_seq > ?",
                (seq, self.mark),
            )
            if result.rowcount:
                self.applied[table.name] = result.rowcount

    def _touched(self, connection: Connection, table: Table) -> bool:
        """Whether the job changed or tombstoned rows of `table` (only those tables are written)."""
        changed = f"SELECT 1 FROM main.{table.name} WHERE changed_seq > ? LIMIT 1"
        deleted = f"SELECT 1 FROM main.{TombstoneRow.__tablename__} WHERE changed_seq > ? AND table_name = ? LIMIT 1"
        return (
            connection.exec_driver_sql(changed, (self.mark,)).first() is not None
            or connection.exec_driver_sql(deleted, (self.mark, table.name)).first() is not None
        )

    @contextmanager
    def live_session(self) -> Iterator[Session]:
        """Inside `apply`: a session on the real database, joined to the applying transaction."""
        assert self.connection is not None
        connection = self.connection
        connection.execution_options(schema_translate_map={None: LIVE})
        try:
            session = Session(bind=connection, join_transaction_mode="conditional_savepoint")
            session.info["device_id"] = self.db.device_id
            try:
                yield session
                session.flush()
            finally:
                session.close()
        finally:
            connection.execution_options(schema_translate_map=None)


def _remove_stale(folder: Path) -> None:
    for path in folder.glob(f"{PREFIX}*"):
        with contextlib.suppress(OSError):
            if time.time() - path.stat().st_mtime > STALE_AFTER_S:
                path.unlink()


def refused(error: IntegrityError, what: str) -> DomainError:
    """A copy whose rows the real database refuses (a record added meanwhile with the same key)."""
    return DomainError(f"{what}未写入：与数据库中的记录冲突（{error.orig}），请重试")
