"""One change signal: a hazard recorded from the checklist shows up on every page with no user action.

The inspector answers an item 不符合 and records the offered hazard. Without anyone typing a search
or pressing 刷新, the ledger's count and figures, the 待办 badge, the dashboard and the review's
hazard list follow; and a settings change reaches every service of the workspace at once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.db.changes import Changes
from inspector.ui.common.operations import wait_for_background
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace

WAIT_MS = 10_000


def start_inspection(workspace: Workspace, days_ago: int) -> str:
    enterprise = workspace.enterprises.add(
        Enterprise("平湖市新埭五金制品有限公司", with_check_digit("91330482MA2C00001"), "新埭镇")
    )
    inspectors = [workspace.roster.add("王建国"), workspace.roster.add("李明")]
    found = workspace.today() - timedelta(days=days_ago)
    return workspace.inspections.start(enterprise, workspace.default_template_id(), found, inspectors)


def test_a_hazard_from_the_checklist_reaches_ledger_badge_and_dashboard(qtbot: QtBot, workspace: Workspace) -> None:
    today = workspace.today()
    if today.timetuple().tm_yday <= 3:
        pytest.skip("the hazard must be found and overdue within this year's figures")
    inspection = start_inspection(workspace, days_ago=3)  # entered after the visit: already overdue
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.figures is not None, timeout=WAIT_MS)
    assert window.dashboard.figures is not None
    dashboard_before = window.dashboard.figures.hazards_found
    ledger_before = window.hazards.model.rowCount()
    figures_before = window.hazards.figures.figures
    assert figures_before is not None
    assert window.todo_button.isHidden()

    window.show_page("inspections")
    window.inspections.open_inspection(inspection)
    checklist = window.inspections.checklist
    qtbot.waitUntil(lambda: checklist.isVisible())
    item = next(item for item in checklist.items if item.allows(Result.FAIL))
    checklist.setFocus()
    qtbot.keyClick(checklist, Qt.Key.Key_3)
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    dialog = checklist.hazard_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.deadline.setDate(dialog.deadline.minimumDate().addDays(1))  # yesterday: overdue today
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ok_button)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.hazard_id is not None, item.code

    # No page switch, no search, no 刷新: the hidden pages and the badge follow by themselves.
    qtbot.waitUntil(lambda: window.todo_button.isVisible(), timeout=WAIT_MS)
    assert window.todo_button.text() == "待办 1"
    qtbot.waitUntil(lambda: window.hazards.model.rowCount() == ledger_before + 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.hazards.figures.figures.found == figures_before.found + 1, timeout=WAIT_MS)
    assert window.hazards.figures.figures.overdue == figures_before.overdue + 1
    assert f"发现 {figures_before.found + 1}" in window.hazards.figures.text()
    qtbot.waitUntil(
        lambda: window.dashboard.figures is not None and window.dashboard.figures.hazards_found == dashboard_before + 1,
        timeout=WAIT_MS,
    )
    assert window.hazards.figures.figures.found == workspace.stats().hazards_found
    wait_for_background()


def test_the_review_follows_a_notice_issued_elsewhere(qtbot: QtBot, workspace: Workspace) -> None:
    from inspector.services.notices import NoticeKind, OrderType
    from inspector.ui.inspection.review_view import ReviewView

    inspection = start_inspection(workspace, days_ago=0)
    inspections = workspace.inspections
    items = inspections.template_of(inspection).items
    for item in items:
        inspections.answer(inspection, item.code, Result.FAIL if item is items[0] else Result.PASS)
    draft = inspections.hazard_draft_for_item(inspection, items[0].code, workspace.today())
    hazard = workspace.hazards.raise_hazard(draft)
    inspections.complete(inspection)
    review = ReviewView(workspace)
    qtbot.addWidget(review)
    review.show()
    review.load(inspection)
    assert "已登记" in review.result_column.hazards_label.text()
    # Issued from the ledger (another page), not from this screen:
    workspace.roster.set_permits({"王建国": "PH-JD-041", "李明": "PH-JD-042"})
    workspace.notices.issue(
        [hazard],
        kind=NoticeKind.SUPERVISION,
        order_type=OrderType.DEADLINE,
        issued_by=["王建国", "李明"],
        signed_by="王建国",
        recheck_on=workspace.today() + timedelta(days=10),
        inspection_id=inspection,
    )
    qtbot.waitUntil(lambda: "已登记" not in review.result_column.hazards_label.text(), timeout=WAIT_MS)
    assert "整改" in review.result_column.hazards_label.text()


def test_settings_reach_every_service_at_once(workspace: Workspace) -> None:
    seen: list[Changes] = []
    workspace.db.subscribe(seen.append)
    services = {name: getattr(workspace, name) for name in ("hazards", "grading_round", "sync", "central", "notices")}
    workspace.save_settings(replace(workspace.settings, timezone="Asia/Urumqi"))
    assert seen and seen[-1].touches("settings")
    for name, old in services.items():
        fresh = getattr(workspace, name)
        assert fresh is not old, name
    assert workspace.hazards.timezone == "Asia/Urumqi"
    assert workspace.grading_round.timezone == "Asia/Urumqi"
    assert workspace.sync.timezone == "Asia/Urumqi"
    assert workspace.central.timezone == "Asia/Urumqi"


def test_the_hub_of_a_closed_workspace_stops(data_dir: Path) -> None:
    from inspector.ui.common.changes import ChangeHub

    workspace = Workspace(data_dir)
    hub = ChangeHub.of(workspace)
    workspace.close()
    hub.check_external()  # as its timer would, after a restore closed the old workspace
    assert not hub._poll.isActive()
    assert ChangeHub.of(workspace) is not hub  # forgotten: nothing of it listens any more
    ChangeHub.forget(workspace)
