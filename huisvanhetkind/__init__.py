"""huisvanhetkind: het netwerk- en partnerregister van een Huis van het Kind."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, request

from . import config

PACKAGE_DIR = Path(__file__).resolve().parent


def templates_dir() -> str:
    """The top-level templates/ of a checkout, else the copy installed inside the package."""
    checkout = PACKAGE_DIR.parent / "templates"
    return str(checkout if checkout.is_dir() else PACKAGE_DIR / "templates")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True, template_folder=templates_dir())
    app.config.from_object(config.Defaults)
    os.makedirs(app.instance_path, exist_ok=True)
    if test_config is None:
        config.ensure_secret_key(app.instance_path)
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    else:
        app.config.from_mapping(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = config.database_url(
        app.config.get("SQLALCHEMY_DATABASE_URI"), app.instance_path)

    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_request_hooks(app)
    register_template_helpers(app)
    return app


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (the whole schema, for Alembic)
    from .extensions import bootstrap, csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE_DIR / "migrations"),
                     compare_type=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    bootstrap.init_app(app)


def register_blueprints(app: Flask) -> None:
    from .main.converters import BoundedIntConverter

    # before any route is added: every <int:...> id fits the database's integer columns
    app.url_map.converters["int"] = BoundedIntConverter
    from .api import bp as api_bp
    from .audit import bp as audit_bp
    from .auth import bp as auth_bp
    from .erkenning import bp as erkenning_bp
    from .graaf import bp as graaf_bp
    from .main import bp as main_bp
    from .partners import bp as partners_bp
    from .referentie import bp as referentie_bp

    for bp in (main_bp, auth_bp, referentie_bp, partners_bp, erkenning_bp, graaf_bp, audit_bp):
        app.register_blueprint(bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")


def register_errorhandlers(app: Flask) -> None:
    from .main.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    from .cli import hvk

    app.cli.add_command(hvk)


def register_request_hooks(app: Flask) -> None:
    from .auth.session import install
    from .db import set_read_only
    from .main import sqlcount

    # First hook: GET/HEAD requests open read-only (deferred) transactions on SQLite.
    app.before_request(lambda: set_read_only(request.method in ("GET", "HEAD", "OPTIONS")))
    app.teardown_request(lambda exc: set_read_only(False))
    install(app)
    sqlcount.install(app)


def register_template_helpers(app: Flask) -> None:
    from .main.template_helpers import install

    install(app)
