"""The filters above a list (the register, the hazard ledger, the grading list, the dashboard).

A page asks the bar for each filter (a search field, a choice, the towns, a check box, a number
of days, a name, a date range) and puts its own widgets between them (a count, buttons); the bar
lays them out in rows and emits `changed` once whenever a filter changes. The page reads the
filters' values from the widgets it was given.

When to filter: a search on every keystroke (the lists are fast enough), a name only when its
editing is finished (a name is rarely a prefix of another); `reset` and `choose` set several
filters at once and emit `changed` once, not once per filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.common.form_dialog import NO_DATE, optional_date_edit
from inspector.ui.common.town_selector import TownSelector

F = TypeVar("F", bound=QWidget)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._row = QHBoxLayout()
        self._rows.addLayout(self._row)
        self._filters: list[QWidget] = []

    # -- building ----------------------------------------------------------------------------
    def search(self, placeholder: str, min_width: int) -> QLineEdit:
        """A search field that takes the row's spare width and filters as you type."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setMinimumWidth(min_width)
        edit.textChanged.connect(self.changed)
        return self._filter(edit, stretch=1)

    def choice(self, everything: str | None, choices: Iterable[tuple[str, object]], tooltip: str = "") -> QComboBox:
        """A list of (text, value) choices, after an `everything` entry (value None) if given."""
        combo = QComboBox()
        if everything is not None:
            combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setToolTip(tooltip)
        combo.currentIndexChanged.connect(self.changed)
        return self._filter(combo)

    def towns(self, towns: Callable[[], list[str]]) -> TownSelector:
        selector = TownSelector(towns)
        selector.currentIndexChanged.connect(self.changed)
        return self._filter(selector)

    def check(self, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.toggled.connect(self.changed)
        return self._filter(box)

    def days(self, label: str, unlimited: str, suffix: str, tooltip: str) -> QSpinBox:
        """A number of days from 0 (shown as `unlimited`) to a year, after its label."""
        spin = QSpinBox()
        spin.setRange(0, 365)
        spin.setSpecialValueText(unlimited)
        spin.setSuffix(suffix)
        spin.setToolTip(tooltip)
        spin.valueChanged.connect(self.changed)
        self.label(label)
        return self._filter(spin)

    def name(self, placeholder: str, width: int, tooltip: str) -> QLineEdit:
        """A person's name, applied when its editing is finished (Enter or leaving the field)."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setFixedWidth(width)
        edit.setToolTip(tooltip)
        edit.editingFinished.connect(self.changed)
        return self._filter(edit)

    def dates(self, label: str, unlimited: str) -> tuple[QDateEdit, QDateEdit]:
        """A range "label [from] — [to]"; an end left at its minimum (shown `unlimited`) is open."""
        self.label(label)
        first = self._date(unlimited)
        self.label("—")
        return first, self._date(unlimited)

    def _date(self, unlimited: str) -> QDateEdit:
        edit = optional_date_edit(unlimited)
        edit.dateChanged.connect(self.changed)
        return self._filter(edit)

    def _filter(self, widget: F, stretch: int = 0) -> F:
        self._filters.append(widget)
        self._row.addWidget(widget, stretch)
        return widget

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        """A widget of the page's own in the current row (a count, a button, a chip)."""
        self._row.addWidget(widget, stretch)

    def label(self, text: str) -> QLabel:
        label = QLabel(text)
        self._row.addWidget(label)
        return label

    def spacing(self, pixels: int) -> None:
        self._row.addSpacing(pixels)

    def stretch(self) -> None:
        self._row.addStretch(1)

    def next_row(self) -> None:
        self._row = QHBoxLayout()
        self._rows.addLayout(self._row)

    # -- values ------------------------------------------------------------------------------
    def reset(self, values: Mapping[QWidget, object] | None = None) -> None:
        """Every filter back to "everything", except those given a value; then one `changed`."""
        given = values or {}
        self._set({widget: given.get(widget) for widget in self._filters})

    def choose(self, values: Mapping[QWidget, object]) -> None:
        """Set the given filters only; then one `changed`."""
        self._set(values)

    def _set(self, values: Mapping[QWidget, object]) -> None:
        for widget in values:
            widget.blockSignals(True)
        try:
            for widget, value in values.items():
                _set_value(widget, value)
        finally:
            for widget in values:
                widget.blockSignals(False)
        self.changed.emit()


def _set_value(widget: QWidget, value: object) -> None:
    """Show `value` in a filter; None (or nothing) is the filter's "everything"."""
    if isinstance(widget, TownSelector):
        widget.set_town(value if isinstance(value, str) else None)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0) if value else 0)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value) if value else "")
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value if isinstance(value, int) else widget.minimum())
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate(value) if isinstance(value, date) else NO_DATE)
