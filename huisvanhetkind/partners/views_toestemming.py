"""Consent (domein.md §10): what waits for an answer, answering invitations and proposals,
withdrawing an invitation, and proposing a change to an organisation or its aanbod."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from ..auth.guard import authorize, current_actor
from ..domein.permissions import (can_answer_invitation, can_answer_proposal, can_edit_netwerk,
                                  can_propose_organisatie, is_authenticated)
from ..editing import formulier_stap, ingediende_versie
from ..extensions import db
from ..fouten import Conflict, NietGevonden, OperatieFout
from . import bp, eigendom, queries_toestemming as queries
from .forms_toestemming import (AanbodVoorstelForm, AntwoordForm, IntrekkenForm,
                                OrganisatieVoorstelForm)
from .models import Aanbod, Organisatie
from .operations import AANBOD_VELDEN, ORGANISATIE_VELDEN
from .refs import netwerk_ref, organisatie_ref

PAGINA = "partners/te_beantwoorden.html"


@bp.get("/te-beantwoorden")
def te_beantwoorden():
    authorize(is_authenticated)
    uitnodigingen, voorstellen = queries.te_beantwoorden(current_actor())
    return render_template(PAGINA, uitnodigingen=uitnodigingen, voorstellen=voorstellen,
                           form=AntwoordForm())


def _lijst(status: int, fout: str):
    """The page again with the Dutch reason; an error status, so the commit point keeps nothing
    of an answer that failed half-way."""
    uitnodigingen, voorstellen = queries.te_beantwoorden(current_actor())
    return render_template(PAGINA, uitnodigingen=uitnodigingen, voorstellen=voorstellen,
                           form=AntwoordForm(formdata=None), formulierfout=fout), status


def _antwoord(obj, aanvaard, weiger, wat: str):
    """Answer an invitation or a proposal, version-checked."""
    form = AntwoordForm()
    if not form.validate_on_submit():
        return _lijst(422, "Kies aanvaarden of weigeren.")
    try:
        if form.keuze.data == "aanvaarden":
            aanvaard(obj, current_actor().id, ingediende_versie())
        else:
            weiger(obj, current_actor().id, ingediende_versie(), form.antwoord.data)
    except Conflict:
        return _lijst(409, f"Deze {wat} is intussen gewijzigd of beantwoord: bekijk ze opnieuw.")
    except OperatieFout as fout:
        return _lijst(422, str(fout))
    flash(f"De {wat} is {'aanvaard' if form.keuze.data == 'aanvaarden' else 'geweigerd'}.",
          "success")
    return redirect(url_for("partners.te_beantwoorden"))


@bp.post("/uitnodigingen/<int:uitnodiging_id>/antwoord")
def uitnodiging_antwoord(uitnodiging_id: int):
    u = queries.uitnodiging(uitnodiging_id)
    authorize(can_answer_invitation, organisatie_ref(u.organisatie_id))
    return _antwoord(u, eigendom.aanvaard_uitnodiging,
                     eigendom.weiger_uitnodiging, "uitnodiging")


@bp.post("/voorstellen/<int:voorstel_id>/antwoord")
def voorstel_antwoord(voorstel_id: int):
    v = queries.voorstel(voorstel_id)
    authorize(can_answer_proposal, organisatie_ref(v.organisatie_id))
    return _antwoord(v, eigendom.aanvaard_voorstel, eigendom.weiger_voorstel,
                     "voorgestelde wijziging")


@bp.post("/netwerken/<int:netwerk_id>/uitnodigingen/<int:uitnodiging_id>/intrekken")
def uitnodiging_intrekken(netwerk_id: int, uitnodiging_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    u = queries.uitnodiging(uitnodiging_id)
    if u.netwerk_id != netwerk_id:
        raise NietGevonden(uitnodiging_id)
    terug = url_for("partners.leden", netwerk_id=netwerk_id)
    if not IntrekkenForm().validate_on_submit():
        abort(400)
    try:
        eigendom.trek_uitnodiging_in(u, current_actor().id, ingediende_versie())
    except (Conflict, OperatieFout):
        return render_template("errors/error.html", code=409, titel="Al beantwoord",
                               uitleg="De uitnodiging is intussen beantwoord of gewijzigd.",
                               terug=terug), 409
    flash("De uitnodiging is ingetrokken.", "success")
    return redirect(terug)


def _netwerk_voor_voorstel(ref) -> int:
    """The network the proposal is made in: ?netwerk= if it is one of the coordinator's and
    the organisation's, else the first such network."""
    gedeeld = sorted(ref.netwerk_ids & current_actor().coordinator_van)
    gevraagd = request.args.get("netwerk", type=int)
    return gevraagd if gevraagd in gedeeld else gedeeld[0]


@bp.route("/organisaties/<int:organisatie_id>/voorstel", methods=["GET", "POST"])
def organisatie_voorstel(organisatie_id: int):
    ref = organisatie_ref(organisatie_id)
    authorize(can_propose_organisatie, ref)
    org = db.get_or_404(Organisatie, organisatie_id)
    form = OrganisatieVoorstelForm(obj=org)
    if request.method == "GET":
        form.gemeenten.data = list(org.gemeenten)
    netwerk_id = _netwerk_voor_voorstel(ref)
    return formulier_stap(
        form, "partners/voorstel_form.html", dict(org=org, aanbod=None),
        lambda version: eigendom.stel_voor(
            org, netwerk_id, current_actor().id,
            {f: getattr(form, f).data for f in ORGANISATIE_VELDEN}, form.toelichting.data),
        f"Je voorstel is naar {org.naam} gestuurd; de organisatie beslist.",
        url_for("partners.organisatie", organisatie_id=org.id), foutveld="toelichting")


@bp.route("/aanbod/<int:aanbod_id>/voorstel", methods=["GET", "POST"])
def aanbod_voorstel(aanbod_id: int):
    a = db.get_or_404(Aanbod, aanbod_id)
    ref = organisatie_ref(a.organisatie_id)
    authorize(can_propose_organisatie, ref)
    org = db.get_or_404(Organisatie, a.organisatie_id)
    form = AanbodVoorstelForm(obj=a)
    if request.method == "GET":
        for name in ("functies", "leeftijdsgroepen", "werkvormen", "gemeenten"):
            getattr(form, name).data = list(getattr(a, name))
    netwerk_id = _netwerk_voor_voorstel(ref)
    return formulier_stap(
        form, "partners/voorstel_form.html", dict(org=org, aanbod=a),
        lambda version: eigendom.stel_voor(
            org, netwerk_id, current_actor().id,
            {f: getattr(form, f).data for f in AANBOD_VELDEN}, form.toelichting.data, aanbod=a),
        f"Je voorstel is naar {org.naam} gestuurd; de organisatie beslist.",
        url_for("partners.aanbod", aanbod_id=a.id), foutveld="toelichting")

