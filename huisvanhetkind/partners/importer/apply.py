"""Applying a validated file to the database: ONE transaction, all or nothing.

The import writes and flushes everything (so the database's own constraints are checked too) and
never commits: whoever runs it does, once — `flask hvk import`, or on the web the request's one
commit point (main/commit.py) when the confirmation answers with its redirect. A refused file
rolls the whole transaction back. The preview is the same code run with `dry_run=True`: the
report is kept and the transaction is rolled back. What the user confirms is therefore exactly
what will be written — unless the data changed in between, which the confirmation run reports
afresh.

Matching (idempotent re-import): partners by KBO, else by sleutel within the network, else by name
among the network's (former) members; aanbod by (organisation, sleutel), else name; verwijzingen by
(van, naar, soort); actions by (voorwaarde, text). Only the file's columns are written; an empty
cell means "empty" (except kbo: an empty cell never erases a known KBO number). Nothing is deleted
except parts of the werkingsgebied: a partner missing from the file stays a member.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.exc import StaleDataError

from ...audit.log import record_event
from ...extensions import db
from ..models import Lidmaatschap, Netwerk, WerkingsgebiedDeel
from .columns import kolom
from .fouten import Fout, ImportGeweigerd
from .parsing import Bestand, Rij, sleutel
from .rapport import GEWIJZIGD, NIEUW, ONGEWIJZIGD, Rapport, Wijziging, toon

NETWERK_VELDEN = (("rechtsvorm", "geen"), ("aanvraagdatum", None), ("erkenningsdatum", None),
                  ("coordinator_email", ""))


def importeer(bestand: Bestand, *, netwerk_id: int | None = None, mag_bestaan: bool = True,
              bestandsnaam: str = "", dry_run: bool = False, actor=None) -> Rapport:
    """Write the file into network `netwerk_id` (or the one its netwerk sheet names, created when
    new) and flush: the caller commits. Rolls back on dry_run and on any error (ImportGeweigerd)."""
    from . import indicatoren
    from .schrijven import Schrijver  # the sheets; split off to keep both files short

    try:
        s = Schrijver(bestand, actor)  # actor None: the command line
        _netwerk(s, netwerk_id, mag_bestaan)
        s.partners()
        s.aanbod()
        s.verwijzingen()
        s.engagementen()
        indicatoren.schrijf(schrijver=s)
        if s.fouten:
            raise ImportGeweigerd(s.fouten)
        db.session.flush()
        if dry_run:
            db.session.rollback()
        else:
            record_event(db.session, "import", f"Import {bestandsnaam}: "
                         f"{s.rapport.samenvatting()}"[:500], netwerk_id=s.netwerk.id)
            db.session.flush()
        return s.rapport
    except StaleDataError:
        db.session.rollback()
        raise ImportGeweigerd([Fout(uitleg="Iemand anders wijzigde intussen dezelfde gegevens. "
                                           "Er is niets opgeslagen; probeer opnieuw.")]) from None
    except IntegrityError:
        db.session.rollback()
        raise ImportGeweigerd([Fout(uitleg="De gegevens botsen met wat al opgeslagen is (bv. "
                                           "dezelfde sleutel of hetzelfde KBO-nummer bij een "
                                           "andere partner). Er is niets opgeslagen.")]) from None
    except BaseException:
        db.session.rollback()
        raise


def zet(obj, attr: str, nieuw, w: Wijziging, blad: str, kolomnaam: str | None = None) -> None:
    """Set one field if it differs, noting old → new (as the column shows it) on the report."""
    oud = getattr(obj, attr)
    if vergelijkbaar(oud) == vergelijkbaar(nieuw):
        return
    setattr(obj, attr, nieuw)
    k = kolom(blad, kolomnaam or attr)
    w.velden.append((k.naam, toon(k, oud), toon(k, nieuw)))
    if w.soort == ONGEWIJZIGD:
        w.soort = GEWIJZIGD


def vergelijkbaar(value):
    if isinstance(value, (tuple, list, set, frozenset)):
        return tuple(sorted(value))
    return value


def gewenst(bestand: Bestand, r: Rij, velden) -> dict:
    """attribute → value for the columns the file has; an empty cell gives the default."""
    return {naam: (r[naam] if r[naam] is not None else default)
            for naam, default in velden if bestand.heeft(r.blad, naam)}


def _netwerk(s, netwerk_id: int | None, mag_bestaan: bool) -> None:
    r = (s.bestand.rijen("netwerk") or [None])[0]
    opties = (selectinload(Netwerk.werkingsgebied),)
    if netwerk_id is not None:
        n = db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id).options(*opties))
        if r is not None and sleutel(r["naam"]) != sleutel(n.naam):
            raise ImportGeweigerd([Fout("netwerk", r.rij, "naam", f"dit bestand is voor netwerk "
                                        f"'{r['naam']}', niet voor '{n.naam}'.")])
    elif r is None:
        raise ImportGeweigerd([Fout("netwerk", None, "", "het blad netwerk ontbreekt of is leeg: "
                                    "het zegt in welk netwerk de gegevens komen.")])
    else:
        n = db.session.scalar(select(Netwerk).where(Netwerk.met_naam(r["naam"])).options(*opties))
        if n is not None and not mag_bestaan:
            raise ImportGeweigerd([Fout("netwerk", r.rij, "naam", f"het netwerk '{n.naam}' "
                                        "bestaat al; importeer via de importpagina van dat "
                                        "netwerk.")])
    s.rapport.netwerk = r["naam"] if n is None else n.naam
    if n is None:
        n = Netwerk(naam=r["naam"], **gewenst(s.bestand, r, NETWERK_VELDEN))
        n.werkingsgebied = [WerkingsgebiedDeel(nis=nis, deel=deel)
                            for nis, deel in r["werkingsgebied"] or ()]
        db.session.add(n)
        db.session.flush()
        s.rapport.nieuw_netwerk = True
        s.rapport.blad("netwerk").wijzigingen.append(Wijziging(NIEUW, n.naam, r.rij))
    elif r is not None:
        w = Wijziging(ONGEWIJZIGD, n.naam, r.rij)
        for attr, value in gewenst(s.bestand, r, NETWERK_VELDEN).items():
            zet(n, attr, value, w, "netwerk")
        if s.bestand.heeft("netwerk", "werkingsgebied"):
            _werkingsgebied(n, set(r["werkingsgebied"] or ()), w)
        s.rapport.blad("netwerk").wijzigingen.append(w)
    s.rapport.netwerk_id = n.id
    s.netwerk = n
    s.laad_leden(db.session.scalars(
        select(Lidmaatschap).where(Lidmaatschap.netwerk_id == n.id)
        .options(joinedload(Lidmaatschap.organisatie))).all())


def _werkingsgebied(n: Netwerk, nieuw: set[tuple[str, str]], w: Wijziging) -> None:
    huidig = {(d.nis, d.deel): d for d in n.werkingsgebied}
    if set(huidig) == nieuw:
        return
    for key, deel in huidig.items():
        if key not in nieuw:
            n.werkingsgebied.remove(deel)
    for nis, deel in sorted(nieuw - set(huidig)):
        n.werkingsgebied.append(WerkingsgebiedDeel(nis=nis, deel=deel))
    k = kolom("netwerk", "werkingsgebied")
    w.velden.append(("werkingsgebied", toon(k, tuple(huidig)), toon(k, tuple(nieuw))))
    w.soort = GEWIJZIGD

