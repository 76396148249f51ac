"""GDPR: everything stored about one person, and erasing it everywhere (audit log included).

A person is found by e-mail address (users and contact persons) or by exact name (contact persons).
What is theirs is decided by record identity, never by finding the search term in free text (a
term like "Gent" must not blank unrelated audit text):
- their user and contact-person rows, and rows already deleted whose change records hold the
  term exactly as their e-mail address or name;
- in the audit log: the change records of those rows, of which only the person fields are
  erased; in the entries a user made (gebruiker_id, or their e-mail address as the actor
  label) that label; and in any entry's text a user's e-mail address itself (a failed login, a
  coordinator added or removed), not the rest of the text.
Anonymising replaces the personal values by placeholders and then erases them from those audit
entries, including the ones the anonymisation itself just produced.
"""
from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Text, and_, cast, func, or_, select

from ..auth.models import Gebruiker
from ..auth.passwords import hash_password
from ..extensions import db
from ..meldingen.models import Melding, Meldingsvoorkeur, UitgaandeMail
from ..partners.models import Contactpersoon, Lidmaatschap
from .log import record_event
from ..domein.tekst import aantal
from .models import AuditEntry

GEANONIMISEERD = "[geanonimiseerd]"
BEWAARTERMIJN = timedelta(days=365)
GEBRUIKER, CONTACT = Gebruiker.__tablename__, Contactpersoon.__tablename__
# the person fields of a person's own rows, as their change records in the audit log name them
PERSOONSVELDEN = {GEBRUIKER: ("email", "naam"), CONTACT: ("naam", "functie", "email", "telefoon")}
# the fields a search term must equal (case-insensitive) to find a person's row
ZOEKVELDEN = {GEBRUIKER: ("email",), CONTACT: ("email", "naam")}


@dataclass
class Persoon:
    zoekterm: str
    gebruikers: list[Gebruiker] = field(default_factory=list)
    contactpersonen: list[Contactpersoon] = field(default_factory=list)
    records: set[tuple[str, str]] = field(default_factory=set)  # (tabel, record_id), deleted too
    waarden: set[str] = field(default_factory=set)  # their e-mail addresses, names, phones
    adressen: set[str] = field(default_factory=set)  # their e-mail addresses, lower case
    audit: list[AuditEntry] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)  # their users' notifications
    mails: list[UitgaandeMail] = field(default_factory=list)  # mail to their addresses

    @property
    def gevonden(self) -> bool:
        return bool(self.gebruikers or self.contactpersonen or self.audit)

    @property
    def gebruiker_ids(self) -> set[int]:
        return {int(r) for t, r in self.records if t == GEBRUIKER}

    def eigen_record(self, e: AuditEntry) -> bool:
        return (e.tabel, e.record_id) in self.records

    def door(self, e: AuditEntry) -> bool:
        """Made by this person."""
        return e.gebruiker_id in self.gebruiker_ids or (e.gebruiker or "").lower() in self.adressen


def _waarden(wijzigingen: dict | None, velden) -> set[str]:
    return {v for veld in velden for v in (wijzigingen or {}).get(veld) or ()
            if isinstance(v, str)}


def _verwijderde_records(term: str) -> set[tuple[str, str]]:
    """Rows of users and contact persons, deleted ones too, whose change records hold `term` as
    their e-mail address or name. The text search only narrows the candidates (also in the
    JSON-escaped form the column may store); a field equal to the term decides."""
    low = term.lower()
    tekst = func.lower(cast(AuditEntry.wijzigingen, Text))
    rows = db.session.execute(
        select(AuditEntry.tabel, AuditEntry.record_id, AuditEntry.wijzigingen).where(
            AuditEntry.tabel.in_(ZOEKVELDEN), AuditEntry.record_id.is_not(None),
            or_(tekst.contains(low, autoescape=True),
                tekst.contains(json.dumps(low)[1:-1], autoescape=True))))
    return {(tabel, record_id) for tabel, record_id, wijzigingen in rows
            if low in {v.strip().lower() for v in _waarden(wijzigingen, ZOEKVELDEN[tabel])}}


def _over_records(records: set[tuple[str, str]]) -> list:
    return [and_(AuditEntry.tabel == tabel, AuditEntry.record_id.in_(ids))
            for tabel in PERSOONSVELDEN
            if (ids := sorted(r for t, r in records if t == tabel))]


def _ken_waarden(p: Persoon) -> None:
    """The person's values, now and as the change records of their rows remember them (an
    earlier name or address), before anything is erased."""
    waarden = {v for g in p.gebruikers for v in (g.email, g.naam)} | {
        v for c in p.contactpersonen for v in (c.naam, c.email, c.telefoon)}
    adressen = {g.email for g in p.gebruikers}  # a user's: their label as actor, named in events
    voorwaarden = _over_records(p.records)
    if voorwaarden:
        for tabel, wijzigingen in db.session.execute(
                select(AuditEntry.tabel, AuditEntry.wijzigingen).where(or_(*voorwaarden))):
            waarden |= _waarden(wijzigingen, PERSOONSVELDEN[tabel])
            if tabel == GEBRUIKER:
                adressen |= _waarden(wijzigingen, ("email",))
    p.waarden = {v for v in waarden if v and v != GEANONIMISEERD}
    p.adressen = {a.lower() for a in adressen if "@" in a}
    if "@" in p.zoekterm:  # also an address without a row (any more): its failed logins
        p.adressen.add(p.zoekterm.lower())


ADRES = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*")  # an e-mail address in a text


def _zonder_adressen(tekst: str, adressen: set[str]) -> str:
    """`tekst` with each of these e-mail addresses replaced, as a whole address (a leading
    '+'/'-' as in '+jan@x.be, -an@y.be' is a marker, not part of it), by the placeholder."""
    def vervang(m: re.Match) -> str:
        kern = m.group(0).lstrip("+-")
        return m.group(0)[:-len(kern)] + GEANONIMISEERD if kern.lower() in adressen else m.group(0)
    return ADRES.sub(vervang, tekst)


def _eigen_audit(p: Persoon) -> list[AuditEntry]:
    """The audit entries of this person: about their rows, made by them, or naming their
    e-mail address in their text."""
    voorwaarden = _over_records(p.records)
    if p.gebruiker_ids:
        voorwaarden.append(AuditEntry.gebruiker_id.in_(p.gebruiker_ids))
    if p.adressen:
        voorwaarden.append(func.lower(AuditEntry.gebruiker).in_(p.adressen))
        voorwaarden += [func.lower(AuditEntry.omschrijving).contains(a, autoescape=True)
                        for a in p.adressen]
    if not voorwaarden:
        return []
    entries = db.session.scalars(select(AuditEntry).where(or_(*voorwaarden))
                                 .order_by(AuditEntry.tijdstip, AuditEntry.id)).all()
    return [e for e in entries if p.eigen_record(e) or p.door(e)
            or _zonder_adressen(e.omschrijving or "", p.adressen) != e.omschrijving]


def zoek_persoon(zoekterm: str) -> Persoon:
    term = zoekterm.strip()
    low = term.lower()
    p = Persoon(term)
    if not low:
        return p
    p.gebruikers = db.session.scalars(select(Gebruiker).where(func.lower(Gebruiker.email) == low)).all()
    p.contactpersonen = db.session.scalars(select(Contactpersoon).where(or_(
        func.lower(Contactpersoon.email) == low, func.lower(Contactpersoon.naam) == low))).all()
    p.records = ({(GEBRUIKER, str(g.id)) for g in p.gebruikers}
                 | {(CONTACT, str(c.id)) for c in p.contactpersonen} | _verwijderde_records(term))
    _ken_waarden(p)
    p.audit = _eigen_audit(p)
    if p.gebruikers:
        p.meldingen = db.session.scalars(select(Melding).where(
            Melding.gebruiker_id.in_([g.id for g in p.gebruikers])).order_by(Melding.id)).all()
    if p.adressen:
        p.mails = db.session.scalars(select(UitgaandeMail).where(
            func.lower(UitgaandeMail.aan).in_(p.adressen)).order_by(UitgaandeMail.id)).all()
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
        "meldingen": [{"id": m.id, "gebruiker_id": m.gebruiker_id, "gebeurtenis": m.gebeurtenis,
                       "titel": m.titel, "tekst": m.tekst, "link": m.link,
                       "aangemaakt_op": m.aangemaakt_op.isoformat(),
                       "gelezen_op": m.gelezen_op.isoformat() if m.gelezen_op else None}
                      for m in p.meldingen],
        "mails": [{"id": m.id, "aan": m.aan, "onderwerp": m.onderwerp, "tekst": m.tekst,
                   "status": m.status, "aangemaakt_op": m.aangemaakt_op.isoformat(),
                   "verzonden_op": m.verzonden_op.isoformat() if m.verzonden_op else None}
                  for m in p.mails],
    }


def _vervang(tekst: str, p: Persoon) -> str:
    """The text of an entry about the person's own row, with their values (of 3 characters or
    more) and e-mail addresses replaced by the placeholder; the rest of the text stays."""
    for v in sorted((v for v in p.waarden if len(v) >= 3), key=len, reverse=True):
        tekst = re.sub(re.escape(v), GEANONIMISEERD, tekst, flags=re.IGNORECASE)
    return _zonder_adressen(tekst, p.adressen)


def _wis_uit_audit(p: Persoon) -> int:
    """Erase the person from their audit entries, after the flush of their rows' erasure (so
    its own change records are among them); returns how many entries changed."""
    gewist = 0
    for e in _eigen_audit(p):
        oud = (e.gebruiker, e.omschrijving, e.wijzigingen)
        if p.door(e):
            e.gebruiker = GEANONIMISEERD
        if p.eigen_record(e):  # the text describes their row
            e.omschrijving = _vervang(e.omschrijving or "", p)
        else:  # the text describes something else (what they changed): only their address goes
            e.omschrijving = _zonder_adressen(e.omschrijving or "", p.adressen)
        if p.eigen_record(e) and e.wijzigingen:
            velden = PERSOONSVELDEN[e.tabel]
            e.wijzigingen = {k: [GEANONIMISEERD if v else v for v in w] if k in velden else w
                             for k, w in e.wijzigingen.items()}
        gewist += (e.gebruiker, e.omschrijving, e.wijzigingen) != oud
    return gewist


def anonimiseer_contact(c: Contactpersoon) -> None:
    c.naam, c.functie, c.email, c.telefoon = GEANONIMISEERD, "", "", ""


def anonimiseer(p: Persoon) -> int:
    """Erase the person everywhere; returns the number of audit entries scrubbed. Flushes: the
    caller commits (the request's commit point, or the command line)."""
    for g in p.gebruikers:
        g.email = f"verwijderd-{g.id}@anoniem.invalid"
        g.naam = ""
        g.actief = False
        g.wachtwoord_hash = hash_password(secrets.token_urlsafe(32))
        g.session_token = secrets.token_urlsafe(24)
    for c in p.contactpersonen:
        anonimiseer_contact(c)
    # notifications and mail exist for the person alone: they go (a waiting mail is not sent)
    for rij in [*p.meldingen, *p.mails, *(db.session.get(Meldingsvoorkeur, g.id)
                                          for g in p.gebruikers)]:
        if rij is not None:
            db.session.delete(rij)
    db.session.flush()  # the audit listener writes its entries now: scrub those too
    gewist = _wis_uit_audit(p)
    record_event(db.session, "persoon_geanonimiseerd",
                 f"{aantal(len(p.gebruikers), 'gebruiker', 'gebruikers')}, "
                 f"{aantal(len(p.contactpersonen), 'contactpersoon', 'contactpersonen')}")
    db.session.flush()
    return gewist


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
    p = Persoon("", contactpersonen=list(contacts), records={(CONTACT, str(c.id)) for c in contacts})
    _ken_waarden(p)
    for c in contacts:
        anonimiseer_contact(c)
    db.session.flush()
    _wis_uit_audit(p)
    record_event(db.session, "bewaartermijn", f"{aantal(len(contacts), 'contactpersoon', 'contactpersonen')} geanonimiseerd")
    return len(contacts)
