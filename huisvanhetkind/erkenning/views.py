"""The erkenning dashboard of a network and its 'wat als partner X vertrekt'."""
from __future__ import annotations

from datetime import date

from flask import abort, render_template, request, url_for

from ..auth.guard import allowed, authorize
from ..auth.permissions import (can_answer_review, can_edit_netwerk, can_manage_reference_data,
                                can_review, can_view_netwerk, can_view_review)
from ..partners.refs import netwerk_ref
from . import bp, service
from .links import herstel_links, url_if_exists
from .queries import review_per_voorwaarde
from .rules import ERKENNING, SUBSIDIE, deadline


def peildatum_uit_request() -> tuple[date, str | None]:
    """The ?op= peildatum, or today with a Dutch error message when it is not a date."""
    try:
        return service.parse_peildatum(request.args.get("op")), None
    except service.OngeldigePeildatum as fout:
        return date.today(), str(fout)


def evaluation_of_404(netwerk_id: int, peildatum: date) -> service.Evaluation:
    try:
        return service.evaluation(netwerk_id, peildatum)
    except LookupError:
        abort(404)


def laatste_oordelen(review: dict) -> dict[str, str]:
    """Per condition the most recent verdict (answers carry none)."""
    return {vid: oordelen[-1] for vid, rs in review.items()
            if (oordelen := [r.oordeel for r in rs if r.oordeel])}


@bp.get("/netwerken/<int:netwerk_id>/erkenning")
def dashboard(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    peildatum, fout = peildatum_uit_request()
    ev = evaluation_of_404(netwerk_id, peildatum)
    uitkomsten = ev.beoordeling.uitkomsten
    mag_review = allowed(can_view_review, ref)
    review = review_per_voorwaarde(netwerk_id) if mag_review else {}
    links = {u.id: herstel_links(u.id, netwerk_id) for u in uitkomsten}
    if allowed(can_manage_reference_data):
        links["E2"].append((url_for("erkenning.zorgregio"), "Zorgregiotabel laden"))
    return render_template(
        "erkenning/dashboard.html", ev=ev, b=ev.beoordeling, peildatum=peildatum,
        peildatum_fout=fout, termijn=deadline(ev.netwerk, peildatum),
        groepen=[("Erkenning", [u for u in uitkomsten if u.soort == ERKENNING]),
                 ("Subsidie", [u for u in uitkomsten if u.soort == SUBSIDIE])],
        links=links,
        review=review, laatste_oordeel=laatste_oordelen(review),
        graaf_wat_als=url_if_exists("graaf.wat_als", netwerk_id=netwerk_id),
        mag_review=mag_review, mag_reviewen=allowed(can_review, ref),
        mag_antwoorden=allowed(can_answer_review, ref),
        mag_bewerken=allowed(can_edit_netwerk, ref)), 400 if fout else 200


@bp.get("/netwerken/<int:netwerk_id>/erkenning/wat-als")
def wat_als(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    peildatum, fout = peildatum_uit_request()
    ev = evaluation_of_404(netwerk_id, peildatum)
    try:
        resultaat = service.wat_als(ev, int(request.args.get("partner", "")))
    except (ValueError, LookupError):
        return render_template(
            "errors/error.html", code=404, titel="Partner niet gevonden",
            uitleg="Kies een partner die nu lid is van het netwerk."), 404
    return render_template("erkenning/wat_als.html", ev=ev, wa=resultaat, peildatum=peildatum,
                           peildatum_fout=fout), 400 if fout else 200
