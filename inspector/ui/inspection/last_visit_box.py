"""What the last visit found at the item on screen, in a re-inspection started from it: last
time's result and note, the hazards still open with their before-photos (services/revisit.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector.services.revisit import RecheckItem, RevisitPlan
from inspector.ui.common.labels import hazard_status_label, result_label
from inspector.workspace import Workspace

THUMBNAIL = 96  # pixels: enough to recognise the spot, small enough to leave the item in view
MAX_PHOTOS = 4


class LastVisitBox(QFrame):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("lastVisitBox")
        self.title = QLabel()
        self.title.setObjectName("fieldTitle")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.photos = QHBoxLayout()
        self.photos.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(self.photos)
        self.hide()

    def show_item(self, plan: RevisitPlan | None, code: str) -> None:
        item = plan.item(code) if plan is not None else None
        if plan is None or item is None:
            self.hide()
            return
        self.title.setText(self.tr("上次检查（{day}）发现").format(day=plan.previous_date.isoformat()))
        self.text.setText("\n".join(self._lines(item)))
        while self.photos.count():
            taken = self.photos.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        shas = [sha for hazard in item.hazards for sha in hazard.before_photos][:MAX_PHOTOS]
        for sha in shas:
            picture = QLabel()
            picture.setToolTip(self.tr("整改前照片"))
            pixmap = QPixmap(str(self.workspace.photos.thumbnail(sha)))
            picture.setPixmap(
                pixmap.scaled(
                    THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
            self.photos.addWidget(picture)
        self.photos.addStretch(1)
        self.show()

    def _lines(self, item: RecheckItem) -> list[str]:
        lines = []
        if item.last_result is not None:
            result = result_label(item.last_result)
            lines.append(
                self.tr("结果：{result}。备注：{note}").format(result=result, note=item.last_note)
                if item.last_note
                else self.tr("结果：{result}").format(result=result)
            )
        for hazard in item.hazards:
            lines.append(
                self.tr("未整改隐患：{description}（{status}，期限 {deadline}）").format(
                    description=hazard.description,
                    status=hazard_status_label(hazard.status),
                    deadline=hazard.deadline.isoformat(),
                )
            )
        return lines
