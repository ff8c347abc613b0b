"""The English translation: complete in the .ts source, loadable from the .qm, and used by the main window."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.core.amendment import Amendment, AmendmentField
from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Result, Severity
from inspector.core.grades import Grade, Light
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.office_kind import NoticeKind, OfficeKind
from inspector.core.plaque import ValidityRule
from inspector.core.training import TrainingKind
from inspector.services.signatures import SignatureRole
from inspector.ui.common import labels
from inspector.ui.common.i18n import install_qt_translator, install_translator, translations_dir
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


def test_qt_own_dialogs_speak_chinese(qapp: QApplication) -> None:
    translator = install_qt_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    finally:
        qapp.removeTranslator(translator)
    assert install_qt_translator(qapp, "en") is None  # Qt's source language


def test_main_window_in_english(qapp: QApplication, qtbot: QtBot, workspace: Workspace) -> None:
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.show()
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
            "Dashboard",
            "Enterprises",
            "Inspections",
            "Hazard ledger",
            "Grading & plaques",
            "Sync",
        ]
        assert window.windowTitle() == "Inspector – Work Safety Inspections"
    finally:
        qapp.removeTranslator(translator)


LABEL_FUNCTIONS: list[tuple[type[StrEnum], Callable[[Any], str]]] = [
    (InspectionStatus, labels.status_label),
    (HazardStatus, labels.hazard_status_label),
    (HazardAction, labels.action_label),
    (Result, labels.result_label),
    (Severity, labels.severity_label),
    (LocationType, labels.location_label),
    (Category, labels.category_label),
    (Grade, labels.grade_label),
    (Light, labels.light_label),
    (SignatureRole, labels.role_label),
    (TrainingKind, labels.training_kind_label),
    (AmendmentField, labels.amendment_field_label),
    (NoticeKind, labels.notice_kind_label),
    (OfficeKind, labels.office_kind_label),
    (ValidityRule, labels.validity_rule_label),
]
LABEL_IDS = [enum.__name__ for enum, _ in LABEL_FUNCTIONS]
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize(("enum", "label"), LABEL_FUNCTIONS, ids=LABEL_IDS)
def test_labels_without_translator_match_the_core(
    qapp: QApplication, enum: type[StrEnum], label: Callable[[Any], str]
) -> None:
    assert [label(member) for member in enum] == [member.label for member in enum]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("enum", "label"), LABEL_FUNCTIONS, ids=LABEL_IDS)
def test_labels_in_english(english: QTranslator, enum: type[StrEnum], label: Callable[[Any], str]) -> None:
    for member in enum:
        text = label(member)
        assert text and not CHINESE.search(text), (member, text)


def _amendment(field: AmendmentField, old: str | None, new: str) -> Amendment:
    return Amendment("1", "C-2", field, old, new, "复核照片", "张三", datetime(2024, 5, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    "amendment",
    [
        _amendment(AmendmentField.ANSWER, "fail", "pass"),
        _amendment(AmendmentField.ANSWER, None, "partial"),
        _amendment(AmendmentField.NOTE, "", "已整改"),
    ],
)
def test_amendment_text_matches_describe(qapp: QApplication, amendment: Amendment) -> None:
    assert labels.amendment_text(amendment) == amendment.describe()


def test_amendment_text_in_english(english: QTranslator) -> None:
    text = labels.amendment_text(_amendment(AmendmentField.ANSWER, "fail", "pass"))
    assert text == "C-2 Answer: Non-compliant → Compliant"
