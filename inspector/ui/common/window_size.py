"""Every window and dialog fits the screen it opens on and reopens at the size it was left at.

A laptop's 1366×768 screen (less the task bar, and at 150 % scaling only 911×512 of Qt's
pixels) is smaller than several dialogs' natural size. `remember_size` gives a window its saved
size, or the default, shrunk to the screen's free area, and saves the size when it is hidden.
`fit_to_screen` only shrinks. The sizes are the person's (ui_settings.user_settings), not the
data folder's: they follow the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from inspector.ui.common.ui_settings import user_settings

# Room left around a window for the title bar and the frame, in Qt's pixels.
FRAME = QSize(16, 48)


def available(widget: QWidget) -> QSize:
    """The free area of the screen `widget` is on (or the primary screen), less the frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768)
    free = screen.availableGeometry().size()
    return QSize(max(320, free.width() - FRAME.width()), max(240, free.height() - FRAME.height()))


def fit_to_screen(widget: QWidget, size: QSize | None = None) -> QSize:
    """Resize `widget` to `size` (default: its own), no larger than the screen allows."""
    wanted = size if size is not None else QWidget.size(widget)  # (a dialog may name a field `size`)
    room = available(widget)
    fitted = QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))
    widget.resize(fitted)
    return fitted


class _SizeKeeper(QObject):
    def __init__(self, widget: QWidget, key: str) -> None:
        super().__init__(widget)
        self.key = key
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Close) and isinstance(watched, QWidget):
            settings = user_settings()
            settings.setValue(f"sizes/{self.key}", QWidget.size(watched))
            settings.sync()
        return False


def remember_size(widget: QWidget, key: str, width: int, height: int) -> QSize:
    """Open `widget` at the size it was last left at (else width×height), fitted to the screen,
    and remember its size when it is closed or hidden."""
    saved = user_settings().value(f"sizes/{key}")
    size = saved if isinstance(saved, QSize) and saved.isValid() else QSize(width, height)
    _SizeKeeper(widget, key)
    return fit_to_screen(widget, size)


def saved_size(key: str) -> QSize | None:
    value = user_settings().value(f"sizes/{key}")
    return value if isinstance(value, QSize) else None
