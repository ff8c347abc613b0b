"""Push and pull: a laptop and the central database exchange changes through the merge engine.

- **push** sends every change made or received here since the last push to this server
  (`sync_peers.sent_seq`), with the photo files they name, and merges them into the central
  database in one central transaction. The changes are read in a local read transaction, and
  the mark moves only after the central commit, in a short local transaction: a push
  interrupted anywhere leaves the central database as it was and the mark where it was, so the
  next push sends the same changes again (merging is idempotent, so a push whose
  acknowledgement was lost costs time, not correctness). Local edits go on meanwhile.
- **pull** brings every change the central database received since the last pull from it
  (`sync_peers.received_seq`, a position in the central database's change sequence): the
  templates, the register, the roster, assignments, inspections, hazards and their events
  (so the hazards due for re-check), plaques and lights, tombstones. It is not filtered by
  town or inspector: the simplest rule that is right, every laptop converges to the same copy.
  Photo files named by the pulled rows come first (from `photo_blobs`), then the rows are
  merged and the mark moves, all or nothing (inspector.sync.staged_merge: a large pull is
  merged in a staging copy and written in one short local transaction).

Pushes and pulls from several laptops take turns on the central database (an advisory lock on
PostgreSQL). Before merging, a push moves this process's clock past the central database's
highest change sequence, so sequences on the central side only go up from one push to the next
even when laptops' clocks disagree, and a pull's mark never skips a later push.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.orm import Session

from inspector.core.errors import Cancelled
from inspector.db import hlc as clock
from inspector.db.database import Database
from inspector.db.models import Base, Meta, utcnow
from inspector.photos.photo_store import PhotoStore

from .central import PHOTO_BLOBS, central_transaction, known_blobs, load_blobs, open_central, store_blobs
from .credentials import PasswordPrompt, connection_url, without_password
from .devices import Peer, mark_received, mark_sent, peer
from .devices import peers as all_peers
from .engine import SYNC_TABLES, ApplyReport, ChangeSet, SyncError, apply_changes, collect_changes
from .staged_merge import merge

Progress = Callable[[str, int, int], None]
"""(what is happening, done, total) — called from the thread doing the work."""

PHOTO_BATCH = 100


class SyncCancelled(Cancelled):
    """The person cancelled; both databases are as they were."""


@dataclass(frozen=True)
class SyncSummary:
    """What one push or pull moved, for the person who started it."""

    direction: str  # "push" or "pull"
    server: str  # the URL without password
    rows: dict[str, int]  # rows sent (push) or received (pull), per table
    inserted: dict[str, int] = field(default_factory=dict)  # on the receiving side, per table
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    merged: dict[str, int] = field(default_factory=dict)
    photos: int = 0  # photo files transferred
    conflicts: int = 0
    at: datetime = field(default_factory=utcnow)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def peer_name(url: str) -> str:
    """The server as a peer in sync_peers: its URL without password."""
    return without_password(url)


def _summary(direction: str, url: str, changes: ChangeSet, report: ApplyReport, photos: int) -> SyncSummary:
    return SyncSummary(
        direction,
        peer_name(url),
        changes.counts(),
        dict(report.inserted),
        dict(report.updated),
        dict(report.deleted),
        dict(report.merged),
        photos,
        report.conflicts,
    )


class CentralSync:
    """Push to and pull from central databases for one data folder. No Qt: the CLI, the GUI and
    the tests all call these methods; the GUI runs them on its worker thread."""

    def __init__(
        self, db: Database, photos: PhotoStore, timezone: str, today: Callable[[], date] | None = None
    ) -> None:
        self.db = db
        self.photos = photos
        self.timezone = timezone
        self.today = today

    # -- status ---------------------------------------------------------------------------------
    def last_sync(self, url: str) -> Peer:
        """When this folder last pushed to / pulled from the server (marks and times)."""
        with self.db.reading() as session:
            return peer(session, peer_name(url))

    def peers(self) -> list[Peer]:
        """Every peer this folder exchanged with (laptops by bundle, servers by push/pull)."""
        return all_peers(self.db)

    # -- push -----------------------------------------------------------------------------------
    def push(
        self,
        url: str,
        prompt: PasswordPrompt | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncSummary:
        step = _Steps(progress, cancel)
        step("连接中心数据库", 0, 1)
        with self._central(url, prompt) as engine:
            name = peer_name(url)
            step("收集本机改动", 0, 1)
            with self.db.reading() as local:
                changes = collect_changes(local, peer(local, name).sent_seq, self.db.device_id)
            with central_transaction(engine) as connection:
                _observe_central_sequence(connection)
                sent = self._send_photos(connection, changes, step)
                step("合并到中心数据库", 0, 1)
                with _session_on(connection) as central:
                    report = apply_changes(central, changes, self.timezone, self._today())
                step.check()  # the last moment a cancel still undoes everything
            with self.db.transaction() as local:
                mark_sent(local, name, changes.high_seq)
        step("完成", 1, 1)
        return _summary("push", url, changes, report, sent)

    def _send_photos(self, connection: Connection, changes: ChangeSet, step: _Steps) -> int:
        wanted = changes.photo_hashes
        missing = sorted(set(wanted) - known_blobs(connection, wanted))
        for start in range(0, len(missing), PHOTO_BATCH):
            step("上传照片", start, len(missing))
            batch = []
            for sha in missing[start : start + PHOTO_BATCH]:
                path = self.photos.path_of(sha)
                try:
                    batch.append((sha, path.read_bytes()))
                except OSError:
                    raise SyncError(f"照片文件 {path} 缺失或无法读取，未推送任何内容") from None
            store_blobs(connection, batch)
        return len(missing)

    # -- pull -----------------------------------------------------------------------------------
    def pull(
        self,
        url: str,
        prompt: PasswordPrompt | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncSummary:
        step = _Steps(progress, cancel)
        step("连接中心数据库", 0, 1)
        with self._central(url, prompt) as engine, central_transaction(engine) as connection:
            name = peer_name(url)
            step("读取中心数据库的改动", 0, 1)
            with self.db.reading() as local:
                since = peer(local, name).received_seq
            with _session_on(connection) as central:
                changes = collect_changes(central, since, _device_of(central))
            received = self._receive_photos(connection, changes, step)
            step("合并到本机", 0, 1)

            def record(local: Session) -> None:
                mark_received(local, name, changes.high_seq)
                step.check()  # the last moment a cancel still undoes everything

            report = merge(self.db, changes, self.timezone, self._today(), after=record)
        step("完成", 1, 1)
        return _summary("pull", url, changes, report, received)

    def _receive_photos(self, connection: Connection, changes: ChangeSet, step: _Steps) -> int:
        """Photo files first: a row never names a file this folder lacks. Files written before a
        failed merge stay (content-addressed, harmless) and are reused by the next pull."""
        missing = [sha for sha in changes.photo_hashes if not self.photos.path_of(sha).exists()]
        found = 0
        for start in range(0, len(missing), PHOTO_BATCH):
            step("下载照片", start, len(missing))
            batch = missing[start : start + PHOTO_BATCH]
            for sha, data in load_blobs(connection, batch):
                _write_photo(self.photos, sha, data)
                found += 1
        lacking = [sha for sha in missing if not self.photos.path_of(sha).exists()]
        if lacking:
            raise SyncError(f"中心数据库缺少照片 {lacking[0][:12]}… 等 {len(lacking)} 张，未拉取任何内容")
        return found

    # -- helpers --------------------------------------------------------------------------------
    def _today(self) -> date | None:
        return self.today() if self.today else None

    @contextmanager
    def _central(self, url: str, prompt: PasswordPrompt | None) -> Iterator[Engine]:
        engine = open_central(connection_url(url, prompt))
        try:
            yield engine
        finally:
            engine.dispose()


class _Steps:
    """Progress reports that also honour a cancel request between steps."""

    def __init__(self, progress: Progress | None, cancel: threading.Event | None) -> None:
        self.progress = progress
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise SyncCancelled("同步已取消，两边的数据库都保持原样")

    def __call__(self, what: str, done: int, total: int) -> None:
        self.check()
        if self.progress is not None:
            self.progress(what, done, total)


@contextmanager
def _session_on(connection: Connection) -> Iterator[Session]:
    """An ORM session inside the caller's central transaction (it never commits on its own)."""
    # The connection is inside central_transaction: the session joins it, and its commit only
    # flushes (SQLAlchemy's "conditional_savepoint" mode); the outer block commits or rolls back.
    session = Session(bind=connection, join_transaction_mode="conditional_savepoint")
    session.info["device_id"] = _device_of(session)
    try:
        yield session
        session.commit()
    finally:
        session.close()


def _device_of(session: Session) -> str:
    """The central database's own device id (made once), stamped on rows the merge derives there."""
    meta = Base.metadata.tables[Meta.__tablename__]
    value = session.scalar(select(meta.c.value).where(meta.c.key == "device_id"))
    if value is None:
        import uuid

        value = uuid.uuid4().hex
        session.execute(insert(meta).values(key="device_id", value=value))
    return value


def _observe_central_sequence(connection: Connection) -> None:
    """Move the clock past every change sequence the central database holds (see the module doc)."""
    high = 0
    for name in SYNC_TABLES:
        table = Base.metadata.tables[name]
        high = max(high, connection.scalar(select(func.max(table.c.changed_seq))) or 0)
    clock.observe(high)


def _write_photo(store: PhotoStore, sha: str, data: bytes) -> None:
    import hashlib
    import os

    if hashlib.sha256(data).hexdigest() != sha:
        raise SyncError(f"中心数据库中的照片 {sha[:12]}… 内容与其哈希不符，未拉取任何内容")
    target = store.path_of(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


__all__ = ["PHOTO_BLOBS", "CentralSync", "Progress", "SyncCancelled", "SyncSummary", "peer_name"]
