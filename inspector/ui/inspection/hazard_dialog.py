"""Raise a hazard from a checklist item: a pre-filled draft, edited, then one service call.

The draft comes from `InspectionService.hazard_draft_for_item` (severity, deadline, category,
location type, legal basis and description from the template item); this dialog only lets the
inspector change it, in the hazard form every way of raising a hazard shares (hazard_form.py).
Enter accepts, because the OK button has the focus when the dialog opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QWidget

from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import NewHazard
from inspector.ui.hazards.hazard_form import HazardDefaults, HazardFormDialog
from inspector.workspace import Workspace


class HazardDialog(HazardFormDialog):
    """Edit `draft` and raise it; the item's photos are offered as its before-photos."""

    def __init__(
        self,
        workspace: Workspace,
        draft: NewHazard,
        photos: Sequence[StoredPhoto] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, HazardDefaults.of(draft), list(photos), parent)
        self.draft = draft
        title = self.tr("登记隐患")
        if draft.item_code:
            title = self.tr("登记隐患 · 检查项 {code}").format(code=draft.item_code)
        self.setWindowTitle(title)
        self.ok_button.setText(self.tr("登记隐患"))
        found = draft.found_on
        self.deadline.setMinimumDate(QDate(found.year, found.month, found.day))
        # found_by names the inspectors as the service joined them (with 、): listed in the window's way
        who = self.tr("、").join(draft.found_by.split("、")) if draft.found_by else self.tr("（未填）")
        self.form.addRow(self.tr("发现"), QLabel(self.tr("{day} · {who}").format(day=found.isoformat(), who=who)))
        self.add_hazard_rows()
        self.ok_button.setDefault(True)
        self.ok_button.setFocus()

    def new_hazard(self) -> NewHazard:
        """The draft with the inspector's changes."""
        return replace(self.draft, **self.hazard_fields())
