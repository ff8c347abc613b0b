"""Amendments read from the database as core values, each inspection's in causal order
(inspector/core/causal_history.py): a correction made after seeing another applies after it,
whatever the laptops' clocks said."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from inspector.core.amendment import Amendment, AmendmentField
from inspector.core.causal_history import causal_order
from inspector.db.models import AmendmentRow


def amendment_from_row(row: Any) -> Amendment:
    """An amendments row (ORM object or Core row) as a core value."""
    return Amendment(
        id=row.id.hex,
        item_code=row.item_code,
        field=AmendmentField(row.field),
        old_value=row.old_value,
        new_value=row.new_value,
        reason=row.reason,
        amended_by=row.amended_by,
        amended_at=row.amended_at,
        follows=row.follows.hex if row.follows else None,
        stamp=row.stamp,
        device=row.device_id,
    )


def amendment_histories(
    session: Session, inspections: Select[Any] | list[uuid.UUID]
) -> dict[uuid.UUID, list[Amendment]]:
    """Inspection id → its amendments in causal order, for the inspections `inspections` selects
    (a query of ids, or the ids); inspections without amendments are left out."""
    table = AmendmentRow.__table__
    rows: dict[uuid.UUID, list[Amendment]] = {}
    for row in session.execute(select(table).where(table.c.inspection_id.in_(inspections))):
        rows.setdefault(row.inspection_id, []).append(amendment_from_row(row))
    return {inspection_id: causal_order(history) for inspection_id, history in rows.items()}
