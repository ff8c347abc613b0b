"""Every dialog that takes input loses nothing: Enter presses its main action wherever the focus
is (a field, another button such as 添加照片…), and Cancel, Esc or the window's × with input in it
asks "放弃已填写的内容？" first; without input it closes at once."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.inspection import InspectionStatus
from inspector.services.hazards import NewHazard
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.markup_dialog import MarkupDialog
from inspector.ui.enterprises.enterprise_dialog import EnterpriseDialog
from inspector.ui.enterprises.training_dialog import TrainingDialog
from inspector.ui.grading.override_dialog import OverrideDialog
from inspector.ui.hazards.hazard_action_dialog import HazardActionDialog
from inspector.ui.hazards.new_hazard_dialog import NewHazardDialog
from inspector.ui.hazards.notice_dialog import NoticeDialog
from inspector.ui.inspection.hazard_dialog import HazardDialog
from inspector.ui.inspection.review_view import ReviewView
from inspector.ui.inspection.start_dialog import StartDialog
from inspector.ui.settings_dialog import SettingsDialog
from inspector.ui.sync.sync_page import PasswordDialog
from inspector.workspace import Workspace
from tests.sqlite_files import scalar

Factory = Callable[[Workspace, QtBot], GuardedDialog]


def any_hazard(ws: Workspace) -> str:
    return str(scalar(ws, "SELECT id FROM hazards ORDER BY id LIMIT 1"))


def hazard_dialog(ws: Workspace, _qtbot: QtBot) -> GuardedDialog:
    enterprise = str(scalar(ws, "SELECT id FROM enterprises ORDER BY id LIMIT 1"))
    today = ws.today()
    draft = NewHazard(enterprise, "配电箱门未关闭", today, "王建国", today + timedelta(days=7))
    return HazardDialog(ws, draft)


def amendment_dialog(ws: Workspace, qtbot: QtBot) -> GuardedDialog:
    finalized = InspectionStatus.FINALIZED.value
    inspection = str(scalar(ws, "SELECT id FROM inspections WHERE status = ? ORDER BY id LIMIT 1", finalized))
    view = ReviewView(ws)
    qtbot.addWidget(view)
    view.load(inspection)
    assert view.review is not None
    return view.amendment_dialog(view.review.template.items[0].code)


def override_dialog(ws: Workspace, _qtbot: QtBot) -> GuardedDialog:
    proposal = ws.grading_round.propose(ws.today().year)[0]
    return OverrideDialog(proposal, proposal.proposed_grade)


def notice_dialog(ws: Workspace, _qtbot: QtBot) -> GuardedDialog:
    dialog = NoticeDialog(ws, any_hazard(ws))
    dialog.show_result = False
    return dialog


DIALOGS: dict[str, Factory] = {
    "new-hazard": lambda ws, _q: NewHazardDialog(ws),
    "inspection-hazard": hazard_dialog,
    "notice": notice_dialog,
    "hazard-action": lambda ws, _q: HazardActionDialog(ws, any_hazard(ws), HazardAction.VOID, "王建国"),
    "enterprise": lambda ws, _q: EnterpriseDialog(None, None, ws),
    "training": lambda ws, _q: TrainingDialog(
        None, ws, str(scalar(ws, "SELECT id FROM enterprises ORDER BY id LIMIT 1"))
    ),
    "override": override_dialog,
    "amendment": amendment_dialog,
    "start-inspection": lambda ws, _q: StartDialog(ws),
    "settings": lambda ws, _q: SettingsDialog(ws),
    "password": lambda _ws, _q: PasswordDialog("postgresql://inspector@central:5432/city"),
    "markup": lambda ws, _q: MarkupDialog(ws, str(scalar(ws, "SELECT sha256 FROM photos ORDER BY id LIMIT 1"))),
}


@pytest.fixture(params=list(DIALOGS))
def dialog(request: pytest.FixtureRequest, demo: Workspace, qtbot: QtBot) -> GuardedDialog:
    made = DIALOGS[request.param](demo, qtbot)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def main_button(dialog: GuardedDialog) -> QPushButton:
    button = dialog.main_button()
    assert button is not None and button.isVisible()
    return button


def editable_text_field(dialog: QDialog) -> QWidget:
    """The first field a person could type into."""
    for widget in dialog.findChildren(QWidget):
        usable = widget.isVisible() and widget.isEnabled() and widget.window() is dialog
        if (
            isinstance(widget, QLineEdit)
            and usable
            and not widget.isReadOnly()
            and type(widget.parent()) is not QWidget
        ):
            if widget.parent() is not None and widget.parent().inherits("QAbstractSpinBox"):
                continue
            if widget.parent() is not None and widget.parent().inherits("QComboBox"):
                continue
            return widget
        if isinstance(widget, (QPlainTextEdit, QTextEdit)) and usable and not widget.isReadOnly():
            return widget
    raise AssertionError(f"{type(dialog).__name__} has no text field")


def count_clicks(button: QPushButton) -> list[bool]:
    """Clicks of `button`, with what it would do cut off: this test is about the keys alone."""
    clicks: list[bool] = []
    with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
        button.clicked.disconnect()
    button.clicked.connect(lambda: clicks.append(True))
    return clicks


def test_enter_presses_the_main_action_wherever_the_focus_is(dialog: GuardedDialog, qtbot: QtBot) -> None:
    main = main_button(dialog)
    for box in dialog.findChildren(QDialogButtonBox):
        box.accepted.disconnect()  # keep the dialog open: the submit itself is tested elsewhere
        box.rejected.disconnect()
    pressed = count_clicks(main)
    main.setEnabled(True)  # as once the form is complete (开始检查 waits for an enterprise, 保存 for a name)
    others = [b for b in dialog.findChildren(QPushButton) if b is not main and b.isVisible() and b.isEnabled()]
    assert others, "at least Cancel"
    other_clicks = {b: count_clicks(b) for b in others}
    assert main.isDefault()
    assert not any(b.autoDefault() or b.isDefault() for b in others)

    field = editable_text_field(dialog)
    if isinstance(field, QLineEdit):
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert len(pressed) == 1, "Enter in a one-line field"
    else:  # a multi-line field keeps Enter for its new lines; Ctrl+Enter confirms
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert len(pressed) == 1, "Ctrl+Enter in a multi-line field"
    for button in others:  # e.g. after 添加照片… returns, its button has the focus
        button.setFocus()
        before = len(pressed)
        qtbot.keyClick(button, Qt.Key.Key_Return)
        assert len(pressed) == before + 1, button.text()
    assert not any(other_clicks.values()), "Enter never pressed another button"
    assert dialog.isVisible()


def type_into(dialog: GuardedDialog, qtbot: QtBot) -> QWidget:
    field = editable_text_field(dialog)
    field.setFocus()
    qtbot.keyClicks(field, "abc 12")
    assert dialog.holds_input()
    return field


def question_of(dialog: GuardedDialog, qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.discard_question is not None and dialog.discard_question.isVisible())
    question = dialog.discard_question
    assert question is not None and question.text() == "放弃已填写的内容？"
    assert dialog.isVisible(), "nothing is closed before the answer"
    return question


def answer(question: QMessageBox, text: str) -> None:
    (button,) = [b for b in question.buttons() if b.text() == text]
    button.click()


def test_closing_with_input_asks_first(dialog: GuardedDialog, qtbot: QtBot) -> None:
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
    field = type_into(dialog, qtbot)
    typed = field.text() if isinstance(field, QLineEdit) else field.toPlainText()

    cancel.click()
    answer(question_of(dialog, qtbot), "继续填写")
    assert dialog.isVisible()
    assert (field.text() if isinstance(field, QLineEdit) else field.toPlainText()) == typed

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer(question_of(dialog, qtbot), "继续填写")
    assert dialog.isVisible()

    dialog.close()  # the window's ×
    answer(question_of(dialog, qtbot), "放弃")
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_closing_without_input_asks_nothing(dialog: GuardedDialog, qtbot: QtBot) -> None:
    assert not dialog.holds_input(), "pre-filled values are not input"
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消").click()
    assert not dialog.isVisible() and dialog.discard_question is None
