"""notices and notice hazards

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:15:58.343121

Two new tables only: rectification notices and the hazards each groups. The per-device notice
sequence and prefix live in the existing `meta` table, so no other table changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("order_type", sa.String(length=20), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("recheck_on", sa.Date(), nullable=True),
        sa.Column("issuing_body", sa.String(length=100), nullable=False),
        sa.Column("inspectors", sa.JSON(), nullable=False),
        sa.Column("received_by", sa.String(length=50), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprises.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notices_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notices_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "notice_hazards",
        sa.Column("notice_id", sa.Uuid(), nullable=False),
        sa.Column("hazard_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["hazard_id"],
            ["hazards.id"],
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("notice_id", "hazard_id"),
    )
    with op.batch_alter_table("notice_hazards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_hazards_hazard_id"), ["hazard_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_hazards_notice_id"), ["notice_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notice_hazards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_hazards_notice_id"))
        batch_op.drop_index(batch_op.f("ix_notice_hazards_hazard_id"))

    op.drop_table("notice_hazards")
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notices_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_notices_enterprise_id"))

    op.drop_table("notices")
