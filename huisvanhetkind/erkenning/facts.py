"""The one adapter from the database to plain facts (snapshot.Netwerk) for the pure analyses.

A fixed number of queries per network, whatever its size: no N+1.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from .. import snapshot as s
from ..extensions import db
from ..graaf.models import BewustNiet, Verwijzing
from ..partners.models import Aanbod, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from .models import Actie, Engagement, Zorgregio


def _aanbod(a: Aanbod, partner_naam: str) -> s.Aanbod:
    return s.Aanbod(
        id=a.id, partner_id=a.organisatie_id, naam=a.naam, aanbodvorm=a.aanbodvorm,
        functies=frozenset(a.functies), leeftijdsgroepen=frozenset(a.leeftijdsgroepen),
        doelgroep=a.doelgroep, werkvormen=frozenset(a.werkvormen),
        gemeenten=frozenset(a.gemeenten), laagdrempelig=a.laagdrempelig,
        verplicht_kg=a.verplicht_kg, partner_naam=partner_naam)


def netwerk_facts(netwerk_id: int) -> s.Netwerk:
    netwerk = db.session.get(Netwerk, netwerk_id)
    if netwerk is None:
        raise LookupError(netwerk_id)
    werkingsgebied = tuple(
        s.Deel(nis=d.nis, deel=d.deel or None) for d in db.session.scalars(
            select(WerkingsgebiedDeel).where(WerkingsgebiedDeel.netwerk_id == netwerk_id)
            .order_by(WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)))
    gemeenten = {d.nis for d in werkingsgebied}

    members = db.session.execute(
        select(Organisatie, Lidmaatschap)
        .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
        .where(Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))
        .order_by(Organisatie.naam)).all()
    partners = tuple(s.Partner(
        id=o.id, naam=o.naam, sector=o.sector, gemeenten=frozenset(o.gemeenten),
        overeenkomst_getekend=m.overeenkomst_getekend, lid_sinds=m.lid_sinds, kbo=o.kbo)
        for o, m in members)
    names = {p.id: p.naam for p in partners}
    member_ids = select(Lidmaatschap.organisatie_id).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))

    aanbod = tuple(_aanbod(a, names[a.organisatie_id]) for a in db.session.scalars(
        select(Aanbod).where(Aanbod.organisatie_id.in_(member_ids)).order_by(Aanbod.id)))
    verwijzingen = tuple(s.Verwijzing(
        van=v.van_id, naar=v.naar_id, soort=v.soort, aantal_per_jaar=v.aantal_per_jaar,
        sinds=v.sinds, bevestigd=v.bevestigd) for v in db.session.scalars(
        select(Verwijzing).where(Verwijzing.van_id.in_(member_ids),
                                 Verwijzing.naar_id.in_(member_ids)).order_by(Verwijzing.id)))
    acties = tuple(s.Actie(
        id=a.id, voorwaarde=voorwaarde, beschrijving=a.beschrijving, trekker_id=a.trekker_id,
        deadline=a.deadline, status=a.status, bewijs=a.bewijs or a.bewijs_link)
        for a, voorwaarde in db.session.execute(
            select(Actie, Engagement.voorwaarde).join(Engagement, Actie.engagement_id == Engagement.id)
            .where(Engagement.netwerk_id == netwerk_id).order_by(Actie.id)))
    bewust_niet = tuple(s.BewustNiet(functie=b.functie, leeftijdsgroep=b.leeftijdsgroep,
                                     nis=b.nis or None, reden=b.reden)
                        for b in db.session.scalars(
                            select(BewustNiet).where(BewustNiet.netwerk_id == netwerk_id)))
    return s.Netwerk(
        id=netwerk.id, naam=netwerk.naam, rechtsvorm=netwerk.rechtsvorm,
        aanvraagdatum=netwerk.aanvraagdatum, erkenningsdatum=netwerk.erkenningsdatum,
        coordinator_naam=netwerk.coordinator_naam, coordinator_email=netwerk.coordinator_email,
        werkingsgebied=werkingsgebied, partners=partners, aanbod=aanbod,
        verwijzingen=verwijzingen, acties=acties, bewust_niet=bewust_niet,
        andere_netwerken=_andere_netwerken(netwerk_id, gemeenten),
        zorgregio=_zorgregio(gemeenten),
        verplicht_kg_buiten=_verplicht_kg_buiten(member_ids, gemeenten))


def _andere_netwerken(netwerk_id: int, gemeenten: set[str]) -> tuple[s.AnderNetwerk, ...]:
    if not gemeenten:
        return ()
    delen: dict[str, list[s.Deel]] = defaultdict(list)
    for naam, nis, deel in db.session.execute(
            select(Netwerk.naam, WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)
            .join(Netwerk, Netwerk.id == WerkingsgebiedDeel.netwerk_id)
            .where(WerkingsgebiedDeel.nis.in_(gemeenten), WerkingsgebiedDeel.netwerk_id != netwerk_id)
            .order_by(Netwerk.naam, WerkingsgebiedDeel.nis)):
        delen[naam].append(s.Deel(nis=nis, deel=deel or None))
    return tuple(s.AnderNetwerk(naam=n, werkingsgebied=tuple(d)) for n, d in delen.items())


def _zorgregio(gemeenten: set[str]) -> dict[str, str] | None:
    if not db.session.scalar(select(func.count()).select_from(Zorgregio)):
        return None  # the beheerder has not loaded the table yet
    return dict(db.session.execute(
        select(Zorgregio.nis, Zorgregio.zorgregio).where(Zorgregio.nis.in_(gemeenten))).all())


def _verplicht_kg_buiten(member_ids, gemeenten: set[str]) -> tuple[s.Aanbod, ...]:
    rows = db.session.execute(
        select(Aanbod, Organisatie.naam, Organisatie.gemeenten)
        .join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
        .where(Aanbod.verplicht_kg.is_(True), Aanbod.organisatie_id.not_in(member_ids))).all()
    return tuple(_aanbod(a, naam) for a, naam, org_gemeenten in rows
                 if set(a.gemeenten or org_gemeenten) & gemeenten)
