"""Notifications (melding), each user's mail preference (meldingsvoorkeur) and the
transactional mail outbox (uitgaande_mail) of domein.md §11.

Revision ID: meldingen_outbox
Revises: berekening
"""
import sqlalchemy as sa
from alembic import op

revision = "meldingen_outbox"
down_revision = "berekening"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "melding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("gebeurtenis", sa.String(length=40), nullable=False),
        sa.Column("onderwerp", sa.String(length=80), nullable=False),
        sa.Column("periode", sa.String(length=40), nullable=False),
        sa.Column("titel", sa.String(length=300), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(), nullable=False),
        sa.Column("gelezen_op", sa.DateTime(), nullable=True),
        sa.Column("te_mailen", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruiker.id"],
                                name=op.f("fk_melding_gebruiker_id_gebruiker"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_melding")),
        sa.UniqueConstraint("gebeurtenis", "onderwerp", "periode", "gebruiker_id",
                            name="uq_melding_sleutel"),
    )
    with op.batch_alter_table("melding") as batch_op:
        batch_op.create_index(batch_op.f("ix_melding_gebruiker_id"), ["gebruiker_id"], unique=False)
        batch_op.create_index("ix_melding_overzicht", ["te_mailen", "gebruiker_id"], unique=False)
    op.create_table(
        "meldingsvoorkeur",
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("mail", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruiker.id"],
                                name=op.f("fk_meldingsvoorkeur_gebruiker_id_gebruiker"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("gebruiker_id", name=op.f("pk_meldingsvoorkeur")),
    )
    op.create_table(
        "uitgaande_mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sleutel", sa.String(length=200), nullable=False),
        sa.Column("aan", sa.String(length=254), nullable=False),
        sa.Column("onderwerp", sa.String(length=300), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("volgende_poging", sa.DateTime(), nullable=False),
        sa.Column("geclaimd_tot", sa.DateTime(), nullable=True),
        sa.Column("claim", sa.String(length=40), nullable=False),
        sa.Column("verzonden_op", sa.DateTime(), nullable=True),
        sa.Column("laatste_fout", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uitgaande_mail")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_uitgaande_mail_sleutel")),
    )
    with op.batch_alter_table("uitgaande_mail") as batch_op:
        batch_op.create_index("ix_uitgaande_mail_te_versturen", ["status", "volgende_poging"],
                              unique=False)


def downgrade():
    op.drop_table("uitgaande_mail")
    op.drop_table("meldingsvoorkeur")
    with op.batch_alter_table("melding") as batch_op:
        batch_op.drop_index("ix_melding_overzicht")
        batch_op.drop_index(batch_op.f("ix_melding_gebruiker_id"))
    op.drop_table("melding")
