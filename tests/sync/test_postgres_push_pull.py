"""Push and pull through a central database (PostgreSQL, and a SQLite file as a stand-in that
always runs): two laptops push, a third pulls, everything identical; photos arrive; an
interrupted push leaves both sides as they were; credentials never reach settings.json."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.core.checklist import Result
from inspector.core.hazard_lifecycle import HazardAction
from inspector.db.models import EnterpriseRow
from inspector.settings import SETTINGS_FILE, Settings
from inspector.sync import engine as sync_engine
from inspector.sync.central import PHOTO_BLOBS, open_central
from inspector.sync.central_sync import SyncCancelled, peer_name
from inspector.sync.credentials import connection_url, keyring_entry, lookup_password, store_password

from . import central_fixtures, pg_fixtures
from .central_fixtures import MemoryKeyring, central_dump
from .simulation import Laptop

# The fixtures, made visible to pytest in this module.
central_url = pg_fixtures.central_url
pg_url = pg_fixtures.pg_url
memory_keyring = central_fixtures.memory_keyring


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    made = [Laptop.create(tmp_path, name) for name in ("a", "b", "c")]
    yield made
    for laptop in made:
        laptop.ws.close()


def work_on(laptop: Laptop, n: int, seed: int) -> str | None:
    laptop.add_enterprise(n)
    laptop.start_inspection(0)
    laptop.answer(0, 0, Result.FAIL)
    laptop.answer(0, 1, Result.PASS)
    return laptop.raise_hazard(0, seed)


def test_two_push_third_pulls_everything_identical(laptops: list[Laptop], central_url: str) -> None:
    a, b, c = laptops
    ha = work_on(a, 1, 1)
    hb = work_on(b, 2, 2)
    b.add_enterprise(1, "同一信用代码另一名称")  # the same enterprise created on two laptops
    sent_a = a.ws.central.push(central_url)
    sent_b = b.ws.central.push(central_url)
    assert sent_a.rows["hazards"] == 1 and sent_a.photos == 1
    assert sent_b.merged.get("enterprises", 0) + sent_b.inserted["enterprises"] >= 1
    pulled = c.ws.central.pull(central_url)
    assert pulled.inserted["hazards"] == 2 and pulled.photos == 2
    for laptop in (a, b):
        laptop.ws.central.pull(central_url)
    # The central database stores what laptops send and derives nothing: the lights each laptop
    # derived from the merged hazards travel with the next push (equal contents: no conflict).
    for laptop in (a, b, c):
        assert laptop.ws.central.push(central_url).conflicts == 0
    for laptop in (a, b, c):
        laptop.ws.central.pull(central_url)
    assert a.dump() == b.dump() == c.dump() == central_dump(central_url)
    with c.ws.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(EnterpriseRow)) == 2
    # photos arrive as files, and the hazards' photos open on the third laptop
    for hid in (ha, hb):
        assert hid is not None
        for sha in c.ws.hazards.get(hid).events[0].photos:
            assert c.ws.photos.path_of(sha).read_bytes() == a.ws.photos.path_of(sha).read_bytes() or b
            assert c.ws.photos.path_of(sha).exists()
    # nothing new: a second push sends only what the pull echoed, and changes nothing centrally
    before = central_dump(central_url)
    again = a.ws.central.push(central_url)
    assert again.conflicts == 0 and not again.inserted and not again.updated
    assert central_dump(central_url) == before
    assert c.ws.central.pull(central_url).total_rows == 0


def test_hazard_steps_travel_both_ways(laptops: list[Laptop], central_url: str) -> None:
    a, b, _ = laptops
    hid = work_on(a, 3, 3)
    assert hid is not None
    a.ws.central.push(central_url)
    b.ws.central.pull(central_url)
    b.refresh_ids()
    b.hazards = [hid]
    b.act(0, HazardAction.ISSUE_NOTICE, 10)
    b.ws.central.push(central_url)
    a.ws.central.pull(central_url)
    assert a.ws.hazards.get(hid).status == b.ws.hazards.get(hid).status
    assert a.dump() == b.dump()


def test_interrupted_push_leaves_both_sides_unchanged(
    laptops: list[Laptop], central_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _, _ = laptops
    work_on(a, 4, 4)
    a.ws.central.push(central_url)
    work_on(a, 5, 5)
    before_central = central_dump(central_url)
    mark_before = a.ws.central.last_sync(central_url)
    real = sync_engine._Merger.apply_table
    calls = {"n": 0}

    def failing(self: object, table: object, rows: list[dict[str, object]]) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("网络中断（测试）")
        real(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_engine._Merger, "apply_table", failing)
    with pytest.raises(RuntimeError):
        a.ws.central.push(central_url)
    assert calls["n"] == 3
    monkeypatch.undo()
    assert central_dump(central_url) == before_central
    engine = open_central(central_url)
    with engine.connect() as connection:
        # The new photo's bytes stay: they are stored before the apply (in their own short
        # transaction, so the push lock is never held while photos travel); content-addressed,
        # they are harmless and the next push reuses them instead of sending them again.
        assert connection.scalar(select(func.count()).select_from(PHOTO_BLOBS)) == 2
    engine.dispose()
    assert a.ws.central.last_sync(central_url) == mark_before
    # the next push sends it all again and succeeds (the pull brings back the lights the
    # central merge derived again, so both sides then hold the same)
    again = a.ws.central.push(central_url)
    assert again.inserted["hazards"] == 1 and again.photos == 0
    a.ws.central.pull(central_url)
    assert central_dump(central_url) == a.dump()


def test_cancel_before_commit_changes_nothing(laptops: list[Laptop], central_url: str) -> None:
    a, _, _ = laptops
    work_on(a, 6, 6)
    cancel = threading.Event()
    seen: list[str] = []

    def progress(what: str, done: int, total: int) -> None:
        seen.append(what)
        if what == "合并到中心数据库":
            cancel.set()

    with pytest.raises(SyncCancelled):
        a.ws.central.push(central_url, progress=progress, cancel=cancel)
    assert "上传照片" in seen
    assert a.ws.central.last_sync(central_url).sent_seq == 0
    assert all(not rows for rows in central_dump(central_url).values())


def test_credentials_live_in_the_keyring_not_in_settings(
    laptops: list[Laptop], memory_keyring: MemoryKeyring, pg_url: str
) -> None:
    a = laptops[0]
    server = pg_url.replace("app@", "app@", 1)
    a.ws.save_settings(Settings(sync_server_url=server))
    store_password(server, "s3cret-密码")
    assert lookup_password(server) == "s3cret-密码"
    assert memory_keyring.store[keyring_entry(server)] == "s3cret-密码"
    # the server trusts local connections, so the stored password is sent and ignored
    work_on(a, 7, 7)
    assert a.ws.central.push(server).rows
    text = (a.ws.data_dir / SETTINGS_FILE).read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert json.loads(text)["sync_server_url"] == server
    assert "s3cret" in connection_url(server)


def test_settings_refuse_a_url_with_a_password() -> None:
    from inspector.core.errors import DomainError

    with pytest.raises(DomainError, match="密码"):
        Settings(sync_server_url="postgresql://app:hunter2@host/db").validated()


def test_peer_name_never_holds_the_password() -> None:
    assert peer_name("postgresql://app:pw@host:5432/city") == "postgresql+psycopg://app@host:5432/city"
