"""The zelfevaluatie kernprincipes of a network (domein.md §12): score, repeat, link weak points
to actions. The views parse, authorise and call an operation; they never commit."""
from __future__ import annotations

from datetime import date

from flask import render_template, request, url_for

from ..auth.guard import allowed, authorize, current_actor
from ..domein.permissions import can_edit_zelfevaluatie, can_view_zelfevaluatie
from ..domein.zelfevaluatie import CLUSTERS, KERNPRINCIPE, actie_voorstel, is_zwak
from ..editing import formulier_stap
from ..erkenning.forms import NieuweActieForm, engagement_keuzes
from ..erkenning.operations import ACTIE_VELDEN
from ..erkenning.queries import actieve_leden, netwerk_of_404
from ..domein.beoordeling import deadline
from ..fouten import NietGevonden
from ..partners.refs import netwerk_ref
from ..rapport_xlsx import download
from . import bp, export as export_mod, operations, overzicht as overzicht_mod
from .forms import KoppelForm, ZelfevaluatieForm
from .queries import actie_keuzes, evaluaties, evaluatie_in_netwerk, laatste, score_in

FORMULIER = "zelfevaluatie/form.html"


def _terug(netwerk_id: int, zelfevaluatie_id: int | None = None) -> str:
    if zelfevaluatie_id is None:
        return url_for("zelfevaluatie.overzicht", netwerk_id=netwerk_id)
    return url_for("zelfevaluatie.tonen", netwerk_id=netwerk_id,
                   zelfevaluatie_id=zelfevaluatie_id)


@bp.get("/netwerken/<int:netwerk_id>/zelfevaluatie")
def overzicht(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_zelfevaluatie, ref)
    netwerk = netwerk_of_404(netwerk_id)
    return render_template("zelfevaluatie/overzicht.html", netwerk=netwerk,
                           o=overzicht_mod.bouw(netwerk_id, netwerk.naam),
                           mag_bewerken=allowed(can_edit_zelfevaluatie, ref))


@bp.get("/netwerken/<int:netwerk_id>/zelfevaluatie/zelfevaluaties.xlsx")
def export(netwerk_id: int):
    authorize(can_view_zelfevaluatie, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    return download(export_mod.werkmap(netwerk.naam, evaluaties(netwerk_id)),
                    f"zelfevaluatie-{netwerk_id}.xlsx")


@bp.get("/netwerken/<int:netwerk_id>/zelfevaluatie/<int:zelfevaluatie_id>")
def tonen(netwerk_id: int, zelfevaluatie_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_zelfevaluatie, ref)
    netwerk = netwerk_of_404(netwerk_id)
    z = evaluatie_in_netwerk(netwerk_id, zelfevaluatie_id)
    return render_template("zelfevaluatie/tonen.html", netwerk=netwerk, z=z,
                           o=overzicht_mod.bouw(netwerk_id, netwerk.naam, z.datum),
                           mag_bewerken=allowed(can_edit_zelfevaluatie, ref))


@bp.route("/netwerken/<int:netwerk_id>/zelfevaluatie/nieuw", methods=["GET", "POST"])
def nieuw(netwerk_id: int):
    authorize(can_edit_zelfevaluatie, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    form = ZelfevaluatieForm()
    vorige = laatste(netwerk_id)
    if request.method == "GET" and vorige is not None:
        form.vul_in(vorige)  # repeating: start from the previous scores
    return formulier_stap(
        form, FORMULIER, dict(netwerk=netwerk, z=None, vorige=vorige, clusters=CLUSTERS),
        lambda version: operations.nieuwe_zelfevaluatie(
            netwerk_id, datum=form.datum.data, scores=form.scores(),
            toelichting=form.toelichting.data, door_id=current_actor().id),
        lambda z: f"Zelfevaluatie van {z.datum:%d/%m/%Y} opgeslagen.",
        lambda z: _terug(netwerk_id, z.id), foutveld="datum")


@bp.route("/netwerken/<int:netwerk_id>/zelfevaluatie/<int:zelfevaluatie_id>/bewerken",
          methods=["GET", "POST"])
def bewerken(netwerk_id: int, zelfevaluatie_id: int):
    authorize(can_edit_zelfevaluatie, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    z = evaluatie_in_netwerk(netwerk_id, zelfevaluatie_id)
    form = ZelfevaluatieForm(obj=z)
    if request.method == "GET":
        form.vul_in(z)
    return formulier_stap(
        form, FORMULIER, dict(netwerk=netwerk, z=z, vorige=None, clusters=CLUSTERS),
        lambda version: operations.wijzig_zelfevaluatie(
            z, datum=form.datum.data, scores=form.scores(), toelichting=form.toelichting.data,
            version=version),
        "Zelfevaluatie bijgewerkt.", _terug(netwerk_id, z.id), foutveld="datum")


def _zwak_punt(netwerk_id: int, zelfevaluatie_id: int, kernprincipe: str):
    if kernprincipe not in KERNPRINCIPE:
        raise NietGevonden(kernprincipe)
    z = evaluatie_in_netwerk(netwerk_id, zelfevaluatie_id)
    return z, score_in(z, kernprincipe)


@bp.route("/netwerken/<int:netwerk_id>/zelfevaluatie/<int:zelfevaluatie_id>/<kernprincipe>/actie",
          methods=["GET", "POST"])
def koppelen(netwerk_id: int, zelfevaluatie_id: int, kernprincipe: str):
    """Link the score of one kernprincipe to an existing action (or unlink it)."""
    authorize(can_edit_zelfevaluatie, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    z, score = _zwak_punt(netwerk_id, zelfevaluatie_id, kernprincipe)
    form = KoppelForm(obj=score, acties=actie_keuzes(netwerk_id))
    if request.method == "GET" and score.actie_id is None:
        form.actie_id.data = 0
    return formulier_stap(
        form, "zelfevaluatie/koppelen.html",
        dict(netwerk=netwerk, z=z, score=score, k=KERNPRINCIPE[kernprincipe],
             zwak=is_zwak(score.score)),
        lambda version: operations.koppel_actie(score, form.actie_id.data or None, version),
        lambda _: ("Actie gekoppeld aan het kernprincipe." if score.actie_id
                   else "Koppeling met een actie verwijderd."),
        _terug(netwerk_id, z.id), foutveld="actie_id")


@bp.route("/netwerken/<int:netwerk_id>/zelfevaluatie/<int:zelfevaluatie_id>/<kernprincipe>/"
          "nieuwe-actie", methods=["GET", "POST"])
def actie_maken(netwerk_id: int, zelfevaluatie_id: int, kernprincipe: str):
    """Make an action of the engagementenplan from a weak point, prefilled, and link it."""
    authorize(can_edit_zelfevaluatie, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    z, score = _zwak_punt(netwerk_id, zelfevaluatie_id, kernprincipe)
    k = KERNPRINCIPE[kernprincipe]
    form = NieuweActieForm(leden=actieve_leden(netwerk_id), engagementen=engagement_keuzes())
    termijn = deadline(netwerk, date.today())
    if request.method == "GET":
        form.version.data = score.version
        form.voorwaarde.data = k.engagement
        form.beschrijving.data = actie_voorstel(kernprincipe, score.score, score.opmerking,
                                                z.datum)
        form.deadline.data = termijn
    return formulier_stap(
        form, "zelfevaluatie/actie_maken.html",
        dict(netwerk=netwerk, z=z, score=score, k=k, termijn=termijn),
        lambda version: operations.actie_voor_zwak_punt(
            score, form.voorwaarde.data,
            {veld: getattr(form, veld).data for veld in ACTIE_VELDEN}, version),
        lambda actie: f"Actie toegevoegd aan engagement {form.voorwaarde.data} en gekoppeld.",
        _terug(netwerk_id, z.id), foutveld="gerealiseerd_op")
