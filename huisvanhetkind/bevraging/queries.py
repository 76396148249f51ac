"""Database → facts of the samenwerkingsbevraging: meetmomenten, participations, and the answers
as plain `domein.bevraging.Antwoord`s for the aggregation (which lives in domein/bevraging.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..auth.models import Gebruiker
from ..domein import bevraging as bv
from ..domein.permissions import PARTNER
from ..extensions import db
from ..fouten import NietGevonden
from ..partners.models import Lidmaatschap, Organisatie
from .models import Deelname, Meetmoment, Relatie


def meetmoment(meetmoment_id: int) -> Meetmoment:
    m = db.session.get(Meetmoment, meetmoment_id)
    if m is None:
        raise NietGevonden(f"meetmoment {meetmoment_id}")
    return m


def deelname(deelname_id: int) -> Deelname:
    d = db.session.scalar(select(Deelname).where(Deelname.id == deelname_id).options(
        selectinload(Deelname.meetmoment), selectinload(Deelname.relaties)))
    if d is None:
        raise NietGevonden(f"deelname {deelname_id}")
    return d


def eigen_deelname(meetmoment_id: int, organisatie_id: int | None) -> Deelname | None:
    """The participation of this organisation (the viewer's own) in the meetmoment, if any."""
    if organisatie_id is None:
        return None
    return db.session.scalar(select(Deelname).where(Deelname.meetmoment_id == meetmoment_id,
                                                    Deelname.organisatie_id == organisatie_id))


def leden(netwerk_id: int) -> dict[int, str]:
    """The network's active member organisations: id → name."""
    return dict(db.session.execute(
        select(Organisatie.id, Organisatie.naam)
        .join(Lidmaatschap, Lidmaatschap.organisatie_id == Organisatie.id)
        .where(Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))
        .order_by(Organisatie.naam_sleutel, Organisatie.id)).all())


def leden_van(meetmoment_id: int) -> dict[int, str]:
    """The organisations invited to a meetmoment: id → name."""
    return dict(db.session.execute(
        select(Organisatie.id, Organisatie.naam)
        .join(Deelname, Deelname.organisatie_id == Organisatie.id)
        .where(Deelname.meetmoment_id == meetmoment_id)
        .order_by(Organisatie.naam_sleutel, Organisatie.id)).all())


def open_meetmoment(netwerk_id: int, vandaag: date) -> Meetmoment | None:
    return db.session.scalar(select(Meetmoment).where(
        Meetmoment.netwerk_id == netwerk_id, Meetmoment.gesloten_op.is_(None),
        Meetmoment.sluit_op >= vandaag))


@dataclass(frozen=True)
class Rij:
    meetmoment: Meetmoment
    uitgenodigd: int
    afgerond: int
    eigen_deelname: int | None  # the viewer's own organisation's participation, if invited


def meetmomenten(netwerk_id: int, organisatie_id: int | None = None) -> list[Rij]:
    """The network's meetmomenten, newest first, with their response counts."""
    tellen = (select(Deelname.meetmoment_id, func.count(Deelname.id),
                     func.count(Deelname.afgerond_op))
              .group_by(Deelname.meetmoment_id).subquery())
    eigen = {}
    if organisatie_id is not None:
        eigen = dict(db.session.execute(select(Deelname.meetmoment_id, Deelname.id).where(
            Deelname.organisatie_id == organisatie_id)).all())
    return [Rij(m, n or 0, klaar or 0, eigen.get(m.id)) for m, n, klaar in db.session.execute(
        select(Meetmoment, tellen.c[1], tellen.c[2])
        .outerjoin(tellen, tellen.c.meetmoment_id == Meetmoment.id)
        .where(Meetmoment.netwerk_id == netwerk_id)
        .order_by(Meetmoment.geopend_op.desc(), Meetmoment.id.desc()))]


def _antwoord(deelname_org: int, r: Relatie) -> bv.Antwoord:
    return bv.Antwoord(van=deelname_org, naar=r.partner_id, intensiteit=r.intensiteit,
                       items={c: getattr(r, c) for c in bv.ITEMS},
                       bijdragen=frozenset(r.bijdragen))


def resultaat(meetmoment_id: int) -> bv.Resultaat:
    """The aggregated results (domein/bevraging.resultaat) of a meetmoment: only finished
    answers count, and only about organisations invited to it."""
    deelnames = db.session.execute(
        select(Deelname.id, Deelname.organisatie_id, Deelname.afgerond_op, Organisatie.naam)
        .join(Organisatie, Organisatie.id == Deelname.organisatie_id)
        .where(Deelname.meetmoment_id == meetmoment_id)).all()
    leden_ = {org: naam for _, org, _, naam in deelnames}
    afgerond = {org for _, org, klaar, _ in deelnames if klaar is not None}
    org_van = {d: org for d, org, klaar, _ in deelnames if klaar is not None}
    relaties = db.session.scalars(select(Relatie).where(
        Relatie.deelname_id.in_(list(org_van)))).all() if org_van else []
    return bv.resultaat(leden_, afgerond, [_antwoord(org_van[r.deelname_id], r)
                                           for r in relaties])


@dataclass(frozen=True)
class Openstaand:
    naam: str
    bewaard: bool  # started (saved) but not finished
    met_account: bool  # has an active partner user who can answer


def nog_niet_afgerond(meetmoment_id: int) -> list[Openstaand]:
    """Who has not finished yet (for the coordinator): names only, never what they answered."""
    met_account = set(db.session.scalars(select(Gebruiker.organisatie_id).where(
        Gebruiker.rol == PARTNER, Gebruiker.actief.is_(True),
        Gebruiker.organisatie_id.is_not(None))))
    return [Openstaand(naam, bewaard is not None, org in met_account)
            for org, naam, bewaard in db.session.execute(
                select(Deelname.organisatie_id, Organisatie.naam, Deelname.bewaard_op)
                .join(Organisatie, Organisatie.id == Deelname.organisatie_id)
                .where(Deelname.meetmoment_id == meetmoment_id, Deelname.afgerond_op.is_(None))
                .order_by(Organisatie.naam_sleutel))]


def vorig(m: Meetmoment) -> Meetmoment | None:
    """The meetmoment of the same network just before this one (to compare with)."""
    return db.session.scalar(
        select(Meetmoment).where(Meetmoment.netwerk_id == m.netwerk_id,
                                 (Meetmoment.geopend_op < m.geopend_op)
                                 | ((Meetmoment.geopend_op == m.geopend_op)
                                    & (Meetmoment.id < m.id)))
        .order_by(Meetmoment.geopend_op.desc(), Meetmoment.id.desc()).limit(1))


@dataclass(frozen=True)
class Samenvatting:
    meetmoment_id: int
    naam: str
    geopend_op: date
    gesloten_op: date
    resultaat: bv.Resultaat


def dossier_samenvatting(netwerk_id: int, vandaag: date | None = None) -> Samenvatting | None:
    """For the erkenning dossier: the aggregated results (never an individual answer; scores
    hidden below the threshold as everywhere) of the network's latest closed meetmoment, or
    None when it has none."""
    vandaag = vandaag or date.today()
    for m in db.session.scalars(select(Meetmoment).where(Meetmoment.netwerk_id == netwerk_id)
                                .order_by(Meetmoment.sluit_op.desc(), Meetmoment.id.desc())):
        if bv.toestand(m.sluit_op, m.gesloten_op, vandaag) == bv.GESLOTEN:
            return Samenvatting(m.id, m.naam, m.geopend_op, m.gesloten_op or m.sluit_op,
                                resultaat(m.id))
    return None


def verloop(netwerk_id: int, vandaag: date | None = None) -> list[Samenvatting]:
    """The network's closed meetmomenten, oldest first, each with its aggregated results: the
    trend over time (a few statements per meetmoment; a network holds a few a year)."""
    vandaag = vandaag or date.today()
    return [Samenvatting(m.id, m.naam, m.geopend_op, m.gesloten_op or m.sluit_op, resultaat(m.id))
            for m in db.session.scalars(select(Meetmoment).where(Meetmoment.netwerk_id == netwerk_id)
                                        .order_by(Meetmoment.sluit_op, Meetmoment.id))
            if bv.toestand(m.sluit_op, m.gesloten_op, vandaag) == bv.GESLOTEN]
