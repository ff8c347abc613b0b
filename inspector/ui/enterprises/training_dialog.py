"""Record (or correct) a training held at an enterprise: 开工第一课 or team-leader training, with
its date, topic, headcount and photos.

The dialog gathers the fields; `TrainingService.record` / `update` check them (a date in the
future, an empty topic, the same session recorded twice…) and their sentence is shown if they
refuse. Photos are imported on the background worker while the dialog stays usable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from inspector.core.errors import DomainError
from inspector.core.training import HEADCOUNT_MAX, Training, TrainingKind
from inspector.ui.common.confirm_step import confirm_step
from inspector.ui.common.form_dialog import FormDialog, date_edit
from inspector.ui.common.labels import training_kind_label
from inspector.ui.common.photo_picker import PhotoPicker
from inspector.workspace import Workspace


class TrainingDialog(FormDialog):
    """`training` None records a new one. After acceptance `training_id` holds its id (None when
    the record was deleted: 删除记录 is offered for a record entered by mistake)."""

    def __init__(
        self, parent: QWidget | None, workspace: Workspace, enterprise_id: str, training: Training | None = None
    ) -> None:
        super().__init__(520, parent)
        self.workspace = workspace
        self.enterprise_id = enterprise_id
        self.original = training
        self.training_id: str | None = training.id if training else None
        enterprise = workspace.enterprises.get(enterprise_id)
        self.setWindowTitle(self.tr("修改培训记录") if training else self.tr("记录培训"))
        self.ok_button.setText(self.tr("保存"))

        self.enterprise = QLabel(enterprise.name)
        self.enterprise.setWordWrap(True)
        self.kind = QComboBox()
        for kind in TrainingKind:
            self.kind.addItem(training_kind_label(kind), kind.value)
        self.held_on = date_edit(training.held_on if training else workspace.today())
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("如：节后复工安全第一课、班组长安全管理培训"))
        self.headcount = QSpinBox()
        self.headcount.setRange(0, HEADCOUNT_MAX)
        self.headcount.setSuffix(self.tr(" 人"))
        self.recorded_by = QLineEdit()
        self.recorded_by.setPlaceholderText(self.tr("记录人姓名"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.photo_picker = PhotoPicker(
            workspace, self.tr("添加照片…"), self.tr("现场照片、签到表等，勾选的照片随记录保存")
        )
        self.photo_picker.busy_changed.connect(lambda busy: self.ok_button.setEnabled(not busy))
        self.photo_picker.failed.connect(self.show_message)

        form = self.form
        form.addRow(self.tr("企业"), self.enterprise)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("日期"), self.held_on)
        form.addRow(self.tr("主题"), self.topic)
        form.addRow(self.tr("参加人数"), self.headcount)
        form.addRow(self.tr("记录人"), self.recorded_by)
        form.addRow(self.tr("备注"), self.note)
        if training is not None and training.photos:
            form.addRow(self.tr("已有照片"), QLabel(self.tr("{n} 张").format(n=len(training.photos))))
        form.addRow(self.tr("照片"), self.photo_picker)
        self.confirm_delete: Callable[[str], bool] = self._ask_delete
        if training is not None:
            self.delete_button = self.buttons.addButton(
                self.tr("删除记录"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self.delete)
            self.kind.setCurrentIndex(self.kind.findData(training.kind.value))
            self.topic.setText(training.topic)
            self.headcount.setValue(training.headcount)
            self.recorded_by.setText(training.recorded_by)
            self.note.setPlainText(training.note)
        self.topic.setFocus()

    def entered(self) -> Training:
        """The training as typed (the service validates it)."""
        return Training(
            enterprise_id=self.enterprise_id,
            kind=TrainingKind(self.kind.currentData()),
            held_on=self.held_on.date().toPython(),
            topic=self.topic.text(),
            headcount=self.headcount.value(),
            recorded_by=self.recorded_by.text(),
            note=self.note.toPlainText(),
        )

    def submit(self) -> None:
        if self.photo_picker.busy():
            self.show_message(self.tr("照片还在导入，请稍候"))
            return
        training = self.entered()
        photos = self.photo_picker.chosen()
        try:
            if self.original is None:
                self.training_id = self.workspace.trainings.record(training, photos)
            else:
                self.workspace.trainings.update(replace(training, id=self.original.id), photos)
        except DomainError as error:
            self.show_message(str(error))
            return
        self.accept()

    def delete(self) -> None:
        """Delete the record after asking; its deletion reaches every copy at the next sync."""
        if self.original is None or self.original.id is None:
            return
        what = self.tr("删除 {day} 的{kind}记录（{n} 人）？删除后不计入培训统计，同步后其他电脑上也会删除。").format(
            day=self.original.held_on.isoformat(),
            kind=training_kind_label(self.original.kind),
            n=self.original.headcount,
        )
        if not self.confirm_delete(what):
            return
        try:
            self.workspace.trainings.remove(self.original.id)
        except DomainError as error:
            self.show_message(str(error))
            return
        self.training_id = None
        self.accept()

    def _ask_delete(self, what_happens: str) -> bool:
        return confirm_step(self, self.tr("删除培训记录"), what_happens, self.tr("删除"))
