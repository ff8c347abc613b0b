"""Write discipline (issue 12): an edit made while a long job runs waits briefly and never fails.

Real data folders, a real sync bundle, a second `inspector` process: a checklist answer is made
from another thread and from another process while a large import runs; an edit committed in
the middle of a staged merge is kept; a process that cannot get the lock says one sentence.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from edit_worker import Edits, edit_loop
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

import inspector.db.database as database_module
import inspector.db.hlc as hlc
import inspector.sync.staged_merge as staged_merge
from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.db.busy import BUSY_MESSAGE, DatabaseBusy
from inspector.db.changes import Changes
from inspector.db.database import DB_NAME
from inspector.db.models import InspectorRow, SyncConflictRow
from inspector.db.prepared import untouched, write_prepared
from inspector.demo.demo_city import create_demo
from inspector.demo.generator import DemoSpec
from inspector.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "tests" / "edit_worker.py"
ENV = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", QT_QPA_PLATFORM="offscreen")


def start_inspection(ws: Workspace, n: int) -> str:
    enterprise = ws.enterprises.add(
        Enterprise(name=f"平湖市写锁测试企业{n}", credit_code=with_check_digit(f"91330482MW{n:07d}"), town="当湖街道")
    )
    inspectors = [ws.roster.add("王建国"), ws.roster.add("李明")]
    return ws.inspections.start(enterprise, ws.default_template_id(), ws.today(), inspectors)


@pytest.fixture(scope="module")
def city_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo city of 150 enterprises (≈ 25,000 rows) exported whole: (its folder, the bundle)."""
    root = tmp_path_factory.mktemp("city")
    city = Workspace(root / "city")
    try:
        create_demo(city, DemoSpec(enterprises=150, years=3, seed=7))
        bundle = root / "city.zip"
        city.sync.export(bundle, everything=True)
    finally:
        city.close()
    return root / "city", bundle


@pytest.fixture
def target(city_bundle: tuple[Path, Path], data_dir: Path) -> Iterator[Workspace]:
    """An office's folder that trusts the city and has an inspection under way."""
    city = Workspace(city_bundle[0])
    identity = city.sync.identity()
    city.close()
    ws = Workspace(data_dir)
    ws.sync.trust(identity, "city")
    yield ws
    ws.close()


class ProcessEditor:
    """tests/edit_worker.py answering an inspection in a second process until stopped."""

    def __init__(self, folder: Path, inspection: str, stop_file: Path) -> None:
        self.stop_file = stop_file
        command = [sys.executable, str(WORKER), str(folder), str(stop_file), "--inspection", inspection]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line == "ready", self.process.stderr.read() if self.process.stderr else ""

    def stop(self) -> Edits:
        self.stop_file.touch()
        out, err = self.process.communicate(timeout=120)
        assert self.process.returncode == 0, err
        return Edits.from_json(out.strip().splitlines()[-1])


def test_answers_from_a_thread_and_a_process_succeed_while_a_large_import_runs(
    target: Workspace, city_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    inspection = start_inspection(target, 1)
    other = ProcessEditor(target.data_dir, inspection, tmp_path / "stop")
    editor_ws = Workspace(target.data_dir)  # the screen's own connections, as in the GUI
    stop = threading.Event()
    seen: list[Edits] = []
    thread = threading.Thread(target=lambda: seen.append(edit_loop(editor_ws, stop, inspection, 0.01)))
    thread.start()
    try:
        time.sleep(0.3)
        started = time.time()
        result = target.sync.import_(city_bundle[1])
        ended = time.time()
        time.sleep(0.2)
    finally:
        stop.set()
        thread.join()
        from_process = other.stop()
        editor_ws.close()
    from_thread = seen[0]
    assert from_thread.errors == [] and from_process.errors == []
    for edits in (from_thread, from_process):  # both really edited while the import ran
        assert sum(1 for at in edits.ended_at if started <= at <= ended) >= 3
    assert result.report.inserted["enterprises"] == 150
    assert target.enterprises.count() == 151
    # the thread's last answer is on disk, next to everything imported
    assert from_thread.last is not None
    code, value = from_thread.last
    answers = target.inspections.answers(inspection)
    assert answers[code].result.value == value
    assert len(answers) == len(target.inspections.template_of(inspection).items)


def test_an_edit_committed_during_a_staged_merge_is_kept(
    target: Workspace, city_bundle: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundle's merge runs in a copy; an answer and a new person committed to the real
    database meanwhile are brought into the copy before it is applied, not overwritten."""
    inspection = start_inspection(target, 2)
    code = target.inspections.template_of(inspection).items[0].code
    calls = []
    merge = staged_merge.apply_changes

    def merge_then_edit(session, changes, *args):  # type: ignore[no-untyped-def]
        report = merge(session, changes, *args)
        calls.append(changes.origin_device)
        if len(calls) == 1:  # the bundle, merged in the copy: now someone answers
            target.inspections.answer(inspection, code, Result.FAIL)
            target.roster.add("赵六")
        return report

    monkeypatch.setattr(staged_merge, "apply_changes", merge_then_edit)
    target.sync.import_(city_bundle[1])
    assert len(calls) >= 2  # the bundle, then what was committed meanwhile
    assert target.inspections.answers(inspection)[code].result is Result.FAIL
    assert "赵六" in {i.name for i in target.roster.active()}
    assert target.enterprises.count() == 151
    assert sqlite3.connect(target.db.path).execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_concurrent_edit_of_an_imported_row_wins_or_conflicts_as_in_a_direct_merge(
    target: Workspace, city_bundle: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer the bundle also changes, edited here while the bundle merges in the copy: the
    later version (ours) wins and the city's is kept as a conflict, as if ours had come first."""
    shutil.copytree(city_bundle[0], tmp_path / "city")
    city = Workspace(tmp_path / "city")
    try:
        inspection = start_inspection(city, 5)
        code = next(i.code for i in city.inspections.template_of(inspection).items if i.allow_na)
        city.inspections.answer(inspection, code, Result.PASS)
        city.sync.export(tmp_path / "first.zip", peer="office")
        target.sync.import_(tmp_path / "first.zip")
        city.inspections.answer(inspection, code, Result.FAIL)
        city.sync.export(tmp_path / "edit.zip", peer="office")
    finally:
        city.close()
    merge = staged_merge.apply_changes
    calls = []

    def merge_then_edit(session, changes, *args):  # type: ignore[no-untyped-def]
        report = merge(session, changes, *args)
        calls.append(1)
        if len(calls) == 1:
            target.inspections.answer(inspection, code, Result.NOT_APPLICABLE)
        return report

    monkeypatch.setattr(staged_merge, "apply_changes", merge_then_edit)
    target.sync.import_(tmp_path / "edit.zip")
    assert target.inspections.answers(inspection)[code].result is Result.NOT_APPLICABLE
    with target.db.reading() as session:
        lost = session.scalars(select(SyncConflictRow)).all()
    assert [c.lost_version["result"] for c in lost] == [Result.FAIL.value]


def test_a_second_process_that_cannot_get_the_lock_says_one_sentence(workspace: Workspace, tmp_path: Path) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text(
        f"企业名称,统一社会信用代码,镇街道\n平湖市锁测试厂,{with_check_digit('91330482MA2C00001')},当湖街道\n", "utf-8"
    )
    holder = sqlite3.connect(workspace.data_dir / DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock longer than the timeout
    try:
        command = ["-m", "inspector.cli.main", "--data-dir", str(workspace.data_dir), "enterprises", "import"]
        done = subprocess.run(
            [sys.executable, *command, str(listing)],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=120,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"错误：{BUSY_MESSAGE}"]
    assert workspace.enterprises.count() == 0


@pytest.fixture
def impatient(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A workspace that waits only 200 ms for the write lock."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    ws = Workspace(data_dir)
    yield ws
    ws.close()


def test_an_edit_that_cannot_get_the_lock_is_a_domain_error_the_checklist_shows(
    qtbot: QtBot, impatient: Workspace
) -> None:
    from inspector.ui.inspection.checklist_view import ChecklistView

    inspection = start_inspection(impatient, 3)
    view = ChecklistView(impatient)
    qtbot.addWidget(view)
    view.show()
    view.load(inspection)
    holder = sqlite3.connect(impatient.data_dir / DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match=BUSY_MESSAGE):
            impatient.inspections.answer(inspection, view.current_code(), Result.PASS)
        view.answer_current(Result.PASS)
        assert view.banner.isVisible() and view.banner.text() == BUSY_MESSAGE
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    view.answer_current(Result.PASS)  # the lock let go: the same answer goes through
    assert not view.banner.isVisible()


def test_reading_and_exporting_go_on_while_another_process_holds_the_lock(impatient: Workspace, tmp_path: Path) -> None:
    start_inspection(impatient, 4)
    holder = sqlite3.connect(impatient.data_dir / DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = impatient.sync.export(tmp_path / "all.zip", everything=True)
        assert result.counts["enterprises"] == 1
        assert len(impatient.inspections.drafts()) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_prepared_write_is_prepared_again_when_the_database_changed_meanwhile(workspace: Workspace) -> None:
    calls = []

    def prepare(session):  # type: ignore[no-untyped-def]
        calls.append(session.scalar(select(func.count()).select_from(InspectorRow)))
        if len(calls) <= 2:  # someone else commits while this plan is being made, twice
            workspace.roster.add(f"第{len(calls)}位")
        return calls[-1]

    def write(session, counted):  # type: ignore[no-untyped-def]
        session.add(InspectorRow(name=f"已有{counted}位"))
        return counted

    counted = write_prepared(workspace.db, prepare, write)
    assert len(calls) == 3  # the third plan is made holding the lock: it cannot go stale
    assert counted == 2
    assert {i.name for i in workspace.roster.active()} == {"第1位", "第2位", "已有2位"}


def test_a_prepared_write_commits_the_first_plan_when_nothing_changed(workspace: Workspace) -> None:
    calls = []
    result = write_prepared(workspace.db, lambda s: calls.append(1) or 5, lambda s, plan: plan * 2)
    assert result == 10 and calls == [1]


def test_the_demo_is_written_through_a_copy_and_keeps_an_edit_made_meanwhile(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspector.demo.writer as writer

    insert = writer.insert_rows

    def insert_then_edit(session, rows, progress=None):  # type: ignore[no-untyped-def]
        counts = insert(session, rows, progress)
        workspace.roster.add("演示期间加入")  # committed to the real database, not the copy
        return counts

    monkeypatch.setattr(writer, "insert_rows", insert_then_edit)
    counts = create_demo(workspace, DemoSpec(enterprises=20, years=1, seed=3))
    assert workspace.enterprises.count() == counts["enterprises"] == 20
    names = {i.name for i in workspace.roster.active()}
    assert "演示期间加入" in names and len(names) > 1
    assert not list(workspace.data_dir.glob(".staging-*")), "the copy is removed"


def test_a_prepared_write_that_names_what_it_reads_is_not_redone_for_other_tables(workspace: Workspace) -> None:
    """Plaques issued while checklists are answered: a commit to another table leaves the plan standing."""
    calls = []

    def prepare(session):  # type: ignore[no-untyped-def]
        calls.append(session.scalar(select(func.count()).select_from(InspectorRow)))
        if len(calls) == 1:
            workspace.enterprises.add(
                Enterprise(name="平湖市旁观者厂", credit_code=with_check_digit("91330482MA2C00002"), town="当湖街道")
            )
        return calls[-1]

    write_prepared(
        workspace.db,
        prepare,
        lambda s, n: s.add(InspectorRow(name=f"已有{n}位")),
        still_valid=lambda s, since, _: untouched(s, since, [InspectorRow.__table__]),
    )
    assert calls == [0]
    calls.clear()

    def prepare_and_add_person(session):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            workspace.roster.add("新来的")  # a table the plan reads: prepared again
        return 0

    write_prepared(
        workspace.db,
        prepare_and_add_person,
        lambda s, n: None,
        still_valid=lambda s, since, _: untouched(s, since, [InspectorRow.__table__]),
    )
    assert calls == [1, 1]


def test_staged_and_prepared_writes_are_announced_as_our_own(target: Workspace, city_bundle: tuple[Path, Path]) -> None:
    heard: list[Changes] = []
    target.db.subscribe(heard.append)
    target.db.external_changes()  # the screens' poll: start watching
    target.sync.import_(city_bundle[1])
    assert heard and heard[-1].touches("enterprises") and heard[-1].touches("answers")
    assert not heard[-1].touches("notices")  # tables the bundle did not carry are not announced
    write_prepared(target.db, lambda s: 0, lambda s, n: s.add(InspectorRow(name="赵六")))
    assert heard[-1].touches("inspectors") and not heard[-1].touches("enterprises")
    assert not target.db.external_changes()  # our commits, not another program's


def test_lights_are_not_prepared_again_for_answers_saved_in_a_draft(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspector.services.grading_round as round_module

    monkeypatch.setattr(hlc, "CLOCK_MARGIN_MS", 0)  # one process: no other clock to allow for
    inspection = start_inspection(workspace, 7)
    items = workspace.inspections.template_of(inspection).items
    for item in items[1:]:
        workspace.inspections.answer(inspection, item.code, Result.PASS if item.allows(Result.PASS) else Result.FAIL)
    original = round_module.latest_grades
    calls: list[int] = []
    meanwhile: list[Callable[[], object]] = []

    def grades_then_edit(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        grades = original(*args, **kwargs)
        if len(calls) == 1:
            meanwhile[0]()
        return grades

    monkeypatch.setattr(round_module, "latest_grades", grades_then_edit)
    quarter = f"{workspace.today().year}Q{(workspace.today().month - 1) // 3 + 1}"
    meanwhile.append(lambda: workspace.inspections.answer(inspection, items[0].code, Result.PASS))
    workspace.grading_round.recompute_lights(quarter)
    assert calls == [1]  # a draft's answer does not move any light: the plan stood
    calls.clear()
    meanwhile[0] = lambda: workspace.inspections.complete(inspection)
    result = workspace.grading_round.recompute_lights(quarter)
    assert len(calls) == 2  # a completed inspection does: prepared again, and its light is there
    assert sum(result.counts.values()) == 1
