"""dossier_pdf: the dossier PDF per network state and peildatum, shared by every worker and host.

Revision ID: erkenning_dossier_pdf
Revises: partners_naam_sleutel
"""
import sqlalchemy as sa
from alembic import op

revision = "erkenning_dossier_pdf"
down_revision = "partners_naam_sleutel"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "dossier_pdf",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("sleutel", sa.String(64), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("gestart_op", sa.DateTime(), nullable=False),
        sa.Column("gemaakt_op", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["netwerk_id"], ["netwerk.id"],
                                name=op.f("fk_dossier_pdf_netwerk_id_netwerk"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_pdf")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_dossier_pdf_sleutel")),
    )
    with op.batch_alter_table("dossier_pdf") as batch_op:
        batch_op.create_index(batch_op.f("ix_dossier_pdf_netwerk_id"), ["netwerk_id"])


def downgrade():
    with op.batch_alter_table("dossier_pdf") as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_pdf_netwerk_id"))
    op.drop_table("dossier_pdf")
