"""Networks and organisations: read pages and the organisation edit form."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth.guard import allowed, authorize, current_actor
from ..auth.permissions import (can_edit_organisatie, can_view_audit, can_view_contacts, can_view_netwerk,
                                can_view_organisatie, is_authenticated)
from ..editing import render_conflict, save_form
from ..extensions import db
from . import bp
from .forms import OrganisatieForm
from .models import Lidmaatschap, Netwerk, Organisatie
from .queries import netwerk_counts, visible_netwerken_stmt
from .refs import netwerk_ref, organisatie_ref

ORGANISATIE_VELDEN = ["naam", "kbo", "sector", "gemeenten", "straat", "postcode", "plaats", "email",
                      "telefoon", "website", "beschrijving"]


@bp.get("/netwerken")
def netwerken():
    authorize(is_authenticated)
    rows = db.session.scalars(visible_netwerken_stmt(current_actor())).all()
    return render_template("partners/netwerken.html", netwerken=rows,
                           counts=netwerk_counts(n.id for n in rows))


@bp.get("/netwerken/<int:netwerk_id>")
def netwerk(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    n = db.first_or_404(select(Netwerk).where(Netwerk.id == netwerk_id).options(
        selectinload(Netwerk.werkingsgebied), selectinload(Netwerk.coordinatoren),
        selectinload(Netwerk.lidmaatschappen).selectinload(Lidmaatschap.organisatie)
        .selectinload(Organisatie.aanbod)))
    leden = sorted((m for m in n.lidmaatschappen if m.actief), key=lambda m: m.organisatie.naam)
    return render_template("partners/netwerk.html", netwerk=n, leden=leden,
                           mag_audit=allowed(can_view_audit, ref))


def _load_organisatie(organisatie_id: int, *, with_contacts: bool = False) -> Organisatie:
    options = [selectinload(Organisatie.aanbod),
               selectinload(Organisatie.lidmaatschappen).selectinload(Lidmaatschap.netwerk)]
    if with_contacts:
        options.append(selectinload(Organisatie.contactpersonen))
    return db.first_or_404(select(Organisatie).where(Organisatie.id == organisatie_id)
                           .options(*options))


@bp.get("/organisaties/<int:organisatie_id>")
def organisatie(organisatie_id: int):
    ref = organisatie_ref(organisatie_id)
    authorize(can_view_organisatie, ref)
    contacts = allowed(can_view_contacts, ref)
    org = _load_organisatie(organisatie_id, with_contacts=contacts)
    return render_template("partners/organisatie.html", org=org, toon_contacten=contacts,
                           mag_bewerken=allowed(can_edit_organisatie, ref))


@bp.route("/organisaties/<int:organisatie_id>/bewerken", methods=["GET", "POST"])
def organisatie_bewerken(organisatie_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    form = OrganisatieForm(obj=org)
    if request.method == "GET":
        form.gemeenten.data = list(org.gemeenten)
    if form.validate_on_submit():
        other = form.kbo.data and db.session.scalar(
            select(Organisatie.id).where(Organisatie.kbo == form.kbo.data,
                                         Organisatie.id != org.id))
        if other:
            form.kbo.errors = ["Een andere organisatie heeft dit KBO-nummer al."]
        else:
            form.gemeenten.data = tuple(form.gemeenten.data)
            diffs = save_form(org, form, ORGANISATIE_VELDEN)
            if diffs is not None:
                return render_conflict("partners/organisatie_form.html", diffs, form=form, org=org)
            flash(f"{org.naam} is bijgewerkt.", "success")
            return redirect(url_for("partners.organisatie", organisatie_id=org.id))
    return render_template("partners/organisatie_form.html", form=form, org=org)
