"""One lifecycle action on a hazard: collects what the action needs (operator, note, new deadline,
photos) and calls `HazardService.act`. A refused transition is shown inline; the dialog stays open
and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.photos.photo_store import StoredPhoto
from inspector.ui.common.labels import action_label
from inspector.ui.common.photo_strip import choose_photo_files, import_photos
from inspector.workspace import Workspace

NEEDS_DEADLINE = frozenset({HazardAction.FAIL_RECHECK, HazardAction.REQUEST_EXTENSION})
NEEDS_NOTE = frozenset({HazardAction.VOID, HazardAction.REFUSE_EXTENSION})
TAKES_PHOTOS = frozenset({HazardAction.FIX_ON_SITE, HazardAction.REQUEST_RECHECK, HazardAction.PASS_RECHECK})

_last_operator = ""  # remembered for the session: the same inspector acts on many hazards


class HazardActionDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        hazard_id: str,
        action: HazardAction,
        operator: str = "",
        current_deadline: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.hazard_id = hazard_id
        self.action = action
        self.result_status: HazardStatus | None = None
        self.photos: list[StoredPhoto] = []
        self.setWindowTitle(self.tr("隐患操作：{action}").format(action=action_label(action)))
        self.setMinimumWidth(440)

        form = QFormLayout()
        self.operator = QLineEdit(_last_operator or operator)
        self.operator.setPlaceholderText(self.tr("操作人姓名"))
        form.addRow(self.tr("操作人"), self.operator)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        note_label = self.tr("原因（必填）") if action in NEEDS_NOTE else self.tr("备注")
        form.addRow(note_label, self.note)
        self.deadline: QDateEdit | None = None
        if action in NEEDS_DEADLINE:
            base = max(current_deadline or workspace.today(), workspace.today())
            proposed = base + timedelta(days=15)
            self.deadline = QDateEdit(QDate(proposed.year, proposed.month, proposed.day))
            self.deadline.setCalendarPopup(True)
            self.deadline.setDisplayFormat("yyyy-MM-dd")
            form.addRow(self.tr("新整改期限"), self.deadline)
        self.photo_list: QListWidget | None = None
        if action in TAKES_PHOTOS:
            self.photo_list = QListWidget()
            self.photo_list.setFixedHeight(70)
            add = QPushButton(self.tr("添加整改后照片…"))
            add.clicked.connect(self._choose_photos)
            box = QVBoxLayout()
            box.addWidget(self.photo_list)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addStretch(1)
            box.addLayout(row)
            form.addRow(self.tr("整改后照片"), box)

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action_label(action))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _choose_photos(self) -> None:
        self.add_photo_files(choose_photo_files(self))

    def add_photo_files(self, paths: list[Path]) -> None:
        """Import photo files into the store (a few files: done here, through the shared loop);
        a bad file shows its message and adds nothing."""
        outcome = import_photos(self.workspace, paths)
        for photo in outcome.stored:
            self.photos.append(photo)
            if self.photo_list is not None:
                self.photo_list.addItem(photo.original_name)
        if outcome.errors:
            self.show_message("\n".join(outcome.errors))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def submit(self) -> None:
        global _last_operator
        by = self.operator.text().strip()
        if not by:
            self.show_message(self.tr("请填写操作人"))
            return
        new_deadline = None
        if self.deadline is not None:
            new_deadline = self.deadline.date().toPython()
        try:
            self.result_status = self.workspace.hazards.act(
                self.hazard_id,
                self.action,
                by,
                note=self.note.toPlainText().strip(),
                photos=self.photos,
                new_deadline=new_deadline,
            )
        except DomainError as error:
            self.show_message(str(error))
            return
        _last_operator = by
        self.accept()
