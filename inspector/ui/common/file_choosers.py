"""File choosers that open where the person last was, one remembered folder per kind of file.

An inspector adds photos from the camera's card, exports ledgers to a USB stick and imports sync
bundles from another: each kind opens in the folder last used for it (the home folder the first
time), kept in the user's Qt settings across data folders and runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from inspector.ui.common.ui_settings import user_settings

# The kinds of files, each with its own remembered folder.
PHOTOS = "photos"
EXPORTS = "exports"  # ledgers, grading lists, dashboard figures, PDFs saved
BACKUPS = "backups"
SYNC = "sync"  # bundles and device keys
IMPORTS = "imports"  # enterprise lists


def _settings() -> QSettings:
    return user_settings()


def last_folder(kind: str) -> Path:
    saved = _settings().value(f"folders/{kind}", "")
    folder = Path(str(saved)) if saved else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember(kind: str, chosen: Path) -> None:
    settings = _settings()
    settings.setValue(f"folders/{kind}", str(chosen.parent))
    settings.sync()


def open_file(parent: QWidget, kind: str, title: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(kind)), file_filter)
    return _chosen(kind, name)


def open_files(parent: QWidget, kind: str, title: str, file_filter: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(last_folder(kind)), file_filter)
    paths = [Path(name) for name in names]
    if paths:
        remember(kind, paths[0])
    return paths


def save_file(parent: QWidget, kind: str, title: str, suggested_name: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder(kind) / suggested_name), file_filter)
    return _chosen(kind, name)


def _chosen(kind: str, name: str) -> Path | None:
    if not name:
        return None
    path = Path(name)
    remember(kind, path)
    return path
