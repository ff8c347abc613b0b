"""An inspector's first day, from the window alone (issue 15): an empty data folder → the welcome
page → import the enterprise list → create the office key in 设置 → an inspection with a hazard
and photos → signatures → 定稿 → a rectification notice → the plaque preview → a sync bundle.

Only real widgets are driven (buttons clicked, keys pressed); the file choosers answer with the
files a person would pick and message boxes are answered by pressing their buttons. Nothing calls
the command line, and no message shown on the way names a command-line option.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.ui.documents.pdf_preview import PdfPreview
from inspector.ui.documents.report_actions import ReportJob, ReportOptionsDialog
from inspector.ui.hazards.notice_dialog import NoticeDialog
from inspector.ui.inspection.checklist_view import ChecklistView
from inspector.ui.main_window import MainWindow
from inspector.ui.settings_dialog import KEYS, SettingsDialog
from inspector.ui.sync.export_dialog import ExportDialog
from inspector.ui.welcome_page import StartController, WelcomePage
from inspector.workspace import Workspace
from tests.test_gui_messages import names_command_line
from tests.ui.test_review import sign_with_mouse

ENTERPRISES = [
    ("平湖市第一天机械有限公司", with_check_digit("91330482MA2D00001"), "当湖街道"),
    ("平湖市新埭塑业有限公司", with_check_digit("91330482MA2D00002"), "新埭镇"),
    ("浙江钟埭服装有限公司", with_check_digit("91330482MA2D00003"), "钟埭街道"),
]
FAIL_ITEM = "C-1"  # a key item: fails, and a hazard is raised from it with two photos


class Chooser:
    """The file choosers, answering as a person who picks `next` would (and remembering what was
    asked, so the test can see a chooser was opened)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.next: list[Path] = []
        self.asked: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._one)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._one)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._many)

    def _one(self, _parent: QWidget, title: str, *_args: object, **_kw: object) -> tuple[str, str]:
        self.asked.append(title)
        return (str(self.next.pop(0)), "") if self.next else ("", "")

    def _many(self, _parent: QWidget, title: str, *_args: object, **_kw: object) -> tuple[list[str], str]:
        self.asked.append(title)
        chosen, self.next = [str(p) for p in self.next], []
        return chosen, ""


class Messages:
    """Every message box shown, answered by pressing the button named in `answers` (in turn), or
    its default; what they said is kept."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.answers: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                self.said.append(widget.text())
                wanted = self.answers.pop(0) if self.answers else None
                button = next((b for b in widget.buttons() if wanted and wanted in b.text()), None)
                (button or widget.defaultButton() or widget.buttons()[0]).click()

    def stop(self) -> None:
        self.timer.stop()


def enterprise_list(folder: Path) -> Path:
    path = folder / "企业名单.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["企业名称", "统一社会信用代码", "镇街道", "联系人"])
    for name, code, town in ENTERPRISES:
        writer.writerow([name, code, town, "张伟"])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def photo(folder: Path, name: str, colour: str) -> Path:
    path = folder / name
    Image.new("RGB", (1024, 768), colour).save(path, "JPEG")
    return path


def wait_for(qtbot: QtBot, find: Callable[[], object], timeout: int = 20_000) -> object:
    found: list[object] = []
    qtbot.waitUntil(lambda: bool(found.append(find()) or found[-1]), timeout=timeout)
    return found[-1]


def top_level(kind: type) -> Callable[[], object]:
    return lambda: next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def preview_from(qtbot: QtBot, options: ReportOptionsDialog | None) -> int:
    """OK in a document's options dialog; the pages of the preview that opens (closed again)."""
    assert options is not None
    options.accept()
    return pages_of(qtbot, lambda: options.job)


def pages_of(qtbot: QtBot, job: Callable[[], ReportJob | None]) -> int:
    """The pages of the preview a document job opens (closed again)."""
    preview = wait_for(qtbot, lambda: (made := job()) is not None and made.preview)
    assert isinstance(preview, PdfPreview)
    pages = preview.page_total()
    preview.close()
    return pages


def raise_hazard_with_photos(qtbot: QtBot, checklist: ChecklistView, chooser: Chooser, files: Path) -> str:
    """3 (不符合) on the current item, Enter for the pre-filled hazard, two photos, Enter to raise it."""
    qtbot.keyClick(checklist, Qt.Key.Key_3)
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    dialog = checklist.hazard_dialog
    assert dialog is not None and dialog.isVisible()
    chooser.next = [photo(files, "配电箱.jpg", "grey"), photo(files, "接地线.jpg", "orange")]
    qtbot.mouseClick(dialog.photo_picker.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.photos) == 2, timeout=10_000)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # Enter raises it, the photos with it
    qtbot.waitUntil(lambda: dialog.hazard_id is not None and not dialog.isVisible())
    assert dialog.hazard_id is not None
    return dialog.hazard_id


def test_a_first_day_from_the_window_alone(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    files = tmp_path / "U盘"
    files.mkdir()
    chooser = Chooser(monkeypatch)
    messages = Messages()
    shell = StartController(folder, Workspace(folder))
    try:
        # -- the welcome page: import the enterprise list ------------------------------------------
        welcome = shell.start()
        assert isinstance(welcome, WelcomePage)
        chooser.next = [enterprise_list(files)]
        qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
        window = wait_for(qtbot, lambda: shell.window if isinstance(shell.window, MainWindow) else None)
        assert isinstance(window, MainWindow)
        window.resize(1366, 768)
        workspace = window.workspace
        assert workspace.register.towns() == sorted(town for _, _, town in ENTERPRISES)

        # -- 设置 → 发证单位密钥: create the office key ---------------------------------------------
        qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
        settings = wait_for(qtbot, top_level(SettingsDialog))
        assert isinstance(settings, SettingsDialog)
        settings.tabs.setCurrentIndex(KEYS)
        keys = settings.keys
        assert "还没有发证单位 PH（平湖市总工会）的签名密钥" in keys.state.text()
        qtbot.mouseClick(keys.create_button, Qt.MouseButton.LeftButton)
        assert "本机可为发证单位 PH" in keys.state.text() and keys.table.rowCount() == 1
        (office_key,) = workspace.office_keys.list()
        assert office_key.fingerprint[:4] in keys.done.text()
        settings.close()

        # -- an inspection: a failed item with a hazard and photos, a photo on another item ---------
        window.show_page("inspections")
        page = window.inspections
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        start = page.start_dialog
        assert start is not None and start.isVisible()
        start.search.insert("第一天")  # typed through the input method
        qtbot.waitUntil(lambda: start.selected_enterprise_id() is not None)
        assert start.from_last.isHidden()  # a first visit: nothing to start from
        for name in ("王建国", "李明"):
            start.new_inspector.setText(name)
            qtbot.keyClick(start.new_inspector, Qt.Key.Key_Return)
        qtbot.mouseClick(start.ok_button, Qt.MouseButton.LeftButton)
        checklist = page.checklist
        assert page.stack.currentWidget() is checklist
        inspection = checklist.inspection_id
        assert inspection is not None

        for index, item in enumerate(checklist.items):
            assert checklist.current_code() == item.code
            if item.code == FAIL_ITEM:
                hazard_id = raise_hazard_with_photos(qtbot, checklist, chooser, files)
                assert checklist.current_code() == checklist.items[index + 1].code, "on to the next item"
                continue
            result = Result.PASS if item.allows(Result.PASS) else Result.NOT_APPLICABLE
            qtbot.keyClick(checklist, Qt.Key.Key_1 if result is Result.PASS else Qt.Key.Key_0)
            if index == 0:  # back to the first item to add a photo of the site
                qtbot.keyClick(checklist, Qt.Key.Key_Up)
                chooser.next = [photo(files, "厂区.jpg", "green")]
                qtbot.mouseClick(checklist.photo_strip.add_button, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: checklist.photo_strip.list.count() == 1, timeout=10_000)
                qtbot.keyClick(checklist, Qt.Key.Key_Down)
        hazard = workspace.hazards.get(hazard_id)
        assert hazard.item_code == FAIL_ITEM and len(hazard.before_photos) == 2
        assert len(workspace.inspections.photos(inspection)[checklist.items[0].code]) == 1

        # -- complete, sign, 定稿 ----------------------------------------------------------------
        qtbot.mouseClick(checklist.complete_button, Qt.MouseButton.LeftButton)
        review = wait_for(qtbot, page._review_view)
        qtbot.waitUntil(lambda: page.stack.currentWidget() is review)
        for box in review.signature_panel.boxes.values():
            sign_with_mouse(qtbot, box.pad)
        messages.answers = ["定稿"]
        qtbot.mouseClick(review.finalize_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: workspace.inspections.get(inspection).status is InspectionStatus.FINALIZED)
        qtbot.waitUntil(lambda: "已定稿" in page.message.text())

        # -- the notice, from the hazard ledger ----------------------------------------------------
        ledger = window.show_page("hazards")
        ledger.open_hazard(hazard_id)
        qtbot.mouseClick(ledger.detail.action_buttons[HazardAction.ISSUE_NOTICE], Qt.MouseButton.LeftButton)
        notice_dialog = ledger.notice_dialog
        assert isinstance(notice_dialog, NoticeDialog) and notice_dialog.checked_ids() == [hazard_id]
        # A union's letter (the default office): each inspector's 监督证 number, typed once.
        for number, edit in enumerate(notice_dialog.permit_edits.values(), start=1):
            qtbot.keyClicks(edit, f"PH-JD-{number:03d}")
        assert notice_dialog.signer.currentData()  # the 签发人, from the roster
        qtbot.mouseClick(notice_dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: workspace.hazards.get(hazard_id).status is HazardStatus.NOTICE_ISSUED)
        assert notice_dialog.notice is not None
        qtbot.waitUntil(lambda: ledger.detail.notice_number == notice_dialog.notice.number)
        job = ledger.detail.open_notice_document()
        assert pages_of(qtbot, lambda: job) >= 1

        # -- grading: propose, issue, and the plaque's preview -------------------------------------
        grading = window.show_page("grading")
        qtbot.waitUntil(lambda: grading.model.rowCount() == len(ENTERPRISES), timeout=20_000)
        messages.answers = ["Yes"]
        qtbot.mouseClick(grading.issue_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: grading.last_issue is not None and not grading.busy, timeout=20_000)
        assert grading.last_issue is not None and grading.last_issue.issued == 1
        register = window.show_page("enterprises")
        enterprise_id = workspace.enterprises.by_credit_code(ENTERPRISES[0][1]).id
        assert register.select_enterprise(enterprise_id)
        qtbot.waitUntil(lambda: register.detail.plaque_button.isVisible() and register.detail.plaque_button.isEnabled())
        qtbot.mouseClick(register.detail.plaque_button, Qt.MouseButton.LeftButton)
        assert preview_from(qtbot, register.plaque_dialog) == 1

        # -- 同步 → 导出同步包…: everything, for the office's computer ------------------------------
        sync = window.show_page("sync")
        bundle = files / "给办公室.zip"
        chooser.next = [bundle]

        def answer_export() -> None:
            dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog)), None)
            if dialog is None or not dialog.isVisible():
                QTimer.singleShot(20, answer_export)
                return
            assert dialog.peer() is None and dialog.all_data()  # no trusted computer yet: everything
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, answer_export)
        qtbot.mouseClick(sync.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not sync.busy and sync.last_result is not None, timeout=20_000)
        assert bundle.exists() and zipfile.is_zipfile(bundle)
        assert "已导出" in sync.summary_label.text()
        assert chooser.asked[-1] == "导出同步包"
    finally:
        messages.stop()
        if shell.window is not None:
            shell.window.close()
        shell.workspace.close()

    # What the message boxes said on the way: nothing names a command-line option.
    assert messages.said and [text for text in messages.said if names_command_line(text)] == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
