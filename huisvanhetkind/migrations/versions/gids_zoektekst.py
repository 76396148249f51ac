"""The public guide and searching as people expect: aanbod.zoektekst (normalise(naam + beschrijving),
filled for every existing row) and netwerk.gids_origins (who may embed the guide in a frame).

Revision ID: gids_zoektekst
Revises: erkenning_aanvraag
"""
import sqlalchemy as sa
from alembic import op

from huisvanhetkind.domein.taxonomie import zoektekst

revision = "gids_zoektekst"
down_revision = "erkenning_aanvraag"
branch_labels = None
depends_on = None

PER_KEER = 2000


def upgrade():
    with op.batch_alter_table("aanbod") as batch_op:
        batch_op.add_column(sa.Column("zoektekst", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("netwerk") as batch_op:
        batch_op.add_column(sa.Column("gids_origins", sa.Text(), nullable=False,
                                      server_default=""))
    bind = op.get_bind()
    t = sa.table("aanbod", sa.column("id", sa.Integer), sa.column("naam", sa.String),
                 sa.column("beschrijving", sa.Text), sa.column("zoektekst", sa.Text))
    rijen = [{"i": i, "z": zoektekst(naam, beschrijving)}
             for i, naam, beschrijving in bind.execute(sa.select(t.c.id, t.c.naam,
                                                                 t.c.beschrijving))]
    for begin in range(0, len(rijen), PER_KEER):
        bind.execute(t.update().where(t.c.id == sa.bindparam("i"))
                     .values(zoektekst=sa.bindparam("z")), rijen[begin:begin + PER_KEER])


def downgrade():
    with op.batch_alter_table("netwerk") as batch_op:
        batch_op.drop_column("gids_origins")
    with op.batch_alter_table("aanbod") as batch_op:
        batch_op.drop_column("zoektekst")
