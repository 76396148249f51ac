"""Managing users: beheerder only."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..editing import VersionMixin, render_conflict, save_form
from ..extensions import db
from ..partners.models import Netwerk, Organisatie
from . import bp
from .forms import GebruikerForm
from .guard import authorize
from .models import Gebruiker
from .operations import AccountError, create_user, end_sessions, find_user, set_password
from ..domein.permissions import can_manage_users


class GebruikerEditForm(VersionMixin, GebruikerForm):
    pass


def _fill_choices(form: GebruikerForm) -> None:
    form.netwerken.choices = [(n.id, n.naam) for n in db.session.scalars(
        select(Netwerk).order_by(Netwerk.naam))]
    form.organisatie_id.choices = [(0, "—")] + [(o.id, o.naam) for o in db.session.scalars(
        select(Organisatie).order_by(Organisatie.naam))]


@bp.get("/gebruikers")
def gebruikers():
    authorize(can_manage_users)
    users = db.session.scalars(select(Gebruiker).options(
        selectinload(Gebruiker.netwerken), selectinload(Gebruiker.organisatie))
        .order_by(Gebruiker.rol, Gebruiker.email)).all()
    return render_template("auth/gebruikers.html", gebruikers=users)


@bp.route("/gebruikers/nieuw", methods=["GET", "POST"])
def gebruiker_nieuw():
    authorize(can_manage_users)
    form = GebruikerForm()
    _fill_choices(form)
    if form.validate_on_submit():
        if not form.wachtwoord.data:
            form.wachtwoord.errors = ["Geef een eerste wachtwoord."]
        else:
            try:
                netwerken = [db.session.get(Netwerk, i) for i in form.netwerken.data]
                user = create_user(
                    form.email.data, form.wachtwoord.data, form.rol.data, naam=form.naam.data or "",
                    netwerken=netwerken,
                    organisatie=db.session.get(Organisatie, form.organisatie_id.data or 0),
                    provincies=form.provincies.data)
                user.actief = form.actief.data
                db.session.commit()
                flash(f"Gebruiker {user.email} is aangemaakt.", "success")
                return redirect(url_for("auth.gebruikers"))
            except AccountError as exc:
                db.session.rollback()
                form.email.errors = [str(exc)]
    return render_template("auth/gebruiker_form.html", form=form, gebruiker=None)


@bp.route("/gebruikers/<int:gebruiker_id>", methods=["GET", "POST"])
def gebruiker_bewerken(gebruiker_id: int):
    authorize(can_manage_users)
    user = db.first_or_404(select(Gebruiker).where(Gebruiker.id == gebruiker_id)
                           .options(selectinload(Gebruiker.netwerken)))
    form = GebruikerEditForm(obj=user)
    _fill_choices(form)
    if request.method == "GET":
        form.netwerken.data = [n.id for n in user.netwerken]
        form.organisatie_id.data = user.organisatie_id or 0
        form.provincies.data = list(user.provincies)
    if form.validate_on_submit():
        other = find_user(form.email.data)
        if other is not None and other.id != user.id:
            form.email.errors = ["Er bestaat al een gebruiker met dit e-mailadres."]
        else:
            was_active = user.actief
            user.netwerken = [db.session.get(Netwerk, i) for i in form.netwerken.data] \
                if form.rol.data == "coordinator" else []
            form.organisatie_id.data = form.organisatie_id.data \
                if form.rol.data == "partner" else None
            form.provincies.data = tuple(form.provincies.data) \
                if form.rol.data == "consultant" else ()
            form.email.data = form.email.data.strip().lower()
            if form.wachtwoord.data:
                set_password(user, form.wachtwoord.data)
            if was_active and not form.actief.data:
                end_sessions(user)
            diffs = save_form(user, form, ["email", "naam", "rol", "organisatie_id", "provincies",
                                           "actief"])
            if diffs is not None:
                return render_conflict("auth/gebruiker_form.html", diffs, form=form, gebruiker=user)
            flash(f"Gebruiker {user.email} is bijgewerkt.", "success")
            return redirect(url_for("auth.gebruikers"))
    return render_template("auth/gebruiker_form.html", form=form, gebruiker=user)
