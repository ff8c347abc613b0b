"""Ask before a step that cannot be undone, naming what will happen; the safe answer is default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_step(parent: QWidget, title: str, what_happens: str, action: str) -> bool:
    """True when the person pressed `action` (e.g. 定稿); Enter, Esc and 取消 leave things as they are."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, what_happens, QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("ConfirmStep", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go
