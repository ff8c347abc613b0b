"""Where things live: the user's data folder, and the files shipped with the application.

Data folder, in order: `--data-dir`, then INSPECTOR_DATA_DIR, then the platform's per-user
data folder (on Linux ~/.local/share/inspector). Shipped files are found beside the package
in a source checkout and under sys._MEIPASS in a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "inspector"
ENV_DATA_DIR = "INSPECTOR_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def install_root() -> Path:
    """The folder holding forms/ and resources/."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def shipped_forms_dir() -> Path:
    return install_root() / "forms"


def resources_dir() -> Path:
    return install_root() / "resources"
