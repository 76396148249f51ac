"""The reminders of `hvk herinneringen` (domein.md §11) and the daily overview mails.

Each reminder is a `meld()` with a periode naming its stage, so running this every few minutes,
twice, or with a later --op creates each reminder once. Reads are bulk (one query per kind of
reminder, plus the keys already sent), so a run on the Flanders data set stays cheap.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, tuple_

from ..auth.models import Gebruiker
from ..bevraging import operations as bevraging
from ..domein.meldingen import nakijk_periode, onvervulde_engagementen, termijn_stap
from ..domein.permissions import PARTNER
from ..domein.tekst import aantal
from ..domein.voorwaarde import datum, plus_twee_jaar
from ..erkenning.models import Actie
from ..extensions import db
from ..partners.models import Aanbod, Netwerk, Organisatie
from . import outbox, tokens
from .models import Melding
from .operations import coordinatoren, mailtekst, meld, url


@dataclass
class Verslag:
    meldingen: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    overzichten: int = 0


def _al_gemeld(gebeurtenis: str, sleutels: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Those (onderwerp, periode) of this event that were notified before (to anyone)."""
    gevonden: set[tuple[str, str]] = set()
    for i in range(0, len(sleutels), 500):
        stuk = sleutels[i:i + 500]
        gevonden |= {(o, p) for o, p in db.session.execute(
            select(Melding.onderwerp, Melding.periode).distinct()
            .where(Melding.gebeurtenis == gebeurtenis,
                   tuple_(Melding.onderwerp, Melding.periode).in_(stuk)))}
    return gevonden


def aanbod_nakijken(op: date, verslag: Verslag) -> None:
    """Partners' aanbod not nagekeken for 11 months, then 12, then monthly (§11)."""
    partners: dict[int, list[int]] = defaultdict(list)
    for gebruiker_id, organisatie_id in db.session.execute(
            select(Gebruiker.id, Gebruiker.organisatie_id).where(
                Gebruiker.rol == PARTNER, Gebruiker.actief.is_(True),
                Gebruiker.organisatie_id.is_not(None))):
        partners[organisatie_id].append(gebruiker_id)
    if not partners:
        return
    rijen = db.session.execute(
        select(Aanbod.id, Aanbod.naam, Aanbod.laatst_nagekeken_op, Aanbod.organisatie_id,
               Organisatie.naam)
        .join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
        .where(Aanbod.organisatie_id.in_(sorted(partners)))
        .order_by(Aanbod.id)).all()
    due = [(r, p) for r in rijen if (p := nakijk_periode(r[2], op))]
    gedaan = _al_gemeld("aanbod_nakijken", [(f"aanbod:{r[0]}", p) for r, p in due])
    for (aanbod_id, naam, nagekeken, organisatie_id, org_naam), periode in due:
        if (f"aanbod:{aanbod_id}", periode) in gedaan:
            continue
        sinds = f"sinds {nagekeken:%d/%m/%Y}" if nagekeken else "nog nooit"
        token = tokens.maak(tokens.NOG_ACTUEEL, aanbod_id, nagekeken)
        verslag.meldingen["aanbod_nakijken"] += len(meld(
            partners[organisatie_id], "aanbod_nakijken", f"aanbod:{aanbod_id}", periode,
            f"Aanbod '{naam}' nakijken",
            f"Het aanbod '{naam}' van {org_naam} is {sinds} niet nagekeken. Kijk het na en pas "
            "aan wat niet meer klopt; klopt alles nog, bevestig dan dat het nog actueel is.",
            f"/aanbod/{aanbod_id}",
            mail_extra="Klopt alles nog? Bevestig het met één klik (zonder aan te melden; de "
                       f"link werkt één keer en 45 dagen lang): "
                       f"{url(f'/aanbod/nog-actueel/{token}')}"))


def actie_deadlines(op: date, verslag: Verslag) -> None:
    """Actions whose deadline passed without being gerealiseerd: the network's coordinators."""
    rijen = db.session.execute(
        select(Actie.id, Actie.beschrijving, Actie.deadline, Actie.netwerk_id, Actie.engagement_id,
               Netwerk.naam)
        .join(Netwerk, Netwerk.id == Actie.netwerk_id)
        .where(Actie.deadline < op, Actie.status != "gerealiseerd").order_by(Actie.id)).all()
    gedaan = _al_gemeld("actie_deadline", [(f"actie:{r[0]}", r[2].isoformat()) for r in rijen])
    for actie_id, beschrijving, deadline, netwerk_id, _, netwerk_naam in rijen:
        if (f"actie:{actie_id}", deadline.isoformat()) in gedaan:
            continue
        verslag.meldingen["actie_deadline"] += len(meld(
            coordinatoren(netwerk_id), "actie_deadline", f"actie:{actie_id}", deadline.isoformat(),
            f"Deadline verstreken: {beschrijving[:200]}",
            f"De deadline van de actie '{beschrijving}' ({netwerk_naam}) was {deadline:%d/%m/%Y} "
            "en de actie is nog niet gerealiseerd. Werk haar status bij of kies een nieuwe "
            "deadline.", f"/netwerken/{netwerk_id}/engagementen"))


def engagement_termijnen(op: date, verslag: Verslag) -> None:
    """Unrealised engagements 90 and 30 days before the two-year deadline (and once after)."""
    from ..facts import netwerken_facts

    erkend = {i: (naam, plus_twee_jaar(d)) for i, naam, d in db.session.execute(
        select(Netwerk.id, Netwerk.naam, Netwerk.erkenningsdatum)
        .where(Netwerk.erkenningsdatum.is_not(None)))}
    due = {i: stap for i, (_, termijn) in erkend.items()
           if (stap := termijn_stap(termijn, op)) is not None}
    gedaan = _al_gemeld("engagement_termijn", [
        (f"netwerk:{i}", f"{erkend[i][1].isoformat()}/{stap}") for i, stap in due.items()])
    due = {i: s for i, s in due.items()
           if (f"netwerk:{i}", f"{erkend[i][1].isoformat()}/{s}") not in gedaan}
    for netwerk_id, netwerk in netwerken_facts(sorted(due), op).items():
        termijn, open_ = onvervulde_engagementen(netwerk, op)
        if not open_:
            continue
        stap, naam = due[netwerk_id], erkend[netwerk_id][0]
        wanneer = (f"De termijn van twee jaar liep af op {datum(termijn)}" if stap == 0 else
                   f"Over {aantal((termijn - op).days, 'dag', 'dagen')} ({datum(termijn)}) loopt de "
                   "termijn van twee jaar af")
        verslag.meldingen["engagement_termijn"] += len(meld(
            coordinatoren(netwerk_id), "engagement_termijn", f"netwerk:{netwerk_id}",
            f"{termijn.isoformat()}/{stap}",
            f"{naam}: {aantal(len(open_), 'engagement', 'engagementen')} nog niet gerealiseerd",
            f"{wanneer}. Nog zonder gerealiseerde actie: {', '.join(open_)}.",
            f"/netwerken/{netwerk_id}/engagementen"))


def overzichten(op: date, verslag: Verslag) -> None:
    """One daily overview mail per user with notifications waiting for it (preference
    'dagelijks'); at most one per user per day (the outbox key), later ones wait for the next."""
    wachtend = db.session.scalars(
        select(Melding).where(Melding.te_mailen.is_(True))
        .order_by(Melding.gebruiker_id, Melding.aangemaakt_op, Melding.id)).all()
    per_gebruiker: dict[int, list[Melding]] = defaultdict(list)
    for m in wachtend:
        per_gebruiker[m.gebruiker_id].append(m)
    if not per_gebruiker:
        return
    gebruikers = {g.id: g for g in db.session.scalars(
        select(Gebruiker).where(Gebruiker.id.in_(sorted(per_gebruiker))))}
    for gebruiker_id, meldingen in per_gebruiker.items():
        g = gebruikers[gebruiker_id]
        if g.actief:
            geschreven = outbox.schrijf(
                f"overzicht:{gebruiker_id}:{op.isoformat()}", g.email,
                f"Overzicht van {op:%d/%m/%Y}: {aantal(len(meldingen), 'melding', 'meldingen')}",
                mailtekst(g.naam, [(m.titel, m.tekst, m.link) for m in meldingen]))
            if geschreven is None:
                continue  # today's overview went out already: these wait for tomorrow's
            verslag.overzichten += 1
        for m in meldingen:
            m.te_mailen = False
    db.session.flush()


def maak_herinneringen(op: date, *, met_overzicht: bool = True) -> Verslag:
    verslag = Verslag()
    aanbod_nakijken(op, verslag)
    actie_deadlines(op, verslag)
    engagement_termijnen(op, verslag)
    bevraging.herinneringen(op, verslag)
    if met_overzicht:
        overzichten(op, verslag)
    return verslag
