"""State-changing operations of the erkenning module, usable without HTTP.

Every create, update and delete of actions, review comments and the zorgregio table is a function
here. They flush but never commit: the request's one commit point does (main/commit.py), the
command line commits itself. Updates and deletes of an action go through wijzigen.wijzig /
wijzigen.verwijder: version check first (Conflict), allowed keys, flush.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, insert, select

from .. import revisie, wijzigen
from ..audit.log import record_event
from ..meldingen import gebeurtenissen
from ..domein.engagementregel import GEREALISEERD
from ..extensions import db
from ..fouten import OperatieFout
from ..domein.taxonomie import ENGAGEMENTEN, OORDEEL
from ..domein.tekst import aantal
from .models import Actie, Engagement, ReviewOpmerking, Zorgregio
from .queries import zorgregio_tabel


def engagement_voor(netwerk_id: int, voorwaarde: str) -> Engagement:
    """The network's engagement for this condition, created when it is first needed."""
    if voorwaarde not in ENGAGEMENTEN:
        raise ValueError(f"{voorwaarde} is geen engagement")
    found = db.session.scalar(select(Engagement).where(
        Engagement.netwerk_id == netwerk_id, Engagement.voorwaarde == voorwaarde))
    if found is None:
        found = Engagement(netwerk_id=netwerk_id, voorwaarde=voorwaarde, toelichting="")
        db.session.add(found)
        db.session.flush()
    return found


# the fields of an action its form edits (never engagement_id or netwerk_id)
ACTIE_VELDEN = ("beschrijving", "trekker_id", "deadline", "status", "bewijs", "bewijs_link",
                "gerealiseerd_op")


def realisatie_probleem(status: str, gerealiseerd_op: date | None,
                        vandaag: date) -> str | None:
    """What is wrong with this realisation date for an action of this status (domein.md §4):
    only a realised action has one, never in the future. A Dutch sentence fragment, or None."""
    if gerealiseerd_op is None:
        return None
    if status != GEREALISEERD:
        return ("enkel een gerealiseerde actie heeft een realisatiedatum: kies de status "
                "gerealiseerd of laat de datum leeg.")
    if gerealiseerd_op > vandaag:
        return "de realisatiedatum ligt in de toekomst."
    return None


def _realisatie(waarden: dict, actie: Actie | None = None) -> dict:
    """`waarden` with the realisation date the rule gives: OperatieFout for one that does not
    fit; an action that becomes gerealiseerd without a date is realised today, one that already
    was keeps an unknown date unknown ('datum onbekend'); another status has none."""
    waarden = dict(waarden)
    vandaag = date.today()
    status = waarden.get("status", actie.status if actie else "gepland")
    op = waarden.get("gerealiseerd_op", actie.gerealiseerd_op if actie else None)
    if status != GEREALISEERD and "gerealiseerd_op" not in waarden:
        op = None  # leaving gerealiseerd takes the date along
    probleem = realisatie_probleem(status, op, vandaag)
    if probleem:
        raise OperatieFout(probleem.capitalize())
    if status == GEREALISEERD and op is None and (actie is None
                                                 or actie.status != GEREALISEERD):
        op = vandaag
    waarden["gerealiseerd_op"] = op
    return waarden


def nieuwe_actie(netwerk_id: int, voorwaarde: str, *, beschrijving: str, trekker_id: int | None,
                 deadline: date | None, status: str = "gepland", bewijs: str = "",
                 bewijs_link: str = "", gerealiseerd_op: date | None = None) -> Actie:
    """A new action under the network's engagement for `voorwaarde`; OperatieFout for a
    realisation date that does not fit its status."""
    waarden = _realisatie(dict(status=status, gerealiseerd_op=gerealiseerd_op))
    engagement = engagement_voor(netwerk_id, voorwaarde)
    actie = Actie(engagement_id=engagement.id, netwerk_id=netwerk_id, beschrijving=beschrijving,
                  trekker_id=trekker_id, deadline=deadline, bewijs=bewijs or "",
                  bewijs_link=bewijs_link or "", **waarden)
    db.session.add(actie)
    db.session.flush()
    return actie


def wijzig_actie(actie: Actie, waarden: dict, version) -> bool:
    """Update an action from its form's ACTIE_VELDEN: Conflict on a stale version (checked
    first), OperatieFout for a realisation date that does not fit the status."""
    wijzigen.controleer_versie(actie, version, waarden)
    waarden = _realisatie(waarden, actie)
    for naam in ("bewijs", "bewijs_link"):
        if naam in waarden:
            waarden[naam] = waarden[naam] or ""
    return wijzigen.wijzig(actie, waarden, version, ACTIE_VELDEN)


def verwijder_actie(actie: Actie, version) -> None:
    """Delete an action after the version check (the audit log keeps its last values)."""
    wijzigen.verwijder(actie, version)


def laad_zorgregio(regio: dict[str, str]) -> str:
    """Replace the whole zorgregio table; returns what changed, in Dutch (for the user).

    Bulk statements in the caller's transaction: a failure leaves the old table intact. One
    audit event summarises the change instead of hundreds of row entries.
    """
    oud = zorgregio_tabel()
    toegevoegd = len(regio.keys() - oud.keys())
    verwijderd = len(oud.keys() - regio.keys())
    gewijzigd = sum(1 for nis in regio.keys() & oud.keys() if regio[nis] != oud[nis])
    db.session.execute(delete(Zorgregio))
    if regio:
        db.session.execute(insert(Zorgregio), [{"nis": n, "zorgregio": z}
                                               for n, z in sorted(regio.items())])
    regios = aantal(len(set(regio.values())), "zorgregio", "zorgregio's")
    samenvatting = (f"Zorgregiotabel geladen: {aantal(len(regio), 'gemeente', 'gemeenten')} in "
                    f"{regios} ({toegevoegd} nieuw, "
                    f"{gewijzigd} gewijzigd, {verwijderd} verwijderd).")
    record_event(db.session, "zorgregio_geladen", samenvatting, tabel="zorgregio")
    revisie.raak_gedeeld(db.session)  # bulk statements pass no flush listener
    db.session.flush()
    return samenvatting


def review_opmerking(netwerk_id: int, voorwaarde: str, *, tekst: str, oordeel: str,
                     auteur_id: int | None, peildatum: date | None) -> ReviewOpmerking:
    """A consultant's comment with a verdict on one condition (never edited afterwards)."""
    if oordeel not in OORDEEL:
        raise ValueError(f"onbekend oordeel {oordeel}")
    opmerking = ReviewOpmerking(netwerk_id=netwerk_id, voorwaarde=voorwaarde, tekst=tekst,
                                oordeel=oordeel, auteur_id=auteur_id, peildatum=peildatum)
    db.session.add(opmerking)
    db.session.flush()
    gebeurtenissen.review(opmerking)
    return opmerking


def review_antwoord(op: ReviewOpmerking, *, tekst: str, auteur_id: int | None) -> ReviewOpmerking:
    """The coordinator's answer to a comment: text only, never a verdict."""
    antwoord = ReviewOpmerking(netwerk_id=op.netwerk_id, voorwaarde=op.voorwaarde, tekst=tekst,
                               oordeel=None, auteur_id=auteur_id, antwoord_op_id=op.id,
                               peildatum=op.peildatum)
    db.session.add(antwoord)
    db.session.flush()
    gebeurtenissen.review_antwoord(antwoord)
    return antwoord
