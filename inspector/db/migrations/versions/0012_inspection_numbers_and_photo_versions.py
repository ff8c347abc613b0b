"""inspection numbers and photo versions

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 16:30:00

`inspections.number`: the number people read (JC-2026-3F9A-0001, inspector.core.inspection_number).
Existing inspections get the number derived from their own id and year, identical on every copy
(a deterministic rewrite: `hlc` is kept, docs/sync.md rule 6), so copies upgraded apart agree.

`photos.derived_from` and `photos.markup`: a marked-up photo is a new photo whose
`derived_from` names the original (never altered) and whose `markup` lists the shapes drawn on
it. Existing photos are originals: both stay empty.
"""

import sqlalchemy as sa
from alembic import op

from inspector.core.inspection_number import number_from_id

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

inspections = sa.table(
    "inspections",
    sa.column("id", sa.Uuid()),
    sa.column("inspection_date", sa.Date()),
    sa.column("number", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.String(length=40), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_inspections_number"), ["number"], unique=False)
    connection = op.get_bind()
    rows = connection.execute(sa.select(inspections.c.id, inspections.c.inspection_date)).all()
    if rows:
        connection.execute(
            inspections.update().where(inspections.c.id == sa.bindparam("row_id")),
            [{"row_id": row.id, "number": number_from_id(row.id, row.inspection_date.year)} for row in rows],
        )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("derived_from", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("markup", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_photos_derived_from"), ["derived_from"], unique=False)
        batch_op.create_foreign_key("fk_photos_derived_from", "photos", ["derived_from"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_constraint("fk_photos_derived_from", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_photos_derived_from"))
        batch_op.drop_column("markup")
        batch_op.drop_column("derived_from")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_number"))
        batch_op.drop_column("number")
