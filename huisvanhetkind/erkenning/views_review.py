"""Review per condition: a consultant's comment and verdict, the coordinator's answers.

Comments are never edited or deleted: the whole dialogue stays, oldest first. The views call the
operations and never commit (the request's commit point does).
"""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth.guard import allowed, authorize
from ..domein.permissions import can_answer_review, can_review, can_view_review
from ..editing import ONGELDIG
from ..fouten import NietGevonden
from ..partners.refs import netwerk_ref
from . import bp, operations
from .forms import AntwoordForm, ReviewForm
from .links import herstel_links
from .queries import netwerk_of_404, opmerking_in_netwerk, review_per_voorwaarde
from ..domein.beoordeling import PER_ID
from ..main.peildatum import bundel_op_peildatum, peildatum_uit_request


def _voorwaarde_of_404(voorwaarde: str) -> str:
    if voorwaarde not in PER_ID:
        raise NietGevonden(voorwaarde)
    return voorwaarde


def _pagina(netwerk_id: int, voorwaarde: str, *, review_form=None, antwoord_form=None,
            antwoord_op: int | None = None, status: int = 200):
    ref = netwerk_ref(netwerk_id)
    ev, peildatum, fout = bundel_op_peildatum(netwerk_id)
    opmerkingen = review_per_voorwaarde(netwerk_id).get(voorwaarde, [])
    mag_reviewen, mag_antwoorden = allowed(can_review, ref), allowed(can_answer_review, ref)
    antwoorden = {}
    if mag_antwoorden:
        for r in opmerkingen:
            if r.oordeel:  # answers go to the consultant's comments
                antwoorden[r.id] = antwoord_form if (antwoord_form is not None
                                                     and antwoord_op == r.id) \
                    else AntwoordForm(prefix=f"antwoord-{r.id}", formdata=None)
    return render_template(
        "erkenning/review.html", ev=ev, u=ev.beoordeling.uitkomst(voorwaarde),
        peildatum=peildatum, peildatum_fout=fout, opmerkingen=opmerkingen,
        links=herstel_links(voorwaarde, netwerk_id),
        review_form=(review_form or ReviewForm(prefix="review", formdata=None))
        if mag_reviewen else None,
        antwoorden=antwoorden), status


@bp.get("/netwerken/<int:netwerk_id>/erkenning/review/<voorwaarde>")
def review(netwerk_id: int, voorwaarde: str):
    authorize(can_view_review, netwerk_ref(netwerk_id))
    return _pagina(netwerk_id, _voorwaarde_of_404(voorwaarde))


@bp.post("/netwerken/<int:netwerk_id>/erkenning/review/<voorwaarde>")
def review_opmerking(netwerk_id: int, voorwaarde: str):
    authorize(can_review, netwerk_ref(netwerk_id))
    _voorwaarde_of_404(voorwaarde)
    form = ReviewForm(prefix="review")
    if not form.validate_on_submit():
        return _pagina(netwerk_id, voorwaarde, review_form=form, status=ONGELDIG)
    peildatum, _ = peildatum_uit_request()
    # 404 for a network that does not exist; no analysis here: this request holds the write lock
    netwerk_of_404(netwerk_id)
    operations.review_opmerking(netwerk_id, voorwaarde, tekst=form.tekst.data,
                                oordeel=form.oordeel.data, auteur_id=current_user.id,
                                peildatum=peildatum)
    flash(f"Opmerking bij {voorwaarde} bewaard.", "success")
    return redirect(url_for("erkenning.review", netwerk_id=netwerk_id, voorwaarde=voorwaarde,
                            op=peildatum.isoformat()))


@bp.post("/netwerken/<int:netwerk_id>/erkenning/review/<voorwaarde>/<int:opmerking_id>/antwoord")
def review_antwoord(netwerk_id: int, voorwaarde: str, opmerking_id: int):
    authorize(can_answer_review, netwerk_ref(netwerk_id))
    op = opmerking_in_netwerk(netwerk_id, _voorwaarde_of_404(voorwaarde), opmerking_id)
    form = AntwoordForm(prefix=f"antwoord-{opmerking_id}")
    if not form.validate_on_submit():
        return _pagina(netwerk_id, voorwaarde, antwoord_form=form, antwoord_op=opmerking_id,
                       status=ONGELDIG)
    operations.review_antwoord(op, tekst=form.tekst.data, auteur_id=current_user.id)
    flash(f"Antwoord bij {voorwaarde} bewaard.", "success")
    return redirect(url_for("erkenning.review", netwerk_id=netwerk_id, voorwaarde=voorwaarde,
                            _anchor=f"opmerking-{opmerking_id}"))
