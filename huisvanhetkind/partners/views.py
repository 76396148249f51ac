"""Networks: the list, the network page (overview at a glance), create and edit."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth.guard import allowed, authorize, current_actor
from ..auth.models import Gebruiker
from ..domein.permissions import (COORDINATOR, can_create_netwerk, can_edit_netwerk, can_manage_users, can_view_audit, can_view_netwerk, is_authenticated)
from ..editing import conflict_pagina, ingediende_versie, ongeldig
from ..extensions import db
from ..fouten import Conflict, OperatieFout
from . import bp, operations
from .forms_netwerk import NetwerkForm, NetwerkVelden
from .models import Netwerk
from .queries import netwerk_counts, netwerk_overzicht, visible_netwerken_stmt
from .refs import netwerk_ref


@bp.get("/netwerken")
def netwerken():
    authorize(is_authenticated)
    rows = db.session.scalars(visible_netwerken_stmt(current_actor())).all()
    return render_template("partners/netwerken.html", netwerken=rows,
                           counts=netwerk_counts(n.id for n in rows),
                           mag_aanmaken=allowed(can_create_netwerk))


def _load_netwerk(netwerk_id: int) -> Netwerk:
    return db.first_or_404(select(Netwerk).where(Netwerk.id == netwerk_id).options(
        selectinload(Netwerk.werkingsgebied), selectinload(Netwerk.coordinatoren)))


@bp.get("/netwerken/<int:netwerk_id>")
def netwerk(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    n = _load_netwerk(netwerk_id)
    return render_template("partners/netwerk.html", netwerk=n,
                           overzicht=netwerk_overzicht(netwerk_id),
                           mag_bewerken=allowed(can_edit_netwerk, ref),
                           mag_audit=allowed(can_view_audit, ref))


def _coordinator_choices(form) -> None:
    """Only a beheerder assigns coordinators (it grants access); others do not see the field."""
    if not allowed(can_manage_users):
        del form.coordinatoren
        return
    form.coordinatoren.choices = [
        (u.id, f"{u.naam} ({u.email})" if u.naam else u.email) for u in db.session.scalars(
            select(Gebruiker).where(Gebruiker.rol == COORDINATOR).order_by(Gebruiker.email))]


def _velden(form) -> dict:
    return {f: getattr(form, f).data for f in operations.NETWERK_VELDEN}


def _coordinatoren(form) -> list[int] | None:
    """The chosen coordinator users; None when the field is not there (not a beheerder)."""
    return form.coordinatoren.data if "coordinatoren" in form else None


@bp.route("/netwerken/nieuw", methods=["GET", "POST"])
def netwerk_nieuw():
    authorize(can_create_netwerk)
    form = NetwerkVelden()
    _coordinator_choices(form)
    if form.validate_on_submit():
        velden = _velden(form)
        try:
            n = operations.maak_netwerk(velden.pop("naam"), form.delen_van_werkingsgebied(),
                                        _coordinatoren(form), **velden)
        except OperatieFout as fout:
            form.naam.errors = [str(fout)]
            return ongeldig("partners/netwerk_form.html", form=form, netwerk=None)
        flash(f"Netwerk {n.naam} is aangemaakt. Voeg nu de partners toe.", "success")
        return redirect(url_for("partners.netwerk", netwerk_id=n.id))
    if form.errors:
        return ongeldig("partners/netwerk_form.html", form=form, netwerk=None)
    return render_template("partners/netwerk_form.html", form=form, netwerk=None)


@bp.route("/netwerken/<int:netwerk_id>/bewerken", methods=["GET", "POST"])
def netwerk_bewerken(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = _load_netwerk(netwerk_id)
    form = NetwerkForm(obj=n)
    _coordinator_choices(form)
    if request.method == "GET":
        form.vul_werkingsgebied([(d.nis, d.deel) for d in n.werkingsgebied])
        if "coordinatoren" in form:
            form.coordinatoren.data = [u.id for u in n.coordinatoren]
    template = "partners/netwerk_form.html"
    if form.validate_on_submit():
        try:
            operations.wijzig_netwerk(n, _velden(form), ingediende_versie(),
                                      delen=form.delen_van_werkingsgebied(),
                                      coordinatoren=_coordinatoren(form))
        except Conflict as conflict:
            return conflict_pagina(template, form, conflict, netwerk=n)
        except OperatieFout as fout:
            form.naam.errors = [str(fout)]
            return ongeldig(template, form=form, netwerk=n)
        flash(f"{n.naam} is bijgewerkt.", "success")
        return redirect(url_for("partners.netwerk", netwerk_id=n.id))
    if form.errors:
        return ongeldig(template, form=form, netwerk=n)
    return render_template(template, form=form, netwerk=n)
