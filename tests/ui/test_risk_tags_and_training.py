"""Risk tags, headcount, 规上 and training in the GUI: the enterprise dialog, the register's column
and tag filter, the detail panel's training tab and dialog, the start dialog's proposals and the
dashboard's training cards. Real widgets on real SQLite files."""

from __future__ import annotations

from datetime import date, timedelta

from gui_samples import shown
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.training import Training, TrainingKind
from inspector.ui.enterprises.enterprise_detail import TAB_TRAINING
from inspector.ui.enterprises.enterprise_dialog import EnterpriseDialog
from inspector.ui.enterprises.enterprise_model import COL_SCALE, COL_TAGS
from inspector.ui.enterprises.enterprises_page import EnterprisesPage
from inspector.ui.enterprises.training_dialog import TrainingDialog
from inspector.ui.inspection.start_dialog import StartDialog
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace


def code(number: int) -> str:
    return with_check_digit(f"91330482MA{number:07d}")


def add(workspace: Workspace, number: int, **fields: object) -> str:
    name = f"平湖市第{number}精密机械有限公司"
    return workspace.enterprises.add(Enterprise(name, code(number), "当湖街道", **fields))  # type: ignore[arg-type]


def test_the_dialog_edits_tags_headcount_and_scale(workspace: Workspace, qtbot: QtBot) -> None:
    enterprise_id = add(workspace, 1, risk_tags=("gas",))
    dialog = EnterpriseDialog(None, workspace.enterprises.get(enterprise_id), workspace)
    qtbot.addWidget(dialog)
    assert dialog.tags.boxes["gas"].isChecked() and not dialog.tags.boxes["dust"].isChecked()
    assert dialog.headcount.text() == "未填" and dialog.above_scale.currentText() == "未填"
    assert dialog.tags.boxes["dust"].text() == "涉粉"
    dialog.tags.boxes["dust"].setChecked(True)
    dialog.tags.boxes["gas"].setChecked(False)
    dialog.headcount.setValue(240)
    dialog.above_scale.setCurrentIndex(dialog.above_scale.findText("规上"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EnterpriseDialog.DialogCode.Accepted
    saved = workspace.enterprises.get(enterprise_id)
    assert (saved.risk_tags, saved.headcount, saved.above_scale) == (("dust",), 240, True)


def test_the_register_shows_tags_and_filters_by_one(workspace: Workspace, qtbot: QtBot) -> None:
    dusty = add(workspace, 1, risk_tags=("dust", "confined-space"), above_scale=False)
    add(workspace, 2, risk_tags=("landlord",), above_scale=True)
    add(workspace, 3)
    page = shown(qtbot, EnterprisesPage(workspace))
    assert page.model.rowCount() == 3
    row = page.model.row_of(dusty)
    assert page.model.index(row, COL_TAGS).data() == "涉粉、有限空间"
    assert page.model.index(row, COL_SCALE).data() == "规下"
    assert not page.table.isColumnHidden(COL_TAGS)
    page.tag.setCurrentIndex(page.tag.findData("dust"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.enterprise_id(0) == dusty
    assert page.count.text() == "共 1 家"
    page.clear_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_training_is_recorded_from_the_detail_panel(workspace: Workspace, qtbot: QtBot) -> None:
    enterprise_id = add(workspace, 1, headcount=150)
    page = shown(qtbot, EnterprisesPage(workspace))
    assert page.select_enterprise(enterprise_id)
    detail = page.detail
    assert detail.fields["size"].text() == "150 人"  # size and 规上 not recorded
    assert detail.tabs.tabText(TAB_TRAINING) == "培训（0）"
    assert detail.training_button.isEnabled()
    detail.training_button.click()
    dialog = page.findChild(TrainingDialog)
    assert isinstance(dialog, TrainingDialog) and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(TrainingKind.FIRST_LESSON.value))
    dialog.topic.setText("节后复工安全第一课")
    dialog.headcount.setValue(0)
    dialog.ok_button.click()  # no one attended: refused, the dialog stays
    assert dialog.isVisible() and "参加人数" in dialog.message.text()
    dialog.headcount.setValue(132)
    dialog.ok_button.click()
    assert not dialog.isVisible() and dialog.training_id is not None
    # the panel follows the commit through the change signal
    qtbot.waitUntil(lambda: detail.tabs.tabText(TAB_TRAINING) == "培训（1）")
    assert detail.trainings.item(0, 1).text() == "开工第一课"
    assert detail.trainings.item(0, 2).text() == "132"
    # a double click opens it again for correction
    detail.trainings.setCurrentCell(0, 0)
    detail.trainings.doubleClicked.emit(detail.trainings.model().index(0, 0))
    again = [d for d in page.findChildren(TrainingDialog) if d.isVisible()]
    assert len(again) == 1 and again[0].topic.text() == "节后复工安全第一课"
    again[0].headcount.setValue(140)
    again[0].ok_button.click()
    qtbot.waitUntil(lambda: detail.trainings.item(0, 2).text() == "140")
    # and deleted, after saying what that means
    training = workspace.trainings.of_enterprise(enterprise_id)[0]
    dialog = page.record_training(enterprise_id, training.id or "")
    asked: list[str] = []
    dialog.confirm_delete = lambda what: asked.append(what) or False
    dialog.delete_button.click()
    assert dialog.isVisible() and len(workspace.trainings.of_enterprise(enterprise_id)) == 1
    dialog.confirm_delete = lambda what: asked.append(what) or True
    dialog.delete_button.click()
    assert not dialog.isVisible() and workspace.trainings.of_enterprise(enterprise_id) == []
    assert asked[0].startswith(f"删除 {training.held_on.isoformat()} 的开工第一课记录（140 人）？")
    qtbot.waitUntil(lambda: detail.tabs.tabText(TAB_TRAINING) == "培训（0）")


def test_the_start_dialog_proposes_the_templates_of_size_and_tags(workspace: Workspace, qtbot: QtBot) -> None:
    small = add(workspace, 1, risk_tags=("dust", "landlord"), above_scale=False)
    plain = add(workspace, 2)
    dialog = StartDialog(workspace, enterprise_id=small)
    qtbot.addWidget(dialog)
    assert dialog.template.currentData() == "small-firms"
    assert dialog.template.itemData(1) == "combustible-dust" and dialog.template.itemText(1).endswith("· 建议")
    hint = dialog.template_hint.text()
    assert hint.startswith("该企业还应分别使用：粉尘涉爆企业安全检查表") and "（涉粉）" in hint and "（出租方）" in hint
    dialog.search.setText("第2")
    dialog.run_search()
    assert dialog.selected_enterprise_id() == plain
    assert dialog.template.currentData() == "general-manufacturing"
    assert dialog.template_hint.isHidden()
    # the chosen template is the one the inspection is started with
    for name in ("王芳", "李强"):
        dialog.new_inspector.setText(name)
        dialog.add_inspector()  # added and ticked
    dialog.template.setCurrentIndex(dialog.template.findData("machinery-painting"))
    dialog.accept()
    assert dialog.inspection_id is not None
    assert workspace.inspections.get(dialog.inspection_id).template_key.startswith("machinery-painting v")


def test_the_dashboard_cards_show_the_years_training(workspace: Workspace, qtbot: QtBot) -> None:
    year = workspace.today().year
    day = max(date(year, 1, 1), workspace.today() - timedelta(days=1))
    first = add(workspace, 1)
    workspace.trainings.record(Training(first, TrainingKind.FIRST_LESSON, day, "第一课", 83))
    workspace.trainings.record(Training(first, TrainingKind.TEAM_LEADER, day, "班组长", 9))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("dashboard")
    page = window.dashboard
    qtbot.waitUntil(lambda: page.figures is not None and not page.loading, timeout=10_000)
    card = page.cards["first_lesson"]
    assert (card.value.text(), card.detail.text()) == ("1 家", "83 人次 · 1 次")
    # a training recorded elsewhere reaches the card through the change signal
    second = add(workspace, 2)
    workspace.trainings.record(Training(second, TrainingKind.FIRST_LESSON, day, "第一课", 17))
    qtbot.waitUntil(lambda: page.cards["first_lesson"].value.text() == "2 家", timeout=10_000)
    assert page.cards["first_lesson"].detail.text() == "100 人次 · 2 次"
    assert page.cards["team_leader"].value.text() == "1 家"
