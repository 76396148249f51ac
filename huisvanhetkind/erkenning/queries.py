"""Queries of the erkenning module: each a fixed number of statements, whatever the size."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import defer, joinedload

from ..db import in_ids
from ..domein import aanvraag as aanvraag_domein
from ..extensions import db
from ..fouten import NietGevonden
from ..partners.models import Lidmaatschap, Netwerk, Organisatie
from .models import (Aanvraag, AanvraagStap, AanvraagVersie, Actie, Engagement,
                     ReviewOpmerking, Zorgregio)


def netwerk_of_404(netwerk_id: int) -> Netwerk:
    """The network; NietGevonden (404) when there is none."""
    netwerk = db.session.get(Netwerk, netwerk_id)
    if netwerk is None:
        raise NietGevonden(netwerk_id)
    return netwerk


def acties_per_voorwaarde(netwerk_id: int) -> dict[str, list[Actie]]:
    """The network's actions per engagement (voorwaarde), by deadline; trekker loaded."""
    rows = db.session.execute(
        select(Actie, Engagement.voorwaarde)
        .join(Engagement, Engagement.id == Actie.engagement_id)
        .where(Engagement.netwerk_id == netwerk_id)
        .options(joinedload(Actie.trekker))
        .order_by(Actie.deadline.is_(None), Actie.deadline, Actie.id)).all()
    uit: dict[str, list[Actie]] = defaultdict(list)
    for actie, voorwaarde in rows:
        uit[voorwaarde].append(actie)
    return uit


def actie_in_netwerk(netwerk_id: int, actie_id: int) -> tuple[Actie, str]:
    """(actie, voorwaarde); NietGevonden when the action does not belong to this network."""
    row = db.session.execute(
        select(Actie, Engagement.voorwaarde)
        .join(Engagement, Engagement.id == Actie.engagement_id)
        .where(Actie.id == actie_id, Engagement.netwerk_id == netwerk_id)).first()
    if row is None:
        raise NietGevonden(actie_id)
    return row[0], row[1]


def actieve_leden(netwerk_id: int) -> list[tuple[int, str]]:
    """(organisatie_id, naam) of the active members, for the trekker select."""
    return [tuple(r) for r in db.session.execute(
        select(Organisatie.id, Organisatie.naam)
        .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
        .where(Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))
        .order_by(Organisatie.naam, Organisatie.id))]


def review_per_voorwaarde(netwerk_id: int) -> dict[str, list[ReviewOpmerking]]:
    """Every review comment and answer per condition, oldest first, with its author."""
    rows = db.session.scalars(
        select(ReviewOpmerking).where(ReviewOpmerking.netwerk_id == netwerk_id)
        .options(joinedload(ReviewOpmerking.auteur))
        .order_by(ReviewOpmerking.created_at, ReviewOpmerking.id)).all()
    uit: dict[str, list[ReviewOpmerking]] = defaultdict(list)
    for r in rows:
        uit[r.voorwaarde].append(r)
    return uit


def opmerking_in_netwerk(netwerk_id: int, voorwaarde: str, opmerking_id: int) -> ReviewOpmerking:
    found = db.session.scalar(select(ReviewOpmerking).where(
        ReviewOpmerking.id == opmerking_id, ReviewOpmerking.netwerk_id == netwerk_id,
        ReviewOpmerking.voorwaarde == voorwaarde))
    if found is None:
        raise NietGevonden(opmerking_id)
    return found


def zorgregio_stand() -> tuple[int, int]:
    """(municipalities, distinct zorgregio's) currently loaded."""
    gemeenten, regios = db.session.execute(
        select(func.count(Zorgregio.nis), func.count(Zorgregio.zorgregio.distinct()))).one()
    return gemeenten or 0, regios or 0


def zorgregio_tabel() -> dict[str, str]:
    return dict(db.session.execute(select(Zorgregio.nis, Zorgregio.zorgregio)).all())


def aanvraag_van(netwerk_id: int) -> Aanvraag | None:
    """The network's aanvraag, or None while it is a concept never submitted."""
    return db.session.scalar(select(Aanvraag).where(Aanvraag.netwerk_id == netwerk_id)
                             .options(joinedload(Aanvraag.behandelaar)))


def aanvraag_versies(aanvraag_id: int) -> list[AanvraagVersie]:
    """The frozen versions, newest first, without their PDF and JSON (deferred)."""
    return list(db.session.scalars(
        select(AanvraagVersie).where(AanvraagVersie.aanvraag_id == aanvraag_id)
        .options(defer(AanvraagVersie.pdf), defer(AanvraagVersie.gegevens),
                 joinedload(AanvraagVersie.ingediend_door))
        .order_by(AanvraagVersie.nummer.desc())))


def aanvraag_stappen(aanvraag_id: int) -> list[AanvraagStap]:
    """The history of transitions, oldest first, with who took each."""
    return list(db.session.scalars(
        select(AanvraagStap).where(AanvraagStap.aanvraag_id == aanvraag_id)
        .options(joinedload(AanvraagStap.door)).order_by(AanvraagStap.op, AanvraagStap.id)))


def versie_in_netwerk(netwerk_id: int, versie_id: int) -> AanvraagVersie:
    """One frozen version of this network's aanvraag; NietGevonden otherwise."""
    found = db.session.scalar(select(AanvraagVersie).where(
        AanvraagVersie.id == versie_id, AanvraagVersie.netwerk_id == netwerk_id))
    if found is None:
        raise NietGevonden(versie_id)
    return found


def aanvraag_overzicht(netwerk_ids: list[int]) -> dict[int, tuple[str | None, str | None, int]]:
    """Per network (the province overview): its aanvraag's toestand and advies (None, None
    without one) and how many conditions carry a consultant's verdict, in one statement."""
    if not netwerk_ids:
        return {}
    beoordeeld = (select(func.count(ReviewOpmerking.voorwaarde.distinct()))
                  .where(ReviewOpmerking.netwerk_id == Netwerk.id,
                         ReviewOpmerking.oordeel.is_not(None))
                  .scalar_subquery())
    return {netwerk_id: (toestand, advies, aantal) for netwerk_id, toestand, advies, aantal in
            db.session.execute(select(Netwerk.id, Aanvraag.toestand, Aanvraag.advies, beoordeeld)
                               .outerjoin(Aanvraag, Aanvraag.netwerk_id == Netwerk.id)
                               .where(in_ids(Netwerk.id, netwerk_ids)))}


def aanvraag_stand(netwerk_id: int, erkenningsdatum) -> dict:
    """What erkenning/_aanvraag_stand.html shows: the aanvraag (None: a concept), its state,
    the state machine's labels and the follow-up dates of an erkenning."""
    found = aanvraag_van(netwerk_id)
    return {"aanvraag": found, "toestand": found.toestand if found else aanvraag_domein.CONCEPT,
            "a": aanvraag_domein, "termijnen": aanvraag_domein.termijnen(erkenningsdatum)}
