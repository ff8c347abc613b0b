"""Conflicts as records that travel (engine rule 2, issue 13).

A conflict names the version that lost: one field of a field-stamped record (rule 9), or a
whole row. Its id follows from that (`inspector.core.conflict_identity`), and every other column
from the two versions involved, so two copies that find the same conflict write the same
record. It syncs like any row, with its own order:

- a resolved record beats an unresolved one, whatever the clocks say (a conflict closed on one
  laptop stays closed when a copy that had not heard of the resolution finds it again);
- otherwise the later version wins, `(hlc, device)` as in rule 1 (a found conflict has the
  version of the kept side it was found against; a resolution is a new edit);
- then the content's text, so even records written apart in the same clock tick converge.

Conflict records never conflict themselves.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from inspector.core.conflict_identity import conflict_id
from inspector.db import hlc as clock

TABLE = "sync_conflicts"


def moment(stamp: int) -> datetime:
    """The wall-clock time inside a clock value: the same on every copy."""
    return datetime.fromtimestamp(clock.physical_ms(stamp) / 1000, UTC)


def found(
    table: str,
    row_id: uuid.UUID,
    field: str,
    kept: tuple[int, str],
    lost: tuple[int, str],
    lost_version: dict[str, Any],
) -> dict[str, Any]:
    """The record of a conflict just found: a pure function of what it is about."""
    at = moment(kept[0])
    return {
        "id": conflict_id(table, row_id, field, lost[0], lost[1]),
        "table_name": table,
        "row_id": row_id,
        "field": field,
        "kept_hlc": kept[0],
        "kept_device": kept[1][:32],
        "lost_hlc": lost[0],
        "lost_device": lost[1][:32],
        "lost_version": lost_version,
        "detected_at": at,
        "resolved_at": None,
        "resolved_by": "",
        "resolution": "",
        "created_at": at,
        "updated_at": at,
        "device_id": kept[1][:32],
        "hlc": kept[0],
        "base_hlc": 0,
    }


def order(row: dict[str, Any]) -> tuple[bool, int, str, str]:
    """Which of two versions of a conflict record wins (see the module doc)."""
    # Only what travels: a local column (changed_seq, synced_hlc) would make the stored copy and
    # the same version arriving differ, and two copies would hand it back and forth for ever.
    content = {k: v for k, v in row.items() if k not in ("changed_seq", "synced_hlc")}
    return (
        row["resolved_at"] is not None,
        row["hlc"],
        row["device_id"],
        json.dumps(content, sort_keys=True, default=str),
    )
