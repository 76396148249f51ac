"""Failed login attempts, for throttling across workers.

Revision ID: auth_aanmeldpoging
Revises: 3fd3ab16fdf7
"""
import sqlalchemy as sa
from alembic import op

revision = "auth_aanmeldpoging"
down_revision = "3fd3ab16fdf7"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "aanmeldpoging",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sleutel", sa.String(length=64), nullable=False),
        sa.Column("tijdstip", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanmeldpoging")),
    )
    with op.batch_alter_table("aanmeldpoging") as batch_op:
        batch_op.create_index(batch_op.f("ix_aanmeldpoging_sleutel"), ["sleutel"], unique=False)
        batch_op.create_index(batch_op.f("ix_aanmeldpoging_tijdstip"), ["tijdstip"], unique=False)


def downgrade():
    with op.batch_alter_table("aanmeldpoging") as batch_op:
        batch_op.drop_index(batch_op.f("ix_aanmeldpoging_tijdstip"))
        batch_op.drop_index(batch_op.f("ix_aanmeldpoging_sleutel"))
    op.drop_table("aanmeldpoging")
