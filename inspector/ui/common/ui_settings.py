"""Window state kept between runs: per data folder (main window geometry, last page) in its
ui.ini, and per person (the size of each dialog, the folder each file chooser last used) in the
user's Qt settings, since those follow the screen and the habits, not the data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def ui_settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def user_settings() -> QSettings:
    return QSettings("Inspector", "Inspector")
