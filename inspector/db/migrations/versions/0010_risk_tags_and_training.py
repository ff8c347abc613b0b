"""risk tags and training

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-02 15:50:00

Enterprises carry risk tags (codes of forms/risk-tags.toml, a JSON list), a headcount and the
above-scale flag (规上); existing enterprises get no tags and both unknown, which every copy
derives alike, so the rows keep their versions and need not travel again.

`trainings` records 开工第一课 and team-leader training (one per enterprise, kind and day: the
natural key sync merges on), `training_photos` their photos; both are synced (Tracked).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


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
    # Plain ADD COLUMN (no batch copy of the table): SQLite and PostgreSQL both add a column with
    # a constant default in place, whatever the size of the register.
    op.add_column("enterprises", sa.Column("risk_tags", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
    op.add_column("enterprises", sa.Column("headcount", sa.Integer(), nullable=True))
    op.add_column("enterprises", sa.Column("above_scale", sa.Boolean(), nullable=True))

    op.create_table(
        "trainings",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_tracked_columns(),
        sa.ForeignKeyConstraint(["enterprise_id"], ["enterprises.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("enterprise_id", "kind", "held_on"),
    )
    op.create_index(op.f("ix_trainings_changed_seq"), "trainings", ["changed_seq"], unique=False)
    op.create_index(
        "ix_trainings_kind_held_on", "trainings", ["kind", "held_on", "enterprise_id", "headcount"], unique=False
    )

    op.create_table(
        "training_photos",
        sa.Column("training_id", sa.Uuid(), nullable=False),
        sa.Column("photo_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tracked_columns(),
        sa.ForeignKeyConstraint(["photo_id"], ["photos.id"]),
        sa.ForeignKeyConstraint(["training_id"], ["trainings.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("training_id", "photo_id"),
    )
    op.create_index(op.f("ix_training_photos_changed_seq"), "training_photos", ["changed_seq"], unique=False)
    op.create_index(op.f("ix_training_photos_training_id"), "training_photos", ["training_id"], unique=False)


def downgrade() -> None:
    op.drop_table("training_photos")
    op.drop_table("trainings")
    with op.batch_alter_table("enterprises", schema=None) as batch_op:
        batch_op.drop_column("above_scale")
        batch_op.drop_column("headcount")
        batch_op.drop_column("risk_tags")
