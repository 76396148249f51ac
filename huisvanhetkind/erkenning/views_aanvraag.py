"""The erkenningsaanvraag as a process (domein.md §11): its page, one POST per step, and the
frozen versions (their evaluation and PDF, with the SHA-256). Views parse → authorise → call one
function of aanvraag_operations → render; they never commit.
"""
from __future__ import annotations

import json
from datetime import date

from flask import flash, make_response, redirect, render_template, url_for
from flask_login import current_user

from ..auth.guard import authorize, current_actor
from ..domein import aanvraag as a
from ..domein.permissions import aanvraag_stappen, can_aanvraag, can_view_aanvraag
from ..editing import ONGELDIG
from ..luie_import import later
from ..fouten import Conflict, NietGevonden, OperatieFout
from ..partners.refs import netwerk_ref
from . import aanvraag_operations as ops, bp, pdf_cache
from .forms import AanvraagStapForm, AdviesForm, BeslissingForm, HerindienenForm
from .pdf import render_pdf
from .queries import (aanvraag_stand, aanvraag_stappen as stappen_van, aanvraag_van,
                      aanvraag_versies,
                      netwerk_of_404, versie_in_netwerk)

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
dossier_mod = later("huisvanhetkind.erkenning.dossier")
facts = later("huisvanhetkind.facts")

FORMULIEREN = {a.ADVISEREN: AdviesForm, a.BESLISSEN: BeslissingForm,
               a.HERINDIENEN: HerindienenForm}


def _form(stap: str, aanvraag, formdata=None):
    form = FORMULIEREN.get(stap, AanvraagStapForm)(prefix=stap, formdata=formdata)
    if formdata is None:
        form.toestand.data = aanvraag.toestand if aanvraag else a.CONCEPT
        form.version.data = aanvraag.version if aanvraag else 0
        if stap == a.BESLISSEN:
            form.datum.data = date.today()
    return form


def _pagina(netwerk_id: int, *, fout: str | None = None, ingevuld=None, status: int = 200):
    netwerk = netwerk_of_404(netwerk_id)
    ref = netwerk_ref(netwerk_id)
    stand = aanvraag_stand(netwerk_id, netwerk.erkenningsdatum)
    aanvraag, toestand = stand["aanvraag"], stand["toestand"]
    stappen = aanvraag_stappen(current_actor(), ref, toestand,
                               aanvraag.beslissing if aanvraag else None)
    forms = {s: ingevuld if ingevuld is not None and ingevuld[0] == s else None for s in stappen}
    forms = {s: (f[1] if f else _form(s, aanvraag)) for s, f in forms.items()}
    return render_template(
        "erkenning/aanvraag.html", netwerk=netwerk, forms=forms, fout=fout, **stand,
        versies=aanvraag_versies(aanvraag.id) if aanvraag else [],
        geschiedenis=stappen_van(aanvraag.id) if aanvraag else []), status


@bp.get("/netwerken/<int:netwerk_id>/aanvraag")
def aanvraag(netwerk_id: int):
    authorize(can_view_aanvraag, netwerk_ref(netwerk_id))
    return _pagina(netwerk_id)


def _bevriezer(netwerk_id: int) -> ops.Bevriezer:
    """Freeze the dossier of today: the same bundle, template and renderer as the dossier PDF;
    the PDF of these very facts is taken from the cache when someone downloaded it already (a
    coordinator checks the dossier, then submits: no second render of 4-9 s in the request)."""
    def bevries() -> ops.Bevroren:
        peildatum = date.today()
        d = dossier_mod.bouw(netwerk_id, peildatum)
        kop = facts.koppen([netwerk_id])[netwerk_id]
        pdf = pdf_cache.bewaard(facts.dossier_bron(kop, peildatum), peildatum) or render_pdf(
            render_template("erkenning/dossier_pdf.html", d=d))
        return ops.Bevroren(peildatum, d.netwerk, d.b.to_json(d.netwerk.naam), pdf)
    return bevries


def _voer_uit(stap: str, netwerk_id: int, aanvraag, form) -> str:
    """Call the one operation of this step; returns the Dutch message of success."""
    gemeen = dict(version=form.version.data, toestand=form.toestand.data,
                  door_id=current_user.id)
    if stap == a.INDIENEN:
        v = ops.indienen(netwerk_id, aanvraag, bevries=_bevriezer(netwerk_id),
                         toelichting=form.toelichting.data, **gemeen)
        return f"Aanvraag ingediend (versie {v.nummer}). Het dossier is bevroren."
    if aanvraag is None:
        raise OperatieFout("Er is nog geen ingediende aanvraag.")
    if stap == a.NEMEN:
        ops.nemen(aanvraag, **gemeen)
        return "Je behandelt deze aanvraag."
    if stap == a.ADVISEREN:
        ops.adviseren(aanvraag, advies=form.advies.data, motivatie=form.motivatie.data, **gemeen)
        return "Advies bewaard."
    if stap == a.HERINDIENEN:
        v = ops.herindienen(aanvraag, toelichting=form.toelichting.data,
                            bevries=_bevriezer(netwerk_id), **gemeen)
        return f"Herziene aanvraag ingediend (versie {v.nummer})."
    if stap == a.BESLISSEN:
        ops.beslissen(aanvraag, beslissing=form.beslissing.data, datum=form.datum.data,
                      motivatie=form.motivatie.data, **gemeen)
        return "Beslissing vastgelegd."
    if stap == a.RAPPORTEREN:
        v = ops.rapporteren(aanvraag, toelichting=form.toelichting.data,
                            bevries=_bevriezer(netwerk_id), **gemeen)
        return f"{a.SOORTEN[v.soort]} ingediend (versie {v.nummer})."
    ops.intrekken(aanvraag, reden=form.toelichting.data, **gemeen)
    return "Aanvraag ingetrokken."


@bp.post("/netwerken/<int:netwerk_id>/aanvraag/<stap>")
def aanvraag_stap(netwerk_id: int, stap: str):
    if stap not in a.OVERGANGEN:
        authorize(can_view_aanvraag, netwerk_ref(netwerk_id))
        raise NietGevonden(stap)
    authorize(can_aanvraag, netwerk_ref(netwerk_id), stap)
    aanvraag = aanvraag_van(netwerk_id)
    form = FORMULIEREN.get(stap, AanvraagStapForm)(prefix=stap)
    if not form.validate_on_submit():
        return _pagina(netwerk_id, ingevuld=(stap, form), status=ONGELDIG)
    try:
        boodschap = _voer_uit(stap, netwerk_id, aanvraag, form)
    except Conflict:
        return _pagina(netwerk_id, status=409, fout=(
            "Iemand anders zette intussen een stap: hieronder staat de aanvraag zoals ze nu is."))
    except OperatieFout as fout:
        return _pagina(netwerk_id, ingevuld=(stap, form), fout=str(fout), status=ONGELDIG)
    flash(boodschap, "success")
    return redirect(url_for("erkenning.aanvraag", netwerk_id=netwerk_id))


@bp.get("/netwerken/<int:netwerk_id>/aanvraag/versies/<int:versie_id>")
def aanvraag_versie(netwerk_id: int, versie_id: int):
    authorize(can_view_aanvraag, netwerk_ref(netwerk_id))
    versie = versie_in_netwerk(netwerk_id, versie_id)
    gegevens = json.loads(versie.gegevens)
    return render_template("erkenning/aanvraag_versie.html", netwerk=netwerk_of_404(netwerk_id),
                           versie=versie, beoordeling=gegevens["beoordeling"],
                           feiten=gegevens["feiten"], a=a,
                           mag_reviewen=can_aanvraag(current_actor(), netwerk_ref(netwerk_id),
                                                     a.ADVISEREN))


@bp.get("/netwerken/<int:netwerk_id>/aanvraag/versies/<int:versie_id>.pdf")
def aanvraag_versie_pdf(netwerk_id: int, versie_id: int):
    authorize(can_view_aanvraag, netwerk_ref(netwerk_id))
    versie = versie_in_netwerk(netwerk_id, versie_id)
    response = make_response(versie.pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="aanvraag-{netwerk_id}-versie-{versie.nummer}.pdf"')
    return response
