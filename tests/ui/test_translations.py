"""The English translation: complete in the .ts source, loadable from the .qm, and used by the main window."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.ui.i18n import install_translator, translations_dir
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace

TS_FILE = translations_dir() / "inspector_en.ts"
QM_FILE = translations_dir() / "inspector_en.qm"


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_ts_has_no_unfinished_or_empty_translations() -> None:
    messages = _messages(TS_FILE)
    assert messages
    unfinished = []
    empty = []
    for context, message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None, (context, source)
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append((context, source))
        numerus = translation.findall("numerusform")
        texts = [form.text for form in numerus] if numerus else [translation.text]
        if not all(text and text.strip() for text in texts):
            empty.append((context, source))
    assert unfinished == []
    assert empty == []


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_qm_translates_navigation(english: QTranslator) -> None:
    assert QCoreApplication.translate("MainWindow", "企业名录") == "Enterprises"
    assert QCoreApplication.translate("MainWindow", "检查") == "Inspections"
    assert QCoreApplication.translate("EnterpriseLabels", "{grade}级").format(grade="A") == "Grade A"


def test_without_translator_source_text_is_kept(qapp: QApplication) -> None:
    assert QCoreApplication.translate("MainWindow", "企业名录") == "企业名录"


def test_main_window_in_english(qapp: QApplication, qtbot: QtBot, workspace: Workspace) -> None:
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.show()
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["Enterprises", "Inspections"]
        assert window.windowTitle() == "Inspector – Work Safety Inspections"
    finally:
        qapp.removeTranslator(translator)
