"""Configuration defaults; instance/config.py and the environment override them (see create_app)."""
from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path


class Defaults:
    # JSON stored as readable UTF-8 (ensure_ascii off) so that searches in the audit log find 'José'.
    # No pool_pre_ping: db._postgresql_checkout tests a PostgreSQL connection itself, after it
    # chose autocommit or a transaction (SQLite's file needs no test).
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": False,
                                 "json_serializer": lambda o: json.dumps(o, ensure_ascii=False)}
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    # Serve Bootstrap from the installed Bootstrap-Flask package: the app must work offline.
    BOOTSTRAP_SERVE_LOCAL = True
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024  # uploads (imports) are at most 5 MB
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=2)  # idle timeout
    SESSION_ABSOLUTE_LIFETIME = timedelta(hours=12)
    WTF_CSRF_TIME_LIMIT = None  # the session lifetime bounds the token already
    # reverse proxies in front of the app whose X-Forwarded-For/-Proto/-Host are trusted (0: the
    # app faces the clients itself); e.g. FLASK_PROXY_HOPS=1 behind one nginx
    PROXY_HOPS = 0
    # a production start refuses demo accounts with their published passwords unless this is on
    DEMO_TOEGESTAAN = False
    # compute a changed network's analyses again in the background after the commit (opwarmen.py)
    ANALYSE_NA_WIJZIGING = True
    # seconds a dossier PDF request waits for its render, then answers "wordt gemaakt" while the
    # render goes on (erkenning/pdf_cache.py; issue 16: no request over 5 s)
    DOSSIER_PDF_WACHTEN = 4.0
    # Flask-Limiter: per-worker memory by default; set e.g. redis://… to share limits between hosts
    RATELIMIT_STORAGE_URI = "geheugen://"  # memory:// without its thread per request
    RATELIMIT_HEADERS_ENABLED = True
    # Mail (Flask-Mailman, SMTP): FLASK_MAIL_SERVER, FLASK_MAIL_PORT, FLASK_MAIL_USE_TLS,
    # FLASK_MAIL_USERNAME, FLASK_MAIL_PASSWORD, FLASK_MAIL_DEFAULT_SENDER or instance/config.py.
    # Without MAIL_SERVER mail stays in the outbox (meldingen/outbox.py): `make run` works offline.
    MAIL_SERVER = ""
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_DEFAULT_SENDER = "Huis van het Kind register <register@localhost>"
    MAIL_BACKEND = "smtp"  # also under tests (Flask-Mailman's default there keeps mail in memory)
    MAIL_METEEN = True  # send right after the commit that queued a mail (meldingen/meteen.py)
    MAIL_TIMEOUT = 15  # seconds per SMTP operation: a hanging server must not block `herinneringen`
    # the address users reach the app at, for links in mails (sent by cron, outside a request)
    BASIS_URL = "http://localhost:5000"
    MELDING_OVERZICHT_UUR = 7  # the daily overview leaves from this hour (Brussels time)
    # the public guide (/gids/…): requests per client address for anonymous visitors, and how
    # long browsers and proxies may reuse a page without asking (then a 304 if unchanged)
    GIDS_RATELIMIT = "120 per minute"
    GIDS_MAX_AGE = 60
    # the API (HSDS and /api/v1): per client address without a token, per token with one
    API_LIMIET_ANONIEM = "120 per minute"
    API_LIMIET_TOKEN = "600 per minute"


def database_url(raw: str | None, instance_path: str) -> str:
    """DATABASE_URL, normalised for SQLAlchemy 2 + psycopg 3; SQLite in instance/ by default."""
    if not raw:
        return "sqlite:///" + str(Path(instance_path) / "huisvanhetkind.db")
    if raw.startswith("postgres://"):
        raw = "postgresql+psycopg://" + raw.removeprefix("postgres://")
    elif raw.startswith("postgresql://"):
        raw = "postgresql+psycopg://" + raw.removeprefix("postgresql://")
    return raw


def ensure_secret_key(instance_path: str) -> None:
    """Write a random SECRET_KEY to instance/config.py on first run: no secret in the repository."""
    if os.environ.get("FLASK_SECRET_KEY"):
        return
    path = Path(instance_path) / "config.py"
    if path.exists() and "SECRET_KEY" in path.read_text(encoding="utf-8"):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(f"# Generated on first run; keep it secret.\nSECRET_KEY = {secrets.token_hex(32)!r}\n")
    os.chmod(path, 0o600)
