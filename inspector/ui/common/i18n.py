"""Translations: Chinese is the source language; English comes from resources/translations/*.qm.

Build the .qm files with `python -m inspector.ui.common.i18n` (runs pyside6-lupdate and pyside6-lrelease).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from inspector.paths import install_root, resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}


def ui_language() -> str:
    """The language the window speaks now: whatever translator is installed says so (its .ts
    translates this source text to its own code), so a test that installs one is honoured too."""
    return QCoreApplication.translate("Language", "zh_CN")


def english() -> bool:
    return ui_language().startswith("en")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the translation for `language`; Chinese needs none (it is the source text)."""
    if language.startswith("zh"):
        return None
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"inspector_{language}.qm")):
        return None
    app.installTranslator(translator)
    return translator


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load Qt's own translation (qtbase: file dialogs, message-box buttons, "OK", "Cancel") for
    `language`, so standard dialogs speak the language of the rest of the window. English is Qt's
    source language and needs none."""
    if not language.startswith("zh"):
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        return None
    app.installTranslator(translator)
    return translator


def build() -> int:
    """Update the .ts sources from inspector/ui and compile them to .qm."""
    root = install_root()
    sources = sorted(str(p) for p in (root / "inspector" / "ui").rglob("*.py"))
    bin_dir = Path(sys.executable).parent
    lupdate = shutil.which("pyside6-lupdate", path=str(bin_dir)) or "pyside6-lupdate"
    lrelease = shutil.which("pyside6-lrelease", path=str(bin_dir)) or "pyside6-lrelease"
    for language in LANGUAGES:
        if language.startswith("zh"):
            continue
        ts = translations_dir() / f"inspector_{language}.ts"
        subprocess.run([lupdate, *sources, "-ts", str(ts), "-no-obsolete"], check=True)
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(build())
