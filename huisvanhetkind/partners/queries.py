"""Queries of the partners module: what a user may see, with eager loading (no N+1)."""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from datetime import date
from typing import Callable, TypeVar

from sqlalchemy import Select, bindparam, func, or_, select
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import contains_eager, joinedload

from .. import cache, revisie
from ..db import in_ids
from ..domein.permissions import BEHEERDER, CONSULTANT, COORDINATOR, PARTNER, Actor
from ..extensions import db
from ..fouten import NietGevonden
from ..domein import gemeenten
from ..domein.taxonomie import AANBODVORM, SECTOR
from .gemeente_index import met_gemeente
from .models_eigendom import OPEN, Uitnodiging
from .models import (Aanbod, Contactpersoon, Lidmaatschap, Netwerk, Organisatie,
                     WerkingsgebiedDeel, zoekt)

T = TypeVar("T")


def netwerk_ids_in_provincies(provincies) -> Select:
    """SELECT the ids of the networks with a municipality in one of these provinces. The codes
    (~70 per province) are written into the statement (literal_execute): as as many bound
    parameters they doubled its time on PostgreSQL (0.73-0.91 ms against 0.35-0.42 ms). They
    come from the vendored municipality table, never from a request."""
    nis = sorted(g.nis for g in gemeenten.alle() if g.provincie in provincies)
    return select(WerkingsgebiedDeel.netwerk_id).where(WerkingsgebiedDeel.nis.in_(
        bindparam("provincie_nis", nis, expanding=True, literal_execute=True, unique=True)))


def visible_netwerken_stmt(actor: Actor):
    """SELECT of the networks this actor may read, ordered by name."""
    stmt = select(Netwerk).order_by(Netwerk.naam)
    if actor.rol == BEHEERDER:
        return stmt
    if actor.rol == COORDINATOR:
        return stmt.where(Netwerk.id.in_(actor.coordinator_van or {-1}))
    if actor.rol == PARTNER:
        return stmt.where(Netwerk.id.in_(actor.lid_van or {-1}))
    if actor.rol == CONSULTANT:
        if not actor.provincies:
            return stmt
        return stmt.where(Netwerk.id.in_(netwerk_ids_in_provincies(actor.provincies)))
    return stmt.where(Netwerk.id == -1)


def _eigen_netwerken(actor: Actor) -> frozenset[int] | None:
    """The networks a coordinator or partner sees (None: the rol decides, not a list)."""
    return (actor.coordinator_van if actor.rol == COORDINATOR
            else actor.lid_van if actor.rol == PARTNER else None)


def zichtbare_netwerken() -> list[Netwerk]:
    """The networks the current actor may see, read once per request: the start page and the
    menu on every page both list them (130 rows for a consultant of all of Flanders)."""
    from flask import g

    from ..auth.guard import current_actor  # late: auth imports partners
    if "zichtbare_netwerken" not in g:
        actor = current_actor()
        eigen = _eigen_netwerken(actor)
        if eigen is not None and len(eigen) <= 1:
            # most coordinators and partners see one network, which the page of that network
            # has loaded already: Session.get finds it without a statement
            gevonden = [db.session.get(Netwerk, i) for i in eigen]
            g.zichtbare_netwerken = [n for n in gevonden if n is not None]
        else:
            g.zichtbare_netwerken = db.session.scalars(visible_netwerken_stmt(actor)).all()
    return g.zichtbare_netwerken


def zichtbare_netwerk_namen() -> list:
    """The menu's network switcher on every page: rows with .id and .naam of the networks the
    current actor may see. The request's zichtbare_netwerken when it has them (the start page,
    one network), else only these two columns: a consultant of all of Flanders sees 130
    networks, whose full rows (every column as an object) were loaded on each of their pages."""
    from flask import g

    from ..auth.guard import current_actor  # late: auth imports partners
    actor = current_actor()
    eigen = _eigen_netwerken(actor)
    if "zichtbare_netwerken" in g or (eigen is not None and len(eigen) <= 1):
        return zichtbare_netwerken()
    if "zichtbare_netwerk_namen" not in g:
        g.zichtbare_netwerk_namen = db.session.execute(visible_netwerken_stmt(actor)
                                                       .with_only_columns(Netwerk.id, Netwerk.naam)
                                                       ).all()
    return g.zichtbare_netwerk_namen


def netwerk_counts(netwerken) -> dict[int, dict[str, int]]:
    """Active members and their aanbod per network, kept per network revisie; the networks
    without a kept count in two queries."""
    return per_revisie_veel("tellingen", list(netwerken), _tellingen)


def _tellingen(ids: list[int]) -> dict[int, dict[str, int]]:
    counts = {i: {"leden": 0, "aanbod": 0} for i in ids}
    if not ids:
        return counts
    active = (Lidmaatschap.netwerk_id.in_(ids), Lidmaatschap.lid_tot.is_(None))
    for nid, n in db.session.execute(select(Lidmaatschap.netwerk_id, func.count())
                                     .where(*active).group_by(Lidmaatschap.netwerk_id)):
        counts[nid]["leden"] = n
    for nid, n in db.session.execute(
            select(Lidmaatschap.netwerk_id, func.count(Aanbod.id))
            .join(Aanbod, Aanbod.organisatie_id == Lidmaatschap.organisatie_id)
            .where(*active).group_by(Lidmaatschap.netwerk_id)):
        counts[nid]["aanbod"] = n
    return counts


# --- networks: overview, members, search -------------------------------------------------------

PER_PAGINA = 25


def actieve_leden(netwerk_id: int):
    """Subquery: ids of the network's active member organisations."""
    return select(Lidmaatschap.organisatie_id).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))


def netwerk_gemeenten(netwerk_id: int) -> list[tuple[str, str]]:
    """(nis, naam) of the municipalities of this network, sorted by name: its werkingsgebied and
    wherever its active members or their aanbod work — what its partner and aanbod filters offer,
    not all 300. Three small queries, whatever the number of members."""
    nis = set(db.session.scalars(select(WerkingsgebiedDeel.nis)
                                 .where(WerkingsgebiedDeel.netwerk_id == netwerk_id)))
    leden = actieve_leden(netwerk_id)
    for lijst in db.session.scalars(select(Organisatie.gemeenten).where(Organisatie.id.in_(leden))
                                    .distinct()):
        nis.update(lijst)
    for lijst in db.session.scalars(select(Aanbod.gemeenten)
                                    .where(Aanbod.organisatie_id.in_(leden)).distinct()):
        nis.update(lijst)
    return [(c, naam) for c, naam in gemeenten.choices() if c in nis]


@dataclass(frozen=True)
class Overzicht:
    """What the network page shows at a glance, from a fixed number of aggregate queries."""
    per_sector: list[tuple[str, list[tuple[int, str]]]]  # sector, [(organisatie_id, naam)]
    per_vorm: list[tuple[str, int]]
    leden: int
    aanbod: int
    zonder_overeenkomst: list[tuple[int, str]]  # (organisatie_id, naam)
    zonder_aanbod: list[tuple[int, str]]
    zonder_contact: list[tuple[int, str]]
    verouderd: int
    oud_leden: int


def per_revisie(soort: str, netwerk, maak: Callable[[], T], *extra, lru: cache.Lru | None = None
                ) -> T:
    """maak(), kept in this process per network revisie: every change to the network, its
    memberships or its members' organisations, aanbod and contact persons gives it a new revisie
    (revisie.py). Computed afresh while this transaction holds uncommitted changes."""
    database = str(db.engine.url)
    sleutel = None if revisie.onzeker(db.session) else (
        soort, database, netwerk.id, netwerk.revisie, *extra)
    return (lru or cache.default()).remember(sleutel, maak, groep=(soort, database, netwerk.id))


def per_revisie_veel(soort: str, netwerken: list, maak: Callable[[list[int]], dict[int, T]],
                     *extra) -> dict[int, T]:
    """per_revisie for many networks at once: the kept values, and maak(ids) for the others in
    one go (a consultant's start page lists 130 networks)."""
    return _bewaard_per_sleutel(soort, {n.id: n.revisie for n in netwerken}, maak, extra,
                                cache.default())


def per_revisie_rijen(soort: str, netwerk, ids: list[int],
                      maak: Callable[[list[int]], dict[int, T]], *extra, lru: cache.Lru
                      ) -> dict[int, T]:
    """per_revisie for rows of one network's list (each id its own entry, so a row is kept
    whichever page or filter shows it): the kept rows, and maak(ids) for the others in one go.
    One lookup per row instead of a per_revisie call each (25 of them were ~5 % of the aanbod
    list)."""
    # the network in the key: an organisation's aanbod shows in each network it is a member of
    return _bewaard_per_sleutel(soort, {i: netwerk.revisie for i in ids}, maak,
                                (netwerk.id, *extra), lru)


def _bewaard_per_sleutel(soort: str, revisies: dict, maak: Callable[[list], dict], extra: tuple,
                         lru: cache.Lru) -> dict:
    """{sleutel: revisie} → {sleutel: value}: the kept values, maak(missing keys) for the rest,
    kept per revisie (not at all while this transaction holds uncommitted changes); None for a
    key maak leaves out (a row deleted meanwhile)."""
    database = str(db.engine.url)
    onzeker = revisie.onzeker(db.session)
    sleutels = {k: None if onzeker else (soort, database, k, r, *extra)
                for k, r in revisies.items()}
    uit = {k: sleutel and lru.get(sleutel) for k, sleutel in sleutels.items()}
    ontbreekt = [k for k, v in uit.items() if v is None]
    if ontbreekt:
        for k, waarde in maak(ontbreekt).items():
            uit[k] = waarde if sleutels[k] is None else lru.put(
                sleutels[k], waarde, groep=(soort, database, k))
    return uit


class _IdPagina(Pagination):
    """A page of a list whose matching ids, in order, are known: only its own rows are read."""

    def _query_items(self) -> list:
        begin = self._query_offset
        return self._query_args["lees"](list(self._query_args["ids"][begin:begin + self.per_page]))

    def _query_count(self) -> int:
        return len(self._query_args["ids"])


def pagina_van(entiteit, maak_stmt: Callable[[], Select], netwerk, soort: str, *extra,
               rijen: Callable[[list[int]], dict]):
    """A page of a network's list, maak_stmt() being SELECT entiteit … ORDER BY …. The matching
    ids in their order are kept per network revisie and `extra` (the filters); a request reads
    only its page's rows, rijen(ids) → {id: row} (the entities: `entiteiten`, or kept rendered
    rows). Sorting and counting every matching row was most of the largest network's aanbod
    list (its 3,464 aanbod: 5.8 ms of SQL); the statement is built only when its ids are not
    kept (~0.3 ms of every visit)."""
    ids = per_revisie(soort, netwerk, lambda: array("q", db.session.scalars(
        maak_stmt().with_only_columns(entiteit.id, maintain_column_froms=True))), *extra)

    def lees(pagina_ids: list[int]) -> list:
        if not pagina_ids:
            return []
        gevonden = rijen(pagina_ids)
        return [gevonden[i] for i in pagina_ids if gevonden.get(i) is not None]

    return _IdPagina(per_page=PER_PAGINA, error_out=False, ids=ids, lees=lees)


def entiteiten(entiteit, ids: list[int], mee) -> dict[int, object]:
    """{id: row} of these ids, with `mee` (a relationship) loaded in the same statement."""
    return {r.id: r for r in db.session.scalars(
        select(entiteit).where(in_ids(entiteit.id, ids)).options(joinedload(mee)))}


def bewaard_overzicht(netwerk: Netwerk, vandaag: date | None = None) -> Overzicht:
    """netwerk_overzicht per revisie and day: the network page reads its seven overview queries
    (5.6 ms on SQLite for the largest network) only after a change."""
    vandaag = vandaag or date.today()
    return per_revisie("overzicht", netwerk, lambda: netwerk_overzicht(netwerk.id, vandaag),
                       vandaag)


def bewaarde_gemeenten(netwerk: Netwerk, lru: cache.Lru | None = None
                       ) -> tuple[tuple[str, str], ...]:
    """netwerk_gemeenten per revisie: the filters of the partner and aanbod lists and the guide
    (three queries over every member, ~2 ms for the largest network)."""
    return per_revisie("gemeenten", netwerk, lambda: tuple(netwerk_gemeenten(netwerk.id)),
                       lru=lru)


def bewaard_werkingsgebied(netwerk: Netwerk) -> tuple[tuple[str, str | None], ...]:
    """(nis, deel) of the network's werkingsgebied by nis, per revisie (its rows are the
    network's own: every change gives a new revisie): the network page."""
    return per_revisie("werkingsgebied", netwerk, lambda: tuple(sorted(
        ((nis, deel) for nis, deel in db.session.execute(
            select(WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)
            .where(WerkingsgebiedDeel.netwerk_id == netwerk.id))),
        key=lambda d: (d[0], d[1] or ""))))


def coordinator_namen(netwerk_id: int) -> list[str]:
    """Name (else e-mail) of the network's coordinator accounts, read fresh: a beheerder grants
    them on the user's page, which gives the network no new revisie."""
    from ..auth.models import Gebruiker, gebruiker_netwerk  # late: auth imports partners
    return [naam or email for naam, email in db.session.execute(
        select(Gebruiker.naam, Gebruiker.email)
        .join(gebruiker_netwerk, gebruiker_netwerk.c.gebruiker_id == Gebruiker.id)
        .where(gebruiker_netwerk.c.netwerk_id == netwerk_id).order_by(Gebruiker.id))]


def netwerk_overzicht(netwerk_id: int, vandaag: date | None = None) -> Overzicht:
    members = actieve_leden(netwerk_id)
    per_sector: dict[str, list[tuple[int, str]]] = {}
    for sector, org_id, naam in db.session.execute(
            select(Organisatie.sector, Organisatie.id, Organisatie.naam)
            .where(Organisatie.id.in_(members)).order_by(Organisatie.naam)):
        per_sector.setdefault(sector, []).append((org_id, naam))
    per_vorm = db.session.execute(
        select(Aanbod.aanbodvorm, func.count()).where(Aanbod.organisatie_id.in_(members))
        .group_by(Aanbod.aanbodvorm)).all()
    zonder_overeenkomst = db.session.execute(
        select(Organisatie.id, Organisatie.naam)
        .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
        .where(Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None),
               Lidmaatschap.overeenkomst_getekend.is_(False)).order_by(Organisatie.naam)).all()
    # NOT EXISTS, not NOT IN: PostgreSQL hashes all 60,000 aanbod for a NOT IN on every network
    # page (12-32 ms); the anti-join probes the index per member
    zonder_aanbod = db.session.execute(
        select(Organisatie.id, Organisatie.naam).where(
            Organisatie.id.in_(members),
            ~select(Aanbod.id).where(Aanbod.organisatie_id == Organisatie.id).exists())
        .order_by(Organisatie.naam)).all()
    zonder_contact = db.session.execute(
        select(Organisatie.id, Organisatie.naam).where(
            Organisatie.id.in_(members),
            ~select(Contactpersoon.id).where(Contactpersoon.organisatie_id == Organisatie.id)
            .exists())
        .order_by(Organisatie.naam)).all()
    verouderd = db.session.scalar(select(func.count(Aanbod.id)).where(
        Aanbod.organisatie_id.in_(members), Aanbod.verouderd_op(vandaag or date.today())))
    oud = db.session.scalar(select(func.count(Lidmaatschap.id)).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_not(None)))
    sector_order = {c: i for i, c in enumerate(SECTOR.keys())}
    vorm_order = {c: i for i, c in enumerate(AANBODVORM.keys())}
    return Overzicht(
        per_sector=sorted(per_sector.items(), key=lambda r: sector_order.get(r[0], 99)),
        per_vorm=sorted(((v, n) for v, n in per_vorm), key=lambda r: vorm_order.get(r[0], 99)),
        leden=sum(len(orgs) for orgs in per_sector.values()), aanbod=sum(n for _, n in per_vorm),
        zonder_overeenkomst=[tuple(r) for r in zonder_overeenkomst],
        zonder_aanbod=[tuple(r) for r in zonder_aanbod],
        zonder_contact=[tuple(r) for r in zonder_contact],
        verouderd=verouderd or 0, oud_leden=oud or 0)


LEDEN_SORTERING = {
    "naam": (Organisatie.naam,),
    "sector": (Organisatie.sector, Organisatie.naam),
    "lid_sinds": (Lidmaatschap.lid_sinds.desc().nulls_last(), Organisatie.naam),
}


def leden_stmt(netwerk_id: int, *, actief: bool = True, q: str = "", sector: str = "",
               gemeente: str = "", overeenkomst: str = "", sorteer: str = "naam"):
    """SELECT Lidmaatschap (organisation eagerly loaded) of the network, filtered and sorted."""
    stmt = (select(Lidmaatschap).join(Organisatie, Organisatie.id == Lidmaatschap.organisatie_id)
            .options(contains_eager(Lidmaatschap.organisatie))
            .where(Lidmaatschap.netwerk_id == netwerk_id,
                   Lidmaatschap.lid_tot.is_(None) if actief else Lidmaatschap.lid_tot.is_not(None)))
    if q:
        stmt = stmt.where(naam_of_kbo(q))
    if sector:
        stmt = stmt.where(Organisatie.sector == sector)
    if gemeente:
        stmt = stmt.where(met_gemeente(Organisatie, gemeente))
    if overeenkomst in ("ja", "nee"):
        stmt = stmt.where(Lidmaatschap.overeenkomst_getekend.is_(overeenkomst == "ja"))
    order = LEDEN_SORTERING.get(sorteer, LEDEN_SORTERING["naam"]) if actief \
        else (Lidmaatschap.lid_tot.desc(), Organisatie.naam)
    return stmt.order_by(*order, Organisatie.id)


def naam_of_kbo(q: str, *ook):
    """Every word of q is in the organisation's name (or in one of the `ook` columns, e.g. the
    aanbod's zoektekst) whatever its case or accents, or the organisation's KBO number contains
    q's digits (dots and spaces ignored, so '0123.456.749', '123456749' and 'BE 0123 456 749'
    all find it)."""
    op_naam = zoekt(q, Organisatie.naam_sleutel, *ook)
    digits = re.sub(r"\D", "", q)
    if len(digits) >= 4:
        return or_(op_naam, Organisatie.kbo.contains(digits, autoescape=True))
    return op_naam


def aanbod_per_organisatie(organisatie_ids) -> dict[int, int]:
    ids = list(organisatie_ids)
    if not ids:
        return {}
    return dict(db.session.execute(
        select(Aanbod.organisatie_id, func.count()).where(Aanbod.organisatie_id.in_(ids))
        .group_by(Aanbod.organisatie_id)).all())


def zoek_organisaties(q: str, netwerk_id: int, limiet: int = 20):
    """Organisations of the whole registry matching q by name or KBO — their public directory
    fields only (domein.md §10: naam, kbo, sector, gemeenten) — with whether each is an active
    member or invited already."""
    member = (select(Lidmaatschap.id).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.organisatie_id == Organisatie.id,
        Lidmaatschap.lid_tot.is_(None)).exists())
    uitgenodigd = (select(Uitnodiging.id).where(
        Uitnodiging.netwerk_id == netwerk_id, Uitnodiging.organisatie_id == Organisatie.id,
        Uitnodiging.status == OPEN).exists())
    return db.session.execute(
        select(Organisatie.id, Organisatie.naam, Organisatie.kbo, Organisatie.sector,
               Organisatie.gemeenten, member.label("is_lid"), uitgenodigd.label("uitgenodigd"))
        .where(naam_of_kbo(q)).order_by(Organisatie.naam, Organisatie.id).limit(limiet)).all()


def aanbod_organisatie_id(aanbod_id: int) -> int | None:
    return db.session.scalar(select(Aanbod.organisatie_id).where(Aanbod.id == aanbod_id))


def lid_met_organisatie(netwerk_id: int, lid_id: int) -> tuple[Lidmaatschap, Organisatie]:
    """The membership with its organisation, only if it belongs to this network."""
    row = db.session.execute(
        select(Lidmaatschap, Organisatie).join(Organisatie)
        .where(Lidmaatschap.id == lid_id, Lidmaatschap.netwerk_id == netwerk_id)).first()
    if row is None:
        raise NietGevonden(f"lidmaatschap {lid_id} van netwerk {netwerk_id}")
    return row[0], row[1]


def contactpersoon_van(organisatie_id: int, contact_id: int) -> Contactpersoon:
    """The contact person, only if it belongs to this organisation (no cross-organisation ids)."""
    c = db.session.get(Contactpersoon, contact_id)
    if c is None or c.organisatie_id != organisatie_id:
        raise NietGevonden(f"contactpersoon {contact_id} van organisatie {organisatie_id}")
    return c
