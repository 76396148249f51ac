"""berekening: analyses (own facts per revisie, bundles per peildatum) shared by every worker/host.

Revision ID: berekening
Revises: partners_eigendom
"""
import sqlalchemy as sa
from alembic import op

revision = "berekening"
down_revision = "partners_eigendom"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "berekening",
        sa.Column("sleutel", sa.String(64), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("gegevens", sa.LargeBinary(), nullable=True),
        sa.Column("gestart_op", sa.DateTime(), nullable=False),
        sa.Column("gemaakt_op", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["netwerk_id"], ["netwerk.id"],
                                name=op.f("fk_berekening_netwerk_id_netwerk"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sleutel", name=op.f("pk_berekening")),
    )
    with op.batch_alter_table("berekening") as batch_op:
        batch_op.create_index(batch_op.f("ix_berekening_netwerk_id"), ["netwerk_id"])


def downgrade():
    with op.batch_alter_table("berekening") as batch_op:
        batch_op.drop_index(batch_op.f("ix_berekening_netwerk_id"))
    op.drop_table("berekening")
