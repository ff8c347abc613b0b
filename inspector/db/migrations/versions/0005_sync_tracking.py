"""sync tracking

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:10:00

Every syncable table gets the hybrid-logical-clock version (`hlc`), the version it was edited
from (`base_hlc`) and the local change sequence (`changed_seq`, indexed: exports select on it).
Existing rows get a clock derived from their `updated_at`, so edits made before the upgrade
still order by time. New tables: tombstones (synced), and the local-only sync_conflicts,
trusted_devices and sync_peers.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TRACKED = (
    "enterprises",
    "inspectors",
    "office_keys",
    "photos",
    "templates",
    "assignments",
    "inspections",
    "lights",
    "amendments",
    "answers",
    "hazards",
    "inspection_inspectors",
    "notices",
    "plaques",
    "signatures",
    "answer_photos",
    "hazard_events",
    "notice_hazards",
    "hazard_event_photos",
)


def _clock_from_updated_at() -> str:
    """SQL for `updated_at` in milliseconds shifted like an HLC value (see inspector/db/hlc.py)."""
    if op.get_bind().dialect.name == "sqlite":
        return "CAST((julianday(updated_at) - 2440587.5) * 86400000 AS INTEGER) * 65536"
    return "CAST(EXTRACT(EPOCH FROM updated_at) * 1000 AS BIGINT) * 65536"


def _tracked_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("base_hlc", sa.BigInteger(), nullable=False),
        sa.Column("changed_seq", sa.BigInteger(), nullable=False),
    ]


def upgrade() -> None:
    clock = _clock_from_updated_at()
    for table in TRACKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("hlc", sa.BigInteger(), nullable=False, server_default="0"))
            batch_op.add_column(sa.Column("base_hlc", sa.BigInteger(), nullable=False, server_default="0"))
            batch_op.add_column(sa.Column("changed_seq", sa.BigInteger(), nullable=False, server_default="0"))
        op.execute(f"UPDATE {table} SET hlc = {clock}, changed_seq = {clock}")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_changed_seq"), ["changed_seq"], unique=False)

    op.create_table(
        "tombstones",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("merged_into", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        *_tracked_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tombstones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tombstones_changed_seq"), ["changed_seq"], unique=False)

    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("kept_hlc", sa.BigInteger(), nullable=False),
        sa.Column("kept_device", sa.String(length=32), nullable=False),
        sa.Column("lost_hlc", sa.BigInteger(), nullable=False),
        sa.Column("lost_device", sa.String(length=32), nullable=False),
        sa.Column("lost_version", sa.JSON(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)

    op.create_table(
        "trusted_devices",
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(), nullable=True),
        sa.Column("last_bundle_created", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("device_id"),
    )
    op.create_table(
        "sync_peers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sent_seq", sa.BigInteger(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("received_seq", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("sync_peers")
    op.drop_table("trusted_devices")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_row_id"))
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("tombstones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tombstones_changed_seq"))
    op.drop_table("tombstones")
    for table in TRACKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_changed_seq"))
            batch_op.drop_column("changed_seq")
            batch_op.drop_column("base_hlc")
            batch_op.drop_column("hlc")
