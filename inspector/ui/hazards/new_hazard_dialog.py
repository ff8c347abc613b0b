"""登记隐患 outside an inspection: a worker's photo report (职工随手拍) or an enterprise's self-check
(企业自查), with its before-photos, in the hazard form every way of raising a hazard shares
(hazard_form.py). A refused hazard (ValidationError / DomainError) or a bad photo file is shown
inline; the dialog stays open and nothing is written."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspector.services.hazards import HazardSource, NewHazard
from inspector.ui.common.form_dialog import date_edit
from inspector.ui.common.layouts import hbox
from inspector.ui.hazards.hazard_form import HazardDefaults, HazardFormDialog
from inspector.workspace import Workspace

PICKER_SHOWN = 50  # enterprises listed for a search
PICKER_LINES = 5  # of them in view
DEFAULT_DAYS = 7


class NewHazardDialog(HazardFormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        today = workspace.today()
        super().__init__(workspace, HazardDefaults(deadline=today + timedelta(days=DEFAULT_DAYS)), parent=parent)
        self.setWindowTitle(self.tr("登记隐患（随手拍 / 企业自查）"))
        self.ok_button.setText(self.tr("登记"))

        self.source = QComboBox()
        self.source.addItem(self.tr("职工随手拍"), HazardSource.WORKER_REPORT.value)
        self.source.addItem(self.tr("企业自查"), HazardSource.SELF_CHECK.value)

        self.enterprise_search = QLineEdit()
        self.enterprise_search.setPlaceholderText(self.tr("输入企业名称、信用代码或地址搜索"))
        self.enterprise_search.setClearButtonEnabled(True)
        self.enterprises = QListWidget()
        self.enterprise_search.textChanged.connect(self.search_enterprises)
        picker = QVBoxLayout()
        picker.addWidget(self.enterprise_search)
        picker.addWidget(self.enterprises)

        self.found_on = date_edit(today)
        self.found_on.dateChanged.connect(self._found_changed)
        self.found_by = QLineEdit()
        self.found_by.setPlaceholderText(self.tr("报告人或自查人姓名"))
        self.description.setPlaceholderText(self.tr("必填"))
        found = hbox(self.found_on, QLabel(self.tr("发现人")), (self.found_by, 1))

        self.form.addRow(self.tr("来源"), self.source)
        self.form.addRow(self.tr("企业"), picker)
        self.form.addRow(self.tr("发现日期"), found)
        self.add_hazard_rows()
        self.search_enterprises()
        # Whole lines only: a half-shown line at the bottom looks cut off.
        line = self.enterprises.sizeHintForRow(0) if self.enterprises.count() else self.fontMetrics().height() + 2
        self.enterprises.setFixedHeight(line * PICKER_LINES + 2 * self.enterprises.frameWidth())

    def _found_changed(self, value: QDate) -> None:
        self.deadline.setDate(value.addDays(DEFAULT_DAYS))

    # -- enterprise picker ---------------------------------------------------------------------
    def search_enterprises(self) -> None:
        ids = self.workspace.enterprises.search_ids(self.enterprise_search.text())
        self.enterprises.clear()
        for enterprise in self.workspace.enterprises.get_many(ids[:PICKER_SHOWN]):
            text = enterprise.name
            if enterprise.town:
                text = self.tr("{name}（{town}）").format(name=enterprise.name, town=enterprise.town)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, enterprise.id)
            self.enterprises.addItem(item)
        if len(ids) == 1:
            self.enterprises.setCurrentRow(0)

    def enterprise_id(self) -> str | None:
        item = self.enterprises.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # -- OK ------------------------------------------------------------------------------------
    def new_hazard(self) -> NewHazard | None:
        enterprise_id = self.enterprise_id()
        if enterprise_id is None:
            self.show_message(self.tr("请选择企业"))
            return None
        return NewHazard(
            enterprise_id=enterprise_id,
            found_on=self.found_on.date().toPython(),
            found_by=self.found_by.text().strip(),
            source=HazardSource(self.source.currentData()),
            **self.hazard_fields(),
        )
