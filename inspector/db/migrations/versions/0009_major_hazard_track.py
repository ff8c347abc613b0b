"""major hazard track

Revision ID: 0009
Revises: 0010
Create Date: 2026-12-02 16:00:00

Major hazards as practice handles them (domain.md §2, inspector/core/major_hazard.py): a hazard
recorded as major is a *suspected* one until the authority confirms or rejects it; referral,
supervision (挂牌督办), suspension of production and its restart review, and the treatment plan
are steps of its history.

- `hazard_events.detail` (JSON): what a step names (clause, authority, plan);
- `hazards.major_status`: the track's standing, mirrored from the history like the status.

Old data carried forward: a hazard stored as "major" becomes a suspected one. Its history stays
as it is, except that its `record` event now says it was recorded as major with the citation it
was recorded with (`{"major": "suspected", "citation": …}`), so that every copy replays the same
track from the same events. The mirrored fields are then derived from the replayed history by
the same code as every later step: a major hazard that was fixed on the spot is general by
definition and becomes general; the others are suspected. The same rewrite on every copy,
keeping `hlc` (docs/sync.md rule 6), so copies still agree.
"""

from collections import defaultdict
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from alembic import op

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.hazard_history import event_from_row, merged_state, mirrored
from inspector.core.major_hazard import CITATION, MAJOR_MARK, MajorStanding

revision = "0009"
down_revision = "0012"
branch_labels = None
depends_on = None

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
    sa.column("detail", sa.JSON()),
)
hazards = sa.table(
    "hazards",
    sa.column("id", sa.Uuid()),
    sa.column("initial_deadline", sa.Date()),
    sa.column("severity", sa.String()),
    sa.column("major_status", sa.String()),
    sa.column("major_clause", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("hazard_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("major_status", sa.String(length=20), nullable=False, server_default="none"))
    _carry_major_hazards(op.get_bind())


def _carry_major_hazards(connection: sa.Connection) -> None:
    majors = {
        row.id: row
        for row in connection.execute(
            sa.select(hazards.c.id, hazards.c.initial_deadline, hazards.c.major_clause).where(
                hazards.c.severity == "major"
            )
        )
    }
    if not majors:
        return
    histories: dict[Any, list[Any]] = defaultdict(list)
    ids = list(majors)
    for start in range(0, len(ids), 500):
        for row in connection.execute(sa.select(events).where(events.c.hazard_id.in_(ids[start : start + 500]))):
            histories[row.hazard_id].append(row)
    for hazard_id, hazard in majors.items():
        detail = {MAJOR_MARK: MajorStanding.SUSPECTED.value, CITATION: hazard.major_clause or ""}
        rows = histories.get(hazard_id, [])
        core_events = []
        for row in rows:
            event = event_from_row(row)
            if event.action.value == "record":
                connection.execute(sa.update(events).where(events.c.id == row.id).values(detail=detail))
                event = replace(event, detail=detail)
            core_events.append(event)
        if not core_events:
            connection.execute(sa.update(hazards).where(hazards.c.id == hazard_id).values(major_status="suspected"))
            continue
        mirror = mirrored(merged_state(hazard.initial_deadline, core_events), DEFAULT_TIMEZONE)
        connection.execute(
            sa.update(hazards)
            .where(hazards.c.id == hazard_id)
            .values(severity=mirror.severity.value, major_status=mirror.major_status.value)
        )


def downgrade() -> None:
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.drop_column("major_status")
    with op.batch_alter_table("hazard_events", schema=None) as batch_op:
        batch_op.drop_column("detail")
