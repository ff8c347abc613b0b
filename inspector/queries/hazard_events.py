"""Hazard histories read from the database as core events, in causal order
(inspector/core/hazard_history.py): for the hazard service, and for sync after a merge."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.hazard_history import event_from_row, ordered
from inspector.core.hazard_lifecycle import HazardEvent
from inspector.db.models import HazardEventPhotoRow, HazardEventRow, PhotoRow

CHUNK = 500


@dataclass(frozen=True)
class History:
    events: list[HazardEvent]  # in causal order
    seq: dict[str, int]  # event id → its stored position (`seq`), which sync keeps in that order


def load_histories(session: Session, hazard_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, History]:
    """Hazard id → its history (hazards without events are left out)."""
    wanted = sorted(set(hazard_ids), key=lambda i: i.int)
    events = HazardEventRow.__table__
    links = HazardEventPhotoRow.__table__
    photos = PhotoRow.__table__
    rows: dict[uuid.UUID, list[Any]] = {}
    shas: dict[uuid.UUID, list[str]] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        for row in session.execute(select(events).where(events.c.hazard_id.in_(part))):
            rows.setdefault(row.hazard_id, []).append(row)
        for event_id, sha in session.execute(
            select(links.c.event_id, photos.c.sha256)
            .join(photos, photos.c.id == links.c.photo_id)
            .join(events, events.c.id == links.c.event_id)
            .where(events.c.hazard_id.in_(part))
            .order_by(links.c.event_id, links.c.position)
        ):
            shas.setdefault(event_id, []).append(sha)
    return {
        hazard_id: History(
            ordered([event_from_row(r, shas.get(r.id, ())) for r in history]), {r.id.hex: r.seq for r in history}
        )
        for hazard_id, history in rows.items()
    }
