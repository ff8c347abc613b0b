"""GUI fixtures: the real QApplication (offscreen) with the shipped font, and a small demo city."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from inspector.demo.demo_city import create_demo
from inspector.demo.generator import DemoSpec
from inspector.ui.common.fonts import install_chinese_font
from inspector.workspace import Workspace


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["inspector-tests"]


@pytest.fixture(autouse=True)
def chinese_font(qapp: QApplication) -> None:
    install_chinese_font(qapp)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A small demo city (40 enterprises, one year), made once per test module for its tests that
    only read it."""
    workspace = Workspace(tmp_path_factory.mktemp("demo-city"))
    create_demo(workspace, DemoSpec(enterprises=40, years=1))
    yield workspace
    workspace.close()
