"""Queries of the zelfevaluatie module: a fixed number of statements per call."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domein.zelfevaluatie import Meting
from ..erkenning.models import Actie
from ..erkenning.queries import acties_per_voorwaarde
from ..extensions import db
from ..fouten import NietGevonden
from .models import KernprincipeScore, Zelfevaluatie

def _met_scores():
    # Built per call: building it at import would configure every mapper while the app loads.
    return selectinload(Zelfevaluatie.scores).selectinload(KernprincipeScore.actie)


def evaluaties(netwerk_id: int, tot: date | None = None) -> list[Zelfevaluatie]:
    """The network's zelfevaluaties up to `tot` (all when None), oldest first, with their scores
    and linked actions loaded."""
    stmt = select(Zelfevaluatie).where(Zelfevaluatie.netwerk_id == netwerk_id)
    if tot is not None:
        stmt = stmt.where(Zelfevaluatie.datum <= tot)
    return list(db.session.scalars(stmt.options(_met_scores()).order_by(Zelfevaluatie.datum)))


def datums(netwerk_id: int, behalve: int | None = None) -> list[date]:
    """The dates of the network's zelfevaluaties (but the one being edited)."""
    stmt = select(Zelfevaluatie.datum).where(Zelfevaluatie.netwerk_id == netwerk_id)
    if behalve is not None:
        stmt = stmt.where(Zelfevaluatie.id != behalve)
    return list(db.session.scalars(stmt))


def laatste(netwerk_id: int) -> Zelfevaluatie | None:
    return db.session.scalar(
        select(Zelfevaluatie).where(Zelfevaluatie.netwerk_id == netwerk_id)
        .options(_met_scores()).order_by(Zelfevaluatie.datum.desc()).limit(1))


def evaluatie_in_netwerk(netwerk_id: int, zelfevaluatie_id: int) -> Zelfevaluatie:
    """NietGevonden (404) when it does not exist or belongs to another network."""
    found = db.session.scalar(
        select(Zelfevaluatie).where(Zelfevaluatie.id == zelfevaluatie_id,
                                    Zelfevaluatie.netwerk_id == netwerk_id).options(_met_scores()))
    if found is None:
        raise NietGevonden(zelfevaluatie_id)
    return found


def score_in(z: Zelfevaluatie, kernprincipe: str) -> KernprincipeScore:
    for s in z.scores:
        if s.kernprincipe == kernprincipe:
            return s
    raise NietGevonden(kernprincipe)


def metingen(lijst: list[Zelfevaluatie]) -> list[Meting]:
    return [Meting(z.datum, {s.kernprincipe: s.score for s in z.scores}) for z in lijst]


def actie_keuzes(netwerk_id: int) -> list[tuple[int, str]]:
    """(id, 'E6 – beschrijving') of every action of the network's engagementenplan."""
    uit = []
    for voorwaarde, acties in sorted(acties_per_voorwaarde(netwerk_id).items()):
        for a in acties:
            tekst = a.beschrijving if len(a.beschrijving) <= 90 else a.beschrijving[:89] + "…"
            uit.append((a.id, f"{voorwaarde} – {tekst}"))
    return uit


def actie_van_netwerk(netwerk_id: int, actie_id: int) -> Actie | None:
    return db.session.scalar(select(Actie).where(Actie.id == actie_id,
                                                 Actie.netwerk_id == netwerk_id))
