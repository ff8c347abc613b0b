"""Raise a hazard from a checklist item: a pre-filled draft, edited, then one service call.

The draft comes from `InspectionService.hazard_draft_for_item` (severity, deadline, category,
location type, legal basis and description from the template item); this dialog only lets the
inspector change it. Enter accepts, because the OK button has the focus when the dialog opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Severity
from inspector.core.errors import DomainError
from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import NewHazard
from inspector.ui.common.labels import category_label, location_label, severity_label
from inspector.ui.common.operations import run_in_background
from inspector.ui.common.photo_strip import ImportOutcome, ThumbnailCache, choose_photo_files, import_photos
from inspector.workspace import Workspace


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class HazardDialog(QDialog):
    """Edit `draft` and raise it; `hazard_id` holds the new hazard's id after acceptance."""

    def __init__(
        self,
        workspace: Workspace,
        draft: NewHazard,
        photos: Sequence[StoredPhoto] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.draft = draft
        self.hazard_id: str | None = None
        self._photos: dict[str, StoredPhoto] = {p.sha256: p for p in photos}
        self._thumbnails = ThumbnailCache(workspace)
        title = self.tr("登记隐患")
        if draft.item_code:
            title = self.tr("登记隐患 · 检查项 {code}").format(code=draft.item_code)
        self.setWindowTitle(title)
        self.setMinimumWidth(680)

        self.description = QPlainTextEdit(draft.description)
        self.description.setFixedHeight(78)
        self.location_type = QComboBox()
        for value in LocationType:
            self.location_type.addItem(location_label(value), value.value)
        self.location_type.setCurrentIndex(self.location_type.findData(draft.location_type.value))
        self.location = QLineEdit(draft.location)
        self.location.setPlaceholderText(self.tr("具体部位，如：二号车间东侧配电箱"))
        self.category = QComboBox()
        for value in Category:
            self.category.addItem(category_label(value), value.value)
        self.category.setCurrentIndex(self.category.findData(draft.category.value))
        self.severity = QComboBox()
        for value in Severity:
            self.severity.addItem(severity_label(value), value.value)
        self.severity.setCurrentIndex(self.severity.findData(draft.severity.value))
        self.major_clause = QLineEdit(draft.major_clause)
        self.major_clause.setPlaceholderText(self.tr("重大隐患判定依据条款"))
        self.deadline = QDateEdit(to_qdate(draft.deadline))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(to_qdate(draft.found_on))
        self.legal_basis = QLineEdit(draft.legal_basis)
        self.legal_basis.setCursorPosition(0)  # show the start of a long citation
        self.measures = QPlainTextEdit(draft.measures)
        self.measures.setFixedHeight(78)
        self.responsible = QLineEdit(draft.responsible_person)
        self.responsible.setPlaceholderText(self.tr("企业整改责任人"))
        found = QLabel(
            self.tr("{day} · {who}").format(day=draft.found_on.isoformat(), who=draft.found_by or self.tr("（未填）"))
        )

        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setIconSize(QSize(64, 64))
        self.photo_list.setFixedHeight(88)
        for photo in photos:
            self._add_photo_item(photo)
        self.add_photo = QPushButton(self.tr("添加照片…"))
        self.add_photo.setAutoDefault(False)
        self.add_photo.clicked.connect(self._choose_photos)
        photo_hint = QLabel(self.tr("勾选的照片作为整改前照片"))
        photo_hint.setObjectName("hint")
        photo_row = QHBoxLayout()
        photo_row.addWidget(photo_hint, 1)
        photo_row.addWidget(self.add_photo)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("隐患描述"), self.description)
        form.addRow(self.tr("发现"), found)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location_type)
        location_row.addWidget(self.location, 1)
        form.addRow(self.tr("位置"), location_row)
        form.addRow(self.tr("类别"), self.category)
        severity_row = QHBoxLayout()
        severity_row.addWidget(self.severity)
        severity_row.addWidget(self.major_clause, 1)
        form.addRow(self.tr("隐患等级"), severity_row)
        form.addRow(self.tr("整改期限"), self.deadline)
        form.addRow(self.tr("依据"), self.legal_basis)
        form.addRow(self.tr("整改措施"), self.measures)
        form.addRow(self.tr("整改责任人"), self.responsible)
        form.addRow(self.tr("照片"), self.photo_list)
        form.addRow("", photo_row)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记隐患"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.severity.currentIndexChanged.connect(self._severity_changed)
        self._severity_changed()
        # Multi-line fields keep Enter for new lines; Ctrl+Enter accepts from anywhere.
        for editor in (self.description, self.measures):
            editor.installEventFilter(self)
        self.ok_button.setFocus()

    # -- photos ------------------------------------------------------------------------------
    def _add_photo_item(self, photo: StoredPhoto) -> None:
        self._photos[photo.sha256] = photo
        item = QListWidgetItem(self._thumbnails.icon(photo.sha256), "")
        item.setData(Qt.ItemDataRole.UserRole, photo.sha256)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.photo_list.addItem(item)

    def _choose_photos(self) -> None:
        paths = choose_photo_files(self)
        if paths:
            self.add_photo_files(paths)

    def add_photo_files(self, paths: Sequence[Path]) -> None:
        workspace = self.workspace
        self.add_photo.setEnabled(False)
        self.ok_button.setEnabled(False)  # raise only once the chosen photos are in
        run_in_background(lambda: import_photos(workspace, list(paths)), self._imported, self._import_failed)

    def _imported(self, outcome: ImportOutcome) -> None:
        self.add_photo.setEnabled(True)
        self.ok_button.setEnabled(True)
        for photo in outcome.stored:
            if photo.sha256 not in self._photos:
                self._add_photo_item(photo)
        if outcome.errors:
            self._show_error("\n".join(outcome.errors))

    def _import_failed(self, message: str) -> None:
        self.add_photo.setEnabled(True)
        self.ok_button.setEnabled(True)
        self._show_error(message)

    def chosen_photos(self) -> list[StoredPhoto]:
        chosen = []
        for row in range(self.photo_list.count()):
            item = self.photo_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(self._photos[item.data(Qt.ItemDataRole.UserRole)])
        return chosen

    # -- result ------------------------------------------------------------------------------
    def edited(self) -> NewHazard:
        """The draft with the inspector's changes."""
        severity = Severity(self.severity.currentData())
        return replace(
            self.draft,
            description=self.description.toPlainText().strip(),
            location_type=LocationType(self.location_type.currentData()),
            location=self.location.text().strip(),
            category=Category(self.category.currentData()),
            severity=severity,
            major_clause=self.major_clause.text().strip() if severity is Severity.MAJOR else "",
            deadline=from_qdate(self.deadline.date()),
            legal_basis=self.legal_basis.text().strip(),
            measures=self.measures.toPlainText().strip(),
            responsible_person=self.responsible.text().strip(),
        )

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            self.hazard_id = self.workspace.hazards.raise_hazard(self.edited(), self.chosen_photos())
        except DomainError as error:
            self._show_error(str(error))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _severity_changed(self) -> None:
        self.major_clause.setEnabled(Severity(self.severity.currentData()) is Severity.MAJOR)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)
