"""The migrations are the only way the schema is made: an upgraded empty database equals the models."""
import pytest
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


def _counts() -> dict[str, int]:
    from sqlalchemy import text
    names = inspect(db.engine).get_table_names()
    with db.engine.connect() as conn:
        return {n: conn.execute(text(f'SELECT COUNT(*) FROM "{n}"')).scalar()
                for n in names if n != "alembic_version"}


def test_downgrade_and_upgrade_keep_rows(app, runner):
    """Every step down and back up on a database with rows: no row of a surviving table is lost
    (a batch migration on SQLite with foreign keys on would cascade-delete children)."""
    from alembic.script import ScriptDirectory
    from flask_migrate import downgrade, upgrade

    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    with app.app_context():
        before = _counts()
        assert before["aanbod"] > 100 and before["verwijzing"] > 100
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
        steps = [r.revision for r in script.walk_revisions()][:-1]  # all but the initial schema
        verdwenen = set()  # tables a step down drops (their rows go with them, by design)
        for _ in steps:
            downgrade(revision="-1")
            now = _counts()
            verdwenen |= set(before) - set(now)
            assert {t: n for t, n in before.items() if t in now} == now
        upgrade()
        db.engine.dispose()
        na = _counts()
        assert set(na) == set(before)
        assert {t: n for t, n in na.items() if t not in verdwenen} == {
            t: n for t, n in before.items() if t not in verdwenen}


def test_kept_analyses_are_compressed_with_lz4_on_postgresql(app):
    """PostgreSQL stores the pickled bundles with lz4 (migration berekening_lz4): pglz made
    writing the largest bundle 3.5x as costly for the server."""
    from sqlalchemy import text
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite does not compress values")
        with db.engine.connect() as conn:
            lz4 = conn.execute(text(
                "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' "
                "AND 'lz4' = ANY(enumvals)")).scalar()
            methode = conn.execute(text(
                "SELECT attcompression FROM pg_attribute WHERE attrelid = 'berekening'::regclass "
                "AND attname = 'gegevens'")).scalar()
    if not lz4:
        pytest.skip("this PostgreSQL was built without lz4")
    assert methode == "l"
