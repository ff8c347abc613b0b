"""The grading page: proposals off the UI thread, filters, the override dialog, issuing, lights."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.db.database import DB_NAME
from inspector.demo.generator import DemoSpec
from inspector.ui.common.operations import wait_for_background
from inspector.ui.grading.grading_model import COL_FINAL
from inspector.ui.grading.grading_page import GradingPage
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies


@pytest.fixture
def workspace(demo_workspace: DemoCopies) -> Workspace:
    """Here every test's workspace is its own copy of a demo city."""
    return demo_workspace(DemoSpec(enterprises=30, years=2, seed=11))


@pytest.fixture
def page(workspace: Workspace, qtbot: QtBot) -> GradingPage:
    p = GradingPage(workspace)
    qtbot.addWidget(p)
    p.show()
    p.propose()
    qtbot.waitUntil(lambda: bool(p.model.proposals) and not p.busy, timeout=15_000)
    return p


def test_proposals_are_listed_and_filtered(page: GradingPage, workspace: Workspace) -> None:
    assert page.model.rowCount() == 30
    expected = workspace.grading_round.propose(workspace.today().year)
    assert [p.proposed_grade for p in page.model.proposals] == [p.proposed_grade for p in expected]
    assert page.progress.isHidden()
    town = page.town.itemData(1)
    page.town.setCurrentIndex(1)
    assert page.model.rowCount() == sum(1 for p in expected if p.town == town)
    page.town.setCurrentIndex(0)
    page.change.setCurrentIndex(page.change.findData("pending"))
    assert page.model.rowCount() == sum(1 for p in expected if p.proposed_grade == "pending")
    assert page.count.text() == f"共 {page.model.rowCount()} 家"


def test_an_override_needs_a_reason_and_is_issued_with_it(
    page: GradingPage, workspace: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = next(i for i in range(page.model.rowCount()) if page.model.proposal(i).proposed_grade == "A")
    proposal = page.model.proposal(row)
    dialog = page.override_selected(row)
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    assert not ok.isEnabled() and "必须填写调整理由" in dialog.hint.text()
    dialog.reason.setPlainText("现场复核发现消防通道堆放杂物")
    assert ok.isEnabled()
    ok.click()
    assert page.model.overrides[proposal.enterprise_id] == ("B", "现场复核发现消防通道堆放杂物")
    assert page.model.index(row, COL_FINAL).data() == "B级（调整）"

    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes)
    assert page.confirm_issue()
    qtbot.waitUntil(lambda: page.last_issue is not None and not page.busy, timeout=15_000)
    assert page.last_issue is not None and page.last_issue.overridden == 1
    connection = sqlite3.connect(workspace.data_dir / DB_NAME)
    stored = connection.execute(
        "SELECT grade, proposed_grade, override_reason FROM plaques"
        " WHERE enterprise_id = ? AND year = ? AND current = 1",
        (proposal.enterprise_id, workspace.today().year),
    ).fetchall()
    connection.close()
    assert stored == [("B", "A", "现场复核发现消防通道堆放杂物")]
    qtbot.waitUntil(lambda: bool(page.model.proposals) and not page.busy, timeout=15_000)
    assert page.model.overrides == {}  # the list was proposed again after issuing


def test_cancelling_the_confirmation_issues_nothing(
    page: GradingPage, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.No)
    assert not page.confirm_issue()
    connection = sqlite3.connect(workspace.data_dir / DB_NAME)
    assert connection.execute("SELECT count(*) FROM plaques WHERE issued_by != ''").fetchone() == (0,)
    connection.close()


def test_the_issue_confirmation_says_what_will_happen(page: GradingPage, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[object, ...]] = []

    def question(*args: object, **kw: object) -> QMessageBox.StandardButton:
        asked.append((*args, kw.get("defaultButton")))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not page.confirm_issue()
    ((_parent, title, text, default),) = asked
    assert title == "确认发牌" and default == QMessageBox.StandardButton.No
    assert isinstance(text, str) and "将为" in text and "年度亮牌" in text and "不能撤回" in text


def test_lights_and_export(page: GradingPage, qtbot: QtBot, tmp_path: Path) -> None:
    page.quarter.setCurrentIndex(0)
    page.recompute_lights()
    qtbot.waitUntil(lambda: page.last_lights is not None and not page.busy, timeout=15_000)
    assert page.last_lights is not None and page.last_lights.quarter.endswith("Q1")
    assert "季度亮灯" in page.status.text()
    out = tmp_path / "grading.xlsx"
    page.export_to(out)
    wait_for_background()
    qtbot.waitUntil(out.exists, timeout=5000)
    assert load_workbook(out).active.max_row == 31
