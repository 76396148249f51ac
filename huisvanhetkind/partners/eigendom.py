"""Operations of consent (domein.md §10): invitations to become a member, proposals to change
an organisation or its aanbod, and their answers. Like every operation they check the version,
change, flush (audited by the flush listener) and never commit.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, select

from .. import wijzigen
from ..db import CodeList, utcnow
from ..extensions import db
from ..fouten import OperatieFout
from ..meldingen import gebeurtenissen
from . import operations
from .models import Aanbod, Lidmaatschap, Organisatie
from .models_eigendom import AANVAARD, GEWEIGERD, INGETROKKEN, OPEN, Uitnodiging, Wijzigingsvoorstel

BEANTWOORD = "Dit is al beantwoord ({status}); er is niets gewijzigd."


# --- invitations -----------------------------------------------------------------------------
def open_uitnodiging(netwerk_id: int, organisatie_id: int) -> Uitnodiging | None:
    return db.session.scalar(select(Uitnodiging).where(
        Uitnodiging.netwerk_id == netwerk_id, Uitnodiging.organisatie_id == organisatie_id,
        Uitnodiging.status == OPEN))


def nodig_uit(netwerk_id: int, organisatie_id: int, door_id: int | None, *, boodschap: str = "",
              **termen) -> Uitnodiging:
    """Invite an existing organisation; the membership terms (LID_VELDEN) go with it."""
    lid = db.session.scalar(select(Lidmaatschap).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.organisatie_id == organisatie_id))
    if lid is not None and lid.actief:
        raise OperatieFout("Deze organisatie is al lid van het netwerk.")
    if open_uitnodiging(netwerk_id, organisatie_id) is not None:
        raise OperatieFout("Deze organisatie is al uitgenodigd; de uitnodiging wacht op haar "
                           "antwoord.")
    onbekend = set(termen) - set(operations.LID_VELDEN)
    if onbekend:
        raise ValueError(f"onbekende termen: {sorted(onbekend)}")
    u = Uitnodiging(netwerk_id=netwerk_id, organisatie_id=organisatie_id, door_id=door_id,
                    boodschap=boodschap or "", status=OPEN,
                    **{k: v for k, v in termen.items() if v is not None})
    db.session.add(u)
    db.session.flush()
    gebeurtenissen.uitnodiging(u)
    return u


def _beantwoord(obj, status: str, door_id: int | None, version: Any, antwoord: str) -> None:
    wijzigen.controleer_versie(obj, version)
    if obj.status != OPEN:
        raise OperatieFout(BEANTWOORD.format(status=obj.status))
    obj.status, obj.beantwoord_door_id, obj.beantwoord_op = status, door_id, utcnow()
    obj.antwoord = antwoord or ""
    wijzigen.flush(obj, ())


def aanvaard_uitnodiging(u: Uitnodiging, door_id: int | None, version: Any) -> Lidmaatschap:
    """The organisation agrees: it becomes a member on the proposed terms."""
    _beantwoord(u, AANVAARD, door_id, version, "")
    gebeurtenissen.uitnodiging_beantwoord(u)
    return operations.voeg_lid_toe(
        u.netwerk_id, u.organisatie_id, lid_sinds=u.lid_sinds or date.today(), rol=u.rol,
        overeenkomst_getekend=u.overeenkomst_getekend, overeenkomst_datum=u.overeenkomst_datum)


def weiger_uitnodiging(u: Uitnodiging, door_id: int | None, version: Any, antwoord: str = "") -> None:
    _beantwoord(u, GEWEIGERD, door_id, version, antwoord)
    gebeurtenissen.uitnodiging_beantwoord(u)


def trek_uitnodiging_in(u: Uitnodiging, door_id: int | None, version: Any) -> None:
    _beantwoord(u, INGETROKKEN, door_id, version, "")


# --- change proposals --------------------------------------------------------------------------
def _json(waarde: Any) -> Any:
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, (tuple, list, set, frozenset)):
        return list(waarde)
    return waarde


def _terug(model, veld: str, waarde: Any) -> Any:
    """A proposed JSON value back into the column's type."""
    kolom = model.__table__.c[veld]
    if waarde is None:
        return None
    if isinstance(kolom.type, Date):
        return date.fromisoformat(waarde)
    if isinstance(kolom.type, CodeList):
        return tuple(waarde)
    return waarde


def stel_voor(org: Organisatie, netwerk_id: int, door_id: int | None, waarden: dict,
              toelichting: str = "", aanbod: Aanbod | None = None) -> Wijzigingsvoorstel:
    """Record the proposed values that differ from the stored ones (stored → proposed)."""
    doel = aanbod or org
    toegelaten = operations.AANBOD_VELDEN if aanbod else operations.ORGANISATIE_VELDEN
    vreemd = set(waarden) - set(toegelaten)
    if vreemd:
        raise ValueError(f"niet voor te stellen: {sorted(vreemd)}")
    velden = {veld: [_json(getattr(doel, veld)), _json(nieuw)] for veld, nieuw in waarden.items()
              if _json(getattr(doel, veld)) != _json(nieuw)}
    if not velden:
        raise OperatieFout("Je voorstel verandert niets aan de huidige gegevens.")
    v = Wijzigingsvoorstel(organisatie_id=org.id, aanbod_id=aanbod.id if aanbod else None,
                           netwerk_id=netwerk_id, door_id=door_id, velden=velden,
                           basis_version=doel.version, toelichting=toelichting or "", status=OPEN)
    db.session.add(v)
    db.session.flush()
    gebeurtenissen.wijzigingsvoorstel(v)
    return v


def aanvaard_voorstel(v: Wijzigingsvoorstel, door_id: int | None, version: Any) -> None:
    """Apply the proposal through the ordinary update operation, onto the version it was made
    from: a record changed since keeps the owner's newer values (the proposal is refused)."""
    doel = (db.session.get(Aanbod, v.aanbod_id) if v.aanbod_id
            else db.session.get(Organisatie, v.organisatie_id))
    if doel.version != v.basis_version:
        raise OperatieFout("De gegevens zijn gewijzigd sinds dit voorstel gedaan werd: weiger het "
                           "en vraag zo nodig een nieuw voorstel.")
    _beantwoord(v, AANVAARD, door_id, version, "")
    waarden = {veld: _terug(type(doel), veld, nieuw) for veld, (_, nieuw) in v.velden.items()}
    if v.aanbod_id:
        operations.wijzig_aanbod(doel, waarden, doel.version)
    else:
        operations.wijzig_organisatie(doel, waarden, doel.version)


def weiger_voorstel(v: Wijzigingsvoorstel, door_id: int | None, version: Any,
                    antwoord: str = "") -> None:
    _beantwoord(v, GEWEIGERD, door_id, version, antwoord)
