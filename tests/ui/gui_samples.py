"""What the GUI tests share: showing a widget, and sample records made through the services."""

from __future__ import annotations

from datetime import timedelta
from typing import TypeVar

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.reports.sample_documents import sample_photo_bytes
from inspector.services.hazards import HazardSource, NewHazard
from inspector.workspace import Workspace

CODE = with_check_digit("91330482MA0000001")
W = TypeVar("W", bound=QWidget)


def shown(qtbot: QtBot, widget: W, width: int = 1280, height: int = 800) -> W:
    """`widget` on screen at a laptop's size, closed after the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def sample_enterprise(workspace: Workspace, name: str = "平湖市测试机械有限公司", code: str = CODE) -> str:
    """The enterprise with `code`, added (in 当湖街道) on first use."""
    existing = workspace.enterprises.by_credit_code(code)
    if existing is not None and existing.id:
        return existing.id
    return workspace.enterprises.add(Enterprise(name, code, "当湖街道"))


def self_check_hazard(
    workspace: Workspace,
    enterprise_id: str | None = None,
    description: str = "配电箱未接地",
    found_days_ago: int = 20,
    days_to_deadline: int = 10,
    found_by: str = "张三",
) -> str:
    """A hazard found in an enterprise's self-check (no inspection needed), only recorded; of the
    test enterprise unless `enterprise_id` is given."""
    today = workspace.today()
    return workspace.hazards.raise_hazard(
        NewHazard(
            enterprise_id=enterprise_id or sample_enterprise(workspace),
            description=description,
            found_on=today - timedelta(days=found_days_ago),
            found_by=found_by,
            deadline=today + timedelta(days=days_to_deadline),
            source=HazardSource.SELF_CHECK,
            responsible_person="李四",
        )
    )


def hazard_with_photo(workspace: Workspace) -> tuple[str, str]:
    """A self-check hazard of the test enterprise with one before-photo: (hazard id, photo sha256)."""
    photo = workspace.photos.import_bytes(sample_photo_bytes(3, (800, 600)), "配电箱.jpg")
    today = workspace.today()
    new = NewHazard(
        enterprise_id=sample_enterprise(workspace),
        description="配电箱门缺失",
        found_on=today,
        found_by="张三",
        deadline=today + timedelta(days=7),
        source=HazardSource.SELF_CHECK,
    )
    return workspace.hazards.raise_hazard(new, [photo]), photo.sha256
