"""Queries of the partners module: what a user may see, with eager loading (no N+1)."""
from __future__ import annotations

from sqlalchemy import func, or_, select

from ..auth.permissions import BEHEERDER, CONSULTANT, COORDINATOR, PARTNER, Actor
from ..extensions import db
from ..referentie import gemeenten
from .models import Aanbod, Lidmaatschap, Netwerk, WerkingsgebiedDeel


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
        nis = [g.nis for g in gemeenten.alle() if g.provincie in actor.provincies]
        return stmt.where(Netwerk.id.in_(
            select(WerkingsgebiedDeel.netwerk_id).where(WerkingsgebiedDeel.nis.in_(nis))))
    return stmt.where(Netwerk.id == -1)


def netwerk_counts(netwerk_ids) -> dict[int, dict[str, int]]:
    """Active members and their aanbod per network, in two queries."""
    ids = list(netwerk_ids)
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


def search_filter(column, text: str):
    """Case-insensitive substring match, the same on SQLite and PostgreSQL."""
    return func.lower(column).contains(text.strip().lower(), autoescape=True)


def any_of(*conditions):
    return or_(*conditions)
