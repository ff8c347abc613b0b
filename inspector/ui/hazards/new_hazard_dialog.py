"""登记隐患 outside an inspection: a worker's photo report (职工随手拍) or an enterprise's self-check
(企业自查), with its before-photos. A refused hazard (ValidationError / DomainError) or a bad
photo file is shown inline; the dialog stays open and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from inspector.services.hazards import HazardSource, NewHazard
from inspector.ui.common.labels import category_label, location_label, severity_label
from inspector.ui.common.photo_strip import choose_photo_files, import_photos
from inspector.workspace import Workspace

PICKER_SHOWN = 50
DEFAULT_DAYS = 7


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class NewHazardDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.photos: list[StoredPhoto] = []
        self.hazard_id: str | None = None
        self.setWindowTitle(self.tr("登记隐患（随手拍 / 企业自查）"))
        self.setMinimumWidth(560)

        self.source = QComboBox()
        self.source.addItem(self.tr("职工随手拍"), HazardSource.WORKER_REPORT.value)
        self.source.addItem(self.tr("企业自查"), HazardSource.SELF_CHECK.value)

        self.enterprise_search = QLineEdit()
        self.enterprise_search.setPlaceholderText(self.tr("输入企业名称、信用代码或地址搜索"))
        self.enterprise_search.setClearButtonEnabled(True)
        self.enterprises = QListWidget()
        self.enterprises.setFixedHeight(110)
        self.enterprise_search.textChanged.connect(self.search_enterprises)
        picker = QVBoxLayout()
        picker.addWidget(self.enterprise_search)
        picker.addWidget(self.enterprises)

        today = workspace.today()
        self.found_on = self._date_edit(today)
        self.found_by = QLineEdit()
        self.found_by.setPlaceholderText(self.tr("报告人或自查人姓名"))
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(64)
        self.description.setPlaceholderText(self.tr("必填"))
        self.location_type = QComboBox()
        for location in LocationType:
            self.location_type.addItem(location_label(location), location.value)
        self.location_type.setCurrentIndex(self.location_type.findData(LocationType.WHOLE_SITE.value))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("如：二号车间东侧"))
        self.category = QComboBox()
        for category in Category:
            self.category.addItem(category_label(category), category.value)
        self.category.setCurrentIndex(self.category.findData(Category.OTHER.value))
        self.severity = QComboBox()
        for severity in Severity:
            self.severity.addItem(severity_label(severity), severity.value)
        self.deadline = self._date_edit(today + timedelta(days=DEFAULT_DAYS))
        self.found_on.dateChanged.connect(self._found_changed)
        self.measures = QPlainTextEdit()
        self.measures.setFixedHeight(52)
        self.responsible = QLineEdit()

        self.photo_list = QListWidget()
        self.photo_list.setFixedHeight(60)
        add = QPushButton(self.tr("添加照片…"))
        add.clicked.connect(self._choose_photos)
        photo_box = QVBoxLayout()
        photo_box.addWidget(self.photo_list)
        photo_row = QHBoxLayout()
        photo_row.addWidget(add)
        photo_row.addStretch(1)
        photo_box.addLayout(photo_row)

        where = QHBoxLayout()
        where.addWidget(self.location_type)
        where.addWidget(self.location, 1)
        kind = QHBoxLayout()
        kind.addWidget(self.category, 1)
        kind.addWidget(self.severity, 1)
        when = QHBoxLayout()
        when.addWidget(self.found_on)
        when.addWidget(QLabel(self.tr("发现人")))
        when.addWidget(self.found_by, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("企业"), picker)
        form.addRow(self.tr("发现日期"), when)
        form.addRow(self.tr("隐患描述"), self.description)
        form.addRow(self.tr("位置"), where)
        form.addRow(self.tr("类别 / 等级"), kind)
        form.addRow(self.tr("整改期限"), self.deadline)
        form.addRow(self.tr("整改措施"), self.measures)
        form.addRow(self.tr("责任人"), self.responsible)
        form.addRow(self.tr("隐患照片"), photo_box)

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.search_enterprises()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _found_changed(self, value: QDate) -> None:
        self.deadline.setDate(value.addDays(DEFAULT_DAYS))

    # -- enterprise picker ---------------------------------------------------------------------
    def search_enterprises(self) -> None:
        ids = self.workspace.enterprises.search_ids(self.enterprise_search.text())
        self.enterprises.clear()
        for enterprise in self.workspace.enterprises.get_many(ids[:PICKER_SHOWN]):
            text = f"{enterprise.name}（{enterprise.town}）" if enterprise.town else enterprise.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, enterprise.id)
            self.enterprises.addItem(item)
        if len(ids) == 1:
            self.enterprises.setCurrentRow(0)

    def enterprise_id(self) -> str | None:
        item = self.enterprises.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # -- photos --------------------------------------------------------------------------------
    def _choose_photos(self) -> None:
        self.add_photo_files(choose_photo_files(self))

    def add_photo_files(self, paths: list[Path]) -> None:
        """Import photo files into the store (a few files: done here, through the shared loop);
        a bad file shows its message and adds nothing."""
        outcome = import_photos(self.workspace, paths)
        for photo in outcome.stored:
            self.photos.append(photo)
            self.photo_list.addItem(photo.original_name)
        if outcome.errors:
            self.show_message("\n".join(outcome.errors))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- OK ------------------------------------------------------------------------------------
    def submit(self) -> None:
        enterprise_id = self.enterprise_id()
        if enterprise_id is None:
            self.show_message(self.tr("请选择企业"))
            return
        new = NewHazard(
            enterprise_id=enterprise_id,
            description=self.description.toPlainText().strip(),
            found_on=self.found_on.date().toPython(),
            found_by=self.found_by.text().strip(),
            deadline=self.deadline.date().toPython(),
            severity=Severity(self.severity.currentData()),
            category=Category(self.category.currentData()),
            location_type=LocationType(self.location_type.currentData()),
            location=self.location.text().strip(),
            source=HazardSource(self.source.currentData()),
            measures=self.measures.toPlainText().strip(),
            responsible_person=self.responsible.text().strip(),
        )
        try:
            self.hazard_id = self.workspace.hazards.raise_hazard(new, self.photos)
        except DomainError as error:  # ValidationError is a DomainError
            self.show_message(str(error))
            return
        self.accept()
