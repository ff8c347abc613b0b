"""causal history

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 14:00:00

Hazard events and amendments are ordered by causality, never by wall clock
(inspector/core/causal_history.py): each entry gets `stamp`, the hybrid-logical-clock value of
its creation, and `follows`, the id of the entry its writer saw last.

Existing entries get `stamp = hlc` (append-only rows are never edited, so `hlc` is the clock of
their creation; 0005 derived it from `updated_at`) and no `follows`: they are ordered by their
stamps. Deliberately not from the old `seq`: that was the wall-clock sort this replaces (a
laptop whose clock ran ahead put its record after a later fix), so it differs between copies,
and values derived from each copy's own rows would make copies disagree forever. The stamps
are the same on every copy, and a later step always has the larger one (the clock moved past
everything a laptop imported).

Hazards whose `seq` order differs from that order are renumbered and get their mirrored status,
deadline and dates derived again from the replayed history (dates in the default time zone,
Asia/Shanghai: settings live outside the database).
"""

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.hazard_history import event_from_row, mirrored, ordered, replay_merged

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LINKED = ("hazard_events", "amendments")

events = sa.table(
    "hazard_events",
    sa.column("id", sa.Uuid()),
    sa.column("hazard_id", sa.Uuid()),
    sa.column("seq", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("from_status", sa.String()),
    sa.column("to_status", sa.String()),
    sa.column("at", sa.DateTime()),
    sa.column("by", sa.String()),
    sa.column("note", sa.Text()),
    sa.column("new_deadline", sa.Date()),
    sa.column("device_id", sa.String()),
    sa.column("stamp", sa.BigInteger()),
    sa.column("follows", sa.Uuid()),
)
hazards = sa.table(
    "hazards",
    sa.column("id", sa.Uuid()),
    sa.column("initial_deadline", sa.Date()),
    sa.column("status", sa.String()),
    sa.column("deadline", sa.Date()),
    sa.column("rectified_on", sa.Date()),
    sa.column("closed_on", sa.Date()),
)
links = sa.table("hazard_event_photos", sa.column("event_id", sa.Uuid()), sa.column("photo_id", sa.Uuid()))
photos = sa.table("photos", sa.column("id", sa.Uuid()), sa.column("sha256", sa.String()))


def upgrade() -> None:
    for table in LINKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("stamp", sa.BigInteger(), nullable=False, server_default="0"))
            batch_op.add_column(sa.Column("follows", sa.Uuid(), nullable=True))
        op.execute(f"UPDATE {table} SET stamp = hlc")
    _reorder_hazards(op.get_bind())


def _reorder_hazards(connection: sa.Connection) -> None:
    shas: dict[Any, list[str]] = defaultdict(list)
    for event_id, sha in connection.execute(
        sa.select(links.c.event_id, photos.c.sha256).join(photos, photos.c.id == links.c.photo_id)
    ):
        shas[event_id].append(sha)
    histories: dict[Any, list[Any]] = defaultdict(list)
    for row in connection.execute(sa.select(events)):
        histories[row.hazard_id].append(row)
    for hazard_id, rows in histories.items():
        seq = {row.id.hex: row.seq for row in rows}
        history = ordered([event_from_row(row, shas.get(row.id, ())) for row in rows])
        if [seq[event.id] for event in history] == sorted(seq.values()):
            continue
        ids = {row.id.hex: row.id for row in rows}
        for n, event in enumerate(history, start=1):  # two steps: numbers may cross on the way
            connection.execute(sa.update(events).where(events.c.id == ids[event.id]).values(seq=-n))
        for n, event in enumerate(history, start=1):
            connection.execute(sa.update(events).where(events.c.id == ids[event.id]).values(seq=n))
        initial = connection.scalar(sa.select(hazards.c.initial_deadline).where(hazards.c.id == hazard_id))
        mirror = mirrored(replay_merged(initial, history), DEFAULT_TIMEZONE)
        values: dict[str, Any] = {"status": mirror.status.value, "deadline": mirror.deadline}
        if mirror.rectified_on is not None:
            values["rectified_on"] = mirror.rectified_on
        if mirror.closed_on is not None:
            values["closed_on"] = mirror.closed_on
        connection.execute(sa.update(hazards).where(hazards.c.id == hazard_id).values(**values))


def downgrade() -> None:
    for table in LINKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("follows")
            batch_op.drop_column("stamp")
