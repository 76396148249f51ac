"""A network's members: the list, adding an existing or new organisation, editing, leaving."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from ..auth.guard import allowed, authorize, current_actor
from ..domein.permissions import (can_answer_invitation, can_edit_netwerk, can_invite,
                                  can_view_netwerk)
from ..editing import conflict_pagina, ingediende_versie, ongeldig
from ..extensions import db
from ..fouten import Conflict, OperatieFout
from . import bp, eigendom, operations
from .forms_aanbod import ALLE, LedenFilterForm, filter_waarden
from .forms_leden import BeeindigForm, LidmaatschapForm, LidmaatschapVelden, OrganisatieNieuwForm
from .models import Lidmaatschap, Netwerk, Organisatie
from .operations import LID_VELDEN, ORGANISATIE_VELDEN
from .queries import (aanbod_per_organisatie, bewaarde_gemeenten, entiteiten, leden_stmt,
                      lid_met_organisatie, pagina_van, zoek_organisaties)
from .queries_toestemming import open_uitnodigingen_van_netwerk
from .refs import netwerk_ref, organisatie_ref
from .weergave_bewaard import filterformulier


@bp.get("/netwerken/<int:netwerk_id>/partners")
def leden(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    n = db.get_or_404(Netwerk, netwerk_id)
    form = LedenFilterForm(request.args)
    form.gemeente.choices = ALLE + list(bewaarde_gemeenten(n))
    filters = filter_waarden(form)
    pagina = pagina_van(Lidmaatschap, lambda: leden_stmt(netwerk_id, **filters), n, "ledenlijst",
                        tuple(sorted(filters.items())),
                        rijen=lambda ids: entiteiten(Lidmaatschap, ids, Lidmaatschap.organisatie))
    rijen = list(pagina.items)
    oud = db.session.scalars(leden_stmt(netwerk_id, actief=False)).all()
    formulier = filterformulier(form, n, "ledenfilters",
                                url_for("partners.leden", netwerk_id=netwerk_id))
    return render_template("partners/leden.html", netwerk=n, form=form, pagina=pagina, rijen=rijen,
                           filters=formulier, oud=oud,
                           uitnodigingen=open_uitnodigingen_van_netwerk(netwerk_id),
                           aanbod=aanbod_per_organisatie(m.organisatie_id for m in rijen),
                           gefilterd=any(v for k, v in filters.items() if k != "sorteer"),
                           mag_bewerken=allowed(can_edit_netwerk, ref))


@bp.get("/netwerken/<int:netwerk_id>/partners/toevoegen")
def lid_toevoegen(netwerk_id: int):
    """Search an existing organisation by name or KBO; or go on to create a new one."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    q = request.args.get("q", "").strip()
    resultaten = zoek_organisaties(q, netwerk_id) if len(q) >= 2 else []
    return render_template("partners/lid_toevoegen.html", netwerk=n, q=q, resultaten=resultaten)


def _velden(form, namen) -> dict:
    return {f: getattr(form, f).data for f in namen}


@bp.route("/netwerken/<int:netwerk_id>/partners/toevoegen/<int:organisatie_id>",
          methods=["GET", "POST"])
def lid_bestaand(netwerk_id: int, organisatie_id: int):
    """An existing organisation joins only with its consent (domein.md §10): the coordinator
    invites it with the proposed terms; whoever may answer for it (a beheerder, for an
    organisation without partner account) adds it at once."""
    authorize(can_invite, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    org = db.get_or_404(Organisatie, organisatie_id)
    direct = allowed(can_answer_invitation, organisatie_ref(organisatie_id))
    form = LidmaatschapVelden()
    context = dict(form=form, netwerk=n, org=org, lid=None, uitnodigen=not direct)
    if form.validate_on_submit():
        try:
            if direct:
                operations.voeg_lid_toe(n.id, org.id, **_velden(form, LID_VELDEN))
            else:
                eigendom.nodig_uit(n.id, org.id, current_actor().id,
                                   **_velden(form, LID_VELDEN))
        except OperatieFout as exc:  # already a member or already invited: nothing to do
            flash(str(exc), "warning")
            return redirect(url_for("partners.leden", netwerk_id=n.id))
        flash(f"{org.naam} is nu partner van {n.naam}." if direct else
              f"{org.naam} is uitgenodigd. Het wordt partner van {n.naam} zodra de organisatie "
              "de uitnodiging aanvaardt.", "success")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    if form.errors:
        return ongeldig("partners/lid_form.html", **context)
    return render_template("partners/lid_form.html", **context)


@bp.route("/netwerken/<int:netwerk_id>/organisaties/nieuw", methods=["GET", "POST"])
def organisatie_nieuw(netwerk_id: int):
    """Create an organisation and make it a member in one step."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    form = OrganisatieNieuwForm()
    if request.method == "GET" and request.args.get("naam"):
        form.naam.data = request.args["naam"][:200]
    context = dict(form=form, netwerk=n, lid_velden=LID_VELDEN)
    if form.validate_on_submit():
        try:
            org = operations.maak_organisatie(**_velden(form, ORGANISATIE_VELDEN))
            operations.voeg_lid_toe(n.id, org.id, **_velden(form, LID_VELDEN))
        except OperatieFout as fout:  # the KBO number is another organisation's
            form.kbo.errors = [str(fout)]
            return ongeldig("partners/organisatie_nieuw.html", **context)
        flash(f"{org.naam} is aangemaakt en is nu partner van {n.naam}.", "success")
        return redirect(url_for("partners.organisatie", organisatie_id=org.id))
    if form.errors:
        return ongeldig("partners/organisatie_nieuw.html", **context)
    return render_template("partners/organisatie_nieuw.html", **context)


@bp.route("/netwerken/<int:netwerk_id>/partners/<int:lid_id>/bewerken", methods=["GET", "POST"])
def lid_bewerken(netwerk_id: int, lid_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    lid, org = lid_met_organisatie(netwerk_id, lid_id)
    form = LidmaatschapForm(obj=lid)
    context = dict(netwerk=n, org=org, lid=lid)
    if form.validate_on_submit():
        try:
            operations.wijzig_lidmaatschap(lid, _velden(form, LID_VELDEN), ingediende_versie())
        except Conflict as conflict:
            return conflict_pagina("partners/lid_form.html", form, conflict, **context)
        flash(f"Het lidmaatschap van {org.naam} is bijgewerkt.", "success")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    if form.errors:
        return ongeldig("partners/lid_form.html", form=form, **context)
    return render_template("partners/lid_form.html", form=form, **context)


@bp.route("/netwerken/<int:netwerk_id>/partners/<int:lid_id>/beeindigen", methods=["GET", "POST"])
def lid_beeindigen(netwerk_id: int, lid_id: int):
    """Remove an organisation from the network: sets lid_tot after a confirmation step."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    lid, org = lid_met_organisatie(netwerk_id, lid_id)
    if not lid.actief:
        flash(f"{org.naam} is al geen lid meer.", "info")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    form = BeeindigForm(version=lid.version)
    context = dict(form=form, netwerk=n, org=org, lid=lid)
    template = "partners/lid_beeindigen.html"
    if form.validate_on_submit():
        try:
            operations.beeindig_lidmaatschap(lid, form.lid_tot.data, ingediende_versie(),
                                             org.naam)
        except Conflict as conflict:
            form.version.data = conflict.version
            return render_template(template, gewijzigd=True, **context), 409
        except OperatieFout as fout:
            form.lid_tot.errors = [str(fout)]
            return ongeldig(template, **context)
        flash(f"{org.naam} is geen partner meer van {n.naam}. De geschiedenis blijft "
              "bewaard bij de vroegere partners.", "success")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    if form.errors:
        return ongeldig(template, **context)
    return render_template(template, **context)
