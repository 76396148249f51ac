"""The one adapter from the database to plain facts (domein.snapshot.Netwerk).

A fixed number of statements per call, whatever the size or the number of networks: no N+1.
What belongs to a network alone (members with every membership period, aanbod with its period,
verwijzingen, acties, bewust-niet) is cached per process under the network's `revisie` token
(revisie.py); what other networks or the zorgregio table contribute is read fresh every time (a
few small queries), so it needs no invalidation. The bundles computed from the facts are kept in
the database for every worker and host (berekeningen.py); `koppen()` gives their keys without
reading a network's own rows. The facts returned are the network as it
stood on the peildatum (`Netwerk.op`, domein.md §4): today unless asked otherwise.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, NamedTuple

from sqlalchemy import and_, func, select

from . import cache, revisie
from .berekening_models import GedeeldeFeiten
from .db import in_ids
from .domein import snapshot as s
from .erkenning.models import Actie, Engagement, Zorgregio
from .extensions import db
from .fouten import NietGevonden
from .graaf.models import BewustNiet, Indicator, Verwijzing
from .graaf.queries import tussen_leden
from .partners.gemeente_index import aanbod_dekt
from .partners.models import Aanbod, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from .vingerafdruk import vingerafdruk

_koud_laden = threading.Lock()

_AANBOD = (Aanbod.id, Aanbod.organisatie_id, Aanbod.naam, Aanbod.aanbodvorm, Aanbod.functies,
           Aanbod.leeftijdsgroepen, Aanbod.doelgroep, Aanbod.werkvormen, Aanbod.gemeenten,
           Aanbod.laagdrempelig, Aanbod.verplicht_kg, Aanbod.startdatum, Aanbod.einddatum)


class _Sets(dict):
    """One frozenset per distinct code list while reading: 60,000 aanbod share a few hundred
    combinations of functies, age groups, werkvormen and municipalities. Fewer objects to build,
    to keep in memory and for the garbage collector to walk (the largest network's facts: 107 ms
    of building sets before)."""

    def __missing__(self, codes):
        waarde = self[codes] = frozenset(codes)
        return waarde


def _aanbod(r, partner_naam: str, sets: _Sets | None = None) -> s.Aanbod:
    sets = _Sets() if sets is None else sets
    return s.Aanbod(
        r.id, r.organisatie_id, r.naam, r.aanbodvorm, sets[tuple(r.functies)],
        sets[tuple(r.leeftijdsgroepen)], r.doelgroep, sets[tuple(r.werkvormen)],
        sets[tuple(r.gemeenten)], r.laagdrempelig, r.verplicht_kg, partner_naam, r.startdatum,
        r.einddatum)


@dataclass(frozen=True)
class _Eigen:
    """The facts that depend on this network's own rows only (cached per revisie)."""
    partners: tuple[s.Partner, ...]
    aanbod: tuple[s.Aanbod, ...]
    verwijzingen: tuple[s.Verwijzing, ...]
    acties: tuple[s.Actie, ...]
    bewust_niet: tuple[s.BewustNiet, ...]


def netwerk_facts(netwerk_id: int, peildatum: date | None = None) -> s.Netwerk:
    """The network as it stood on the peildatum (default today); NietGevonden (a LookupError)
    when it does not exist."""
    found = netwerken_facts([netwerk_id], peildatum)
    if netwerk_id not in found:
        raise NietGevonden(netwerk_id)
    return found[netwerk_id]


def bron_op(kop: "Kop", peildatum: date) -> tuple | None:
    """The `bron` that netwerken_facts gives this network at the peildatum, from its head alone."""
    return s.bron_op(kop.bron, peildatum, date.today())


def dossier_bron(kop: "Kop", peildatum: date) -> tuple | None:
    """What identifies the dossier of this network at the peildatum: its facts and everything
    else it shows (contact persons, review remarks: the network's revisie)."""
    bron = bron_op(kop, peildatum)
    return None if bron is None else (*bron, kop.revisie)


def netwerken_facts(netwerk_ids: Iterable[int], peildatum: date | None = None,
                    koppen: dict[int, "Kop"] | None = None) -> dict[int, s.Netwerk]:
    """Facts of several networks (e.g. a province overview) in a fixed number of statements,
    each as it stood on the peildatum (default today). `koppen` (from `koppen()`) saves reading
    the heads again."""
    vandaag = date.today()
    database = str(db.engine.url)
    return {i: cache.remember(None if raw.bron is None
                              else ("op", database, raw.bron, peildatum or vandaag),
                              lambda raw=raw: raw.op(peildatum or vandaag, vandaag),
                              groep=("op", database, i))
            for i, raw in _raw_facts(netwerk_ids, koppen).items()}


class _Rij(NamedTuple):
    id: int
    naam: str
    rechtsvorm: str
    aanvraagdatum: date | None
    erkenningsdatum: date | None
    coordinator_naam: str
    coordinator_email: str
    feitenrevisie: int


@dataclass(frozen=True)
class Kop:
    """What a network's facts hold besides its own rows, and `bron`: what identifies its facts
    (None while this transaction holds uncommitted changes). `revisie` changes with everything
    about the network, facts or not (the dossier PDF is kept under bron and revisie)."""
    rij: tuple
    werkingsgebied: tuple[s.Deel, ...]
    andere_netwerken: tuple[s.AnderNetwerk, ...]
    zorgregio: dict[str, str] | None
    verplicht_kg_buiten: tuple[s.Aanbod, ...]
    bron: tuple | None
    indicatoren: tuple[s.Indicator, ...] = ()
    revisie: int = 0


def koppen(netwerk_ids: Iterable[int]) -> dict[int, Kop]:
    """The heads of these networks in a fixed number of statements, without their own rows: enough
    to know the key of everything computed from their facts (pipeline.py finds kept bundles
    with it before reading any member, aanbod or verwijzing)."""
    ids = sorted(set(netwerk_ids))
    if not ids:
        return {}
    # the shared token first, in the same statement as the rows: what is read after it is at
    # least as new as the token says (kept under an older token at worst, never the reverse)
    rijen = db.session.execute(select(
        Netwerk.id, Netwerk.naam, Netwerk.rechtsvorm, Netwerk.aanvraagdatum,
        Netwerk.erkenningsdatum, Netwerk.coordinator_naam, Netwerk.coordinator_email,
        Netwerk.feitenrevisie, Netwerk.revisie, _GEDEELD_TOKEN).where(in_ids(Netwerk.id, ids))).all()
    onzeker = revisie.onzeker(db.session)
    token = None if onzeker or not rijen else rijen[0][-1]
    database = str(db.engine.url)
    # A head is the same for the same row and shared token: kept, a province's 64 heads cost
    # 7 ms to derive (the verplicht_kg outside each network, the digests). The row holds the
    # feitenrevisie, which every change of the network's werkingsgebied renews (and a bulk
    # change renews the token, revisie.raak_gedeeld): a kept head needs no read of its area.
    sleutels = {r[0]: None if token is None else ("kop", database, token, tuple(r[:-2]))
                for r in rijen}
    kept = {i: None if k is None else cache.get(k) for i, k in sleutels.items()}
    gebied = _werkingsgebieden([i for i, kop in kept.items() if kop is None])
    gedeeld = None
    uit = {}
    for *k, alle_revisie, _ in rijen:
        k = _Rij(*k)
        kop = kept[k.id]
        if kop is None or kop.revisie != alle_revisie:  # new, or changed outside its facts
            if kop is None:
                gedeeld = gedeeld or _gedeeld(
                    frozenset(d.nis for delen in gebied.values() for d in delen), token)
                kop = _kop(k, tuple(gebied[k.id]), gedeeld, onzeker)
            kop = replace(kop, revisie=alle_revisie)
            if sleutels[k.id] is not None:
                cache.put(sleutels[k.id], kop, groep=("kop", database, k.id))
        uit[k.id] = kop
    return uit


def _werkingsgebieden(netwerk_ids: list[int]) -> dict[int, list[s.Deel]]:
    """The werkingsgebied of these networks, each by nis and deel (one statement; none for none)."""
    gebied: dict[int, list[s.Deel]] = defaultdict(list)
    if not netwerk_ids:
        return gebied
    for netwerk_id, nis, deel in db.session.execute(
            select(WerkingsgebiedDeel.netwerk_id, WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)
            .where(WerkingsgebiedDeel.netwerk_id.in_(netwerk_ids))
            .order_by(WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)):
        gebied[netwerk_id].append(s.Deel(nis=nis, deel=deel or None))
    return gebied


def _kop(k: _Rij, werkingsgebied: tuple[s.Deel, ...], gedeeld: tuple, onzeker: bool) -> Kop:
    andere, zorgregio, verplicht_kg, indicatoren = gedeeld
    gemeenten = {d.nis for d in werkingsgebied}
    andere_netwerken = _andere_voor(andere, k.id, gemeenten)
    eigen_zorgregio = None if zorgregio is None else {
        nis: z for nis, z in zorgregio.items() if nis in gemeenten}
    buiten = verplicht_kg.buiten(k.id, gemeenten)
    eigen_indicatoren = tuple(i for nis in sorted(gemeenten) for i in indicatoren.get(nis, ()))
    # what identifies this exact set of facts, for caches of what is computed from them:
    # the network's own rows (revisie), its header row, and what other networks contribute
    # (a stable digest, not hash(): the key is shared with other processes via the database);
    # the indicators of its municipalities only when there are any, so that a network
    # without them keeps the key it had before indicators existed
    eigen = (tuple(k), werkingsgebied, andere_netwerken, buiten, eigen_zorgregio)
    bron = None if onzeker else ("netwerk", k.id, k.feitenrevisie, vingerafdruk(
        eigen + (eigen_indicatoren,) if eigen_indicatoren else eigen))
    return Kop(tuple(k), werkingsgebied, andere_netwerken, eigen_zorgregio, buiten, bron,
               eigen_indicatoren)


_GEDEELD_TOKEN = select(GedeeldeFeiten.revisie).where(GedeeldeFeiten.id == 1).scalar_subquery()


def _gedeeld(gemeenten: frozenset[str], token: int | None) -> tuple:
    """What these municipalities hold that several networks read: other networks' parts, the
    zorgregio, the verplicht_kg aanbod, the indicators. Kept in this process under the shared
    token (revisie.py: every commit touching them renews it), so an analysis page reads them
    only after a change: 5 statements and ~5 ms of the largest network's page. Read fresh
    without a token (no row yet, or this transaction changed facts)."""
    sleutel = None if token is None else ("gedeeld", str(db.engine.url), token, gemeenten)
    if sleutel is not None:
        gevonden = cache.get(sleutel)
        if gevonden is not None:
            return gevonden
    waarde = (_PerGemeente(_andere_netwerken(gemeenten), lambda r: (r[2],)),
              _zorgregio(gemeenten), _VerplichtKg(_verplicht_kg(gemeenten)),
              dict(_indicatoren(gemeenten)))
    if sleutel is None:
        return waarde
    return cache.put(sleutel, waarde, groep=("gedeeld", str(db.engine.url), gemeenten))


def _raw_facts(netwerk_ids: Iterable[int], gegeven: dict[int, Kop] | None = None
               ) -> dict[int, s.Netwerk]:
    """Every period of the networks' rows: former members too (Netwerk.op filters a day)."""
    ids = sorted(set(netwerk_ids))
    if gegeven is None or not set(ids) <= set(gegeven):
        gegeven = koppen(ids)
    if not ids:
        return {}
    eigen = _eigen_van({i: gegeven[i].bron for i in ids if i in gegeven})
    result = {}
    for i in ids:
        if i not in gegeven:
            continue
        kop, e = gegeven[i], eigen[i]
        (_, naam, rechtsvorm, aanvraagdatum, erkenningsdatum, coordinator_naam,
         coordinator_email, _) = kop.rij
        result[i] = s.Netwerk(
            id=i, naam=naam, rechtsvorm=rechtsvorm, aanvraagdatum=aanvraagdatum,
            erkenningsdatum=erkenningsdatum, coordinator_naam=coordinator_naam,
            coordinator_email=coordinator_email, werkingsgebied=kop.werkingsgebied,
            partners=e.partners, aanbod=e.aanbod, verwijzingen=e.verwijzingen, acties=e.acties,
            bewust_niet=e.bewust_niet, andere_netwerken=kop.andere_netwerken,
            zorgregio=kop.zorgregio, verplicht_kg_buiten=kop.verplicht_kg_buiten, bron=kop.bron,
            indicatoren=kop.indicatoren)
    return result


def _eigen_van(bronnen: dict[int, tuple | None]) -> dict[int, _Eigen]:
    """The networks' own facts: kept in this process's memory per revisie; read fresh while
    this transaction holds uncommitted changes (bron None)."""
    database = str(db.engine.url)
    sleutels = {i: None if bron is None else ("eigen", database, bron[:3])
                for i, bron in bronnen.items()}
    eigen = {i: k and cache.get(k) for i, k in sleutels.items()}
    if None in eigen.values():
        # one cold load at a time per process: simultaneous first visitors of a province then
        # find what the first one loaded instead of each reading all of it again
        with _koud_laden:
            eigen = {i: e or (sleutels[i] and cache.get(sleutels[i])) for i, e in eigen.items()}
            nieuw = _eigen([i for i, e in eigen.items() if e is None])
            for i, e in nieuw.items():
                eigen[i] = e if sleutels[i] is None else cache.put(
                    sleutels[i], e, groep=("eigen", database, i))
    return eigen


def _eigen(ids: list[int]) -> dict[int, _Eigen]:
    if not ids:
        return {}
    # every membership, former ones too: a past peildatum needs them (Netwerk.op); an
    # organisation that left and came back has several periods and is one partner
    leden: dict[tuple[int, int], list] = defaultdict(list)
    for r in db.session.execute(
            select(Lidmaatschap.netwerk_id, Organisatie.id, Organisatie.naam, Organisatie.sector,
                   Organisatie.gemeenten, Organisatie.kbo, Lidmaatschap.overeenkomst_getekend,
                   Lidmaatschap.lid_sinds, Lidmaatschap.lid_tot)
            .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
            .where(Lidmaatschap.netwerk_id.in_(ids))
            .order_by(Organisatie.naam, Organisatie.id, Lidmaatschap.lid_tot.is_(None),
                      Lidmaatschap.lid_tot, Lidmaatschap.id)):
        leden[r.netwerk_id, r.id].append(r)
    partners: dict[int, list[s.Partner]] = defaultdict(list)
    sets = _Sets()
    for (netwerk_id, _), rows in leden.items():
        r = rows[-1]  # the current (or most recent) membership carries the terms
        partners[netwerk_id].append(s.Partner(
            id=r.id, naam=r.naam, sector=r.sector, gemeenten=sets[tuple(r.gemeenten)],
            overeenkomst_getekend=r.overeenkomst_getekend, lid_sinds=r.lid_sinds,
            lid_tot=r.lid_tot, kbo=r.kbo,
            perioden=tuple((x.lid_sinds, x.lid_tot) for x in rows)))
    # Each statement below sees the database as of its own start (PostgreSQL's read committed):
    # a membership committed between two of them must not show up half (its aanbod without its
    # member: a KeyError under the crash gate). Rows of organisations that were no member when
    # the members were read are left out: the next read has the network's new revisie anyway.
    namen = {(n, p.id): p.naam for n, ps in partners.items() for p in ps}

    # no DISTINCT on these joins: one membership per (network, organisation) (a unique
    # constraint), and sorting every column of 8,000 rows to drop no duplicate was a third of
    # the largest network's read on PostgreSQL
    aanbod: dict[int, list[s.Aanbod]] = defaultdict(list)
    for r in db.session.execute(
            select(Lidmaatschap.netwerk_id, *_AANBOD)
            .join(Lidmaatschap, Lidmaatschap.organisatie_id == Aanbod.organisatie_id)
            .where(Lidmaatschap.netwerk_id.in_(ids)).order_by(Aanbod.id)):
        naam = namen.get((r.netwerk_id, r.organisatie_id))
        if naam is not None:
            aanbod[r.netwerk_id].append(_aanbod(r, naam, sets))

    verwijzingen: dict[int, list[s.Verwijzing]] = defaultdict(list)
    for r in db.session.execute(
            tussen_leden(ids, Verwijzing.id, Verwijzing.van_id, Verwijzing.naar_id,
                         Verwijzing.soort, Verwijzing.sinds, Verwijzing.bevestigd)
            .order_by(Verwijzing.id)):
        if (r.netwerk_id, r.van_id) not in namen or (r.netwerk_id, r.naar_id) not in namen:
            continue  # a member that joined after the members were read (see above)
        verwijzingen[r.netwerk_id].append(s.Verwijzing(
            van=r.van_id, naar=r.naar_id, soort=r.soort, sinds=r.sinds,
            bevestigd=r.bevestigd))  # no aantal_per_jaar: no fact (snapshot.Verwijzing)

    acties: dict[int, list[s.Actie]] = defaultdict(list)
    for r in db.session.execute(
            select(Engagement.netwerk_id, Engagement.voorwaarde, Actie.id, Actie.beschrijving,
                   Actie.trekker_id, Actie.deadline, Actie.status, Actie.bewijs, Actie.bewijs_link,
                   Actie.gerealiseerd_op)
            .join(Engagement, Actie.engagement_id == Engagement.id)
            .where(Engagement.netwerk_id.in_(ids)).order_by(Actie.id)):
        acties[r.netwerk_id].append(s.Actie(
            id=r.id, voorwaarde=r.voorwaarde, beschrijving=r.beschrijving,
            trekker_id=r.trekker_id, deadline=r.deadline, status=r.status,
            bewijs=r.bewijs or r.bewijs_link, gerealiseerd_op=r.gerealiseerd_op))

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


class _PerGemeente:
    """Rows read for many networks at once (a province overview asks for 130), indexed by the
    municipalities each row concerns: a network picks its own rows instead of scanning every
    row of Flanders (130 × 1,000 verplicht_kg aanbod took ~60 ms of the first overview after a
    restart). `bij(gemeenten)` keeps the rows' order, so the facts and their digests are the
    same as a scan's."""

    def __init__(self, rijen, gemeenten_van):
        self.rijen = tuple(rijen)
        self._per_nis: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.rijen):
            for nis in gemeenten_van(r):
                self._per_nis[nis].append(i)

    def bij(self, gemeenten: Iterable[str]) -> list:
        """The rows concerning one of these municipalities, in their original order."""
        nummers = {i for nis in gemeenten for i in self._per_nis.get(nis, ())}
        return [self.rijen[i] for i in sorted(nummers)]


class _VerplichtKg(_PerGemeente):
    """Verplicht_kg aanbod with the networks its organisation is a member of, per municipality
    it serves (s.gebied_van: its own, or else its organisation's)."""

    def __init__(self, rijen):
        super().__init__(rijen, lambda r: s.gebied_van(r[0].gemeenten, frozenset(r[2])))

    def buiten(self, netwerk_id: int, gemeenten: set[str]) -> tuple[s.Aanbod, ...]:
        """What serves these municipalities from outside the network's membership."""
        return tuple(a for a, leden_van, _ in self.bij(gemeenten) if netwerk_id not in leden_van)


def _andere_voor(rows: _PerGemeente, netwerk_id: int, gemeenten: set[str]
                 ) -> tuple[s.AnderNetwerk, ...]:
    """Other networks with a part in one of these municipalities (E2), each with those parts."""
    delen: dict[str, list[s.Deel]] = defaultdict(list)
    for other_id, naam, nis, deel in rows.bij(gemeenten):
        if other_id != netwerk_id:
            delen[naam].append(s.Deel(nis=nis, deel=deel or None))
    return tuple(s.AnderNetwerk(naam=n, werkingsgebied=tuple(d)) for n, d in delen.items())


def _zorgregio(gemeenten: set[str]) -> dict[str, str] | None:
    if not db.session.scalar(select(func.count()).select_from(Zorgregio)):
        return None  # the beheerder has not loaded the table yet
    return dict(db.session.execute(
        select(Zorgregio.nis, Zorgregio.zorgregio).where(Zorgregio.nis.in_(gemeenten))).all())


def _indicatoren(gemeenten: set[str]) -> dict[str, list[s.Indicator]]:
    """The indicators of these municipalities (every year), per nis: facts of municipalities
    that several networks share, so read with the heads like the zorgregio table."""
    uit: dict[str, list[s.Indicator]] = defaultdict(list)
    if not gemeenten:
        return uit
    for r in db.session.execute(
            select(Indicator.nis, Indicator.jaar, Indicator.indicator, Indicator.waarde,
                   Indicator.bron).where(Indicator.nis.in_(gemeenten))
            .order_by(Indicator.nis, Indicator.indicator, Indicator.jaar)):
        uit[r.nis].append(s.Indicator(nis=r.nis, jaar=r.jaar, indicator=r.indicator,
                                      waarde=float(r.waarde), bron=r.bron))
    return uit


def _verplicht_kg(gemeenten: set[str]) -> list[tuple[s.Aanbod, frozenset[int], tuple[str, ...]]]:
    """Verplicht_kg aanbod in these municipalities, with the networks its organisation is an
    active member of (each network then keeps what is outside its own membership and area)."""
    if not gemeenten:
        return []
    codes = sorted(gemeenten)
    in_gebied = aanbod_dekt(codes)
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
