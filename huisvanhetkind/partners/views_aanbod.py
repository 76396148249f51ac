"""Aanbod: the network's list and overview, and create/edit/delete/'nagekeken' per aanbod."""
from __future__ import annotations

from datetime import date
from typing import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from ..auth.guard import allowed, authorize, current_actor
from ..domein.permissions import (PARTNER, can_edit_netwerk, can_edit_organisatie,
                                  can_propose_organisatie, can_view_netwerk, can_view_organisatie)
from ..editing import bevestig_verwijderen, formulier_stap
from ..extensions import db
from ..forms import VerwijderForm
from . import bp, operations
from .forms_aanbod import (ALLE, AanbodFilterForm, AanbodForm, AanbodNetwerkForm, AanbodVelden,
                           aanbod_waarden, filter_waarden)
from .models import Aanbod, Netwerk, Organisatie
from .queries import aanbod_organisatie_id, bewaarde_gemeenten, leden_stmt, pagina_van
from .queries_aanbod import AanbodFilter, aanbod_overzicht, aanbod_stmt
from .refs import netwerk_ref, organisatie_ref
from .weergave_bewaard import aanbod_rijen, filterformulier

VELDEN = list(operations.AANBOD_VELDEN)


@bp.get("/netwerken/<int:netwerk_id>/aanbod")
def aanbod_lijst(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    n = db.get_or_404(Netwerk, netwerk_id)
    form = AanbodFilterForm(request.args)
    form.gemeente.choices = ALLE + list(bewaarde_gemeenten(n))
    filters = filter_waarden(form)
    # the filters on the date too: 'niet nagekeken in 12 maanden' moves with the day
    pagina = pagina_van(Aanbod, lambda: aanbod_stmt(netwerk_id, AanbodFilter(**filters)), n,
                        "aanbodlijst", tuple(sorted(filters.items())), date.today(),
                        rijen=aanbod_rijen(n))
    actor = current_actor()
    return render_template("partners/aanbod_lijst.html", netwerk=n, form=form, pagina=pagina,
                           filters=filterformulier(
                               form, n, "aanbodfilters",
                               url_for("partners.aanbod_lijst", netwerk_id=netwerk_id)),
                           eigen_organisatie_id=actor.organisatie_id
                           if actor.rol == PARTNER and netwerk_id in actor.lid_van else None,
                           gefilterd=any(v for k, v in filters.items() if k != "sorteer"),
                           mag_bewerken=allowed(can_edit_netwerk, ref))


@bp.get("/netwerken/<int:netwerk_id>/aanbod/overzicht", endpoint="aanbod_overzicht")
def aanbod_overzicht_pagina(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    return render_template("partners/aanbod_overzicht.html", netwerk=n,
                           overzicht=aanbod_overzicht(netwerk_id))


def _aanbod_ref(aanbod_id: int):
    organisatie_id = aanbod_organisatie_id(aanbod_id)
    if organisatie_id is None:
        abort(404)
    return organisatie_ref(organisatie_id)


def _load(aanbod_id: int) -> Aanbod:
    return db.first_or_404(select(Aanbod).where(Aanbod.id == aanbod_id).join(Aanbod.organisatie)
                           .options(contains_eager(Aanbod.organisatie)))


@bp.get("/aanbod/<int:aanbod_id>")
def aanbod(aanbod_id: int):
    ref = _aanbod_ref(aanbod_id)
    authorize(can_view_organisatie, ref)
    a = _load(aanbod_id)
    return render_template("partners/aanbod.html", aanbod=a,
                           mag_voorstellen=allowed(can_propose_organisatie, ref),
                           mag_bewerken=allowed(can_edit_organisatie, ref))


def _terug(default: str) -> str:
    """Back to where the user came from (?next=, same site only), else `default`."""
    from ..auth.views import safe_next  # late: auth imports audit imports partners
    return safe_next(request.args.get("next")) if request.args.get("next") else default


def _nieuw(form, context: dict, organisatie_id, nog_een: Callable[[Aanbod], str],
           klaar: Callable[[Aanbod], str]):
    """Both ways to enter new aanbod: the form, the operation, then back or 'nog een'."""
    return formulier_stap(
        form, "partners/aanbod_form.html", context,
        lambda version: operations.maak_aanbod(organisatie_id(), **aanbod_waarden(form)),
        lambda a: f"Aanbod {a.naam} is toegevoegd.",
        lambda a: nog_een(a) if request.form.get("nog_een") else klaar(a), foutveld="einddatum")


@bp.route("/organisaties/<int:organisatie_id>/aanbod/nieuw", methods=["GET", "POST"])
def aanbod_nieuw(organisatie_id: int):
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    org = db.get_or_404(Organisatie, organisatie_id)
    return _nieuw(
        AanbodVelden(),
        dict(org=org, aanbod=None,
             terug=_terug(url_for("partners.organisatie", organisatie_id=org.id))),
        lambda: org.id,
        lambda a: url_for("partners.aanbod_nieuw", organisatie_id=org.id,
                          next=request.args.get("next")),
        lambda a: _terug(url_for("partners.aanbod", aanbod_id=a.id)))


@bp.route("/netwerken/<int:netwerk_id>/aanbod/nieuw", methods=["GET", "POST"])
def aanbod_nieuw_netwerk(netwerk_id: int):
    """A coordinator enters aanbod for any member, choosing the partner in the form."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    form = AanbodNetwerkForm()
    form.organisatie_id.choices = [(0, "— kies —")] + [
        (m.organisatie.id, m.organisatie.naam) for m in db.session.scalars(leden_stmt(netwerk_id))]
    if request.method == "GET":
        form.organisatie_id.data = request.args.get("organisatie_id", 0, type=int)
    lijst = url_for("partners.aanbod_lijst", netwerk_id=n.id)
    return _nieuw(
        form, dict(org=None, netwerk=n, aanbod=None, terug=lijst),
        lambda: form.organisatie_id.data,
        lambda a: url_for("partners.aanbod_nieuw_netwerk", netwerk_id=n.id,
                          organisatie_id=a.organisatie_id),
        lambda a: lijst)


@bp.route("/aanbod/<int:aanbod_id>/bewerken", methods=["GET", "POST"])
def aanbod_bewerken(aanbod_id: int):
    authorize(can_edit_organisatie, _aanbod_ref(aanbod_id))
    a = _load(aanbod_id)
    form = AanbodForm(obj=a)
    if request.method == "GET":
        for name in ("functies", "leeftijdsgroepen", "werkvormen", "gemeenten"):
            getattr(form, name).data = list(getattr(a, name))
    terug = _terug(url_for("partners.aanbod", aanbod_id=a.id))
    return formulier_stap(
        form, "partners/aanbod_form.html", dict(org=a.organisatie, aanbod=a, terug=terug),
        lambda version: operations.wijzig_aanbod(a, aanbod_waarden(form), version),
        lambda _: f"Aanbod {a.naam} is bijgewerkt.", terug, foutveld="einddatum")


@bp.route("/aanbod/<int:aanbod_id>/verwijderen", methods=["GET", "POST"])
def aanbod_verwijderen(aanbod_id: int):
    authorize(can_edit_organisatie, _aanbod_ref(aanbod_id))
    a = _load(aanbod_id)
    form = VerwijderForm(version=a.version)
    terug = url_for("partners.organisatie", organisatie_id=a.organisatie_id)
    context = dict(titel=f"Aanbod {a.naam} verwijderen",
                   uitleg=f"'{a.naam}' van {a.organisatie.naam} wordt definitief verwijderd. "
                          "Is het aanbod alleen tijdelijk gestopt? Vul dan liever een einddatum "
                          "in.")
    return bevestig_verwijderen(form, context, f"Aanbod {a.naam} is verwijderd.", terug,
                                lambda version: operations.verwijder(a, version))


@bp.post("/aanbod/<int:aanbod_id>/nagekeken")
def aanbod_nagekeken(aanbod_id: int):
    """The 'nagekeken' button: the partner confirms the aanbod is still correct today."""
    authorize(can_edit_organisatie, _aanbod_ref(aanbod_id))
    a = db.get_or_404(Aanbod, aanbod_id)
    operations.markeer_nagekeken(a)
    flash(f"Aanbod {a.naam} is gemarkeerd als nagekeken op vandaag.", "success")
    return redirect(_terug(url_for("partners.aanbod", aanbod_id=a.id)))
