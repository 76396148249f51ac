"""The application factory: config, then the register_* steps (cookiecutter-flask's shape)."""
from __future__ import annotations

import importlib
import os
import sys

from flask import Flask, request

from . import config, templates_dir


def create_app(test_config: dict | None = None) -> Flask:
    from .main.routing import LazyBuildRule

    app = Flask(__package__, instance_relative_config=True, template_folder=templates_dir())
    app.url_rule_class = LazyBuildRule  # url_for builders compile on first use (main/routing.py)
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

    trust_proxies(app)
    register_extensions(app)
    refuse_demo_accounts_in_production(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_request_hooks(app)
    register_template_helpers(app)
    return app


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (the whole schema, for Alembic)
    from . import migratie
    from .extensions import bootstrap, csrf, db, limiter, login_manager, mail

    db.init_app(app)
    migratie.init_app(app)  # Flask-Migrate, loaded when a migration first runs
    login_manager.init_app(app)
    csrf.init_app(app)
    bootstrap.init_app(app)
    limiter.init_app(app)
    mail.init_app(app)


def trust_proxies(app: Flask) -> None:
    """Behind PROXY_HOPS reverse proxies the client's address, scheme and host come from their
    X-Forwarded-* headers (only that many hops are trusted: a client cannot forge its address).
    Without it every user behind one proxy would share the login limit of one address."""
    from .auth.throttle import AanmeldRem

    app.wsgi_app = AanmeldRem(app.wsgi_app)  # inside ProxyFix: it sees the client's address
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def refuse_demo_accounts_in_production(app: Flask) -> None:
    """gunicorn (the production server) does not start on a database whose demo accounts still
    have their published passwords (demo/toegang.py explains and lists the fix); `make serve`
    already refused in `hvk status` with the same message. gunicorn.conf.py preloads the app, so
    the master refuses before it forks a worker."""
    if not os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn") \
            or app.config.get("DEMO_TOEGESTAAN") or app.testing:
        return
    from sqlalchemy.exc import SQLAlchemyError

    from .demo.toegang import actieve_demo_accounts, weigering
    with app.app_context():
        try:
            demo = actieve_demo_accounts()
        except SQLAlchemyError:  # no schema yet (before `flask db upgrade`): nothing to protect
            return
    if demo:
        print(weigering(demo), file=sys.stderr, flush=True)
        raise SystemExit(3)  # the master exits with 3 (a worker loading it: "failed to boot")


def register_blueprints(app: Flask) -> None:
    from .main.converters import BegrensdRequest, BoundedIntConverter

    # before any route is added: every <int:...> id fits the database's integer columns, and so
    # does every `type=int` value of the query string or a form (main/converters.py)
    app.url_map.converters["int"] = BoundedIntConverter
    app.request_class = BegrensdRequest
    prefix = {"api": "/api/v1", "hsds": "/api/hsds"}
    for naam in ("main", "auth", "referentie", "partners", "erkenning", "graaf", "audit", "api",
                 "hsds", "meldingen", "gids", "zelfevaluatie",
                 "bevraging"):
        module = importlib.import_module(f"{__package__}.{naam}")
        for views in module.VIEWS:
            importlib.import_module(f"{module.__name__}.{views}")
        app.register_blueprint(module.bp, url_prefix=prefix.get(naam))


def register_errorhandlers(app: Flask) -> None:
    from .main.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    from .cli import hvk

    app.cli.add_command(hvk)


# POST endpoints that read first and switch to writing themselves (db.begin_write)
LEES_EERST = frozenset({"auth.login", "partners.import_upload", "partners.import_bevestig",
                        "partners.import_nieuw", "partners.import_nieuw_bevestig"})


def register_request_hooks(app: Flask) -> None:
    from .auth.session import install
    from .db import set_read_only
    from .main import commit, sqlcount
    from .main.converters import pagina_binnen_bereik

    # registered first, so it runs after every other after_request hook: the one commit point
    commit.install(app)
    # next, so its header counts the statements of every other hook too (the user a hook loads)
    sqlcount.install(app)
    # First hook: GET/HEAD requests open read-only (deferred) transactions on SQLite; so does a
    # login, which writes only after the password check (auth/views.py: begin_write)
    app.before_request(lambda: set_read_only(request.method in ("GET", "HEAD", "OPTIONS")
                                             or request.endpoint in LEES_EERST))
    app.teardown_request(lambda exc: set_read_only(False))
    app.before_request(pagina_binnen_bereik)  # ?page=/?per_page= that db.paginate reads itself
    install(app)


def register_template_helpers(app: Flask) -> None:
    from .main.template_helpers import install

    install(app)
