"""netwerk.feitenrevisie: a token that changes only with the facts the analysis reads.

`revisie` keeps changing with every change to a network (dossier, guide, HSDS); the analysis
bundles are keyed on `feitenrevisie`, so a contact person or a review remark no longer makes
every worker compute the network's analysis again. Existing rows start with their revisie.

Revision ID: partners_netwerk_feitenrevisie
Revises: gemeente_index
"""
import sqlalchemy as sa
from alembic import op

revision = "partners_netwerk_feitenrevisie"
down_revision = "gemeente_index"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("netwerk") as batch_op:
        batch_op.add_column(sa.Column("feitenrevisie", sa.BigInteger(), nullable=False,
                                      server_default="0"))
    op.execute("UPDATE netwerk SET feitenrevisie = revisie")


def downgrade():
    with op.batch_alter_table("netwerk") as batch_op:
        batch_op.drop_column("feitenrevisie")
