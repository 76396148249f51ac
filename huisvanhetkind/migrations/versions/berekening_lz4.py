"""berekening_lz4: PostgreSQL compresses the kept analyses with lz4 instead of pglz.

A kept bundle is a pickle of up to 1.5 MB (the largest network). PostgreSQL compresses such a
value when it stores it; with its default (pglz) writing the largest bundle took 28 ms of the
server's time, with lz4 8 ms (4 ms against 9 ms for a network of 140 partners), for a value a
sixth larger; reading is as fast. Under the load test the bundle writes were the server's most
expensive statement. Only PostgreSQL 14 and later built with lz4 have it; elsewhere (SQLite,
which does not compress) nothing changes. Values already kept stay as they are.

Revision ID: berekening_lz4
Revises: gedeelde_feiten
"""
import sqlalchemy as sa
from alembic import op

revision = "berekening_lz4"
down_revision = "gedeelde_feiten"
branch_labels = None
depends_on = None


def _kan_lz4() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or (bind.dialect.server_version_info or ()) < (14,):
        return False
    # the setting lists lz4 among its values only when the server was built with it
    return bool(bind.execute(sa.text(
        "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' "
        "AND 'lz4' = ANY(enumvals)")).scalar())


def upgrade():
    if _kan_lz4():
        op.execute("ALTER TABLE berekening ALTER COLUMN gegevens SET COMPRESSION lz4")


def downgrade():
    if _kan_lz4():
        op.execute("ALTER TABLE berekening ALTER COLUMN gegevens SET COMPRESSION DEFAULT")
