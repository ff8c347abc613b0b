"""Every page and the main dialogs, walked in English: no Chinese left but the data people typed
(enterprise names, towns, descriptions), and no header too narrow for its text. The same walk in
Chinese checks that the headers fit there too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import String, Text, select

from inspector.core.checklist import Result
from inspector.db.models import Base, InspectionRow
from inspector.demo.generator import DemoSpec
from inspector.photos.markup import Shape, ShapeKind
from inspector.ui.common.i18n import LANGUAGES, install_translator
from inspector.ui.common.operations import wait_for_background
from inspector.ui.documents.report_actions import ask_summary
from inspector.ui.enterprises.enterprise_dialog import EnterpriseDialog
from inspector.ui.grading.coverage_dialog import CoverageDialog
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.prepared_data import DemoCopies
from tests.ui.gui_samples import hazard_with_photo, shown
from tests.ui.visible_text import Text as Seen
from tests.ui.visible_text import chinese_left, clipped_chart_labels, clipped_headers, visible_texts

CITATIONS = ("legalBasis",)
"""Widgets citing laws and standards by their official Chinese titles (templates give no English)."""
NOT_DATA = {"templates", "meta", "sync_conflicts", "tombstones"}
"""Tables whose text is not typed by people: a template's texts must be shown translated."""


@pytest.fixture
def city(demo_workspace: DemoCopies) -> Workspace:
    return demo_workspace(DemoSpec(enterprises=25, years=1))


def data_strings(workspace: Workspace) -> set[str]:
    """Every text value people or the services stored (names, towns, notes…), to be shown as is;
    read at each step, as the walk adds records. A language's own name (中文) counts too."""
    found: set[str] = set()
    with workspace.db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_DATA:
                continue
            columns = [c for c in table.c if isinstance(c.type, String | Text)]
            if columns:
                for row in connection.execute(select(*columns)):
                    found.update(v for v in row if isinstance(v, str))
    return found


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = install_translator(qapp, request.param)
    assert (translator is None) == (request.param == "zh_CN")
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


def _walk(qtbot: QtBot, workspace: Workspace) -> Iterator[tuple[str, QWidget]]:
    """Each page of the main window, then the checklist of a draft and the main dialogs."""
    hazard_id, photo = hazard_with_photo(workspace)
    workspace.photo_versions.mark_up(photo, [Shape(ShapeKind.LABEL, 0.1, 0.1, text="缺门")])
    with workspace.db.reading() as session:
        done = session.scalar(select(InspectionRow.id).where(InspectionRow.status == "finalized").limit(1))
    assert done is not None
    item = workspace.inspections.template_of(done.hex).items[0].code
    workspace.amendments.amend_answer(done.hex, item, Result.FAIL, "复核照片", "张三")
    window = shown(qtbot, MainWindow(workspace), 1366, 768)
    for key in window.pages:
        page = window.show_page(key)
        QCoreApplication.processEvents()
        if key == "dashboard":  # its figures are counted in the background
            qtbot.waitUntil(lambda: window.dashboard.figures is not None, timeout=20_000)
        qtbot.wait(50)
        yield key, window
        del page
    inspections = window.show_page("inspections")
    enterprise = workspace.register.search(year=workspace.year(), quarter="")[0]
    inspectors = [person.id for person in workspace.roster.active()[:2]]
    draft = workspace.inspections.start(enterprise, workspace.default_template_id(), workspace.today(), inspectors)
    inspections.open_inspection(draft)  # type: ignore[attr-defined]
    qtbot.wait(50)
    yield "checklist", window
    inspections.open_review(done.hex)  # type: ignore[attr-defined]
    qtbot.wait(50)
    yield "review", window
    window.show_page("hazards")
    window.hazards.open_hazard(hazard_id)
    qtbot.wait(50)
    yield "hazard detail", window
    for name, dialog in _dialogs(window):
        dialog.show()
        qtbot.waitExposed(dialog)
        yield name, dialog
        dialog.reject()
    # The walk's writes made the dashboard count again: let it finish while its widgets live,
    # so no job reports into the next test's event loop.
    assert wait_for_background()
    qtbot.waitUntil(lambda: not window.dashboard.loading, timeout=20_000)
    assert wait_for_background()
    qtbot.wait(50)


def _dialogs(window: MainWindow) -> Iterator[tuple[str, QDialog]]:
    workspace = window.workspace
    checklist = window.inspections.checklist
    checklist.go_to(checklist.items[0].code)
    hazard = checklist.raise_hazard_for_current()
    assert hazard is not None
    yield "hazard from an item", hazard
    yield "new hazard", window.hazards.new_hazard()
    markup = window.hazards.detail.mark_up_photo()
    assert markup is not None
    yield "mark up a photo", markup
    yield "start inspection", window.inspections.new_inspection()
    yield "enterprise", EnterpriseDialog(window, None, workspace)
    yield "coverage", CoverageDialog(workspace, workspace.year(), None, window)
    yield "annual summary", ask_summary(window, workspace)
    yield "settings", window.open_settings()


def test_every_page_translated_and_unclipped(qtbot: QtBot, city: Workspace, language: str) -> None:
    untranslated: list[tuple[str, Seen]] = []
    clipped: list[tuple[str, Seen]] = []
    for name, root in _walk(qtbot, city):
        if language == "en":
            texts = [t for t in visible_texts(root) if not t.where.startswith(f"QLabel({CITATIONS[0]})")]
            untranslated += [(name, t) for t in chinese_left(texts, data_strings(city) | set(LANGUAGES.values()))]
        clipped += [(name, t) for t in clipped_headers(root) + clipped_chart_labels(root)]
    assert sorted({f"{name}: {t.where}: {t.text}" for name, t in untranslated}) == []
    assert sorted({f"{name}: {t.where}: {t.text}" for name, t in clipped}) == []
