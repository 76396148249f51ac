"""Password reset by e-mail: a signed link, single use, valid one hour (domein.md §11).

Both pages are public (auth/guard.PUBLIC_ENDPOINTS). The request page answers the same whether
or not the address has an account, and both POSTs are rate-limited per client address.
"""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..editing import ongeldig
from ..extensions import limiter
from ..fouten import OperatieFout
from . import bp
from .forms import HerstelForm, VergetenForm
from .operations import herstel_gebruiker, herstel_wachtwoord, vraag_herstel

VERSTUURD = ("Als er een account bestaat met dit e-mailadres, krijg je binnen enkele minuten een "
             "e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt één uur.")
LIMIET = "5 per 15 minutes;20 per day"


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit(LIMIET, methods=["POST"], exempt_when=lambda: current_user.is_authenticated)
def wachtwoord_vergeten():
    if current_user.is_authenticated:
        return redirect(url_for("auth.wachtwoord"))
    form = VergetenForm()
    if form.validate_on_submit():
        vraag_herstel(form.email.data)
        flash(VERSTUURD, "info")
        return redirect(url_for("auth.login"))
    if form.errors:
        return ongeldig("auth/wachtwoord_vergeten.html", form=form)
    return render_template("auth/wachtwoord_vergeten.html", form=form)


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
@limiter.limit(LIMIET, methods=["POST"], exempt_when=lambda: current_user.is_authenticated)
def wachtwoord_herstellen(token: str):
    user = herstel_gebruiker(token)
    if user is None:
        return render_template("auth/wachtwoord_herstellen.html", form=None), 400
    form = HerstelForm()
    if form.validate_on_submit():
        try:
            herstel_wachtwoord(user, form.nieuw.data)
        except OperatieFout as fout:
            form.nieuw.errors = [str(fout)]
            return ongeldig("auth/wachtwoord_herstellen.html", form=form)
        flash("Je wachtwoord is gewijzigd. Meld je aan met je nieuwe wachtwoord.", "success")
        return redirect(url_for("auth.login"))
    if form.errors:
        return ongeldig("auth/wachtwoord_herstellen.html", form=form)
    return render_template("auth/wachtwoord_herstellen.html", form=form)
