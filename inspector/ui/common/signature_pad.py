"""A handwritten signature pad: mouse, pen (tablet) or finger (touch).

Strokes are kept as points normalised to 0..1 of a signing area with a fixed aspect ratio, so a
signature drawn on a small laptop screen and shown on a large one (or printed) keeps its shape:
the widget letterboxes the area instead of stretching it.

Input: a pen's QTabletEvent and a finger's QTouchEvent are accepted here, which stops Qt from
also synthesising mouse events from them, so each point is recorded once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspector.ui.common.palette import CARD, PAPER, PAPER_READ_ONLY, PENDING_COLOUR, RULE, RULE_LIGHT, SIGNATURE_INK

ASPECT = 2.5  # width : height of the signing area (400 × 160 at the minimum size)
MIN_SIZE = QSize(400, 160)
INK = QColor(SIGNATURE_INK)
MIN_STEP = 0.002  # ignore moves shorter than this (in area units): keeps strokes small

Strokes = list[list[list[float]]]


class SignaturePad(QWidget):
    """Records strokes; `strokes()` returns them normalised, `set_strokes()` shows saved ones."""

    changed = Signal()

    def __init__(self, role_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role_label = role_label
        self._strokes: Strokes = []
        self._drawing = False
        self._read_only = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(role_label)
        self.setToolTip(self.tr("用鼠标、手写笔或手指在此签名"))

    # -- public ----------------------------------------------------------------------------------
    def role_label(self) -> str:
        return self._role_label

    def set_role_label(self, text: str) -> None:
        self._role_label = text
        self.setAccessibleName(text)
        self.update()

    def clear(self) -> None:
        if self._read_only:
            return
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def strokes(self) -> Strokes:
        """A copy of the strokes: each a list of [x, y] in 0..1, (0, 0) at the top left."""
        return [[list(point) for point in stroke] for stroke in self._strokes if stroke]

    def set_strokes(self, strokes: Sequence[Sequence[Sequence[float]]]) -> None:
        """Show a saved drawing (e.g. a signature already given)."""
        self._strokes = [[[float(x), float(y)] for x, y in stroke] for stroke in strokes]
        self._drawing = False
        self.update()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._drawing = False
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)
        self.update()

    def is_read_only(self) -> bool:
        return self._read_only

    def to_image(self, width: int = 800) -> QImage:
        """The drawing alone, ink on transparent, at `width` pixels (the area's aspect kept)."""
        height = round(width / ASPECT)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._paint_strokes(painter, QRectF(0, 0, width, height))
        painter.end()
        return image

    def to_png(self, width: int = 800) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image(width).save(buffer, "PNG")
        return bytes(QByteArray(buffer.data()).data())

    def sizeHint(self) -> QSize:
        return MIN_SIZE

    # -- geometry ----------------------------------------------------------------------------------
    def area(self) -> QRectF:
        """The signing area: the largest rectangle of the fixed aspect centred in the widget."""
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        width = min(rect.width(), rect.height() * ASPECT)
        height = width / ASPECT
        return QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)

    def _normalised(self, position: QPointF) -> list[float]:
        area = self.area()
        x = (position.x() - area.left()) / area.width()
        y = (position.y() - area.top()) / area.height()
        # A stroke that leaves the area is kept on its edge rather than broken or lost.
        return [min(1.0, max(0.0, x)), min(1.0, max(0.0, y))]

    # -- input ----------------------------------------------------------------------------------
    def _begin(self, position: QPointF) -> None:
        if self._read_only:
            return
        self._drawing = True
        self._strokes.append([self._normalised(position)])
        self.update()

    def _extend(self, position: QPointF) -> None:
        if not self._drawing or not self._strokes:
            return
        point = self._normalised(position)
        last = self._strokes[-1][-1]
        if abs(point[0] - last[0]) < MIN_STEP and abs(point[1] - last[1]) < MIN_STEP:
            return
        self._strokes[-1].append(point)
        self.update()

    def _end(self, position: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if position is not None:
            self._extend(position)
        self._drawing = False
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events: the pen's points are recorded once

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            # One finger draws; a second finger resting on the screen is ignored.
            position = points[0].position() if points else None
            if kind == QEvent.Type.TouchBegin and position is not None:
                self._begin(position)
            elif kind == QEvent.Type.TouchUpdate and position is not None:
                self._extend(position)
            else:
                self._end(position)
            event.accept()
            return True
        return super().event(event)

    # -- painting ----------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.area()
        painter.fillRect(self.rect(), QColor(PAPER))
        painter.fillRect(area, QColor(PAPER_READ_ONLY if self._read_only else CARD))
        painter.setPen(QPen(QColor(RULE), 1))
        painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5))
        # A baseline to sign on, and the role in the corner, as on a paper form.
        baseline = area.top() + area.height() * 0.78
        painter.setPen(QPen(QColor(RULE_LIGHT), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left() + 16, baseline), QPointF(area.right() - 16, baseline))
        painter.setPen(QColor(PENDING_COLOUR))
        painter.drawText(
            area.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._role_label
        )
        if self.is_empty() and not self._read_only:
            painter.setPen(QColor(RULE))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("请在此处手写签名"))
        self._paint_strokes(painter, area)
        painter.end()

    def _paint_strokes(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(1.5, area.height() / 55)
        pen = QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)

        def at(point: list[float]) -> QPointF:
            return QPointF(area.left() + point[0] * area.width(), area.top() + point[1] * area.height())

        for stroke in self._strokes:
            if not stroke:
                continue
            if len(stroke) == 1:
                painter.drawPoint(at(stroke[0]))  # a dot (the pen's round cap makes it visible)
                continue
            path = QPainterPath(at(stroke[0]))
            for point in stroke[1:]:
                path.lineTo(at(point))
            painter.drawPath(path)
