"""Graph pages: the interactive network and its data, the analysis lists, 'wat als', exports.

Every page computes from one set of facts (erkenning/facts.py): a fixed number of SQL statements
whatever the size of the network.
"""
from __future__ import annotations

from datetime import date

from flask import Response, abort, jsonify, render_template, request, url_for

from .. import cache
from ..auth.guard import allowed, authorize
from ..auth.permissions import can_edit_netwerk, can_view_netwerk
from ..erkenning import rules
from ..partners.refs import netwerk_ref
from ..referentie.taxonomie import VERWIJZINGSSOORT
from . import bp, export, queries
from .analysis import UITLEG
from .render import graph_data
from .wat_als import vergelijk


# the graph page's table of verwijzingen stops here; the verwijzingen page pages through all of them
MAX_TABEL = 300


def _graaf_json(r: queries.Rapport) -> dict:
    """render.graph_data plus what only the web layer knows: each partner's page."""
    gedeeld = cache.remember(None if r.netwerk.bron is None else ("graafdata", r.netwerk.bron),
                             lambda: graph_data(r.netwerk, r.analyse))  # layout included
    data = dict(gedeeld, nodes=[dict(node, url=url_for("partners.organisatie",
                                                       organisatie_id=node["id"]))
                                for node in gedeeld["nodes"]])
    data["soorten"] = [{"code": c.code, "label": c.label} for c in VERWIJZINGSSOORT]
    return data


def _namen(r: queries.Rapport) -> dict[int, str]:
    return {p.id: p.naam for p in r.netwerk.partners}


@bp.get("/netwerken/<int:netwerk_id>/graaf")
def netwerk_graaf(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    r = queries.rapport(netwerk_id)
    data = _graaf_json(r)
    per_sector: dict[str, int] = {}
    for node in data["nodes"]:
        per_sector[node["sector"]] = per_sector.get(node["sector"], 0) + 1
    per_soort: dict[str, int] = {}
    for edge in data["edges"]:
        per_soort[edge["soort"]] = per_soort.get(edge["soort"], 0) + 1
    return render_template("graaf/graaf.html", r=r, data=data, netwerk_id=netwerk_id,
                           namen=_namen(r), per_sector=per_sector, per_soort=per_soort,
                           uitleg=UITLEG, max_tabel=MAX_TABEL)


@bp.get("/netwerken/<int:netwerk_id>/graaf.json")
def graaf_data(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    return jsonify(_graaf_json(queries.rapport(netwerk_id)))


@bp.get("/netwerken/<int:netwerk_id>/graaf.<any(gexf, graphml):formaat>")
def export_graaf(netwerk_id: int, formaat: str):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    facts = queries.facts_or_404(netwerk_id)
    naam = export.bestandsnaam(facts.naam, formaat)
    return Response(export.to_bytes(facts, formaat), mimetype=export.FORMATEN[formaat],
                    headers={"Content-Disposition": f'attachment; filename="{naam}"'})


@bp.get("/netwerken/<int:netwerk_id>/analyse")
def analyse(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    r = queries.rapport(netwerk_id)
    namen = _namen(r)
    b = r.analyse.cb_bereik
    cb = {sleutel: sorted(ids, key=lambda i: (namen[i], i)) for sleutel, ids in (
        ("cb", b.cb), ("een_stap", b.een_stap), ("twee_stappen", b.twee_stappen),
        ("buiten_bereik", b.buiten_bereik))}
    return render_template("graaf/analyse.html", r=r, a=r.analyse, netwerk_id=netwerk_id,
                           namen=namen, cb=cb, uitleg=UITLEG,
                           mag_bewerken=allowed(can_edit_netwerk, ref))


@bp.get("/netwerken/<int:netwerk_id>/wat-als")
def wat_als(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    facts = queries.facts_or_404(netwerk_id)
    voor = queries.bereken(facts)
    partner_id = request.args.get("partner", type=int)
    context = {"r": voor, "netwerk_id": netwerk_id, "namen": _namen(voor), "uitleg": UITLEG,
               "partner": None, "v": None,
               "partners": sorted(facts.partners, key=lambda p: (p.naam, p.id))}
    if partner_id is not None:
        partner = facts.partner(partner_id)
        if partner is None:
            abort(404)
        na = queries.bereken(facts.zonder_partner(partner_id))
        vandaag = date.today()
        context.update(partner=partner, v=vergelijk(
            voor, na, rules.evalueer(facts, vandaag, voor.lacunes, voor.overlappen),
            rules.evalueer(na.netwerk, vandaag, na.lacunes, na.overlappen)))
    return render_template("graaf/wat_als.html", **context)
