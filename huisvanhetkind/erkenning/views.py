"""The erkenning dashboard of a network (its 'wat als' is the one page graaf.wat_als)."""
from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from markupsafe import Markup

from ..luie_import import later
from ..auth.guard import allowed, authorize
from ..domein.permissions import (can_answer_review, can_edit_netwerk, can_manage_reference_data, can_review, can_view_aanvraag, can_view_netwerk, can_view_review)
from ..partners.refs import netwerk_ref
from ..main.peildatum import bundel_op_peildatum
from . import bp
from .links import herstel_links
from .queries import aanvraag_stand, review_per_voorwaarde
from ..domein.beoordeling import ERKENNING, SUBSIDIE, deadline

pipeline = later("huisvanhetkind.pipeline")  # the analysis, imported on first use (luie_import.py)


def laatste_oordelen(review: dict) -> dict[str, str]:
    """Per condition the most recent verdict (answers carry none)."""
    return {vid: oordelen[-1] for vid, rs in review.items()
            if (oordelen := [r.oordeel for r in rs if r.oordeel])}


def voorwaarde_cellen(ev) -> dict[str, Markup]:
    """Per condition the dashboard row's cells that follow from the bundle alone (id, title,
    status, explanation with its details: templates/erkenning/_voorwaarde_cellen.html), rendered
    once per network facts and peildatum: they were most of the page's rendering. The links to
    fix a condition and the review column depend on the user and are rendered per request.
    Autoescaped by Jinja before it is kept as Markup."""
    def render() -> dict[str, Markup]:
        sjabloon = current_app.jinja_env.get_template("erkenning/_voorwaarde_cellen.html")
        return {u.id: Markup(sjabloon.render(u=u)) for u in ev.beoordeling.uitkomsten}
    return pipeline.per_bundel(ev, "voorwaardecellen", render)


def partner_opties(ev) -> Markup:
    """The <option>s of 'wat als een partner vertrekt?', rendered once per network facts and
    peildatum: 893 partners were two thirds of the largest network's dashboard's rendering."""
    return pipeline.per_bundel(ev, "partneropties", lambda: Markup(render_template(
        "erkenning/_partner_opties.html", partners=ev.netwerk.partners)))


@bp.get("/netwerken/<int:netwerk_id>/erkenning")
def dashboard(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    ev, peildatum, fout = bundel_op_peildatum(netwerk_id)
    uitkomsten = ev.beoordeling.uitkomsten
    mag_review = allowed(can_view_review, ref)
    review = review_per_voorwaarde(netwerk_id) if mag_review else {}
    basis: dict[str, str] = {}
    links = {u.id: herstel_links(u.id, netwerk_id, basis) for u in uitkomsten}
    if allowed(can_manage_reference_data):
        links["E2"].append((url_for("erkenning.zorgregio"), "Zorgregiotabel laden"))
    return render_template(
        "erkenning/dashboard.html", ev=ev, b=ev.beoordeling, peildatum=peildatum,
        peildatum_fout=fout, termijn=deadline(ev.netwerk, peildatum),
        groepen=[("Erkenning", [u for u in uitkomsten if u.soort == ERKENNING]),
                 ("Subsidie", [u for u in uitkomsten if u.soort == SUBSIDIE])],
        links=links, partner_opties=partner_opties(ev), cellen=voorwaarde_cellen(ev),
        review=review, laatste_oordeel=laatste_oordelen(review),
        mag_review=mag_review, mag_reviewen=allowed(can_review, ref),
        mag_antwoorden=allowed(can_answer_review, ref),
        mag_bewerken=allowed(can_edit_netwerk, ref),
        aanvraag_stand=aanvraag_stand(netwerk_id, ev.netwerk.erkenningsdatum)
        if allowed(can_view_aanvraag, ref) else None), 400 if fout else 200


@bp.get("/netwerken/<int:netwerk_id>/erkenning/wat-als")
def wat_als(netwerk_id: int):
    """The former address of 'wat als': the one page lives with the graph (same query)."""
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    # the query string goes along as it came: as url_for arguments, `_method`/`_scheme`/
    # `_external` would steer the URL building (a 500, or another scheme) and repeats were lost
    query = request.query_string.decode("ascii", "replace")
    return redirect(url_for("graaf.wat_als", netwerk_id=netwerk_id)
                    + (f"?{query}" if query else ""), 308)
