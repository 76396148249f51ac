"""Uploaded files waiting for confirmation, kept in the database (models.ImportVoorbeeld).

The preview page carries only the random token; on confirmation the file is read from the
database and validated again, never trusted from the client. A stored file belongs to one user
and one network (or to "new network"). Every worker and host shares the database, so a preview
made on one is confirmed on another.

Bounded: at most PER_GEBRUIKER open previews per user (a new one removes that user's oldest) and
MAX_TOTAAL bytes in all (a new one is refused, OpslagVol, when full after cleaning). A preview is
deleted after use, and once older than MAX_LEEFTIJD on every upload and by `flask hvk opruimen`
(cron). Like every operation this flushes; the request's commit point commits.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import load_only

from ...db import utcnow
from ...extensions import db
from ...fouten import OperatieFout
from .models import ImportVoorbeeld

MAX_LEEFTIJD = timedelta(hours=1)
PER_GEBRUIKER = 3
MAX_TOTAAL = 200 * 1024 * 1024  # bytes
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")
VOL = ("Er wachten nu te veel imports op bevestiging (samen meer dan 200 MB). Probeer het binnen "
       "het uur opnieuw, of vraag de beheerder om verlopen imports op te ruimen.")


class OpslagVol(OperatieFout):
    """No room for another preview: the view answers 413 with the Dutch message."""


@dataclass(frozen=True)
class Opgeruimd:
    bestandsnaam: str
    grootte: int
    gebruiker_id: int
    aangemaakt_op: datetime


def bewaar(data: bytes, *, gebruiker_id: int, netwerk_id: int | None, bestandsnaam: str) -> str:
    """Store the upload; returns its token. OpslagVol when MAX_TOTAAL would be exceeded."""
    opruimen()
    # the user's newest PER_GEBRUIKER - 1 stay: with this one, at most PER_GEBRUIKER
    ouder = (select(ImportVoorbeeld.id).where(ImportVoorbeeld.gebruiker_id == gebruiker_id)
             .order_by(ImportVoorbeeld.aangemaakt_op.desc(), ImportVoorbeeld.id.desc())
             .offset(PER_GEBRUIKER - 1))
    db.session.execute(delete(ImportVoorbeeld).where(ImportVoorbeeld.id.in_(ouder.scalar_subquery())),
                       execution_options={"synchronize_session": False})
    bezet = db.session.scalar(select(func.coalesce(func.sum(ImportVoorbeeld.grootte), 0)))
    if bezet + len(data) > MAX_TOTAAL:
        raise OpslagVol(VOL)
    token = secrets.token_urlsafe(32)
    db.session.add(ImportVoorbeeld(token=token, gebruiker_id=gebruiker_id, netwerk_id=netwerk_id,
                                   bestandsnaam=bestandsnaam[:200], inhoud=data,
                                   grootte=len(data), aangemaakt_op=utcnow()))
    db.session.flush()
    return token


def haal(token: str, *, gebruiker_id: int, netwerk_id: int | None) -> tuple[bytes, str] | None:
    """(content, file name) if this user stored it for this network within MAX_LEEFTIJD."""
    if not TOKEN.fullmatch(token or ""):
        return None
    rij = db.session.execute(select(ImportVoorbeeld.inhoud, ImportVoorbeeld.bestandsnaam).where(
        ImportVoorbeeld.token == token, ImportVoorbeeld.gebruiker_id == gebruiker_id,
        ImportVoorbeeld.netwerk_id == netwerk_id,  # None: IS NULL, a new network
        ImportVoorbeeld.aangemaakt_op > utcnow() - MAX_LEEFTIJD)).first()
    return (rij.inhoud, rij.bestandsnaam) if rij else None


def verwijder(token: str) -> None:
    """Delete the preview (after use, or cancelled); a flushed ORM delete, so that the request's
    commit point sees a change to commit."""
    if not TOKEN.fullmatch(token or ""):
        return
    voorbeeld = db.session.scalar(select(ImportVoorbeeld).options(load_only(ImportVoorbeeld.id))
                                  .where(ImportVoorbeeld.token == token))
    if voorbeeld is not None:
        db.session.delete(voorbeeld)
        db.session.flush()


def opruimen() -> list[Opgeruimd]:
    """Delete the previews older than MAX_LEEFTIJD (never confirmed); returns what went."""
    verlopen = ImportVoorbeeld.aangemaakt_op <= utcnow() - MAX_LEEFTIJD
    weg = [Opgeruimd(*r) for r in db.session.execute(
        select(ImportVoorbeeld.bestandsnaam, ImportVoorbeeld.grootte, ImportVoorbeeld.gebruiker_id,
               ImportVoorbeeld.aangemaakt_op).where(verlopen)
        .order_by(ImportVoorbeeld.aangemaakt_op))]
    if weg:
        db.session.execute(delete(ImportVoorbeeld).where(verlopen),
                           execution_options={"synchronize_session": False})
    return weg
