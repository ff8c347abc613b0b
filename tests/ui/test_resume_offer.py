"""After a crash the window offers the draft that was left open; after a clean exit it does not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector.core.checklist import Result
from inspector.ui.main_window import MainWindow
from inspector.ui.resume_offer import MARKER, RunningMarker
from inspector.ui.welcome_page import StartController
from inspector.workspace import Workspace
from tests.sample_records import add_enterprise, start_inspection

HOLD = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(60)
"""


def hold_marker(data_dir: Path) -> subprocess.Popen[str]:
    """Another program holding the folder's mark, until the test kills it."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir / MARKER)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_mark_tells_a_crash_from_a_clean_exit_and_from_a_running_copy(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    clean = RunningMarker(data_dir)
    assert clean.begin() is False  # first run
    clean.end()
    assert not (data_dir / MARKER).exists()

    holder = hold_marker(data_dir)
    try:
        assert RunningMarker(data_dir).begin() is False  # another copy is running: not a crash
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    after_crash = RunningMarker(data_dir)
    assert after_crash.begin() is True  # its mark was left behind by a process that is gone
    after_crash.end()
    assert RunningMarker(data_dir).begin() is False


def draft(workspace: Workspace) -> str:
    enterprise = add_enterprise(workspace, "平湖市断电机械有限公司", 401)
    inspection = start_inspection(workspace, enterprise, date(2026, 6, 3))
    for code in ("A-1", "A-2", "A-3"):
        workspace.inspections.answer(inspection, code, Result.PASS)
    workspace.inspections.remember_position(inspection, "A-4")
    return inspection


def test_after_a_crash_the_window_offers_the_open_draft(qtbot: QtBot, workspace: Workspace) -> None:
    inspection = draft(workspace)
    shell = StartController(workspace.data_dir, workspace, unclean_exit=True)
    window = shell.start()
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    box = window.resume_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "平湖市断电机械有限公司" in box.text() and "已答 3 /" in box.text()
    resume = next(b for b in box.buttons() if b.text() == "继续检查")
    assert box.defaultButton() is resume
    resume.click()
    assert window.current_page() == "inspections"
    checklist = window.inspections.checklist
    assert window.inspections.stack.currentWidget() is checklist
    assert checklist.inspection_id == inspection and checklist.current_code() == "A-4"
    # Asked once per run: the window made again (e.g. after a restore) does not ask again.
    assert shell.unclean_exit is False


def test_later_leaves_the_window_as_it_was_and_a_clean_start_asks_nothing(qtbot: QtBot, workspace: Workspace) -> None:
    draft(workspace)
    window = StartController(workspace.data_dir, workspace, unclean_exit=True).start()
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.resume_box is not None
    page = window.current_page()
    next(b for b in window.resume_box.buttons() if b.text() == "稍后").click()
    assert window.current_page() == page
    calm = StartController(workspace.data_dir, workspace).start()
    qtbot.addWidget(calm)
    assert isinstance(calm, MainWindow) and calm.resume_box is None
