"""设置 → 发证单位密钥: the office's plaque-signing key, made, shared and published from the window.

What `inspector keys` does at the command line (inspector/reports/plaque_keys.py does the work):
create this office's key pair (the private half stays in the data folder's keys/), export the
public half to a file, import another office machine's public key, and write the verification
page. Each key is listed with its fingerprint, which people compare between machines; a key the
demo made says 演示, as its plaques do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.reports.plaque_keys import (
    create_office_key,
    export_public_key,
    has_private_key,
    import_public_key,
    private_key_path,
)
from inspector.services.office_keys import OfficeKey
from inspector.ui.common import file_choosers
from inspector.ui.common.confirm_step import confirm_step
from inspector.ui.common.form_dialog import MessageLine
from inspector.ui.common.layouts import STRETCH, hbox, vbox
from inspector.workspace import Workspace


def grouped(fingerprint: str) -> str:
    """A fingerprint in groups of four, as two people read it to each other."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


class OfficeKeysSection(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("发证单位"), self.tr("公钥指纹"), self.tr("启用日期"), self.tr("状态")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.create_button = QPushButton(self.tr("创建密钥"))
        self.create_button.clicked.connect(self.create_key)
        self.import_button = QPushButton(self.tr("导入公钥…"))
        self.import_button.setToolTip(self.tr("导入其他发证单位电脑导出的公钥文件，以便核验其亮牌"))
        self.import_button.clicked.connect(self._choose_import)
        self.export_button = QPushButton(self.tr("导出公钥…"))
        self.export_button.setToolTip(self.tr("把本单位公钥存为文件，供不同步的电脑导入"))
        self.export_button.clicked.connect(self._choose_export)
        self.publish_button = QPushButton(self.tr("发布核验网页…"))
        self.publish_button.setToolTip(
            self.tr("写出一个自带公钥的亮牌核验网页（index.html），放到网站上供公众扫码核验")
        )
        self.publish_button.clicked.connect(self._choose_publish_folder)
        self.message = MessageLine()
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = hbox(self.create_button, self.import_button, self.export_button, self.publish_button, STRETCH)
        vbox(self.state, (self.table, 1), buttons, self.done, self.message, parent=self)
        self.refresh()

    def refresh(self) -> None:
        settings = self.workspace.settings
        office = f"{settings.office_code}（{settings.office_name}）"
        keys = self.workspace.office_keys.list()
        mine = [key for key in keys if key.office_code == settings.office_code and not key.revoked]
        demo = any(self.workspace.office_keys.is_demo(key) for key in mine)
        if has_private_key(self.workspace):
            text = self.tr("本机可为发证单位 {office} 签发亮牌。私钥文件：{path}（请妥善备份，勿外传）").format(
                office=office, path=private_key_path(self.workspace)
            )
            newest = max(mine, key=lambda key: key.valid_from, default=None)
            if newest is not None:
                text += "\n" + self.tr("公钥指纹：{fingerprint}").format(fingerprint=grouped(newest.fingerprint))
            if demo:
                text += "\n" + self.tr("这是演示数据生成的演示密钥：它签发的亮牌注明“演示”。正式使用前请更换密钥。")
            self.create_button.setText(self.tr("更换密钥…"))
        else:
            text = self.tr("本机还没有发证单位 {office}的签名密钥：创建后即可打印亮牌。").format(office=office)
            self.create_button.setText(self.tr("创建密钥"))
        self.state.setText(text)
        self.export_button.setEnabled(bool(mine))
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            values = (
                f"{key.office_code} {key.office_name}",
                grouped(key.fingerprint[:32]) + " …",  # whole in the tooltip and the line above
                key.valid_from.isoformat(),
                self._state_of(key),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(grouped(key.fingerprint))
                self.table.setItem(row, column, item)

    def _state_of(self, key: OfficeKey) -> str:
        state = self.tr("已吊销") if key.revoked else self.tr("有效")
        return self.tr("{state}，演示").format(state=state) if self.workspace.office_keys.is_demo(key) else state

    # -- actions ---------------------------------------------------------------------------------
    def create_key(self) -> OfficeKey | None:
        """Make this office's key; replacing one asks first (plaques it signed keep verifying)."""
        replacing = has_private_key(self.workspace)
        if replacing and not confirm_step(
            self,
            self.tr("更换密钥"),
            self.tr(
                "为发证单位 {code} 创建新的签名密钥？之后打印的亮牌用新密钥签名；旧密钥签发的亮牌仍可核验。"
                "其他电脑需同步或导入新公钥后才能核验新亮牌。"
            ).format(code=self.workspace.settings.office_code),
            self.tr("更换密钥"),
        ):
            return None
        return self._do(
            lambda: create_office_key(self.workspace, force=replacing),
            self.tr("已创建发证单位 {code} 的签名密钥，公钥指纹：{fingerprint}"),
        )

    def _choose_import(self) -> None:
        path = file_choosers.open_file(
            self, file_choosers.SYNC, self.tr("导入公钥"), self.tr("发证单位公钥 (*.json);;所有文件 (*)")
        )
        if path:
            self.import_from(path)

    def import_from(self, path: Path) -> OfficeKey | None:
        return self._do(
            lambda: import_public_key(self.workspace, path),
            self.tr("已导入发证单位 {code} 的公钥，指纹：{fingerprint}。请与对方电脑上显示的指纹核对。"),
        )

    def _choose_export(self) -> None:
        code = self.workspace.settings.office_code
        path = file_choosers.save_file(
            self, file_choosers.SYNC, self.tr("导出公钥"), f"office-{code}.json", self.tr("发证单位公钥 (*.json)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> OfficeKey | None:
        return self._do(
            lambda: export_public_key(self.workspace, path),
            self.tr("已导出发证单位 {code} 的公钥到 {path}，指纹：{fingerprint}").replace("{path}", str(path)),
        )

    def _choose_publish_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("发布核验网页"), str(file_choosers.last_folder(file_choosers.EXPORTS))
        )
        if folder:
            file_choosers.remember(file_choosers.EXPORTS, Path(folder) / "index.html")
            self.publish_to(Path(folder))

    def publish_to(self, folder: Path) -> bool:
        from inspector.reports.verify_page import publish_page

        try:
            page = publish_page(self.workspace, folder)
        except (DomainError, OSError) as error:
            self.message.say(str(error))
            return False
        address = self.workspace.settings.plaque_verify_url
        where = (
            self.tr("请把它放到 {address}").format(address=address)
            if address
            else self.tr("放到网站上后，请在“常规”中填写亮牌验证地址，之后打印的亮牌二维码即指向该网页。")
        )
        self.done.setText(
            self.tr("已写出亮牌核验网页 {path}（公钥 {keys} 个，亮牌 {plaques} 块）。").format(
                path=page.path, keys=page.keys, plaques=page.plaques
            )
            + where
        )
        self.message.say("")
        return True

    def _do(self, work: Callable[[], OfficeKey], said: str) -> OfficeKey | None:
        try:
            key = work()
        except (DomainError, OSError) as error:
            self.message.say(str(error))
            return None
        self.message.say("")
        self.done.setText(said.format(code=key.office_code, fingerprint=grouped(key.fingerprint)))
        self.refresh()
        return key
