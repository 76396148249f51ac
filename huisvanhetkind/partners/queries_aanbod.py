"""Queries on a network's aanbod: the filtered list and the overview by vorm and age.

Every filter is SQL (has_code for CodeList columns, the indexed rows of gemeente_index for
municipalities), so a page costs the same number of statements whatever the number of rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import contains_eager

from ..db import has_code
from ..extensions import db
from ..domein.taxonomie import AANBODVORM, LEEFTIJDSGROEP, doelgroepen_die_bedienen
from .gemeente_index import met_gemeente
from .models import Aanbod, Lidmaatschap, Organisatie
from .queries import naam_of_kbo


@dataclass(frozen=True)
class AanbodFilter:
    """The GET parameters of the aanbod list, already checked against the taxonomies."""
    q: str = ""
    aanbodvorm: str = ""
    functie: str = ""
    leeftijdsgroep: str = ""
    gemeente: str = ""
    doelgroep: str = ""
    sector: str = ""
    werkvorm: str = ""
    verouderd: str = ""  # 'ja' | 'nee' | ''
    sorteer: str = "naam"
    vandaag: date = field(default_factory=date.today)


SORTERING = {
    "naam": (Aanbod.naam,),
    "vorm": (Aanbod.aanbodvorm, Aanbod.naam),
    "partner": (Organisatie.naam, Aanbod.naam),
    "nagekeken": (Aanbod.laatst_nagekeken_op.asc().nulls_first(), Aanbod.naam),
}


def _gemeente(nis: str):
    """The aanbod's own municipalities, or (when it has none) its organisation's."""
    leeg = or_(Aanbod.gemeenten == (), Aanbod.gemeenten.is_(None))
    return or_(met_gemeente(Aanbod, nis), and_(leeg, met_gemeente(Organisatie, nis)))


def aanbod_stmt(netwerk_id: int, f: AanbodFilter):
    """SELECT Aanbod (its organisation eagerly loaded) of the network's active members."""
    stmt = (select(Aanbod).join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
            .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
            .where(Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))
            .options(contains_eager(Aanbod.organisatie)))
    if f.q:
        stmt = stmt.where(naam_of_kbo(f.q, Aanbod.zoektekst))
    if f.aanbodvorm:
        stmt = stmt.where(Aanbod.aanbodvorm == f.aanbodvorm)
    if f.functie:
        stmt = stmt.where(has_code(Aanbod.functies, f.functie))
    if f.leeftijdsgroep:
        stmt = stmt.where(has_code(Aanbod.leeftijdsgroepen, f.leeftijdsgroep))
    if f.werkvorm:
        stmt = stmt.where(has_code(Aanbod.werkvormen, f.werkvorm))
    if f.doelgroep:
        stmt = stmt.where(Aanbod.doelgroep.in_(doelgroepen_die_bedienen(f.doelgroep)))
    if f.sector:
        stmt = stmt.where(Organisatie.sector == f.sector)
    if f.gemeente:
        stmt = stmt.where(_gemeente(f.gemeente))
    if f.verouderd == "ja":
        stmt = stmt.where(Aanbod.verouderd_op(f.vandaag))
    elif f.verouderd == "nee":
        stmt = stmt.where(~Aanbod.verouderd_op(f.vandaag))
    return stmt.order_by(*SORTERING.get(f.sorteer, SORTERING["naam"]), Aanbod.id)


@dataclass(frozen=True)
class AanbodRegel:
    id: int
    naam: str
    aanbodvorm: str
    leeftijdsgroepen: tuple[str, ...]
    organisatie_id: int
    organisatie: str


@dataclass
class AanbodOverzicht:
    """The network's aanbod grouped by vorm and by leeftijdsgroep, and the vorm × age matrix."""
    per_vorm: list[tuple[str, list[AanbodRegel]]]
    per_leeftijd: list[tuple[str, list[AanbodRegel]]]
    matrix: dict[tuple[str, str], int]
    totaal: int


def aanbod_overzicht(netwerk_id: int) -> AanbodOverzicht:
    rows = [AanbodRegel(a_id, naam, vorm, tuple(leeftijden), org_id, org_naam)
            for a_id, naam, vorm, leeftijden, org_id, org_naam in db.session.execute(
                select(Aanbod.id, Aanbod.naam, Aanbod.aanbodvorm, Aanbod.leeftijdsgroepen,
                       Organisatie.id, Organisatie.naam)
                .join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
                .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
                .where(Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))
                .order_by(Aanbod.naam, Aanbod.id))]
    per_vorm = [(v, [r for r in rows if r.aanbodvorm == v]) for v in AANBODVORM.keys()]
    per_leeftijd = [(g, [r for r in rows if g in r.leeftijdsgroepen])
                    for g in LEEFTIJDSGROEP.keys()]
    matrix: dict[tuple[str, str], int] = {}
    for r in rows:
        for g in r.leeftijdsgroepen:
            matrix[(r.aanbodvorm, g)] = matrix.get((r.aanbodvorm, g), 0) + 1
    return AanbodOverzicht(per_vorm=[(v, lst) for v, lst in per_vorm if lst],
                           per_leeftijd=per_leeftijd, matrix=matrix, totaal=len(rows))
