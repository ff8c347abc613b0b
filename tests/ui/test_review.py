"""The review screen with real widgets and a real SQLite workspace: drawing signatures with the
mouse, a pen and a finger; finalizing (refused until all three signed); going back to edit; and
recording a correction on a finalized inspection."""

from __future__ import annotations

from datetime import date

import pytest
from gui_samples import shown
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import TransitionRefused
from inspector.core.inspection import InspectionStatus
from inspector.services.signatures import SignatureRole
from inspector.ui.common.signature_pad import SignaturePad
from inspector.ui.inspection.inspections_page import InspectionsPage
from inspector.ui.inspection.review_view import ReviewView
from inspector.workspace import Workspace

FAILED = ("C-1", "I-2")  # a key item (caps the grade at C) and an ordinary one: 3.5 + 1.5 of 100


def completed_inspection(ws: Workspace) -> str:
    """An inspection answered PASS except FAILED, completed, with one hazard raised."""
    template_id = ws.default_template_id()
    first, second = ws.roster.add("王建国"), ws.roster.add("李明")
    enterprise_id = ws.enterprises.add(
        Enterprise(
            "平湖市示例机械有限公司", with_check_digit("91330482" + "000000001"), "当湖街道", contact_person="张伟"
        )
    )
    inspection_id = ws.inspections.start(enterprise_id, template_id, date(2026, 5, 12), [first, second])
    for item in ws.inspections.template_of(inspection_id).items:
        ws.inspections.answer(inspection_id, item.code, Result.FAIL if item.code in FAILED else Result.PASS)
    ws.inspections.complete(inspection_id)
    ws.hazards.raise_hazard(ws.inspections.hazard_draft_for_item(inspection_id, "C-1", date(2026, 5, 12)))
    return inspection_id


def drag(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """One stroke with the mouse: press at the first point, move through the rest, release."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def sign_with_mouse(qtbot: QtBot, pad: SignaturePad) -> None:
    area = pad.area()
    left, top, width, height = int(area.left()), int(area.top()), int(area.width()), int(area.height())
    drag(qtbot, pad, [(left + width * i // 10, top + height // 2 + (15 if i % 2 else -15)) for i in range(1, 9)])
    drag(qtbot, pad, [(left + width // 3, top + height // 4), (left + width // 2, top + height * 3 // 4)])


@pytest.fixture
def inspection_id(workspace: Workspace) -> str:
    return completed_inspection(workspace)


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace, inspection_id: str) -> ReviewView:
    widget = shown(qtbot, ReviewView(workspace))
    widget.confirm_finalize = lambda _what_happens: True  # the person confirms 定稿
    widget.load(inspection_id)
    return widget


# -- the pad ---------------------------------------------------------------------------------------
def test_mouse_drags_record_normalised_strokes(qtbot: QtBot) -> None:
    pad = SignaturePad("企业代表")
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    assert pad.is_empty()
    assert pad.minimumSize().width() >= 400 and pad.minimumSize().height() >= 160
    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    with qtbot.waitSignal(pad.changed):
        drag(qtbot, pad, [(40, 80), (120, 40), (200, 120), (300, 60)])
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) == 4
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in strokes[0])
    assert strokes[0][0] == pytest.approx([40 / 400, 80 / 160], abs=0.01)
    image = pad.to_image(800)
    assert (image.width(), image.height()) == (800, 320)
    assert image.pixelColor(int(0.1 * 800), int(0.5 * 320)).alpha() > 0  # ink where the stroke began
    pad.clear()
    assert pad.is_empty() and pad.strokes() == []


def test_a_drag_leaving_the_pad_stays_on_its_edge(qtbot: QtBot) -> None:
    pad = SignaturePad("检查人员 1")
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    drag(qtbot, pad, [(200, 80), (600, 300)])
    assert pad.strokes()[0][-1] == [1.0, 1.0]


def test_pen_and_touch_draw_too(qtbot: QtBot) -> None:
    pad = SignaturePad("企业代表")
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    qtbot.waitExposed(pad)
    pen = QPointingDevice(
        "test pen",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        1,
    )
    for kind, x in ((QEvent.Type.TabletPress, 40), (QEvent.Type.TabletMove, 140), (QEvent.Type.TabletRelease, 240)):
        position = QPointF(x, 80)
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        event = QTabletEvent(
            kind,
            pen,
            position,
            QPointF(pad.mapToGlobal(position)),
            0.5,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            buttons,
        )
        QApplication.sendEvent(pad, event)
    assert pad.strokes()[0] == [
        pytest.approx([0.1, 0.5], abs=0.01),
        pytest.approx([0.35, 0.5], abs=0.01),
        pytest.approx([0.6, 0.5], abs=0.01),
    ]

    screen = QTest.createTouchDevice()
    QTest.touchEvent(pad, screen).press(0, QPoint(40, 40)).commit()
    QTest.touchEvent(pad, screen).move(0, QPoint(200, 120)).commit()
    QTest.touchEvent(pad, screen).release(0, QPoint(360, 40)).commit()
    assert len(pad.strokes()) == 2
    assert pad.strokes()[1][0] == pytest.approx([0.1, 0.25], abs=0.03)  # touch positions pass through a rounding
    assert len(pad.strokes()[1]) >= 2


# -- the review screen -----------------------------------------------------------------------------
def test_review_shows_grade_reasons_failed_items_and_hazards(view: ReviewView) -> None:
    assert view.result_column.grade_badge.text() == "C"
    assert view.result_column.score_label.text() == "95 分"
    assert "关键项 C-1 不合格" in view.result_column.reasons_label.text()
    assert "C-1" in view.result_column.failed_label.text() and "I-2" in view.result_column.failed_label.text()
    assert view.result_column.failed_heading.text().startswith("不符合项（2）")
    assert "（1）" in view.result_column.hazards_heading.text()
    assert view.signature_panel.boxes[SignatureRole.INSPECTOR_1].name.text() == "王建国"
    assert view.signature_panel.boxes[SignatureRole.INSPECTOR_2].name.text() == "李明"
    assert view.signature_panel.boxes[SignatureRole.ENTERPRISE].name.text() == "张伟"
    assert view.finalize_button.isVisible() and not view.amend_button.isVisible()


def test_finalize_is_refused_until_all_three_signed(
    qtbot: QtBot, view: ReviewView, workspace: Workspace, inspection_id: str
) -> None:
    sign_with_mouse(qtbot, view.signature_panel.boxes[SignatureRole.INSPECTOR_1].pad)
    sign_with_mouse(qtbot, view.signature_panel.boxes[SignatureRole.INSPECTOR_2].pad)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.isVisible() and view.finalize_button.isEnabled())
    assert "企业代表尚未签名" in view.message.text()
    assert "检查人员 1" not in view.message.text()
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.COMPLETED
    # The two given signatures were kept: only the missing one needs to be added.
    assert set(view.signatures.signatures(inspection_id)) == {SignatureRole.INSPECTOR_1, SignatureRole.INSPECTOR_2}


def test_signing_with_the_mouse_and_finalizing(
    qtbot: QtBot, view: ReviewView, workspace: Workspace, inspection_id: str
) -> None:
    for box in view.signature_panel.boxes.values():
        sign_with_mouse(qtbot, box.pad)
    drawn = view.signature_panel.boxes[SignatureRole.ENTERPRISE].pad.strokes()
    with qtbot.waitSignal(view.finalized, timeout=10_000) as finalized:
        qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    assert finalized.args == [inspection_id]
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.FINALIZED
    stored = view.signatures.signatures(inspection_id)
    assert [stored[role].signer_name for role in SignatureRole] == ["王建国", "李明", "张伟"]
    assert len(stored[SignatureRole.ENTERPRISE].strokes) == len(drawn) == 2
    assert stored[SignatureRole.ENTERPRISE].png and stored[SignatureRole.ENTERPRISE].png.startswith(b"\x89PNG")
    # Read-only now: no more drawing, no more answers; 更正 instead of 定稿.
    pad = view.signature_panel.boxes[SignatureRole.ENTERPRISE].pad
    assert pad.is_read_only() and view.signature_panel.boxes[SignatureRole.ENTERPRISE].name.isReadOnly()
    sign_with_mouse(qtbot, pad)
    assert len(pad.strokes()) == 2
    assert view.amend_button.isVisible() and not view.finalize_button.isVisible()
    with pytest.raises(TransitionRefused):
        workspace.inspections.answer(inspection_id, "C-1", Result.PASS)


def test_finalizing_asks_first_saying_what_will_happen(
    qtbot: QtBot, view: ReviewView, workspace: Workspace, inspection_id: str
) -> None:
    asked: list[str] = []
    view.confirm_finalize = lambda what_happens: asked.append(what_happens) or False
    for box in view.signature_panel.boxes.values():
        sign_with_mouse(qtbot, box.pad)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    (question,) = asked
    name = workspace.inspections.get(inspection_id).enterprise_name
    assert name in question and "只读" in question and "不能撤回" in question and "更正" in question
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.COMPLETED  # declined
    assert view.finalize_button.isVisible() and view.finalize_button.isEnabled()

    view.confirm_finalize = lambda what_happens: asked.append(what_happens) or True
    with qtbot.waitSignal(view.finalized, timeout=10_000):
        qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.FINALIZED
    assert "已定稿" in view.message.text()


def test_finalizing_with_a_signature_missing_asks_nothing(qtbot: QtBot, view: ReviewView) -> None:
    asked: list[str] = []
    view.confirm_finalize = lambda what_happens: asked.append(what_happens) or True
    sign_with_mouse(qtbot, view.signature_panel.boxes[SignatureRole.INSPECTOR_1].pad)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.isVisible() and view.finalize_button.isEnabled())
    assert asked == []  # the service refuses it with its own sentence


def test_back_to_edit_reopens_the_inspection(
    qtbot: QtBot, view: ReviewView, workspace: Workspace, inspection_id: str
) -> None:
    with qtbot.waitSignal(view.back_requested, timeout=10_000):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert workspace.inspections.get(inspection_id).status is InspectionStatus.DRAFT


def test_a_signature_is_shown_again_when_the_review_is_reopened(
    qtbot: QtBot, view: ReviewView, workspace: Workspace, inspection_id: str
) -> None:
    sign_with_mouse(qtbot, view.signature_panel.boxes[SignatureRole.INSPECTOR_1].pad)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.isVisible() and view.finalize_button.isEnabled())
    other = ReviewView(workspace)
    qtbot.addWidget(other)
    other.load(inspection_id)
    assert len(other.signature_panel.boxes[SignatureRole.INSPECTOR_1].pad.strokes()) == 2
    assert other.signature_panel.boxes[SignatureRole.INSPECTOR_2].pad.is_empty()


def test_correction_requires_a_reason_and_keeps_the_original(
    qtbot: QtBot, view: ReviewView, workspace: Workspace, inspection_id: str
) -> None:
    for box in view.signature_panel.boxes.values():
        sign_with_mouse(qtbot, box.pad)
    with qtbot.waitSignal(view.finalized, timeout=10_000):
        qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)

    dialog = view.amendment_dialog("C-1")
    qtbot.addWidget(dialog)
    dialog.set_new_result(Result.PASS)
    dialog.reason.setPlainText("   ")
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog) and "更正原因" in dialog.error.text()
    assert dialog.result() == 0 and dialog.amendment is None
    assert view.amendments.history(inspection_id) == []

    dialog.reason.setPlainText("复核照片显示安全出口未锁闭")
    dialog.submit()
    assert dialog.amendment is not None and dialog.result() == 1
    view.load(inspection_id)

    original = workspace.inspections.get(inspection_id)
    assert original.answers["C-1"].result is Result.FAIL and original.grade == "C"
    assert view.result_column.grade_badge.text() == "C"  # the signed grade stays on top…
    assert view.result_column.amended_label.isVisible()  # …with the amended one next to it
    assert "更正后：A 级" in view.result_column.amended_label.text()
    assert "复核照片显示安全出口未锁闭" in view.result_column.amendments_label.text()
    assert "王建国" in view.result_column.amendments_label.text()
    assert "已更正为：符合" in view.result_column.failed_label.text()


def test_after_finalizing_the_list_says_what_happened(qtbot: QtBot, workspace: Workspace, inspection_id: str) -> None:
    page = shown(qtbot, InspectionsPage(workspace))
    page.open_review(inspection_id)
    review = page.review
    assert isinstance(review, ReviewView)
    review.confirm_finalize = lambda _what_happens: True
    for box in review.signature_panel.boxes.values():
        sign_with_mouse(qtbot, box.pad)
    with qtbot.waitSignal(review.finalized, timeout=10_000):
        qtbot.mouseClick(review.finalize_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_page
    assert page.message.isVisible()
    assert "已定稿" in page.message.text() and "平湖市示例机械有限公司 2026-05-12" in page.message.text()
