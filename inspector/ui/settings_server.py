"""设置 → 中心数据库: the central server's address and the login to it.

The address (with the user name, never a password) is a setting, `sync_server_url`, saved with
the other settings. The password goes to the operating system's keyring through
inspector/sync/credentials.py, the same store `inspector sync login` and the 同步 page's password
dialog use; it is never shown again and never written to settings.json. Without a usable keyring
the section says so, and the 同步 page asks for the password at every push or pull.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from inspector.core.errors import DomainError
from inspector.sync.credentials import forget_password, lookup_password, parse_server_url, store_password
from inspector.ui.common.form_dialog import MessageLine
from inspector.ui.common.layouts import STRETCH, hbox, vbox


class ServerSection(QWidget):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = QLineEdit(url)
        self.address.setPlaceholderText("postgresql://inspector@192.168.1.10:5432/inspector")
        self.address.setToolTip(self.tr("中心数据库的地址和用户名；密码不写在这里"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget_button = QPushButton(self.tr("删除已保存的密码"))
        self.forget_button.clicked.connect(self.forget)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.message = MessageLine()
        form = QFormLayout()
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("密码"), self.password)
        note = QLabel(
            self.tr(
                "密码保存在系统钥匙串（Windows 凭据管理器、macOS 钥匙串）中，不写入设置文件，保存后不再显示。"
                "不保存密码时，每次推送或拉取都会询问。"
            )
        )
        note.setWordWrap(True)
        vbox(form, note, self.state, hbox(self.forget_button, STRETCH), self.message, STRETCH, parent=self)
        self.address.editingFinished.connect(self.refresh)
        self.refresh()

    def url(self) -> str:
        return self.address.text().strip()

    def refresh(self) -> None:
        url = self.url()
        stored = self._stored(url)
        self.password.setPlaceholderText(
            self.tr("已保存（不显示）；输入新密码可替换") if stored else self.tr("输入后随设置一起保存")
        )
        if not url:
            self.state.setText(self.tr("未设置中心数据库：同步页只能用同步包交换数据。"))
        elif stored:
            self.state.setText(self.tr("密码已保存在系统钥匙串中。"))
        else:
            self.state.setText(self.tr("尚未保存密码：推送或拉取时会询问。"))
        self.forget_button.setEnabled(stored)

    @staticmethod
    def _stored(url: str) -> bool:
        if not url:
            return False
        try:
            parse_server_url(url)
        except DomainError:
            return False
        return lookup_password(url) is not None

    def save_password(self) -> bool:
        """Store a typed password for the address (called when the settings are saved). False,
        with the reason shown, when there is none to store it under or the keyring refuses."""
        password = self.password.text()
        if not password:
            return True
        url = self.url()
        if not url:
            self.message.say(self.tr("请先填写中心数据库地址，再保存密码。"))
            return False
        try:
            store_password(url, password)
        except DomainError as error:
            self.message.say(str(error))
            return False
        self.password.clear()
        self.message.say("")
        self.refresh()
        return True

    def forget(self) -> None:
        if forget_password(self.url()):
            self.message.say("")
        self.refresh()
