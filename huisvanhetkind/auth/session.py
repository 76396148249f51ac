"""Per-request login handling: user loading, login required by default, timeouts, headers."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from flask import (Flask, current_app, g, has_request_context, redirect, request, session,
                   url_for)
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user, logout_user
from itsdangerous import BadSignature
from sqlalchemy import bindparam, select

from ..audit import log as audit_log
from ..extensions import db, login_manager
from ..main.converters import begrensd_getal
from . import tokens
from .guard import PUBLIC_ENDPOINTS, enforce_decision, netwerk_ids, netwerk_ids_kolommen
from .models import Gebruiker


@lru_cache(maxsize=1)
def _gebruiker_met_netwerken():
    """The user with the networks their rights come from, in one statement (guard.actor_for).
    Built once: every signed-in request runs it, and building it (two correlated subqueries)
    and its cache key cost ~0.3 ms of each; a statement is immutable, so threads share it."""
    return select(Gebruiker, *netwerk_ids_kolommen()).where(
        Gebruiker.id == bindparam("gebruiker_id"))


@login_manager.user_loader
def load_user(user_id: str):
    # get_id() is "id:session_token": a rotated token ends every older session of that user
    raw_id, _, token = user_id.partition(":")
    gebruiker_id = begrensd_getal(raw_id)
    if gebruiker_id is None or not token:
        return None
    rij = db.session.execute(_gebruiker_met_netwerken(), {"gebruiker_id": gebruiker_id}
                             ).one_or_none()
    if rij is None:
        return None
    user, coordinator, lid = rij
    if not user.actief or user.session_token != token:
        return None
    user.netwerk_ids = netwerk_ids(coordinator, lid)
    return user


def _web_actor():
    if current_user and current_user.is_authenticated:
        if g.get("api_token"):  # the audit log tells a change through the API apart
            return current_user.id, f"{current_user.email} (API-token)"
        return current_user.id, current_user.email
    return None


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    """The one Content-Security-Policy; only the guide lets named websites frame it."""
    return ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            f"object-src 'none'; base-uri 'none'; frame-ancestors {frame_ancestors}; "
            "form-action 'self'")


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """The session cookie gets the Secure flag whenever the request came in over https, and an
    unchanged session is signed again at most once a minute.

    The idle timeout (PERMANENT_SESSION_LIFETIME) is the cookie's signed age: every response
    used to sign it again (serialise, HMAC, Set-Cookie: ~5 % of a page). Now a request renews it
    when it is older than VERNIEUWEN_NA, so the timeout counts from at most a minute before the
    last request. A changed session is always sent."""

    VERNIEUWEN_NA = timedelta(minutes=1)

    def get_cookie_secure(self, app) -> bool:
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)

    def open_session(self, app, request):
        # Flask's own, plus when the cookie was signed (itsdangerous gives it along)
        s = self.get_signing_serializer(app)
        if s is None:
            return None
        val = request.cookies.get(self.get_cookie_name(app))
        if not val:
            return self.session_class()
        try:
            data, getekend = s.loads(val, max_age=int(
                app.permanent_session_lifetime.total_seconds()), return_timestamp=True)
        except BadSignature:
            return self.session_class()
        sessie = self.session_class(data)
        sessie.getekend_op = getekend
        return sessie

    def should_set_cookie(self, app, session) -> bool:
        if not super().should_set_cookie(app, session):
            return False
        getekend = getattr(session, "getekend_op", None)
        return (session.modified or getekend is None
                or datetime.now(timezone.utc) - getekend >= self.VERNIEUWEN_NA)


def install(app: Flask) -> None:
    app.session_interface = HttpsAwareSessionInterface()
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Meld je aan om deze pagina te bekijken."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    audit_log.actor_provider = _web_actor
    tokens.install(app)  # first: a bearer token logs its user in for this request only

    @app.before_request
    def require_login():
        if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
            return None
        if g.get("api_token"):  # no session, so no session lifetime
            return None
        if current_user.is_authenticated:
            started = session.get("aangemeld_om", 0)
            limit = current_app.config["SESSION_ABSOLUTE_LIFETIME"].total_seconds()
            if time.time() - started <= limit:
                return None
            logout_user()
            session.clear()
        g.authz_decided = True  # refused: not logged in
        if request.blueprint == "api":
            return current_app.response_class(
                '{"fout": "Niet aangemeld."}', status=401, mimetype="application/json")
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))

    app.after_request(enforce_decision)

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        # a page that may be embedded (the public guide) sets its own policy; all others none
        beleid = response.headers.setdefault("Content-Security-Policy",
                                             content_security_policy())
        if "frame-ancestors 'none'" in beleid:
            response.headers.setdefault("X-Frame-Options", "DENY")
        if request.is_secure:  # behind a proxy: its X-Forwarded-Proto, with PROXY_HOPS (app.py)
            response.headers.setdefault("Strict-Transport-Security",
                                        "max-age=31536000; includeSubDomains")
        # a signed-in session's pages stay out of shared caches; read from the session cookie,
        # not current_user, which would load the user from the database on every response
        # (even /gezondheid and static files: issue 16)
        if "_user_id" in session:
            response.headers["Cache-Control"] = "no-store"
        return response
