"""Run service calls off the UI thread.

Rule (as in Anki's operations): the background function must never touch a widget; it gets and
returns plain values (ids, dataclasses). `on_success` / `on_failure` run on the UI thread.
Work on the database is serialised on one worker thread, so two operations never write at once.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from inspector.core.errors import DomainError

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except DomainError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # an unexpected failure still reaches the user, not a dead thread
            traceback.print_exc()
            self.signals.failed.emit(f"内部错误：{error}")
        else:
            self.signals.succeeded.emit(result)


_alive: set[_Signals] = set()  # keep signal objects alive until their job reports


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
) -> None:
    signals = _Signals()
    _alive.add(signals)

    @Slot(object)
    def succeeded(result: Any) -> None:
        _alive.discard(signals)
        if on_success:
            on_success(result)

    @Slot(str)
    def failed(message: str) -> None:
        _alive.discard(signals)
        if on_failure:
            on_failure(message)

    signals.succeeded.connect(succeeded)
    signals.failed.connect(failed)
    pool().start(_Job(work, signals))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    return pool().waitForDone(timeout_ms)
