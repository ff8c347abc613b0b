"""First run: an empty data folder shows the welcome page; each way to start ends in the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.demo.demo_city import create_demo
from inspector.demo.generator import DemoSpec
from inspector.services.backup import create_backup
from inspector.ui.common.operations import wait_for_background
from inspector.ui.main_window import MainWindow
from inspector.ui.settings_dialog import SettingsDialog
from inspector.ui.welcome_page import StartController, WelcomePage
from inspector.workspace import Workspace
from tests.prepared_data import PreparedData

SMALL = DemoSpec(enterprises=3, years=1, seed=3)


@pytest.fixture
def controller(qtbot: QtBot, data_dir: Path) -> StartController:
    shell = StartController(data_dir, Workspace(data_dir), demo_spec=SMALL)
    yield shell
    wait_for_background()
    if shell.window is not None:
        shell.window.close()
    shell.workspace.close()


@pytest.fixture(scope="module")
def backup_archive(tmp_path_factory: pytest.TempPathFactory, prepared_data: PreparedData) -> Path:
    folder = prepared_data.copy_to(
        tmp_path_factory.mktemp("backup-source") / "data", DemoSpec(enterprises=2, years=1, seed=8)
    )
    out, _manifest = create_backup(folder, folder.parent / "backup.zip")
    return out


def test_empty_folder_shows_the_welcome_page(controller: StartController) -> None:
    window = controller.start()
    assert isinstance(window, WelcomePage)
    assert [b.text() for b in (window.import_button, window.demo_button, window.restore_button)] == [
        "导入企业名单…",
        "加载演示数据",
        "从备份恢复…",
    ]


def test_demo_button_opens_the_main_window_with_data(qtbot: QtBot, controller: StartController) -> None:
    page = controller.start()
    assert isinstance(page, WelcomePage)
    page.demo_button.click()
    assert not page.demo_button.isEnabled() and page.progress.isVisibleTo(page)
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow), timeout=30_000)
    window = controller.window
    assert isinstance(window, MainWindow)
    assert window.enterprises.model.rowCount() == SMALL.enterprises
    # The demo's plaques print at once: it made an office key, and 设置 says it is the demo's.
    (key,) = window.workspace.office_keys.list()
    assert window.workspace.office_keys.is_demo(key)
    settings = window.open_settings()
    assert "演示密钥" in settings.keys.state.text() and settings.keys.table.item(0, 3).text() == "有效，演示"
    settings.reject()


def test_import_of_an_enterprise_list_opens_the_main_window(
    qtbot: QtBot, controller: StartController, tmp_path: Path
) -> None:
    csv = tmp_path / "企业名单.csv"
    code = with_check_digit("91330482MA2B3C4D5")
    csv.write_text(
        f"企业名称,统一社会信用代码,地址,镇街道\n平湖市欢迎页机械有限公司,{code},新仓镇工业路1号,新仓镇\n",
        encoding="utf-8",
    )
    page = controller.start()
    assert isinstance(page, WelcomePage)
    page.import_file(str(csv))
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow), timeout=10_000)
    assert controller.workspace.enterprises.search_ids("欢迎页")


def test_a_bad_enterprise_list_keeps_the_welcome_page_with_the_reason(
    qtbot: QtBot, controller: StartController, tmp_path: Path
) -> None:
    bad = tmp_path / "名单.csv"
    bad.write_text("名称\n某公司\n", encoding="utf-8")
    page = controller.start()
    assert isinstance(page, WelcomePage)
    page.import_file(str(bad))
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=10_000)
    assert controller.window is page and page.import_button.isEnabled()


def test_restore_from_the_welcome_page(qtbot: QtBot, controller: StartController, backup_archive: Path) -> None:
    page = controller.start()
    assert isinstance(page, WelcomePage)
    page.restore_requested.emit(str(backup_archive))
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow), timeout=20_000)
    assert controller.workspace.stats().enterprises == 2


def test_a_damaged_backup_returns_to_the_welcome_page_with_the_reason(
    qtbot: QtBot, controller: StartController, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"not a zip at all")
    controller.start()
    assert isinstance(controller.window, WelcomePage)
    controller.window.restore_requested.emit(str(damaged))
    qtbot.waitUntil(
        lambda: isinstance(controller.window, WelcomePage) and "已损坏" in controller.window.error.text(),
        timeout=20_000,
    )


def test_settings_dialog_backs_up_and_restores(
    qtbot: QtBot, controller: StartController, backup_archive: Path, tmp_path: Path
) -> None:
    create_demo(controller.workspace, SMALL)
    window = controller.start()
    assert isinstance(window, MainWindow)
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    out = tmp_path / "from-settings.zip"
    dialog.backup_to(str(out))
    qtbot.waitUntil(lambda: "已备份到" in dialog.backup_status.text(), timeout=20_000)
    assert out.exists()
    dialog.restore_from(str(backup_archive))  # what the confirmed button does
    qtbot.waitUntil(
        lambda: isinstance(controller.window, MainWindow) and controller.window is not window, timeout=20_000
    )
    assert controller.workspace.stats().enterprises == 2  # the backup's data, not the demo's 3
    assert list(controller.folder.glob(".before-restore-*/inspector.db"))  # the old data kept aside
