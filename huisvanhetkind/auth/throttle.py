"""Login throttling: at most 5 failed attempts a minute and 20 an hour per e-mail + IP address.

Attempts are kept in the database, so the limit holds across every gunicorn worker.
"""
from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import delete, func, select

from ..db import utcnow
from ..extensions import db
from .models import Aanmeldpoging

LIMITS = ((timedelta(minutes=1), 5), (timedelta(hours=1), 20))
BEWAARD = timedelta(days=1)
TE_VEEL = ("Te veel mislukte aanmeldpogingen. Wacht even en probeer het dan opnieuw; "
           "na 20 pogingen in een uur blijft aanmelden een uur geblokkeerd.")


def key(email: str, ip: str | None) -> str:
    return hashlib.sha256(f"{email.strip().lower()}|{ip or '-'}".encode()).hexdigest()


def blocked(sleutel: str) -> bool:
    now = utcnow()
    for window, limit in LIMITS:
        count = db.session.scalar(select(func.count(Aanmeldpoging.id)).where(
            Aanmeldpoging.sleutel == sleutel, Aanmeldpoging.tijdstip > now - window))
        if count >= limit:
            return True
    return False


def record_failure(sleutel: str) -> None:
    now = utcnow()
    db.session.add(Aanmeldpoging(sleutel=sleutel, tijdstip=now))
    db.session.execute(delete(Aanmeldpoging).where(Aanmeldpoging.tijdstip < now - BEWAARD))


def clear(sleutel: str) -> None:
    db.session.execute(delete(Aanmeldpoging).where(Aanmeldpoging.sleutel == sleutel))
