"""标注照片: circle, point at or label a hazard on its photo.

Drag on the picture to draw the chosen shape (a circle, an arrow from where the drag starts to
where it ends) or click to place the label typed beside the tools. The dialog only collects
shapes, in coordinates relative to the picture; saving stores a new version rendered by Pillow
(inspector.photos.markup, inspector.services.photo_versions). The original is never changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.photos.markup import MAX_LABEL, RED, Shape, ShapeKind
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.palette import CARD, PHOTO_BACKGROUND
from inspector.workspace import Workspace


class MarkupCanvas(QWidget):
    """The photo scaled to fit, the shapes drawn over it; drags add shapes."""

    changed = Signal()

    def __init__(self, pixmap: QPixmap, shapes: list[Shape], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = pixmap
        self.shapes = list(shapes)
        self.kind = ShapeKind.CIRCLE
        self.label_text = ""
        self._start: QPointF | None = None
        self._now: QPointF | None = None
        self.setMinimumSize(400, 260)  # fits a 1366×768 laptop at 150 % with the tools and buttons
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def picture_rect(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred, its proportions kept."""
        if self.pixmap.isNull():
            return QRectF(self.rect())
        scale = min(self.width() / self.pixmap.width(), self.height() / self.pixmap.height())
        w, h = self.pixmap.width() * scale, self.pixmap.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def relative(self, point: QPointF) -> tuple[float, float]:
        r = self.picture_rect()
        x = min(1.0, max(0.0, (point.x() - r.x()) / r.width()))
        y = min(1.0, max(0.0, (point.y() - r.y()) / r.height()))
        return x, y

    def absolute(self, x: float, y: float) -> QPointF:
        r = self.picture_rect()
        return QPointF(r.x() + x * r.width(), r.y() + y * r.height())

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)
        self.changed.emit()
        self.update()

    def undo(self) -> None:
        if self.shapes:
            self.shapes.pop()
            self.changed.emit()
            self.update()

    # -- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.kind is ShapeKind.LABEL:
            if self.label_text.strip():
                x, y = self.relative(event.position())
                self.add(Shape(ShapeKind.LABEL, x, y, text=self.label_text.strip()))
            return
        self._start = self._now = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._now = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        start, end = self._start, event.position()
        self._start = self._now = None
        if math.dist((start.x(), start.y()), (end.x(), end.y())) < 8:
            self.update()
            return  # a click, not a drag
        (x0, y0), (x1, y1) = self.relative(start), self.relative(end)
        self.add(Shape(self.kind, x0, y0, x1, y1))

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PHOTO_BACKGROUND))
        painter.drawPixmap(self.picture_rect(), self.pixmap, QRectF(self.pixmap.rect()))
        for shape in self.shapes:
            self._draw(
                painter, shape.kind, self.absolute(shape.x0, shape.y0), self.absolute(shape.x1, shape.y1), shape.text
            )
        if self._start is not None and self._now is not None:
            self._draw(painter, self.kind, self._start, self._now, "")
        painter.end()

    def _draw(self, painter: QPainter, kind: ShapeKind, a: QPointF, b: QPointF, text: str) -> None:
        pen = QPen(QColor(RED), 3)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind is ShapeKind.CIRCLE:
            painter.drawEllipse(QRectF(a, b).normalized())
        elif kind is ShapeKind.ARROW:
            painter.drawLine(a, b)
            angle = math.atan2(b.y() - a.y(), b.x() - a.x())
            head = 15
            left = QPointF(b.x() - head * math.cos(angle - 0.45), b.y() - head * math.sin(angle - 0.45))
            right = QPointF(b.x() - head * math.cos(angle + 0.45), b.y() - head * math.sin(angle + 0.45))
            painter.setBrush(QColor(RED))
            painter.drawPolygon(QPolygonF([b, left, right]))
        else:
            metrics = painter.fontMetrics()
            box = QRectF(metrics.boundingRect(text)).translated(a.x(), a.y() + metrics.ascent()).adjusted(-4, -4, 4, 4)
            painter.fillRect(box, QColor(CARD))
            painter.drawRect(box)
            painter.drawText(QPointF(a.x(), a.y() + metrics.ascent()), text)


class MarkupDialog(GuardedDialog):
    """Mark up the photo `sha256` (a hazard's photo, or an earlier marked-up version of it)."""

    def __init__(self, workspace: Workspace, sha256: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("标注照片"))
        self.saved_sha256: str | None = None
        drawing = workspace.photo_versions.drawing(sha256)
        self.original_sha256 = drawing.original_sha256
        self.first_count = len(drawing.shapes)
        pixmap = QPixmap(str(workspace.photos.path_of(drawing.original_sha256)))
        self.canvas = MarkupCanvas(pixmap, drawing.shapes, self)
        self.canvas.setObjectName("markupCanvas")

        self.tools = QButtonGroup(self)
        tools = QHBoxLayout()
        for kind, text in (
            (ShapeKind.CIRCLE, self.tr("圆圈")),
            (ShapeKind.ARROW, self.tr("箭头")),
            (ShapeKind.LABEL, self.tr("文字")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setObjectName(f"tool_{kind.value}")
            button.setChecked(kind is ShapeKind.CIRCLE)
            button.clicked.connect(lambda _=False, k=kind: self.choose(k))
            self.tools.addButton(button)
            tools.addWidget(button)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("labelText")
        self.label_edit.setMaxLength(MAX_LABEL)
        self.label_edit.setPlaceholderText(self.tr("文字标注（最多 {n} 字），然后点击照片").format(n=MAX_LABEL))
        self.label_edit.textChanged.connect(self._label_changed)
        tools.addWidget(self.label_edit, 1)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.canvas.undo)
        tools.addWidget(self.undo_button)

        hint = QLabel(self.tr("在照片上拖动画圆圈或箭头；原照片保留不变，保存为新的版本，报告使用标注后的照片。"))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存标注"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)  # asks first when something is drawn
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(900, 680)

    def choose(self, kind: ShapeKind) -> None:
        self.canvas.kind = kind
        if kind is ShapeKind.LABEL:
            self.label_edit.setFocus()

    def _label_changed(self, text: str) -> None:
        self.canvas.label_text = text
        if text:
            self.choose(ShapeKind.LABEL)
            for button in self.tools.buttons():
                button.setChecked(button.objectName() == "tool_label")

    def holds_input(self) -> bool:
        return len(self.canvas.shapes) != self.first_count or super().holds_input()

    def save(self) -> None:
        try:
            stored = self.workspace.photo_versions.mark_up(self.original_sha256, self.canvas.shapes)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法保存标注"), str(error))
            return
        self.saved_sha256 = stored.sha256
        self.accept()
