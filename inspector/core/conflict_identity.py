"""The id of a sync conflict, from what it is about: the same lost version of the same field
(or row), found independently on two copies, is one conflict with one id everywhere."""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6f1c2a3e-13a0-4c55-9d0e-5b1d1f0c0a13")


def conflict_id(table: str, row_id: uuid.UUID, field: str, lost_hlc: int, lost_device: str) -> uuid.UUID:
    """`field` is "" for a whole-row conflict; (lost_hlc, lost_device) name the version that lost."""
    return uuid.uuid5(NAMESPACE, f"{table}:{row_id.hex}:{field}:{lost_hlc}:{lost_device}")
