"""Engagements (E6–E12, S2–S6) and their actions: list, create, edit, confirmed delete.

The views parse, authorise and call an operation (operations.py); they never commit.
"""
from __future__ import annotations

from datetime import date

from flask import render_template, request, url_for

from ..auth.guard import allowed, authorize
from ..domein.permissions import can_edit_netwerk, can_view_netwerk
from ..editing import bevestig_verwijderen, formulier_stap
from ..forms import VerwijderForm
from ..partners.refs import netwerk_ref
from ..domein.taxonomie import ACTIESTATUS, ENGAGEMENTEN
from . import bp, operations
from .forms import ActieForm, NieuweActieForm, engagement_keuzes
from ..domein.engagementregel import GEREALISEERD, WAARSCHUWINGSTERMIJN
from .queries import actie_in_netwerk, actieve_leden, acties_per_voorwaarde, netwerk_of_404
from ..domein.beoordeling import PER_ID, deadline
from ..luie_import import later

pipeline = later("huisvanhetkind.pipeline")  # the analysis, imported on first use (luie_import.py)

FORMULIER = "erkenning/actie_form.html"


def termijn_van(actie, vandaag: date) -> str | None:
    """klaar | te_laat | binnenkort (≤ 90 days) | None, for the badge next to an action."""
    if actie.status == GEREALISEERD:
        return "klaar"
    if actie.deadline is None:
        return None
    dagen = (actie.deadline - vandaag).days
    if dagen < 0:
        return "te_laat"
    return "binnenkort" if dagen <= WAARSCHUWINGSTERMIJN else None


@bp.get("/netwerken/<int:netwerk_id>/engagementen")
def engagementen(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    vandaag = date.today()
    ev = pipeline.bundel(netwerk_id, vandaag)
    acties = acties_per_voorwaarde(netwerk_id)
    leden = {p.id for p in ev.netwerk.partners}
    rijen = [(ev.beoordeling.uitkomst(e), acties.get(e, [])) for e in ENGAGEMENTEN]
    return render_template(
        "erkenning/engagementen.html", ev=ev, rijen=rijen, vandaag=vandaag, leden=leden,
        termijn=deadline(ev.netwerk, vandaag), termijn_van=termijn_van,
        mag_bewerken=allowed(can_edit_netwerk, ref))


def _terug(netwerk_id: int, voorwaarde: str) -> str:
    return url_for("erkenning.engagementen", netwerk_id=netwerk_id,
                   _anchor=f"engagement-{voorwaarde}")


def _waarden(form) -> dict:
    return {veld: getattr(form, veld).data for veld in operations.ACTIE_VELDEN}


@bp.route("/netwerken/<int:netwerk_id>/acties/nieuw", methods=["GET", "POST"])
def actie_nieuw(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    form = NieuweActieForm(leden=actieve_leden(netwerk_id), engagementen=engagement_keuzes())
    if request.method == "GET" and request.args.get("voorwaarde") in ENGAGEMENTEN:
        form.voorwaarde.data = request.args["voorwaarde"]
    ctx = dict(netwerk=netwerk, actie=None, termijn=deadline(netwerk, date.today()))
    return formulier_stap(
        form, FORMULIER, ctx,
        lambda version: operations.nieuwe_actie(netwerk_id, form.voorwaarde.data,
                                                **_waarden(form)),
        lambda actie: f"Actie toegevoegd aan engagement {form.voorwaarde.data}.",
        lambda actie: _terug(netwerk_id, form.voorwaarde.data), foutveld="gerealiseerd_op")


@bp.route("/netwerken/<int:netwerk_id>/acties/<int:actie_id>/bewerken", methods=["GET", "POST"])
def actie_bewerken(netwerk_id: int, actie_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    actie, voorwaarde = actie_in_netwerk(netwerk_id, actie_id)
    form = ActieForm(obj=actie, leden=actieve_leden(netwerk_id))
    ctx = dict(netwerk=netwerk, actie=actie, voorwaarde=voorwaarde,
               titel=PER_ID[voorwaarde].titel, termijn=deadline(netwerk, date.today()))
    return formulier_stap(
        form, FORMULIER, ctx,
        lambda version: operations.wijzig_actie(actie, _waarden(form), version),
        "Actie bijgewerkt.", _terug(netwerk_id, voorwaarde), foutveld="gerealiseerd_op")


@bp.route("/netwerken/<int:netwerk_id>/acties/<int:actie_id>/verwijderen",
          methods=["GET", "POST"])
def actie_verwijderen(netwerk_id: int, actie_id: int):
    """GET asks for confirmation; POST deletes unless someone changed the action meanwhile."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    actie, voorwaarde = actie_in_netwerk(netwerk_id, actie_id)
    context = dict(
        titel="Actie verwijderen",
        details=[("Engagement", voorwaarde), ("Actie", actie.beschrijving),
                 ("Deadline", actie.deadline.strftime("%d/%m/%Y") if actie.deadline else "—"),
                 ("Status", ACTIESTATUS.label(actie.status))],
        uitleg="De actie verdwijnt uit het engagementenplan; de wijziging blijft zichtbaar in "
               "het wijzigingslog.")
    return bevestig_verwijderen(VerwijderForm(version=actie.version), context,
                                f"Actie '{actie.beschrijving[:60]}' verwijderd.",
                                _terug(netwerk_id, voorwaarde),
                                lambda version: operations.verwijder_actie(actie, version))
