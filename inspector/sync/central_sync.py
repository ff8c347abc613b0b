"""Push and pull: a laptop and the central database exchange changes through the merge engine.

- **push** sends every change made here since the last push to this server (`sync_peers.sent_seq`
  of the peer `central:<server id>`), except rows whose version is still the one that arrived
  from this server (`synced_hlc = hlc`: pulled rows are not local changes, so nothing is
  echoed). Photo files go first, each batch in its own short transaction (content-addressed:
  a photo stored by a push that later fails is harmless and reused). The rows are merged into
  the central database in one transaction holding the push lock: the lock is held for that
  apply only, never while this laptop reads its own database or sends photos. The mark moves
  only after the central commit, in a short local transaction: a push interrupted anywhere
  leaves the central database's rows and the mark as they were, and the next push sends the
  same changes again (merging is idempotent).
- **pull** brings every change the central database received since the last pull from it
  (`sync_peers.received_seq`, a position in the central database's change sequence). The rows
  and their photos are read in one read-only snapshot (REPEATABLE READ, no lock), which ends
  before this laptop merges: the merge itself (inspector.sync.staged_merge) runs with no
  connection to the server open. Rows taken from the home server are marked `synced_hlc`.

A busy server (the push lock not had within the lock timeout, or a serialisation failure) is
retried automatically a few times with a growing pause; then one sentence says so.

Before merging, a push moves this process's clock past the central database's highest change
sequence, under the lock: sequences on the central side only go up from one push to the next
even when laptops' clocks disagree, so a pull's mark (the highest sequence in its snapshot)
never skips a push that commits later.

Marks are keyed by the server's id (meta `server_id` in the central database), not by its URL:
another role name, host alias or port is the same server. The home server (meta `home_server`
here) is the first one pulled from; `synced_hlc` describes it only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from inspector.core.errors import Cancelled
from inspector.db import hlc as clock
from inspector.db.database import Database, get_meta
from inspector.db.models import Base, Meta, SyncPeerRow, utcnow
from inspector.photos.photo_store import PhotoStore

from .central import (
    DEFAULT_TIMEOUTS,
    PHOTO_BLOBS,
    CentralBusy,
    Timeouts,
    central_transaction,
    describe_error,
    known_blobs,
    load_blobs,
    open_central,
    server_id,
    store_blobs,
)
from .credentials import PasswordPrompt, connection_url, without_password
from .devices import Peer, mark_received, mark_sent, peer, set_meta
from .devices import peers as all_peers
from .engine import SYNC_TABLES, ApplyReport, SyncError, apply_batches, iter_changes
from .spool import Spool
from .staged_merge import merge

Progress = Callable[[str, int, int], None]
"""(what is happening, done, total) — called from the thread doing the work."""

PHOTO_BATCH = 100
RETRIES = 5  # a busy server is tried this many times more, after 1, 2, 4, 8, 16 s
RETRY_STATES = frozenset({"55P03", "40001", "40P01"})  # lock timeout, serialisation, deadlock
HOME_SERVER = "home_server"


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
    retries: int = 0  # times the server was busy and the apply was tried again

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def peer_name(url: str) -> str:
    """The server's URL without password (how marks were named before server ids; shown to people)."""
    return without_password(url)


def server_peer(server: str) -> str:
    """The peer name of a central database in sync_peers: its server id."""
    return f"central:{server}"


SERVER_OF = "server_of:"  # + a hash of the URL without password → "<server id> <url>"


def _server_key(url: str) -> str:
    import hashlib

    return SERVER_OF + hashlib.sha256(peer_name(url).encode()).hexdigest()[:40]


def _known_server(session: Session, url: str) -> str | None:
    """The id of the server this URL reached last time, if it ever did."""
    value = get_meta(session, _server_key(url))
    return value.split(" ", 1)[0] if value else None


def _summary(
    direction: str, url: str, counts: dict[str, int], report: ApplyReport, photos: int, retries: int = 0
) -> SyncSummary:
    return SyncSummary(
        direction,
        peer_name(url),
        dict(counts),
        dict(report.inserted),
        dict(report.updated),
        dict(report.deleted),
        dict(report.merged),
        photos,
        report.conflicts,
        retries=retries,
    )


class CentralSync:
    """Push to and pull from central databases for one data folder. No Qt: the CLI, the GUI and
    the tests all call these methods; the GUI runs them on its worker thread."""

    def __init__(
        self,
        db: Database,
        photos: PhotoStore,
        timezone: str,
        today: Callable[[], date] | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
    ) -> None:
        self.db = db
        self.photos = photos
        self.timezone = timezone
        self.today = today
        self.timeouts = timeouts

    # -- status ---------------------------------------------------------------------------------
    def last_sync(self, url: str) -> Peer:
        """When this folder last pushed to / pulled from the server (marks and times)."""
        with self.db.reading() as session:
            return _marks(session, _known_server(session, url), url)

    def peers(self) -> list[Peer]:
        """Every peer this folder exchanged with (laptops by bundle, servers by push/pull); a
        server is shown by the URL it was last reached at, not by its id."""
        with self.db.reading() as session:
            meta = Base.metadata.tables[Meta.__tablename__]
            known = session.scalars(select(meta.c.value).where(meta.c.key.like(SERVER_OF + "%")))
            urls = {server_peer(server): url for server, _, url in (value.partition(" ") for value in known)}
        return [replace(p, name=urls[p.name]) if p.name in urls else p for p in all_peers(self.db)]

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
        with self._central(url, prompt) as (engine, server), Spool() as spool:
            step("收集本机改动", 0, 1)
            with self.db.reading() as local:
                spool.high_seq = since = _marks(local, server, url).sent_seq
                skip = get_meta(local, HOME_SERVER) == server
                for name, rows, high in iter_changes(local, since, skip_synced=skip):
                    spool.add(name, rows, high)
                    step("收集本机改动", sum(spool.counts.values()), 0)
            sent = self._send_photos(engine, url, sorted(spool.photo_hashes), step)
            step("合并到中心数据库", 0, 1)

            def apply(connection: Connection) -> ApplyReport:
                _observe_central_sequence(connection)
                clock.observe(spool.max_hlc)
                with _session_on(connection) as central:
                    report = apply_batches(central, spool.batches(), self.timezone, self._today(), derive_lights=False)
                step.check()  # the last moment a cancel still undoes everything
                return report

            report, retries = self._retrying(engine, url, apply, step)
            with self.db.transaction() as local:
                _remember_server(local, url, server)
                mark_sent(local, server_peer(server), spool.high_seq)
        step("完成", 1, 1)
        return _summary("push", url, spool.counts, report, sent, retries)

    def _retrying(
        self, engine: Engine, url: str, apply: Callable[[Connection], ApplyReport], step: _Steps
    ) -> tuple[ApplyReport, int]:
        """Apply under the push lock; a busy server is tried again after a growing pause."""
        for attempt in range(RETRIES + 1):
            try:
                with central_transaction(engine, locked=True) as connection:
                    return apply(connection), attempt
            except DBAPIError as error:
                problem = describe_error(url, error)
                busy = isinstance(problem, CentralBusy) or _state(error) in RETRY_STATES
                if not busy or attempt == RETRIES:
                    if busy:
                        raise CentralBusy(f"{problem}（已自动重试 {RETRIES} 次）") from None
                    raise problem from None
            step(f"中心数据库正忙，{2**attempt} 秒后第 {attempt + 1} 次重试", attempt, RETRIES)
            _sleep(2**attempt, step)
        raise AssertionError("unreachable")

    def _send_photos(self, engine: Engine, url: str, wanted: list[str], step: _Steps) -> int:
        """Photo bytes before the rows, each batch in its own short transaction, no lock."""
        try:
            with engine.connect() as connection:
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
                with engine.begin() as connection:
                    store_blobs(connection, batch)
        except DBAPIError as error:
            raise describe_error(url, error) from None
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
        with self._central(url, prompt) as (engine, server):
            with self.db.reading() as local:
                since = _marks(local, server, url).received_seq
                home = get_meta(local, HOME_SERVER)
            step("读取中心数据库的改动", 0, 1)
            spool = Spool(since)
            try:
                # One snapshot for the rows and their photos; it ends before the local merge.
                with central_transaction(engine) as connection:
                    with _session_on(connection) as central:
                        for name, rows, high in iter_changes(central, since):
                            spool.add(name, rows, high)
                            step("读取中心数据库的改动", sum(spool.counts.values()), 0)
                    received = self._receive_photos(connection, sorted(spool.photo_hashes), step)
            except DBAPIError as error:
                spool.close()
                raise describe_error(url, error) from None
            except BaseException:
                spool.close()
                raise
        step("合并到本机", 0, 1)

        def record(local: Session) -> None:
            _remember_server(local, url, server)
            if home is None:
                set_meta(local, HOME_SERVER, server)
            mark_received(local, server_peer(server), spool.high_seq)
            step.check()  # the last moment a cancel still undoes everything

        if spool.is_empty():  # nothing to merge: only the mark moves (no staging copy)
            spool.close()
            with self.db.transaction() as local:
                record(local)
            step("完成", 1, 1)
            return _summary("pull", url, spool.counts, ApplyReport(), received)
        with spool:
            report = merge(
                self.db, spool.batches, self.timezone, self._today(), after=record, mark_synced=home in (None, server)
            )
        step("完成", 1, 1)
        return _summary("pull", url, spool.counts, report, received)

    def _receive_photos(self, connection: Connection, wanted: list[str], step: _Steps) -> int:
        """Photo files first: a row never names a file this folder lacks. Files written before a
        failed merge stay (content-addressed, harmless) and are reused by the next pull."""
        missing = [sha for sha in wanted if not self.photos.path_of(sha).exists()]
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
    def _central(self, url: str, prompt: PasswordPrompt | None) -> Iterator[tuple[Engine, str]]:
        engine = open_central(connection_url(url, prompt), self.timeouts)
        try:
            try:
                with engine.begin() as connection:
                    server = server_id(connection)
            except DBAPIError as error:
                raise describe_error(url, error) from None
            yield engine, server
        finally:
            engine.dispose()


def _state(error: DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", "") or "")


def _sleep(seconds: float, step: _Steps) -> None:
    """A pause that a cancel ends at once."""
    if step.cancel is not None:
        step.cancel.wait(seconds)
        step.check()
    else:
        time.sleep(seconds)


def _remember_server(local: Session, url: str, server: str) -> None:
    """Which server this URL reached (for `last_sync`), and marks kept under the URL before
    server ids carried over to the server's id once."""
    if _known_server(local, url) != server:
        set_meta(local, _server_key(url), f"{server} {peer_name(url)}")
    new = server_peer(server)
    if local.get(SyncPeerRow, new) is None:
        old = local.get(SyncPeerRow, peer_name(url))
        if old is not None:
            local.add(
                SyncPeerRow(
                    name=new,
                    sent_seq=old.sent_seq,
                    sent_at=old.sent_at,
                    received_seq=old.received_seq,
                    received_at=old.received_at,
                )
            )
            local.flush()


def _marks(local: Session, server: str | None, url: str) -> Peer:
    """The marks of a server: under its id, else (never synced since ids) under its URL."""
    if server is not None and local.get(SyncPeerRow, server_peer(server)) is not None:
        return peer(local, server_peer(server))
    return peer(local, peer_name(url))


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
    # No device id: the central database never stamps a version of its own.
    session = Session(bind=connection, join_transaction_mode="conditional_savepoint")
    try:
        yield session
        session.commit()
    finally:
        session.close()


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


__all__ = ["PHOTO_BLOBS", "CentralSync", "Progress", "SyncCancelled", "SyncSummary", "peer_name", "server_peer"]
