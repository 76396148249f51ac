"""Beheerder pages for GDPR requests: find a person, export their data, anonymise them."""
from __future__ import annotations

import json

from flask import Response, flash, redirect, render_template, request, url_for

from ..auth.guard import authorize
from ..domein.permissions import is_beheerder
from ..extensions import db
from . import bp
from .privacy import anonimiseer, export, zoek_persoon


@bp.get("/privacy")
def privacy():
    authorize(is_beheerder)
    zoekterm = request.args.get("zoekterm", "").strip()
    persoon = zoek_persoon(zoekterm) if zoekterm else None
    return render_template("audit/privacy.html", zoekterm=zoekterm, persoon=persoon)


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
    zoekterm = request.form.get("zoekterm", "").strip()
    if request.form.get("bevestig") != "ja":
        flash("Vink de bevestiging aan om te anonimiseren.", "warning")
        return redirect(url_for("audit.privacy", zoekterm=zoekterm))
    persoon = zoek_persoon(zoekterm)
    if not persoon.gevonden:
        flash("Niets gevonden over deze persoon.", "info")
        return redirect(url_for("audit.privacy"))
    scrubbed = anonimiseer(persoon)
    db.session.commit()
    flash(f"Geanonimiseerd: {len(persoon.gebruikers)} gebruiker(s), "
          f"{len(persoon.contactpersonen)} contactpersoon/-personen, {scrubbed} auditregels.",
          "success")
    return redirect(url_for("audit.privacy"))
