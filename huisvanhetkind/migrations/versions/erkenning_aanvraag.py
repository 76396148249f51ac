"""aanvraag: the erkenningsaanvraag as a process (domein.md §11): its state, its frozen versions
(facts, evaluation and PDF with their SHA-256) and the history of its transitions.

Revision ID: erkenning_aanvraag
Revises: meldingen_outbox
"""
import sqlalchemy as sa
from alembic import op

revision = "erkenning_aanvraag"
down_revision = "meldingen_outbox"
branch_labels = None
depends_on = None


def _fk(tabel, kolom, doel, ondelete):
    return sa.ForeignKeyConstraint([kolom], [f"{doel}.id"],
                                   name=op.f(f"fk_{tabel}_{kolom}_{doel}"), ondelete=ondelete)


def upgrade():
    op.create_table(
        "aanvraag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("toestand", sa.String(20), nullable=False),
        sa.Column("behandelaar_id", sa.Integer(), nullable=True),
        sa.Column("advies", sa.String(30), nullable=True),
        sa.Column("advies_motivatie", sa.Text(), nullable=False),
        sa.Column("advies_op", sa.Date(), nullable=True),
        sa.Column("beslissing", sa.String(20), nullable=True),
        sa.Column("beslist_op", sa.Date(), nullable=True),
        sa.Column("beslissing_motivatie", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _fk("aanvraag", "netwerk_id", "netwerk", "CASCADE"),
        _fk("aanvraag", "behandelaar_id", "gebruiker", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanvraag")),
        sa.UniqueConstraint("netwerk_id", name=op.f("uq_aanvraag_netwerk_id")),
    )
    with op.batch_alter_table("aanvraag") as batch_op:
        batch_op.create_index(batch_op.f("ix_aanvraag_behandelaar_id"), ["behandelaar_id"])
    op.create_table(
        "aanvraag_versie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aanvraag_id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("nummer", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("ingediend_door_id", sa.Integer(), nullable=True),
        sa.Column("ingediend_op", sa.DateTime(), nullable=False),
        sa.Column("gegevens", sa.Text(), nullable=False),
        sa.Column("gegevens_sha256", sa.String(64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        _fk("aanvraag_versie", "aanvraag_id", "aanvraag", "CASCADE"),
        _fk("aanvraag_versie", "netwerk_id", "netwerk", "CASCADE"),
        _fk("aanvraag_versie", "ingediend_door_id", "gebruiker", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanvraag_versie")),
        sa.UniqueConstraint("aanvraag_id", "nummer",
                            name=op.f("uq_aanvraag_versie_aanvraag_id_nummer")),
    )
    with op.batch_alter_table("aanvraag_versie") as batch_op:
        for kolom in ("aanvraag_id", "netwerk_id", "ingediend_door_id"):
            batch_op.create_index(batch_op.f(f"ix_aanvraag_versie_{kolom}"), [kolom])
    op.create_table(
        "aanvraag_stap",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aanvraag_id", sa.Integer(), nullable=False),
        sa.Column("stap", sa.String(20), nullable=False),
        sa.Column("van", sa.String(20), nullable=False),
        sa.Column("naar", sa.String(20), nullable=False),
        sa.Column("door_id", sa.Integer(), nullable=True),
        sa.Column("op", sa.DateTime(), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("versie_id", sa.Integer(), nullable=True),
        _fk("aanvraag_stap", "aanvraag_id", "aanvraag", "CASCADE"),
        _fk("aanvraag_stap", "door_id", "gebruiker", "SET NULL"),
        _fk("aanvraag_stap", "versie_id", "aanvraag_versie", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanvraag_stap")),
    )
    with op.batch_alter_table("aanvraag_stap") as batch_op:
        for kolom in ("aanvraag_id", "door_id"):
            batch_op.create_index(batch_op.f(f"ix_aanvraag_stap_{kolom}"), [kolom])


def downgrade():
    op.drop_table("aanvraag_stap")
    op.drop_table("aanvraag_versie")
    op.drop_table("aanvraag")
