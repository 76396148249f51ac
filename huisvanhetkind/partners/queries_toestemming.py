"""What waits for someone's consent (domein.md §10): invitations and proposals, with names."""
from __future__ import annotations

from sqlalchemy import select, true
from sqlalchemy.orm import joinedload

from ..auth.models import Gebruiker
from ..domein.permissions import BEHEERDER, PARTNER, Actor
from ..extensions import db
from ..fouten import NietGevonden
from .models_eigendom import OPEN, Uitnodiging, Wijzigingsvoorstel


def _zonder_partneraccount():
    beheerd = select(Gebruiker.organisatie_id).where(
        Gebruiker.rol == PARTNER, Gebruiker.actief.is_(True), Gebruiker.organisatie_id.is_not(None))
    return Uitnodiging.organisatie_id.not_in(beheerd)


def te_beantwoorden(actor: Actor) -> tuple[list[Uitnodiging], list[Wijzigingsvoorstel]]:
    """The open invitations and proposals this actor answers: a partner those of its own
    organisation; a beheerder the invitations of organisations without a partner account and
    every proposal (it decides for those without one, and may for all)."""
    if actor.rol == PARTNER and actor.organisatie_id:
        op_u = Uitnodiging.organisatie_id == actor.organisatie_id
        op_v = Wijzigingsvoorstel.organisatie_id == actor.organisatie_id
    elif actor.rol == BEHEERDER:
        op_u, op_v = _zonder_partneraccount(), true()
    else:
        return [], []
    uitnodigingen = db.session.scalars(
        select(Uitnodiging).where(Uitnodiging.status == OPEN, op_u)
        .options(joinedload(Uitnodiging.netwerk), joinedload(Uitnodiging.organisatie))
        .order_by(Uitnodiging.created_at, Uitnodiging.id)).all()
    voorstellen = db.session.scalars(
        select(Wijzigingsvoorstel).where(Wijzigingsvoorstel.status == OPEN, op_v)
        .options(joinedload(Wijzigingsvoorstel.netwerk), joinedload(Wijzigingsvoorstel.organisatie),
                 joinedload(Wijzigingsvoorstel.aanbod))
        .order_by(Wijzigingsvoorstel.created_at, Wijzigingsvoorstel.id)).all()
    return list(uitnodigingen), list(voorstellen)


def open_uitnodigingen_van_netwerk(netwerk_id: int) -> list[Uitnodiging]:
    return list(db.session.scalars(
        select(Uitnodiging).where(Uitnodiging.netwerk_id == netwerk_id, Uitnodiging.status == OPEN)
        .options(joinedload(Uitnodiging.organisatie)).order_by(Uitnodiging.created_at)))


def open_voorstellen_van(organisatie_id: int) -> list[Wijzigingsvoorstel]:
    return list(db.session.scalars(
        select(Wijzigingsvoorstel).where(Wijzigingsvoorstel.organisatie_id == organisatie_id,
                                         Wijzigingsvoorstel.status == OPEN)
        .options(joinedload(Wijzigingsvoorstel.netwerk), joinedload(Wijzigingsvoorstel.aanbod))
        .order_by(Wijzigingsvoorstel.created_at)))


def uitnodiging(uitnodiging_id: int) -> Uitnodiging:
    u = db.session.get(Uitnodiging, uitnodiging_id)
    if u is None:
        raise NietGevonden(uitnodiging_id)
    return u


def voorstel(voorstel_id: int) -> Wijzigingsvoorstel:
    v = db.session.get(Wijzigingsvoorstel, voorstel_id)
    if v is None:
        raise NietGevonden(voorstel_id)
    return v
