"""Verwijzingen (domein.md §3.7): a partner records its links, the receiving partner confirms them.

Recording, editing and deleting a link needs can_edit_organisatie on the VAN organisation (the
partner itself, a coordinator of the network, the beheerder); confirming needs it on the NAAR
organisation. Edits and deletes carry the record's version (optimistic locking).
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy.orm.exc import StaleDataError

from ..auth.guard import authorize, current_actor
from ..domein.permissions import (OrganisatieRef, can_edit_netwerk, can_edit_organisatie, can_view_netwerk)
from ..editing import Verschil, render_conflict, save_form
from ..extensions import db
from ..partners.refs import netwerk_ref, organisatie_ref
from ..domein.taxonomie import VERWIJZINGSSOORT
from .. import pipeline
from . import bp, operations, queries
from ..domein.analyse import UITLEG
from .forms import BevestigForm, VerwijderForm, VerwijzingForm

VELDEN = ["naar_id", "soort", "aantal_per_jaar", "sinds", "opmerking"]
PER_PAGINA = 100
FILTERS = {"alle": "Alle verwijzingen", "onbevestigd": "Niet bevestigd",
           "eenrichting": "In één richting", "te_bevestigen": "Door jou te bevestigen"}


def _in_netwerk(organisatie_id: int, netwerk_id: int) -> OrganisatieRef:
    """The organisation as a member of THIS network: a coordinator of another network the
    organisation also belongs to may not edit this network's verwijzingen."""
    r = organisatie_ref(organisatie_id)
    return OrganisatieRef(r.id, r.netwerk_ids & {netwerk_id}, r.provincies)


def _lijst_url(netwerk_id: int, toon: str | None = None) -> str:
    return url_for("graaf.verwijzingen", netwerk_id=netwerk_id,
                   toon=toon if toon in FILTERS and toon != "alle" else None)


@bp.get("/netwerken/<int:netwerk_id>/verwijzingen")
def verwijzingen(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    naam = queries.netwerk_naam(netwerk_id)
    leden = queries.leden(netwerk_id)
    actor = current_actor()
    # The members this actor may edit, decided by the same pure rule the actions enforce (as
    # members of this network; the action itself re-checks with the organisation's full ref).
    bewerkbaar = frozenset(i for i, _ in leden if can_edit_organisatie(
        actor, OrganisatieRef(i, frozenset({netwerk_id}), ref.provincies)))
    toon = request.args.get("toon", "alle")
    if toon not in FILTERS:
        toon = "alle"
    # filters, counts and pages in SQL: a large network has thousands of links
    pagina = queries.verwijzingen_pagina(netwerk_id, toon, bewerkbaar,
                                         request.args.get("page", 1, type=int), PER_PAGINA)
    aantallen = queries.verwijzingen_aantallen(pipeline.bundel(netwerk_id).netwerk, bewerkbaar)
    pijlen = {(x.verwijzing.van_id, x.verwijzing.naar_id) for x in pagina.items}
    return render_template(
        "graaf/verwijzingen.html", netwerk_id=netwerk_id, netwerk_naam=naam,
        eigen=[(i, n) for i, n in leden if i in bewerkbaar], pagina=pagina,
        rijen=pagina.items, toon=toon, filters=FILTERS, aantallen=aantallen,
        eenrichting=queries.zonder_terugweg(pijlen), bewerkbaar=bewerkbaar,
        coordinator=can_edit_netwerk(actor, ref), uitleg=UITLEG, form=BevestigForm())


@bp.route("/netwerken/<int:netwerk_id>/verwijzingen/nieuw", methods=["GET", "POST"])
def verwijzing_nieuw(netwerk_id: int):
    van_id = request.args.get("van", type=int) or current_actor().organisatie_id
    if van_id is None:  # a coordinator or beheerder first picks the VAN partner on the list
        authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
        flash("Kies eerst van welke partner de verwijzing vertrekt.", "info")
        return redirect(_lijst_url(netwerk_id))
    authorize(can_edit_organisatie, _in_netwerk(van_id, netwerk_id))
    if not queries.is_lid(netwerk_id, van_id):
        abort(404)
    leden = queries.leden(netwerk_id)
    van_naam = dict(leden)[van_id]
    form = VerwijzingForm()
    form.set_naar(leden, van_id)
    if form.validate_on_submit():
        try:
            operations.nieuwe_verwijzing(van_id, form.naar_id.data, form.soort.data,
                                         form.aantal_per_jaar.data, form.sinds.data,
                                         form.opmerking.data)
        except operations.OperatieFout as fout:
            form.soort.errors = [str(fout)]
        else:
            db.session.commit()
            naar_naam = dict(leden)[form.naar_id.data]
            flash(f"De verwijzing naar {naar_naam} is opgeslagen. {naar_naam} moet ze nog "
                  "bevestigen.", "success")
            return redirect(_lijst_url(netwerk_id))
    return render_template("graaf/verwijzing_form.html", form=form, netwerk_id=netwerk_id,
                           van_naam=van_naam, nieuw=True)


@bp.route("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/bewerken",
          methods=["GET", "POST"])
def verwijzing_bewerken(netwerk_id: int, verwijzing_id: int):
    van_id, _ = queries.verwijzing_uiteinden(verwijzing_id)
    authorize(can_edit_organisatie, _in_netwerk(van_id, netwerk_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
    v = rij.verwijzing
    form = VerwijzingForm(obj=v)
    form.set_naar(queries.leden(netwerk_id), van_id)
    context = {"form": form, "netwerk_id": netwerk_id, "van_naam": rij.van_naam, "nieuw": False,
               "rij": rij}
    if form.validate_on_submit():
        if queries.bestaat(van_id, form.naar_id.data, form.soort.data, behalve=v.id):
            form.soort.errors = [operations.BESTAAT_AL]
        else:
            if (form.naar_id.data, form.soort.data) != (v.naar_id, v.soort) and not _stale(v, form):
                v.bevestigd = False  # another link now: the receiver must confirm it anew
            diffs = save_form(v, form, VELDEN)
            if diffs is not None:
                return render_conflict("graaf/verwijzing_form.html", diffs, **context)
            flash("De verwijzing is bijgewerkt.", "success")
            return redirect(_lijst_url(netwerk_id))
    return render_template("graaf/verwijzing_form.html", **context)


def _stale(v, form) -> bool:
    try:
        return int(form.version.data or 0) != v.version
    except ValueError:
        return True


def _conflict(template: str, rij, netwerk_id: int, form, **extra):
    form.version.data = rij.verwijzing.version
    return render_conflict(template, [Verschil("versie", str(rij.verwijzing.version),
                                               str(request.form.get("version", "")))],
                           rij=rij, netwerk_id=netwerk_id, form=form, **extra)


@bp.route("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/verwijderen",
          methods=["GET", "POST"])
def verwijzing_verwijderen(netwerk_id: int, verwijzing_id: int):
    van_id, _ = queries.verwijzing_uiteinden(verwijzing_id)
    authorize(can_edit_organisatie, _in_netwerk(van_id, netwerk_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
    form = VerwijderForm(obj=rij.verwijzing)
    if form.validate_on_submit():
        if _stale(rij.verwijzing, form):
            return _conflict("graaf/verwijzing_verwijderen.html", rij, netwerk_id, form)
        try:
            operations.verwijder_verwijzing(rij.verwijzing)
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
            return _conflict("graaf/verwijzing_verwijderen.html", rij, netwerk_id, form)
        flash(f"De verwijzing van {rij.van_naam} naar {rij.naar_naam} is verwijderd.", "success")
        return redirect(_lijst_url(netwerk_id))
    return render_template("graaf/verwijzing_verwijderen.html", rij=rij, form=form,
                           netwerk_id=netwerk_id)


@bp.post("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/bevestigen")
def verwijzing_bevestigen(netwerk_id: int, verwijzing_id: int):
    _, naar_id = queries.verwijzing_uiteinden(verwijzing_id)
    authorize(can_edit_organisatie, _in_netwerk(naar_id, netwerk_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
    form = BevestigForm()
    if not form.validate_on_submit():
        abort(400)
    bevestigd = request.form.get("bevestigd", "1") == "1"
    if _stale(rij.verwijzing, form):
        return _conflict("graaf/verwijzing_bevestigen.html", rij, netwerk_id, form,
                         bevestigd=bevestigd)
    operations.bevestig(rij.verwijzing, netwerk_id, bevestigd, rij.van_naam, rij.naar_naam)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
        return _conflict("graaf/verwijzing_bevestigen.html", rij, netwerk_id, form,
                         bevestigd=bevestigd)
    soort = VERWIJZINGSSOORT.label(rij.verwijzing.soort).lower()
    flash(f"De {soort} van {rij.van_naam} naar {rij.naar_naam} is "
          f"{'bevestigd' if bevestigd else 'niet langer bevestigd'}.", "success")
    return redirect(_lijst_url(netwerk_id, request.form.get("toon")))


@bp.post("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/tel")
def verwijzing_tel(netwerk_id: int, verwijzing_id: int):
    """'+1': the van partner counts one more referral of this kind this year."""
    van_id, _ = queries.verwijzing_uiteinden(verwijzing_id)
    authorize(can_edit_organisatie, _in_netwerk(van_id, netwerk_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)  # CSRF: CSRFProtect, app-wide
    v = operations.tel_verwijzing(rij.verwijzing.id)
    db.session.commit()
    flash(f"Geteld: {v.aantal_per_jaar} verwijzing(en) per jaar van {rij.van_naam} naar "
          f"{rij.naar_naam}.", "success")
    return redirect(_lijst_url(netwerk_id, request.form.get("toon")))
