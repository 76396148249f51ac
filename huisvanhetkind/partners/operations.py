"""State-changing operations on networks, organisations, memberships, contacts and aanbod.

Every create, update and delete of these records is a function here: views call them and never
commit (the request's one commit point does, main/commit.py); the CLI commits itself. Updates and
deletes go through wijzigen.wijzig / wijzigen.verwijder: version check, allowed keys, flush. Row changes are audited automatically (audit/log.py); events
that are not a single row change (coordinators, a member leaving) are recorded explicitly.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..audit.log import record_event
from ..auth.models import Gebruiker
from ..domein.permissions import COORDINATOR
from ..db import utcnow
from ..extensions import db
from .. import wijzigen
from ..fouten import OperatieFout
from ..domein import gemeenten
from .models import Aanbod, Contactpersoon, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel


def werkingsgebied_tekst(delen) -> str:
    """'Sint-Niklaas; Temse: Tielrode' — the import notation, also used in conflict reports."""
    return "; ".join(gemeenten.naam(nis) + (f": {deel}" if deel else "")
                     for nis, deel in sorted(delen, key=lambda d: (gemeenten.naam(d[0]), d[1])))


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


def maak_netwerk(naam: str, delen=(), **velden) -> Netwerk:
    netwerk = Netwerk(naam=naam.strip(), **velden)
    netwerk.werkingsgebied = [WerkingsgebiedDeel(nis=nis, deel=(deel or "").strip())
                              for nis, deel in sorted(set(delen))]
    db.session.add(netwerk)
    db.session.flush()
    return netwerk


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


def maak_organisatie(naam: str, sector: str, **velden) -> Organisatie:
    if organisatie_met_kbo(velden.get("kbo")):
        raise OperatieFout("Een andere organisatie heeft dit KBO-nummer al.")
    velden["gemeenten"] = tuple(velden.get("gemeenten") or ())
    org = Organisatie(naam=naam.strip(), sector=sector, **velden)
    db.session.add(org)
    db.session.flush()
    return org


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


def beeindig_lidmaatschap(lid: Lidmaatschap, lid_tot: date, organisatie_naam: str = "") -> None:
    """The organisation leaves the network on `lid_tot`; the row (its history) is kept."""
    if lid.lid_tot is not None:
        raise OperatieFout("Deze organisatie is geen lid meer van het netwerk.")
    if lid.lid_sinds and lid_tot < lid.lid_sinds:
        raise OperatieFout("Het einde van het lidmaatschap ligt vóór 'lid sinds'.")
    lid.lid_tot = lid_tot
    record_event(db.session, "lid_beeindigd",
                 f"{organisatie_naam or lid.organisatie_id} is geen lid meer sinds "
                 f"{lid_tot.strftime('%d/%m/%Y')}", netwerk_id=lid.netwerk_id,
                 tabel="lidmaatschap", record_id=lid.id)


def maak_contactpersoon(organisatie_id: int, naam: str, functie: str = "", email: str = "",
                        telefoon: str = "") -> Contactpersoon:
    c = Contactpersoon(organisatie_id=organisatie_id, naam=naam.strip(), functie=functie or "",
                       email=(email or "").strip().lower(), telefoon=telefoon or "")
    db.session.add(c)
    db.session.flush()
    return c


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
    return wijzigen.wijzig(aanbod, waarden, version, AANBOD_VELDEN)


def markeer_nagekeken(aanbod: Aanbod, op: date | None = None) -> None:
    aanbod.laatst_nagekeken_op = op or date.today()
    db.session.flush()
