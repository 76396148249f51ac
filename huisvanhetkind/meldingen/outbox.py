"""The transactional mail outbox (domein.md §11).

`schrijf` adds a mail to the outbox in the caller's transaction: it is sent only if that
transaction commits, and a unique `sleutel` keeps one mail from being queued twice. `verstuur`
sends what is due through Flask-Mailman's SMTP backend (MAIL_SERVER, MAIL_PORT, …):

- each row is claimed first with one conditional UPDATE (`geclaimd_tot` in the future, a random
  `claim`) that is committed before sending, so two senders at once never send the same row —
  the second one's UPDATE matches nothing;
- a sent row is marked `verzonden`; a failure (server down, refused) counts a poging and sets the
  next attempt with exponential backoff (1, 2, 4 … minutes, at most 6 hours), never gives up;
- a sender that dies between sending and marking leaves a claim that expires after
  CLAIM_DUUR: that one mail may then go out twice (at least once beats never).

Without MAIL_SERVER nothing is sent: the mails stay in the outbox, where the beheerder sees them
(/beheer/mail), so the app runs offline.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update

from ..db import utcnow
from ..extensions import db, mail
from .models import VERZONDEN, WACHT, UitgaandeMail

CLAIM_DUUR = timedelta(minutes=10)
MAX_WACHTTIJD = timedelta(hours=6)
PER_RONDE = 200  # mails per run at most; the next run sends the rest


def schrijf(sleutel: str, aan: str, onderwerp: str, tekst: str) -> UitgaandeMail | None:
    """Queue a mail in the current transaction; None if this sleutel was queued before."""
    if db.session.scalar(select(UitgaandeMail.id).where(UitgaandeMail.sleutel == sleutel)):
        return None
    m = UitgaandeMail(sleutel=sleutel[:200], aan=aan, onderwerp=onderwerp[:300], tekst=tekst)
    db.session.add(m)
    db.session.flush()
    return m


def wachttijd(pogingen: int) -> timedelta:
    """Backoff after the n-th failed attempt: 1, 2, 4, … minutes, at most MAX_WACHTTIJD."""
    return min(timedelta(minutes=2 ** min(pogingen - 1, 20)), MAX_WACHTTIJD)


def mail_ingesteld() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


@dataclass
class Resultaat:
    verzonden: int = 0
    mislukt: int = 0


def _claim(mail_id: int, nu: datetime) -> str | None:
    """Claim one due row in its own committed transaction; None if another sender has it."""
    token = secrets.token_hex(16)
    rows = db.session.execute(
        update(UitgaandeMail)
        .where(UitgaandeMail.id == mail_id, UitgaandeMail.status == WACHT,
               UitgaandeMail.volgende_poging <= nu,
               or_(UitgaandeMail.geclaimd_tot.is_(None), UitgaandeMail.geclaimd_tot < nu))
        .values(claim=token, geclaimd_tot=nu + CLAIM_DUUR)
        .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return token if rows == 1 else None


def verstuur(nu: datetime | None = None) -> Resultaat:
    """Send the due mails of the outbox (commits per mail); nothing without MAIL_SERVER."""
    resultaat = Resultaat()
    if not mail_ingesteld():
        return resultaat
    from flask_mailman import EmailMessage

    nu = nu or utcnow()
    kandidaten = db.session.scalars(
        select(UitgaandeMail.id)
        .where(UitgaandeMail.status == WACHT, UitgaandeMail.volgende_poging <= nu,
               or_(UitgaandeMail.geclaimd_tot.is_(None), UitgaandeMail.geclaimd_tot < nu))
        .order_by(UitgaandeMail.volgende_poging, UitgaandeMail.id).limit(PER_RONDE)).all()
    db.session.commit()
    verbinding = None
    for mail_id in kandidaten:
        token = _claim(mail_id, nu)
        if token is None:
            continue
        m = db.session.get(UitgaandeMail, mail_id)
        try:
            if verbinding is None:
                verbinding = mail.get_connection(fail_silently=False)
                verbinding.open()
            EmailMessage(m.onderwerp, m.tekst, current_app.config.get("MAIL_DEFAULT_SENDER"),
                         [m.aan], connection=verbinding).send()
        except Exception as fout:  # noqa: BLE001 — any SMTP or socket error: retry later
            _na_poging(mail_id, token, fout, nu)
            resultaat.mislukt += 1
            verbinding = _sluit(verbinding)
            continue
        _na_poging(mail_id, token, None, nu)
        resultaat.verzonden += 1
    _sluit(verbinding)
    return resultaat


def _sluit(verbinding):
    if verbinding is not None:
        try:
            verbinding.close()
        except Exception:  # noqa: BLE001 — a dead connection may fail to close; forget it
            pass
    return None


def _na_poging(mail_id: int, token: str, fout: Exception | None, nu: datetime) -> None:
    m = db.session.get(UitgaandeMail, mail_id)
    if m is None or m.claim != token:
        db.session.rollback()
        return
    m.pogingen += 1
    m.geclaimd_tot, m.claim = None, ""
    if fout is None:
        m.status, m.verzonden_op, m.laatste_fout = VERZONDEN, utcnow(), ""
    else:
        m.volgende_poging = nu + wachttijd(m.pogingen)
        m.laatste_fout = f"{type(fout).__name__}: {fout}"[:2000]
        current_app.logger.warning("mail %s niet verzonden (poging %s): %s", m.id, m.pogingen,
                                   m.laatste_fout)
    db.session.commit()
