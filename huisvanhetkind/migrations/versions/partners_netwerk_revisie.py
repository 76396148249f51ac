"""netwerk.revisie: a token that changes with every committed change to a network's facts.

Revision ID: partners_netwerk_revisie
Revises: auth_aanmeldpoging
"""
import sqlalchemy as sa
from alembic import op

revision = "partners_netwerk_revisie"
down_revision = "auth_aanmeldpoging"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("netwerk") as batch_op:
        batch_op.add_column(sa.Column("revisie", sa.BigInteger(), nullable=False,
                                      server_default="0"))


def downgrade():
    with op.batch_alter_table("netwerk") as batch_op:
        batch_op.drop_column("revisie")
