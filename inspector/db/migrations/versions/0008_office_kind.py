"""office kind

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02 15:30:00

Who may order what (domain.md §2): the issuing office is a union or an authority.

- `office_keys.office_kind`: union | authority. Keys stored before are the unions' (the scheme is
  run by trade unions, and only they used Inspector), so they become "union".
- `inspectors.permit_no`: the inspector's 监督证 number, printed on a union's letter.
- `notices`: the 签发人 (`signed_by`), the inspectors' 监督证 numbers as they were when the letter
  was issued (`permits`, in the order of `inspectors`), the day the enterprise's written reply
  arrived (`replied_on`, `reply_note`), and for a 建议书 to the authority the number of the
  letter it refers (`refers_to`), the authority (`addressee`) and why (`reason`).

Existing notices keep their kind (整改通知书 or 监督意见书): one number is one document, and
the paper handed over is not renamed. All columns have defaults, so old rows carry forward
unchanged; every table here is synced and the new columns travel with their rows.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("office_kind", sa.String(length=20), nullable=False, server_default="union"))
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("permit_no", sa.String(length=30), nullable=False, server_default=""))
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signed_by", sa.String(length=50), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("permits", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("replied_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("reply_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("refers_to", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("addressee", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("reason", sa.String(length=20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        for column in ("reason", "addressee", "refers_to", "reply_note", "replied_on", "permits", "signed_by"):
            batch_op.drop_column(column)
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.drop_column("permit_no")
    with op.batch_alter_table("office_keys", schema=None) as batch_op:
        batch_op.drop_column("office_kind")
