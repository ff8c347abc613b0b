"""Merging a large ChangeSet without holding the write lock for the whole merge.

`apply_changes` in one transaction is all or nothing, but a first import of a city (hundreds of
thousands of rows, lights refreshed for every enterprise) takes many seconds, and for all of
them every edit elsewhere waited or failed. A large set is therefore merged into a staging copy
of the database (inspector.db.staging), and only the rows the merge changed are written to the
real database, in one short transaction:

- if nothing committed since the copy was taken, the copy's changed rows are the merge's result;
- if something did (an answer made meanwhile, another import), the rows changed meanwhile in a
  version the copy lacks are merged into the copy first (outside the lock while that succeeds,
  under it on the last attempt: inspector.db.staging). Merging is commutative and idempotent
  (engine.py, rules 1–6), so the copy then holds what merging the set into the database as it
  now is would give, and nothing made meanwhile is lost;
- the conflicts the merge recorded (synced records, written back like any changed row), the
  highest clock value seen and whatever `after` writes (the peer's mark, the device's last
  import) commit in the same transaction.

Every set is staged, however small: even a day's work (510 rows) held the lock for 3.6 s when
merged in place on a 2,000-enterprise city, mostly looking rows up by natural key, against 15 ms
for the staged write (docs/performance.md). A database without a file (tests on an engine URL)
is merged in place, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.db.database import Database
from inspector.db.staging import Staging

from .engine import ApplyReport, Batch, ChangeSet, SyncError, apply_batches, apply_changes, remember_high_hlc


def merge(
    db: Database,
    changes: ChangeSet | Callable[[], Iterable[Batch]],
    timezone: str,
    today: date | None = None,
    after: Callable[[Session], None] | None = None,
    mark_synced: bool = False,
) -> ApplyReport:
    """Merge `changes` into `db`, all or nothing; `after(session)` writes in the same transaction.
    `changes` is a ChangeSet or, for a set too large to hold at once, a function giving its
    batches (engine.apply_batches). `mark_synced`: the set comes from the home central database
    (engine.apply_changes); the edits caught up meanwhile are this copy's own, never marked."""

    def apply(session: Session) -> ApplyReport:
        if isinstance(changes, ChangeSet):
            if mark_synced:
                return apply_changes(session, changes, timezone, today, mark_synced=True)
            return apply_changes(session, changes, timezone, today)
        return apply_batches(session, changes(), timezone, today, mark_synced=mark_synced)

    if db.path is None:
        with db.transaction() as session:
            report = apply(session)
            if after is not None:
                after(session)
        return report
    with Staging(db) as staging:
        with staging.session() as session:
            report = apply(session)

        def catch_up(session: Session, meanwhile: dict[str, list[dict[str, Any]]]) -> None:
            if meanwhile:
                apply_changes(session, ChangeSet(db.device_id, meanwhile), timezone, today)

        def finish(live: Session) -> None:
            if report.high_hlc:
                remember_high_hlc(live, report.high_hlc)
            if after is not None:
                after(live)

        try:
            staging.apply(catch_up, finish)
        except IntegrityError as error:
            raise SyncError(f"合并结果与数据库中的记录冲突（{error.orig}），未导入任何内容，请重试") from None
    return report
