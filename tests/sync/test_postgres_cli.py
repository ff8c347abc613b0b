"""`inspector sync push|pull|login|logout` end to end through the command line (a SQLite file as
the central database here: the server-specific parts are covered in test_postgres_push_pull)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.settings import SETTINGS_FILE

from . import central_fixtures
from .central_fixtures import MemoryKeyring
from .simulation import Laptop

# The fixture, made visible to pytest in this module.
memory_keyring = central_fixtures.memory_keyring


def test_push_then_pull_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = Laptop.create(tmp_path, "a")
    a.add_enterprise(1)
    a.raise_hazard(0, 1)
    a.ws.close()
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "push", "--url", url, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "已推送到" in out and "hazards: 1" in out
    assert main(["--data-dir", str(tmp_path / "b"), "sync", "pull", "--url", url]) == 0
    captured = capsys.readouterr()
    assert "已拉取自" in captured.out and "照片 1 张" in captured.out
    assert "合并到本机" in captured.err  # the progress went to stderr
    assert "\r" not in captured.err  # not a terminal: one line per step, no redraws


def test_no_server_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "push"]) == 1
    assert capsys.readouterr().err.startswith("错误：未指定中心数据库")
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "pull", "--url", "这不是地址"]) == 1
    assert "错误：" in capsys.readouterr().err


def test_login_stores_the_password_in_the_keyring_only(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "top-secret")
    url = "postgresql://inspector@10.0.0.5:5432/city"
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "login", "--url", url, "--save"]) == 0
    assert list(memory_keyring.store.values()) == ["top-secret"]
    settings = json.loads((tmp_path / "a" / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert settings["sync_server_url"] == "postgresql+psycopg://inspector@10.0.0.5:5432/city"
    assert "top-secret" not in (tmp_path / "a" / SETTINGS_FILE).read_text(encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "logout"]) == 0
    assert memory_keyring.store == {}
    assert "已删除" in capsys.readouterr().out
