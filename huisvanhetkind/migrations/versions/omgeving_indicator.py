"""Indicators of the omgevingsanalyse (domein.md §12): per municipality, year and code.

Revision ID: omgeving_indicator
Revises: bevraging
"""
import sqlalchemy as sa
from alembic import op

revision = "omgeving_indicator"
down_revision = "bevraging"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nis", sa.String(length=5), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("waarde", sa.Float(), nullable=False),
        sa.Column("bron", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sa.UniqueConstraint("nis", "jaar", "indicator",
                            name=op.f("uq_indicator_nis_jaar_indicator")),
    )
    with op.batch_alter_table("indicator") as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_nis"), ["nis"], unique=False)


def downgrade():
    with op.batch_alter_table("indicator") as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_nis"))
    op.drop_table("indicator")
