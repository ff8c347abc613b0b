"""synced versions

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 16:00:00

Every synced table gets `synced_hlc`, local bookkeeping that never travels: the version (`hlc`)
a row had when it last arrived from this copy's home central database. A push skips rows whose
version is still the one that arrived (`synced_hlc = hlc`): pulled rows are not local changes,
so they are never echoed back (docs/sync.md, "Central database"). Nullable and without a
default, so adding it rewrites no table (SQLite and PostgreSQL only change the schema); existing
rows get NULL, which a push treats as a local change (the safe side).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0007"
branch_labels = None
depends_on = None

TRACKED = (
    "enterprises",
    "inspectors",
    "office_keys",
    "photos",
    "templates",
    "tombstones",
    "assignments",
    "inspections",
    "lights",
    "trainings",
    "amendments",
    "answers",
    "hazards",
    "inspection_inspectors",
    "notices",
    "plaques",
    "signatures",
    "training_photos",
    "answer_photos",
    "hazard_events",
    "notice_hazards",
    "hazard_event_photos",
    "sync_conflicts",  # synced since migration 0007
)


def upgrade() -> None:
    for table in TRACKED:
        # Plain ADD COLUMN (not batch_alter_table): a nullable column without a default needs no
        # table rebuild on SQLite, which matters for a city database of millions of rows.
        op.add_column(table, sa.Column("synced_hlc", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    for table in TRACKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("synced_hlc")
