"""State-changing operations on networks, organisations, memberships, contacts and aanbod.

Every create, update and delete of these records is a function here: views call them and never
commit (the request's one commit point does, main/commit.py); the CLI commits itself. Updates and
deletes go through wijzigen.wijzig / wijzigen.verwijder: version check, allowed keys, flush. Row
changes are audited automatically (audit/log.py); events that are not a single row change
(coordinators, a member leaving) are recorded explicitly. A refused change is an OperatieFout
(Dutch, for the user), a stale version a Conflict; either way nothing is written.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from flask import has_request_context
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..audit.log import record_event
from ..auth.guard import allowed
from ..auth.models import Gebruiker
from ..domein.permissions import COORDINATOR, can_view_organisatie
from ..db import utcnow
from ..extensions import db
from .. import wijzigen
from ..fouten import Conflict, OperatieFout
from .importer.rapport import werkingsgebied_tekst
from .models import Aanbod, Contactpersoon, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel
from .refs import organisatie_ref

# what each edit form may change (wijzigen.wijzig's `toegelaten`)
NETWERK_VELDEN = ("naam", "rechtsvorm", "aanvraagdatum", "erkenningsdatum", "coordinator_naam",
                  "coordinator_email", "beschrijving")
ORGANISATIE_VELDEN = ("naam", "kbo", "sector", "gemeenten", "straat", "postcode", "plaats",
                      "email", "telefoon", "website", "beschrijving")
CONTACT_VELDEN = ("naam", "functie", "email", "telefoon")
LID_VELDEN = ("lid_sinds", "rol", "overeenkomst_getekend", "overeenkomst_datum")

NAAM_BESTAAT = "Er bestaat al een netwerk met deze naam."
KBO_INTUSSEN = "Dit KBO-nummer is intussen door iemand anders geregistreerd."
KBO_ELDERS = ("Dit KBO-nummer is al in gebruik door een andere organisatie in het register; "
              "vraag de beheerder om dit na te kijken.")


@contextmanager
def _uniek(melding: str):
    """A flush that breaks a unique constraint (the same name or KBO number, saved by someone
    else after our check) refuses the operation with `melding`; nothing of it is kept."""
    try:
        yield
    except IntegrityError:
        db.session.rollback()
        raise OperatieFout(melding) from None


def zet_werkingsgebied(netwerk: Netwerk, delen) -> bool:
    """Make the werkingsgebied exactly `delen` ((nis, deel) pairs; deel '' = whole municipality).

    Rows that stay are kept (their audit history too). Returns whether anything changed; a change
    touches the network so that its version moves and a concurrent edit is detected.
    """
    wanted = {(nis, (deel or "").strip()) for nis, deel in delen}
    current = {(d.nis, d.deel): d for d in netwerk.werkingsgebied}
    if set(current) == wanted:
        return False
    netwerk.werkingsgebied = [current.get(key) or WerkingsgebiedDeel(nis=key[0], deel=key[1])
                              for key in sorted(wanted)]
    netwerk.updated_at = utcnow()
    return True


def zet_coordinatoren(netwerk: Netwerk, gebruiker_ids) -> bool:
    """Assign exactly these coordinator users to the network (other roles are ignored)."""
    wanted = set(gebruiker_ids)
    users = db.session.scalars(
        select(Gebruiker).where(Gebruiker.rol == COORDINATOR)
        .options(selectinload(Gebruiker.netwerken))).all()
    changed = []
    for user in users:
        has = any(n.id == netwerk.id for n in user.netwerken)
        if user.id in wanted and not has:
            user.netwerken.append(netwerk)
            changed.append(f"+{user.email}")
        elif user.id not in wanted and has:
            user.netwerken = [n for n in user.netwerken if n.id != netwerk.id]
            changed.append(f"-{user.email}")
    if changed:
        netwerk.updated_at = utcnow()
        record_event(db.session, "coordinatoren_gewijzigd",
                     f"Coördinatoren van {netwerk.naam}: {', '.join(changed)}",
                     netwerk_id=netwerk.id)
    return bool(changed)


def maak_netwerk(naam: str, delen=(), coordinatoren=None, **velden) -> Netwerk:
    """A new network with its werkingsgebied ((nis, deel) pairs) and, when given, its coordinator
    users; OperatieFout when the name is taken."""
    unknown = set(velden) - set(NETWERK_VELDEN)
    if unknown:
        raise TypeError(f"unknown netwerk fields: {sorted(unknown)}")
    if naam_bestaat(naam):
        raise OperatieFout(NAAM_BESTAAT)
    netwerk = Netwerk(naam=naam.strip(), **velden)
    netwerk.werkingsgebied = [WerkingsgebiedDeel(nis=nis, deel=(deel or "").strip())
                              for nis, deel in sorted(set(delen))]
    db.session.add(netwerk)
    with _uniek(NAAM_BESTAAT):
        db.session.flush()
    if coordinatoren is not None and zet_coordinatoren(netwerk, coordinatoren):
        db.session.flush()
    return netwerk


def wijzig_netwerk(netwerk: Netwerk, waarden: dict, version, *, delen=None,
                   coordinatoren=None) -> bool:
    """Update the network's NETWERK_VELDEN and, when given, its werkingsgebied ((nis, deel)
    pairs) and coordinator users, as ONE change: the version is checked before anything is
    touched, and the one flush moves the network's version once. Conflict on a stale version
    (its `opgeslagen` also holds the stored werkingsgebied as text), OperatieFout when the name
    is taken. Returns whether anything changed.

    The werkingsgebied and the coordinators mark the network as changed; were they flushed before
    the fields' version check (the coordinators' query autoflushes), that check would see the
    network's own new version and refuse every save as a conflict.
    """
    netwerk_id = netwerk.id
    try:
        with db.session.no_autoflush, _uniek(NAAM_BESTAAT):
            wijzigen.controleer_versie(netwerk, version, waarden)
            if "naam" in waarden and naam_bestaat(waarden["naam"], behalve_id=netwerk_id):
                raise OperatieFout(NAAM_BESTAAT)
            gebied = delen is not None and zet_werkingsgebied(netwerk, delen)
            coords = coordinatoren is not None and zet_coordinatoren(netwerk, coordinatoren)
            # the fields last: nothing was flushed, so wijzig's check sees the version read above
            if wijzigen.wijzig(netwerk, waarden, version, NETWERK_VELDEN):
                return True
            if gebied or coords:
                wijzigen.flush(netwerk, waarden)  # the one flush with the Conflict answer
            return gebied or coords
    except Conflict as conflict:
        if delen is not None:
            conflict.opgeslagen["werkingsgebied"] = werkingsgebied_tekst(db.session.execute(
                select(WerkingsgebiedDeel.nis, WerkingsgebiedDeel.deel)
                .where(WerkingsgebiedDeel.netwerk_id == netwerk_id)).all())
        raise


def naam_bestaat(naam: str, behalve_id: int | None = None) -> bool:
    stmt = select(Netwerk.id).where(Netwerk.naam == naam.strip())
    if behalve_id is not None:
        stmt = stmt.where(Netwerk.id != behalve_id)
    return db.session.scalar(stmt) is not None


def organisatie_met_kbo(kbo: str | None, behalve_id: int | None = None) -> Organisatie | None:
    if not kbo:
        return None
    stmt = select(Organisatie).where(Organisatie.kbo == kbo)
    if behalve_id is not None:
        stmt = stmt.where(Organisatie.id != behalve_id)
    return db.session.scalar(stmt)


def _kbo_bezet(other: Organisatie, melding: str) -> OperatieFout:
    """A KBO clash names the other organisation only to whom may view it (the command line, or
    can_view_organisatie); anyone else learns nothing about other networks' organisations."""
    if has_request_context() and not allowed(can_view_organisatie, organisatie_ref(other.id)):
        return OperatieFout(KBO_ELDERS)
    return OperatieFout(melding)


def maak_organisatie(naam: str, sector: str, **velden) -> Organisatie:
    """A new organisation; OperatieFout when its KBO number belongs to another one."""
    other = organisatie_met_kbo(velden.get("kbo"))
    if other:
        raise _kbo_bezet(other, f"Dit KBO-nummer hoort al bij {other.naam}: voeg die bestaande "
                                "organisatie toe in plaats van een nieuwe te maken.")
    velden["gemeenten"] = tuple(velden.get("gemeenten") or ())
    org = Organisatie(naam=naam.strip(), sector=sector, **velden)
    db.session.add(org)
    with _uniek(KBO_INTUSSEN):
        db.session.flush()
    return org


def wijzig_organisatie(org: Organisatie, waarden: dict, version) -> bool:
    """Update an organisation's ORGANISATIE_VELDEN; OperatieFout when the KBO number belongs to
    another organisation, Conflict on a stale version."""
    waarden = dict(waarden)
    if "gemeenten" in waarden:
        waarden["gemeenten"] = tuple(waarden["gemeenten"] or ())
    other = organisatie_met_kbo(waarden.get("kbo"), behalve_id=org.id)
    if other:
        raise _kbo_bezet(other, f"Een andere organisatie heeft dit KBO-nummer al: {other.naam}.")
    with _uniek(KBO_INTUSSEN):
        return wijzigen.wijzig(org, waarden, version, ORGANISATIE_VELDEN)


def voeg_lid_toe(netwerk_id: int, organisatie_id: int, *, lid_sinds: date | None = None,
                 rol: str = "", overeenkomst_getekend: bool = False,
                 overeenkomst_datum: date | None = None) -> Lidmaatschap:
    """Make the organisation an active member; a former member becomes active again.

    There is one membership row per (network, organisation); its earlier period stays in the audit
    log when it is reactivated.
    """
    lid = db.session.scalar(select(Lidmaatschap).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.organisatie_id == organisatie_id))
    if lid is not None and lid.actief:
        raise OperatieFout("Deze organisatie is al lid van het netwerk.")
    if lid is None:
        lid = Lidmaatschap(netwerk_id=netwerk_id, organisatie_id=organisatie_id)
        db.session.add(lid)
    lid.lid_sinds = lid_sinds or date.today()
    lid.lid_tot = None
    lid.rol = rol or ""
    lid.overeenkomst_getekend = overeenkomst_getekend
    lid.overeenkomst_datum = overeenkomst_datum if overeenkomst_getekend else None
    db.session.flush()
    return lid


def wijzig_lidmaatschap(lid: Lidmaatschap, waarden: dict, version) -> bool:
    """Update a membership's LID_VELDEN; an agreement that is not signed has no date."""
    waarden = dict(waarden)
    if "rol" in waarden:
        waarden["rol"] = waarden["rol"] or ""
    if not waarden.get("overeenkomst_getekend", lid.overeenkomst_getekend):
        waarden["overeenkomst_datum"] = None
    return wijzigen.wijzig(lid, waarden, version, LID_VELDEN)


def beeindig_lidmaatschap(lid: Lidmaatschap, lid_tot: date, version,
                          organisatie_naam: str = "") -> None:
    """The organisation leaves the network on `lid_tot`; the row (its history) is kept.
    Conflict when the membership changed since the user saw it (`version`)."""
    wijzigen.controleer_versie(lid, version)
    if lid.lid_tot is not None:
        raise OperatieFout("Deze organisatie is geen lid meer van het netwerk.")
    if lid.lid_sinds and lid_tot < lid.lid_sinds:
        raise OperatieFout("Het einde van het lidmaatschap ligt vóór 'lid sinds'.")
    record_event(db.session, "lid_beeindigd",
                 f"{organisatie_naam or lid.organisatie_id} is geen lid meer sinds "
                 f"{lid_tot.strftime('%d/%m/%Y')}", netwerk_id=lid.netwerk_id,
                 tabel="lidmaatschap", record_id=lid.id)
    wijzigen.wijzig(lid, {"lid_tot": lid_tot}, version, ("lid_tot",))


def maak_contactpersoon(organisatie_id: int, naam: str, functie: str = "", email: str = "",
                        telefoon: str = "") -> Contactpersoon:
    c = Contactpersoon(organisatie_id=organisatie_id, naam=naam.strip(), functie=functie or "",
                       email=(email or "").strip().lower(), telefoon=telefoon or "")
    db.session.add(c)
    db.session.flush()
    return c


def wijzig_contactpersoon(c: Contactpersoon, waarden: dict, version) -> bool:
    """Update a contact person's CONTACT_VELDEN (e-mail in lower case); Conflict when stale."""
    waarden = dict(waarden)
    if "email" in waarden:
        waarden["email"] = (waarden["email"] or "").strip().lower()
    return wijzigen.wijzig(c, waarden, version, CONTACT_VELDEN)


def verwijder(obj, version) -> None:
    """Delete a contact person or an aanbod after the version check (the audit log keeps its
    last values); Conflict when it changed since the user saw it."""
    wijzigen.verwijder(obj, version)


AANBOD_VELDEN = ("naam", "beschrijving", "aanbodvorm", "functies", "leeftijdsgroepen", "doelgroep",
                 "werkvormen", "gemeenten", "laagdrempelig", "verplicht_kg", "contact",
                 "openingsuren", "startdatum", "einddatum")


def maak_aanbod(organisatie_id: int, **velden) -> Aanbod:
    """New aanbod; whoever enters it has just checked it, so 'laatst nagekeken op' is today."""
    unknown = set(velden) - set(AANBOD_VELDEN) - {"laatst_nagekeken_op", "sleutel"}
    if unknown:
        raise TypeError(f"unknown aanbod fields: {sorted(unknown)}")
    if velden.get("startdatum") and velden.get("einddatum") \
            and velden["einddatum"] < velden["startdatum"]:
        raise OperatieFout("De einddatum ligt vóór de startdatum.")
    velden.setdefault("laatst_nagekeken_op", date.today())
    for name in ("functies", "leeftijdsgroepen", "werkvormen", "gemeenten"):
        velden[name] = tuple(velden.get(name) or ())
    a = Aanbod(organisatie_id=organisatie_id, **velden)
    db.session.add(a)
    db.session.flush()
    return a


def wijzig_aanbod(aanbod: Aanbod, waarden: dict, version) -> bool:
    """Update an aanbod from the form's AANBOD_VELDEN; Conflict on a stale version."""
    waarden = dict(waarden)
    for name in ("functies", "leeftijdsgroepen", "werkvormen", "gemeenten"):
        if name in waarden:
            waarden[name] = tuple(waarden[name] or ())
    start = waarden.get("startdatum", aanbod.startdatum)
    einde = waarden.get("einddatum", aanbod.einddatum)
    if start and einde and einde < start:
        raise OperatieFout("De einddatum ligt vóór de startdatum.")
    # whoever saves the aanbod has just looked at it: that counts as nagekeken (domein.md §11)
    waarden["laatst_nagekeken_op"] = date.today()
    return wijzigen.wijzig(aanbod, waarden, version, (*AANBOD_VELDEN, "laatst_nagekeken_op"))


def markeer_nagekeken(aanbod: Aanbod, op: date | None = None) -> None:
    aanbod.laatst_nagekeken_op = op or date.today()
    db.session.flush()
