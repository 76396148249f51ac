"""Consent in a shared registry (domein.md §10): uitnodiging, wijzigingsvoorstel, and the
audit log's tegenpartij_id (the other end of a verwijzing).

Existing memberships stay memberships: they were made by the network's coordinators before
consent existed, and taking them away would break the networks' erkenning. From now on a new
membership of an existing organisation needs its consent.

Revision ID: partners_eigendom
Revises: partners_import_voorbeeld
"""
import sqlalchemy as sa
from alembic import op

revision = "partners_eigendom"
down_revision = "partners_import_voorbeeld"
branch_labels = None
depends_on = None


def _gemeen():
    return [
        sa.Column("door_id", sa.Integer(), nullable=True),
        sa.Column("antwoord", sa.Text(), nullable=False),
        sa.Column("beantwoord_door_id", sa.Integer(), nullable=True),
        sa.Column("beantwoord_op", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _fk(tabel, kolom, doel, ondelete):
    return sa.ForeignKeyConstraint([kolom], [f"{doel}.id"],
                                   name=op.f(f"fk_{tabel}_{kolom}_{doel}"), ondelete=ondelete)


def upgrade():
    op.create_table(
        "uitnodiging",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("rol", sa.String(200), nullable=False),
        sa.Column("lid_sinds", sa.Date(), nullable=True),
        sa.Column("overeenkomst_getekend", sa.Boolean(), nullable=False),
        sa.Column("overeenkomst_datum", sa.Date(), nullable=True),
        sa.Column("boodschap", sa.Text(), nullable=False),
        *_gemeen(),
        _fk("uitnodiging", "netwerk_id", "netwerk", "CASCADE"),
        _fk("uitnodiging", "organisatie_id", "organisatie", "CASCADE"),
        _fk("uitnodiging", "door_id", "gebruiker", "SET NULL"),
        _fk("uitnodiging", "beantwoord_door_id", "gebruiker", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uitnodiging")),
    )
    op.create_table(
        "wijzigingsvoorstel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.Integer(), nullable=False),
        sa.Column("aanbod_id", sa.Integer(), nullable=True),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("velden", sa.JSON(), nullable=False),
        sa.Column("basis_version", sa.Integer(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        *_gemeen(),
        _fk("wijzigingsvoorstel", "organisatie_id", "organisatie", "CASCADE"),
        _fk("wijzigingsvoorstel", "aanbod_id", "aanbod", "CASCADE"),
        _fk("wijzigingsvoorstel", "netwerk_id", "netwerk", "CASCADE"),
        _fk("wijzigingsvoorstel", "door_id", "gebruiker", "SET NULL"),
        _fk("wijzigingsvoorstel", "beantwoord_door_id", "gebruiker", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wijzigingsvoorstel")),
    )
    for tabel, kolommen in (("uitnodiging", ("netwerk_id", "organisatie_id", "status")),
                            ("wijzigingsvoorstel", ("organisatie_id", "aanbod_id", "netwerk_id",
                                                    "status"))):
        with op.batch_alter_table(tabel) as batch_op:
            for kolom in kolommen:
                batch_op.create_index(batch_op.f(f"ix_{tabel}_{kolom}"), [kolom])
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("tegenpartij_id", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("tegenpartij_id")
    op.drop_table("wijzigingsvoorstel")
    op.drop_table("uitnodiging")
