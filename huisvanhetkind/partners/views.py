"""Networks: the list, the network page (overview at a glance), create and edit."""
from __future__ import annotations

from flask import render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth.guard import allowed, authorize
from ..auth.models import Gebruiker
from ..domein.permissions import (COORDINATOR, can_create_netwerk, can_edit_netwerk, can_publish_gids, can_manage_users, can_view_audit, can_view_netwerk, is_authenticated)
from ..domein.permissions import can_view_aanvraag
from ..editing import formulier_stap
from ..erkenning.queries import aanvraag_stand
from ..extensions import db
from . import bp, operations
from .forms_netwerk import NetwerkForm, NetwerkVelden
from .models import Netwerk
from .queries import (bewaard_overzicht, bewaard_werkingsgebied, coordinator_namen, netwerk_counts,
                      zichtbare_netwerken)
from .refs import netwerk_ref
from .weergave_bewaard import netwerk_tabellen


@bp.get("/netwerken")
def netwerken():
    authorize(is_authenticated)
    rows = zichtbare_netwerken()
    return render_template("partners/netwerken.html", netwerken=rows,
                           counts=netwerk_counts(rows),
                           mag_aanmaken=allowed(can_create_netwerk))


def _load_netwerk(netwerk_id: int) -> Netwerk:
    return db.first_or_404(select(Netwerk).where(Netwerk.id == netwerk_id).options(
        selectinload(Netwerk.werkingsgebied), selectinload(Netwerk.coordinatoren)))


@bp.get("/netwerken/<int:netwerk_id>")
def netwerk(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    n = db.get_or_404(Netwerk, netwerk_id)  # netwerk_ref holds it: no statement
    overzicht = bewaard_overzicht(n)
    return render_template("partners/netwerk.html", netwerk=n,
                           werkingsgebied=bewaard_werkingsgebied(n),
                           coordinatoren=coordinator_namen(netwerk_id),
                           overzicht=overzicht, tabellen=netwerk_tabellen(n, overzicht),
                           mag_bewerken=allowed(can_edit_netwerk, ref),
                           mag_publiceren=allowed(can_publish_gids, ref),
                           mag_audit=allowed(can_view_audit, ref),
                           aanvraag_stand=aanvraag_stand(netwerk_id, n.erkenningsdatum)
                           if allowed(can_view_aanvraag, ref) else None)


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

    def maak(version):
        velden = _velden(form)
        return operations.maak_netwerk(velden.pop("naam"), form.delen_van_werkingsgebied(),
                                       _coordinatoren(form), **velden)

    return formulier_stap(
        form, "partners/netwerk_form.html", dict(netwerk=None), maak,
        lambda n: f"Netwerk {n.naam} is aangemaakt. Voeg nu de partners toe.",
        lambda n: url_for("partners.netwerk", netwerk_id=n.id), foutveld="naam")


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
    return formulier_stap(
        form, "partners/netwerk_form.html", dict(netwerk=n),
        lambda version: operations.wijzig_netwerk(n, _velden(form), version,
                                                  delen=form.delen_van_werkingsgebied(),
                                                  coordinatoren=_coordinatoren(form)),
        lambda _: f"{n.naam} is bijgewerkt.", url_for("partners.netwerk", netwerk_id=n.id),
        foutveld="naam")
