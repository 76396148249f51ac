"""gedeelde_feiten: one token for the facts several networks share (other networks' names and
areas, verplicht_kg aanbod, zorgregio, indicators), so that a process can keep what it read of
them (facts.koppen) instead of reading them on every analysis page. No row is added: the first
commit touching those facts adds it with a random token (revisie.py).

Revision ID: gedeelde_feiten
Revises: aanbod_verplicht_kg_index
"""
import sqlalchemy as sa
from alembic import op

revision = "gedeelde_feiten"
down_revision = "aanbod_verplicht_kg_index"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "gedeelde_feiten",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revisie", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gedeelde_feiten")),
    )


def downgrade():
    op.drop_table("gedeelde_feiten")
