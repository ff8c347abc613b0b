"""GUI fixtures: the real QApplication (offscreen) with the shipped font, and a small demo city."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from inspector.demo.generator import DemoSpec
from inspector.ui.common.fonts import install_chinese_font
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["inspector-tests"]


@pytest.fixture(autouse=True)
def chinese_font(qapp: QApplication) -> None:
    install_chinese_font(qapp)


@pytest.fixture(scope="module")
def demo(module_demo_workspace: DemoCopies) -> Workspace:
    """A small demo city (40 enterprises, one year): one copy per test module, for its tests that
    only read it (the city itself is generated once per session, tests/prepared_data.py)."""
    return module_demo_workspace(DemoSpec(enterprises=40, years=1))
