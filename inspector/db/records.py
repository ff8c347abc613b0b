"""Core records and their rows name their fields alike. These copy the fields that are stored as
they are, so that a converter spells out only those stored differently: ids as text, enums by
their values, fields a row does not hold."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

RecordT = TypeVar("RecordT")


def record_from_row(cls: type[RecordT], row: object, **different: Any) -> RecordT:
    """A `cls` record whose fields are the row's attributes of the same names, but for `different`."""
    same = {f.name: getattr(row, f.name) for f in fields(cls) if f.init and f.name not in different}  # type: ignore[arg-type]
    return cls(**same, **different)


def columns_from_record(record: Any, *left_out: str, **different: Any) -> dict[str, Any]:
    """The record's fields as column values (not `left_out`), with `different` for those stored otherwise."""
    same = {
        f.name: getattr(record, f.name) for f in fields(record) if f.name not in left_out and f.name not in different
    }
    return {**same, **different}
