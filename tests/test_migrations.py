"""The migrations are the only way the schema is made: an upgraded empty database equals the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from huisvanhetkind.extensions import db


def test_upgraded_database_matches_models(ctx):
    with db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(mc, db.metadata)
    assert diff == []


def test_every_model_table_exists(ctx):
    tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_env_py_protects_children_in_sqlite_batch_mode():
    from pathlib import Path
    env = (Path(__file__).resolve().parent.parent / "huisvanhetkind" / "migrations" / "env.py")
    text = env.read_text()
    assert "PRAGMA foreign_keys=OFF" in text and "render_as_batch" in text
