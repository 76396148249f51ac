"""My notifications and their settings, the one-click 'nog actueel' link, and the outbox page."""
from __future__ import annotations

from flask import flash, has_request_context, redirect, render_template, request, url_for
from sqlalchemy import select

from ..audit.log import record_event
from ..auth.guard import authorize, current_actor
from ..domein.permissions import is_authenticated, is_beheerder
from ..editing import ongeldig
from ..extensions import db
from ..partners import operations as partner_operations
from ..partners.models import Aanbod
from . import bp, operations, outbox, te_doen, tokens
from .forms import KnopForm, VoorkeurForm
from .models import Melding, UitgaandeMail

PER_PAGINA = 50


@bp.app_context_processor
def menu_tellers():
    """The counts next to 'Te doen' and 'Meldingen' in the menu: one SQL statement per page."""
    if not has_request_context():
        return {}  # a template rendered outside a request (the dossier PDF from the CLI)
    actor = current_actor()
    if not actor.authenticated:
        return {}
    te_doen_n, ongelezen = te_doen.tellers(actor)
    return {"menu_te_doen": te_doen_n, "menu_ongelezen": ongelezen}


@bp.get("/meldingen")
def meldingen():
    authorize(is_authenticated)
    pagina = db.paginate(select(Melding).where(Melding.gebruiker_id == current_actor().id)
                         .order_by(Melding.aangemaakt_op.desc(), Melding.id.desc()),
                         per_page=PER_PAGINA, error_out=False)
    return render_template("meldingen/meldingen.html", pagina=pagina, form=KnopForm())


@bp.post("/meldingen/gelezen")
def gelezen():
    authorize(is_authenticated)
    if not KnopForm().validate_on_submit():
        return redirect(url_for("meldingen.meldingen"))
    n = operations.markeer_gelezen(current_actor().id)
    flash("Alle meldingen zijn gelezen." if n else "Er waren geen ongelezen meldingen.", "success")
    return redirect(url_for("meldingen.meldingen"))


@bp.route("/meldingen/instellingen", methods=["GET", "POST"])
def instellingen():
    authorize(is_authenticated)
    form = VoorkeurForm()
    if form.validate_on_submit():
        operations.zet_voorkeur(current_actor().id, form.mail.data)
        flash("Je keuze is bewaard.", "success")
        return redirect(url_for("meldingen.instellingen"))
    if form.errors:
        return ongeldig("meldingen/instellingen.html", form=form)
    form.mail.data = operations.voorkeur(current_actor().id)
    return render_template("meldingen/instellingen.html", form=form)


def _aanbod_voor(token: str) -> Aanbod | None:
    """The aanbod of a valid 'nog actueel' token whose state is still the one it was made for."""
    gelezen = tokens.lees(tokens.NOG_ACTUEEL, token)
    if gelezen is None:
        return None
    a = db.session.get(Aanbod, gelezen[0])
    if a is None or tokens.vingerafdruk(a.laatst_nagekeken_op) != gelezen[1]:
        return None  # used already (nagekeken since), or the aanbod is gone
    return a


@bp.route("/aanbod/nog-actueel/<token>", methods=["GET", "POST"])
def nog_actueel(token: str):
    """The one-click link of the reminder mail, without logging in (a public endpoint: the
    signed, expiring, single-use token is the permission). GET only shows the button."""
    a = _aanbod_voor(token)
    if a is None:
        return render_template("meldingen/nog_actueel.html", aanbod=None), 400
    form = KnopForm()
    if request.method == "POST" and form.validate_on_submit():
        partner_operations.markeer_nagekeken(a)
        record_event(db.session, "aanbod_nog_actueel",
                     f"Aanbod {a.naam} bevestigd als nog actueel via de link in de herinnering",
                     tabel="aanbod", record_id=a.id)
        return render_template("meldingen/nog_actueel.html", aanbod=a, bevestigd=True)
    return render_template("meldingen/nog_actueel.html", aanbod=a, form=form)


@bp.get("/beheer/mail")
def uitgaande_mail():
    authorize(is_beheerder)
    pagina = db.paginate(select(UitgaandeMail).order_by(UitgaandeMail.aangemaakt_op.desc(),
                                                        UitgaandeMail.id.desc()),
                         per_page=PER_PAGINA, error_out=False)
    return render_template("meldingen/uitgaande_mail.html", pagina=pagina,
                           ingesteld=outbox.mail_ingesteld())
