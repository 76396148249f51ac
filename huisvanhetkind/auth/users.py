"""Managing users: beheerder only."""
from __future__ import annotations

from flask import render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domein.permissions import can_manage_users
from ..editing import formulier_stap
from ..extensions import db
from ..partners.models import Netwerk, Organisatie
from . import bp
from .forms import GebruikerEditForm, GebruikerForm, GebruikerNieuwForm
from .guard import authorize
from .models import Gebruiker
from .operations import GEBRUIKER_VELDEN, create_user, wijzig_gebruiker

TEMPLATE = "auth/gebruiker_form.html"


def _fill_choices(form: GebruikerForm) -> None:
    form.netwerken.choices = [(n.id, n.naam) for n in db.session.scalars(
        select(Netwerk).order_by(Netwerk.naam))]
    form.organisatie_id.choices = [(0, "—")] + [(o.id, o.naam) for o in db.session.scalars(
        select(Organisatie).order_by(Organisatie.naam))]


def _netwerken(form: GebruikerForm) -> list[Netwerk]:
    return db.session.scalars(select(Netwerk).where(Netwerk.id.in_(form.netwerken.data))).all()


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
    form = GebruikerNieuwForm()
    _fill_choices(form)
    return formulier_stap(
        form, TEMPLATE, dict(gebruiker=None),
        lambda version: create_user(
            form.email.data, form.wachtwoord.data, form.rol.data, naam=form.naam.data or "",
            netwerken=_netwerken(form), actief=form.actief.data,
            organisatie=db.session.get(Organisatie, form.organisatie_id.data or 0),
            provincies=form.provincies.data),
        lambda user: f"Gebruiker {user.email} is aangemaakt.", url_for("auth.gebruikers"),
        foutveld="email")


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
    return formulier_stap(
        form, TEMPLATE, dict(gebruiker=user),
        lambda version: wijzig_gebruiker(
            user, {f: getattr(form, f).data for f in GEBRUIKER_VELDEN}, version,
            netwerken=_netwerken(form), wachtwoord=form.wachtwoord.data),
        f"Gebruiker {user.email} is bijgewerkt.", url_for("auth.gebruikers"),
        foutveld="email")  # a taken e-mail address
