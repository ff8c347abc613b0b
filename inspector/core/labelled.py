"""Enums whose members carry the Chinese text shown to people: `GREEN = "green", "绿灯"`."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A StrEnum whose every member is written with its label beside its value. The value is
    what is stored and compared, as with any StrEnum; `.label` is the text for screens and
    documents. Written together, a member cannot be added without its label."""

    _value_: str
    _label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return self._label
