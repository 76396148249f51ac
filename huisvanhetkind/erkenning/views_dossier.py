"""The erkenningsdossier: a printable HTML page and the same content as PDF."""
from __future__ import annotations

from flask import abort, make_response, render_template

from ..auth.guard import authorize
from ..domein.permissions import can_view_netwerk
from ..partners.refs import netwerk_ref
from . import bp, dossier as dossier_mod, pdf_cache
from .pdf import render_pdf
from ..main.peildatum import peildatum_uit_request

VERVERS = 3  # seconds before the "wordt gemaakt" page asks again


def _dossier(netwerk_id: int):
    peildatum, fout = peildatum_uit_request()
    if fout:
        abort(make_response(render_template(
            "errors/error.html", code=400, titel="Ongeldige peildatum", uitleg=fout), 400))
    return dossier_mod.bouw(netwerk_id, peildatum)


@bp.get("/netwerken/<int:netwerk_id>/erkenning/dossier")
def dossier(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    return render_template("erkenning/dossier.html", d=_dossier(netwerk_id))


@bp.get("/netwerken/<int:netwerk_id>/erkenning/dossier.pdf")
def dossier_pdf(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    d = _dossier(netwerk_id)
    pdf = pdf_cache.pdf_of_bezig(
        netwerk_id, d.netwerk.bron, d.ev.peildatum,
        lambda: render_pdf(render_template("erkenning/dossier_pdf.html", d=d)))
    if pdf is None:  # being made by another request: a page that asks again in a moment
        response = make_response(render_template("erkenning/dossier_bezig.html", d=d), 202)
        response.headers["Retry-After"] = str(VERVERS)
        return response
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    naam = f"erkenningsdossier-{d.netwerk.id}-{d.ev.peildatum.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
