"""Personal API tokens (domein.md §13): only the SHA-256 of the secret is stored.

Revision ID: auth_api_token
Revises: gids_zoektekst
"""
import sqlalchemy as sa
from alembic import op

revision = "auth_api_token"
down_revision = "gids_zoektekst"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("begin", sa.String(length=12), nullable=False),
        sa.Column("geheim_hash", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("verloopt_op", sa.Date(), nullable=True),
        sa.Column("ingetrokken_op", sa.DateTime(), nullable=True),
        sa.Column("laatst_gebruikt_op", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruiker.id"],
                                name=op.f("fk_api_token_gebruiker_id_gebruiker"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("geheim_hash", name=op.f("uq_api_token_geheim_hash")),
    )
    with op.batch_alter_table("api_token") as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_gebruiker_id"), ["gebruiker_id"],
                              unique=False)


def downgrade():
    with op.batch_alter_table("api_token") as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_token_gebruiker_id"))
    op.drop_table("api_token")
