"""设置's 发证单位密钥 and 中心数据库 tabs: what `inspector keys` and `inspector sync login` do, from
the window (the keyring is one in memory: tests never touch the machine's)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.settings import SETTINGS_FILE
from inspector.sync.credentials import lookup_password
from inspector.ui.main_window import MainWindow
from inspector.ui.settings_dialog import KEYS, SERVER, SettingsDialog, offer_office_key
from inspector.workspace import Workspace
from tests.sync.central_fixtures import MemoryKeyring, memory_keyring

__all__ = ["memory_keyring"]  # the fixture, used by name
URL = "postgresql://inspector@10.0.0.5:5432/city"


def settings(qtbot: QtBot, workspace: Workspace, tab: int) -> SettingsDialog:
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog.show_tab(tab)


def test_the_server_address_is_a_setting_and_its_password_goes_to_the_keyring(
    qtbot: QtBot, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    dialog = settings(qtbot, workspace, SERVER)
    server = dialog.server
    assert "未设置中心数据库" in server.state.text() and not server.forget_button.isEnabled()
    server.address.setText(URL)
    server.password.setText("s3cret")
    dialog.main_button().click()  # 保存
    assert not dialog.isVisible()
    assert workspace.settings.sync_server_url == URL and lookup_password(URL) == "s3cret"
    assert "s3cret" not in (workspace.data_dir / SETTINGS_FILE).read_text(encoding="utf-8")

    reopened = settings(qtbot, workspace, SERVER)
    again = reopened.server
    assert again.password.text() == "" and "已保存" in again.password.placeholderText()  # never shown
    assert "已保存在系统钥匙串" in again.state.text() and again.forget_button.isEnabled()
    again.forget_button.click()
    assert lookup_password(URL) is None and "尚未保存密码" in again.state.text()


def test_a_password_in_the_address_is_refused(
    qtbot: QtBot, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    dialog = settings(qtbot, workspace, SERVER)
    dialog.server.address.setText("postgresql://inspector:s3cret@10.0.0.5/city")
    dialog.accept()
    assert dialog.isVisible() and "不能包含密码" in dialog.error.text()
    saved = workspace.data_dir / SETTINGS_FILE
    assert not saved.exists() or json.loads(saved.read_text(encoding="utf-8"))["sync_server_url"] == ""


def test_keys_are_made_exported_and_imported_from_the_window(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    dialog = settings(qtbot, workspace, KEYS)
    keys = dialog.keys
    assert not keys.export_button.isEnabled()  # nothing to export yet
    made = keys.create_key()
    assert made is not None and keys.export_button.isEnabled()
    exported = tmp_path / "office-PH.json"
    assert keys.export_to(exported) is not None and exported.exists()
    assert made.fingerprint[:4] in keys.done.text()

    other = Workspace(tmp_path / "other")
    try:
        their_dialog = settings(qtbot, other, KEYS)
        theirs = their_dialog.keys
        assert theirs.import_from(exported) is not None
        assert [k.fingerprint for k in other.office_keys.list()] == [made.fingerprint]
        assert "请与对方电脑上显示的指纹核对" in theirs.done.text() and theirs.table.rowCount() == 1
        bad = tmp_path / "bad.json"
        bad.write_text("{}", encoding="utf-8")
        assert theirs.import_from(bad) is None and "不是有效的 Inspector 公钥文件" in theirs.message.text()
        assert theirs.publish_to(tmp_path / "page")
        assert (tmp_path / "page" / "index.html").exists() and "公钥 1 个" in theirs.done.text()
    finally:
        other.close()


def test_printing_plaques_without_a_key_leads_to_the_key_tab(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.grading.print_plaques() is None  # nothing is generated without a key
    offer = window.grading.key_offer
    assert offer is not None and offer.isVisible() and "设置 → 发证单位密钥" in offer.text()
    offer.defaultButton().click()  # 打开设置
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible())
    assert dialog.tabs.currentIndex() == KEYS and dialog.keys.create_button.text() == "创建密钥"
    dialog.keys.create_key()
    dialog.reject()
    assert offer_office_key(window, workspace) is None  # now it can sign: no offer, plaques go on
