"""Signed links that work without logging in (itsdangerous), each for one purpose (its salt).

Single use without a table: the token carries a fingerprint of the state it acts on (the password
hash, the aanbod's 'laatst nagekeken op'); once used, that state changed and the token no longer
matches. Expiry is the signature's max_age.
"""
from __future__ import annotations

import hashlib
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

WACHTWOORD_HERSTEL = ("wachtwoord-herstel", timedelta(hours=1))
NOG_ACTUEEL = ("aanbod-nog-actueel", timedelta(days=45))


def vingerafdruk(waarde: object) -> str:
    return hashlib.sha256(str(waarde).encode()).hexdigest()[:16]


def _serializer(doel: tuple[str, timedelta]) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=doel[0])


def maak(doel: tuple[str, timedelta], object_id: int, staat: object) -> str:
    return _serializer(doel).dumps([object_id, vingerafdruk(staat)])


def lees(doel: tuple[str, timedelta], token: str) -> tuple[int, str] | None:
    """(object id, fingerprint) of a valid, unexpired token; None otherwise."""
    try:
        object_id, afdruk = _serializer(doel).loads(
            token, max_age=int(doel[1].total_seconds()))
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(object_id, int) or not isinstance(afdruk, str):
        return None
    return object_id, afdruk
