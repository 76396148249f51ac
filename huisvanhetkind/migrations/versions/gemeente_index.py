"""The municipalities of aanbod and organisations as indexed rows (issue 16): filtering by
municipality becomes an index lookup instead of a LIKE scan over the CodeList text columns.

Revision ID: gemeente_index
Revises: omgeving_indicator
"""
import sqlalchemy as sa
from alembic import op

revision = "gemeente_index"
down_revision = "omgeving_indicator"
branch_labels = None
depends_on = None

TABELLEN = (("aanbod_gemeente", "aanbod_id", "aanbod"),
            ("organisatie_gemeente", "organisatie_id", "organisatie"))
CHUNK = 5000


def _codes(tekst):
    return sorted({c.strip() for c in (tekst or "").split(";") if c.strip()})


def upgrade():
    conn = op.get_bind()
    for naam, kolom, bron in TABELLEN:
        tabel = op.create_table(
            naam,
            sa.Column(kolom, sa.Integer(), nullable=False),
            sa.Column("nis", sa.String(length=5), nullable=False),
            sa.ForeignKeyConstraint([kolom], [f"{bron}.id"], ondelete="CASCADE",
                                    name=op.f(f"fk_{naam}_{kolom}_{bron}")),
            sa.PrimaryKeyConstraint(kolom, "nis", name=op.f(f"pk_{naam}")),
        )
        op.create_index(f"ix_{naam}_nis", naam, ["nis", kolom], unique=False)
        # back-fill from the CodeList column ';46021;46025;'
        rows = [{kolom: rid, "nis": nis}
                for rid, tekst in conn.execute(sa.text(f"SELECT id, gemeenten FROM {bron}"))
                for nis in _codes(tekst)]
        for i in range(0, len(rows), CHUNK):
            conn.execute(sa.insert(tabel), rows[i:i + CHUNK])


def downgrade():
    for naam, kolom, _ in reversed(TABELLEN):
        op.drop_index(f"ix_{naam}_nis", table_name=naam)
        op.drop_table(naam)
