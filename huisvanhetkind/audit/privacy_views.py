"""Beheerder pages for GDPR requests: find a person, export their data, anonymise them."""
from __future__ import annotations

import json

from flask import Response, flash, redirect, render_template, request, url_for
from wtforms import BooleanField, HiddenField
from wtforms.validators import DataRequired

from ..auth.guard import authorize
from ..domein.permissions import is_beheerder
from ..editing import ongeldig
from ..forms import VERPLICHT, NlForm
from ..domein.tekst import aantal
from . import bp
from .privacy import anonimiseer, export, zoek_persoon


class AnonimiseerForm(NlForm):
    """Anonymise the person found for `zoekterm`: only after the explicit confirmation."""
    zoekterm = HiddenField(validators=[DataRequired(VERPLICHT)])
    bevestig = BooleanField("Ik bevestig: anonimiseer deze persoon overal. Dit kan niet ongedaan "
                            "gemaakt worden.", validators=[
                                DataRequired("Vink de bevestiging aan om te anonimiseren.")])


def _pagina(zoekterm: str, form: AnonimiseerForm):
    persoon = zoek_persoon(zoekterm) if zoekterm else None
    return dict(zoekterm=zoekterm, persoon=persoon, form=form)


@bp.get("/privacy")
def privacy():
    authorize(is_beheerder)
    zoekterm = request.args.get("zoekterm", "").strip()
    return render_template("audit/privacy.html",
                           **_pagina(zoekterm, AnonimiseerForm(zoekterm=zoekterm)))


@bp.get("/privacy/export")
def privacy_export():
    authorize(is_beheerder)
    zoekterm = request.args.get("zoekterm", "").strip()
    document = export(zoek_persoon(zoekterm))
    return Response(json.dumps(document, ensure_ascii=False, indent=2),
                    mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="persoonsgegevens.json"'})


@bp.post("/privacy/anonimiseer")
def privacy_anonimiseer():
    authorize(is_beheerder)
    form = AnonimiseerForm()
    if not form.validate_on_submit():
        return ongeldig("audit/privacy.html", **_pagina(form.zoekterm.data or "", form))
    persoon = zoek_persoon(form.zoekterm.data)
    if not persoon.gevonden:
        flash("Niets gevonden over deze persoon.", "info")
        return redirect(url_for("audit.privacy"))
    scrubbed = anonimiseer(persoon)
    flash(f"Geanonimiseerd: {aantal(len(persoon.gebruikers), 'gebruiker', 'gebruikers')}, "
          f"{aantal(len(persoon.contactpersonen), 'contactpersoon', 'contactpersonen')}, "
          f"{aantal(scrubbed, 'auditregel', 'auditregels')}.",
          "success")
    return redirect(url_for("audit.privacy"))
