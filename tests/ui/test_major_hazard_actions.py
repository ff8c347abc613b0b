"""The major-hazard track in the ledger (domain.md §2): suspected with a clause picked from the
library, referred, confirmed, a treatment plan; each step through the action dialog, shown in
the detail pane and refused in one sentence when something is missing."""

from __future__ import annotations

import os
from pathlib import Path

from gui_samples import self_check_hazard, shown
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.major_hazard import MajorStanding
from inspector.ui.hazards.hazards_page import HazardsPage
from inspector.workspace import Workspace

A = HazardAction


def press(page: HazardsPage, action: HazardAction) -> None:
    page.detail.action_buttons[action].click()
    assert page.last_dialog is not None


def ok(page: HazardsPage) -> None:
    assert page.last_dialog is not None
    page.last_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_major_hazard_steps_through_the_ledger(workspace: Workspace, qtbot: QtBot, tmp_path: Path) -> None:
    hazard_id = self_check_hazard(workspace, description="干式除尘器未采取泄爆、惰化、抑爆措施")
    page = shown(qtbot, HazardsPage(workspace))
    page.resize(1366, 768)
    page.open_hazard(hazard_id)
    assert page.detail.major_info.text() == "重大事故隐患：否"
    assert set(a for a in page.detail.action_buttons if a.major_step) == {A.SUSPECT_MAJOR}

    press(page, A.SUSPECT_MAJOR)
    dialog = page.last_dialog
    assert dialog is not None and dialog.major is not None and dialog.major.clause is not None
    combo = dialog.major.clause
    combo.setCurrentIndex(combo.findData("MEM10-11-3"))
    ok(page)
    assert not dialog.isVisible(), dialog.message.text()
    view = workspace.hazards.get(hazard_id)
    assert (view.major.standing, view.major.clause) == (MajorStanding.SUSPECTED, "MEM10-11-3")
    qtbot.waitUntil(lambda: "疑似重大事故隐患" in page.detail.major_info.text())
    assert "第十一条第三项" in page.detail.major_info.text()

    press(page, A.REFER_MAJOR)
    ok(page)  # no authority: refused, nothing written
    assert page.last_dialog.isVisible() and "部门" in page.last_dialog.message.text()
    assert len(workspace.hazards.get(hazard_id).events) == 2
    page.last_dialog.major.authority.setText("平湖市应急管理局")
    ok(page)
    assert workspace.hazards.get(hazard_id).major.standing is MajorStanding.REFERRED

    qtbot.waitUntil(lambda: A.CONFIRM_MAJOR in page.detail.action_buttons)
    press(page, A.CONFIRM_MAJOR)
    assert page.last_dialog.major.authority.text() == "平湖市应急管理局"  # the authority referred to
    page.last_dialog.major.document.setText("平应急〔2026〕12号")
    ok(page)
    assert workspace.hazards.get(hazard_id).major.is_confirmed
    qtbot.waitUntil(lambda: A.ADOPT_PLAN in page.detail.action_buttons)
    assert A.FIX_ON_SITE not in page.detail.action_buttons

    press(page, A.ADOPT_PLAN)
    plan = page.last_dialog.major
    for key, text in (("goal", "加装泄爆装置"), ("method", "委托有资质单位设计安装"), ("funds", "12 万元"),
                      ("responsible", "设备部 王某"), ("interim", "除尘系统停用，粉尘作业区停产")):  # fmt: skip
        plan.plan[key].setPlainText(text)
    ok(page)
    view = workspace.hazards.get(hazard_id)
    assert view.major.plan is not None and view.deadline == plan.new_deadline()
    qtbot.waitUntil(lambda: "治理方案：加装泄爆装置" in page.detail.major_info.text())
    history = [page.detail.history.item(i).text() for i in range(page.detail.history.count())]
    assert any("部门 平湖市应急管理局；文号 平应急〔2026〕12号" in line for line in history)

    folder = Path(os.environ.get("INSPECTOR_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    qtbot.wait(200)  # let the rebuilt buttons and the grown rows be laid out before the picture
    assert page.grab().save(str(folder / "hazard-major-detail.png"))
    press(page, A.SUSPEND_PRODUCTION)
    qtbot.wait(100)
    assert page.last_dialog.grab().save(str(folder / "hazard-major-dialog.png"))
