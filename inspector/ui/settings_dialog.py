"""Settings, one tab each: 常规 (language, issuing office: name, code and kind, where a union asks
and only an authority orders, the authority a union refers to; plaque validity, photo size, time
zone, verification address), 发证单位密钥 (settings_keys.py), 中心数据库 (settings_server.py) and
备份. The rules are
in inspector.settings; this dialog only collects the values and shows the service's message."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.office_kind import OfficeKind
from inspector.core.plaque import ValidityRule
from inspector.settings import Settings
from inspector.ui.common import file_choosers
from inspector.ui.common.form_dialog import MessageLine, dialog_buttons
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.i18n import LANGUAGES
from inspector.ui.common.labels import office_kind_label, validity_rule_label
from inspector.ui.common.layouts import STRETCH, hbox, vbox
from inspector.ui.common.operations import run_in_background
from inspector.ui.settings_keys import OfficeKeysSection
from inspector.ui.settings_server import ServerSection
from inspector.workspace import Workspace

# The tabs, in order; `show_tab` opens one (the plaque preview's "no key" points at KEYS).
GENERAL, KEYS, SERVER, BACKUP = range(4)


class SettingsDialog(GuardedDialog):
    restore_requested = Signal(str)  # a backup file the user chose to restore over the current data

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
        self.office_kind = QComboBox()
        for kind in OfficeKind:
            self.office_kind.addItem(office_kind_label(kind), kind.value)
        self.office_kind.setCurrentIndex(max(0, self.office_kind.findData(current.office_kind)))
        self.office_kind.setToolTip(
            self.tr(
                "工会签发监督意见书、整改建议书，企业 15 个工作日内书面答复，逾期未答复向行政机关移送建议书；"
                "行政机关（应急管理局、综合行政执法）签发责令限期整改指令书。"
            )
        )
        self.authority_name = QLineEdit(current.authority_name)
        self.authority_name.setToolTip(self.tr("工会移送建议书的行政机关，例如 平湖市应急管理局"))
        self.office_kind.currentIndexChanged.connect(self._update_kind)
        self.plaque_validity = QComboBox()
        for rule in ValidityRule:
            self.plaque_validity.addItem(validity_rule_label(rule), rule.value)
        self.plaque_validity.setCurrentIndex(max(0, self.plaque_validity.findData(current.plaque_validity)))
        self.plaque_validity.setToolTip(
            self.tr("年末评定当年等级，亮牌在次年悬挂：有效至次年12月31日，或至下一轮评定的亮牌签发为止。")
        )
        self.long_edge = QSpinBox()
        self.long_edge.setRange(640, 8000)
        self.long_edge.setSingleStep(160)
        self.long_edge.setSuffix(self.tr(" 像素"))
        self.long_edge.setValue(current.photo_long_edge)
        self.timezone = QLineEdit(current.timezone)
        self.verify_url = QLineEdit(current.plaque_verify_url)
        self.verify_url.setPlaceholderText("https://aq.example.cn/plaque/")
        self.verify_url.setToolTip(
            self.tr(
                "发布了亮牌核验网页（发证单位密钥 → 发布核验网页…）的网址。填写后，新打印的亮牌二维码"
                "用手机相机或微信一扫即打开该网页核验；不填，二维码只能用 Inspector 核验。"
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("发证单位"), self.office_name)
        form.addRow(self.tr("单位代码"), self.office_code)
        form.addRow(self.tr("单位类别"), self.office_kind)
        form.addRow(self.tr("移送机关"), self.authority_name)
        form.addRow(self.tr("亮牌有效期"), self.plaque_validity)
        self.form = form
        form.addRow(self.tr("照片长边"), self.long_edge)
        form.addRow(self.tr("时区"), self.timezone)
        form.addRow(self.tr("亮牌验证地址"), self.verify_url)
        self.note = QLabel(self.tr("界面语言在重新启动 Inspector 后生效。"))
        self.error = MessageLine()
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save, self.tr("保存"))
        buttons.accepted.connect(self.accept)
        # Backup and restore (inspector.services.backup); restoring replaces the open database, so
        # the main window hands it to the StartController, which closes and reopens everything.
        self.backup_button = QPushButton(self.tr("备份…"))
        self.backup_button.clicked.connect(self.choose_backup_target)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.clicked.connect(self.choose_backup_to_restore)
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        backup_row = hbox(self.backup_button, self.restore_button, STRETCH)
        general = QFrame()
        vbox(form, self.note, STRETCH, parent=general)
        self.keys = OfficeKeysSection(workspace)
        self.server = ServerSection(current.sync_server_url)
        backup = QFrame()
        backup_note = QLabel(self.tr("备份包含数据库、照片、设置和密钥，保存为一个 .zip 文件。"))
        backup_note.setWordWrap(True)
        vbox(backup_note, backup_row, self.backup_status, STRETCH, parent=backup)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("常规"))
        self.tabs.addTab(self.keys, self.tr("发证单位密钥"))
        self.tabs.addTab(self.server, self.tr("中心数据库"))
        self.tabs.addTab(backup, self.tr("备份"))
        vbox((self.tabs, 1), self.error, buttons, parent=self)
        self.resize(720, 520)

        self._update_kind()

    def _update_kind(self) -> None:
        """The authority to refer to matters only to a union."""
        self.form.setRowVisible(self.authority_name, self.office_kind.currentData() == OfficeKind.UNION.value)

    def show_tab(self, tab: int) -> SettingsDialog:
        self.tabs.setCurrentIndex(tab)
        return self

    def collected(self) -> Settings:
        return replace(
            self.workspace.settings,
            language=self.language.currentData(),
            office_name=self.office_name.text().strip(),
            office_code=self.office_code.text().strip().upper(),
            office_kind=self.office_kind.currentData(),
            authority_name=self.authority_name.text().strip(),
            plaque_validity=self.plaque_validity.currentData(),
            photo_long_edge=self.long_edge.value(),
            timezone=self.timezone.text().strip(),
            plaque_verify_url=self.verify_url.text().strip(),
            sync_server_url=self.server.url(),
        )

    def accept(self) -> None:
        try:
            self.workspace.save_settings(self.collected())
        except DomainError as error:
            self.error.say(str(error))
            return
        if not self.server.save_password():  # after the address is known good; says why on the tab
            self.tabs.setCurrentIndex(SERVER)
            return
        super().accept()

    def choose_backup_target(self) -> None:
        from inspector.services.backup import default_backup_name

        path = file_choosers.save_file(
            self, file_choosers.BACKUPS, self.tr("备份"), default_backup_name(), self.tr("Inspector 备份 (*.zip)")
        )
        if path:
            self.backup_to(str(path))

    def backup_to(self, path: str) -> None:
        """Write a backup in the background; the database stays open and usable meanwhile."""
        from inspector.services.backup import create_backup

        data_dir = self.workspace.data_dir
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("正在备份…"))

        def done(result: tuple[Path, object]) -> None:
            self.backup_button.setEnabled(True)
            self.backup_status.setText(self.tr("已备份到 {path}").format(path=result[0]))

        def failed(message: str) -> None:
            self.backup_button.setEnabled(True)
            self.backup_status.setText("")
            self.error.say(message)

        run_in_background(lambda: create_backup(data_dir, Path(path)), done, failed)

    def choose_backup_to_restore(self) -> None:
        chosen = file_choosers.open_file(
            self, file_choosers.BACKUPS, self.tr("从备份恢复"), self.tr("Inspector 备份 (*.zip)")
        )
        if chosen is None:
            return
        path = str(chosen)
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用备份 {name} 替换当前的全部数据？\n当前数据会先移到数据文件夹中的 .before-restore-… 文件夹保留。"
            ).format(name=Path(path).name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(path)

    def restore_from(self, path: str) -> None:
        self.restore_requested.emit(path)
        self.reject()


def offer_office_key(parent: QWidget, workspace: Workspace) -> QMessageBox | None:
    """When this machine cannot sign plaques yet, say so before any plaque is made, with a button
    to 设置 → 发证单位密钥 (opened from the main window, so a restore chosen there still works).
    None when it can sign: go on."""
    from inspector.reports.plaque_keys import has_private_key

    if has_private_key(workspace):
        return None
    settings = workspace.settings
    window = parent.window()
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("SettingsDialog", "发证单位密钥"),
        QCoreApplication.translate(
            "SettingsDialog",
            "本机还没有发证单位 {code}（{name}）的签名密钥，亮牌要用它签名。现在到 设置 → 发证单位密钥 中创建吗？",
        ).format(code=settings.office_code, name=settings.office_name),
        QMessageBox.StandardButton.NoButton,
        window,
    )
    go = box.addButton(QCoreApplication.translate("SettingsDialog", "打开设置"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("SettingsDialog", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)

    def answered() -> None:
        if box.clickedButton() is not go:
            return
        opener = getattr(window, "open_settings", None)
        dialog = opener() if opener is not None else SettingsDialog(workspace, window)
        dialog.show_tab(KEYS)
        dialog.open()

    box.finished.connect(answered)
    box.open()
    return box
