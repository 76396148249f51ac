"""Organisations: the page, the edit form and contact persons (self-service for partners)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth.guard import allowed, authorize
from ..domein.permissions import can_edit_organisatie, can_view_contacts, can_view_organisatie
from ..editing import bevestig_verwijderen, render_conflict, save_form
from ..extensions import db
from . import bp, operations
from .forms import BevestigForm, ContactpersoonForm, OrganisatieForm
from .models import Contactpersoon, Lidmaatschap, Organisatie
from .queries import nakijk_grens
from .refs import organisatie_ref

ORGANISATIE_VELDEN = ["naam", "kbo", "sector", "gemeenten", "straat", "postcode", "plaats", "email",
                      "telefoon", "website", "beschrijving"]
CONTACT_VELDEN = ["naam", "functie", "email", "telefoon"]


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
    lidmaatschappen = sorted(org.lidmaatschappen, key=lambda m: (not m.actief, m.netwerk.naam))
    return render_template("partners/organisatie.html", org=org, toon_contacten=contacts,
                           lidmaatschappen=lidmaatschappen, grens=nakijk_grens(),
                           mag_bewerken=allowed(can_edit_organisatie, ref))


@bp.route("/organisaties/<int:organisatie_id>/bewerken", methods=["GET", "POST"])
def organisatie_bewerken(organisatie_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    form = OrganisatieForm(obj=org)
    if request.method == "GET":
        form.gemeenten.data = list(org.gemeenten)
    if form.validate_on_submit():
        other = operations.organisatie_met_kbo(form.kbo.data, behalve_id=org.id)
        if other:
            form.kbo.errors = [f"Een andere organisatie heeft dit KBO-nummer al: {other.naam}."]
        else:
            form.gemeenten.data = tuple(form.gemeenten.data)
            _strip_text(form)
            diffs = save_form(org, form, ORGANISATIE_VELDEN)
            if diffs is not None:
                return render_conflict("partners/organisatie_form.html", diffs, form=form, org=org)
            flash(f"{org.naam} is bijgewerkt.", "success")
            return redirect(url_for("partners.organisatie", organisatie_id=org.id))
    return render_template("partners/organisatie_form.html", form=form, org=org)


def _strip_text(form) -> None:
    for f in form:
        if f.type in ("StringField", "EmailField", "TextAreaField") and isinstance(f.data, str):
            f.data = f.data.strip()


def _contact(organisatie_id: int, contact_id: int) -> Contactpersoon:
    """The contact person, only if it belongs to this organisation (no cross-organisation ids)."""
    c = db.session.get(Contactpersoon, contact_id)
    if c is None or c.organisatie_id != organisatie_id:
        abort(404)
    return c


@bp.route("/organisaties/<int:organisatie_id>/contactpersonen/nieuw", methods=["GET", "POST"])
def contactpersoon_nieuw(organisatie_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    form = ContactpersoonForm()
    if form.validate_on_submit():
        c = operations.maak_contactpersoon(org.id, form.naam.data, form.functie.data,
                                           form.email.data, form.telefoon.data)
        db.session.commit()
        flash(f"Contactpersoon {c.naam} is toegevoegd.", "success")
        return redirect(url_for("partners.organisatie", organisatie_id=org.id))
    return render_template("partners/contactpersoon_form.html", form=form, org=org, contact=None)


@bp.route("/organisaties/<int:organisatie_id>/contactpersonen/<int:contact_id>/bewerken",
          methods=["GET", "POST"])
def contactpersoon_bewerken(organisatie_id: int, contact_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    c = _contact(organisatie_id, contact_id)
    form = ContactpersoonForm(obj=c)
    if form.validate_on_submit():
        _strip_text(form)
        form.email.data = (form.email.data or "").lower()
        diffs = save_form(c, form, CONTACT_VELDEN)
        if diffs is not None:
            return render_conflict("partners/contactpersoon_form.html", diffs, form=form, org=org,
                                   contact=c)
        flash(f"Contactpersoon {c.naam} is bijgewerkt.", "success")
        return redirect(url_for("partners.organisatie", organisatie_id=org.id))
    return render_template("partners/contactpersoon_form.html", form=form, org=org, contact=c)


@bp.route("/organisaties/<int:organisatie_id>/contactpersonen/<int:contact_id>/verwijderen",
          methods=["GET", "POST"])
def contactpersoon_verwijderen(organisatie_id: int, contact_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    c = _contact(organisatie_id, contact_id)
    form = BevestigForm(obj=c)
    terug = url_for("partners.organisatie", organisatie_id=org.id)
    context = dict(titel=f"Contactpersoon {c.naam} verwijderen",
                   uitleg=f"{c.naam} ({c.functie or 'geen functie'}) wordt verwijderd uit de "
                          f"contactpersonen van {org.naam}.")
    return bevestig_verwijderen(form, context, f"Contactpersoon {c.naam} is verwijderd.", terug,
                                lambda version: operations.verwijder(c, version))
