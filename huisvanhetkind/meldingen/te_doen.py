"""'Te doen': what needs this user now, each item with the page where it is done (domein.md §11).

Computed from the state itself, not from notifications: an item disappears the moment it is done.
`tellers()` (the counts in the menu, on every page) is ONE SQL statement: a sum of scalar
subqueries, the same conditions as `items()`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import and_, bindparam, exists, func, literal, select

from ..auth.models import Gebruiker, gebruiker_netwerk
from ..bevraging.models import Deelname, Meetmoment
from ..db import alias
from ..domein import aanvraag as av
from ..domein.permissions import BEHEERDER, CONSULTANT, COORDINATOR, PARTNER, Actor
from ..erkenning.models import Aanvraag, Actie, ReviewOpmerking
from ..extensions import db
from ..graaf.models import Verwijzing
from ..partners.models import Aanbod, Lidmaatschap, Netwerk, Organisatie
from ..partners.models_eigendom import OPEN, Uitnodiging, Wijzigingsvoorstel
from ..partners.queries import netwerk_ids_in_provincies
from .models import WACHT, Melding, UitgaandeMail

MAX_ITEMS = 50  # per kind on the start page; the count is exact


@dataclass(frozen=True)
class Item:
    soort: str  # verwijzing | uitnodiging | voorstel | aanbod | bevraging | review | actie |
    #             mail | aanvraag (consultant) | advies (coordinator) | beslissing (beheerder)
    tekst: str
    endpoint: str
    args: tuple[tuple[str, object], ...] = ()


# --- the conditions, written once for the list and the count --------------------------------------

def _verwijzingen(organisatie_id: int):
    """Unconfirmed verwijzingen to the organisation, with a network where both are members."""
    van_lid, naar_lid = alias(Lidmaatschap, "van_lid"), alias(Lidmaatschap, "naar_lid")
    return (select(Verwijzing.id, Organisatie.naam, func.min(naar_lid.netwerk_id))
            .join(Organisatie, Organisatie.id == Verwijzing.van_id)
            .join(naar_lid, and_(naar_lid.organisatie_id == Verwijzing.naar_id,
                                 naar_lid.lid_tot.is_(None)))
            .join(van_lid, and_(van_lid.organisatie_id == Verwijzing.van_id,
                                van_lid.netwerk_id == naar_lid.netwerk_id,
                                van_lid.lid_tot.is_(None)))
            .where(Verwijzing.naar_id == organisatie_id, Verwijzing.bevestigd.is_(False))
            .group_by(Verwijzing.id, Organisatie.naam))


def _zonder_partneraccount(kolom):
    return kolom.not_in(select(Gebruiker.organisatie_id).where(
        Gebruiker.rol == PARTNER, Gebruiker.actief.is_(True), Gebruiker.organisatie_id.is_not(None)))


def _uitnodigingen(actor: Actor):
    op = (Uitnodiging.organisatie_id == actor.organisatie_id if actor.rol == PARTNER
          else _zonder_partneraccount(Uitnodiging.organisatie_id))
    return (select(Uitnodiging.id, Netwerk.naam).join(Netwerk, Netwerk.id == Uitnodiging.netwerk_id)
            .where(Uitnodiging.status == OPEN, op))


def _voorstellen(actor: Actor):
    stmt = (select(Wijzigingsvoorstel.id, Organisatie.naam)
            .join(Organisatie, Organisatie.id == Wijzigingsvoorstel.organisatie_id)
            .where(Wijzigingsvoorstel.status == OPEN))
    if actor.rol == PARTNER:
        stmt = stmt.where(Wijzigingsvoorstel.organisatie_id == actor.organisatie_id)
    return stmt


def _aanbod(organisatie_id: int, vandaag: date):
    return (select(Aanbod.id, Aanbod.naam)
            .where(Aanbod.organisatie_id == organisatie_id, Aanbod.verouderd_op(vandaag)))


def _coordineert(actor: Actor, kolom):
    return kolom.in_(select(gebruiker_netwerk.c.netwerk_id)
                     .where(gebruiker_netwerk.c.gebruiker_id == actor.id))


def _reviews(actor: Actor):
    """A consultant's comments (with a verdict) in the coordinator's networks, not answered."""
    antwoord = alias(ReviewOpmerking, "antwoord")
    return (select(ReviewOpmerking.id, ReviewOpmerking.netwerk_id, ReviewOpmerking.voorwaarde,
                   Netwerk.naam)
            .join(Netwerk, Netwerk.id == ReviewOpmerking.netwerk_id)
            .where(ReviewOpmerking.oordeel.is_not(None), ReviewOpmerking.oordeel != "akkoord",
                   ReviewOpmerking.antwoord_op_id.is_(None),
                   _coordineert(actor, ReviewOpmerking.netwerk_id),
                   ~exists().where(antwoord.antwoord_op_id == ReviewOpmerking.id)))


def _acties(actor: Actor, vandaag: date):
    return (select(Actie.id, Actie.netwerk_id, Actie.beschrijving, Actie.deadline)
            .where(Actie.deadline < vandaag, Actie.status != "gerealiseerd",
                   _coordineert(actor, Actie.netwerk_id)))


def _aanvragen(toestanden: tuple[str, ...], *voorwaarden):
    return (select(Aanvraag.id, Aanvraag.netwerk_id, Aanvraag.toestand, Netwerk.naam)
            .join(Netwerk, Netwerk.id == Aanvraag.netwerk_id)
            .where(Aanvraag.toestand.in_(toestanden), *voorwaarden))


def _in_provincies(actor: Actor, kolom):
    """Networks with a municipality in one of the consultant's provinces (none: all of them)."""
    if not actor.provincies:
        return literal(True)
    return kolom.in_(netwerk_ids_in_provincies(actor.provincies))


def _te_behandelen(actor: Actor):
    """For a consultant: submitted aanvragen of their provinces to take, and the ones they took
    to advise on."""
    return _aanvragen((av.INGEDIEND, av.IN_BEHANDELING),
                      _in_provincies(actor, Aanvraag.netwerk_id),
                      (Aanvraag.toestand == av.INGEDIEND) | (Aanvraag.behandelaar_id == actor.id))


def _bevragingen(organisatie_id: int, vandaag: date):
    """Open meetmomenten of the samenwerkingsbevraging the organisation has not finished."""
    return (select(Deelname.id, Netwerk.naam, Meetmoment.sluit_op)
            .join(Meetmoment, Meetmoment.id == Deelname.meetmoment_id)
            .join(Netwerk, Netwerk.id == Meetmoment.netwerk_id)
            .where(Deelname.organisatie_id == organisatie_id, Deelname.afgerond_op.is_(None),
                   Meetmoment.gesloten_op.is_(None), Meetmoment.sluit_op >= vandaag))


def _mail():
    return select(UitgaandeMail.id).where(UitgaandeMail.status == WACHT,
                                          UitgaandeMail.pogingen > 0)


def _bronnen(actor: Actor, vandaag: date) -> dict:
    if actor.rol == PARTNER and actor.organisatie_id is not None:
        return {"verwijzing": _verwijzingen(actor.organisatie_id),
                "uitnodiging": _uitnodigingen(actor), "voorstel": _voorstellen(actor),
                "aanbod": _aanbod(actor.organisatie_id, vandaag),
                "bevraging": _bevragingen(actor.organisatie_id, vandaag)}
    if actor.rol == COORDINATOR:
        return {"review": _reviews(actor), "actie": _acties(actor, vandaag),
                "advies": _aanvragen((av.ADVIES,), _coordineert(actor, Aanvraag.netwerk_id))}
    if actor.rol == CONSULTANT:
        return {"aanvraag": _te_behandelen(actor)}
    if actor.rol == BEHEERDER:
        return {"uitnodiging": _uitnodigingen(actor), "voorstel": _voorstellen(actor),
                "beslissing": _aanvragen((av.ADVIES,)), "mail": _mail()}
    return {}


def tellers(actor: Actor, vandaag: date | None = None) -> tuple[int, int]:
    """(items te doen, unread notifications) of this actor, in ONE SQL statement: the count in
    the menu on every page."""
    rij = db.session.execute(_statements(actor, vandaag)[0], _parameters(actor)).one()
    return int(rij[0] or 0), int(rij[1] or 0)


def items(actor: Actor, vandaag: date | None = None) -> list[Item]:
    """The items themselves, at most MAX_ITEMS per kind (one statement per kind)."""
    vandaag = vandaag or date.today()
    uit: list[Item] = []
    for soort, stmt in _statements(actor, vandaag)[1]:
        for rij in db.session.execute(stmt, _parameters(actor)):
            uit.append(_item(soort, rij, vandaag))
    return uit


def _statements(actor: Actor, vandaag: date | None) -> tuple:
    return _gebouwd(actor.rol, actor.organisatie_id is not None, actor.provincies,
                    vandaag or date.today())


def _parameters(actor: Actor) -> dict:
    return {"actor_id": actor.id, "organisatie_id": actor.organisatie_id}


@lru_cache(maxsize=64)
def _gebouwd(rol: str | None, met_organisatie: bool, provincies: frozenset[str], vandaag: date
             ) -> tuple:
    """(the menu's count statement, [(kind, its items' statement)]), built once per shape and
    day: building them took ~1.3 ms of every page and 2.5 ms of the start page (a dozen
    selects), running the count ~0.1 ms. The user's ids are bound parameters, so every user of
    a role shares them; the day and a consultant's provinces shape them."""
    vorm = Actor(id=bindparam("actor_id"), rol=rol, provincies=provincies,
                 organisatie_id=bindparam("organisatie_id") if met_organisatie else None)
    bronnen = _bronnen(vorm, vandaag)
    som = literal(0)
    for stmt in bronnen.values():
        som = som + select(func.count()).select_from(stmt.subquery()).scalar_subquery()
    ongelezen = select(func.count(Melding.id)).where(
        Melding.gebruiker_id == vorm.id, Melding.gelezen_op.is_(None)).scalar_subquery()
    return select(som, ongelezen), [(soort, stmt.limit(MAX_ITEMS))
                                    for soort, stmt in bronnen.items()]


def _item(soort: str, rij, vandaag: date) -> Item:
    if soort == "verwijzing":
        _, van, netwerk_id = rij
        return Item(soort, f"Bevestig de verwijzing van {van} naar jouw organisatie.",
                    "graaf.verwijzingen", (("netwerk_id", netwerk_id), ("toon", "te_bevestigen")))
    if soort == "uitnodiging":
        return Item(soort, f"Beantwoord de uitnodiging van {rij[1]} om partner te worden.",
                    "partners.te_beantwoorden")
    if soort == "voorstel":
        return Item(soort, f"Beantwoord het voorstel tot wijziging van {rij[1]}.",
                    "partners.te_beantwoorden")
    if soort == "aanbod":
        return Item(soort, f"Kijk het aanbod '{rij[1]}' na: al 12 maanden niet nagekeken.",
                    "partners.aanbod", (("aanbod_id", rij[0]),))
    if soort == "bevraging":
        deelname_id, naam, sluit_op = rij
        return Item(soort, f"Vul de samenwerkingsbevraging van {naam} in en rond ze af (tot "
                           f"{sluit_op:%d/%m/%Y}).", "bevraging.antwoord",
                    (("deelname_id", deelname_id),))
    if soort == "review":
        _, netwerk_id, voorwaarde, naam = rij
        return Item(soort, f"Antwoord op de opmerking van de consultant bij {voorwaarde} ({naam}).",
                    "erkenning.review", (("netwerk_id", netwerk_id), ("voorwaarde", voorwaarde)))
    if soort == "actie":
        _, netwerk_id, beschrijving, deadline = rij
        return Item(soort, f"De deadline van de actie '{beschrijving}' was {deadline:%d/%m/%Y}: "
                           "werk haar status bij.", "erkenning.engagementen",
                    (("netwerk_id", netwerk_id),))
    if soort in ("aanvraag", "advies", "beslissing"):
        _, netwerk_id, toestand, naam = rij
        tekst = {"aanvraag": f"Neem de erkenningsaanvraag van {naam} in behandeling."
                 if toestand == av.INGEDIEND
                 else f"Geef advies over de erkenningsaanvraag van {naam}.",
                 "advies": f"De consultant gaf advies over de erkenningsaanvraag van {naam}: lees "
                           "het en dien zo nodig een herziene aanvraag in.",
                 "beslissing": f"Leg de beslissing over de erkenningsaanvraag van {naam} vast "
                               "(het advies is gegeven)."}[soort]
        return Item(soort, tekst, "erkenning.aanvraag", (("netwerk_id", netwerk_id),))
    return Item(soort, "Een e-mail kon nog niet verzonden worden: bekijk de uitgaande mail.",
                "meldingen.uitgaande_mail")
