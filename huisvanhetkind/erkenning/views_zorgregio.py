"""The beheerder loads the municipality → zorgregio table (CSV), replacing it whole."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from ..auth.guard import authorize
from ..domein.permissions import can_manage_reference_data
from ..editing import ongeldig
from . import bp, operations
from ..domein import zorgregio as csv_zorgregio
from .forms import ZorgregioForm
from .queries import zorgregio_stand

PAGINA = "erkenning/zorgregio.html"


@bp.route("/beheer/zorgregio", methods=["GET", "POST"])
def zorgregio():
    authorize(can_manage_reference_data)
    form = ZorgregioForm()
    fouten: list[str] = []
    if form.validate_on_submit():
        resultaat = csv_zorgregio.lees(form.bestand.data.read())
        if resultaat.ok:
            flash(operations.laad_zorgregio(resultaat.regio), "success")
            return redirect(url_for("erkenning.zorgregio"))
        fouten = resultaat.fouten
    gemeenten, regios = zorgregio_stand()
    context = dict(form=form, fouten=fouten, gemeenten=gemeenten, regios=regios)
    if fouten or form.errors:  # nothing loaded: the old table stays
        return ongeldig(PAGINA, **context)
    return render_template(PAGINA, **context)
