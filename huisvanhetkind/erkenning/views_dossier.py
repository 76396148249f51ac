"""The erkenningsdossier: a printable HTML page and the same content as PDF."""
from __future__ import annotations

import time

from flask import abort, current_app, make_response, render_template

from ..auth.guard import authorize
from ..domein.permissions import can_view_netwerk
from ..fouten import NietGevonden
from ..luie_import import later
from ..partners.refs import netwerk_ref
from . import bp, pdf_cache
from .pdf import render_pdf
from ..main.peildatum import peildatum_uit_request

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
dossier_mod = later("huisvanhetkind.erkenning.dossier")
facts = later("huisvanhetkind.facts")

VERVERS = 3  # seconds before the "wordt gemaakt" page asks again


def _peildatum():
    peildatum, fout = peildatum_uit_request()
    if fout:
        abort(make_response(render_template(
            "errors/error.html", code=400, titel="Ongeldige peildatum", uitleg=fout), 400))
    return peildatum


def _dossier(netwerk_id: int):
    return dossier_mod.bouw(netwerk_id, _peildatum())


@bp.get("/netwerken/<int:netwerk_id>/erkenning/dossier")
def dossier(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    return render_template("erkenning/dossier.html", d=_dossier(netwerk_id))


@bp.get("/netwerken/<int:netwerk_id>/erkenning/dossier.pdf")
def dossier_pdf(netwerk_id: int):
    begonnen = time.monotonic()
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    peildatum = _peildatum()
    # the network's head gives the cache key: a kept PDF, or the page saying another request is
    # making it, is answered without building the dossier (issue 16: ten clients at once)
    kop = facts.koppen([netwerk_id]).get(netwerk_id)
    if kop is None:
        raise NietGevonden(netwerk_id)
    naam = kop.rij[1]  # the head row: (id, naam, …)
    bron = facts.dossier_bron(kop, peildatum)
    pdf = pdf_cache.stand(bron, peildatum)
    if pdf is None:
        pdf = pdf_cache.pdf_of_bezig(
            netwerk_id, bron, peildatum,
            lambda: render_template("erkenning/dossier_pdf.html",
                                    d=dossier_mod.bouw(netwerk_id, peildatum)),
            lambda html: render_pdf(html), begonnen + current_app.config["DOSSIER_PDF_WACHTEN"])
    if not pdf:  # being made by another request: a page that asks again in a moment
        response = make_response(render_template(
            "erkenning/dossier_bezig.html", netwerk_id=netwerk_id, naam=naam,
            peildatum=peildatum), 202)
        response.headers["Retry-After"] = str(VERVERS)
        return response
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    bestandsnaam = f"erkenningsdossier-{netwerk_id}-{peildatum.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response
