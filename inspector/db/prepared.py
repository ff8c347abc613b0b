"""Read and compute outside the write lock, then write in one short transaction.

A job that must read much to write little (the year's plaques, a quarter's lights) would hold the
write lock for all its reading if it ran in one `Database.transaction()`. `write_prepared` runs
`prepare(session)` in a read transaction and `write(session, plan)` in a `BEGIN IMMEDIATE`
transaction on the same connection. If another connection committed in between
(`PRAGMA data_version` moved: SQLite's own per-connection counter of other writers' commits),
the plan may rest on data that changed, so it is thrown away and prepared again; the last
attempt prepares inside the write transaction, so the job always finishes (then holding the
lock as long as it takes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from inspector.db.busy import busy_is_domain_error
from inspector.db.database import WRITE, Database

Plan = TypeVar("Plan")
Result = TypeVar("Result")

ATTEMPTS = 3


def data_version(session: Session) -> int:
    return int(session.connection().exec_driver_sql("PRAGMA data_version").scalar() or 0)


def write_prepared(
    db: Database,
    prepare: Callable[[Session], Plan],
    write: Callable[[Session, Plan], Result],
    attempts: int = ATTEMPTS,
) -> Result:
    """`write(session, prepare(session))`, with `prepare` outside the write lock (see the module doc)."""
    if db.engine.dialect.name != "sqlite":
        with db.transaction() as session:
            return write(session, prepare(session))
    with busy_is_domain_error(), db.engine.connect() as connection:  # one connection: versions compare
        for _ in range(attempts - 1):
            with _session(db, connection, reading=True) as session, session.begin():
                version = data_version(session)
                plan = prepare(session)
            with _session(db, connection) as session, session.begin():
                if data_version(session) == version:
                    return write(session, plan)
        with _session(db, connection) as session, session.begin():
            return write(session, prepare(session))


def _session(db: Database, connection: Connection, reading: bool = False) -> Session:
    if reading:
        connection.execution_options(sqlite_begin="")
    else:
        connection.execution_options(**WRITE)
    session = Session(bind=connection, expire_on_commit=False)
    session.info["device_id"] = db.device_id
    return session
