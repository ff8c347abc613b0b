"""Per-field versions of the records people edit field by field (enterprises, the roster,
assignments): which version of the row each field was last set in, so that a sync can merge two
copies field by field (inspector/sync/field_merge.py) instead of taking one whole row.

A row's `field_versions` maps a column name to `[hlc, device, base]`: the hybrid-logical-clock
value and device of the edit that set the field, and `base`, the stamp of the field's version
that edit replaced (so a later merge can tell an edit made after seeing another from one made
without seeing it). `NULL` means "every field as of the row's own version": a new row, a row
written before migration 0007, a row from an older bundle. The map is written out in full the
first time a field is edited (`stamp_edit`); it never mentions the metadata columns.

Pure functions on plain values: the ORM hook (database._stamp_rows), the merge engine and the
conflict service all use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

COLUMN = "field_versions"
NOT_FIELDS = frozenset({"id", "created_at", "updated_at", "device_id", "hlc", "base_hlc", "changed_seq", COLUMN})
"""Columns that describe the version, not the record: never merged field by field."""

Stamp = tuple[int, str, int]
"""(hlc, device, base) of the edit that set a field; ordered by (hlc, device) like row versions."""

UNKNOWN: Stamp = (0, "", 0)
"""A column the stored map does not name (added after the map was written): older than any edit."""


def fields_of(columns: Iterable[str]) -> list[str]:
    """The editable fields among a table's column names."""
    return [name for name in columns if name not in NOT_FIELDS]


def stamps(row: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Stamp]:
    """Each field's stamp in a row version (see the module doc for `NULL`)."""
    stored = row.get(COLUMN)
    if stored is None:
        whole: Stamp = (row["hlc"], row["device_id"], row["base_hlc"])
        return dict.fromkeys(fields, whole)
    found: dict[str, Stamp] = {}
    for name in fields:
        value = stored.get(name)
        found[name] = (int(value[0]), str(value[1]), int(value[2])) if value else UNKNOWN
    return found


def stored(field_stamps: Mapping[str, Stamp]) -> dict[str, list[Any]]:
    """The JSON form of a stamp map (lists: what a JSON column gives back)."""
    return {name: [h, d, b] for name, (h, d, b) in sorted(field_stamps.items())}


def stamp_edit(
    row: Mapping[str, Any], fields: Iterable[str], changed: Iterable[str], hlc: int, device: str
) -> dict[str, list[Any]]:
    """The map after an edit at `hlc` on `device` that changed the fields `changed`; `row` holds
    the version being replaced. A run of edits on one device keeps the base of its first edit,
    as row versions do."""
    current = stamps(row, fields)
    for name in changed:
        h, d, b = current.get(name, UNKNOWN)
        current[name] = (hlc, device, b if d == device else h)
    return stored(current)
