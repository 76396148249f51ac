"""The one adapter from the database to plain facts (snapshot.Netwerk) for the pure analyses.

A fixed number of statements per call, whatever the size or the number of networks: no N+1.
What belongs to a network alone (members, aanbod, verwijzingen, acties, bewust-niet) is cached per
process under the network's `revisie` token (revisie.py); what other networks or the zorgregio
table contribute is read fresh every time (a few small queries), so it needs no invalidation.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from .. import cache
from .. import snapshot as s
from ..db import has_code
from ..extensions import db
from ..graaf.models import BewustNiet, Verwijzing
from ..partners.models import Aanbod, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from .models import Actie, Engagement, Zorgregio

_koud_laden = threading.Lock()

_AANBOD = (Aanbod.id, Aanbod.organisatie_id, Aanbod.naam, Aanbod.aanbodvorm, Aanbod.functies,
           Aanbod.leeftijdsgroepen, Aanbod.doelgroep, Aanbod.werkvormen, Aanbod.gemeenten,
           Aanbod.laagdrempelig, Aanbod.verplicht_kg)


def _aanbod(r, partner_naam: str) -> s.Aanbod:
    return s.Aanbod(
        id=r.id, partner_id=r.organisatie_id, naam=r.naam, aanbodvorm=r.aanbodvorm,
        functies=frozenset(r.functies), leeftijdsgroepen=frozenset(r.leeftijdsgroepen),
        doelgroep=r.doelgroep, werkvormen=frozenset(r.werkvormen),
        gemeenten=frozenset(r.gemeenten), laagdrempelig=r.laagdrempelig,
        verplicht_kg=r.verplicht_kg, partner_naam=partner_naam)


@dataclass(frozen=True)
class _Eigen:
    """The facts that depend on this network's own rows only (cached per revisie)."""
    partners: tuple[s.Partner, ...]
    aanbod: tuple[s.Aanbod, ...]
    verwijzingen: tuple[s.Verwijzing, ...]
    acties: tuple[s.Actie, ...]
    bewust_niet: tuple[s.BewustNiet, ...]


def netwerk_facts(netwerk_id: int) -> s.Netwerk:
    """Raises LookupError when the network does not exist."""
    found = netwerken_facts([netwerk_id])
    if netwerk_id not in found:
        raise LookupError(netwerk_id)
    return found[netwerk_id]


def netwerken_facts(netwerk_ids: Iterable[int]) -> dict[int, s.Netwerk]:
    """Facts of several networks (e.g. a province overview) in a fixed number of statements."""
    ids = sorted(set(netwerk_ids))
    if not ids:
        return {}
    koppen = db.session.execute(select(
        Netwerk.id, Netwerk.naam, Netwerk.rechtsvorm, Netwerk.aanvraagdatum,
        Netwerk.erkenningsdatum, Netwerk.coordinator_naam, Netwerk.coordinator_email,
        Netwerk.revisie).where(Netwerk.id.in_(ids))).all()
    gebied: dict[int, list[s.Deel]] = defaultdict(list)
    for netwerk_id, nis, deel in db.session.execute(
            select(WerkingsgebiedDeel.netwerk_id, WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)
            .where(WerkingsgebiedDeel.netwerk_id.in_(ids))
            .order_by(WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)):
        gebied[netwerk_id].append(s.Deel(nis=nis, deel=deel or None))

    database = str(db.engine.url)
    bronnen = {k.id: ("netwerk", database, k.id, k.revisie) for k in koppen}
    eigen = {i: cache.get(bron) for i, bron in bronnen.items()}
    if None in eigen.values():
        # one cold load at a time per process: simultaneous first visitors of a province then
        # find what the first one loaded instead of each reading all of it again
        with _koud_laden:
            eigen = {i: e or cache.get(bronnen[i]) for i, e in eigen.items()}
            missing = [i for i, e in eigen.items() if e is None]
            for netwerk_id, e in _eigen(missing).items():
                eigen[netwerk_id] = cache.put(bronnen[netwerk_id], e)

    alle_gemeenten = {d.nis for delen in gebied.values() for d in delen}
    andere = _andere_netwerken(alle_gemeenten)
    zorgregio = _zorgregio(alle_gemeenten)
    verplicht_kg = _verplicht_kg(alle_gemeenten)
    result = {}
    for k in koppen:
        werkingsgebied = tuple(gebied[k.id])
        gemeenten = {d.nis for d in werkingsgebied}
        e = eigen[k.id]
        andere_netwerken = _andere_voor(andere, k.id, gemeenten)
        eigen_zorgregio = None if zorgregio is None else {
            nis: z for nis, z in zorgregio.items() if nis in gemeenten}
        buiten = tuple(a for a, leden_van, org_gemeenten in verplicht_kg
                       if k.id not in leden_van and set(a.gemeenten or org_gemeenten) & gemeenten)
        # what identifies this exact set of facts, for caches of what is computed from them:
        # the network's own rows (revisie), its header row, and what other networks contribute
        bron = bronnen[k.id] + (hash((tuple(k), werkingsgebied, andere_netwerken, buiten,
                                      None if eigen_zorgregio is None
                                      else tuple(sorted(eigen_zorgregio.items())))),)
        result[k.id] = s.Netwerk(
            id=k.id, naam=k.naam, rechtsvorm=k.rechtsvorm, aanvraagdatum=k.aanvraagdatum,
            erkenningsdatum=k.erkenningsdatum, coordinator_naam=k.coordinator_naam,
            coordinator_email=k.coordinator_email, werkingsgebied=werkingsgebied,
            partners=e.partners, aanbod=e.aanbod, verwijzingen=e.verwijzingen, acties=e.acties,
            bewust_niet=e.bewust_niet, andere_netwerken=andere_netwerken,
            zorgregio=eigen_zorgregio, verplicht_kg_buiten=buiten, bron=bron)
    return result


def _eigen(ids: list[int]) -> dict[int, _Eigen]:
    if not ids:
        return {}
    partners: dict[int, list[s.Partner]] = defaultdict(list)
    for r in db.session.execute(
            select(Lidmaatschap.netwerk_id, Organisatie.id, Organisatie.naam, Organisatie.sector,
                   Organisatie.gemeenten, Organisatie.kbo, Lidmaatschap.overeenkomst_getekend,
                   Lidmaatschap.lid_sinds)
            .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
            .where(Lidmaatschap.netwerk_id.in_(ids), Lidmaatschap.lid_tot.is_(None))
            .order_by(Organisatie.naam, Organisatie.id)):
        partners[r.netwerk_id].append(s.Partner(
            id=r.id, naam=r.naam, sector=r.sector, gemeenten=frozenset(r.gemeenten),
            overeenkomst_getekend=r.overeenkomst_getekend, lid_sinds=r.lid_sinds, kbo=r.kbo))
    namen = {(n, p.id): p.naam for n, ps in partners.items() for p in ps}

    aanbod: dict[int, list[s.Aanbod]] = defaultdict(list)
    for r in db.session.execute(
            select(Lidmaatschap.netwerk_id, *_AANBOD)
            .join(Lidmaatschap, and_(Lidmaatschap.organisatie_id == Aanbod.organisatie_id,
                                     Lidmaatschap.lid_tot.is_(None)))
            .where(Lidmaatschap.netwerk_id.in_(ids)).order_by(Aanbod.id)):
        aanbod[r.netwerk_id].append(_aanbod(r, namen[r.netwerk_id, r.organisatie_id]))

    van, naar = aliased(Lidmaatschap), aliased(Lidmaatschap)
    verwijzingen: dict[int, list[s.Verwijzing]] = defaultdict(list)
    for r in db.session.execute(
            select(van.netwerk_id, Verwijzing.van_id, Verwijzing.naar_id, Verwijzing.soort,
                   Verwijzing.aantal_per_jaar, Verwijzing.sinds, Verwijzing.bevestigd)
            .join(van, and_(van.organisatie_id == Verwijzing.van_id, van.lid_tot.is_(None)))
            .join(naar, and_(naar.organisatie_id == Verwijzing.naar_id,
                             naar.netwerk_id == van.netwerk_id, naar.lid_tot.is_(None)))
            .where(van.netwerk_id.in_(ids)).order_by(Verwijzing.id)):
        verwijzingen[r.netwerk_id].append(s.Verwijzing(
            van=r.van_id, naar=r.naar_id, soort=r.soort, aantal_per_jaar=r.aantal_per_jaar,
            sinds=r.sinds, bevestigd=r.bevestigd))

    acties: dict[int, list[s.Actie]] = defaultdict(list)
    for r in db.session.execute(
            select(Engagement.netwerk_id, Engagement.voorwaarde, Actie.id, Actie.beschrijving,
                   Actie.trekker_id, Actie.deadline, Actie.status, Actie.bewijs, Actie.bewijs_link)
            .join(Engagement, Actie.engagement_id == Engagement.id)
            .where(Engagement.netwerk_id.in_(ids)).order_by(Actie.id)):
        acties[r.netwerk_id].append(s.Actie(
            id=r.id, voorwaarde=r.voorwaarde, beschrijving=r.beschrijving,
            trekker_id=r.trekker_id, deadline=r.deadline, status=r.status,
            bewijs=r.bewijs or r.bewijs_link))

    bewust_niet: dict[int, list[s.BewustNiet]] = defaultdict(list)
    for r in db.session.execute(
            select(BewustNiet.netwerk_id, BewustNiet.functie, BewustNiet.leeftijdsgroep,
                   BewustNiet.nis, BewustNiet.reden)
            .where(BewustNiet.netwerk_id.in_(ids)).order_by(BewustNiet.id)):
        bewust_niet[r.netwerk_id].append(s.BewustNiet(
            functie=r.functie, leeftijdsgroep=r.leeftijdsgroep, nis=r.nis or None,
            reden=r.reden))

    return {i: _Eigen(tuple(partners[i]), tuple(aanbod[i]), tuple(verwijzingen[i]),
                      tuple(acties[i]), tuple(bewust_niet[i])) for i in ids}


def _andere_netwerken(gemeenten: set[str]) -> list[tuple[int, str, str, str]]:
    if not gemeenten:
        return []
    return db.session.execute(
        select(Netwerk.id, Netwerk.naam, WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)
        .join(Netwerk, Netwerk.id == WerkingsgebiedDeel.netwerk_id)
        .where(WerkingsgebiedDeel.nis.in_(gemeenten))
        .order_by(Netwerk.naam, WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)).all()


def _andere_voor(rows, netwerk_id: int, gemeenten: set[str]) -> tuple[s.AnderNetwerk, ...]:
    """Other networks with a part in one of these municipalities (E2), each with those parts."""
    delen: dict[str, list[s.Deel]] = defaultdict(list)
    for other_id, naam, nis, deel in rows:
        if other_id != netwerk_id and nis in gemeenten:
            delen[naam].append(s.Deel(nis=nis, deel=deel or None))
    return tuple(s.AnderNetwerk(naam=n, werkingsgebied=tuple(d)) for n, d in delen.items())


def _zorgregio(gemeenten: set[str]) -> dict[str, str] | None:
    if not db.session.scalar(select(func.count()).select_from(Zorgregio)):
        return None  # the beheerder has not loaded the table yet
    return dict(db.session.execute(
        select(Zorgregio.nis, Zorgregio.zorgregio).where(Zorgregio.nis.in_(gemeenten))).all())


def _verplicht_kg(gemeenten: set[str]) -> list[tuple[s.Aanbod, frozenset[int], tuple[str, ...]]]:
    """Verplicht_kg aanbod in these municipalities, with the networks its organisation is an
    active member of (each network then keeps what is outside its own membership and area)."""
    if not gemeenten:
        return []
    codes = sorted(gemeenten)
    in_gebied = or_(*(has_code(Aanbod.gemeenten, nis) for nis in codes),
                    and_(Aanbod.gemeenten == "",
                         or_(*(has_code(Organisatie.gemeenten, nis) for nis in codes))))
    leden_van: dict[int, set[int]] = defaultdict(set)
    rows = db.session.execute(
        select(*_AANBOD, Organisatie.naam.label("org_naam"),
               Organisatie.gemeenten.label("org_gemeenten"), Lidmaatschap.netwerk_id)
        .join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
        .outerjoin(Lidmaatschap, and_(Lidmaatschap.organisatie_id == Aanbod.organisatie_id,
                                      Lidmaatschap.lid_tot.is_(None)))
        .where(Aanbod.verplicht_kg.is_(True), in_gebied).order_by(Aanbod.id)).all()
    first = {}
    for r in rows:
        first.setdefault(r.id, r)
        if r.netwerk_id is not None:
            leden_van[r.id].add(r.netwerk_id)
    return [(_aanbod(r, r.org_naam), frozenset(leden_van[i]), tuple(r.org_gemeenten))
            for i, r in first.items()]
