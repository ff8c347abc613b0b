"""Read and compute outside the write lock, then write in one short transaction.

A job that must read much to write little (the year's plaques, a quarter's lights) would hold the
write lock for all its reading if it ran in one `Database.transaction()`. `write_prepared` runs
`prepare(session)` in a read transaction and `write(session, plan)` in a `BEGIN IMMEDIATE`
transaction on the same connection. If another connection committed in between
(`PRAGMA data_version` moved: SQLite's own per-connection counter of other writers' commits),
the plan may rest on data that changed, so it is thrown away and prepared again; the last
attempt prepares inside the write transaction, so the job always finishes (then holding the
lock as long as it takes).

A job can say which commits its plan ignores (a checklist answered while plaques are issued):
`still_valid(session, since, plan)` is asked, holding the lock, when the data_version moved, and
the plan stands if it answers yes. `since` is a mark taken holding the lock before the plan
began: every row committed later has `changed_seq` above it (`untouched` checks whole tables).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from inspector.db import hlc as clock
from inspector.db.busy import busy_is_domain_error
from inspector.db.database import WRITE, Database, recording
from inspector.db.models import TombstoneRow

Plan = TypeVar("Plan")
Result = TypeVar("Result")

ATTEMPTS = 3


def data_version(session: Session) -> int:
    return int(session.connection().exec_driver_sql("PRAGMA data_version").scalar() or 0)


def write_prepared(
    db: Database,
    prepare: Callable[[Session], Plan],
    write: Callable[[Session, Plan], Result],
    still_valid: Callable[[Session, int, Plan], bool] | None = None,
    attempts: int = ATTEMPTS,
) -> Result:
    """`write(session, prepare(session))`, with `prepare` outside the write lock (see the module doc)."""
    if db.engine.dialect.name != "sqlite":
        with db.transaction() as session:
            return write(session, prepare(session))
    with busy_is_domain_error(), db.engine.connect() as connection:  # one connection: versions compare
        for attempt in range(attempts):
            last = attempt == attempts - 1
            if not last:
                since = _quiet_mark(db, connection) if still_valid else 0
                with _session(db, connection, reading=True) as session, session.begin():
                    version = data_version(session)
                    plan = prepare(session)
            with _session(db, connection) as session, session.begin():
                if last:
                    plan = prepare(session)
                elif data_version(session) != version and not (still_valid and still_valid(session, since, plan)):
                    continue  # the plan may rest on data that changed: prepare it again
                with recording(session) as recorder:
                    result = write(session, plan)
            db.committed(recorder.changes())
            return result
    raise AssertionError("unreachable: the last attempt always writes")


def _quiet_mark(db: Database, connection: Connection) -> int:
    """Hold the write lock a moment: no writer is in flight, so whatever commits later stamps
    its rows above the mark returned."""
    with _session(db, connection) as session, session.begin():
        session.connection()
        return clock.before_now()


def untouched(session: Session, since: int, tables: Sequence[Table]) -> bool:
    """No row of `tables` (nor a tombstone: a deletion) committed after `since`."""
    return not any(
        session.execute(select(table.c.id).where(table.c.changed_seq > since).limit(1)).first() is not None
        for table in [*tables, TombstoneRow.__table__]
    )


def _session(db: Database, connection: Connection, reading: bool = False) -> Session:
    if reading:
        connection.execution_options(sqlite_begin="")
    else:
        connection.execution_options(**WRITE)
    session = Session(bind=connection, expire_on_commit=False)
    session.info["device_id"] = db.device_id
    return session
