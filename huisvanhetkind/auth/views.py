"""Login, logout and changing one's own password."""
from __future__ import annotations

import time
from urllib.parse import unquote, urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..domein.permissions import is_authenticated
from ..editing import ongeldig
from ..db import begin_write
from ..extensions import db
from ..fouten import OperatieFout
from . import bp, throttle
from .forms import LoginForm, WachtwoordForm
from .guard import authorize, leg_weigering_vast
from .operations import (HuidigWachtwoordOnjuist, find_user, meld_aan, meld_af,
                         wijzig_wachtwoord)
from .passwords import verificatieslot, verify_password

FOUTE_AANMELDING = "E-mailadres of wachtwoord is onjuist."


def _stuurteken(tekst: str) -> bool:
    return any(ord(c) < 0x20 or ord(c) == 0x7F for c in tekst)


def safe_next(target: str | None) -> str:
    """Only redirect within this site: a relative path, never //host or a scheme, and no control
    character, percent-encoded or not (a CR/LF would break the Location header: a 500)."""
    if not target:
        return url_for("main.start")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target or _stuurteken(unquote(target)):
        return url_for("main.start")
    return target


@bp.route("/aanmelden", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.start"))
    form = LoginForm()
    if form.validate_on_submit():
        # Read first (this endpoint starts read-only, app.py): the throttle and the user are
        # reads, and the argon2 check runs while no write lock is held — a login flood must
        # not stall other users' saves (issue 12). Only then one short write transaction.
        email, adres = form.email.data, request.remote_addr
        weigering = throttle.weigering(email, adres)
        if weigering:
            # answered without checking the password and without writing: a flood of refused
            # attempts costs no argon2 and takes no write lock; the failures before it are logged
            current_app.logger.warning("aanmelding geweigerd (throttle) voor %s vanaf %s",
                                       email[:254], adres)
            form.wachtwoord.errors = [weigering]
            return render_template("auth/login.html", form=form), 429
        user = find_user(email)
        with verificatieslot:  # one argon2 check at a time per worker: at most one core each
            ok = verify_password(user.wachtwoord_hash if user else None, form.wachtwoord.data)
        begin_write(db.session)
        if ok and user.actief:
            meld_aan(user, form.wachtwoord.data)
            throttle.gelukt(email)
            session.clear()  # a fresh session at login: no fixation
            login_user(user)
            session.permanent = True
            session["aangemeld_om"] = time.time()
            return redirect(safe_next(request.args.get("next")))
        throttle.mislukt(email, adres)
        leg_weigering_vast("aanmelding_mislukt", f"Mislukte aanmelding voor {form.email.data}",
                           gebruiker_id=user.id if user else None,
                           gebruiker=form.email.data[:254])
        # Same message for an unknown address and a wrong password: no hint who has an account.
        form.wachtwoord.errors = [FOUTE_AANMELDING]
    if form.errors:
        return ongeldig("auth/login.html", form=form)
    return render_template("auth/login.html", form=form)


@bp.post("/afmelden")
@login_required
def logout():
    authorize(is_authenticated)
    meld_af(db.session.get(type(current_user._get_current_object()), current_user.id))
    logout_user()
    session.clear()
    flash("Je bent afgemeld.", "success")
    return redirect(url_for("auth.login"))


@bp.route("/wachtwoord", methods=["GET", "POST"])
@login_required
def wachtwoord():
    authorize(is_authenticated)
    form = WachtwoordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        # the current password is guessed like a login: the same throttle, per account
        email, adres = user.email, request.remote_addr
        weigering = throttle.weigering(email, adres)
        if weigering:
            current_app.logger.warning("wachtwoord wijzigen geweigerd (throttle) voor %s vanaf %s",
                                       email, adres)
            form.huidig.errors = [weigering]
            return render_template("auth/wachtwoord.html", form=form), 429
        try:
            wijzig_wachtwoord(user, form.huidig.data, form.nieuw.data)
        except HuidigWachtwoordOnjuist as fout:
            throttle.mislukt(email, adres)  # committed with the refusal, despite the 422
            leg_weigering_vast("wachtwoord_mislukt",
                               "Wachtwoord wijzigen: het huidige wachtwoord is onjuist")
            form.huidig.errors = [str(fout)]
            return ongeldig("auth/wachtwoord.html", form=form)
        except OperatieFout as fout:
            form.huidig.errors = [str(fout)]
            return ongeldig("auth/wachtwoord.html", form=form)
        throttle.gelukt(email)
        login_user(user)  # the session token changed: keep this session, end the others
        session["aangemeld_om"] = time.time()
        flash("Je wachtwoord is gewijzigd. Andere sessies zijn afgemeld.", "success")
        return redirect(url_for("main.start"))
    if form.errors:
        return ongeldig("auth/wachtwoord.html", form=form)
    return render_template("auth/wachtwoord.html", form=form)


from . import users, views_tokens  # noqa: E402,F401
