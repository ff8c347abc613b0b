"""导出同步包: to whom, and whether everything or only what that computer has not had yet.

A bundle for a trusted computer carries the changes since the last bundle made for it (and is
numbered, so that computer notices one that never arrived); 全部数据 carries everything, for a
new computer or one that lost bundles. The page then asks where to save the file.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from inspector.sync.devices import TrustedDevice
from inspector.ui.common.form_dialog import FormDialog


class ExportDialog(FormDialog):
    def __init__(self, devices: list[TrustedDevice], parent: QWidget | None = None) -> None:
        super().__init__(460, parent)
        self.setWindowTitle(self.tr("导出同步包"))
        self.ok_button.setText(self.tr("选择保存位置…"))
        self.receiver = QComboBox()
        for device in devices:
            self.receiver.addItem(
                self.tr("{name}（指纹 {fingerprint}…）").format(name=device.name, fingerprint=device.fingerprint[:8]),
                device.name,
            )
        self.receiver.addItem(self.tr("其他电脑（导出全部数据）"), None)
        self.everything = QCheckBox(self.tr("全部数据（对方是新电脑，或提示缺少同步包时）"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.form.addRow(self.tr("接收方"), self.receiver)
        self.form.addRow("", self.everything)
        self.form.addRow("", self.hint)
        self.receiver.currentIndexChanged.connect(self._explain)
        self.everything.toggled.connect(self._explain)
        self._explain()

    def peer(self) -> str | None:
        """The trusted computer's name, or None for a bundle of everything for any computer."""
        return self.receiver.currentData()

    def all_data(self) -> bool:
        return self.peer() is None or self.everything.isChecked()

    def _explain(self) -> None:
        peer = self.peer()
        self.everything.setEnabled(peer is not None)
        if peer is None:
            text = self.tr("同步包包含本机的全部数据。对方需先信任本机（核对本机指纹）才能导入。")
        elif self.everything.isChecked():
            text = self.tr("同步包包含本机的全部数据，{name} 导入后补齐所有缺失的内容。").format(name=peer)
        else:
            text = self.tr("同步包只包含上次导出给 {name} 之后的改动。").format(name=peer)
        self.hint.setText(text)

    def submit(self) -> None:
        self.accept()
