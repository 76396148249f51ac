"""The coordinator's start page: per network what needs attention (domein.md §11)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..luie_import import later
from ..domein import aanvraag as av
from ..domein.meldingen import onvervulde_engagementen
from ..erkenning.models import Aanvraag
from ..partners.models import Aanbod, Lidmaatschap
from ..partners.queries import per_revisie_veel
from ..extensions import db

pipeline = later("huisvanhetkind.pipeline")  # the analysis, imported on first use (luie_import.py)


@dataclass(frozen=True)
class NetwerkStand:
    netwerk_id: int
    naam: str
    open_punten: int  # conditions not (yet) met
    termijn: date | None  # the two-year deadline, for an erkend network
    dagen: int | None
    onvervuld: tuple[str, ...]  # engagements without a realised action
    verouderd: int  # aanbod of its members not nagekeken for 12 months
    onbevestigd: int  # verwijzingen between members not confirmed
    aanvraag: str  # the erkenningsaanvraag's state (domein/aanvraag.TOESTANDEN)
    advies: str | None  # the consultant's advice, once given


def _verouderd(ids: list[int], vandaag: date) -> dict[int, int]:
    """Aanbod of the networks' active members not nagekeken for 12 months, per network."""
    uit = dict.fromkeys(ids, 0)
    uit.update(db.session.execute(
        select(Lidmaatschap.netwerk_id, func.count(Aanbod.id))
        .join(Aanbod, Aanbod.organisatie_id == Lidmaatschap.organisatie_id)
        .where(Lidmaatschap.netwerk_id.in_(ids), Lidmaatschap.lid_tot.is_(None),
               Aanbod.verouderd_op(vandaag))
        .group_by(Lidmaatschap.netwerk_id)).all())
    return uit


def netwerken(lijst, vandaag: date | None = None) -> list[NetwerkStand]:
    """One row per network: the evaluation from the cached bundle, the stale aanbod in one
    grouped query for all networks."""
    vandaag = vandaag or date.today()
    ids = [n.id for n in lijst]
    # kept per network revisie and day (an aanbod nagekeken renews the revisie): the grouped
    # count over every member's aanbod was the start page's slowest statement
    verouderd = per_revisie_veel("verouderd", list(lijst),
                                 lambda ontbreekt: _verouderd(ontbreekt, vandaag), vandaag)
    aanvragen = {r.netwerk_id: r for r in db.session.execute(
        select(Aanvraag.netwerk_id, Aanvraag.toestand, Aanvraag.advies)
        .where(Aanvraag.netwerk_id.in_(ids)))} if ids else {}
    bundels = pipeline.bundels(ids, vandaag)
    uit = []
    for n in lijst:
        open_punten, termijn, onvervuld, onbevestigd = pipeline.per_bundel(
            bundels[n.id], "stand", lambda: _uit_bundel(bundels[n.id], vandaag))
        aanvraag = aanvragen.get(n.id)
        uit.append(NetwerkStand(
            n.id, n.naam, open_punten, termijn, (termijn - vandaag).days if termijn else None,
            onvervuld, verouderd.get(n.id, 0), onbevestigd,
            aanvraag.toestand if aanvraag else av.CONCEPT, aanvraag.advies if aanvraag else None))
    return uit


def _uit_bundel(bundel: pipeline.Bundel, vandaag: date) -> tuple:
    """What a row takes from the network's bundle, kept with it: counting the unconfirmed
    verwijzingen of the largest network (10,000) was 0.5 ms of every start page."""
    termijn, onvervuld = (onvervulde_engagementen(bundel.netwerk, vandaag)
                          if bundel.netwerk.erkenningsdatum else (None, []))
    return (len(bundel.beoordeling.open_punten), termijn, tuple(onvervuld),
            sum(not v.bevestigd for v in bundel.netwerk.verwijzingen))
