"""The sheet indicatoren written into the database (domein.md §12): facts of municipalities.

Used by apply.importeer inside its transaction. A row is matched by (nis, jaar, indicator), so a
re-import changes nothing; nothing is deleted. Indicators are shared by every network whose
werkingsgebied holds the municipality: those networks get a new revisie in the same transaction
(revisie.raak), and their facts' `bron` changes with the figures anyway (facts.koppen).
"""
from __future__ import annotations

from sqlalchemy import select

from ... import revisie
from ...domein.gemeenten import naam as gemeente_naam
from ...domein.permissions import NetwerkRef, can_edit_indicator
from ...extensions import db
from ...graaf.models import Indicator
from ..models import WerkingsgebiedDeel
from .rapport import NIEUW, ONGEWIJZIGD, Wijziging

VELDEN = (("waarde", None), ("bron", ""))


def schrijf(schrijver) -> None:
    """Write the file's indicators (the import's Schrijver, after the netwerk sheet)."""
    from .apply import gewenst, zet
    s = schrijver
    rijen = s.bestand.rijen("indicatoren")
    if not rijen:
        return
    gemeenten = frozenset(d.nis for d in s.netwerk.werkingsgebied)
    ref = NetwerkRef(s.netwerk.id)
    toegelaten = []
    for r in rijen:
        if s.actor is None or can_edit_indicator(s.actor, ref, r["nis"], gemeenten):
            toegelaten.append(r)
        else:
            s.fout(r, "nis", f"{gemeente_naam(r['nis'])} hoort niet bij het werkingsgebied van "
                             f"{s.netwerk.naam}; enkel de beheerder laadt indicatoren van andere "
                             "gemeenten.")
    bestaand = {(i.nis, i.jaar, i.indicator): i for i in db.session.scalars(
        select(Indicator).where(Indicator.nis.in_({r["nis"] for r in toegelaten})))}
    geraakt = set()
    for r in toegelaten:
        label = f"{gemeente_naam(r['nis'])} {r['jaar']}: {r['indicator']}"
        waarden = gewenst(s.bestand, r, VELDEN)
        i = bestaand.get((r["nis"], r["jaar"], r["indicator"]))
        if i is None:
            i = Indicator(nis=r["nis"], jaar=r["jaar"], indicator=r["indicator"], **waarden)
            db.session.add(i)
            bestaand[r["nis"], r["jaar"], r["indicator"]] = i
            w = Wijziging(NIEUW, label, r.rij)
        else:
            w = Wijziging(ONGEWIJZIGD, label, r.rij)
            for attr, value in waarden.items():
                zet(i, attr, value, w, "indicatoren")
        if w.soort != ONGEWIJZIGD:
            geraakt.add(r["nis"])
        s.rapport.blad("indicatoren").wijzigingen.append(w)
    if geraakt:
        revisie.raak(db.session, db.session.scalars(
            select(WerkingsgebiedDeel.netwerk_id).distinct()
            .where(WerkingsgebiedDeel.nis.in_(geraakt))))
