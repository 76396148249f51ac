"""What the HSDS API shows a caller, as SQL (domein.md §13).

Visible are the organisations that are an active member of a network the caller may read as open
data (`permissions.can_read_open_data`: a publishing network, or one their user may read), plus a
partner's own organisation, and for a beheerder every organisation; visible aanbod is the aanbod of
those organisations. Anonymous callers therefore see the publishing networks only.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, or_, select, true
from sqlalchemy.orm import contains_eager

from ..db import has_code
from ..domein import gemeenten
from ..domein import taxonomie as tax
from ..domein.permissions import Actor, NetwerkRef, can_read_open_data, is_beheerder
from ..extensions import db
from ..partners.export.hsds import TAXONOMIEEN, term_id, uid
from ..partners.models import Aanbod, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from ..partners.queries import search_filter

# HSDS taxonomy_term id → (taxonomy, code); HSDS taxonomy id → taxonomy
TERMEN = {term_id(t, c.code): (t, c.code) for t in TAXONOMIEEN for c in t}
TAXONOMIE = {uid("taxonomy", t.naam): t for t in TAXONOMIEEN}


def zoek(term: str, *kolommen):
    """The `search` parameter: a case-insensitive match on any of the columns. The one place to
    switch to an accent-insensitive (normalised) column."""
    return or_(*(search_filter(k, term) for k in kolommen))


def leesbare_netwerken(actor: Actor) -> list[int]:
    """The networks whose members' aanbod this caller sees (two statements)."""
    netwerken = db.session.execute(select(Netwerk.id, Netwerk.publiek)).all()
    nis: dict[int, set[str]] = defaultdict(set)
    if actor.authenticated:
        for netwerk_id, code in db.session.execute(
                select(WerkingsgebiedDeel.netwerk_id, WerkingsgebiedDeel.nis)):
            nis[netwerk_id].add(code)
    return [i for i, publiek in netwerken
            if can_read_open_data(actor, NetwerkRef(i, frozenset(
                p for p in map(gemeenten.provincie_van, nis[i]) if p)), publiek)]


def zichtbaar(actor: Actor):
    """SQL condition on Organisatie: visible to this caller."""
    if is_beheerder(actor):
        return true()
    ids = leesbare_netwerken(actor)
    cond = Organisatie.id.in_(select(Lidmaatschap.organisatie_id).where(
        Lidmaatschap.netwerk_id.in_(ids), Lidmaatschap.lid_tot.is_(None))) if ids else false()
    if actor.organisatie_id:
        cond = or_(cond, Organisatie.id == actor.organisatie_id)
    return cond


@dataclass(frozen=True)
class Filter:
    search: str = ""
    organisatie_id: int | None = None  # None: any; -1: an unknown organization_id (none)
    term: tuple | None = None  # (taxonomy, code), or ("?", "") for an unknown term
    taxonomie: object | None = None
    gewijzigd_na: datetime | None = None
    op_locatie: bool = False  # service_at_locations: aanbod at the organisation's address


def _term(t: tax.Taxonomie, code: str):
    if t is tax.SECTOR:
        return Organisatie.sector == code
    if t is tax.AANBODVORM:
        return Aanbod.aanbodvorm == code
    if t is tax.DOELGROEP:
        return Aanbod.doelgroep == code
    kolom = {tax.FUNCTIE.naam: Aanbod.functies, tax.LEEFTIJDSGROEP.naam: Aanbod.leeftijdsgroepen,
             tax.WERKVORM.naam: Aanbod.werkvormen}[t.naam]
    return has_code(kolom, code)


def _taxonomie(t: tax.Taxonomie):
    if t in (tax.SECTOR, tax.AANBODVORM, tax.DOELGROEP):
        return true()  # every aanbod (and organisation) has exactly one such code
    return or_(*(_term(t, c.code) for c in t))


def aanbod_stmt(actor: Actor, f: Filter):
    """SELECT Aanbod (with its organisation) visible to the caller, filtered, in id order."""
    stmt = (select(Aanbod).join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
            .where(zichtbaar(actor)).options(contains_eager(Aanbod.organisatie)))
    if f.search:
        stmt = stmt.where(zoek(f.search, Aanbod.naam, Aanbod.beschrijving, Organisatie.naam))
    if f.organisatie_id is not None:
        stmt = stmt.where(Aanbod.organisatie_id == f.organisatie_id)
    if f.term is not None:
        stmt = stmt.where(_term(*f.term) if f.term[0] != "?" else false())
    if f.taxonomie is not None:
        stmt = stmt.where(_taxonomie(f.taxonomie) if f.taxonomie != "?" else false())
    if f.gewijzigd_na is not None:
        stmt = stmt.where(Aanbod.updated_at >= f.gewijzigd_na)
    if f.op_locatie:
        stmt = stmt.where(Organisatie.straat != "", Organisatie.plaats != "",
                          or_(Aanbod.werkvormen == (), has_code(Aanbod.werkvormen, "locatie")))
    return stmt.order_by(Aanbod.id)


def organisatie_stmt(actor: Actor, search: str = ""):
    stmt = select(Organisatie).where(zichtbaar(actor))
    if search:
        stmt = stmt.where(zoek(search, Organisatie.naam, Organisatie.beschrijving))
    return stmt.order_by(Organisatie.id)
