"""field versions and shared conflicts

Revision ID: 0007
Revises: 0012
Create Date: 2026-12-02 16:00:00

Records people edit field by field (enterprises, inspectors, assignments) get `field_versions`
(inspector/db/field_versions.py): NULL for every existing row, meaning "every field as of the
row's version", which is exactly what the row was until now.

`sync_conflicts` becomes a synced record (inspector/sync/conflict_records.py): it gets the
tracked columns and `field` ("" = the whole row, as every existing conflict is), and each
existing conflict gets the id that follows from its content (the same conflict recorded twice
on this copy becomes one, a resolved record winning). Its version is the kept version it was
found against (`hlc = kept_hlc`), and `changed_seq` is now, so the next sync sends it.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from inspector.core.conflict_identity import conflict_id
from inspector.db.hlc import next_hlc

revision = "0007"
down_revision = "0009"
branch_labels = None
depends_on = None

STAMPED = ("enterprises", "inspectors", "assignments")

conflicts = sa.table(
    "sync_conflicts",
    sa.column("id", sa.Uuid()),
    sa.column("table_name", sa.String()),
    sa.column("row_id", sa.Uuid()),
    sa.column("kept_hlc", sa.BigInteger()),
    sa.column("kept_device", sa.String()),
    sa.column("lost_hlc", sa.BigInteger()),
    sa.column("lost_device", sa.String()),
    sa.column("detected_at", sa.DateTime()),
    sa.column("resolved_at", sa.DateTime()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
    sa.column("device_id", sa.String()),
    sa.column("hlc", sa.BigInteger()),
    sa.column("changed_seq", sa.BigInteger()),
)


def upgrade() -> None:
    for table in STAMPED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("field_versions", sa.JSON(), nullable=True))
    epoch = datetime(1970, 1, 1)
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("field", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(), nullable=False, server_default=str(epoch)))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=str(epoch)))
        batch_op.add_column(sa.Column("device_id", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hlc", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("base_hlc", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("changed_seq", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.create_index(batch_op.f("ix_sync_conflicts_changed_seq"), ["changed_seq"], unique=False)
    _identify(op.get_bind())


def _identify(connection: sa.Connection) -> None:
    """Content ids, one record per conflict, versions and change sequence (see the module doc)."""
    rows = [r._asdict() for r in connection.execute(sa.select(conflicts))]
    seq = next_hlc()
    kept: dict[uuid.UUID, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (r["resolved_at"] is None, r["id"].int)):
        new_id = conflict_id(row["table_name"], row["row_id"], "", row["lost_hlc"], row["lost_device"])
        if new_id in kept:
            connection.execute(sa.delete(conflicts).where(conflicts.c.id == row["id"]))
            continue
        kept[new_id] = row
        stamp = row["detected_at"] or datetime.now(UTC).replace(tzinfo=None)
        connection.execute(
            sa.update(conflicts)
            .where(conflicts.c.id == row["id"])
            .values(
                id=new_id,
                created_at=stamp,
                updated_at=row["resolved_at"] or stamp,
                device_id=row["kept_device"][:32],
                hlc=row["kept_hlc"],
                changed_seq=seq,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_changed_seq"))
        for column in ("changed_seq", "base_hlc", "hlc", "device_id", "updated_at", "created_at", "field"):
            batch_op.drop_column(column)
    for table in STAMPED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("field_versions")
