"""Rows and columns of widgets, built in one call.

`hbox(a, b, STRETCH, c)` and `vbox(...)` take widgets and layouts (added as they are), a
(widget, stretch) pair for one that takes the spare room, an int for a fixed gap in pixels, and
STRETCH for a flexible gap. `margins` and `spacing` are Qt's; left out, Qt's defaults apply.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget


class _Stretch:
    """A flexible gap in a row or column."""


STRETCH = _Stretch()

Item = QWidget | QLayout | tuple[QWidget | QLayout, int] | int | _Stretch
Margins = int | tuple[int, int, int, int]
B = TypeVar("B", bound=QBoxLayout)


def hbox(
    *items: Item, parent: QWidget | None = None, margins: Margins | None = None, spacing: int | None = None
) -> QHBoxLayout:
    """Items left to right (installed on `parent` if given)."""
    return _fill(QHBoxLayout(parent) if parent is not None else QHBoxLayout(), items, margins, spacing)


def vbox(
    *items: Item, parent: QWidget | None = None, margins: Margins | None = None, spacing: int | None = None
) -> QVBoxLayout:
    """Items top to bottom (installed on `parent` if given)."""
    return _fill(QVBoxLayout(parent) if parent is not None else QVBoxLayout(), items, margins, spacing)


def _fill(box: B, items: tuple[Item, ...], margins: Margins | None, spacing: int | None) -> B:
    if margins is not None:
        box.setContentsMargins(*((margins,) * 4 if isinstance(margins, int) else margins))
    if spacing is not None:
        box.setSpacing(spacing)
    for item in items:
        thing, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(thing, _Stretch):
            box.addStretch(1)
        elif isinstance(thing, int):
            box.addSpacing(thing)
        elif isinstance(thing, QLayout):
            box.addLayout(thing, stretch)
        else:
            box.addWidget(thing, stretch)
    return box
