"""grading round and office keys

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:51:09.142931

The annual grading round keeps the proposal a manager overrode and the written reason on the
plaque; coverage planning assigns enterprises to inspectors per year; offices' public Ed25519
keys travel to every laptop for offline plaque verification. Existing plaques get empty texts.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_keys",
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("office_name", sa.String(length=100), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("public_key"),
    )
    with op.batch_alter_table("office_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_office_keys_office_code"), ["office_code"], unique=False)

    op.create_table(
        "assignments",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("inspector_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("assigned_on", sa.Date(), nullable=False),
        sa.Column("assigned_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprises.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("enterprise_id", "year"),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_inspector_id"), ["inspector_id"], unique=False)
        batch_op.create_index("ix_assignments_year", ["year"], unique=False)

    with op.batch_alter_table("plaques", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proposed_grade", sa.String(length=1), nullable=True))
        batch_op.add_column(sa.Column("override_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("issued_by", sa.String(length=100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("plaques", schema=None) as batch_op:
        batch_op.drop_column("issued_by")
        batch_op.drop_column("override_reason")
        batch_op.drop_column("proposed_grade")

    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_year")
        batch_op.drop_index(batch_op.f("ix_assignments_inspector_id"))

    op.drop_table("assignments")
    with op.batch_alter_table("office_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_keys_office_code"))

    op.drop_table("office_keys")
