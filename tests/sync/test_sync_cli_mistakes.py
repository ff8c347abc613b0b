"""Sync commands used the wrong way end in one sentence, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def inspector(data_dir: Path, *argv: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "inspector", *argv], capture_output=True, text=True, env=env, stdin=stdin, check=False
    )


def test_a_push_to_an_address_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "sync", "push", "--url", "http://x"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "不是 PostgreSQL 数据库地址" in err


def test_trust_with_no_terminal_and_no_yes(tmp_path: Path) -> None:
    key = tmp_path / "peer.json"
    peer = tmp_path / "peer"
    assert inspector(peer, "sync", "export-key", "--out", str(key)).returncode == 0
    result = inspector(tmp_path / "mine", "sync", "trust", str(key))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == ["错误：没有可以回答的终端：请与对方核对指纹后加 --yes 再运行"]
    assert "已信任" not in result.stdout


def test_json_into_a_reader_that_stops_early(tmp_path: Path) -> None:
    assert inspector(tmp_path, "demo", "--enterprises", "5", "--years", "1").returncode == 0
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)  # like `| head` that has read enough
    reader.wait()
    writer = subprocess.run(
        [sys.executable, "-m", "inspector", "hazards", "figures", "--by", "town", "--json"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    assert "Traceback" not in writer.stderr and "BrokenPipe" not in writer.stderr
    assert writer.returncode == 0
