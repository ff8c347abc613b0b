"""Settings: interface language, issuing office, photo size, time zone. The rules are in
inspector.settings; this dialog only collects the values and shows the service's message."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.settings import Settings
from inspector.workspace import Workspace

from .i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("设置"))
        current = workspace.settings
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.office_name = QLineEdit(current.office_name)
        self.office_code = QLineEdit(current.office_code)
        self.long_edge = QSpinBox()
        self.long_edge.setRange(640, 8000)
        self.long_edge.setSingleStep(160)
        self.long_edge.setSuffix(self.tr(" 像素"))
        self.long_edge.setValue(current.photo_long_edge)
        self.timezone = QLineEdit(current.timezone)
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("发证单位"), self.office_name)
        form.addRow(self.tr("单位代码"), self.office_code)
        form.addRow(self.tr("照片长边"), self.long_edge)
        form.addRow(self.tr("时区"), self.timezone)
        self.note = QLabel(self.tr("界面语言在重新启动 Inspector 后生效。"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def collected(self) -> Settings:
        return replace(
            self.workspace.settings,
            language=self.language.currentData(),
            office_name=self.office_name.text().strip(),
            office_code=self.office_code.text().strip().upper(),
            photo_long_edge=self.long_edge.value(),
            timezone=self.timezone.text().strip(),
        )

    def accept(self) -> None:
        try:
            self.workspace.save_settings(self.collected())
        except DomainError as error:
            self.error.setText(str(error))
            return
        super().accept()
