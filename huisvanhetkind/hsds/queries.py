"""What the HSDS API shows a caller, as SQL (domein.md §13).

Visible are the organisations that are an active member of a publishing network (Netwerk.publiek)
or of a network the caller's user may read (partners.queries.visible_netwerken_stmt, the SQL form
of permissions.can_view_netwerk), plus a partner's own organisation (can_view_organisatie), and for
a beheerder every organisation; visible aanbod is the aanbod of
those organisations. Anonymous callers therefore see the publishing networks only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, or_, select, true
from sqlalchemy.orm import contains_eager

from ..db import has_code
from ..domein import taxonomie as tax
from ..domein.permissions import Actor, is_beheerder
from ..partners.export.hsds import TAXONOMIEEN, term_id, uid
from ..partners.models import Aanbod, Lidmaatschap, Netwerk, Organisatie, zoekt
from ..partners.queries import visible_netwerken_stmt

# HSDS taxonomy_term id → (taxonomy, code); HSDS taxonomy id → taxonomy
TERMEN = {term_id(t, c.code): (t, c.code) for t in TAXONOMIEEN for c in t}
TAXONOMIE = {uid("taxonomy", t.naam): t for t in TAXONOMIEEN}


def zoek(term: str, *kolommen):
    """The `search` parameter: every word in one of these normalised columns, whatever its case
    or accents (the app's one search, partners.models.zoekt)."""
    return zoekt(term, *kolommen)


def zichtbaar(actor: Actor, met_publiek: bool = True):
    """SQL condition on Organisatie: visible to this caller (with the publishing networks' members
    for the HSDS API; without them for /api/v1, which lists what the user works with)."""
    if is_beheerder(actor):
        return true()
    netwerken = visible_netwerken_stmt(actor).with_only_columns(Netwerk.id).order_by(None)
    if met_publiek:
        netwerken = select(Netwerk.id).where(or_(Netwerk.publiek, Netwerk.id.in_(netwerken)))
    cond = Organisatie.id.in_(select(Lidmaatschap.organisatie_id).where(
        Lidmaatschap.netwerk_id.in_(netwerken), Lidmaatschap.lid_tot.is_(None)))
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


def aanbod_stmt(actor: Actor, f: Filter, met_publiek: bool = True):
    """SELECT Aanbod (with its organisation) visible to the caller, filtered, in id order."""
    stmt = (select(Aanbod).join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
            .where(zichtbaar(actor, met_publiek)).options(contains_eager(Aanbod.organisatie)))
    if f.search:
        stmt = stmt.where(zoek(f.search, Aanbod.zoektekst, Organisatie.naam_sleutel))
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
        stmt = stmt.where(zoek(search, Organisatie.naam_sleutel))
    return stmt.order_by(Organisatie.id)
