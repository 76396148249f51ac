"""GDPR: everything stored about one person, and erasing it everywhere (audit log included).

A person is found by e-mail address (users and contact persons) or by exact name (contact persons).
Anonymising replaces the personal values by placeholders and then scrubs the audit log, including
the entries the anonymisation itself just produced, so no old value survives anywhere.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Text, cast, func, or_, select

from ..auth.models import Gebruiker
from ..auth.passwords import hash_password
from ..extensions import db
from ..partners.models import Contactpersoon, Lidmaatschap
from .log import record_event
from .models import AuditEntry

GEANONIMISEERD = "[geanonimiseerd]"
BEWAARTERMIJN = timedelta(days=365)


@dataclass
class Persoon:
    zoekterm: str
    gebruikers: list[Gebruiker] = field(default_factory=list)
    contactpersonen: list[Contactpersoon] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)

    @property
    def gevonden(self) -> bool:
        return bool(self.gebruikers or self.contactpersonen or self.audit)

    def waarden(self) -> set[str]:
        """The personal strings to scrub: e-mail addresses, names and phone numbers."""
        out = {self.zoekterm}
        for g in self.gebruikers:
            out |= {g.email, g.naam}
        for c in self.contactpersonen:
            out |= {c.naam, c.email, c.telefoon}
        return {v for v in out if v and len(v) >= 3}


def _audit_mentioning(values: set[str]) -> list[AuditEntry]:
    if not values:
        return []
    conditions = []
    for v in values:
        low = v.lower()
        conditions += [func.lower(AuditEntry.gebruiker) == low,
                       func.lower(AuditEntry.omschrijving).contains(low, autoescape=True),
                       func.lower(cast(AuditEntry.wijzigingen, Text)).contains(low, autoescape=True)]
    return db.session.scalars(select(AuditEntry).where(or_(*conditions))
                              .order_by(AuditEntry.tijdstip)).all()


def zoek_persoon(zoekterm: str) -> Persoon:
    term = zoekterm.strip()
    low = term.lower()
    p = Persoon(term)
    p.gebruikers = db.session.scalars(select(Gebruiker).where(func.lower(Gebruiker.email) == low)).all()
    p.contactpersonen = db.session.scalars(select(Contactpersoon).where(or_(
        func.lower(Contactpersoon.email) == low, func.lower(Contactpersoon.naam) == low))).all()
    p.audit = _audit_mentioning(p.waarden())
    return p


def export(p: Persoon) -> dict:
    """All data about the person, as a JSON-able document (right of access)."""
    return {
        "zoekterm": p.zoekterm,
        "gebruikers": [{"id": g.id, "email": g.email, "naam": g.naam, "rol": g.rol,
                        "actief": g.actief, "organisatie_id": g.organisatie_id,
                        "provincies": list(g.provincies),
                        "laatst_aangemeld_op": g.laatst_aangemeld_op.isoformat()
                        if g.laatst_aangemeld_op else None} for g in p.gebruikers],
        "contactpersonen": [{"id": c.id, "organisatie_id": c.organisatie_id, "naam": c.naam,
                             "functie": c.functie, "email": c.email, "telefoon": c.telefoon}
                            for c in p.contactpersonen],
        "auditlog": [{"id": e.id, "tijdstip": e.tijdstip.isoformat(), "gebruiker": e.gebruiker,
                      "actie": e.actie, "tabel": e.tabel, "record_id": e.record_id,
                      "omschrijving": e.omschrijving, "wijzigingen": e.wijzigingen}
                     for e in p.audit],
    }


def _scrub(value, values: set[str]):
    if isinstance(value, str):
        for v in sorted(values, key=len, reverse=True):
            if v.lower() in value.lower():
                return GEANONIMISEERD
        return value
    if isinstance(value, list):
        return [_scrub(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, values) for k, v in value.items()}
    return value


def anonimiseer_contact(c: Contactpersoon) -> None:
    c.naam, c.functie, c.email, c.telefoon = GEANONIMISEERD, "", "", ""


def anonimiseer(p: Persoon) -> int:
    """Erase the person everywhere; returns the number of audit entries scrubbed. Flushes: the
    caller commits (the request's commit point, or the command line)."""
    values = p.waarden()
    for g in p.gebruikers:
        g.email = f"verwijderd-{g.id}@anoniem.invalid"
        g.naam = ""
        g.actief = False
        g.wachtwoord_hash = hash_password(secrets.token_urlsafe(32))
        g.session_token = secrets.token_urlsafe(24)
    for c in p.contactpersonen:
        anonimiseer_contact(c)
    db.session.flush()  # the audit listener writes its entries now: scrub those too
    entries = _audit_mentioning(values)
    for e in entries:
        if e.gebruiker and e.gebruiker.lower() in {v.lower() for v in values}:
            e.gebruiker = GEANONIMISEERD
        e.omschrijving = _scrub(e.omschrijving, values)
        e.wijzigingen = _scrub(e.wijzigingen, values)
    record_event(db.session, "persoon_geanonimiseerd",
                 f"{len(p.gebruikers)} gebruiker(s), {len(p.contactpersonen)} contactpersoon/-personen")
    db.session.flush()
    return len(entries)


def bewaartermijn_verstreken(peildatum: date) -> list[Contactpersoon]:
    """Contact persons of organisations that left every network more than 12 months ago."""
    grens = peildatum - BEWAARTERMIJN
    left_long_ago = (select(Lidmaatschap.organisatie_id).group_by(Lidmaatschap.organisatie_id)
                     .having(func.count(Lidmaatschap.id) == func.count(Lidmaatschap.lid_tot),
                             func.max(Lidmaatschap.lid_tot) < grens))
    return db.session.scalars(select(Contactpersoon).where(
        Contactpersoon.organisatie_id.in_(left_long_ago),
        Contactpersoon.naam != GEANONIMISEERD)).all()


def pas_bewaartermijn_toe(peildatum: date) -> int:
    contacts = bewaartermijn_verstreken(peildatum)
    if not contacts:
        return 0
    values = set()
    for c in contacts:
        values |= {v for v in (c.naam, c.email, c.telefoon) if v and len(v) >= 3}
        anonimiseer_contact(c)
    db.session.flush()
    for e in _audit_mentioning(values):
        e.omschrijving = _scrub(e.omschrijving, values)
        e.wijzigingen = _scrub(e.wijzigingen, values)
    record_event(db.session, "bewaartermijn", f"{len(contacts)} contactpersonen geanonimiseerd")
    return len(contacts)
