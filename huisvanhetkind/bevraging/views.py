"""The samenwerkingsbevraging's pages: the meetmomenten of a network, opening and closing one,
an organisation's own answer, and the aggregated results (page, SVG, xlsx)."""
from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from markupsafe import Markup

from ..auth.guard import allowed, authorize, current_actor
from ..domein import bevraging as bv
from ..domein.tekst import aantal
from ..domein.permissions import (can_answer_bevraging, can_manage_bevraging,
                                  can_view_bevraging)
from ..editing import formulier_stap, ingediende_versie
from ..extensions import db
from ..fouten import Conflict, NietGevonden, OperatieFout
from ..partners.models import Netwerk
from ..partners.refs import netwerk_ref
from ..rapport_xlsx import download
from . import bp, operations, queries, tekening
from .export import werkmap
from .forms import MeetmomentForm, SluitenForm, antwoord_form, lees, veld, vul_in



@bp.get("/netwerken/<int:netwerk_id>/bevraging")
def overzicht(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_bevraging, ref)
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    actor = current_actor()
    verloop = queries.verloop(netwerk_id)
    return render_template(
        "bevraging/overzicht.html", netwerk=netwerk, vandaag=date.today(), bv=bv,
        rijen=queries.meetmomenten(netwerk_id, actor.organisatie_id),
        mag_beheren=allowed(can_manage_bevraging, ref), verloop=verloop,
        verloop_svg=Markup(tekening.verloop_svg(  # every text XML-escaped
            verloop, f"Vertrouwen en waarde in {netwerk.naam}")))


@bp.route("/netwerken/<int:netwerk_id>/bevraging/nieuw", methods=["GET", "POST"])
def nieuw(netwerk_id: int):
    authorize(can_manage_bevraging, netwerk_ref(netwerk_id))
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    form = MeetmomentForm()
    return formulier_stap(
        form, "bevraging/nieuw.html", dict(netwerk=netwerk),
        lambda _: operations.open_meetmoment(netwerk_id, form.naam.data, form.sluit_op.data,
                                             date.today()),
        lambda m: f"Het meetmoment '{m.naam}' is geopend: "
                  f"{aantal(len(m.deelnames), 'organisatie is', 'organisaties zijn')} "
                  "uitgenodigd.",
        lambda m: url_for("bevraging.resultaat", meetmoment_id=m.id), foutveld="sluit_op")


def _meetmoment(meetmoment_id: int):
    """The meetmoment (404 when it does not exist) and its network's reference."""
    m = queries.meetmoment(meetmoment_id)
    return m, netwerk_ref(m.netwerk_id)


@bp.get("/bevraging/<int:meetmoment_id>")
def resultaat(meetmoment_id: int):
    m, ref = _meetmoment(meetmoment_id)
    authorize(can_view_bevraging, ref)
    vandaag = date.today()
    r = queries.resultaat(m.id)
    ander = _ander(m, request.args.get("met", type=int))
    beheren = allowed(can_manage_bevraging, ref)
    kleur = "vertrouwen" if request.args.get("kleur") == "vertrouwen" else "intensiteit"
    titel = f"Relaties in {m.naam}, gekleurd volgens {kleur}"
    eigen = queries.eigen_deelname(m.id, current_actor().organisatie_id)
    return render_template(
        "bevraging/resultaat.html", m=m, r=r, bv=bv, netwerk=db.session.get(Netwerk, m.netwerk_id),
        toestand=bv.toestand(m.sluit_op, m.gesloten_op, vandaag), kleur=kleur,
        svg=Markup(tekening.svg(r, titel, kleur)) if r.getoond else None,
        ander=ander, verschillen=bv.vergelijk(queries.resultaat(ander.id), r) if ander else None,
        keuzes=[rij.meetmoment for rij in queries.meetmomenten(m.netwerk_id)
                if rij.meetmoment.id != m.id],
        openstaand=queries.nog_niet_afgerond(m.id) if beheren else None,
        mag_beheren=beheren, eigen_deelname=eigen, sluiten=SluitenForm(version=m.version))


def _ander(m, ander_id: int | None):
    """The meetmoment to compare with: the one asked for (of the same network) or the previous."""
    if ander_id is None:
        return queries.vorig(m)
    ander = queries.meetmoment(ander_id)
    if ander.netwerk_id != m.netwerk_id or ander.id == m.id:
        raise NietGevonden(f"meetmoment {ander_id}")
    return ander


@bp.post("/bevraging/<int:meetmoment_id>/sluiten")
def sluiten(meetmoment_id: int):
    m, ref = _meetmoment(meetmoment_id)
    authorize(can_manage_bevraging, ref)
    form = SluitenForm()
    if not form.validate_on_submit():
        abort(400)
    terug = url_for("bevraging.resultaat", meetmoment_id=m.id)
    try:
        operations.sluit_meetmoment(m, ingediende_versie(), date.today())
    except (Conflict, OperatieFout):
        flash("Het meetmoment werd intussen gewijzigd of is al gesloten: bekijk het opnieuw.",
              "warning")
        return redirect(terug)
    flash(f"Het meetmoment '{m.naam}' is gesloten.", "success")
    return redirect(terug)


@bp.get("/bevraging/<int:meetmoment_id>/resultaten.xlsx")
def export(meetmoment_id: int):
    m, ref = _meetmoment(meetmoment_id)
    authorize(can_view_bevraging, ref)
    r = queries.resultaat(m.id)
    vorig = queries.vorig(m)
    netwerk = db.session.get(Netwerk, m.netwerk_id)
    inhoud = werkmap(netwerk.naam, m.naam, r,
                     bv.vergelijk(queries.resultaat(vorig.id), r) if vorig else None)
    return download(inhoud, f"samenwerkingsbevraging-{m.id}.xlsx")


@bp.route("/bevraging/antwoord/<int:deelname_id>", methods=["GET", "POST"])
def antwoord(deelname_id: int):
    d = queries.deelname(deelname_id)
    authorize(can_answer_bevraging, d.organisatie_id)
    m = d.meetmoment
    partners = {p: naam for p, naam in queries.leden_van(m.id).items() if p != d.organisatie_id}
    form = antwoord_form(partners)()
    if not form.is_submitted():
        form.version.data = str(d.version)
        vul_in(form, d.relaties)
    context = dict(d=d, m=m, partners=partners, veld=veld, bv=bv,
                   eigen=queries.leden_van(m.id).get(d.organisatie_id),
                   open_=bv.toestand(m.sluit_op, m.gesloten_op, date.today()) == bv.OPEN)
    if request.method == "POST" and not form.afronden.data and d.afgerond_op is not None:
        form.afronden.data = True  # a finished answer is changed by finishing it again
    return formulier_stap(
        form, "bevraging/antwoord.html", context,
        lambda version: operations.bewaar_antwoord(d, lees(form, partners),
                                                   bool(form.afronden.data), version,
                                                   date.today()),
        lambda _: ("Je antwoorden zijn afgerond. Dank je wel!" if d.afgerond_op
                   else "Je antwoorden zijn bewaard. Je kan later verder gaan en afronden."),
        lambda _: url_for("bevraging.antwoord", deelname_id=d.id))

