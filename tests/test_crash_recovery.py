"""Never lose work: a worker process is killed (SIGKILL) while answering, again and again.

After every kill the data folder must hold everything the worker reported as done (it prints
a line only after the commit), the database must pass SQLite's integrity check, and every
photo stored under its real name must be a whole JPEG.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from inspector.core.checklist import Result
from inspector.core.inspection import InspectionStatus
from inspector.db.database import DB_NAME
from inspector.workspace import Workspace
from tests.sqlite_files import sql

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "tests" / "crash_worker.py"
LINE_TIMEOUT_S = 60.0  # generous: the first line waits for imports, migrations and (GUI) Qt


def run_and_kill(data_dir: Path, after_lines: int, gui: bool, seed: int) -> list[str]:
    """Start the worker, read `after_lines` committed lines, then SIGKILL it mid-stride."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    command = [sys.executable, str(WORKER), str(data_dir), "--seed", str(seed)] + (["--gui"] if gui else [])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert process.stdout is not None
    lines: list[str] = []
    buffer = b""
    deadline = time.monotonic() + LINE_TIMEOUT_S
    try:
        while len(lines) < after_lines:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"worker printed only {len(lines)} lines")
            ready, _, _ = select.select([process.stdout], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                stderr = process.stderr.read().decode() if process.stderr else ""
                raise AssertionError(f"worker ended early (exit {process.wait()}):\n{stderr}")
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            lines.extend(line.decode() for line in complete)
    finally:
        process.send_signal(signal.SIGKILL)  # no clean-up of any kind: as if the power went
        process.wait()
    assert process.returncode == -signal.SIGKILL
    return lines  # any partial last line was never reported as done


def check_folder(data_dir: Path, lines: list[str]) -> None:
    assert sql(data_dir / DB_NAME, "PRAGMA integrity_check") == [("ok",)]
    workspace = Workspace(data_dir)
    try:
        service = workspace.inspections
        answers = {}
        photos = {}
        notes: dict[tuple[str, str], str] = {}
        for line in lines:
            kind, inspection, *rest = line.split(" ", 3)
            if inspection not in answers:
                answers[inspection] = service.answers(inspection)
                photos[inspection] = service.photos(inspection)
            if kind == "answer":
                code, result = rest
                assert answers[inspection][code].result is Result(result), line
            elif kind == "note":
                code, text = rest
                notes[(inspection, code)] = text
            elif kind == "photo":
                code, sha = rest
                assert sha in photos[inspection].get(code, []), line
                assert workspace.photos.path_of(sha).exists(), line
            elif kind == "complete":
                assert service.get(inspection).status is InspectionStatus.COMPLETED, line
            else:
                raise AssertionError(f"unknown line {line!r}")
        for (inspection, code), text in notes.items():
            # At most the keystroke in flight is lost; one typed after the last report may be kept.
            assert answers[inspection][code].note.startswith(text), (inspection, code, text)
        for path in (data_dir / "photos").rglob("*.jpg"):
            with Image.open(path) as image:
                image.verify()
    finally:
        workspace.close()


@pytest.mark.slow
def test_killed_while_answering_through_the_services(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    reported: list[str] = []
    # Killed early (setting up), inside a first inspection, and after completing some.
    for run, after in enumerate((1, 23, 77, 160)):
        reported += run_and_kill(data_dir, after, gui=False, seed=run)
        check_folder(data_dir, reported)
    assert any(line.startswith("complete ") for line in reported)
    assert any(line.startswith("photo ") for line in reported)


@pytest.mark.slow
def test_killed_while_keys_are_pressed_in_the_checklist(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    reported: list[str] = []
    for run, after in enumerate((9, 71)):
        reported += run_and_kill(data_dir, after, gui=True, seed=run)
        check_folder(data_dir, reported)
    assert any(line.startswith("note ") for line in reported)
