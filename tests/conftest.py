"""Shared fixtures. Qt runs offscreen; every test that needs data gets a fresh data folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's per-user settings (remembered folders) go to a throw-away place, not the developer's ~/.config.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="inspector-tests-config-")

from inspector.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FORM = ROOT / "forms" / "general-manufacturing.toml"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    # Never touch the developer's real data folder, whatever a test forgets to pass.
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = Workspace(data_dir)
    yield ws
    ws.close()
