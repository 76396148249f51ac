"""Plain permission references (domein/permissions.py) for networks and organisations."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from sqlalchemy import bindparam, func, select

from ..auth.models import Gebruiker
from ..domein.permissions import PARTNER, NetwerkRef, OrganisatieRef, VerwijzingRef
from ..extensions import db
from ..domein import gemeenten
from .models import Lidmaatschap, Netwerk, WerkingsgebiedDeel


def _provincies(nis_codes) -> frozenset[str]:
    return frozenset(p for p in (gemeenten.provincie_van(n) for n in nis_codes) if p)


@lru_cache(maxsize=1)
def _netwerk_met_gemeenten():
    """The network row with its werkingsgebied's codes. Built once: nearly every page runs it,
    and building it with its cache key was ~3 % of a page; a statement is immutable, so threads
    share it."""
    nis = (select(func.aggregate_strings(WerkingsgebiedDeel.nis, ","))
           .where(WerkingsgebiedDeel.netwerk_id == Netwerk.id).scalar_subquery())
    return select(Netwerk, nis).where(Netwerk.id == bindparam("netwerk_id"))


def netwerk_ref(netwerk_id: int) -> NetwerkRef:
    """The network's permission reference. Its row comes along in the same statement: nearly
    every page shows the network next, and Session.get then finds it without a statement."""
    rij = db.session.execute(_netwerk_met_gemeenten(), {"netwerk_id": netwerk_id}).one_or_none()
    if rij is None:
        return NetwerkRef(id=netwerk_id)
    # the session's identity map holds its objects weakly: keep the row as long as the session
    db.session.info.setdefault("vastgehouden", {})[netwerk_id] = rij[0]
    codes = rij[1].split(",") if rij[1] else ()
    return NetwerkRef(id=netwerk_id, provincies=_provincies(codes))


def organisatie_ref(organisatie_id: int) -> OrganisatieRef:
    return organisatie_refs([organisatie_id])[organisatie_id]


def organisatie_refs(organisatie_ids) -> dict[int, OrganisatieRef]:
    """The permission references of several organisations in two statements: their active
    memberships (with the provinces of those networks) and whether a partner account manages
    them (domein.md §10)."""
    ids = sorted(set(organisatie_ids))
    if not ids:
        return {}
    netwerken: dict[int, set[int]] = defaultdict(set)
    nis: dict[int, set[str]] = defaultdict(set)
    for org_id, netwerk_id, code in db.session.execute(
            select(Lidmaatschap.organisatie_id, Lidmaatschap.netwerk_id, WerkingsgebiedDeel.nis)
            .outerjoin(WerkingsgebiedDeel, WerkingsgebiedDeel.netwerk_id == Lidmaatschap.netwerk_id)
            .where(Lidmaatschap.organisatie_id.in_(ids), Lidmaatschap.lid_tot.is_(None))):
        netwerken[org_id].add(netwerk_id)
        if code:
            nis[org_id].add(code)
    beheerd = set(db.session.scalars(select(Gebruiker.organisatie_id).where(
        Gebruiker.organisatie_id.in_(ids), Gebruiker.rol == PARTNER, Gebruiker.actief.is_(True))))
    return {i: OrganisatieRef(id=i, netwerk_ids=frozenset(netwerken[i]),
                              provincies=_provincies(nis[i]), beheerd=i in beheerd)
            for i in ids}


def verwijzing_ref(van_id: int, naar_id: int) -> VerwijzingRef:
    """A referral's reference: both ends and every network where both are active members."""
    refs = organisatie_refs([van_id, naar_id])
    van, naar = refs[van_id], refs[naar_id]
    return VerwijzingRef(van, naar, van.netwerk_ids & naar.netwerk_ids)
