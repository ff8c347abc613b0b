"""Merging two versions of a record people edit field by field (engine rule 9).

Each field is merged on its own, by its stamp (inspector/db/field_versions.py): the value set
by the later edit wins, `(hlc, device)` as for whole rows (rule 1), so a phone changed on one
laptop and an address on another both survive. The merged row's version columns (`hlc`,
`device_id`, `base_hlc`, times) are those of the later row version. Every choice is a maximum
in a total order, so merging is deterministic, commutative, associative and idempotent: copies
converge whatever order versions arrive in.

A field both versions changed without seeing the other's change is a conflict: its losing value
is kept (inspector/sync/conflict_records.py). An edit saw the other one when it replaced it
(its stamp's `base` is the other's `hlc`), or was made on the same device, or its whole row was
edited from the other row version (`base_hlc`, rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inspector.db.field_versions import COLUMN, Stamp, fields_of, stamps, stored


@dataclass(frozen=True)
class LostField:
    """A field value that lost to a concurrent edit of the same field."""

    field: str
    kept: Stamp
    lost: Stamp
    value: Any


def _version(row: dict[str, Any]) -> tuple[int, str]:
    return (row["hlc"], row["device_id"])


def _order(stamp: Stamp, value: Any) -> tuple[int, str, str]:
    # Equal stamps with different values only happen when two devices wrote in the same clock
    # tick: the value's text breaks the tie, so the choice is still the same everywhere.
    return (stamp[0], stamp[1], repr(value))


def merge_versions(
    columns: list[str], local: dict[str, Any], incoming: dict[str, Any], related: bool
) -> tuple[dict[str, Any], list[LostField]]:
    """The merged row (its id and natural key are the caller's business) and the fields whose
    concurrent values lost. `related`: two versions of one row (False: two rows merged on their
    natural key, created apart, so every differing field is concurrent)."""
    fields = fields_of(columns)
    newer, older = (incoming, local) if _version(incoming) > _version(local) else (local, incoming)
    descends = related and (incoming["base_hlc"] == local["hlc"] or local["base_hlc"] == incoming["hlc"])
    new_stamps, old_stamps = stamps(newer, fields), stamps(older, fields)
    merged = {name: newer[name] for name in columns if name not in fields}
    chosen: dict[str, Stamp] = {}
    lost: list[LostField] = []
    from_newer = True
    for name in fields:
        a, b = new_stamps[name], old_stamps[name]
        if _order(a, newer[name]) >= _order(b, older[name]):
            merged[name], chosen[name] = newer[name], a
            win, loser, value = a, b, older[name]
        else:
            merged[name], chosen[name] = older[name], b
            win, loser, value = b, a, newer[name]
            from_newer = False
        if value != merged[name] and not descends and win[1] != loser[1] and win[2] != loser[0]:
            lost.append(LostField(name, win, loser, value))
    if from_newer:
        return dict(newer), lost
    merged[COLUMN] = stored(chosen)
    return merged, lost
