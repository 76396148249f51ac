"""import_voorbeeld: uploaded import files waiting for confirmation, shared by every worker and
host (they were files under instance/imports).

Revision ID: partners_import_voorbeeld
Revises: erkenning_dossier_pdf
"""
import sqlalchemy as sa
from alembic import op

revision = "partners_import_voorbeeld"
down_revision = "erkenning_dossier_pdf"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "import_voorbeeld",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=True),
        sa.Column("bestandsnaam", sa.String(200), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("grootte", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruiker.id"],
                                name=op.f("fk_import_voorbeeld_gebruiker_id_gebruiker"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["netwerk_id"], ["netwerk.id"],
                                name=op.f("fk_import_voorbeeld_netwerk_id_netwerk"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_voorbeeld")),
        sa.UniqueConstraint("token", name=op.f("uq_import_voorbeeld_token")),
    )
    with op.batch_alter_table("import_voorbeeld") as batch_op:
        batch_op.create_index(batch_op.f("ix_import_voorbeeld_gebruiker_id"), ["gebruiker_id"])
        batch_op.create_index(batch_op.f("ix_import_voorbeeld_netwerk_id"), ["netwerk_id"])
        batch_op.create_index(batch_op.f("ix_import_voorbeeld_aangemaakt_op"), ["aangemaakt_op"])


def downgrade():
    with op.batch_alter_table("import_voorbeeld") as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_voorbeeld_aangemaakt_op"))
        batch_op.drop_index(batch_op.f("ix_import_voorbeeld_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_import_voorbeeld_gebruiker_id"))
    op.drop_table("import_voorbeeld")
