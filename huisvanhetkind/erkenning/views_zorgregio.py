"""The beheerder loads the municipality → zorgregio table (CSV), replacing it whole."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from ..auth.guard import authorize
from ..domein.permissions import can_manage_reference_data
from ..extensions import db
from . import bp, operations
from ..domein import zorgregio as csv_zorgregio
from .forms import ZorgregioForm
from .queries import zorgregio_stand


@bp.route("/beheer/zorgregio", methods=["GET", "POST"])
def zorgregio():
    authorize(can_manage_reference_data)
    form = ZorgregioForm()
    fouten: list[str] = []
    if form.validate_on_submit():
        resultaat = csv_zorgregio.lees(form.bestand.data.read())
        if resultaat.ok:
            nieuw, gewijzigd, weg = operations.laad_zorgregio(resultaat.regio)
            db.session.commit()
            flash(f"Zorgregiotabel geladen: {len(resultaat.regio)} gemeenten in "
                  f"{len(set(resultaat.regio.values()))} zorgregio's ({nieuw} nieuw, "
                  f"{gewijzigd} gewijzigd, {weg} verwijderd).", "success")
            return redirect(url_for("erkenning.zorgregio"))
        fouten = resultaat.fouten
    gemeenten, regios = zorgregio_stand()
    status = 400 if fouten or form.errors else 200
    return render_template("erkenning/zorgregio.html", form=form, fouten=fouten,
                           gemeenten=gemeenten, regios=regios), status
