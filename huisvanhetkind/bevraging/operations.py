"""Every write of the samenwerkingsbevraging: open and close a meetmoment, save or finish an
organisation's answer, and the reminders before the closing date. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from .. import wijzigen
from ..db import utcnow
from ..domein import bevraging as bv
from ..domein.tekst import aantal
from ..extensions import db
from ..fouten import OperatieFout
from ..meldingen.operations import meld, partnergebruikers
from ..partners.models import Netwerk, Organisatie
from . import queries
from .models import Deelname, Meetmoment, Relatie


def open_meetmoment(netwerk_id: int, naam: str, sluit_op: date, vandaag: date) -> Meetmoment:
    """Open a meetmoment for the network's current members: each is invited (one Deelname)
    and its partner users are notified (in the app and by mail)."""
    if sluit_op <= vandaag:
        raise OperatieFout("Kies een sluitingsdatum na vandaag.")
    lopend = queries.open_meetmoment(netwerk_id, vandaag)
    if lopend is not None:
        raise OperatieFout(f"Het meetmoment '{lopend.naam}' loopt nog tot "
                           f"{lopend.sluit_op:%d/%m/%Y}: sluit het eerst.")
    leden = queries.leden(netwerk_id)
    if len(leden) < bv.MIN_ORGANISATIES:
        raise OperatieFout(
            f"Een bevraging vraagt minstens {bv.MIN_ORGANISATIES} partners: met "
            f"{aantal(len(leden), 'partner', 'partners')} blijft elk resultaat verborgen.")
    m = Meetmoment(netwerk_id=netwerk_id, naam=naam, geopend_op=vandaag, sluit_op=sluit_op)
    m.deelnames = [Deelname(organisatie_id=org) for org in leden]
    db.session.add(m)
    db.session.flush()
    netwerk = db.session.scalar(select(Netwerk.naam).where(Netwerk.id == netwerk_id))
    for d in m.deelnames:
        meld(partnergebruikers(d.organisatie_id), "bevraging_uitnodiging", f"deelname:{d.id}", "",
             f"Samenwerkingsbevraging van {netwerk}",
             f"{netwerk} vraagt hoe {leden[d.organisatie_id]} samenwerkt met de andere partners "
             f"('{naam}'). Vul de bevraging in vóór {sluit_op:%d/%m/%Y}; je kan tussentijds "
             "bewaren en later verder gaan. Niemand ziet jouw antwoorden: het netwerk ziet enkel "
             f"samengevatte resultaten, en pas als minstens {bv.MIN_ORGANISATIES} organisaties "
             "antwoordden.", f"/bevraging/antwoord/{d.id}")
    return m


def sluit_meetmoment(m: Meetmoment, version, vandaag: date) -> bool:
    if m.gesloten_op is not None:
        raise OperatieFout("Dit meetmoment is al gesloten.")
    return wijzigen.wijzig(m, {"gesloten_op": vandaag}, version, ("gesloten_op",))


def bewaar_antwoord(d: Deelname, relaties: dict[int, dict], afronden: bool, version,
                    vandaag: date) -> None:
    """Save an organisation's answer (`relaties`: partner id → {'intensiteit', the six items,
    'bijdragen'}; a partner without intensiteit is one it does not work with). `afronden`
    finishes it: every named relation must then be scored completely. A finished answer stays
    finished (changing it means finishing it again)."""
    m = db.session.get(Meetmoment, d.meetmoment_id)
    if bv.toestand(m.sluit_op, m.gesloten_op, vandaag) != bv.OPEN:
        raise OperatieFout("Dit meetmoment is gesloten: antwoorden kan niet meer.")
    wijzigen.controleer_versie(d, version)
    andere = {org for org in queries.leden_van(m.id) if org != d.organisatie_id}
    onbekend = set(relaties) - andere
    if onbekend:
        raise OperatieFout("Je kan enkel antwoorden over de andere partners van dit meetmoment.")
    benoemd = {p: r for p, r in relaties.items() if r.get("intensiteit")}
    if afronden or d.afgerond_op is not None:
        if not benoemd:
            raise OperatieFout("Duid minstens één partner aan waarmee je samenwerkt.")
        namen = dict(db.session.execute(select(Organisatie.id, Organisatie.naam)
                                        .where(Organisatie.id.in_(list(benoemd)))).all())
        for p, r in benoemd.items():
            ontbreekt = bv.ontbrekende_items(r["intensiteit"], r)
            if ontbreekt:
                raise OperatieFout(f"Vul voor {namen[p]} nog in: {', '.join(ontbreekt).lower()}.")
    bestaand = {r.partner_id: r for r in db.session.scalars(
        select(Relatie).where(Relatie.deelname_id == d.id))}
    for p, rel in bestaand.items():  # update in place: a delete + insert of the same partner
        if p not in benoemd:         # would meet the unique constraint before the delete
            db.session.delete(rel)
    for p, r in sorted(benoemd.items()):
        rel = bestaand.get(p) or Relatie(deelname_id=d.id, partner_id=p)
        rel.intensiteit = r["intensiteit"]
        rel.bijdragen = tuple(r.get("bijdragen") or ())
        for c in bv.ITEMS:
            setattr(rel, c, r.get(c))
        db.session.add(rel)
    nu = utcnow()
    afgerond = d.afgerond_op or (nu if afronden else None)
    wijzigen.wijzig(d, {"bewaard_op": nu, "afgerond_op": afgerond}, version,
                    ("bewaard_op", "afgerond_op"))


def herinneringen(op: date, verslag) -> None:
    """`hvk herinneringen`: the partner users of every organisation that has not finished an
    open meetmoment, 7 days and 1 day before its closing date (each stage once)."""
    rijen = db.session.execute(
        select(Deelname.id, Deelname.organisatie_id, Meetmoment.naam, Meetmoment.sluit_op,
               Netwerk.naam)
        .join(Meetmoment, Meetmoment.id == Deelname.meetmoment_id)
        .join(Netwerk, Netwerk.id == Meetmoment.netwerk_id)
        .where(Deelname.afgerond_op.is_(None), Meetmoment.gesloten_op.is_(None),
               Meetmoment.sluit_op >= op).order_by(Deelname.id)).all()
    for deelname_id, org, naam, sluit_op, netwerk in rijen:
        stap = bv.herinnering_stap(sluit_op, op)
        if stap is None:
            continue
        verslag.meldingen["bevraging_herinnering"] += len(meld(
            partnergebruikers(org), "bevraging_herinnering", f"deelname:{deelname_id}",
            f"{sluit_op.isoformat()}/{stap}",
            f"Herinnering: samenwerkingsbevraging van {netwerk}",
            f"De samenwerkingsbevraging '{naam}' van {netwerk} sluit op {sluit_op:%d/%m/%Y} en "
            "jouw organisatie heeft ze nog niet afgerond. Vul ze in en rond ze af.",
            f"/bevraging/antwoord/{deelname_id}"))
