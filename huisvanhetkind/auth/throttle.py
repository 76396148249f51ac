"""Login throttling that an attacker cannot turn into a lockout of the real user (issue 12).

- Per account: after 5 failed attempts within 15 minutes every next attempt must wait, 1 s after
  the 5th, doubling per failure up to 30 s. An attacker guesses at most twice a minute per
  account; the real user waits at most 30 s, never an hour.
- Per client address: at most 50 failed attempts in 10 minutes, whatever the accounts: a
  spray over many accounts from one address stops there. Behind a reverse proxy the address is
  the client's only with PROXY_HOPS set (app.py applies ProxyFix with that many hops).
- A refused attempt is answered without checking the password (checking would let the attacker
  learn it during the wait), and costs no argon2 work.

Failures are rows in the database (aanmeldpoging), so the limits hold across every gunicorn
worker and every host. Only the failures are written; the checks are reads.
"""
from __future__ import annotations

import hashlib
import math
import time
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from ..db import utcnow
from ..domein.tekst import aantal
from ..extensions import db
from .models import Aanmeldpoging

ACCOUNT_VENSTER = timedelta(minutes=15)
ACCOUNT_VRIJ = 5  # failures before the delays begin
MAX_WACHT = 30  # seconds: the longest any real user waits
ADRES_VENSTER = timedelta(minutes=10)
ADRES_MAX = 50
BEWAARD = timedelta(days=1)

TE_VEEL_ADRES = ("Te veel mislukte aanmeldpogingen vanaf dit netwerkadres. Wacht enkele minuten "
                 "en probeer het dan opnieuw.")


def te_veel_account(seconden: int) -> str:
    return (f"Te veel mislukte aanmeldpogingen voor dit e-mailadres. Wacht "
            f"{aantal(seconden, 'seconde', 'seconden')} en probeer het dan opnieuw.")


def _sleutel(soort: str, waarde: str) -> str:
    return hashlib.sha256(f"{soort}|{waarde}".encode()).hexdigest()


def account_sleutel(email: str) -> str:
    return _sleutel("account", email.strip().lower())


def adres_sleutel(ip: str | None) -> str:
    return _sleutel("adres", ip or "-")


def _wacht(mislukt: int, laatste: datetime | None, nu: datetime) -> int:
    """Seconds still to wait after `mislukt` failures in the window, the last at `laatste`."""
    if mislukt < ACCOUNT_VRIJ or laatste is None:
        return 0
    vertraging = min(2 ** (mislukt - ACCOUNT_VRIJ), MAX_WACHT)
    return max(0, math.ceil(vertraging - (nu - laatste).total_seconds()))


# Addresses this process found over the limit, until when: a flood from one address is then
# refused without even reading the database (the database stays the truth across workers).
_geweigerd: dict[str, float] = {}
_GEWEIGERD_MAX = 10_000
ONTHOUDEN = 60  # seconds before the database is asked again


def weigering(email: str, ip: str | None) -> str | None:
    """The Dutch refusal when this attempt must wait (check before any password work), or None.
    At most two reads, no write: a login flood takes no write lock."""
    sleutel = adres_sleutel(ip)
    if _geweigerd.get(sleutel, 0) > time.monotonic():
        return TE_VEEL_ADRES
    nu = utcnow()
    adres = db.session.scalar(select(func.count(Aanmeldpoging.id)).where(
        Aanmeldpoging.sleutel == sleutel, Aanmeldpoging.tijdstip > nu - ADRES_VENSTER))
    if adres >= ADRES_MAX:
        if len(_geweigerd) >= _GEWEIGERD_MAX:
            _geweigerd.clear()
        _geweigerd[sleutel] = time.monotonic() + ONTHOUDEN
        return TE_VEEL_ADRES
    aantal, laatste = db.session.execute(
        select(func.count(Aanmeldpoging.id), func.max(Aanmeldpoging.tijdstip)).where(
            Aanmeldpoging.sleutel == account_sleutel(email),
            Aanmeldpoging.tijdstip > nu - ACCOUNT_VENSTER)).one()
    wacht = _wacht(aantal, laatste, nu)
    return te_veel_account(wacht) if wacht else None


def mislukt(email: str, ip: str | None) -> None:
    """Record a failed attempt for the account and the address (and forget day-old ones)."""
    nu = utcnow()
    db.session.add_all([Aanmeldpoging(sleutel=account_sleutel(email), tijdstip=nu),
                        Aanmeldpoging(sleutel=adres_sleutel(ip), tijdstip=nu)])
    db.session.execute(delete(Aanmeldpoging).where(Aanmeldpoging.tijdstip < nu - BEWAARD))


def gelukt(email: str) -> None:
    """A successful login clears the account's failures (the address keeps its count)."""
    db.session.execute(delete(Aanmeldpoging).where(
        Aanmeldpoging.sleutel == account_sleutel(email)))


class AanmeldRem:
    """WSGI middleware: a login POST from an address this process already refused is answered
    429 before Flask runs (no session, no CSRF, no database): a flood from one address then
    costs a fraction of a millisecond per request and leaves the workers to everyone else."""

    PAD = "/aanmelden"
    ANTWOORD = ("<!doctype html><html lang=\"nl-BE\"><meta charset=\"utf-8\"><title>Te veel "
                "pogingen</title><p>" + TE_VEEL_ADRES + "</p></html>").encode("utf-8")

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if (environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == self.PAD
                and _geweigerd.get(adres_sleutel(environ.get("REMOTE_ADDR")), 0)
                > time.monotonic()):
            start_response("429 Too Many Requests", [
                ("Content-Type", "text/html; charset=utf-8"), ("Retry-After", str(ONTHOUDEN)),
                ("Content-Length", str(len(self.ANTWOORD)))])
            return [self.ANTWOORD]
        return self.wsgi_app(environ, start_response)
