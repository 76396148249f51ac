"""actie.gerealiseerd_op: the day an action was realised (domein.md §4, peildatum in the past).

Existing realised actions keep an unknown date (NULL): they count at every peildatum, and the
screens say "datum onbekend", rather than inventing a date.

Revision ID: erkenning_actie_gerealiseerd_op
Revises: partners_netwerk_revisie
"""
import sqlalchemy as sa
from alembic import op

revision = "erkenning_actie_gerealiseerd_op"
down_revision = "partners_netwerk_revisie"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("actie") as batch_op:
        batch_op.add_column(sa.Column("gerealiseerd_op", sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table("actie") as batch_op:
        batch_op.drop_column("gerealiseerd_op")
