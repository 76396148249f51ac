"""Graph pages: the interactive network and its data, the analysis lists and 'wat als'.

Every page reads the one analysis bundle (pipeline.bundel): a fixed number of SQL statements
whatever the size of the network. The graph's exports (gexf, graphml) are formats of the one
export route (partners/views_io.export_bestand).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from flask import Response, jsonify, render_template, request, url_for
from markupsafe import Markup

from .. import cache
from ..auth.guard import allowed, authorize
from ..domein.permissions import can_edit_netwerk, can_view_netwerk
from ..domein.taxonomie import VERWIJZINGSSOORT
from ..fouten import NietGevonden
from ..luie_import import later
from ..main.peildatum import bundel_op_peildatum, peildatum_uit_request
from ..partners.refs import netwerk_ref
from . import bp, queries

if TYPE_CHECKING:
    from ..domein.bundel import Bundel

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
graafanalyse = later("huisvanhetkind.domein.analyse")
berekeningen = later("huisvanhetkind.berekeningen")
bundel = later("huisvanhetkind.domein.bundel")
pipeline = later("huisvanhetkind.pipeline")
tekening = later("huisvanhetkind.domein.tekening")

# the graph page's table of verwijzingen stops here; the verwijzingen page pages through all of them
MAX_TABEL = 300


def _graaf_json(r: Bundel, stand: tuple) -> dict:
    """tekening.graph_data plus what the bundle does not hold: each partner's page and the
    current count of each verwijzing (queries.aantallen).

    Cached per bundle and network revisie (`stand`, queries.netwerk_stand)."""
    def bereken() -> dict:
        # groups and positions, the costly part, are kept per structure for every worker and
        # host (berekeningen.py): an edit that leaves partners and links alone keeps them
        sleutel = berekeningen.sleutel("schikking", tekening.structuur(r.netwerk))
        geschikt = berekeningen.onthoud(r.netwerk.id, "schikking", sleutel,
                                        lambda: tekening.schikking(r.netwerk))
        netwerk = r.netwerk.met_aantallen(queries.aantallen(stand))
        data = tekening.graph_data(netwerk, r.analyse, geschikt=geschikt)
        for node in data["nodes"]:
            node["url"] = url_for("partners.organisatie", organisatie_id=node["id"])
        data["soorten"] = [{"code": c.code, "label": c.label} for c in VERWIJZINGSSOORT]
        data["peildatum"] = r.peildatum.isoformat()
        return data

    return pipeline.per_bundel(r, "graafdata", bereken, stand)


def _namen(r: Bundel) -> dict[int, str]:
    return {p.id: p.naam for p in r.netwerk.partners}


def _pagina(netwerk_id: int, peildatum, stand: tuple) -> dict:
    """What the graph page shows of the network, computed once per revisie and peildatum: the
    page then costs one SELECT (the revisie) besides the authorisation, whatever the size."""
    r = pipeline.bundel(netwerk_id, peildatum)
    data = _graaf_json(r, stand)
    return {
        "naam": r.netwerk.naam, "a": r.analyse, "data": data,
        "per_sector": Counter(node["sector"] for node in data["nodes"]),
        "per_soort": Counter(edge["soort"] for edge in data["edges"]),
        # the table twin is the largest part of the page and the same for everyone who sees it
        "tabellen": Markup(render_template("graaf/_tabellen.html", data=data, namen=_namen(r),
                                           netwerk_id=netwerk_id, max_tabel=MAX_TABEL)),
    }


@bp.get("/netwerken/<int:netwerk_id>/graaf")
def netwerk_graaf(netwerk_id: int):
    """The picture at the ?op= peildatum (default today); graaf.js fetches graaf.json at the same
    date. A bad date: today's picture, the Dutch error and status 400."""
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    peildatum, fout = peildatum_uit_request()
    stand = queries.netwerk_stand(netwerk_id)
    p = cache.remember(("graafpagina", stand, peildatum),
                       lambda: _pagina(netwerk_id, peildatum, stand),
                       groep=("graafpagina", netwerk_id))
    return render_template(
        "graaf/graaf.html", **p, netwerk_id=netwerk_id, uitleg=graafanalyse.UITLEG,
        peildatum=peildatum, peildatum_fout=fout,
        bron=url_for("graaf.graaf_data", netwerk_id=netwerk_id,
                     op=None if fout or "op" not in request.args else peildatum.isoformat()),
    ), 400 if fout else 200


@bp.get("/netwerken/<int:netwerk_id>/graaf.json")
def graaf_data(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    peildatum, fout = peildatum_uit_request()
    if fout:
        return jsonify({"fout": fout}), 400
    # the picture depends on this network's own rows only: one SELECT of its revisie finds the
    # serialised document (~2 MB for the largest network) without reading the facts again
    stand = queries.netwerk_stand(netwerk_id)
    body = cache.remember(("graafjson", stand, peildatum), lambda: json.dumps(
        _graaf_json(pipeline.bundel(netwerk_id, peildatum), stand),
        separators=(",", ":")).encode(), groep=("graafjson", netwerk_id))
    return Response(body, mimetype="application/json")


@bp.get("/netwerken/<int:netwerk_id>/analyse")
def analyse(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    r = pipeline.bundel(netwerk_id)
    namen = _namen(r)
    b = r.analyse.cb_bereik
    cb = {sleutel: sorted(ids, key=lambda i: (namen[i], i)) for sleutel, ids in (
        ("cb", b.cb), ("een_stap", b.een_stap), ("twee_stappen", b.twee_stappen),
        ("buiten_bereik", b.buiten_bereik))}
    return render_template("graaf/analyse.html", r=r, a=r.analyse, netwerk_id=netwerk_id,
                           namen=namen, cb=cb, uitleg=graafanalyse.UITLEG,
                           mag_bewerken=allowed(can_edit_netwerk, ref))


@bp.get("/netwerken/<int:netwerk_id>/wat-als")
def wat_als(netwerk_id: int):
    """domein.md §6 'wat als', at the ?op= peildatum: measures, lacunes and every condition."""
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    nu, peildatum, fout = bundel_op_peildatum(netwerk_id)
    partner_id = request.args.get("partner", type=int)
    wa = None
    if "partner" in request.args:
        try:
            wa = bundel.wat_als(nu, partner_id)
        except LookupError:  # also partner_id None: not a number
            raise NietGevonden(partner_id) from None
    return render_template(
        "graaf/wat_als.html", r=nu, wa=wa, netwerk_id=netwerk_id, namen=_namen(nu),
        uitleg=graafanalyse.UITLEG, peildatum=peildatum, peildatum_fout=fout,
        partners=sorted(nu.netwerk.partners, key=lambda p: (p.naam, p.id))), 400 if fout else 200
