"""Import (upload → preview → confirm → result), the empty template, and the exports."""
from __future__ import annotations

import io

from flask import abort, flash, redirect, render_template, send_file, session, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import DataRequired

from ..audit.log import record_event
from ..auth.guard import authorize, current_actor
from ..domein.permissions import (can_create_netwerk, can_edit_netwerk, can_export_netwerk,
                                  can_view_netwerk, is_authenticated)
from ..db import begin_write
from ..editing import ongeldig
from ..extensions import db
from ..forms import VERPLICHT, NlForm
from ..rapport_xlsx import XLSX
from . import bp, importer
from .export import FORMATEN, export_bestandsnaam
from .importer import ImportGeweigerd, opslag
from .importer.columns import BLADEN
from .models import Netwerk
from .refs import netwerk_ref



class ImportForm(NlForm):
    bestand = FileField("Bestand (.xlsx, .zip met .csv-bestanden, of één .csv)",
                        validators=[FileRequired(VERPLICHT)],
                        description="Maximaal 5 MB. Er wordt nog niets opgeslagen: je krijgt "
                                    "eerst een overzicht van wat er zal veranderen.")


class ImportBevestigenForm(NlForm):
    """Confirm (or cancel) the previewed upload: the token of the stored file."""
    token = HiddenField(validators=[DataRequired()])


VERLOPEN = "Deze upload is verlopen of al verwerkt. Kies het bestand opnieuw."
# no room to keep another upload until it is confirmed (opslag.MAX_TOTAAL)
VOL = 413


def _gelezen(data: bytes, naam: str):
    """Parse and validate the file first — pure work, no lock held (these endpoints start
    read-only: app.LEES_EERST) — then take the write transaction for the import itself: a
    large or hostile file never keeps other users from saving (issue 12)."""
    bestand = importer.lees(data, naam)
    begin_write(db.session)
    return bestand


def _upload(form: ImportForm, netwerk: Netwerk | None, bevestig_url: str, annuleer_url: str):
    """Shared by both imports: validate and dry-run the upload, then show the preview."""
    bestand = form.bestand.data
    naam = (bestand.filename or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    data = bestand.read()
    netwerk_id = netwerk.id if netwerk else None
    try:
        rapport = importer.importeer(_gelezen(data, naam), netwerk_id=netwerk_id,
                                     mag_bestaan=netwerk is not None, bestandsnaam=naam,
                                     dry_run=True, actor=current_actor())
    except ImportGeweigerd as e:
        return _fouten(form, netwerk, naam, e)
    try:
        token = opslag.bewaar(data, gebruiker_id=current_user.id, netwerk_id=netwerk_id,
                              bestandsnaam=naam)
    except opslag.OpslagVol as vol:
        form.bestand.errors = [str(vol)]
        pagina, _ = _upload_pagina(form, netwerk)
        return pagina, VOL
    return render_template("partners/import_preview.html", rapport=rapport, netwerk=netwerk,
                           bestandsnaam=naam, form=ImportBevestigenForm(token=token),
                           bevestig_url=bevestig_url, annuleer_url=annuleer_url)


def _upload_pagina(form, netwerk, **context):
    """The upload form; 422 when it comes back with errors (a refused file, no file)."""
    context = dict(form=form, netwerk=netwerk, bladen=BLADEN, **context)
    if form.errors or context.get("fouten"):
        return ongeldig("partners/import_upload.html", **context)
    return render_template("partners/import_upload.html", **context)


def _fouten(form, netwerk, naam: str, e: ImportGeweigerd):
    return _upload_pagina(form, netwerk, bestandsnaam=naam, fouten=e.regels(),
                          aantal_fouten=len(e.fouten))


def _bevestig(netwerk: Netwerk | None, terug_url: str):
    """Import the stored file for real (one transaction: it flushes, the request's commit point
    commits); a token that is not (or no longer) there → back to the upload."""
    form = ImportBevestigenForm()
    if not form.validate_on_submit():  # no token: the upload form again, 422
        upload = ImportForm(formdata=None)
        upload.bestand.errors = [VERLOPEN]
        return None, _upload_pagina(upload, netwerk)
    netwerk_id = netwerk.id if netwerk else None
    stored = opslag.haal(form.token.data, gebruiker_id=current_user.id, netwerk_id=netwerk_id)
    if stored is None:
        flash(VERLOPEN, "warning")
        return None, redirect(terug_url)
    data, naam = stored
    try:
        rapport = importer.importeer(_gelezen(data, naam), netwerk_id=netwerk_id,
                                     mag_bestaan=netwerk is not None, bestandsnaam=naam,
                                     actor=current_actor())
    except ImportGeweigerd as e:
        return None, _fouten(ImportForm(formdata=None), netwerk, naam, e)
    finally:
        opslag.verwijder(form.token.data)
    return rapport, None


@bp.route("/netwerken/<int:netwerk_id>/import", methods=["GET", "POST"])
def import_upload(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    form = ImportForm()
    if form.validate_on_submit():
        return _upload(form, netwerk, url_for("partners.import_bevestig", netwerk_id=netwerk_id),
                       url_for("partners.import_annuleer", netwerk_id=netwerk_id))
    return _upload_pagina(form, netwerk)


@bp.post("/netwerken/<int:netwerk_id>/import/bevestig")
def import_bevestig(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    rapport, response = _bevestig(netwerk, url_for("partners.import_upload", netwerk_id=netwerk_id))
    if response is not None:
        return response
    session["import_resultaat"] = {"netwerk_id": netwerk_id, "tellingen": rapport.tellingen()}
    return redirect(url_for("partners.import_resultaat", netwerk_id=netwerk_id))


@bp.post("/netwerken/<int:netwerk_id>/import/annuleer")
def import_annuleer(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    form = ImportBevestigenForm()
    if form.validate_on_submit():
        opslag.verwijder(form.token.data)
    flash("De import is geannuleerd; er is niets opgeslagen.", "info")
    return redirect(url_for("partners.import_upload", netwerk_id=netwerk_id))


@bp.get("/netwerken/<int:netwerk_id>/import/resultaat")
def import_resultaat(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    resultaat = session.get("import_resultaat")
    if not resultaat or resultaat.get("netwerk_id") != netwerk_id:
        return redirect(url_for("partners.import_upload", netwerk_id=netwerk_id))
    return render_template("partners/import_resultaat.html", netwerk=netwerk,
                           tellingen=resultaat["tellingen"])


@bp.route("/netwerken/import", methods=["GET", "POST"])
def import_nieuw():
    authorize(can_create_netwerk)
    form = ImportForm()
    if form.validate_on_submit():
        return _upload(form, None, url_for("partners.import_nieuw_bevestig"),
                       url_for("partners.import_nieuw"))
    return _upload_pagina(form, None)


@bp.post("/netwerken/import/bevestig")
def import_nieuw_bevestig():
    authorize(can_create_netwerk)
    rapport, response = _bevestig(None, url_for("partners.import_nieuw"))
    if response is not None:
        return response
    flash(f"Het netwerk '{rapport.netwerk}' is geïmporteerd: {rapport.samenvatting()}.", "success")
    return redirect(url_for("partners.netwerk", netwerk_id=rapport.netwerk_id))


@bp.get("/import/sjabloon.xlsx")
def import_sjabloon():
    authorize(is_authenticated)
    from .export.writers import werkmap  # openpyxl: loaded when asked, not at every start
    return send_file(io.BytesIO(werkmap()), mimetype=XLSX, as_attachment=True,
                     download_name="huis-van-het-kind-sjabloon.xlsx")


@bp.get("/netwerken/<int:netwerk_id>/export")
def export(netwerk_id: int):
    authorize(can_export_netwerk, netwerk_ref(netwerk_id))
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    return render_template("partners/export.html", netwerk=netwerk, formaten=FORMATEN.values())


@bp.get("/netwerken/<int:netwerk_id>/export.<formaat>")
def export_bestand(netwerk_id: int, formaat: str):
    """The one export route: every format of the FORMATEN registry, each download audited."""
    f = FORMATEN.get(formaat)
    if f is None:
        abort(404)
    authorize(can_export_netwerk if f.persoonsgegevens else can_view_netwerk,
              netwerk_ref(netwerk_id))
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    naam = export_bestandsnaam(netwerk.naam, f)
    data = f.maak(netwerk_id)
    # exports carry personal data (e-mail addresses): who downloaded what is logged (committed
    # with the download by the request's commit point)
    begin_write(db.session)
    record_event(db.session, "export", f"Export {f.naam} ({naam})", netwerk_id=netwerk_id)
    return send_file(io.BytesIO(data), mimetype=f.mimetype, as_attachment=True,
                     download_name=naam)
