"""Queries of the public guide: the publishing network and its aanbod as families see it.

The guide lists the aanbod of the network's active members that runs today (started, not ended),
with the same SQL filters as the network's own aanbod list (partners/queries_aanbod.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select

from ..extensions import db
from ..fouten import NietGevonden
from ..partners.models import Aanbod, Netwerk
from ..partners.queries_aanbod import AanbodFilter, aanbod_stmt


@dataclass(frozen=True)
class GidsNetwerk:
    """What the guide needs of the network, read in one statement before anything else: the
    revisie and updated_at answer a conditional request (ETag, Last-Modified) on their own."""
    id: int
    naam: str
    beschrijving: str
    publiek: bool
    revisie: int
    updated_at: datetime
    gids_origins: tuple[str, ...]
    version: int


def gids_netwerk(netwerk_id: int) -> GidsNetwerk:
    row = db.session.execute(
        select(Netwerk.id, Netwerk.naam, Netwerk.beschrijving, Netwerk.publiek, Netwerk.revisie,
               Netwerk.updated_at, Netwerk.gids_origins, Netwerk.version)
        .where(Netwerk.id == netwerk_id)).first()
    if row is None:
        raise NietGevonden(f"netwerk {netwerk_id}")
    return GidsNetwerk(*row)


def _lopend(vandaag: date):
    return (or_(Aanbod.startdatum.is_(None), Aanbod.startdatum <= vandaag),
            or_(Aanbod.einddatum.is_(None), Aanbod.einddatum >= vandaag))


def gids_stmt(netwerk_id: int, f: AanbodFilter):
    """SELECT Aanbod (organisation loaded) of the guide: running today, filtered, by name."""
    return aanbod_stmt(netwerk_id, f).where(*_lopend(f.vandaag))


def gids_aanbod(netwerk_id: int, aanbod_id: int, vandaag: date) -> Aanbod:
    """One aanbod of the guide; NietGevonden unless an active member of this network offers it
    and it runs today."""
    a = db.session.scalar(gids_stmt(netwerk_id, AanbodFilter(vandaag=vandaag))
                          .where(Aanbod.id == aanbod_id))
    if a is None:
        raise NietGevonden(f"aanbod {aanbod_id} in de gids van netwerk {netwerk_id}")
    return a
