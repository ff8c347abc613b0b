"""A dialog that loses nothing: Enter confirms its main action wherever the focus is, and closing
it (Cancel, Esc, the window's ×) while it holds input asks first.

Why: Qt makes every push button "auto-default", so the last button clicked (添加照片…, 取消)
became the one Enter pressed, and Enter after adding a photo dropped a whole hazard unasked.
Here only the main (accept-role) button is default; Enter in a one-line field or on any other
button presses it; Ctrl+Enter presses it from a multi-line field, where Enter starts a new line.

"Holds input" means a field differs from how the dialog was shown (pre-filled values are not
input). A programmatic `reject()` still closes at once: the caller decided, not a stray key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from inspector.ui.common.window_size import remember_size

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def field_value(widget: QWidget) -> object:
    """What one input widget holds, comparable between two moments; None for a non-input widget."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QListWidget):  # photos added, ticked or unticked
        return tuple((widget.item(i).text(), widget.item(i).checkState()) for i in range(widget.count()))
    return None


class GuardedDialog(QDialog):
    """Subclasses add their fields and one QDialogButtonBox whose accept-role button is the main
    action; `holds_input()` may be widened for input that lives outside the widgets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_values: list[object] | None = None
        self._discarding = False
        self.discard_question: QMessageBox | None = None  # open while the question is asked
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.press_main_button)

    # -- the main action -------------------------------------------------------------------------
    def main_button(self) -> QPushButton | None:
        for box in self._own(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) is QDialogButtonBox.ButtonRole.AcceptRole:
                    return button if isinstance(button, QPushButton) else None
        return None

    def press_main_button(self) -> None:
        button = self.main_button()
        if button is not None and button.isEnabled() and button.isVisible():
            button.click()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            self.press_main_button()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()  # through closeEvent, which asks when there is input
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- what is held ----------------------------------------------------------------------------
    def _own(self, kind: type) -> list:
        """The dialog's own widgets of `kind` (not those of a message box it opened)."""
        return [w for w in self.findChildren(kind) if w.window() is self]

    def field_values(self) -> list[object]:
        # Input widgets only: a tab shown for the first time makes widgets (scroll bars, headers)
        # that hold nothing and must not count as input.
        return [value for value in map(field_value, self._own(QWidget)) if value is not None]

    def holds_input(self) -> bool:
        return self._shown_values is not None and self.field_values() != self._shown_values

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_values is None:
            main = self.main_button()
            for button in self._own(QPushButton):
                button.setAutoDefault(False)  # a clicked button must not take Enter over
            if main is not None:
                main.setDefault(True)
            self._shown_values = self.field_values()
            # Its last size, or its natural one, never larger than the screen (a laptop at 150 %).
            natural = self.sizeHint().expandedTo(QWidget.size(self))
            remember_size(self, type(self).__name__, natural.width(), natural.height())

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._discarding or not self.isVisible() or not self.holds_input():
            super().closeEvent(event)
            return
        event.ignore()
        self._ask_discard()

    def _ask_discard(self) -> None:
        if self.discard_question is not None:
            return
        question = QMessageBox(self)
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(QCoreApplication.translate("GuardedDialog", "关闭"))
        question.setText(QCoreApplication.translate("GuardedDialog", "放弃已填写的内容？"))
        question.setInformativeText(QCoreApplication.translate("GuardedDialog", "已填写和添加的内容不会保存。"))
        discard = question.addButton(
            QCoreApplication.translate("GuardedDialog", "放弃"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = question.addButton(
            QCoreApplication.translate("GuardedDialog", "继续填写"), QMessageBox.ButtonRole.RejectRole
        )
        question.setDefaultButton(keep)  # Enter or Esc on the question keeps the input
        question.setEscapeButton(keep)
        self.discard_question = question

        def answered() -> None:
            self.discard_question = None
            if question.clickedButton() is discard:
                self._discarding = True
                self.reject()
            else:
                (self.focusWidget() or self).setFocus()

        question.finished.connect(answered)
        question.open()

    def done(self, result: int) -> None:
        if self.discard_question is not None:
            self.discard_question.close()
        super().done(result)
        self._discarding = False
