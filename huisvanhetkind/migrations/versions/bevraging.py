"""The samenwerkingsbevraging (domein.md §12): meetmoment, deelname, bevraging_relatie.

Revision ID: bevraging
Revises: zelfevaluatie
"""
import sqlalchemy as sa
from alembic import op

revision = "bevraging"
down_revision = "zelfevaluatie"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "meetmoment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("netwerk_id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("geopend_op", sa.Date(), nullable=False),
        sa.Column("sluit_op", sa.Date(), nullable=False),
        sa.Column("gesloten_op", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["netwerk_id"], ["netwerk.id"],
                                name=op.f("fk_meetmoment_netwerk_id_netwerk"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetmoment")),
    )
    with op.batch_alter_table("meetmoment") as batch_op:
        batch_op.create_index(batch_op.f("ix_meetmoment_netwerk_id"), ["netwerk_id"], unique=False)
    op.create_table(
        "deelname",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meetmoment_id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.Integer(), nullable=False),
        sa.Column("bewaard_op", sa.DateTime(), nullable=True),
        sa.Column("afgerond_op", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meetmoment_id"], ["meetmoment.id"],
                                name=op.f("fk_deelname_meetmoment_id_meetmoment"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisatie_id"], ["organisatie.id"],
                                name=op.f("fk_deelname_organisatie_id_organisatie"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deelname")),
        sa.UniqueConstraint("meetmoment_id", "organisatie_id",
                            name=op.f("uq_deelname_meetmoment_id_organisatie_id")),
    )
    with op.batch_alter_table("deelname") as batch_op:
        batch_op.create_index(batch_op.f("ix_deelname_meetmoment_id"), ["meetmoment_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_deelname_organisatie_id"), ["organisatie_id"],
                              unique=False)
    op.create_table(
        "bevraging_relatie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deelname_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("intensiteit", sa.String(length=20), nullable=False),
        sa.Column("openheid", sa.SmallInteger(), nullable=True),
        sa.Column("betrouwbaarheid", sa.SmallInteger(), nullable=True),
        sa.Column("missie", sa.SmallInteger(), nullable=True),
        sa.Column("invloed", sa.SmallInteger(), nullable=True),
        sa.Column("middelen", sa.SmallInteger(), nullable=True),
        sa.Column("betrokkenheid", sa.SmallInteger(), nullable=True),
        sa.Column("bijdragen", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["deelname_id"], ["deelname.id"],
                                name=op.f("fk_bevraging_relatie_deelname_id_deelname"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["partner_id"], ["organisatie.id"],
                                name=op.f("fk_bevraging_relatie_partner_id_organisatie"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bevraging_relatie")),
        sa.UniqueConstraint("deelname_id", "partner_id",
                            name=op.f("uq_bevraging_relatie_deelname_id_partner_id")),
    )
    with op.batch_alter_table("bevraging_relatie") as batch_op:
        batch_op.create_index(batch_op.f("ix_bevraging_relatie_deelname_id"), ["deelname_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_bevraging_relatie_partner_id"), ["partner_id"],
                              unique=False)


def downgrade():
    op.drop_table("bevraging_relatie")
    op.drop_table("deelname")
    op.drop_table("meetmoment")
