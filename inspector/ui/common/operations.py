"""Every GUI action that writes or takes long runs through here (Anki's `CollectionOp`).

    Operation(self, lambda progress: service.issue(...), failure_title=self.tr("发牌失败"))
        .with_progress(self.tr("正在发牌…"))      # a progress dialog with 取消 (long work only)
        .success(self._issued)
        .run()

Rules:
- the work runs on the one worker thread, so two operations never write at once; it must never
  touch a widget: it gets and returns plain values (ids, dataclasses);
- long work reports through the `Progress` it is given: `progress(done, total)` (or
  `progress.step(what, done, total)`), which raises `Cancelled` once the person pressed 取消 —
  services roll back, nothing half-written stays;
- a failure is shown as one dialog (the DomainError's sentence) unless the caller handles it;
  a cancel shows nothing;
- what the work changed needs no handling here: the database announces every commit and the
  screens follow it (inspector/ui/common/changes.py).
`success`, `failure`, `cancelled` and `finished` callbacks run on the UI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspector.core.errors import Cancelled, DomainError

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class Progress:
    """What long work gets to report progress and notice a cancel (used on the worker thread)."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self.event = threading.Event()  # for services that take a threading.Event as their cancel
        self._report = report

    def __call__(self, done: int, total: int, what: str = "") -> None:
        self.check()
        if self._report is not None:
            try:
                self._report(done, total, what)
            except RuntimeError:  # the window that asked is gone: nobody wants the result any more
                self.event.set()
                raise Cancelled() from None

    def step(self, what: str, done: int, total: int) -> None:
        """The same with the step's name first (the sync services' order)."""
        self(done, total, what)

    def check(self) -> None:
        if self.event.is_set():
            raise Cancelled()

    def cancelled(self) -> bool:
        return self.event.is_set()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal()
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals, progress: Progress | None = None) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.progress = progress

    def run(self) -> None:
        try:
            result = self.work()
        except DomainError as error:
            if isinstance(error, Cancelled) or (self.progress is not None and self.progress.cancelled()):
                self.signals.stopped.emit()
            else:
                self.signals.failed.emit(str(error))
        except Exception as error:  # an unexpected failure still reaches the user, not a dead thread
            traceback.print_exc()
            self.signals.failed.emit(QCoreApplication.translate("Operation", "内部错误：{error}").format(error=error))
        else:
            self.signals.succeeded.emit(result)


_alive: set[object] = set()  # operations and signal objects stay alive until their job reports


class Operation(QObject):
    """One action of the person's, run on the worker (see the module docstring)."""

    progressed = Signal(int, int, str)  # done, total, the step's name (on the UI thread)

    def __init__(self, parent: QWidget, work: Callable[[Progress], Any], failure_title: str | None = None) -> None:
        super().__init__()
        self.parent_widget = parent
        self.work = work
        self.failure_title = failure_title or QCoreApplication.translate("Operation", "操作失败")
        self.progress = Progress()
        self.dialog: QProgressDialog | None = None
        self._dialog_spec: tuple[str, bool, bool] | None = None
        self._on_success: list[Callable[[Any], None]] = []
        self._on_failure: Callable[[str], None] | None = None
        self._on_cancelled: list[Callable[[], None]] = []
        self._on_finished: list[Callable[[], None]] = []
        self.running = False
        self.error: str | None = None

    # -- building --------------------------------------------------------------------------------
    def with_progress(self, label: str, cancellable: bool = True, modal: bool = True) -> Operation:
        """Show a progress dialog (after 300 ms) with 取消 when `cancellable`."""
        self._dialog_spec = (label, cancellable, modal)
        return self

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success.append(callback)
        return self

    def failure(self, callback: Callable[[str], None]) -> Operation:
        """Handle the failure's sentence yourself instead of the default dialog."""
        self._on_failure = callback
        return self

    def cancelled(self, callback: Callable[[], None]) -> Operation:
        self._on_cancelled.append(callback)
        return self

    def finished(self, callback: Callable[[], None]) -> Operation:
        """Called last, whatever the outcome (re-enable buttons here)."""
        self._on_finished.append(callback)
        return self

    # -- running ---------------------------------------------------------------------------------
    def run(self) -> Operation:
        signals = _Signals()
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        signals.stopped.connect(self._stopped)
        signals.progressed.connect(self._progressed)
        self._signals = signals
        self.progress = Progress(signals.progressed.emit)
        if self._dialog_spec is not None:
            self._open_dialog(*self._dialog_spec)
        self.running = True
        _alive.add(self)
        progress = self.progress
        pool().start(_Job(lambda: self.work(progress), signals, progress))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; it leaves everything as it was."""
        self.progress.event.set()

    def is_cancelled(self) -> bool:
        return self.progress.cancelled()

    def _open_dialog(self, label: str, cancellable: bool, modal: bool) -> None:
        window = self.parent_widget.window()
        dialog = QProgressDialog(
            label, QCoreApplication.translate("Operation", "取消") if cancellable else "", 0, 0, window
        )
        dialog.setObjectName("operationProgress")
        dialog.setWindowTitle(label.rstrip("…").rstrip("."))
        if not cancellable:
            dialog.setCancelButton(None)
        if modal:
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, what: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            if what:
                self.dialog.setLabelText(what)
        self.progressed.emit(done, total, what)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)  # closing the dialog emits canceled
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _widget_gone(self) -> bool:
        """The window that started the work was closed meanwhile: its result (already committed
        and announced) has nobody to show it to."""
        if shiboken6.isValid(self.parent_widget):
            return False
        _alive.discard(self)
        return True

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        if self._widget_gone():
            return
        self._end()  # a cancel that came after the work's last check leaves its result standing
        for callback in self._on_success:
            callback(result)
        self._finish()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self._widget_gone():
            return
        self._end()
        self.error = message
        if self._on_failure is not None:
            self._on_failure(message)
        else:
            QMessageBox.warning(self.parent_widget.window(), self.failure_title, message)
        self._finish()

    @Slot()
    def _stopped(self) -> None:
        if self._widget_gone():
            return
        self._end()
        for callback in self._on_cancelled:
            callback()
        self._finish()

    def _end(self) -> None:
        self.running = False
        self._close_dialog()

    def _finish(self) -> None:
        for callback in self._on_finished:
            callback()
        _alive.discard(self)


def _receiver_alive(callback: Callable[..., None]) -> bool:
    """False when `callback` is a method of a widget closed meanwhile (a page whose window went
    away while its figures were read): the result has nobody to show it to."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
) -> None:
    """Short work with no widget to report to (loading a page's figures, importing photos): the
    same worker, the caller handles the outcome."""
    signals = _Signals()
    _alive.add(signals)

    @Slot(object)
    def succeeded(result: Any) -> None:
        _alive.discard(signals)
        if on_success and _receiver_alive(on_success):
            on_success(result)

    @Slot(str)
    def failed(message: str) -> None:
        _alive.discard(signals)
        if on_failure and _receiver_alive(on_failure):
            on_failure(message)

    signals.succeeded.connect(succeeded)
    signals.failed.connect(failed)
    signals.stopped.connect(lambda: failed(str(Cancelled())))
    pool().start(_Job(work, signals))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    return pool().waitForDone(timeout_ms)
