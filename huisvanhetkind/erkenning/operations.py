"""State-changing operations of the erkenning module, usable without HTTP.

They flush but never commit: the caller (view or command) commits once.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm.exc import StaleDataError

from ..audit.log import record_event
from ..extensions import db
from ..domein.taxonomie import ENGAGEMENTEN, OORDEEL
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


def nieuwe_actie(netwerk_id: int, voorwaarde: str, *, beschrijving: str, trekker_id: int | None,
                 deadline: date | None, status: str = "gepland", bewijs: str = "",
                 bewijs_link: str = "") -> Actie:
    engagement = engagement_voor(netwerk_id, voorwaarde)
    actie = Actie(engagement_id=engagement.id, netwerk_id=netwerk_id, beschrijving=beschrijving,
                  trekker_id=trekker_id, deadline=deadline, status=status, bewijs=bewijs or "",
                  bewijs_link=bewijs_link or "")
    db.session.add(actie)
    db.session.flush()
    return actie


def verwijder_actie(actie: Actie, versie: int) -> bool:
    """Delete when nobody changed it since `versie` was read; False on a conflict."""
    if actie.version != versie:
        return False
    db.session.delete(actie)
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        return False
    return True


def laad_zorgregio(regio: dict[str, str]) -> tuple[int, int, int]:
    """Replace the whole zorgregio table; returns (added, changed, removed).

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
    record_event(db.session, "zorgregio_geladen",
                 f"Zorgregiotabel vervangen: {len(regio)} gemeenten in "
                 f"{len(set(regio.values()))} zorgregio's ({toegevoegd} toegevoegd, "
                 f"{gewijzigd} gewijzigd, {verwijderd} verwijderd).", tabel="zorgregio")
    db.session.flush()
    return toegevoegd, gewijzigd, verwijderd


def review_opmerking(netwerk_id: int, voorwaarde: str, *, tekst: str, oordeel: str,
                     auteur_id: int | None, peildatum: date | None) -> ReviewOpmerking:
    """A consultant's comment with a verdict on one condition (never edited afterwards)."""
    if oordeel not in OORDEEL:
        raise ValueError(f"onbekend oordeel {oordeel}")
    opmerking = ReviewOpmerking(netwerk_id=netwerk_id, voorwaarde=voorwaarde, tekst=tekst,
                                oordeel=oordeel, auteur_id=auteur_id, peildatum=peildatum)
    db.session.add(opmerking)
    db.session.flush()
    return opmerking


def review_antwoord(op: ReviewOpmerking, *, tekst: str, auteur_id: int | None) -> ReviewOpmerking:
    """The coordinator's answer to a comment: text only, never a verdict."""
    antwoord = ReviewOpmerking(netwerk_id=op.netwerk_id, voorwaarde=op.voorwaarde, tekst=tekst,
                               oordeel=None, auteur_id=auteur_id, antwoord_op_id=op.id,
                               peildatum=op.peildatum)
    db.session.add(antwoord)
    db.session.flush()
    return antwoord
