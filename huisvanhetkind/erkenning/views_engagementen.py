"""Engagements (E6–E12, S2–S6) and their actions: list, create, edit, confirmed delete."""
from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for

from ..auth.guard import allowed, authorize
from ..domein.permissions import can_edit_netwerk, can_view_netwerk
from ..editing import Verschil, render_conflict, save_form
from ..extensions import db
from ..partners.refs import netwerk_ref
from ..domein.taxonomie import ENGAGEMENTEN
from . import bp, operations
from .forms import ActieForm, NieuweActieForm, VerwijderForm
from ..domein.engagementregel import WAARSCHUWINGSTERMIJN
from .queries import actie_in_netwerk, actieve_leden, acties_per_voorwaarde, netwerk_of_404
from ..domein.beoordeling import PER_ID, deadline
from .. import pipeline

ACTIE_VELDEN = ["beschrijving", "trekker_id", "deadline", "status", "bewijs", "bewijs_link"]


def termijn_van(actie, vandaag: date) -> str | None:
    """klaar | te_laat | binnenkort (≤ 90 days) | None, for the badge next to an action."""
    if actie.status == "gerealiseerd":
        return "klaar"
    if actie.deadline is None:
        return None
    dagen = (actie.deadline - vandaag).days
    if dagen < 0:
        return "te_laat"
    return "binnenkort" if dagen <= WAARSCHUWINGSTERMIJN else None


def engagement_keuzes() -> list[tuple[str, str]]:
    return [(e, f"{e} – {PER_ID[e].titel.removeprefix('Engagement: ')}") for e in ENGAGEMENTEN]


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


def _terug(netwerk_id: int, voorwaarde: str):
    return redirect(url_for("erkenning.engagementen", netwerk_id=netwerk_id,
                            _anchor=f"engagement-{voorwaarde}"))


@bp.route("/netwerken/<int:netwerk_id>/acties/nieuw", methods=["GET", "POST"])
def actie_nieuw(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    form = NieuweActieForm(leden=actieve_leden(netwerk_id), engagementen=engagement_keuzes())
    if request.method == "GET" and request.args.get("voorwaarde") in ENGAGEMENTEN:
        form.voorwaarde.data = request.args["voorwaarde"]
    if form.validate_on_submit():
        operations.nieuwe_actie(netwerk_id, form.voorwaarde.data,
                                **{veld: getattr(form, veld).data for veld in ACTIE_VELDEN})
        db.session.commit()
        flash(f"Actie toegevoegd aan engagement {form.voorwaarde.data}.", "success")
        return _terug(netwerk_id, form.voorwaarde.data)
    return render_template("erkenning/actie_form.html", form=form, netwerk=netwerk, actie=None,
                           termijn=deadline(netwerk, date.today())), 400 if form.errors else 200


@bp.route("/netwerken/<int:netwerk_id>/acties/<int:actie_id>/bewerken", methods=["GET", "POST"])
def actie_bewerken(netwerk_id: int, actie_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = netwerk_of_404(netwerk_id)
    actie, voorwaarde = actie_in_netwerk(netwerk_id, actie_id)
    form = ActieForm(obj=actie, leden=actieve_leden(netwerk_id))
    ctx = dict(form=form, netwerk=netwerk, actie=actie, voorwaarde=voorwaarde,
               titel=PER_ID[voorwaarde].titel, termijn=deadline(netwerk, date.today()))
    if form.validate_on_submit():
        diffs = save_form(actie, form, ACTIE_VELDEN)
        if diffs is not None:
            return render_conflict("erkenning/actie_form.html", diffs, **ctx)
        flash("Actie bijgewerkt.", "success")
        return _terug(netwerk_id, voorwaarde)
    return render_template("erkenning/actie_form.html", **ctx), 400 if form.errors else 200


@bp.route("/netwerken/<int:netwerk_id>/acties/<int:actie_id>/verwijderen",
          methods=["GET", "POST"])
def actie_verwijderen(netwerk_id: int, actie_id: int):
    """GET asks for confirmation; POST deletes unless someone changed the action meanwhile."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    actie, voorwaarde = actie_in_netwerk(netwerk_id, actie_id)
    form = VerwijderForm(obj=actie)
    ctx = dict(form=form, actie=actie, voorwaarde=voorwaarde, netwerk_id=netwerk_id)
    if form.validate_on_submit():
        try:
            versie = int(form.version.data or 0)
        except ValueError:
            versie = 0
        if not operations.verwijder_actie(actie, versie):
            actie, _ = actie_in_netwerk(netwerk_id, actie_id)
            form.version.data = actie.version
            return render_conflict("erkenning/actie_verwijderen.html",
                                   [Verschil("versie", str(actie.version), str(versie))],
                                   **{**ctx, "actie": actie})
        db.session.commit()
        flash(f"Actie '{actie.beschrijving[:60]}' verwijderd.", "success")
        return _terug(netwerk_id, voorwaarde)
    return render_template("erkenning/actie_verwijderen.html", **ctx)

