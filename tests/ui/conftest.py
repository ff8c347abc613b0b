"""GUI fixtures: the real QApplication (offscreen) with the shipped font, and a workspace."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from inspector.ui.common.fonts import install_chinese_font


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["inspector-tests"]


@pytest.fixture(autouse=True)
def chinese_font(qapp: QApplication) -> None:
    install_chinese_font(qapp)
