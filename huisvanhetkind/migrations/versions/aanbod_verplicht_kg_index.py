"""An index on aanbod.verplicht_kg: every analysis reads the verplicht_kg aanbod of its area
(facts._verplicht_kg), about 1,000 of Flanders' 60,000 aanbod.

Revision ID: aanbod_verplicht_kg_index
Revises: partners_netwerk_feitenrevisie
"""
from alembic import op

revision = "aanbod_verplicht_kg_index"
down_revision = "partners_netwerk_feitenrevisie"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_aanbod_verplicht_kg", "aanbod", ["verplicht_kg"])


def downgrade():
    op.drop_index("ix_aanbod_verplicht_kg", table_name="aanbod")
