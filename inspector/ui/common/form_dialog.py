"""A dialog that is one form: its rows, a line for the service's refusal, and OK / Cancel.

OK (or Enter, wherever the focus is) calls `submit()`; closing with input asks first
(GuardedDialog). A subclass's submit makes its one service call and either accepts or shows
the refusal's sentence with `show_message`: the dialog stays open and nothing is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.palette import ALERT, text_style

NO_DATE = QDate(2000, 1, 1)  # the minimum of an optional date field, which means "unset"


def dialog_buttons(
    dialog: QDialog, ok: QDialogButtonBox.StandardButton, ok_text: str | None = None
) -> QDialogButtonBox:
    """`ok` (Ok, Save…) and a translated Cancel that closes the dialog (a GuardedDialog asks first
    when it holds input); what `ok` does is the caller's."""
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    ok_button = buttons.button(ok)
    cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert ok_button is not None and cancel_button is not None
    if ok_text is not None:
        ok_button.setText(ok_text)
    cancel_button.setText(QCoreApplication.translate("FormDialog", "取消"))
    buttons.rejected.connect(dialog.close)
    return buttons


def date_edit(day: date) -> QDateEdit:
    """A date field with a calendar, showing ISO dates as the rest of the app does."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def optional_date_edit(unset: str) -> QDateEdit:
    """A date that may be left unset: its minimum, NO_DATE, is shown as `unset` (不限, 不填)."""
    edit = date_edit(NO_DATE.toPython())
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(unset)
    return edit


def optional_day(edit: QDateEdit) -> date | None:
    """The day of an optional date field; None while it is unset."""
    value = edit.date()
    return None if value == NO_DATE else value.toPython()


class MessageLine(QLabel):
    """A refusal's sentence in red, shown only while there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error")
        self.setStyleSheet(text_style(ALERT))
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        """Show `text`; an empty text hides the line."""
        self.setText(text)
        self.setVisible(bool(text))


class ScrollingRows(QScrollArea):
    """A form's rows: as tall as they need where there is room (the dialog opens at its natural
    size), and scrolling when the dialog is made shorter to fit the screen."""

    def __init__(self, form: QFormLayout) -> None:
        super().__init__()
        self.form = form
        rows = QFrame()
        layout = QVBoxLayout(rows)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(rows)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        # The form's own hint: the rows' widget hints 0×0 until it has been shown.
        return self.form.sizeHint()


class FormDialog(GuardedDialog):
    """A subclass sets the window title and `ok_button`'s text, and adds its rows to `form`."""

    def __init__(self, min_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(min_width)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = MessageLine()
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok_button, QPushButton)
        self.ok_button = ok_button
        self.buttons.accepted.connect(self.submit)
        # The rows scroll when the screen is shorter than the form (a laptop at 150 %): the
        # message and the buttons stay in view.
        self.rows = ScrollingRows(self.form)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.rows, 1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    def submit(self) -> None:
        """Make the service call; `accept()` on success, `show_message(...)` on a refusal."""
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.message.say(text)
