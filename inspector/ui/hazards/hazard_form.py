"""登记隐患: the form both ways of raising a hazard share.

A hazard is raised from a failed checklist item (inspection/hazard_dialog.py, pre-filled from the
template) or outside an inspection, from a worker's photo report or an enterprise's self-check
(hazards/new_hazard_dialog.py). Both ask the same things about the hazard itself — what, where,
which category and level (and, for a major one, the case of the clause library it meets: it is
recorded as a *suspected* major hazard, for the authority to confirm), the deadline,
the legal basis, the measures, who is responsible, the before-photos — and both make one call,
`HazardService.raise_hazard`. A subclass adds the rows about where the hazard came from (its own
first rows) and says how the NewHazard is made.

Multi-line fields keep Enter for new lines; Ctrl+Enter submits from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Severity
from inspector.core.errors import DomainError
from inspector.core.major_hazard_clauses import EMPTY_LIBRARY
from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import NewHazard
from inspector.ui.common.form_dialog import FormDialog, date_edit
from inspector.ui.common.labels import category_label, location_label, severity_label
from inspector.ui.common.layouts import hbox
from inspector.ui.common.photo_picker import PhotoPicker
from inspector.ui.hazards.major_step_fields import clause_combo
from inspector.workspace import Workspace


@dataclass(frozen=True)
class HazardDefaults:
    """What the form shows at first."""

    deadline: date
    description: str = ""
    location_type: LocationType = LocationType.WHOLE_SITE
    location: str = ""
    category: Category = Category.OTHER
    severity: Severity = Severity.GENERAL
    major_clause: str = ""  # a clause id of the library
    legal_basis: str = ""
    measures: str = ""
    responsible_person: str = ""

    @classmethod
    def of(cls, draft: NewHazard) -> HazardDefaults:
        """The form filled in from a draft (the fields both have)."""
        return cls(**{f.name: getattr(draft, f.name) for f in fields(cls)})


def _choice(values: list[Any], label: Any, chosen: Any) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(label(value), value.value)
    combo.setCurrentIndex(combo.findData(chosen.value))
    return combo


class HazardFormDialog(FormDialog):
    """The hazard's fields as attributes (description, location_type, location, category,
    severity, major_clause, deadline, legal_basis, measures, responsible, photo_picker); after
    acceptance `hazard_id` holds the new hazard's id. A subclass sets the title and OK's text,
    adds its own rows, then calls `add_hazard_rows`."""

    def __init__(
        self,
        workspace: Workspace,
        defaults: HazardDefaults,
        photos: list[StoredPhoto] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(640, parent)
        self.workspace = workspace
        self.hazard_id: str | None = None

        self.description = QPlainTextEdit(defaults.description)
        self.description.setFixedHeight(64)
        self.location_type = _choice(list(LocationType), location_label, defaults.location_type)
        self.location = QLineEdit(defaults.location)
        self.location.setPlaceholderText(self.tr("具体部位，如：二号车间东侧配电箱"))
        self.category = _choice(list(Category), category_label, defaults.category)
        self.severity = _choice(list(Severity), severity_label, defaults.severity)
        try:
            library = workspace.clause_library()
        except DomainError:  # an office's broken clause file: the service will say so
            library = EMPTY_LIBRARY
        self.major_clause = clause_combo(library, defaults.major_clause)
        self.major_clause.setToolTip(self.tr("登记为疑似重大事故隐患：选择所符合的判定条款，由主管部门认定"))
        self.deadline = date_edit(defaults.deadline)
        self.legal_basis = QLineEdit(defaults.legal_basis)
        self.legal_basis.setCursorPosition(0)  # show the start of a long citation
        self.measures = QPlainTextEdit(defaults.measures)
        self.measures.setFixedHeight(56)
        self.responsible = QLineEdit(defaults.responsible_person)
        self.responsible.setPlaceholderText(self.tr("企业整改责任人"))
        self.photo_picker = PhotoPicker(
            workspace, self.tr("添加照片…"), self.tr("勾选的照片作为整改前照片"), photos or []
        )
        self.photo_list = self.photo_picker.list
        self.photo_picker.busy_changed.connect(lambda busy: self.ok_button.setEnabled(not busy))
        self.photo_picker.failed.connect(self.show_message)

        self.severity.currentIndexChanged.connect(self._severity_changed)
        self._severity_changed()
        for editor in (self.description, self.measures):
            editor.installEventFilter(self)

    def add_hazard_rows(self) -> None:
        """The hazard's own rows, after the subclass's rows about where it came from."""
        form = self.form
        form.addRow(self.tr("隐患描述"), self.description)
        form.addRow(self.tr("位置"), hbox(self.location_type, (self.location, 1)))
        form.addRow(self.tr("类别 / 等级"), hbox((self.category, 1), self.severity, (self.major_clause, 1)))
        form.addRow(self.tr("整改期限"), self.deadline)
        form.addRow(self.tr("依据"), self.legal_basis)
        form.addRow(self.tr("整改措施"), self.measures)
        form.addRow(self.tr("整改责任人"), self.responsible)
        form.addRow(self.tr("照片"), self.photo_picker)

    # -- what the subclass says ---------------------------------------------------------------
    def new_hazard(self) -> NewHazard | None:
        """The hazard to raise, or None after `show_message` said what is missing."""
        raise NotImplementedError

    # -- the form ------------------------------------------------------------------------------
    @property
    def photos(self) -> list[StoredPhoto]:
        """The ticked photos: the hazard's before-photos."""
        return self.photo_picker.chosen()

    def add_photo_files(self, paths: list[Path]) -> None:
        self.photo_picker.add_files(paths)

    def hazard_fields(self) -> dict[str, Any]:
        """The NewHazard fields this form holds, as entered."""
        severity = Severity(self.severity.currentData())
        return {
            "description": self.description.toPlainText().strip(),
            "location_type": LocationType(self.location_type.currentData()),
            "location": self.location.text().strip(),
            "category": Category(self.category.currentData()),
            "severity": severity,
            "major_clause": str(self.major_clause.currentData() or "") if severity is Severity.MAJOR else "",
            "deadline": self.deadline.date().toPython(),
            "legal_basis": self.legal_basis.text().strip(),
            "measures": self.measures.toPlainText().strip(),
            "responsible_person": self.responsible.text().strip(),
        }

    def submit(self) -> None:
        if self.photo_picker.busy():
            return  # raise only once the chosen photos are in
        new = self.new_hazard()
        if new is None:
            return
        try:
            self.hazard_id = self.workspace.hazards.raise_hazard(new, self.photos)
        except DomainError as error:  # ValidationError is a DomainError
            self.show_message(str(error))
            return
        self.accept()

    def _severity_changed(self) -> None:
        self.major_clause.setEnabled(Severity(self.severity.currentData()) is Severity.MAJOR)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
        return super().eventFilter(watched, event)
