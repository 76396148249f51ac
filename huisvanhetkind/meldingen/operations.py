"""Creating notifications: `meld()` is the one entry point for every module (domein.md §11).

Like every operation it adds and flushes in the caller's transaction, never commits: the
notification and its mail (in the outbox) are committed with the change that caused them, and a
rolled-back change notifies nobody.
"""
from __future__ import annotations

from typing import Iterable

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..auth.models import Gebruiker, gebruiker_netwerk
from ..db import utcnow
from ..domein.meldingen import GEBEURTENISSEN
from ..domein.permissions import BEHEERDER, COORDINATOR, PARTNER
from ..extensions import db
from . import outbox
from .models import DAGELIJKS, DIRECT, Melding, Meldingsvoorkeur

VOETTEKST = ("Je krijgt deze e-mail omdat je een account hebt in het register van het Huis van "
             "het Kind. Kies hoe je meldingen krijgt (meteen of één overzicht per dag) op {url}.")


def url(pad: str) -> str:
    """An absolute address for a mail: BASIS_URL (the address users reach the app at) + path."""
    return current_app.config.get("BASIS_URL", "").rstrip("/") + pad


def meld(ontvangers: Iterable[int], gebeurtenis: str, onderwerp_sleutel: str, periode: str,
         titel: str, tekst: str, link: str, *, mail_extra: str = "") -> list[Melding]:
    """Notify each of these users (ids) once about `gebeurtenis` on the object
    `onderwerp_sleutel` (e.g. 'aanbod:12') in `periode` ('' for a one-off event).

    A user who already has this (gebeurtenis, onderwerp, periode) gets nothing new (a unique
    constraint guarantees it, also for two processes at once); inactive users get nothing.
    Each new notification is mailed per the user's preference: queued in the outbox now
    (DIRECT), or kept for the daily overview (DAGELIJKS). `link` is a path in the app;
    `mail_extra` is text for the mail only (e.g. a signed one-click link). Returns the new ones.
    """
    if gebeurtenis not in GEBEURTENISSEN:
        raise ValueError(f"onbekende gebeurtenis {gebeurtenis}")
    ids = sorted(set(ontvangers))
    if not ids:
        return []
    bestaand = set(db.session.scalars(select(Melding.gebruiker_id).where(
        Melding.gebeurtenis == gebeurtenis, Melding.onderwerp == onderwerp_sleutel,
        Melding.periode == periode, Melding.gebruiker_id.in_(ids))))
    gebruikers = db.session.execute(
        select(Gebruiker.id, Gebruiker.email, Gebruiker.naam, Meldingsvoorkeur.mail)
        .outerjoin(Meldingsvoorkeur, Meldingsvoorkeur.gebruiker_id == Gebruiker.id)
        .where(Gebruiker.id.in_([i for i in ids if i not in bestaand]),
               Gebruiker.actief.is_(True))).all()
    nieuw = []
    for gebruiker_id, email, naam, voorkeur in gebruikers:
        m = Melding(gebruiker_id=gebruiker_id, gebeurtenis=gebeurtenis,
                    onderwerp=onderwerp_sleutel[:80], periode=periode[:40], titel=titel[:300],
                    tekst=tekst, link=link[:500], aangemaakt_op=utcnow(),
                    te_mailen=(voorkeur or DIRECT) == DAGELIJKS)
        try:
            with db.session.begin_nested():  # another process was first: skip, keep the rest
                db.session.add(m)
                db.session.flush()
        except IntegrityError:
            continue
        if not m.te_mailen:
            outbox.schrijf(f"melding:{m.id}", email, titel,
                           mailtekst(naam, [(titel, tekst, link)], mail_extra))
        nieuw.append(m)
    return nieuw


def mailtekst(naam: str, meldingen: list[tuple[str, str, str]], extra: str = "") -> str:
    """The plain-text body of a notification mail or daily overview."""
    delen = [f"Dag {naam}," if naam else "Dag,", ""]
    for titel, tekst, link in meldingen:
        if len(meldingen) > 1:
            delen.append(f"- {titel}")
        delen.append(tekst)
        if link:
            delen.append(f"Bekijk het in het register: {url(link)}")
        delen.append("")
    if extra:
        delen += [extra, ""]
    delen += ["--", VOETTEKST.format(url=url("/meldingen/instellingen"))]
    return "\n".join(delen)


# --- who receives what ---------------------------------------------------------------------------

def beheerders() -> list[int]:
    return list(db.session.scalars(select(Gebruiker.id).where(
        Gebruiker.rol == BEHEERDER, Gebruiker.actief.is_(True))))


def partnergebruikers(organisatie_id: int) -> list[int]:
    """The organisation's active partner users."""
    return list(db.session.scalars(select(Gebruiker.id).where(
        Gebruiker.rol == PARTNER, Gebruiker.organisatie_id == organisatie_id,
        Gebruiker.actief.is_(True))))


def voor_organisatie(organisatie_id: int) -> list[int]:
    """Who answers for an organisation: its partner users; a beheerder for one without (§10)."""
    return partnergebruikers(organisatie_id) or beheerders()


def coordinatoren(netwerk_id: int) -> list[int]:
    return list(db.session.scalars(
        select(Gebruiker.id).join(gebruiker_netwerk, gebruiker_netwerk.c.gebruiker_id == Gebruiker.id)
        .where(gebruiker_netwerk.c.netwerk_id == netwerk_id, Gebruiker.rol == COORDINATOR,
               Gebruiker.actief.is_(True))))


def consultanten(netwerk_id: int) -> list[int]:
    """The active consultants whose provinces cover the network (§2: who reviews it)."""
    from ..auth.guard import actor_for
    from ..domein.permissions import CONSULTANT, can_review
    from ..partners.refs import netwerk_ref
    ref = netwerk_ref(netwerk_id)
    return [g.id for g in db.session.scalars(select(Gebruiker).where(
        Gebruiker.rol == CONSULTANT, Gebruiker.actief.is_(True)).order_by(Gebruiker.id))
        if can_review(actor_for(g), ref)]


# --- a user's own notifications ------------------------------------------------------------------

def markeer_gelezen(gebruiker_id: int) -> int:
    """Mark every unread notification of this user as read; returns how many."""
    ongelezen = db.session.scalars(select(Melding).where(
        Melding.gebruiker_id == gebruiker_id, Melding.gelezen_op.is_(None))).all()
    for m in ongelezen:
        m.gelezen_op = utcnow()
    db.session.flush()
    return len(ongelezen)


def zet_voorkeur(gebruiker_id: int, keuze: str) -> None:
    if keuze not in (DIRECT, DAGELIJKS):
        raise ValueError(keuze)
    v = db.session.get(Meldingsvoorkeur, gebruiker_id)
    if v is None:
        db.session.add(Meldingsvoorkeur(gebruiker_id=gebruiker_id, mail=keuze))
    else:
        v.mail = keuze
    db.session.flush()


def voorkeur(gebruiker_id: int) -> str:
    v = db.session.get(Meldingsvoorkeur, gebruiker_id)
    return v.mail if v else DIRECT
