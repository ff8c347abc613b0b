"""The one helper for GUI work (inspector/ui/common/operations.py): worker thread, progress,
取消, one dialog for a failure, nothing shown for a cancel or to a closed window."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from inspector.core.errors import DomainError
from inspector.ui.common.operations import Operation, Progress, run_in_background, wait_for_background


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: messages.append((title, text)))
    return messages


@pytest.fixture
def widget(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_work_runs_off_the_ui_thread_and_reports_success(
    qtbot: QtBot, widget: QWidget, shown: list[tuple[str, str]]
) -> None:
    threads: list[threading.Thread] = []
    results: list[object] = []
    ended: list[bool] = []

    def work(progress: Progress) -> int:
        threads.append(threading.current_thread())
        progress(1, 2)
        return 42

    operation = Operation(widget, work).success(results.append).finished(lambda: ended.append(True)).run()
    qtbot.waitUntil(lambda: ended == [True])
    assert results == [42] and shown == [] and not operation.running
    assert threads and threads[0] is not threading.main_thread()


def test_a_failure_is_one_dialog_with_the_sentence(qtbot: QtBot, widget: QWidget, shown: list[tuple[str, str]]) -> None:
    def work(_progress: Progress) -> None:
        raise DomainError("企业 x 不存在")

    operation = Operation(widget, work, "发牌失败").run()
    qtbot.waitUntil(lambda: not operation.running)
    assert shown == [("发牌失败", "企业 x 不存在")] and operation.error == "企业 x 不存在"


def test_cancel_from_the_progress_dialog_stops_the_work_and_shows_nothing(
    qtbot: QtBot, widget: QWidget, shown: list[tuple[str, str]]
) -> None:
    steps: list[int] = []
    cancelled: list[bool] = []

    def work(progress: Progress) -> None:
        for step in range(500):
            progress(step, 500)
            steps.append(step)
            time.sleep(0.01)

    operation = Operation(widget, work).with_progress("正在生成…").cancelled(lambda: cancelled.append(True)).run()
    qtbot.waitUntil(lambda: operation.dialog is not None and operation.dialog.value() > 3, timeout=10_000)
    assert operation.dialog is not None
    operation.dialog.findChild(QPushButton).click()  # 取消
    qtbot.waitUntil(lambda: not operation.running, timeout=10_000)
    assert cancelled == [True] and shown == [] and len(steps) < 500


def test_a_window_closed_meanwhile_gets_no_callback(qtbot: QtBot, shown: list[tuple[str, str]]) -> None:
    window = QWidget()
    started = threading.Event()
    release = threading.Event()
    results: list[object] = []

    def work(_progress: Progress) -> str:
        started.set()
        release.wait(10)
        return "done"

    Operation(window, work).success(results.append).run()
    assert started.wait(10)
    window.deleteLater()
    qtbot.wait(50)
    release.set()
    assert wait_for_background()
    qtbot.wait(50)
    assert results == [] and shown == []


def test_a_background_result_for_a_closed_widget_is_dropped(qtbot: QtBot) -> None:
    """A page closed while its figures were read gets nothing (its labels are gone)."""
    label = QLabel()
    shown: list[str] = []

    class Page(QLabel):
        def show_result(self, text: str) -> None:
            shown.append(text)
            label.setText(text)

    page = Page()
    release = threading.Event()
    run_in_background(lambda: release.wait(5) and "done", page.show_result)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page))
    release.set()
    assert wait_for_background()
    qtbot.wait(50)
    assert shown == []
