"""Plain permission references (domein/permissions.py) for networks and organisations."""
from __future__ import annotations

from sqlalchemy import select

from ..domein.permissions import NetwerkRef, OrganisatieRef
from ..extensions import db
from ..domein import gemeenten
from .models import Lidmaatschap, WerkingsgebiedDeel


def _provincies(nis_codes) -> frozenset[str]:
    return frozenset(p for p in (gemeenten.provincie_van(n) for n in nis_codes) if p)


def netwerk_ref(netwerk_id: int) -> NetwerkRef:
    nis = db.session.scalars(
        select(WerkingsgebiedDeel.nis).where(WerkingsgebiedDeel.netwerk_id == netwerk_id))
    return NetwerkRef(id=netwerk_id, provincies=_provincies(nis))


def organisatie_ref(organisatie_id: int) -> OrganisatieRef:
    rows = db.session.execute(
        select(Lidmaatschap.netwerk_id, WerkingsgebiedDeel.nis)
        .outerjoin(WerkingsgebiedDeel, WerkingsgebiedDeel.netwerk_id == Lidmaatschap.netwerk_id)
        .where(Lidmaatschap.organisatie_id == organisatie_id, Lidmaatschap.lid_tot.is_(None))).all()
    return OrganisatieRef(id=organisatie_id, netwerk_ids=frozenset(r[0] for r in rows),
                          provincies=_provincies(r[1] for r in rows if r[1]))
