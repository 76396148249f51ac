"""Verwijzingen (domein.md §3.7): a partner records its links, the receiving partner confirms them.

A referral has no network of its own: it counts in every network where both ends are members.
Recording, editing and deleting one needs can_edit_verwijzing (the VAN partner itself, a
beheerder, or a coordinator of EVERY network that relies on it); confirming can_confirm_verwijzing
(the NAAR partner). Edits, deletes and confirmations carry the record's version: the operations
(operations.py) check it first, a stale one is the 409 comparison page. The views never commit.
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from ..auth.guard import authorize, current_actor
from ..domein.permissions import (PARTNER, VerwijzingRef, can_confirm_verwijzing,
                                  can_edit_netwerk, can_edit_verwijzing, can_record_verwijzing,
                                  can_view_netwerk)
from ..editing import bevestig_verwijderen, conflict_pagina, formulier_stap, ingediende_versie
from ..forms import VerwijderForm
from ..fouten import Conflict
from ..partners.refs import netwerk_ref, organisatie_ref, verwijzing_ref
from ..domein.taxonomie import VERWIJZINGSSOORT
from ..luie_import import later
from . import bp, operations, queries
from ..domein.tekst import aantal
from .forms import VerwijzingBevestigenForm, VerwijzingForm

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
graafanalyse = later("huisvanhetkind.domein.analyse")
pipeline = later("huisvanhetkind.pipeline")

FORMULIER = "graaf/verwijzing_form.html"
PER_PAGINA = 100
FILTERS = {"alle": "Alle verwijzingen", "onbevestigd": "Niet bevestigd",
           "eenrichting": "In één richting", "te_bevestigen": "Door jou te bevestigen"}


def _ref(verwijzing_id: int) -> VerwijzingRef:
    """Both ends and every network that relies on the referral (domein.md §10): a coordinator
    changes it only when all of those are theirs."""
    return verwijzing_ref(*queries.verwijzing_uiteinden(verwijzing_id))


def _lijst_url(netwerk_id: int, toon: str | None = None, page: int | None = None) -> str:
    return url_for("graaf.verwijzingen", netwerk_id=netwerk_id,
                   toon=toon if toon in FILTERS and toon != "alle" else None,
                   page=page if page and page > 1 else None)


def _terug_naar_lijst(netwerk_id: int) -> str:
    """The page and filter the '+1' or confirm button was pressed on (form fields `toon` and
    `page`; request.form bounds `page` to 0..ID_MAX, anything else is page 1)."""
    return _lijst_url(netwerk_id, request.form.get("toon"), request.form.get("page", type=int))


@bp.get("/netwerken/<int:netwerk_id>/verwijzingen")
def verwijzingen(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    naam = queries.netwerk_naam(netwerk_id)
    leden = queries.leden(netwerk_id)
    actor = current_actor()
    # The members this actor records and confirms referrals for: a partner its own organisation,
    # the network's coordinators every member (each action re-checks the referral's full ref)
    if actor.rol == PARTNER:
        bewerkbaar = frozenset(i for i, _ in leden if i == actor.organisatie_id)
    else:
        bewerkbaar = frozenset(i for i, _ in leden) if can_edit_netwerk(actor, ref) else frozenset()
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
        coordinator=can_edit_netwerk(actor, ref), uitleg=graafanalyse.UITLEG,
        form=VerwijzingBevestigenForm())


def _waarden(form) -> dict:
    return {veld: getattr(form, veld).data for veld in operations.VERWIJZING_VELDEN}


@bp.route("/netwerken/<int:netwerk_id>/verwijzingen/nieuw", methods=["GET", "POST"])
def verwijzing_nieuw(netwerk_id: int):
    van_id = request.args.get("van", type=int) or current_actor().organisatie_id
    if van_id is None:  # a coordinator or beheerder first picks the VAN partner on the list
        authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
        flash("Kies eerst van welke partner de verwijzing vertrekt.", "info")
        return redirect(_lijst_url(netwerk_id))
    authorize(can_record_verwijzing, organisatie_ref(van_id), netwerk_ref(netwerk_id))
    leden = queries.leden(netwerk_id)
    van_naam = dict(leden)[van_id]
    form = VerwijzingForm()
    form.set_naar(leden, van_id)
    ctx = dict(netwerk_id=netwerk_id, van_naam=van_naam, nieuw=True)
    def gedaan(v) -> str:
        naar = dict(leden)[v.naar_id]
        return f"De verwijzing naar {naar} is opgeslagen. {naar} moet ze nog bevestigen."

    def opslaan(version):
        # every network where both ends are members relies on the new referral
        authorize(can_edit_verwijzing, verwijzing_ref(van_id, form.naar_id.data))
        return operations.nieuwe_verwijzing(van_id, **_waarden(form))

    return formulier_stap(form, FORMULIER, ctx, opslaan, gedaan, _lijst_url(netwerk_id),
                          foutveld="soort")


@bp.route("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/bewerken",
          methods=["GET", "POST"])
def verwijzing_bewerken(netwerk_id: int, verwijzing_id: int):
    ref = _ref(verwijzing_id)
    authorize(can_edit_verwijzing, ref)
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
    van_id = ref.van.id
    form = VerwijzingForm(obj=rij.verwijzing)
    form.set_naar(queries.leden(netwerk_id), van_id)
    ctx = dict(netwerk_id=netwerk_id, van_naam=rij.van_naam, nieuw=False, rij=rij)
    def opslaan(version):
        if form.naar_id.data != ref.naar.id:  # a new receiver: its networks rely on it too
            authorize(can_edit_verwijzing, verwijzing_ref(van_id, form.naar_id.data))
        return operations.wijzig_verwijzing(rij.verwijzing, _waarden(form), version)

    return formulier_stap(form, FORMULIER, ctx, opslaan, "De verwijzing is bijgewerkt.",
                          _lijst_url(netwerk_id), foutveld="soort")


@bp.route("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/verwijderen",
          methods=["GET", "POST"])
def verwijzing_verwijderen(netwerk_id: int, verwijzing_id: int):
    authorize(can_edit_verwijzing, _ref(verwijzing_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
    v = rij.verwijzing
    context = dict(
        titel="Verwijzing verwijderen",
        details=[("Van", rij.van_naam), ("Naar", rij.naar_naam),
                 ("Soort", VERWIJZINGSSOORT.label(v.soort)),
                 ("Per jaar", "—" if v.aantal_per_jaar is None else v.aantal_per_jaar),
                 ("Sinds", v.sinds.strftime("%d/%m/%Y") if v.sinds else "—"),
                 ("Bevestigd", "ja" if v.bevestigd else "nee")],
        uitleg="De verwijzing verdwijnt uit de samenwerking van het netwerk; de wijziging blijft "
               "zichtbaar in het wijzigingslog.")
    return bevestig_verwijderen(
        VerwijderForm(version=v.version), context,
        f"De verwijzing van {rij.van_naam} naar {rij.naar_naam} is verwijderd.",
        _lijst_url(netwerk_id), lambda version: operations.verwijder_verwijzing(v, version))


@bp.post("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/bevestigen")
def verwijzing_bevestigen(netwerk_id: int, verwijzing_id: int):
    """The receiver's 'Bevestigen' / 'Bevestiging intrekken' button (CSRF: CSRFProtect)."""
    authorize(can_confirm_verwijzing, _ref(verwijzing_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)
    bevestigd = request.form.get("bevestigd", "1") == "1"
    try:
        operations.bevestig_verwijzing(rij.verwijzing, netwerk_id, bevestigd, ingediende_versie(),
                                       rij.van_naam, rij.naar_naam)
    except Conflict as conflict:
        return conflict_pagina("graaf/verwijzing_bevestigen.html", VerwijzingBevestigenForm(),
                               conflict, rij=rij, netwerk_id=netwerk_id, bevestigd=bevestigd)
    soort = VERWIJZINGSSOORT.label(rij.verwijzing.soort).lower()
    flash(f"De {soort} van {rij.van_naam} naar {rij.naar_naam} is "
          f"{'bevestigd' if bevestigd else 'niet langer bevestigd'}.", "success")
    return redirect(_terug_naar_lijst(netwerk_id))


@bp.post("/netwerken/<int:netwerk_id>/verwijzingen/<int:verwijzing_id>/tel")
def verwijzing_tel(netwerk_id: int, verwijzing_id: int):
    """'+1': the van partner counts one more referral of this kind this year."""
    authorize(can_edit_verwijzing, _ref(verwijzing_id))
    rij = queries.verwijzing_in_netwerk(netwerk_id, verwijzing_id)  # CSRF: CSRFProtect, app-wide
    v = operations.tel_verwijzing(rij.verwijzing.id)
    flash(f"Geteld: {aantal(v.aantal_per_jaar, 'verwijzing', 'verwijzingen')} per jaar van "
          f"{rij.van_naam} naar {rij.naar_naam}.", "success")
    return redirect(_terug_naar_lijst(netwerk_id))
