"""Zelfevaluatie kernprincipes (domein.md §12): dated evaluations and their scores per kernprincipe.

Revision ID: zelfevaluatie
Revises: auth_api_token
"""
import sqlalchemy as sa
from alembic import op

revision = "zelfevaluatie"
down_revision = "auth_api_token"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "zelfevaluatie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("door_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["netwerk_id"], ["netwerk.id"],
                                name=op.f("fk_zelfevaluatie_netwerk_id_netwerk"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["door_id"], ["gebruiker.id"],
                                name=op.f("fk_zelfevaluatie_door_id_gebruiker"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zelfevaluatie")),
        sa.UniqueConstraint("netwerk_id", "datum", name=op.f("uq_zelfevaluatie_netwerk_id_datum")),
    )
    with op.batch_alter_table("zelfevaluatie") as batch_op:
        batch_op.create_index(batch_op.f("ix_zelfevaluatie_netwerk_id"), ["netwerk_id"])
        batch_op.create_index(batch_op.f("ix_zelfevaluatie_door_id"), ["door_id"])
    op.create_table(
        "kernprincipe_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zelfevaluatie_id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("kernprincipe", sa.String(length=40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("opmerking", sa.Text(), nullable=False),
        sa.Column("actie_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 4",
                           name=op.f("ck_kernprincipe_score_score_1_tot_4")),
        sa.ForeignKeyConstraint(["zelfevaluatie_id"], ["zelfevaluatie.id"],
                                name=op.f("fk_kernprincipe_score_zelfevaluatie_id_zelfevaluatie"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["netwerk_id"], ["netwerk.id"],
                                name=op.f("fk_kernprincipe_score_netwerk_id_netwerk"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actie_id"], ["actie.id"],
                                name=op.f("fk_kernprincipe_score_actie_id_actie"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kernprincipe_score")),
        sa.UniqueConstraint("zelfevaluatie_id", "kernprincipe",
                            name=op.f("uq_kernprincipe_score_zelfevaluatie_id_kernprincipe")),
    )
    with op.batch_alter_table("kernprincipe_score") as batch_op:
        for kolom in ("zelfevaluatie_id", "netwerk_id", "actie_id"):
            batch_op.create_index(batch_op.f(f"ix_kernprincipe_score_{kolom}"), [kolom])


def downgrade():
    op.drop_table("kernprincipe_score")
    op.drop_table("zelfevaluatie")
