"""Documents from the screens: the buttons exist and enable only when there is something to print,
generation runs on the background worker (the window keeps working meanwhile), the preview opens
the generated PDF, errors become a message box, a batch can be cancelled, temporary files go away.

The real generators of inspector.reports make the documents; only the error, slowness and cancel
cases replace one (`replace_generator`)."""

from __future__ import annotations

import importlib
import os
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gui_samples import self_check_hazard, shown
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.db.ids import to_str
from inspector.db.models import InspectionRow
from inspector.demo.generator import DemoSpec
from inspector.reports.plaque_keys import create_office_key
from inspector.ui.common.operations import wait_for_background
from inspector.ui.documents import report_actions
from inspector.ui.documents.report_actions import ReportJob, clean_stale_reports, reports_tmp_dir
from inspector.ui.enterprises.enterprises_page import EnterprisesPage
from inspector.ui.hazards.hazard_detail import HazardDetailPanel
from inspector.ui.inspection.review_view import ReviewView
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies

WAIT_MS = 30_000


@pytest.fixture
def demo(demo_workspace: DemoCopies) -> Workspace:
    """Each test's own copy of a small city with an office key (some tests add hazards and notices)."""
    workspace = demo_workspace(DemoSpec(enterprises=8, years=1))
    create_office_key(workspace)
    return workspace


@pytest.fixture(autouse=True)
def drained() -> Iterator[None]:
    yield
    wait_for_background()  # a test never leaves a job running into the next one


def replace_generator(monkeypatch: pytest.MonkeyPatch, module: str, name: str, fake: Callable[..., object]) -> None:
    """The GUI imports its generator when the job runs, so replacing the module attribute is enough."""
    monkeypatch.setattr(importlib.import_module(module), name, fake)


def inspection_ids(ws: Workspace, status: str) -> list[str]:
    with ws.db.reading() as session:
        return [to_str(i) for i in session.scalars(select(InspectionRow.id).where(InspectionRow.status == status))]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def finish(qtbot: QtBot, job: ReportJob) -> ReportJob:
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)
    return job  # a preview is a child of the tested window: closed with it


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    return shown


# -- 检查报告 from the review screen --------------------------------------------------------------
def make_review(qtbot: QtBot, ws: Workspace, inspection_id: str) -> ReviewView:
    view = shown(qtbot, ReviewView(ws), 1200, 800)
    view.load(inspection_id)
    return view


def test_inspection_report_is_generated_in_the_background_and_previewed(
    demo: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    from inspector.reports import inspection_report

    real = inspection_report.write_inspection_report
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow(ws: Workspace, inspection_id: str, out: Path) -> Path:
        threads.append(threading.current_thread())
        release.wait(10)  # holds the worker until the test has seen the window still working
        return real(ws, inspection_id, out)

    monkeypatch.setattr(inspection_report, "write_inspection_report", slow)
    inspection_id = inspection_ids(demo, "finalized")[0]
    view = make_review(qtbot, demo, inspection_id)
    assert view.report_button.isVisible() and view.report_button.isEnabled()
    try:
        view.report_button.click()
        job = view.report_job
        assert job is not None
        qtbot.waitUntil(lambda: bool(threads), timeout=WAIT_MS)
        # The generator is running and waiting: the UI thread still handles events and input.
        view.signature_panel.boxes[next(iter(view.signature_panel.boxes))].name.setText("仍可输入")
        qtbot.wait(50)
        assert not job.done and job.preview is None
        assert threads[0] is not threading.main_thread()
    finally:
        release.set()
    finish(qtbot, job)
    assert job.preview is not None and not messages
    preview = job.preview
    assert preview.page_total() >= 1
    assert preview.windowTitle() == "预览：检查报告"
    assert preview.suggested_name.startswith("检查报告-") and preview.suggested_name.endswith(".pdf")
    assert job.out.parent == demo.data_dir / "reports-tmp"
    name = demo.inspections.get(inspection_id).enterprise_name
    assert name in pdf_text(job.out).replace("\n", "")
    preview.close()
    assert not job.out.exists()  # the temporary file goes with the window


def test_report_button_only_for_completed_or_finalized(demo: Workspace, qtbot: QtBot) -> None:
    completed = inspection_ids(demo, "completed")
    view = make_review(qtbot, demo, completed[0])
    assert view.report_button.isVisible()
    draft = inspection_ids(demo, "draft")[0]
    view.load(draft)
    assert not view.report_button.isVisible()
    view._set_busy(True)
    assert not view.report_button.isEnabled()


def test_a_generator_error_is_shown_as_a_message(
    demo: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    def refuse(ws: Workspace, inspection_id: str, out: Path) -> Path:
        out.write_bytes(b"half")  # a failure must not leave its temporary file behind
        raise DomainError("检查 x 不存在")

    replace_generator(monkeypatch, "inspector.reports.inspection_report", "write_inspection_report", refuse)
    view = make_review(qtbot, demo, inspection_ids(demo, "finalized")[0])
    job = finish(qtbot, view.open_report())
    assert job.preview is None and job.error == "检查 x 不存在"
    assert messages == [("无法生成文档", "检查 x 不存在")]
    assert not job.out.exists()


def test_an_unexpected_failure_is_a_message_not_a_traceback(
    demo: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    def crash(ws: Workspace, inspection_id: str, out: Path) -> Path:
        raise OSError("磁盘已满")

    replace_generator(monkeypatch, "inspector.reports.inspection_report", "write_inspection_report", crash)
    view = make_review(qtbot, demo, inspection_ids(demo, "finalized")[0])
    job = finish(qtbot, view.open_report())
    assert job.preview is None
    assert messages and messages[0][0] == "无法生成文档" and "磁盘已满" in messages[0][1]


def test_a_file_that_is_not_a_pdf_is_refused_with_a_message(
    demo: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    def garbage(ws: Workspace, inspection_id: str, out: Path) -> Path:
        out.write_bytes(b"not a pdf")
        return out

    replace_generator(monkeypatch, "inspector.reports.inspection_report", "write_inspection_report", garbage)
    view = make_review(qtbot, demo, inspection_ids(demo, "finalized")[0])
    job = finish(qtbot, view.open_report())
    assert job.preview is None and messages and "无法打开 PDF 文件" in messages[0][1]
    assert not job.out.exists()


# -- 文书 from the hazard detail: preview, reply, referral ---------------------------------------------
def recorded_hazard(ws: Workspace) -> tuple[str, str]:
    """A hazard only recorded (an enterprise's self-check), and its enterprise."""
    enterprise_id = ws.enterprises.add(
        Enterprise("平湖市通知书测试化工有限公司", with_check_digit("91330482MA0000055"), "当湖街道")
    )
    hazard_id = self_check_hazard(ws, enterprise_id, "危化品仓库未设防泄漏围堰", 0, 7, "王建国")
    return hazard_id, enterprise_id


def union_roster(ws: Workspace) -> None:
    """The inspectors with their 监督证 numbers and the 签发人 on the roster."""
    ws.roster.set_permits({"王建国": "PH-JD-021", "李明": "PH-JD-022", "周主席": ""})


def test_notice_button_enabled_once_a_notice_exists_and_previews_its_one_document(
    demo: Workspace, qtbot: QtBot, messages: list
) -> None:
    hazard_id, enterprise_id = recorded_hazard(demo)
    panel = HazardDetailPanel(demo)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_hazard(hazard_id)
    assert not panel.notice_button.isEnabled()  # no notice yet
    assert not panel.reply_button.isVisibleTo(panel) and not panel.refer_button.isVisibleTo(panel)
    union_roster(demo)
    notice = demo.notices.issue(
        [hazard_id],
        order_type="deadline",
        issued_by=["王建国", "李明"],
        signed_by="周主席",
        recheck_on=demo.today() + timedelta(days=10),
        enterprise_id=enterprise_id,
    )
    panel.show_hazard(hazard_id)
    assert panel.notice_button.isEnabled()
    assert panel.values["notice"].text() == f"{notice.number}  监督意见书"
    assert notice.reply_due is not None
    assert panel.values["reply"].text().startswith(f"待答复，期限 {notice.reply_due.due.isoformat()}")
    assert panel.reply_button.isVisibleTo(panel) and not panel.refer_button.isVisibleTo(panel)  # not due yet
    job = finish(qtbot, panel.open_notice_document())
    assert job.preview is not None and not messages
    assert job.preview.windowTitle() == "预览：监督意见书"
    assert notice.number in job.preview.suggested_name
    text = pdf_text(job.out)
    assert notice.number in text and "监督意见书" in text and "责令" not in text
    job.preview.close()
    panel.show_hazard(None)
    assert not panel.notice_button.isEnabled()


def test_a_reply_is_recorded_from_the_detail(demo: Workspace, qtbot: QtBot) -> None:
    hazard_id, enterprise_id = recorded_hazard(demo)
    union_roster(demo)
    notice = demo.notices.issue(
        [hazard_id],
        order_type="immediate",
        issued_by=["王建国", "李明"],
        signed_by="周主席",
        enterprise_id=enterprise_id,
    )
    panel = HazardDetailPanel(demo)
    qtbot.addWidget(panel)
    panel.show_hazard(hazard_id)
    dialog = panel.record_reply()
    assert dialog is not None
    dialog.note.setText("已清理，附整改照片")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert demo.notices.get(notice.id).replied_on == demo.today()
    assert panel.values["reply"].text() == f"{demo.today().isoformat()} 收到：已清理，附整改照片"
    assert not panel.reply_button.isVisibleTo(panel) and not panel.refer_button.isVisibleTo(panel)


def test_an_overdue_letter_is_referred_from_the_detail(demo: Workspace, qtbot: QtBot, messages: list) -> None:
    hazard_id, enterprise_id = recorded_hazard(demo)
    union_roster(demo)
    issued_at = datetime.combine(demo.today() - timedelta(days=40), datetime.min.time(), UTC)
    letter = demo.notices.issue(
        [hazard_id],
        order_type="immediate",
        issued_by=["王建国", "李明"],
        signed_by="周主席",
        enterprise_id=enterprise_id,
        at=issued_at,
    )
    panel = HazardDetailPanel(demo)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_hazard(hazard_id)
    assert letter.reply_due is not None
    assert panel.values["reply"].text().startswith(f"逾期未答复（期限 {letter.reply_due.due.isoformat()}）")
    assert panel.refer_button.isVisibleTo(panel)
    dialog = panel.refer_letter()
    assert dialog is not None and dialog.signer.currentData() == "周主席"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.referral is not None, dialog.message.text()
    referral = dialog.referral
    assert referral.refers_to == letter.number
    job = finish(qtbot, panel.notice_job)
    assert job.preview is not None and not messages
    assert job.preview.windowTitle() == "预览：建议书" and referral.number in pdf_text(job.out)
    job.preview.close()
    assert (
        panel.values["reply"].text()
        == f"逾期未答复，已于 {referral.issued_on.isoformat()} 移送（建议书 {referral.number}）"
    )
    assert not panel.refer_button.isVisibleTo(panel)


# -- 亮牌 from the enterprise detail ---------------------------------------------------------------
def test_plaque_button_follows_the_current_plaque_and_previews_a3(
    demo: Workspace, qtbot: QtBot, messages: list
) -> None:
    page = EnterprisesPage(demo)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with_plaque = next(r.enterprise_id for r in demo.office_keys.current_plaques(demo.today().year))
    page.detail.show_enterprise(with_plaque)
    assert page.detail.plaque_button.isEnabled()
    assert page.detail.plaque_year == demo.today().year
    page.detail.plaque_button.click()
    dialog = page.plaque_dialog
    assert dialog is not None and dialog.size is not None and dialog.year is not None
    assert not dialog.year.isEnabled() and dialog.chosen_year() == demo.today().year
    dialog.size.setCurrentIndex(dialog.size.findData("A3"))
    dialog.accept()
    job = finish(qtbot, dialog.job)
    assert job.preview is not None and not messages
    size = job.preview.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (1191, 842)  # A3 landscape
    job.preview.close()

    code = with_check_digit("91330482MA0000077")
    new = demo.enterprises.add(Enterprise("平湖市新开张五金有限公司", code, "当湖街道"))
    page.detail.show_enterprise(new)
    assert not page.detail.plaque_button.isEnabled()  # 待评: no plaque to print
    page.detail.show_enterprise(None)
    assert not page.detail.plaque_button.isEnabled()


# -- 报表 menu of the main window -----------------------------------------------------------------
def test_reports_menu_batch_plaques_with_progress(demo: Workspace, qtbot: QtBot, messages: list) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    menu = window.reports_button.menu()
    assert [a.text() for a in menu.actions()] == ["批量打印亮牌…", "年度汇总…"]
    menu.actions()[0].trigger()
    dialog = window.findChild(report_actions.ReportOptionsDialog)
    assert dialog is not None and dialog.year is not None and dialog.year.isEnabled()
    assert dialog.chosen_year() == demo.today().year and dialog.chosen_size() == "A4"
    assert dialog.warning.isHidden()  # this year's plaques are valid
    dialog.year.setValue(demo.today().year - 1)
    assert dialog.warning.isHidden()  # last year's round: its plaques hang through this year
    dialog.year.setValue(demo.today().year - 2)
    assert not dialog.warning.isHidden() and "期满失效" in dialog.warning.text()
    dialog.year.setValue(demo.today().year)
    assert dialog.warning.isHidden()
    dialog.accept()
    job = dialog.job
    assert job is not None
    seen: list[int] = []
    job.progressed.connect(lambda done, total: seen.append(total))
    finish(qtbot, job)
    assert job.preview is not None and not messages
    plaques = len(demo.office_keys.current_plaques(demo.today().year))
    assert job.preview.page_total() == plaques
    job.preview.close()
    dialog.deleteLater()


def test_a_cancelled_batch_leaves_no_file_and_no_message(
    demo: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    started = threading.Event()

    def endless(ws: Workspace, year: int, out: Path, size: str = "A4", progress=None, cancelled=None) -> int:
        out.write_bytes(b"partial")
        for done in range(1000):
            started.set()
            if cancelled is not None and cancelled():
                raise DomainError("已取消")
            if progress:
                progress(done, 1000)
            time.sleep(0.01)
        return 1000

    replace_generator(monkeypatch, "inspector.reports.plaque_batch", "write_plaques", endless)
    window = MainWindow(demo)
    qtbot.addWidget(window)
    job = report_actions.preview_plaques(window, demo, demo.today().year)
    assert started.wait(10)
    qtbot.waitUntil(lambda: job.progress.maximum() == 1000, timeout=WAIT_MS)  # progress reached the dialog
    job.progress.findChild(QPushButton).click()  # 取消
    finish(qtbot, job)
    assert job.preview is None and messages == []
    assert not job.out.exists()


def test_reports_menu_annual_summary(demo: Workspace, qtbot: QtBot, messages: list) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.reports_button.menu().actions()[1].trigger()
    dialog = window.findChild(report_actions.ReportOptionsDialog)
    assert dialog is not None and dialog.size is None
    dialog.year.setValue(demo.today().year)
    dialog.accept()
    job = finish(qtbot, dialog.job)
    assert job.preview is not None and not messages
    assert job.preview.windowTitle() == f"预览：{demo.today().year} 年度汇总"
    assert str(demo.today().year) in pdf_text(job.out)
    job.preview.close()


def test_stale_temporary_documents_are_removed_at_start(workspace: Workspace, qtbot: QtBot) -> None:
    folder = reports_tmp_dir(workspace.data_dir)
    old, fresh = folder / "old.pdf", folder / "fresh.pdf"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    day_ago = time.time() - 86_400
    os.utime(old, (day_ago, day_ago))
    window = MainWindow(workspace)  # its 报表 button clears leftovers of a crashed session
    qtbot.addWidget(window)
    assert not old.exists() and fresh.exists()
    assert clean_stale_reports(workspace.data_dir, older_than_s=-1) == 1
    assert not fresh.exists()
