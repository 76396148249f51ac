"""Every transition of the erkenningsaanvraag (domein.md §11), one function per transition.

Each one: the version check (the form carries the version and the state the user saw: a step
taken by someone else in between is a Conflict, never a silent second step), the state machine
(domein/aanvraag.volgende: a step that does not fit the state is an OperatieFout), the change,
a history row (AanvraagStap) and an audit event; flush, never commit. Who may take a step is
checked by the view (permissions.can_aanvraag) before it calls here.

Every transition notifies the people of domein.md §11 from `_stap`, in the same transaction
(meldingen/gebeurtenissen.aanvraag_stap).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import func, select

from .. import wijzigen
from ..audit.log import record_event
from ..domein import aanvraag as a
from ..domein.snapshot import Netwerk as Feiten
from ..extensions import db
from ..fouten import Conflict, OperatieFout
from ..meldingen import gebeurtenissen
from ..partners.models import Netwerk
from .models import Aanvraag, AanvraagStap, AanvraagVersie


@dataclass(frozen=True)
class Bevroren:
    """What a submission freezes: the facts and evaluation at the peildatum, and the PDF."""
    peildatum: date
    feiten: Feiten
    beoordeling: dict
    pdf: bytes


Bevriezer = Callable[[], Bevroren]  # called only once the step is known to be allowed


def _controleer(aanvraag: Aanvraag | None, version, toestand: str) -> None:
    """Conflict unless the aanvraag is still in the version and state the user saw."""
    huidig = aanvraag.toestand if aanvraag else a.CONCEPT
    if aanvraag is None:
        if str(version).strip() != "0" or toestand != a.CONCEPT:
            raise Conflict({"toestand": huidig}, 0)
        return
    if toestand != huidig:
        raise Conflict({"toestand": huidig}, aanvraag.version)
    wijzigen.controleer_versie(aanvraag, version, ("toestand",))


def _naar(aanvraag: Aanvraag, stap: str) -> str:
    try:
        return a.volgende(aanvraag.toestand, stap, beslissing=aanvraag.beslissing)
    except a.OngeldigeOvergang as fout:
        raise OperatieFout(str(fout)) from None


def _stap(aanvraag: Aanvraag, stap: str, naar: str, door_id: int | None, tekst: str = "",
          versie: AanvraagVersie | None = None) -> AanvraagStap:
    rij = AanvraagStap(aanvraag_id=aanvraag.id, stap=stap, van=aanvraag.toestand, naar=naar,
                       door_id=door_id, tekst=tekst or "",
                       versie_id=versie.id if versie else None)
    db.session.add(rij)
    record_event(db.session, f"aanvraag_{stap}",
                 f"Aanvraag: {a.TOESTANDEN[aanvraag.toestand]} → {a.TOESTANDEN[naar]}"
                 + (f" (versie {versie.nummer}, SHA-256 {versie.pdf_sha256[:12]}…)"
                    if versie else ""),
                 tabel="aanvraag", record_id=aanvraag.id, netwerk_id=aanvraag.netwerk_id)
    aanvraag.toestand = naar
    wijzigen.flush(aanvraag, ("toestand",))
    gebeurtenissen.aanvraag_stap(aanvraag, rij)
    return rij


def _bevries(aanvraag: Aanvraag, soort: str, door_id: int | None, toelichting: str,
             bevries: Bevriezer | Bevroren) -> AanvraagVersie:
    b = bevries if isinstance(bevries, Bevroren) else bevries()
    gegevens, gegevens_sha = a.bevroren_gegevens(b.feiten, b.beoordeling)
    nummer = (db.session.scalar(select(func.max(AanvraagVersie.nummer))
                                .where(AanvraagVersie.aanvraag_id == aanvraag.id)) or 0) + 1
    versie = AanvraagVersie(
        aanvraag_id=aanvraag.id, netwerk_id=aanvraag.netwerk_id, nummer=nummer, soort=soort,
        peildatum=b.peildatum, toelichting=toelichting or "", ingediend_door_id=door_id,
        gegevens=gegevens, gegevens_sha256=gegevens_sha, pdf=b.pdf,
        pdf_sha256=a.sha256(b.pdf))
    db.session.add(versie)
    db.session.flush()
    return versie


def indienen(netwerk_id: int, aanvraag: Aanvraag | None, *, version, toestand: str,
             door_id: int | None, bevries: Bevriezer, toelichting: str = "") -> AanvraagVersie:
    """concept (or ingetrokken) → ingediend: the first submission, or a new one after a
    withdrawal. The aanvraag row is made on the first submission."""
    _controleer(aanvraag, version, toestand)
    if aanvraag is not None:
        _naar(aanvraag, a.INDIENEN)  # refused before the (slow) freeze
    # frozen before this transaction changes anything: the facts then still carry their
    # committed revisie, so the dossier PDF of these facts comes from the cache when made already
    bevroren = bevries()
    if aanvraag is None:
        aanvraag = Aanvraag(netwerk_id=netwerk_id, toestand=a.CONCEPT, advies_motivatie="",
                            beslissing_motivatie="")
        db.session.add(aanvraag)
        db.session.flush()
    naar = _naar(aanvraag, a.INDIENEN)
    versie = _bevries(aanvraag, "aanvraag", door_id, toelichting, bevroren)
    aanvraag.behandelaar_id = None
    aanvraag.advies = None
    _stap(aanvraag, a.INDIENEN, naar, door_id, toelichting, versie)
    return versie


def nemen(aanvraag: Aanvraag, *, version, toestand: str, door_id: int | None) -> None:
    """ingediend → in_behandeling: a consultant of the province takes it."""
    _controleer(aanvraag, version, toestand)
    naar = _naar(aanvraag, a.NEMEN)
    aanvraag.behandelaar_id = door_id
    _stap(aanvraag, a.NEMEN, naar, door_id)


def adviseren(aanvraag: Aanvraag, *, version, toestand: str, door_id: int | None, advies: str,
              motivatie: str, vandaag: date | None = None) -> None:
    """in_behandeling → advies: the consultant's overall advice with its motivation."""
    _controleer(aanvraag, version, toestand)
    if advies not in a.ADVIEZEN:
        raise OperatieFout("Kies een advies: gunstig, gunstig met voorwaarden of ongunstig.")
    if not (motivatie or "").strip():
        raise OperatieFout("Motiveer het advies.")
    naar = _naar(aanvraag, a.ADVISEREN)
    aanvraag.advies, aanvraag.advies_motivatie = advies, motivatie.strip()
    aanvraag.advies_op = vandaag or date.today()
    _stap(aanvraag, a.ADVISEREN, naar, door_id, f"{a.ADVIEZEN[advies]}: {motivatie.strip()}")


def herindienen(aanvraag: Aanvraag, *, version, toestand: str, door_id: int | None,
                toelichting: str, bevries: Bevriezer) -> AanvraagVersie:
    """advies → ingediend: a revised submission answering the advice (a new frozen version;
    the earlier ones stay readable)."""
    _controleer(aanvraag, version, toestand)
    if not (toelichting or "").strip():
        raise OperatieFout("Zeg in de toelichting wat je aan de aanvraag veranderde.")
    naar = _naar(aanvraag, a.HERINDIENEN)
    versie = _bevries(aanvraag, "herziening", door_id, toelichting.strip(), bevries)
    _stap(aanvraag, a.HERINDIENEN, naar, door_id, toelichting.strip(), versie)
    return versie


def beslissen(aanvraag: Aanvraag, *, version, toestand: str, door_id: int | None,
              beslissing: str, datum: date, motivatie: str = "") -> None:
    """advies → beslist: the beheerder records the decision. An erkenning sets the network's
    erkenningsdatum, which starts the two-year term of the engagements (domein.md §4)."""
    _controleer(aanvraag, version, toestand)
    if beslissing not in a.BESLISSINGEN:
        raise OperatieFout("Kies een beslissing: erkend, erkend en gesubsidieerd of geweigerd.")
    if datum > date.today():
        raise OperatieFout("De datum van de beslissing ligt in de toekomst.")
    naar = _naar(aanvraag, a.BESLISSEN)
    aanvraag.beslissing, aanvraag.beslist_op = beslissing, datum
    aanvraag.beslissing_motivatie = (motivatie or "").strip()
    if beslissing != a.GEWEIGERD:
        netwerk = db.session.get(Netwerk, aanvraag.netwerk_id)
        netwerk.erkenningsdatum = datum
    _stap(aanvraag, a.BESLISSEN, naar, door_id,
          f"{a.BESLISSINGEN[beslissing]} op {datum:%d/%m/%Y}"
          + (f": {aanvraag.beslissing_motivatie}" if aanvraag.beslissing_motivatie else ""))


def rapporteren(aanvraag: Aanvraag, *, version, toestand: str, door_id: int | None,
                toelichting: str, bevries: Bevriezer) -> AanvraagVersie:
    """beslist/opvolging → opvolging: the voortgangsrapport (after one year), then the
    eindrapport (after two), each frozen like a submission."""
    _controleer(aanvraag, version, toestand)
    naar = _naar(aanvraag, a.RAPPORTEREN)
    soort = a.volgend_rapport(set(db.session.scalars(
        select(AanvraagVersie.soort).where(AanvraagVersie.aanvraag_id == aanvraag.id))))
    if soort is None:
        raise OperatieFout("Het voortgangsrapport en het eindrapport zijn al ingediend.")
    versie = _bevries(aanvraag, soort, door_id, toelichting, bevries)
    _stap(aanvraag, a.RAPPORTEREN, naar, door_id, toelichting, versie)
    return versie


def intrekken(aanvraag: Aanvraag, *, version, toestand: str, door_id: int | None,
              reden: str = "") -> None:
    """ingediend/in_behandeling/advies → ingetrokken: the coordinator withdraws it."""
    _controleer(aanvraag, version, toestand)
    naar = _naar(aanvraag, a.INTREKKEN)
    aanvraag.behandelaar_id = None
    _stap(aanvraag, a.INTREKKEN, naar, door_id, reden)
