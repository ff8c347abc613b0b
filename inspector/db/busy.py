"""A database another writer holds too long: one sentence for people instead of a driver error.

Every writing transaction starts with `BEGIN IMMEDIATE` (inspector.db.database), so SQLite waits
for the write lock up to `busy_timeout` and only then gives up with "database is locked". That
happens when another program (a second `inspector` process, an old version without staging)
keeps the lock for longer than the timeout; the person can only wait and try again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError

from inspector.core.errors import DomainError

BUSY_TIMEOUT_MS = 5000
BUSY_MESSAGE = "数据库正被另一个操作占用，请稍后再试"


class DatabaseBusy(DomainError):
    """The write lock could not be had within the busy timeout; nothing was written."""

    def __init__(self) -> None:
        super().__init__(BUSY_MESSAGE)


def is_busy(error: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED (any extended code), wrapped by SQLAlchemy or not."""
    orig = error.orig if isinstance(error, OperationalError) else error
    if not isinstance(orig, sqlite3.OperationalError):
        return False
    name = getattr(orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(orig)


@contextmanager
def busy_is_domain_error() -> Iterator[None]:
    """Turn a lock wait that timed out, raised anywhere in the block, into `DatabaseBusy`."""
    try:
        yield
    except (OperationalError, sqlite3.OperationalError) as error:
        if is_busy(error):
            raise DatabaseBusy() from None
        raise
