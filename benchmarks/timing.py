"""What the timing benchmarks share: a Qt application offscreen with the shipped font, a page
shown at a size, and the verdict of the runs against a budget."""

from __future__ import annotations

import os
import statistics
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from inspector.ui.common.fonts import install_chinese_font


def offscreen_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_chinese_font(app)
    return app  # type: ignore[return-value]


def show(app: QApplication, page: QWidget, width: int, height: int) -> None:
    page.resize(width, height)
    page.show()
    app.processEvents()


def verdict(what: str, times: list[float], budget: float, unit: str, digits: int) -> int:
    """Print `what`, then the median, min and max of the runs against the budget (all in `unit`);
    1 (the exit status) if the median is over the budget."""
    median = statistics.median(times)
    print(
        f"{what}median {median:.{digits}f} {unit}, min {min(times):.{digits}f} {unit}, "
        f"max {max(times):.{digits}f} {unit} ({len(times)} runs; budget {budget:.0f} {unit})"
    )
    return 1 if median > budget else 0
