"""State-changing operations on verwijzingen and 'bewust niet' marks.

Every create, update and delete of these records is a function here. They flush but never commit:
the request's one commit point does (main/commit.py), so tests and the CLI can combine them.
Updates and deletes of a verwijzing go through wijzigen.wijzig / wijzigen.verwijder: the version
first (Conflict), allowed keys, flush. Row changes are audited automatically (audit/log.py);
confirmations are also recorded as a business event so the network's log reads as a story.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from .. import wijzigen
from ..audit.log import record_event
from ..extensions import db
from ..fouten import OperatieFout
from ..meldingen import gebeurtenissen
from ..domein import gemeenten
from ..domein.taxonomie import FUNCTIE, LEEFTIJDSGROEP, VERWIJZINGSSOORT
from . import queries
from ..luie_import import later
from .models import BewustNiet, Verwijzing

# the coverage rules, imported on first use (luie_import.py): every CLI call imports this module
dekking = later("huisvanhetkind.domein.dekking")


BESTAAT_AL = "Deze verwijzing (zelfde partners en soort) bestaat al."
# the fields of a verwijzing its form edits (never van_id; bevestigd is the receiver's)
VERWIJZING_VELDEN = ("naar_id", "soort", "aantal_per_jaar", "sinds", "opmerking")


def _controleer(van_id: int, naar_id: int, soort: str, behalve: int | None = None) -> None:
    if van_id == naar_id:
        raise OperatieFout("Een partner kan niet naar zichzelf verwijzen.")
    if soort not in VERWIJZINGSSOORT:
        raise OperatieFout("Onbekende soort verwijzing.")
    if queries.bestaat(van_id, naar_id, soort, behalve=behalve):
        raise OperatieFout(BESTAAT_AL)


def nieuwe_verwijzing(van_id: int, naar_id: int, soort: str, aantal_per_jaar: int | None = None,
                      sinds: date | None = None, opmerking: str = "") -> Verwijzing:
    """Record a link van → naar; unconfirmed until the receiving partner confirms it."""
    _controleer(van_id, naar_id, soort)
    v = Verwijzing(van_id=van_id, naar_id=naar_id, soort=soort, aantal_per_jaar=aantal_per_jaar,
                   sinds=sinds, opmerking=opmerking or "", bevestigd=False)
    db.session.add(v)
    db.session.flush()
    gebeurtenissen.verwijzing_te_bevestigen(v)
    return v


def wijzig_verwijzing(v: Verwijzing, waarden: dict, version) -> bool:
    """Update a verwijzing from its form's VERWIJZING_VELDEN: Conflict on a stale version
    (checked first), OperatieFout for a link that exists already. Another partner or soort is
    another link: the receiver must confirm it anew."""
    wijzigen.controleer_versie(v, version, waarden)
    waarden = dict(waarden)
    if "opmerking" in waarden:
        waarden["opmerking"] = waarden["opmerking"] or ""
    naar_id, soort = waarden.get("naar_id", v.naar_id), waarden.get("soort", v.soort)
    _controleer(v.van_id, naar_id, soort, behalve=v.id)
    if (naar_id, soort) != (v.naar_id, v.soort):
        waarden["bevestigd"] = False
    veranderd = wijzigen.wijzig(v, waarden, version, (*VERWIJZING_VELDEN, "bevestigd"))
    if veranderd and not v.bevestigd:
        gebeurtenissen.verwijzing_te_bevestigen(v)  # once per (naar, soort): the key's periode
    return veranderd


def bevestig_verwijzing(v: Verwijzing, netwerk_id: int, bevestigd: bool, version,
                        van_naam: str, naar_naam: str) -> bool:
    """The receiving partner confirms the link (or withdraws a confirmation); Conflict when it
    changed since the partner saw it. Returns whether anything changed."""
    veranderd = wijzigen.wijzig(v, {"bevestigd": bevestigd}, version, ("bevestigd",))
    if veranderd:
        wat = "bevestigd" if bevestigd else "niet langer bevestigd"
        record_event(db.session,
                     "verwijzing_bevestigd" if bevestigd else "verwijzing_onbevestigd",
                     f"Verwijzing {van_naam} → {naar_naam} ({VERWIJZINGSSOORT.label(v.soort)}) "
                     f"{wat}", netwerk_id=netwerk_id)
    return veranderd


def tel_verwijzing(verwijzing_id: int) -> Verwijzing:
    """Count one more referral this year, atomically: the row is locked (FOR UPDATE on
    PostgreSQL, BEGIN IMMEDIATE on SQLite) so concurrent counts are never lost."""
    # populate_existing: the row may already sit in the session with the values read before
    # the lock; without it the UPDATE carries a stale version (StaleDataError on PostgreSQL)
    v = db.session.scalar(select(Verwijzing).where(Verwijzing.id == verwijzing_id)
                          .with_for_update().execution_options(populate_existing=True))
    v.aantal_per_jaar = (v.aantal_per_jaar or 0) + 1
    db.session.flush()
    return v


def verwijder_verwijzing(v: Verwijzing, version) -> None:
    """Delete a verwijzing after the version check (the audit log keeps its last values)."""
    wijzigen.verwijder(v, version)


def bereik_keuzes(netwerk_gemeenten) -> list[tuple[str, str]]:
    """The scope choices of a mark: every municipality ('alle' = nis '') or one of them."""
    return [("alle", "Alle gemeenten van het werkingsgebied")] + sorted(
        ((nis, gemeenten.naam(nis)) for nis in netwerk_gemeenten), key=lambda c: c[1])


def markeer_bewust_niet(netwerk_id: int, netwerk_gemeenten, functie: str, leeftijdsgroep: str,
                        nis: str, reden: str) -> BewustNiet:
    """Mark a needed cell 'bewust niet' (nis '' = every municipality); updates the reason of an
    existing mark for the same cell."""
    if functie not in FUNCTIE or leeftijdsgroep not in LEEFTIJDSGROEP:
        raise OperatieFout("Onbekende functie of leeftijdsgroep.")
    if not dekking.nodig(functie, leeftijdsgroep):
        raise OperatieFout("Deze combinatie hoeft het netwerk niet aan te bieden.")
    if nis and nis not in set(netwerk_gemeenten):
        raise OperatieFout("Deze gemeente hoort niet bij het werkingsgebied.")
    reden = (reden or "").strip()
    if not reden:
        raise OperatieFout("Geef de reden.")
    markering = queries.bewust_niet_markering(netwerk_id, functie, leeftijdsgroep, nis)
    if markering is None:
        markering = BewustNiet(netwerk_id=netwerk_id, functie=functie,
                               leeftijdsgroep=leeftijdsgroep, nis=nis, reden=reden)
        db.session.add(markering)
    else:
        markering.reden = reden
    db.session.flush()
    return markering


def verwijder_bewust_niet(markering: BewustNiet) -> None:
    """Remove a mark: the cell counts as a lacune again when nothing covers it. A mark carries
    no version (bewust_niet has no version column), so there is nothing to compare."""
    db.session.delete(markering)
    db.session.flush()
