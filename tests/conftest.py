"""Fixtures: app (fresh migrated database per test), client, runner, users and a small network.

The suite runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set (make test
does both). The schema always comes from the migrations, upgraded once per session: SQLite tests
get a copy of that file, PostgreSQL tests get the same database with every table truncated.
"""
from __future__ import annotations

import os
import shutil

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from huisvanhetkind import create_app
from huisvanhetkind.extensions import db

PG_URL = os.environ.get("TEST_DATABASE_URL")

pytest_plugins = ["tests.fixtures"]


def test_config(url: str, **extra) -> dict:
    return {"TESTING": True, "SECRET_KEY": "test-geheim", "SQLALCHEMY_DATABASE_URI": url,
            "WTF_CSRF_ENABLED": False, "ANALYSE_NA_WIJZIGING": False,
            "MAIL_METEEN": False,
            # a real render on a busy test machine may take longer than production's 4 s
            "DOSSIER_PDF_WACHTEN": 120, **extra}


def pytest_configure(config):
    config.addinivalue_line("markers", "csrf: run this test with CSRF protection switched on")
    config.addinivalue_line("markers", "e2e: drives a real Chromium browser")


def pytest_collection_modifyitems(config, items):
    """HVK_E2E_LAATST=1 runs the browser tests last (scripts/test.sh: while one engine's suite
    drives Chromium, the other's runs without it, so two browsers never compete for 2 cores)."""
    if os.environ.get("HVK_E2E_LAATST") == "1":
        items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)  # stable


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> str:
    """URL of a database upgraded once from empty by the migrations."""
    if PG_URL:
        app = create_app(test_config(PG_URL))
        with app.app_context():
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            upgrade()
            db.engine.dispose()
        return PG_URL
    path = tmp_path_factory.mktemp("schema") / "template.db"
    app = create_app(test_config(f"sqlite:///{path}"))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return str(path)


def _truncate_all() -> None:
    names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def database_url(migrated_database, tmp_path) -> str:
    if PG_URL:
        return PG_URL
    target = tmp_path / "test.db"
    shutil.copyfile(migrated_database, target)
    return f"sqlite:///{target}"


@pytest.fixture
def app(request, database_url):
    extra = {"WTF_CSRF_ENABLED": True} if request.node.get_closest_marker("csrf") else {}
    app = create_app(test_config(database_url, **extra))
    with app.app_context():
        if PG_URL:
            _truncate_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _geen_onthouden_aanmeldweigeringen():
    """The login throttle remembers refused addresses per process: not across tests."""
    from huisvanhetkind.auth import throttle
    throttle._geweigerd.clear()


@pytest.fixture
def ctx(app):
    """An application context for tests that work with the database directly."""
    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def smtp(app):
    """A real SMTP server on loopback (aiosmtpd), the app's mail pointed at it."""
    from tests.smtp_helpers import SmtpServer, gebruik_server
    server = SmtpServer().start()
    gebruik_server(app, server.poort)
    yield server
    server.stop()
