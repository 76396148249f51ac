"""Personal API tokens on the request side: `Authorization: Bearer <token>` on the API only.

The secret is 32 random bytes (256 bits) from `secrets`, and only its SHA-256 is stored. A slow,
salted password hash (what `passwords.py` does for passwords) protects low-entropy secrets that
people choose; a token's secret is chosen by the machine and cannot be guessed or found in a
dictionary, so one SHA-256 is already out of reach of brute force, needs no salt (no two secrets
are alike, a precomputed table is useless), and lets the token be found by an indexed equality
on its hash — at the cost of microseconds per request instead of the ~100 ms a password hash
costs on purpose (which on every API call would be a denial-of-service lever).

A token request carries no cookie: it is exempt from CSRF (a browser cannot add this header to a
cross-site request), while a session request to the API keeps its CSRF check. Every use of a
token, valid or not, leaves an audit entry, written in its own short transaction so that it
stays even when the request itself fails and is rolled back.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from flask import Flask, current_app, g, request, session
from sqlalchemy import insert, select, update

from ..audit.models import AuditEntry
from ..db import aparte_schrijftransactie, utcnow
from ..extensions import csrf, db
from .models import LEZEN, ApiToken, Gebruiker

PREFIX = "hvk_"
# the blueprints where a token counts: the JSON API and the HSDS API
API_BLUEPRINTS = ("api", "hsds")
VEILIG = ("GET", "HEAD", "OPTIONS")


def nieuw_geheim() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def hash_van(geheim: str) -> str:
    return hashlib.sha256(geheim.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TokenGebruik:
    """The token of this request: which one, whose, and what it may do."""
    id: int
    gebruiker_id: int
    scope: str


def bearer() -> str | None:
    """The bearer secret of this request, if it sends one."""
    soort, _, waarde = request.headers.get("Authorization", "").partition(" ")
    return waarde.strip() or None if soort.lower() == "bearer" else None


def is_api_verzoek() -> bool:
    return request.blueprint in API_BLUEPRINTS


def token_gebruik() -> TokenGebruik | None:
    return g.get("api_token")


def limiet_sleutel() -> str:
    """Flask-Limiter's key on the API: per token (by its hash), else per client address."""
    geheim = bearer()
    if geheim:
        return "token:" + hash_van(geheim)
    from flask_limiter.util import get_remote_address
    return "adres:" + get_remote_address()


def limiet() -> str:
    return current_app.config["API_LIMIET_TOKEN" if bearer() else "API_LIMIET_ANONIEM"]


def sessie_verzoek() -> bool:
    """A browser session without a token: not rate-limited (as every page of the app)."""
    return bearer() is None and "_user_id" in session


def _weigering(uitleg: str, status: int = 401):
    body = {"fout": "Niet aangemeld" if status == 401 else "Geen toegang", "uitleg": uitleg}
    headers = {"WWW-Authenticate": 'Bearer realm="huisvanhetkind", error="invalid_token"'} \
        if status == 401 else {"WWW-Authenticate": 'Bearer error="insufficient_scope"'}
    return current_app.response_class(
        current_app.json.dumps(body), status=status, mimetype="application/json",
        headers=headers)


def _controleer(geheim: str) -> tuple[TokenGebruik | None, str]:
    """Look the secret up and record its use, in one short transaction of its own. Runs before
    the request's session touched the database (no lock of ours to wait for)."""
    vandaag, nu = date.today(), utcnow()
    omschrijving = f"{request.method} {request.full_path.rstrip('?')}"[:500]
    with aparte_schrijftransactie(db.engine) as conn:
        rij = conn.execute(
            select(ApiToken.id, ApiToken.gebruiker_id, ApiToken.scope, ApiToken.verloopt_op,
                   ApiToken.ingetrokken_op, Gebruiker.email, Gebruiker.actief)
            .join(Gebruiker, Gebruiker.id == ApiToken.gebruiker_id)
            .where(ApiToken.geheim_hash == hash_van(geheim))).first()
        if rij is None:
            fout = "Onbekend API-token."
        elif rij.ingetrokken_op is not None:
            fout = "Dit API-token is ingetrokken."
        elif rij.verloopt_op is not None and vandaag > rij.verloopt_op:
            fout = "Dit API-token is verlopen."
        elif not rij.actief:
            fout = "De gebruiker van dit API-token is niet meer actief."
        else:
            fout = ""
        conn.execute(insert(AuditEntry.__table__).values(
            tijdstip=nu, gebruiker_id=rij.gebruiker_id if rij else None,
            gebruiker=rij.email if rij else "onbekend API-token",
            actie="api_token_geweigerd" if fout else "api_token_gebruikt", tabel="api_token",
            record_id=str(rij.id) if rij else None,
            omschrijving=f"{omschrijving}{' — ' + fout if fout else ''}"[:500]))
        if fout:
            return None, fout
        conn.execute(update(ApiToken.__table__).where(ApiToken.id == rij.id)
                     .values(laatst_gebruikt_op=nu))
    return TokenGebruik(rij.id, rij.gebruiker_id, rij.scope), ""


def install(app: Flask) -> None:
    """Before require_login (auth/session.py): a valid token makes its user the current user for
    this request only (no session is written)."""
    for naam in API_BLUEPRINTS:  # they check CSRF below, for session requests only
        csrf.exempt(app.blueprints[naam])

    @app.before_request
    def token_aanmelding():
        if not is_api_verzoek():
            return None
        geheim = bearer()
        if geheim is None:
            if request.method not in VEILIG and app.config.get("WTF_CSRF_ENABLED", True):
                csrf.protect()  # a session request keeps its CSRF check (the blueprint is exempt)
            return None
        gebruik, fout = _controleer(geheim)
        if gebruik is None:
            return _weigering(fout)
        if gebruik.scope == LEZEN and request.method not in VEILIG:
            return _weigering("Dit API-token mag alleen lezen (scope 'lezen').", 403)
        user = db.session.get(Gebruiker, gebruik.gebruiker_id)
        g.api_token = gebruik
        g._login_user = user  # Flask-Login's current user for this request; nothing in session
        return None
