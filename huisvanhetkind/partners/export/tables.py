"""A network's register as the rows of the exchange format (domein.md §7), in bounded queries.

The same format as the import, so exporting and importing again gives the same data. Partners
are referred to by their sleutel, else their KBO number, else their name — what the importer
resolves. Only active members are exported, with the verwijzingen among them.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ...erkenning.models import Engagement
from ...extensions import db
from ...graaf.models import Indicator, Verwijzing
from ...domein import taxonomie as tax
from ...domein import kbo as kbo_nummer
from ..models import Aanbod, Lidmaatschap, Netwerk, Organisatie

Rijen = dict[str, list[dict]]


def netwerk_rijen(netwerk_id: int) -> Rijen:
    """Sheet name → rows (column → typed value), ordered for stable output."""
    n = db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id)
                          .options(selectinload(Netwerk.werkingsgebied)))
    leden = db.session.scalars(select(Lidmaatschap).where(Lidmaatschap.netwerk_id == netwerk_id)
                               .options(joinedload(Lidmaatschap.organisatie))).all()
    actief = sorted((m for m in leden if m.lid_tot is None),
                    key=lambda m: (tax.normalise(m.organisatie.naam), m.organisatie_id))
    ids = [m.organisatie_id for m in actief]
    ref = {m.organisatie_id: _ref(m) for m in leden}
    naam = {m.organisatie_id: m.organisatie.naam for m in leden}

    aanbod = db.session.scalars(select(Aanbod).where(Aanbod.organisatie_id.in_(ids))
                                .order_by(Aanbod.organisatie_id, Aanbod.id)).all() if ids else []
    volgorde = {oid: i for i, oid in enumerate(ids)}
    aanbod = sorted(aanbod, key=lambda a: (volgorde[a.organisatie_id], tax.normalise(a.naam), a.id))
    verwijzingen = db.session.scalars(select(Verwijzing).where(
        Verwijzing.van_id.in_(ids), Verwijzing.naar_id.in_(ids))).all() if ids else []
    verwijzingen = sorted(verwijzingen, key=lambda v: (volgorde[v.van_id], volgorde[v.naar_id],
                                                       v.soort))
    engagementen = db.session.scalars(select(Engagement).where(Engagement.netwerk_id == netwerk_id)
                                      .options(selectinload(Engagement.acties))).all()
    trekkers = {a.trekker_id for e in engagementen for a in e.acties if a.trekker_id} - set(ref)
    if trekkers:  # a trekker outside the network: referred to by name
        for o in db.session.scalars(select(Organisatie).where(Organisatie.id.in_(trekkers))):
            ref[o.id] = o.naam
            naam[o.id] = o.naam

    return {
        "netwerk": [{
            "naam": n.naam, "werkingsgebied": tuple((d.nis, d.deel) for d in n.werkingsgebied),
            "rechtsvorm": n.rechtsvorm, "aanvraagdatum": n.aanvraagdatum,
            "erkenningsdatum": n.erkenningsdatum, "coordinator_email": n.coordinator_email,
        }],
        "partners": [{
            "sleutel": m.sleutel, "naam": m.organisatie.naam, "kbo": m.organisatie.kbo,
            "sector": m.organisatie.sector, "gemeenten": m.organisatie.gemeenten,
            "email": m.organisatie.email, "lid_sinds": m.lid_sinds,
            "overeenkomst_getekend": m.overeenkomst_getekend,
        } for m in actief],
        "aanbod": [{
            "sleutel": a.sleutel, "partner": ref[a.organisatie_id], "naam": a.naam,
            "aanbodvorm": a.aanbodvorm, "functies": a.functies,
            "leeftijdsgroepen": a.leeftijdsgroepen, "doelgroep": a.doelgroep,
            "werkvormen": a.werkvormen, "gemeenten": a.gemeenten,
            "laagdrempelig": a.laagdrempelig, "verplicht_kg": a.verplicht_kg,
        } for a in aanbod],
        "verwijzingen": [{
            "van": ref[v.van_id], "naar": ref[v.naar_id], "soort": v.soort,
            "aantal_per_jaar": v.aantal_per_jaar, "sinds": v.sinds, "bevestigd": v.bevestigd,
        } for v in verwijzingen],
        "engagementen": _engagementen(engagementen, ref),
        # the figures of its municipalities (shared with other networks there): a round trip
        "indicatoren": [{"nis": i.nis, "jaar": i.jaar, "indicator": i.indicator,
                         "waarde": i.waarde, "bron": i.bron}
                        for i in db.session.scalars(select(Indicator).where(
                            Indicator.nis.in_({d.nis for d in n.werkingsgebied}))
                            .order_by(Indicator.nis, Indicator.indicator, Indicator.jaar))],
    }


def _ref(m: Lidmaatschap) -> str:
    return m.sleutel or kbo_nummer.formatted(m.organisatie.kbo) or m.organisatie.naam


def _engagementen(engagementen, ref) -> list[dict]:
    rows = []
    volgorde = {v: i for i, v in enumerate(tax.ENGAGEMENTEN)}
    for e in sorted(engagementen, key=lambda e: volgorde.get(e.voorwaarde, 99)):
        acties = sorted(e.acties, key=lambda a: (a.deadline is None, a.deadline, a.id))
        if not acties:
            rows.append({"voorwaarde": e.voorwaarde, "actie": None, "trekker": None,
                         "deadline": None, "status": None, "bewijs": None,
                         "gerealiseerd_op": None})
        for a in acties:
            rows.append({"voorwaarde": e.voorwaarde, "actie": a.beschrijving,
                         "trekker": ref.get(a.trekker_id) if a.trekker_id else None,
                         "deadline": a.deadline, "status": a.status, "bewijs": a.bewijs,
                         "gerealiseerd_op": a.gerealiseerd_op})
    return rows
