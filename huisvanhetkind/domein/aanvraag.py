"""The erkenningsaanvraag as a process (domein.md §11): its states, the transitions between them
and which role may take each one. Pure: the operations (erkenning/aanvraag_operations.py) ask
`volgende()` before they change anything; who may take which step is `permissions.AANVRAAG_ROLLEN`.

    concept ──indienen──► ingediend ──nemen──► in_behandeling ──adviseren──► advies
       ▲                    ▲                                                  │ │
       │                    └──────────────── herindienen ─────────────────────┘ │
    ingetrokken ◄──intrekken── (ingediend · in_behandeling · advies)              │
                                                       beslissen ◄───────────────┘
    beslist ──rapporteren (voortgang, eindrapport)──► opvolging ──rapporteren──► opvolging

`indienen` from ingetrokken starts a new version; a refused network (geweigerd) has no opvolging.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date

from .voorwaarde import plus_jaren

CONCEPT, INGEDIEND, IN_BEHANDELING, ADVIES = "concept", "ingediend", "in_behandeling", "advies"
BESLIST, OPVOLGING, INGETROKKEN = "beslist", "opvolging", "ingetrokken"
TOESTANDEN = {
    CONCEPT: "Concept", INGEDIEND: "Ingediend", IN_BEHANDELING: "In behandeling",
    ADVIES: "Advies gegeven", BESLIST: "Beslist", OPVOLGING: "Opvolging",
    INGETROKKEN: "Ingetrokken",
}

INDIENEN, NEMEN, ADVISEREN, HERINDIENEN = "indienen", "nemen", "adviseren", "herindienen"
BESLISSEN, RAPPORTEREN, INTREKKEN = "beslissen", "rapporteren", "intrekken"

# action -> (Dutch button text, from-states, to-state)
OVERGANGEN: dict[str, tuple[str, frozenset[str], str]] = {
    INDIENEN: ("Aanvraag indienen", frozenset({CONCEPT, INGETROKKEN}), INGEDIEND),
    NEMEN: ("In behandeling nemen", frozenset({INGEDIEND}), IN_BEHANDELING),
    ADVISEREN: ("Advies geven", frozenset({IN_BEHANDELING}), ADVIES),
    HERINDIENEN: ("Herziene aanvraag indienen", frozenset({ADVIES}), INGEDIEND),
    BESLISSEN: ("Beslissing vastleggen", frozenset({ADVIES}), BESLIST),
    RAPPORTEREN: ("Rapport indienen", frozenset({BESLIST, OPVOLGING}), OPVOLGING),
    INTREKKEN: ("Aanvraag intrekken", frozenset({INGEDIEND, IN_BEHANDELING, ADVIES}),
                INGETROKKEN),
}

ADVIEZEN = {"gunstig": "Gunstig", "gunstig_met_voorwaarden": "Gunstig met voorwaarden",
            "ongunstig": "Ongunstig"}
ERKEND, GESUBSIDIEERD, GEWEIGERD = "erkend", "gesubsidieerd", "geweigerd"
BESLISSINGEN = {ERKEND: "Erkend", GESUBSIDIEERD: "Erkend en gesubsidieerd",
                GEWEIGERD: "Geweigerd"}
VOORTGANG, EINDRAPPORT = "voortgang", "eindrapport"
# the kinds of frozen version: a submission, a revision answering an advies, the two reports
SOORTEN = {"aanvraag": "Aanvraag", "herziening": "Herziene aanvraag",
           VOORTGANG: "Voortgangsrapport (na één jaar)", EINDRAPPORT: "Eindrapport (na twee jaar)"}


class OngeldigeOvergang(ValueError):
    """This transition cannot be taken from this state; the message is Dutch, for the user."""


def volgende(toestand: str, actie: str, *, beslissing: str | None = None) -> str:
    """The state after `actie` from `toestand`, or OngeldigeOvergang. `beslissing` is the
    recorded decision (rapporteren needs an erkenning)."""
    if actie not in OVERGANGEN:
        raise OngeldigeOvergang(f"Onbekende stap '{actie}'.")
    knop, van, naar = OVERGANGEN[actie]
    if toestand not in van:
        raise OngeldigeOvergang(
            f"'{knop}' kan niet wanneer de aanvraag {TOESTANDEN.get(toestand, toestand).lower()} "
            "is.")
    if actie == RAPPORTEREN and beslissing == GEWEIGERD:
        raise OngeldigeOvergang("Een geweigerde aanvraag heeft geen opvolging.")
    return naar


def mogelijk(toestand: str, *, beslissing: str | None = None) -> list[str]:
    """The transitions that can be taken from this state, in OVERGANGEN order."""
    uit = []
    for actie in OVERGANGEN:
        try:
            volgende(toestand, actie, beslissing=beslissing)
        except OngeldigeOvergang:
            continue
        uit.append(actie)
    return uit


@dataclass(frozen=True)
class Termijnen:
    """The follow-up dates of an erkenning (§4, §11): voortgang after one year, eindrapport and
    the engagements' deadline after two."""
    voortgang: date
    eindrapport: date


def termijnen(erkenningsdatum: date | None) -> Termijnen | None:
    if erkenningsdatum is None:
        return None
    return Termijnen(plus_jaren(erkenningsdatum, 1), plus_jaren(erkenningsdatum, 2))


def volgend_rapport(rapporten: set[str]) -> str | None:
    """Which report is due next, given the kinds already frozen: voortgang, then eindrapport."""
    for soort in (VOORTGANG, EINDRAPPORT):
        if soort not in rapporten:
            return soort
    return None


def _json_waarde(waarde):
    if isinstance(waarde, (set, frozenset)):
        return sorted(waarde, key=str)
    if isinstance(waarde, date):
        return waarde.isoformat()
    raise TypeError(f"{type(waarde).__name__} is not JSON serialisable")


def bevroren_gegevens(feiten, beoordeling: dict) -> tuple[str, str]:
    """The frozen facts (a snapshot.Netwerk) and evaluation (Beoordeling.to_json) as canonical
    JSON text (sorted keys, no whitespace: the same facts give the same bytes) and its SHA-256."""
    netwerk = {k: v for k, v in asdict(feiten).items() if k != "bron"}
    tekst = json.dumps({"feiten": netwerk, "beoordeling": beoordeling}, sort_keys=True,
                       ensure_ascii=False, separators=(",", ":"), default=_json_waarde)
    return tekst, sha256(tekst)


def sha256(inhoud: str | bytes) -> str:
    """The SHA-256 (hex) of frozen content, as shown next to each version."""
    if isinstance(inhoud, str):
        inhoud = inhoud.encode("utf-8")
    return hashlib.sha256(inhoud).hexdigest()
