"""Queries of the graaf module: a fixed number of statements per page, whatever the network size.

The analyses themselves run on the facts of erkenning/facts.py (the one database → facts adapter);
what is here loads the rows the pages edit (verwijzingen, bewust-niet marks) with their names.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import aliased

from .. import snapshot as s
from ..erkenning.facts import netwerk_facts
from ..extensions import db
from ..partners.models import Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from ..referentie import gemeenten
from . import coverage
from .analysis import Analyse, analyseer
from .models import BewustNiet, Verwijzing


@dataclass(frozen=True)
class Rapport:
    """Everything the analysis pages show about one network, computed from one set of facts."""
    netwerk: s.Netwerk
    analyse: Analyse
    lacunes: tuple[coverage.Lacune, ...]
    overlappen: tuple[coverage.Overlap, ...]
    bewust_niet: tuple[coverage.BewustNietCel, ...]


def bereken(netwerk: s.Netwerk) -> Rapport:
    """The pure analyses of one snapshot (also used for the 'wat als' snapshot)."""
    return Rapport(netwerk, analyseer(netwerk), coverage.lacunes(netwerk),
                   coverage.overlappen(netwerk), coverage.bewust_niet(netwerk))


def facts_or_404(netwerk_id: int) -> s.Netwerk:
    try:
        return netwerk_facts(netwerk_id)
    except LookupError:
        abort(404)


def rapport(netwerk_id: int) -> Rapport:
    return bereken(facts_or_404(netwerk_id))


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
        abort(404)
    return naam


@dataclass(frozen=True)
class VerwijzingRij:
    verwijzing: Verwijzing
    van_naam: str
    naar_naam: str


def verwijzingen(netwerk_id: int) -> list[VerwijzingRij]:
    """Every verwijzing between two active members of the network, in one statement."""
    van, naar = aliased(Organisatie), aliased(Organisatie)
    members = actieve_leden(netwerk_id)
    rows = db.session.execute(
        select(Verwijzing, van.naam, naar.naam)
        .join(van, van.id == Verwijzing.van_id).join(naar, naar.id == Verwijzing.naar_id)
        .where(Verwijzing.van_id.in_(members), Verwijzing.naar_id.in_(members))
        .order_by(van.naam, naar.naam, Verwijzing.soort, Verwijzing.id))
    return [VerwijzingRij(v, a, b) for v, a, b in rows]


def verwijzing_uiteinden(verwijzing_id: int) -> tuple[int, int]:
    """(van_id, naar_id) of a verwijzing, to build the permission reference; 404 if unknown."""
    row = db.session.execute(select(Verwijzing.van_id, Verwijzing.naar_id)
                             .where(Verwijzing.id == verwijzing_id)).first()
    if row is None:
        abort(404)
    return row[0], row[1]


def verwijzing_in_netwerk(netwerk_id: int, verwijzing_id: int) -> VerwijzingRij:
    """The verwijzing with its names, 404 unless both ends are active members of the network."""
    van, naar = aliased(Organisatie), aliased(Organisatie)
    members = actieve_leden(netwerk_id)
    row = db.session.execute(
        select(Verwijzing, van.naam, naar.naam)
        .join(van, van.id == Verwijzing.van_id).join(naar, naar.id == Verwijzing.naar_id)
        .where(Verwijzing.id == verwijzing_id, Verwijzing.van_id.in_(members),
               Verwijzing.naar_id.in_(members))).first()
    if row is None:
        abort(404)
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


def bewust_niet_markering(netwerk_id: int, functie: str, leeftijdsgroep: str,
                          nis: str) -> BewustNiet | None:
    return db.session.scalar(select(BewustNiet).where(
        BewustNiet.netwerk_id == netwerk_id, BewustNiet.functie == functie,
        BewustNiet.leeftijdsgroep == leeftijdsgroep, BewustNiet.nis == nis))


def netwerken_in(provincies: frozenset[str] | None) -> list[Netwerk]:
    """Networks with a municipality in one of these provinces (None: all), by name."""
    stmt = select(Netwerk).order_by(Netwerk.naam)
    if provincies is not None:
        nis = [g.nis for g in gemeenten.alle() if g.provincie in provincies]
        stmt = stmt.where(Netwerk.id.in_(
            select(WerkingsgebiedDeel.netwerk_id).where(WerkingsgebiedDeel.nis.in_(nis))))
    return list(db.session.scalars(stmt))


def werkingsgebied(netwerk_id: int) -> list[str]:
    """The nis codes of the network's werkingsgebied (each once), by name."""
    nis = set(db.session.scalars(select(WerkingsgebiedDeel.nis)
                                 .where(WerkingsgebiedDeel.netwerk_id == netwerk_id)))
    return sorted(nis, key=gemeenten.naam)
