"""Table columns at least as wide as their titles, in whatever language the window speaks.

Pages size their columns for the data they expect (a town, a date); an English title such as
"Rectification deadline" is wider than its dates, and Qt would cut it to "tification deadl".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView


def title_width(header: QHeaderView, section: int) -> int:
    """The width `section` needs to show its title whole (and the sort arrow, if shown)."""
    model = header.model()
    text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) if model else None
    if not text:
        return 0
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    width = max(metrics.horizontalAdvance(line) for line in str(text).splitlines()) + 2 * margin + 4
    if header.isSortIndicatorShown():
        width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    return width


def widen_to_titles(view: QTableView) -> None:
    """Widen every column narrower than its title; wider ones keep their size."""
    header = view.horizontalHeader()
    for section in range(header.count()):
        needed = title_width(header, section)
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)
