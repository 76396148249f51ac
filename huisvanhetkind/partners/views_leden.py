"""A network's members: the list, adding an existing or new organisation, editing, leaving."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..auth.guard import allowed, authorize
from ..domein.permissions import can_edit_netwerk, can_view_netwerk
from ..editing import render_conflict, save_form
from ..extensions import db
from ..domein import gemeenten
from . import bp, operations
from .forms_aanbod import ALLE, LedenFilterForm, filter_waarden
from .forms_leden import BeeindigForm, LidmaatschapForm, LidmaatschapVelden, OrganisatieNieuwForm
from .models import Lidmaatschap, Netwerk, Organisatie
from .queries import PER_PAGINA, aanbod_per_organisatie, leden_stmt, zoek_organisaties
from .refs import netwerk_ref
from .views_organisatie import ORGANISATIE_VELDEN, _strip_text

LID_VELDEN = ["lid_sinds", "rol", "overeenkomst_getekend", "overeenkomst_datum"]


@bp.get("/netwerken/<int:netwerk_id>/partners")
def leden(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    n = db.get_or_404(Netwerk, netwerk_id)
    form = LedenFilterForm(request.args)
    form.gemeente.choices = ALLE + gemeenten.choices()
    filters = filter_waarden(form)
    pagina = db.paginate(leden_stmt(netwerk_id, **filters), per_page=PER_PAGINA, error_out=False)
    rijen = list(pagina.items)
    oud = db.session.scalars(leden_stmt(netwerk_id, actief=False)).all()
    return render_template("partners/leden.html", netwerk=n, form=form, pagina=pagina, rijen=rijen,
                           oud=oud, aanbod=aanbod_per_organisatie(m.organisatie_id for m in rijen),
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


@bp.route("/netwerken/<int:netwerk_id>/partners/toevoegen/<int:organisatie_id>",
          methods=["GET", "POST"])
def lid_bestaand(netwerk_id: int, organisatie_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    org = db.get_or_404(Organisatie, organisatie_id)
    form = LidmaatschapVelden()
    if form.validate_on_submit():
        try:
            operations.voeg_lid_toe(n.id, org.id, **{f: getattr(form, f).data for f in LID_VELDEN})
        except operations.OperatieFout as exc:
            flash(str(exc), "warning")
            return redirect(url_for("partners.leden", netwerk_id=n.id))
        db.session.commit()
        flash(f"{org.naam} is nu partner van {n.naam}.", "success")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    return render_template("partners/lid_form.html", form=form, netwerk=n, org=org, lid=None)


@bp.route("/netwerken/<int:netwerk_id>/organisaties/nieuw", methods=["GET", "POST"])
def organisatie_nieuw(netwerk_id: int):
    """Create an organisation and make it a member in one step."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    form = OrganisatieNieuwForm()
    if request.method == "GET" and request.args.get("naam"):
        form.naam.data = request.args["naam"][:200]
    if form.validate_on_submit():
        other = operations.organisatie_met_kbo(form.kbo.data)
        if other:
            form.kbo.errors = [f"Dit KBO-nummer hoort al bij {other.naam}: voeg die bestaande "
                               "organisatie toe in plaats van een nieuwe te maken."]
        else:
            _strip_text(form)
            try:
                org = operations.maak_organisatie(
                    **{f: getattr(form, f).data for f in ORGANISATIE_VELDEN})
                operations.voeg_lid_toe(n.id, org.id,
                                        **{f: getattr(form, f).data for f in LID_VELDEN})
                db.session.commit()
            except IntegrityError:  # the same KBO number saved by someone else just now
                db.session.rollback()
                form.kbo.errors = ["Dit KBO-nummer is intussen door iemand anders geregistreerd."]
            else:
                flash(f"{org.naam} is aangemaakt en is nu partner van {n.naam}.", "success")
                return redirect(url_for("partners.organisatie", organisatie_id=org.id))
    return render_template("partners/organisatie_nieuw.html", form=form, netwerk=n,
                           lid_velden=LID_VELDEN)


def _lid(netwerk_id: int, lid_id: int) -> tuple[Lidmaatschap, Organisatie]:
    """The membership with its organisation, only if it belongs to this network."""
    row = db.session.execute(
        select(Lidmaatschap, Organisatie).join(Organisatie)
        .where(Lidmaatschap.id == lid_id, Lidmaatschap.netwerk_id == netwerk_id)).first()
    if row is None:
        abort(404)
    return row[0], row[1]


@bp.route("/netwerken/<int:netwerk_id>/partners/<int:lid_id>/bewerken", methods=["GET", "POST"])
def lid_bewerken(netwerk_id: int, lid_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    lid, org = _lid(netwerk_id, lid_id)
    form = LidmaatschapForm(obj=lid)
    if form.validate_on_submit():
        form.rol.data = (form.rol.data or "").strip()
        if not form.overeenkomst_getekend.data:
            form.overeenkomst_datum.data = None
        diffs = save_form(lid, form, LID_VELDEN)
        if diffs is not None:
            return render_conflict("partners/lid_form.html", diffs, form=form, netwerk=n, org=org,
                                   lid=lid)
        flash(f"Het lidmaatschap van {org.naam} is bijgewerkt.", "success")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    return render_template("partners/lid_form.html", form=form, netwerk=n, org=org, lid=lid)


@bp.route("/netwerken/<int:netwerk_id>/partners/<int:lid_id>/beeindigen", methods=["GET", "POST"])
def lid_beeindigen(netwerk_id: int, lid_id: int):
    """Remove an organisation from the network: sets lid_tot after a confirmation step."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    lid, org = _lid(netwerk_id, lid_id)
    if not lid.actief:
        flash(f"{org.naam} is al geen lid meer.", "info")
        return redirect(url_for("partners.leden", netwerk_id=n.id))
    form = BeeindigForm(version=lid.version)
    if form.validate_on_submit():
        if form.version.data != str(lid.version):
            return render_template("partners/lid_beeindigen.html", form=form, netwerk=n, org=org,
                                   lid=lid, gewijzigd=True), 409
        try:
            operations.beeindig_lidmaatschap(lid, form.lid_tot.data, org.naam)
        except operations.OperatieFout as exc:
            form.lid_tot.errors = [str(exc)]
        else:
            db.session.commit()
            flash(f"{org.naam} is geen partner meer van {n.naam}. De geschiedenis blijft "
                  "bewaard bij de vroegere partners.", "success")
            return redirect(url_for("partners.leden", netwerk_id=n.id))
    return render_template("partners/lid_beeindigen.html", form=form, netwerk=n, org=org, lid=lid)
