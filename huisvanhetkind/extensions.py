"""Every extension, created unbound; create_app() binds them (Flask-Migrate: migratie.py)."""
from flask_bootstrap import Bootstrap5
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mailman import Mail
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from . import ratelimit_geheugen  # noqa: F401  (registers the geheugen:// storage)
from .db import Base

db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
csrf = CSRFProtect()
bootstrap = Bootstrap5()
# Rate limits for anonymous and token traffic (public guide, API). The key is the client's address
# as ProxyFix (PROXY_HOPS) sees it; storage is RATELIMIT_STORAGE_URI (geheugen:// per worker by default,
# e.g. redis:// to share limits between hosts; geheugen:// is memory:// without its thread per
# request, ratelimit_geheugen.py).
limiter = Limiter(key_func=get_remote_address)
mail = Mail()  # SMTP through MAIL_*; only meldingen/outbox.py sends
