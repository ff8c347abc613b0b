"""The 同步 page: push/pull with the central database, bundles for USB sticks and mail, the
trusted devices, the last exchange with every peer and the conflicts a manager resolves.

Every action is one call into a service (Workspace.central, Workspace.sync, ConflictService),
run on the worker thread (inspector/ui/common/operations.py) with a progress bar and a cancel button;
the page only asks for files, passwords and confirmations, and shows what came back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.db.changes import Changes
from inspector.sync.central_sync import SyncSummary
from inspector.sync.conflicts import Conflict
from inspector.sync.credentials import lookup_password, parse_server_url, store_password, without_password
from inspector.sync.engine import META_COLUMNS
from inspector.ui.common import file_choosers
from inspector.ui.common.changes import SYNC_TABLES, follow
from inspector.ui.common.form_dialog import dialog_buttons
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.layouts import STRETCH, hbox, vbox
from inspector.ui.common.operations import Operation, Progress
from inspector.ui.sync.export_dialog import ExportDialog
from inspector.workspace import SETTINGS, Workspace

# Table names as people know them (the summary shows counts per table); translated at use.
TABLE_NAMES = {
    "tombstones": QT_TRANSLATE_NOOP("SyncPage", "删除与合并记录"),
    "enterprises": QT_TRANSLATE_NOOP("SyncPage", "企业"),
    "inspectors": QT_TRANSLATE_NOOP("SyncPage", "检查人员"),
    "office_keys": QT_TRANSLATE_NOOP("SyncPage", "发证密钥"),
    "photos": QT_TRANSLATE_NOOP("SyncPage", "照片"),
    "templates": QT_TRANSLATE_NOOP("SyncPage", "检查表模板"),
    "assignments": QT_TRANSLATE_NOOP("SyncPage", "检查任务"),
    "inspections": QT_TRANSLATE_NOOP("SyncPage", "检查"),
    "lights": QT_TRANSLATE_NOOP("SyncPage", "亮灯"),
    "amendments": QT_TRANSLATE_NOOP("SyncPage", "更正记录"),
    "answers": QT_TRANSLATE_NOOP("SyncPage", "检查项结果"),
    "hazards": QT_TRANSLATE_NOOP("SyncPage", "隐患"),
    "inspection_inspectors": QT_TRANSLATE_NOOP("SyncPage", "检查人员分工"),
    "notices": QT_TRANSLATE_NOOP("SyncPage", "整改通知书"),
    "plaques": QT_TRANSLATE_NOOP("SyncPage", "亮牌"),
    "signatures": QT_TRANSLATE_NOOP("SyncPage", "签名"),
    "answer_photos": QT_TRANSLATE_NOOP("SyncPage", "检查项照片"),
    "hazard_events": QT_TRANSLATE_NOOP("SyncPage", "隐患处理记录"),
    "notice_hazards": QT_TRANSLATE_NOOP("SyncPage", "通知书所列隐患"),
    "hazard_event_photos": QT_TRANSLATE_NOOP("SyncPage", "隐患处理照片"),
}


def _table_name(table: str) -> str:
    name = TABLE_NAMES.get(table)
    return QCoreApplication.translate("SyncPage", name) if name else table


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else "—"


def _item(text: object, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table; the `stretch` column takes the spare width (names, not numbers)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(90)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class PasswordDialog(GuardedDialog):
    """Asks for the central database's password; optionally remembered in the OS keyring."""

    def __init__(self, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("中心数据库密码"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("保存到系统钥匙串（不写入设置文件）"))
        form = QFormLayout()
        form.addRow(self.tr("服务器"), QLabel(server))
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.remember)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, self.tr("确定"))
        buttons.accepted.connect(self.accept)
        vbox(form, buttons, parent=self)


class SyncPage(QWidget):
    def __init__(self, workspace: Workspace, main_window: QWidget | None = None) -> None:
        super().__init__(main_window)
        self.workspace = workspace
        self.conflicts = workspace.conflicts
        self.operation: Operation | None = None
        self.busy = False
        self.last_result: object = None
        # Hooks the tests replace: a person answers these in the real window.
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.ask_password: Callable[[str], str | None] = self._ask_password
        self.choose_receiver: Callable[[], tuple[str | None, bool] | None] = self._choose_receiver

        # -- central database
        self.server = QLineEdit(workspace.settings.sync_server_url)
        self.server.setPlaceholderText(self.tr("postgresql://用户@服务器:5432/数据库（在 设置 → 中心数据库 中保存）"))
        self.push_button = QPushButton(self.tr("推送"))
        self.push_button.setToolTip(self.tr("把本机的改动发送到中心数据库"))
        self.pull_button = QPushButton(self.tr("拉取"))
        self.pull_button.setToolTip(self.tr("从中心数据库取回其他电脑的改动"))
        self.push_button.clicked.connect(self.push)
        self.pull_button.clicked.connect(self.pull)
        self.server_status = QLabel()
        self.server_status.setWordWrap(True)
        central_box = QGroupBox(self.tr("中心数据库"))
        buttons = hbox(self.push_button, self.pull_button, STRETCH)
        vbox(self.server, buttons, self.server_status, parent=central_box)

        # -- bundles
        self.export_button = QPushButton(self.tr("导出同步包…"))
        self.import_button = QPushButton(self.tr("导入同步包…"))
        self.trust_button = QPushButton(self.tr("信任设备…"))
        self.key_button = QPushButton(self.tr("导出本机公钥…"))
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        self.trust_button.clicked.connect(self._choose_trust)
        self.key_button.clicked.connect(self._choose_key)
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bundle_box = QGroupBox(self.tr("同步包（U 盘、邮件）"))
        bundle_layout = QVBoxLayout(bundle_box)
        row = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.trust_button, self.key_button):
            row.addWidget(button)
        row.addStretch(1)
        bundle_layout.addLayout(row)
        bundle_layout.addWidget(self.identity_label)

        top = QHBoxLayout()
        top.addWidget(central_box, 1)
        top.addWidget(bundle_box, 1)

        # -- progress
        self.status = QLabel(self.tr("就绪"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.progress, 2)
        progress_row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

        # -- tabs
        self.summary_label = QLabel(self.tr("本次打开后尚未同步。"))
        self.summary_label.setWordWrap(True)
        self.summary_table = _table(
            [self.tr("数据"), self.tr("收发条数"), self.tr("新增"), self.tr("更新"), self.tr("合并或删除")]
        )
        summary_page = QWidget()
        summary_layout = QVBoxLayout(summary_page)
        summary_layout.addWidget(self.summary_label)
        summary_layout.addWidget(self.summary_table, 1)

        self.peer_table = _table([self.tr("对方"), self.tr("上次发送"), self.tr("上次接收")])
        self.device_table = _table(
            [self.tr("设备名称"), self.tr("设备编号"), self.tr("密钥指纹"), self.tr("信任时间"), self.tr("最近导入")]
        )
        self.conflict_table = _table(
            [
                self.tr("数据"),
                self.tr("记录"),
                self.tr("保留的版本来自"),
                self.tr("落选的版本来自"),
                self.tr("发现时间"),
            ]
        )
        self.conflict_table.itemSelectionChanged.connect(self._show_conflict)
        self.conflict_detail = QPlainTextEdit()
        self.conflict_detail.setReadOnly(True)
        self.conflict_detail.setMaximumHeight(110)
        self.keep_button = QPushButton(self.tr("保留当前版本"))
        self.restore_button = QPushButton(self.tr("改用落选版本"))
        self.keep_button.clicked.connect(lambda: self.resolve_selected(restore=False))
        self.restore_button.clicked.connect(lambda: self.resolve_selected(restore=True))
        conflict_page = QWidget()
        conflict_layout = QVBoxLayout(conflict_page)
        conflict_layout.addWidget(
            QLabel(self.tr("两台电脑同时修改了同一条记录：较新的版本已采用，落选的版本保存在这里供核对。"))
        )
        conflict_layout.addWidget(self.conflict_table, 1)
        conflict_layout.addWidget(self.conflict_detail)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_button)
        row.addWidget(self.restore_button)
        conflict_layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(summary_page, self.tr("本次同步"))
        self.tabs.addTab(self.peer_table, self.tr("同步记录"))
        self.tabs.addTab(self.device_table, self.tr("信任的设备"))
        self.tabs.addTab(conflict_page, self.tr("待处理冲突"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(progress_row)
        layout.addWidget(self.tabs, 1)

        self.refresh()
        follow(self, workspace, SYNC_TABLES | {SETTINGS}, lambda changes: self.busy or self._changed(changes))

    def _changed(self, changes: Changes) -> None:
        if changes.touches(SETTINGS) and not self.server.isModified():
            self.server.setText(self.workspace.settings.sync_server_url)  # saved in 设置 → 中心数据库
        self.refresh()

    # -- state ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        identity = self.workspace.sync.identity()
        self.identity_label.setText(
            self.tr("本机：{name}（{device}）\n指纹：{fingerprint}").format(
                name=identity.name, device=identity.device_id[:8], fingerprint=identity.fingerprint
            )
        )
        peers = self.workspace.central.peers()
        self.peer_table.setRowCount(len(peers))
        for row, peer in enumerate(peers):
            self.peer_table.setItem(row, 0, _item(peer.name))
            self.peer_table.setItem(row, 1, _item(_when(peer.sent_at)))
            self.peer_table.setItem(row, 2, _item(_when(peer.received_at)))
        devices = self.workspace.sync.devices()
        self.device_table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            values = (device.name, device.device_id[:8], device.fingerprint, _when(device.trusted_at))
            for column, value in enumerate((*values, _when(device.last_import_at))):
                self.device_table.setItem(row, column, _item(value))
        self._refresh_server_status()
        self._refresh_conflicts()

    def _refresh_server_status(self) -> None:
        url = self.server.text().strip()
        if not url:
            self.server_status.setText(self.tr("未设置中心数据库地址。"))
            return
        try:
            peer = self.workspace.central.last_sync(url)
        except DomainError as error:
            self.server_status.setText(str(error))
            return
        self.server_status.setText(
            self.tr("上次推送：{sent}　上次拉取：{received}").format(
                sent=_when(peer.sent_at), received=_when(peer.received_at)
            )
        )

    def _refresh_conflicts(self) -> None:
        conflicts = self.conflicts.open_conflicts()
        self.conflict_table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            self.conflict_table.setItem(row, 0, _item(_table_name(conflict.table), conflict))
            self.conflict_table.setItem(row, 1, _item(conflict.row_id[:8]))
            self.conflict_table.setItem(row, 2, _item(conflict.kept_device[:8]))
            self.conflict_table.setItem(row, 3, _item(conflict.lost_device[:8]))
            self.conflict_table.setItem(row, 4, _item(_when(conflict.detected_at)))
        self.tabs.setTabText(
            3, self.tr("待处理冲突 ({n})").format(n=len(conflicts)) if conflicts else self.tr("待处理冲突")
        )
        self.conflict_detail.clear()
        has = bool(conflicts)
        self.keep_button.setEnabled(has)
        self.restore_button.setEnabled(has)

    def selected_conflict(self) -> Conflict | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.conflict_table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_conflict(self) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            self.conflict_detail.clear()
            return
        lines = [f"{key}: {value}" for key, value in sorted(conflict.lost_version.items()) if key not in META_COLUMNS]
        self.conflict_detail.setPlainText(self.tr("落选的版本：") + "\n" + "\n".join(lines))

    def resolve_selected(self, restore: bool) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            QMessageBox.information(self, self.tr("冲突"), self.tr("请先选择一条冲突。"))
            return
        try:
            self.conflicts.resolve(conflict.id, self.workspace.sync.device_name, restore=restore)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法处理冲突"), str(error))
        self._refresh_conflicts()

    # -- central database -----------------------------------------------------------------------
    def _server_url(self) -> str | None:
        url = self.server.text().strip() or self.workspace.settings.sync_server_url
        if not url:
            QMessageBox.information(
                self,
                self.tr("中心数据库"),
                self.tr("请先填写中心数据库地址，例如 postgresql://用户@服务器:5432/数据库。"),
            )
            return None
        return url

    def _password_for(self, url: str) -> tuple[bool, str | None]:
        """(go on?, password to use). Asked on the UI thread before the work starts."""
        try:
            parsed = parse_server_url(url)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("中心数据库"), str(error))
            return False, None
        if parsed.password is not None or not parsed.host or lookup_password(url) is not None:
            return True, None  # the URL's own, the keyring's, or a local file: nothing to ask
        password = self.ask_password(without_password(url))
        return password is not None, password

    def _ask_password(self, server: str) -> str | None:
        dialog = PasswordDialog(server, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.remember.isChecked():
            try:
                store_password(server, dialog.password.text())
            except DomainError as error:
                QMessageBox.warning(self, self.tr("密码未保存"), str(error))
        return dialog.password.text()

    def push(self) -> None:
        self._exchange("push")

    def pull(self) -> None:
        self._exchange("pull")

    def _exchange(self, direction: str) -> None:
        url = self._server_url()
        if url is None or self.busy:
            return
        go_on, password = self._password_for(url)
        if not go_on:
            return
        prompt = (lambda _server: password) if password is not None else None
        action = self.workspace.central.push if direction == "push" else self.workspace.central.pull
        title = self.tr("正在推送…") if direction == "push" else self.tr("正在拉取…")
        self._start(title, lambda progress: action(url, prompt=prompt, progress=progress.step, cancel=progress.event))

    # -- bundles --------------------------------------------------------------------------------
    def _choose_receiver(self) -> tuple[str | None, bool] | None:
        dialog = ExportDialog(self.workspace.sync.devices(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.peer(), dialog.all_data()

    def _choose_export(self) -> None:
        chosen = self.choose_receiver()
        if chosen is None:
            return
        peer, everything = chosen
        name = (
            f"inspector-{self.workspace.sync.device_name}-{peer or self.tr('全部')}-{self.workspace.today():%Y%m%d}.zip"
        )
        path = file_choosers.save_file(self, file_choosers.SYNC, self.tr("导出同步包"), name, self.tr("同步包 (*.zip)"))
        if path:
            self.export_bundle_to(path, peer, everything)

    def _choose_import(self) -> None:
        path = file_choosers.open_file(self, file_choosers.SYNC, self.tr("导入同步包"), self.tr("同步包 (*.zip)"))
        if path is None:
            return
        # A bundle from a computer not trusted yet: show its fingerprint and offer to trust it first.
        try:
            identity = self.workspace.sync.read_identity(path)
        except DomainError:
            identity = None  # the import says what is wrong with the file
        trusted = {device.device_id for device in self.workspace.sync.devices()}
        if identity is not None and identity.device_id not in trusted and not self.trust_from_file(path):
            return
        self.import_bundle_from(path)

    def _choose_trust(self) -> None:
        path = file_choosers.open_file(
            self,
            file_choosers.SYNC,
            self.tr("信任设备"),
            self.tr("同步包或设备公钥 (*.zip *.json *.key);;所有文件 (*)"),
        )
        if path:
            self.trust_from_file(path)

    def _choose_key(self) -> None:
        path = file_choosers.save_file(
            self, file_choosers.SYNC, self.tr("导出本机公钥"), "inspector-device.key", self.tr("设备公钥 (*.key)")
        )
        if path:
            try:
                identity = self.workspace.sync.export_key(path)
            except (DomainError, OSError) as error:
                QMessageBox.warning(self, self.tr("导出失败"), str(error))
                return
            QMessageBox.information(
                self, self.tr("已导出公钥"), self.tr("指纹：{fingerprint}").format(fingerprint=identity.fingerprint)
            )

    def export_bundle_to(self, path: Path, peer: str | None = None, everything: bool = False) -> None:
        sync = self.workspace.sync
        self._start(self.tr("正在导出同步包…"), lambda _progress: sync.export(path, peer=peer, everything=everything))

    def import_bundle_from(self, path: Path) -> None:
        sync = self.workspace.sync
        self._start(self.tr("正在导入同步包…"), lambda _progress: sync.import_(path))

    def trust_from_file(self, path: Path) -> bool:
        """Show the device's fingerprint and trust it only if the person confirms."""
        try:
            identity = self.workspace.sync.read_identity(path)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法读取设备信息"), str(error))
            return False
        text = self.tr(
            "设备：{name}\n设备编号：{device}\n密钥指纹：{fingerprint}\n\n"
            "请与对方电脑上显示的指纹逐字核对，一致才可信任。信任这台设备吗？"
        ).format(name=identity.name, device=identity.device_id, fingerprint=identity.fingerprint)
        if not self.confirm(self.tr("信任设备"), text):
            return False
        try:
            self.workspace.sync.trust(identity)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法信任设备"), str(error))
            return False
        self.refresh()
        return True

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, defaultButton=QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- running --------------------------------------------------------------------------------
    def _start(self, title: str, work: Callable[[Progress], Any]) -> Operation | None:
        """Run one sync step as an Operation, its progress and 取消 shown on this page."""
        if self.busy:
            return None
        self.busy = True
        for button in (self.push_button, self.pull_button, self.export_button, self.import_button):
            button.setEnabled(False)
        self.status.setText(title)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        operation = Operation(self, work, self.tr("同步失败"))
        operation.progressed.connect(self._on_progress)
        self.operation = (
            operation.success(self._succeeded)
            .failure(self._failed)
            .cancelled(self._cancelled)
            .finished(self._ended)
            .run()
        )
        return self.operation

    def cancel(self) -> None:
        """Ask the running sync to stop; it rolls back at its next step, leaving both sides as they were."""
        if self.operation is not None:
            self.operation.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("正在取消…"))

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self.operation is not None and self.operation.is_cancelled():
            return
        if what:
            self.status.setText(what)  # the service's own Chinese step name
        if total > 1:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)

    def _succeeded(self, result: object) -> None:
        self.last_result = result
        self.status.setText(self.tr("完成"))
        self.show_summary(result)

    def _failed(self, message: str) -> None:
        self.last_result = message
        self.status.setText(self.tr("失败"))
        QMessageBox.warning(self, self.tr("同步失败"), message)

    def _cancelled(self) -> None:
        self.last_result = self.tr("已取消")
        self.status.setText(self.tr("已取消，数据保持原样"))

    def _ended(self) -> None:
        self.busy = False
        for button in (self.push_button, self.pull_button, self.export_button, self.import_button):
            button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()

    # -- the summary ----------------------------------------------------------------------------
    def show_summary(self, result: object) -> None:
        """Counts per table of what went out or came in (push/pull, bundle export or import)."""
        rows: dict[str, int]
        inserted: dict[str, int] = {}
        updated: dict[str, int] = {}
        merged: dict[str, int] = {}
        if isinstance(result, SyncSummary):
            rows, inserted, updated = result.rows, result.inserted, result.updated
            merged = {k: result.merged.get(k, 0) + result.deleted.get(k, 0) for k in {*result.merged, *result.deleted}}
            verb = self.tr("推送到") if result.direction == "push" else self.tr("拉取自")
            text = self.tr("{verb} {server}：{rows} 条记录，照片 {photos} 张，冲突 {conflicts} 条。").format(
                verb=verb,
                server=result.server,
                rows=result.total_rows,
                photos=result.photos,
                conflicts=result.conflicts,
            )
        elif hasattr(result, "report"):  # a bundle import
            report = result.report  # type: ignore[attr-defined]
            inserted, updated = report.inserted, report.updated
            merged = {k: report.merged.get(k, 0) + report.deleted.get(k, 0) for k in {*report.merged, *report.deleted}}
            rows = {
                k: inserted.get(k, 0) + updated.get(k, 0) + merged.get(k, 0) for k in {*inserted, *updated, *merged}
            }
            device = result.device  # type: ignore[attr-defined]
            text = self.tr("已导入来自 {device} 的同步包：照片 {photos} 张，冲突 {conflicts} 条。").format(
                device=device.name or device.device_id[:8],
                photos=result.photos_copied,  # type: ignore[attr-defined]
                conflicts=report.conflicts,
            )
            if result.gap_warning:  # type: ignore[attr-defined]
                text += "\n" + result.gap_warning  # type: ignore[attr-defined]
        elif hasattr(result, "counts"):  # a bundle export
            rows = result.counts  # type: ignore[attr-defined]
            text = self.tr("已导出 {rows} 条记录、照片 {photos} 张到 {path}。").format(
                rows=sum(rows.values()),
                photos=result.photos,  # type: ignore[attr-defined]
                path=result.path,  # type: ignore[attr-defined]
            )
        else:
            return
        self.summary_label.setText(text)
        names = sorted(rows, key=lambda name: list(TABLE_NAMES).index(name) if name in TABLE_NAMES else 99)
        self.summary_table.setRowCount(len(names))
        for row, name in enumerate(names):
            values = (
                _table_name(name),
                rows.get(name, 0),
                inserted.get(name, 0),
                updated.get(name, 0),
                merged.get(name, 0),
            )
            for column, value in enumerate(values):
                item = _item(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.summary_table.setItem(row, column, item)
        self.tabs.setCurrentIndex(0)
