"""Ten laptops (SQLite data folders) push and pull at once against a real PostgreSQL server, one
of them stalled while it holds the push lock (like a laptop suspended mid-sync): the server
ends the stalled session by its idle-in-transaction timeout, the others wait at most the lock
timeout and retry on their own, nobody sees a lock error, and once everyone has synced again
every copy is identical to the central database."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from inspector.core.checklist import Result
from inspector.sync import central_sync
from inspector.sync.central import CentralError, Timeouts

from . import pg_fixtures
from .central_fixtures import central_dump
from .simulation import Laptop, settle_central

pg_url = pg_fixtures.pg_url  # the fixture, made visible to pytest in this module

LAPTOPS = 10
STALL_S = 8.0
SHORT = Timeouts(lock=5, statement=60, idle=3)


def _work(laptop: Laptop, n: int) -> None:
    laptop.add_enterprise(n)
    laptop.start_inspection(0)
    laptop.answer(0, 0, Result.FAIL)
    laptop.answer(0, 1, Result.PASS)
    laptop.raise_hazard(0, n)


def test_ten_laptops_at_once_one_stalled(tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    laptops = [Laptop.create(tmp_path, f"laptop{i}") for i in range(LAPTOPS)]
    try:
        for i, laptop in enumerate(laptops):
            laptop.ws.central.timeouts = SHORT
            _work(laptop, 100 + i)
            if i % 3 == 0:
                laptop.add_enterprise(1, f"同一企业（{i} 号电脑录入）")  # one enterprise entered on several laptops
        laptops[0].ws.central.push(pg_url)  # the schema and the templates exist before the rush

        stalled = "laptop-stalled"
        real_observe = central_sync._observe_central_sequence

        def observe(connection: object) -> None:
            real_observe(connection)  # type: ignore[arg-type]
            if threading.current_thread().name == stalled:
                time.sleep(STALL_S)  # holding the push lock, sending nothing: a suspended laptop

        monkeypatch.setattr(central_sync, "_observe_central_sequence", observe)
        errors: dict[str, str] = {}
        stalled_error: list[str] = []

        def sync(laptop: Laptop) -> None:
            try:
                for _ in range(2):
                    laptop.ws.central.push(pg_url)
                    laptop.ws.central.pull(pg_url)
            except CentralError as error:
                if threading.current_thread().name == stalled:
                    stalled_error.append(str(error))
                else:
                    errors[laptop.name] = str(error)

        threads = [
            threading.Thread(target=sync, args=(laptop,), name=stalled if i == 3 else laptop.name)
            for i, laptop in enumerate(laptops)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        elapsed = time.monotonic() - started
        assert not any(thread.is_alive() for thread in threads)
        assert errors == {}  # nobody but the stalled laptop saw an error: the others waited and retried
        # The stalled laptop's session was ended by the server: one sentence, nothing applied.
        assert stalled_error and all("\n" not in e and "Traceback" not in e for e in stalled_error)
        assert elapsed < 240

        monkeypatch.setattr(central_sync, "_observe_central_sequence", real_observe)
        settle_central(laptops, pg_url)
        dumps = [laptop.dump() for laptop in laptops]
        assert all(dump == dumps[0] for dump in dumps)
        assert central_dump(pg_url) == dumps[0]
        assert len({row[0] for row in dumps[0]["enterprises"]}) == LAPTOPS + 1
    finally:
        for laptop in laptops:
            laptop.ws.close()
