"""The checklist walk-through, driven like an inspector drives it: from the keyboard.

Real widgets, a real SQLite data folder; what is saved is read back through a second Workspace
on the same folder, as a restarted application would.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.core.checklist import Item, Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.core.inspection import InspectionStatus
from inspector.services.hazards import HazardSource
from inspector.services.inspections import Answer, Progress
from inspector.ui.inspection.checklist_view import ChecklistView
from inspector.workspace import Workspace

KEYS = {
    Result.PASS: Qt.Key.Key_1,
    Result.PARTIAL: Qt.Key.Key_2,
    Result.FAIL: Qt.Key.Key_3,
    Result.NOT_APPLICABLE: Qt.Key.Key_0,
}


def add_enterprise(workspace: Workspace, name: str = "平湖市当湖精密机械有限公司", n: int = 1) -> str:
    return workspace.enterprises.add(
        Enterprise(name=name, credit_code=with_check_digit(f"91330482MA2B{n:05d}"), town="当湖街道")
    )


@pytest.fixture
def inspection(workspace: Workspace) -> str:
    template_id = workspace.default_template_id()
    enterprise_id = add_enterprise(workspace)
    inspectors = [workspace.roster.add("王建国"), workspace.roster.add("李明")]
    return workspace.inspections.start(enterprise_id, template_id, workspace.today(), inspectors)


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace, inspection: str) -> Iterator[ChecklistView]:
    widget = ChecklistView(workspace)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.load(inspection)
    yield widget
    from inspector.ui.common.operations import wait_for_background

    wait_for_background()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def photo_files(data_dir: Path) -> set[Path]:
    return {p for p in (data_dir / "photos").rglob("*") if p.is_file()} if (data_dir / "photos").exists() else set()


def png_bytes(colour: str = "#4a7", size: tuple[int, int] = (320, 240)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# the whole walk-through
# ---------------------------------------------------------------------------------------------
def choose(item: Item, index: int) -> Result:
    """A realistic mix: mostly 符合, some 部分符合 and 不适用 where the item allows them."""
    if index % 7 == 3 and item.allows(Result.PARTIAL):
        return Result.PARTIAL
    if index % 11 == 5 and item.allows(Result.NOT_APPLICABLE):
        return Result.NOT_APPLICABLE
    return Result.PASS


def test_a_complete_inspection_by_keyboard_alone(
    qtbot: QtBot, view: ChecklistView, workspace: Workspace, data_dir: Path, inspection: str
) -> None:
    items = view.items
    assert len(items) == 54  # general-manufacturing v2
    assert view.current_code() == items[0].code
    assert view.grade_label.text() == "—"
    assert focused() is view

    key_item = next(item for item in items[10:] if item.key and not item.veto)
    skipped = items[4]  # a required item left out on purpose, to be refused at completion
    assert skipped.required and skipped is not key_item
    optional = [item for item in items if not item.required]
    noted = items[2]
    left_before = len(view.unanswered_required)
    assert left_before == sum(1 for item in items if item.required)
    expected: dict[str, Result] = {}

    for index, item in enumerate(items):
        assert view.current_code() == item.code, "auto-advance lands on the next item"
        if item is skipped or item in optional:
            qtbot.keyClick(focused(), Qt.Key.Key_Down)
            continue
        if item is key_item:
            qtbot.keyClick(focused(), Qt.Key.Key_3)
            expected[item.code] = Result.FAIL
            # A failed key item caps the grade at C at once, and says why.
            assert view.grade_label.text() == "C"
            assert f"关键项 {item.code}" in view.reasons_label.text()
            # It stays on the item and offers the hazard; Enter opens it pre-filled.
            assert view.current_code() == item.code
            assert view.fail_bar.isVisible()
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
            dialog = view.hazard_dialog
            assert dialog is not None and dialog.isVisible()
            assert dialog.description.toPlainText().startswith(f"不符合：{item.text}")
            assert dialog.severity.currentData() == item.hazard_severity.value
            assert dialog.deadline.date().toPython() == workspace.today() + timedelta(days=item.deadline_days)
            assert dialog.legal_basis.text() == item.legal_basis
            ok_button = dialog.ok_button
            qtbot.waitUntil(lambda: focused() is ok_button)  # noqa: B023 - the dialog window is active
            qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter accepts
            assert not dialog.isVisible()
            assert dialog.hazard_id is not None
            assert view.current_code() == items[index + 1].code, "after the hazard it moves on"
            qtbot.waitUntil(lambda: focused() is view)
            continue
        result = choose(item, index)
        before = len(view.unanswered_required)
        qtbot.keyClick(focused(), KEYS[result])
        expected[item.code] = result
        assert len(view.unanswered_required) == before - (1 if item.required else 0)
        assert view.unanswered_list.count() == len(view.unanswered_required)
        if index == 0:
            assert view.grade_label.text() == "A", "the grade appears with the first answer"
        if item is noted:
            # Back up one item, write a note with digits in it, leave with Esc.
            qtbot.keyClick(focused(), Qt.Key.Key_Up)
            assert view.current_code() == noted.code
            view.note_edit.setFocus()
            assert focused() is view.note_edit
            qtbot.keyClicks(focused(), "2 fire exits 13")
            assert view.current_code() == noted.code, "digits in the note are text, not answers"
            assert view.answers[noted.code].result is result
            qtbot.keyClick(focused(), Qt.Key.Key_Escape)
            assert focused() is view
            qtbot.keyClick(focused(), Qt.Key.Key_Down)

    # Refused while a required item is unanswered: the message, and a jump to it.
    assert view.unanswered_required == (skipped.code,)
    assert view.unanswered_list.item(0).data(Qt.ItemDataRole.UserRole) == skipped.code
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    assert view.banner.isVisible()
    assert "必答项未作答" in view.banner.text() and skipped.code in view.banner.text()
    assert view.current_code() == skipped.code
    assert workspace.inspections.get(inspection).status is InspectionStatus.DRAFT

    qtbot.keyClick(focused(), Qt.Key.Key_1)
    expected[skipped.code] = Result.PASS
    assert view.unanswered_required == ()
    assert "0" in view.unanswered_title.text()
    with qtbot.waitSignal(view.completed, timeout=2000) as signal:
        qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    assert signal.args == [inspection]

    # Read back through a second Workspace on the same folder, as after a restart.
    second = Workspace(data_dir)
    try:
        saved = second.inspections.get(inspection)
        assert saved.status is InspectionStatus.COMPLETED
        assert {code: answer.result for code, answer in saved.answers.items()} == expected
        assert saved.answers[noted.code].note == "2 fire exits 13"
        assert saved.grade == "C"
        hazard = second.hazards.get(view.hazard_dialog.hazard_id)  # type: ignore[union-attr]
        assert hazard.item_code == key_item.code and hazard.inspection_id == inspection
        assert hazard.source is HazardSource.INSPECTION
        assert hazard.severity is key_item.hazard_severity
        assert hazard.found_by == "王建国、李明"
    finally:
        second.close()


# ---------------------------------------------------------------------------------------------
# keys and fields
# ---------------------------------------------------------------------------------------------
def test_moving_with_arrows_and_pages_remembers_the_place(qtbot: QtBot, view: ChecklistView, workspace: Workspace):
    items = view.items
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_code() == items[2].code
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_code() == items[1].code
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # stays on the first
    assert view.current_code() == items[0].code
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_code() == items[-1].code
    assert workspace.inspections.last_position(view.inspection_id or "") == items[-1].code


def test_an_answer_the_item_does_not_allow_is_refused(qtbot: QtBot, view: ChecklistView) -> None:
    no_na = next(item for item in view.items if not item.allow_na)
    view.go_to(no_na.code)
    assert not view.answer_buttons[Result.NOT_APPLICABLE].isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert no_na.code not in view.answers
    assert view.current_code() == no_na.code
    assert view.banner.isVisible()


def test_note_and_photos_wait_for_an_answer(qtbot: QtBot, view: ChecklistView, workspace: Workspace) -> None:
    assert not view.note_edit.isEnabled()
    assert not view.photo_strip.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.note_edit.isEnabled() and view.photo_strip.isEnabled()
    # Each keystroke is committed: the note is in the database while the field still has focus.
    view.note_edit.setFocus()
    qtbot.keyClicks(view.note_edit, "ok")
    code = view.current_code()
    assert workspace.inspections.answers(view.inspection_id or "")[code].note == "ok"
    # Changing the answer keeps the note.
    qtbot.keyClick(view.note_edit, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert workspace.inspections.answers(view.inspection_id or "")[code].note == "ok"


# ---------------------------------------------------------------------------------------------
# photos
# ---------------------------------------------------------------------------------------------
def answer_first_and_come_back(qtbot: QtBot, view: ChecklistView) -> str:
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    return view.current_code()


def test_a_png_from_a_file_shows_a_thumbnail(
    qtbot: QtBot, view: ChecklistView, workspace: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    code = answer_first_and_come_back(qtbot, view)
    picture = tmp_path / "配电箱.png"
    picture.write_bytes(png_bytes())
    view.photo_strip.add_sources([picture])
    qtbot.waitUntil(lambda: view.photo_strip.list.count() == 1, timeout=5000)
    (sha,) = workspace.inspections.photos(view.inspection_id or "")[code]
    assert view.photo_strip.shown_shas() == [sha]
    assert workspace.photos.path_of(sha).exists()
    assert not view.photo_strip.list.item(0).icon().isNull()
    assert not view.photo_strip.status.isVisible()
    # Moving away and back shows it again, from the view's own copy.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.photo_strip.list.count() == 0
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.photo_strip.shown_shas() == [sha]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"this is not a picture at all", "不是可识别的图片文件"),
        ("truncated.png", png_bytes()[:200], "已损坏"),
    ],
)
def test_a_corrupt_file_shows_the_message_and_stores_nothing(
    qtbot: QtBot,
    view: ChecklistView,
    workspace: Workspace,
    data_dir: Path,
    tmp_path: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    answer_first_and_come_back(qtbot, view)
    before = photo_files(data_dir)
    bad = tmp_path / name
    bad.write_bytes(content)
    view.photo_strip.add_sources([bad])
    qtbot.waitUntil(lambda: message in view.photo_strip.status.text(), timeout=5000)
    assert view.photo_strip.status.isVisible()
    assert name in view.photo_strip.status.text()
    assert view.photo_strip.list.count() == 0
    assert workspace.inspections.photos(view.inspection_id or "") == {}
    assert photo_files(data_dir) == before


def test_photos_by_drag_and_drop_and_by_paste(
    qtbot: QtBot, view: ChecklistView, workspace: Workspace, tmp_path: Path
) -> None:
    code = answer_first_and_come_back(qtbot, view)
    dropped = tmp_path / "dropped.png"
    dropped.write_bytes(png_bytes("#a33"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    strip = view.photo_strip
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    strip.dropEvent(drop)
    qtbot.waitUntil(lambda: strip.list.count() == 1, timeout=5000)

    image = QImage()
    assert image.loadFromData(png_bytes("#33a", (200, 100)))
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: strip.list.count() == 2, timeout=5000)
    assert len(workspace.inspections.photos(view.inspection_id or "")[code]) == 2


# ---------------------------------------------------------------------------------------------
# the services the checklist calls (no widgets)
# ---------------------------------------------------------------------------------------------
def test_notes_and_photos_belong_to_answered_items(workspace: Workspace, inspection: str) -> None:
    service = workspace.inspections
    with pytest.raises(DomainError, match="还没有作答"):
        service.set_note(inspection, "A-1", "早了")
    photo = workspace.photos.import_bytes(png_bytes(), "a.png")
    with pytest.raises(DomainError, match="还没有作答"):
        service.attach_photo(inspection, "A-1", photo)
    service.answer(inspection, "A-1", Result.PARTIAL)
    service.set_note(inspection, "A-1", "责任书未签")
    service.attach_photo(inspection, "A-1", photo)
    service.attach_photo(inspection, "A-1", photo)  # the same photo twice is one link
    other = workspace.photos.import_bytes(png_bytes("#123"), "b.png")
    service.attach_photo(inspection, "A-1", other)
    assert service.photos(inspection) == {"A-1": [photo.sha256, other.sha256]}
    assert [p.sha256 for p in service.photo_records(inspection, "A-1")] == [photo.sha256, other.sha256]
    service.detach_photo(inspection, "A-1", photo.sha256)
    assert service.photos(inspection) == {"A-1": [other.sha256]}
    assert service.answers(inspection)["A-1"] == Answer(Result.PARTIAL, "责任书未签")


def test_progress_and_the_place_to_resume(workspace: Workspace, inspection: str) -> None:
    service = workspace.inspections
    items = service.template_of(inspection).items
    required = [item.code for item in items if item.required]
    assert service.progress(inspection) == Progress(0, 54, tuple(required))
    assert service.last_position(inspection) == items[0].code
    service.answer(inspection, items[0].code, Result.PASS)
    service.answer(inspection, items[1].code, Result.PASS)
    # Nothing remembered yet: the first unanswered item.
    assert service.last_position(inspection) == items[2].code
    service.remember_position(inspection, items[30].code)
    assert service.last_position(inspection) == items[30].code
    answered, total, left = service.progress(inspection)
    assert (answered, total, left[0]) == (2, 54, items[2].code)


def test_the_list_puts_drafts_first(workspace: Workspace, inspection: str) -> None:
    service = workspace.inspections
    template_id = workspace.default_template_id()
    inspectors = [i.id for i in workspace.roster.active()]
    other = service.start(
        add_enterprise(workspace, "浙江钟埭服装有限公司", 2), template_id, workspace.today(), inspectors
    )
    for item in service.template_of(other).items:
        service.answer(other, item.code, Result.PASS)
    service.complete(other)
    rows = service.recent(10)
    assert [(r.id, r.status, r.answered, r.grade) for r in rows] == [
        (inspection, InspectionStatus.DRAFT, 0, None),
        (other, InspectionStatus.COMPLETED, 54, "A"),
    ]


def test_a_hazard_draft_comes_from_the_item(workspace: Workspace, inspection: str) -> None:
    service = workspace.inspections
    item = next(i for i in service.template_of(inspection).items if i.veto)
    service.answer(inspection, item.code, Result.FAIL, note="安全出口上锁")
    day = service.get(inspection).inspection_date
    draft = service.hazard_draft_for_item(inspection, item.code, today=day)
    assert draft.description == f"不符合：{item.text}\n现场情况：安全出口上锁"
    assert (draft.severity, draft.category, draft.location_type) == (
        item.hazard_severity,
        item.category,
        item.location_type,
    )
    assert draft.deadline == day + timedelta(days=item.deadline_days)
    assert (draft.inspection_id, draft.item_code, draft.found_on) == (inspection, item.code, day)
    assert draft.legal_basis == item.legal_basis and draft.measures
    # Opened long after the inspection, the proposed deadline counts from today, never already past.
    later = day + timedelta(days=90)
    assert service.hazard_draft_for_item(inspection, item.code, today=later).deadline == later + timedelta(
        days=item.deadline_days
    )
    hazard_id = workspace.hazards.raise_hazard(draft)
    assert service.hazard_counts(inspection) == {item.code: 1}
    assert workspace.hazards.get(hazard_id).found_by == "王建国、李明"


def test_a_tiny_image_is_added_with_a_warning(
    qtbot: QtBot, view: ChecklistView, workspace: Workspace, tmp_path: Path
) -> None:
    answer_first_and_come_back(qtbot, view)
    tiny = tmp_path / "tiny.png"
    tiny.write_bytes(png_bytes(size=(1, 1)))
    view.photo_strip.add_sources([tiny])
    qtbot.waitUntil(lambda: view.photo_strip.list.count() == 1, timeout=5000)
    assert view.photo_strip.status.isVisible()
    assert "tiny.png 只有 1×1 像素" in view.photo_strip.status.text()
    assert view.photo_strip.status.property("error") is False  # kept, only a word of warning
    assert len(workspace.inspections.photos(view.inspection_id or "")) == 1
