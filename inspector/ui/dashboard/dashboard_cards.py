"""A figure card: a big number with its caption; clicking it opens the matching list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from inspector.ui.common.palette import CARD, FIGURE_BORDER, INFO, SLATE_CAPTION, SLATE_MUTED, text_style


class FigureCard(QFrame):
    clicked = Signal()

    def __init__(self, caption: str, colour: str = INFO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"#figure_card {{ background: {CARD}; border: 1px solid {FIGURE_BORDER}; border-radius: 6px; }}"
            f"#figure_card:hover {{ border-color: {INFO}; }}"
        )
        self.value = QLabel("—")
        self.value.setStyleSheet(f"color: {colour}; font-size: 22px; font-weight: bold;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(text_style(SLATE_CAPTION))
        self.detail = QLabel("")
        self.detail.setStyleSheet(f"color: {SLATE_MUTED}; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
