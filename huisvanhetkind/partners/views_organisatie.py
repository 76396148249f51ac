"""Organisations: the page, the edit form and contact persons (self-service for partners)."""
from __future__ import annotations

from flask import render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth.guard import allowed, authorize
from ..domein.permissions import (can_answer_proposal, can_edit_organisatie,
                                  can_propose_organisatie, can_view_contacts,
                                  can_view_organisatie)
from ..editing import bevestig_verwijderen, formulier_stap
from ..extensions import db
from ..forms import VerwijderForm
from . import bp, operations
from .forms import ContactpersoonForm, OrganisatieForm
from .models import Lidmaatschap, Organisatie
from .operations import CONTACT_VELDEN, ORGANISATIE_VELDEN
from .queries import contactpersoon_van
from .queries_toestemming import open_voorstellen_van
from .refs import organisatie_ref


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
    mag_bewerken = allowed(can_edit_organisatie, ref)
    mag_antwoorden = allowed(can_answer_proposal, ref)
    return render_template("partners/organisatie.html", org=org, toon_contacten=contacts,
                           lidmaatschappen=lidmaatschappen, mag_bewerken=mag_bewerken,
                           mag_voorstellen=allowed(can_propose_organisatie, ref),
                           mag_antwoorden=mag_antwoorden,
                           voorstellen=open_voorstellen_van(organisatie_id)
                           if mag_bewerken or mag_antwoorden else [])


@bp.route("/organisaties/<int:organisatie_id>/bewerken", methods=["GET", "POST"])
def organisatie_bewerken(organisatie_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    form = OrganisatieForm(obj=org)
    if request.method == "GET":
        form.gemeenten.data = list(org.gemeenten)
    return formulier_stap(
        form, "partners/organisatie_form.html", dict(org=org),
        lambda version: operations.wijzig_organisatie(
            org, {f: getattr(form, f).data for f in ORGANISATIE_VELDEN}, version),
        lambda _: f"{org.naam} is bijgewerkt.",
        url_for("partners.organisatie", organisatie_id=org.id),
        foutveld="kbo")  # the KBO number is another organisation's


@bp.route("/organisaties/<int:organisatie_id>/contactpersonen/nieuw", methods=["GET", "POST"])
def contactpersoon_nieuw(organisatie_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    form = ContactpersoonForm()
    return formulier_stap(
        form, "partners/contactpersoon_form.html", dict(org=org, contact=None),
        lambda version: operations.maak_contactpersoon(org.id, form.naam.data, form.functie.data,
                                                       form.email.data, form.telefoon.data),
        lambda c: f"Contactpersoon {c.naam} is toegevoegd.",
        url_for("partners.organisatie", organisatie_id=org.id))


@bp.route("/organisaties/<int:organisatie_id>/contactpersonen/<int:contact_id>/bewerken",
          methods=["GET", "POST"])
def contactpersoon_bewerken(organisatie_id: int, contact_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    c = contactpersoon_van(organisatie_id, contact_id)
    form = ContactpersoonForm(obj=c)
    return formulier_stap(
        form, "partners/contactpersoon_form.html", dict(org=org, contact=c),
        lambda version: operations.wijzig_contactpersoon(
            c, {f: getattr(form, f).data for f in CONTACT_VELDEN}, version),
        lambda _: f"Contactpersoon {c.naam} is bijgewerkt.",
        url_for("partners.organisatie", organisatie_id=org.id))


@bp.route("/organisaties/<int:organisatie_id>/contactpersonen/<int:contact_id>/verwijderen",
          methods=["GET", "POST"])
def contactpersoon_verwijderen(organisatie_id: int, contact_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    c = contactpersoon_van(organisatie_id, contact_id)
    form = VerwijderForm(version=c.version)
    terug = url_for("partners.organisatie", organisatie_id=org.id)
    context = dict(titel=f"Contactpersoon {c.naam} verwijderen",
                   uitleg=f"{c.naam} ({c.functie or 'geen functie'}) wordt verwijderd uit de "
                          f"contactpersonen van {org.naam}.")
    return bevestig_verwijderen(form, context, f"Contactpersoon {c.naam} is verwijderd.", terug,
                                lambda version: operations.verwijder(c, version))
