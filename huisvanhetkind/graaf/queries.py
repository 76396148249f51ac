"""Queries of the graaf module: a fixed number of statements per page, whatever the network size.

The analyses themselves run on the one analysis bundle (pipeline.py); what is here loads the
rows the pages edit (verwijzingen, bewust-niet marks) with their names. A missing row raises
NietGevonden (the view answers 404).
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy import and_, exists, select, tuple_

from ..db import alias
from ..domein import gemeenten
from ..domein import snapshot as s
from ..extensions import db
from ..fouten import NietGevonden
from ..partners.models import Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from ..partners.queries import netwerk_ids_in_provincies
from .models import BewustNiet, Verwijzing


def actieve_leden(netwerk_id: int):
    """Subquery: ids of the network's active member organisations."""
    return select(Lidmaatschap.organisatie_id).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))


def leden(netwerk_id: int) -> list[tuple[int, str]]:
    """(organisatie_id, naam) of the active members, by name."""
    return [tuple(r) for r in db.session.execute(
        select(Organisatie.id, Organisatie.naam).where(Organisatie.id.in_(actieve_leden(netwerk_id)))
        .order_by(Organisatie.naam, Organisatie.id))]


def is_lid(netwerk_id: int, organisatie_id: int) -> bool:
    return db.session.scalar(select(Lidmaatschap.id).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.organisatie_id == organisatie_id,
        Lidmaatschap.lid_tot.is_(None))) is not None


def netwerk_naam(netwerk_id: int) -> str:
    naam = db.session.scalar(select(Netwerk.naam).where(Netwerk.id == netwerk_id))
    if naam is None:
        raise NietGevonden(netwerk_id)
    return naam


@dataclass(frozen=True)
class VerwijzingRij:
    verwijzing: Verwijzing
    van_naam: str
    naar_naam: str


class RijPaginatie(SelectPagination):
    """db.paginate for a select of (Verwijzing, van naam, naar naam) rows."""

    def _query_items(self) -> list[VerwijzingRij]:
        stmt = self._query_args["select"].limit(self.per_page).offset(self._query_offset)
        return [VerwijzingRij(*r) for r in self._query_args["session"].execute(stmt)]


def verwijzingen_stmt(netwerk_id: int, toon: str = "alle", naar_in: frozenset[int] = frozenset()):
    """Verwijzingen between two active members, by names; `toon` filters as on the list page:
    onbevestigd, eenrichting (no link back), te_bevestigen (unconfirmed, naar in `naar_in`)."""
    van, naar = alias(Organisatie, "van"), alias(Organisatie, "naar")
    van_lid, naar_lid = alias(Lidmaatschap, "van_lid"), alias(Lidmaatschap, "naar_lid")
    # joins from the network's memberships (indexed), not IN (members) on both ends: that made
    # SQLite scan every verwijzing of Flanders
    stmt = (select(Verwijzing, van.naam, naar.naam)
            .select_from(van_lid)
            .join(Verwijzing, Verwijzing.van_id == van_lid.organisatie_id)
            .join(naar_lid, and_(naar_lid.organisatie_id == Verwijzing.naar_id,
                                 naar_lid.netwerk_id == netwerk_id, naar_lid.lid_tot.is_(None)))
            .join(van, van.id == Verwijzing.van_id).join(naar, naar.id == Verwijzing.naar_id)
            .where(van_lid.netwerk_id == netwerk_id, van_lid.lid_tot.is_(None)))
    if toon in ("onbevestigd", "te_bevestigen"):
        stmt = stmt.where(Verwijzing.bevestigd.is_(False))
    if toon == "te_bevestigen":
        stmt = stmt.where(Verwijzing.naar_id.in_(sorted(naar_in)))
    if toon == "eenrichting":
        terug = alias(Verwijzing, "terug")
        stmt = stmt.where(~exists().where(terug.van_id == Verwijzing.naar_id,
                                          terug.naar_id == Verwijzing.van_id))
    return stmt.order_by(van.naam, naar.naam, Verwijzing.soort, Verwijzing.id)


def verwijzingen_pagina(netwerk_id: int, toon: str, naar_in: frozenset[int], page: int,
                        per_page: int) -> RijPaginatie:
    return RijPaginatie(select=verwijzingen_stmt(netwerk_id, toon, naar_in), session=db.session,
                        page=page, per_page=per_page, error_out=False)


def zonder_terugweg(pijlen: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Those (van, naar) pairs with no verwijzing back from naar to van."""
    if not pijlen:
        return set()
    terug = set(tuple(r) for r in db.session.execute(
        select(Verwijzing.naar_id, Verwijzing.van_id)
        .where(tuple_(Verwijzing.van_id, Verwijzing.naar_id).in_(
            sorted((b, a) for a, b in pijlen)))))
    return {p for p in pijlen if p not in terug}


def verwijzingen_aantallen(netwerk: s.Netwerk, naar_in: frozenset[int]) -> dict[str, int]:
    """How many verwijzingen each filter of the list shows, counted on the (cached) facts."""
    pijlen = {(v.van, v.naar) for v in netwerk.verwijzingen}
    return {
        "alle": len(netwerk.verwijzingen),
        "onbevestigd": sum(not v.bevestigd for v in netwerk.verwijzingen),
        "eenrichting": sum((v.naar, v.van) not in pijlen for v in netwerk.verwijzingen),
        "te_bevestigen": sum(not v.bevestigd and v.naar in naar_in for v in netwerk.verwijzingen),
    }


def verwijzing_uiteinden(verwijzing_id: int) -> tuple[int, int]:
    """(van_id, naar_id) of a verwijzing, to build the permission reference; 404 if unknown."""
    row = db.session.execute(select(Verwijzing.van_id, Verwijzing.naar_id)
                             .where(Verwijzing.id == verwijzing_id)).first()
    if row is None:
        raise NietGevonden(verwijzing_id)
    return row[0], row[1]


def verwijzing_in_netwerk(netwerk_id: int, verwijzing_id: int) -> VerwijzingRij:
    """The verwijzing with its names, 404 unless both ends are active members of the network."""
    van, naar = alias(Organisatie, "van"), alias(Organisatie, "naar")
    members = actieve_leden(netwerk_id)
    row = db.session.execute(
        select(Verwijzing, van.naam, naar.naam)
        .join(van, van.id == Verwijzing.van_id).join(naar, naar.id == Verwijzing.naar_id)
        .where(Verwijzing.id == verwijzing_id, Verwijzing.van_id.in_(members),
               Verwijzing.naar_id.in_(members))).first()
    if row is None:
        raise NietGevonden(netwerk_id)
    return VerwijzingRij(*row)


def bestaat(van_id: int, naar_id: int, soort: str, behalve: int | None = None) -> bool:
    stmt = select(Verwijzing.id).where(Verwijzing.van_id == van_id, Verwijzing.naar_id == naar_id,
                                       Verwijzing.soort == soort)
    if behalve is not None:
        stmt = stmt.where(Verwijzing.id != behalve)
    return db.session.scalar(stmt) is not None


def bewust_niet_markeringen(netwerk_id: int) -> list[BewustNiet]:
    return list(db.session.scalars(
        select(BewustNiet).where(BewustNiet.netwerk_id == netwerk_id)
        .order_by(BewustNiet.nis, BewustNiet.functie, BewustNiet.leeftijdsgroep)))


def bewust_niet_in_netwerk(netwerk_id: int, markering_id: int) -> BewustNiet:
    """A mark of this network; NietGevonden for another network's (or none)."""
    markering = db.session.get(BewustNiet, markering_id)
    if markering is None or markering.netwerk_id != netwerk_id:
        raise NietGevonden(markering_id)
    return markering


def bewust_niet_markering(netwerk_id: int, functie: str, leeftijdsgroep: str,
                          nis: str) -> BewustNiet | None:
    return db.session.scalar(select(BewustNiet).where(
        BewustNiet.netwerk_id == netwerk_id, BewustNiet.functie == functie,
        BewustNiet.leeftijdsgroep == leeftijdsgroep, BewustNiet.nis == nis))


def netwerk_ids_in(provincies: frozenset[str] | None) -> list[int]:
    """Ids of the networks with a municipality in one of these provinces (None: all), by name:
    the overview reads the rest from the kept heads (64 full rows were ~1 ms of each visit)."""
    stmt = select(Netwerk.id).order_by(Netwerk.naam)
    if provincies is not None:
        stmt = stmt.where(Netwerk.id.in_(netwerk_ids_in_provincies(provincies)))
    return list(db.session.scalars(stmt))


def werkingsgebied(netwerk_id: int) -> list[str]:
    """The nis codes of the network's werkingsgebied (each once), by name."""
    nis = set(db.session.scalars(select(WerkingsgebiedDeel.nis)
                                 .where(WerkingsgebiedDeel.netwerk_id == netwerk_id)))
    return sorted(nis, key=gemeenten.naam)


def tussen_leden(netwerk_ids, *kolommen):
    """SELECT network id, *kolommen FROM the verwijzingen whose two ends are members (of any
    period) of the same network, for these networks: the facts' referrals (facts._eigen) and
    their counts (aantallen) read the same rows. Joined from the memberships (indexed on
    organisatie_id), not IN (members) on both ends."""
    van, naar = alias(Lidmaatschap, "van"), alias(Lidmaatschap, "naar")
    return (select(van.netwerk_id, *kolommen)
            .join(van, van.organisatie_id == Verwijzing.van_id)
            .join(naar, and_(naar.organisatie_id == Verwijzing.naar_id,
                             naar.netwerk_id == van.netwerk_id))
            .where(van.netwerk_id.in_(netwerk_ids)))


def netwerk_stand(netwerk_id: int) -> tuple:
    """(database, netwerk_id, revisie): one SELECT that tells whether what is cached about this
    network still holds (revisie.py bumps it at every commit touching the network or its
    members' rows, a '+1' included); NietGevonden when the network does not exist."""
    revisie = db.session.scalar(select(Netwerk.revisie).where(Netwerk.id == netwerk_id))
    if revisie is None:
        raise NietGevonden(netwerk_id)
    return (str(db.engine.url), netwerk_id, revisie)


def aantallen(stand: tuple) -> dict[tuple[int, int, str], int]:
    """{(van, naar, soort): aantal_per_jaar} of the referrals between the network's members (of
    any period, like the facts), kept per `netwerk_stand`. The count is no fact of the analysis
    (graaf/models.Verwijzing): the graph and its exports add it to the bundle's network
    (snapshot.Netwerk.met_aantallen). One statement (~7,000 rows for the largest network)."""
    from .. import cache

    _, netwerk_id, _ = stand

    def lees() -> dict[tuple[int, int, str], int]:
        return {(v, n, soort): aantal for _, v, n, soort, aantal in db.session.execute(
            tussen_leden([netwerk_id], Verwijzing.van_id, Verwijzing.naar_id, Verwijzing.soort,
                         Verwijzing.aantal_per_jaar)
            .where(Verwijzing.aantal_per_jaar.is_not(None)))}

    return cache.remember(("aantallen", *stand), lees, groep=("aantallen", stand[0], netwerk_id))
