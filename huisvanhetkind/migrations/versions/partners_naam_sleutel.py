"""netwerk.naam_sleutel and organisatie.naam_sleutel: names compared by case, accents and spacing
alike on SQLite and PostgreSQL (normalise(naam)); filled for every existing row.

Revision ID: partners_naam_sleutel
Revises: erkenning_actie_gerealiseerd_op
"""
import sqlalchemy as sa
from alembic import op

from huisvanhetkind.domein.taxonomie import normalise

revision = "partners_naam_sleutel"
down_revision = "erkenning_actie_gerealiseerd_op"
branch_labels = None
depends_on = None

TABELLEN = ("netwerk", "organisatie")


def upgrade():
    bind = op.get_bind()
    for tabel in TABELLEN:
        with op.batch_alter_table(tabel) as batch_op:
            batch_op.add_column(sa.Column("naam_sleutel", sa.String(200), nullable=False,
                                          server_default=""))
            batch_op.create_index(f"ix_{tabel}_naam_sleutel", ["naam_sleutel"])
        t = sa.table(tabel, sa.column("id", sa.Integer), sa.column("naam", sa.String),
                     sa.column("naam_sleutel", sa.String))
        rijen = [{"i": i, "s": normalise(naam or "")}
                 for i, naam in bind.execute(sa.select(t.c.id, t.c.naam))]
        if rijen:
            bind.execute(t.update().where(t.c.id == sa.bindparam("i"))
                         .values(naam_sleutel=sa.bindparam("s")), rijen)


def downgrade():
    for tabel in TABELLEN:
        with op.batch_alter_table(tabel) as batch_op:
            batch_op.drop_index(f"ix_{tabel}_naam_sleutel")
            batch_op.drop_column("naam_sleutel")
