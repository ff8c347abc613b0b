"""Register the shipped Chinese font so Chinese renders on machines without CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from inspector.paths import resources_dir

FONT_FILE = "wqy-microhei.ttc"


def install_chinese_font(app: QApplication, point_size: int = 10) -> str | None:
    """Register the font and make it the application font; returns its family, or None."""
    path = resources_dir() / "fonts" / FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0], point_size)
    app.setFont(font)
    return families[0]
