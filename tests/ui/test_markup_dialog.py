"""标注照片 from the ledger: drag a circle and an arrow, type a label and click, save; the ledger
shows the marked-up version, the original stays, and closing with a drawing asks first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from inspector.photos.markup import ShapeKind
from inspector.ui.common.markup_dialog import MarkupDialog
from inspector.ui.hazards.hazard_detail import HazardDetailPanel
from inspector.workspace import Workspace
from tests.ui.gui_samples import hazard_with_photo, shown


def drag(qtbot: QtBot, dialog: MarkupDialog, start: tuple[float, float], end: tuple[float, float]) -> None:
    canvas = dialog.canvas
    rect = canvas.picture_rect()

    def at(x: float, y: float) -> QPoint:
        return QPoint(int(rect.x() + x * rect.width()), int(rect.y() + y * rect.height()))

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at(*start))
    qtbot.mouseMove(canvas, at(*end))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at(*end))


def test_draw_save_and_see_the_new_version(qtbot: QtBot, workspace: Workspace) -> None:
    hazard_id, original = hazard_with_photo(workspace)
    original_bytes = workspace.photos.path_of(original).read_bytes()
    panel = shown(qtbot, HazardDetailPanel(workspace))
    panel.show_hazard(hazard_id)
    assert panel.markup_button.isEnabled()
    dialog = panel.mark_up_photo()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    drag(qtbot, dialog, (0.2, 0.2), (0.6, 0.7))
    dialog.findChild(QPushButton, "tool_arrow").click()
    drag(qtbot, dialog, (0.9, 0.1), (0.6, 0.4))
    dialog.label_edit.setText("缺门")  # as typed (keyClicks sends only ASCII)
    qtbot.mouseClick(dialog.canvas, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert [shape.kind for shape in dialog.canvas.shapes] == [ShapeKind.CIRCLE, ShapeKind.ARROW, ShapeKind.LABEL]
    assert dialog.canvas.shapes[2].text == "缺门"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_sha256 and dialog.saved_sha256 != original
    assert workspace.photos.path_of(original).read_bytes() == original_bytes
    assert workspace.photo_versions.shown([original]) == [dialog.saved_sha256]
    assert "已标注" in panel.before.item(0).toolTip()

    again = panel.mark_up_photo()  # starts from the original with the saved shapes
    assert again is not None and len(again.canvas.shapes) == 3
    again.reject()


def test_closing_with_a_drawing_asks_first(qtbot: QtBot, workspace: Workspace) -> None:
    _hazard_id, original = hazard_with_photo(workspace)
    dialog = shown(qtbot, MarkupDialog(workspace, original))
    assert not dialog.holds_input()
    drag(qtbot, dialog, (0.3, 0.3), (0.5, 0.5))
    assert dialog.holds_input()
    dialog.close()
    assert dialog.discard_question is not None and dialog.isVisible()
    dialog.discard_question.reject()
