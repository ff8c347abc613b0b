"""Inspection numbers (检查编号): ``JC-2026-3F9A-0001`` instead of a 32-digit id on screen and paper.

They take the form of notice numbers (inspector.core.notice_number: office-year-device-sequence)
with ``JC`` (检查) in the office's place, the year of the inspection date, this device's stored
prefix (the notices' ``notice_prefix``) and the device's own sequence for that year (``meta``
``inspection_seq:<year>``), so laptops number offline without asking each other.

Inspections made before numbers existed (and rows arriving from a copy that has none yet) get a
number derived from their own id: six hex digits of the id where the device prefix stands and
sequence 1 (``JC-2025-3F9A2B-0001``). Every copy derives the same number from the same row, and
it cannot meet a device-numbered one: stored prefixes have four digits.

A number names an inspection for people; the id stays its identity. Numbers are therefore not a
natural key (two inspections must never merge because their numbers met): a clash, as unlikely
as two devices sharing a prefix, shows two inspections with one number, each still whole.
"""

from __future__ import annotations

import uuid

from .notice_number import MAX_PREFIX, format_number

OFFICE = "JC"
SEQ_KEY = "inspection_seq:"  # + year, in meta


def number_for(year: int, device_prefix: str, seq: int) -> str:
    """``number_for(2026, "3F9A", 1) == "JC-2026-3F9A-0001"``."""
    return format_number(OFFICE, year, device_prefix, seq)


def number_from_id(inspection_id: uuid.UUID | str, year: int) -> str:
    """The number of an inspection that was made without one: the same on every copy."""
    digits = inspection_id.hex if isinstance(inspection_id, uuid.UUID) else str(inspection_id).replace("-", "")
    return format_number(OFFICE, year, digits[:MAX_PREFIX].upper(), 1)
