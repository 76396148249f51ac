"""Login, logout and changing one's own password."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from sqlalchemy import update

from ..audit.log import record_event
from ..db import utcnow
from ..extensions import db
from . import bp, throttle
from .forms import LoginForm, WachtwoordForm
from .models import Gebruiker
from .guard import authorize
from .operations import end_sessions, find_user, set_password
from .passwords import hash_password, needs_rehash, verify_password
from ..domein.permissions import is_authenticated

FOUTE_AANMELDING = "E-mailadres of wachtwoord is onjuist."


def safe_next(target: str | None) -> str:
    """Only redirect within this site: a relative path, never //host or a scheme."""
    if not target:
        return url_for("main.start")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target:
        return url_for("main.start")
    return target


@bp.route("/aanmelden", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.start"))
    form = LoginForm()
    if form.validate_on_submit():
        sleutel = throttle.key(form.email.data, request.remote_addr)
        if throttle.blocked(sleutel):
            record_event(db.session, "aanmelding_geblokkeerd",
                         f"Te veel mislukte aanmeldingen voor {form.email.data}",
                         gebruiker=form.email.data[:254])
            db.session.commit()
            form.wachtwoord.errors = [throttle.TE_VEEL]
            return render_template("auth/login.html", form=form), 429
        user = find_user(form.email.data)
        ok = verify_password(user.wachtwoord_hash if user else None, form.wachtwoord.data)
        if ok and user.actief:
            # A plain UPDATE, not an ORM change: bookkeeping must not bump the row's version, or
            # two simultaneous logins of one account would conflict (StaleDataError).
            values = {"laatst_aangemeld_op": utcnow()}
            if needs_rehash(user.wachtwoord_hash):
                values["wachtwoord_hash"] = hash_password(form.wachtwoord.data)
            db.session.execute(update(Gebruiker).where(Gebruiker.id == user.id).values(**values))
            throttle.clear(sleutel)
            session.clear()  # a fresh session at login: no fixation
            login_user(user)
            session.permanent = True
            session["aangemeld_om"] = time.time()
            record_event(db.session, "aanmelding", "Aangemeld", gebruiker_id=user.id,
                         gebruiker=user.email)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")))
        throttle.record_failure(sleutel)
        record_event(db.session, "aanmelding_mislukt", f"Mislukte aanmelding voor {form.email.data}",
                     gebruiker_id=user.id if user else None, gebruiker=form.email.data[:254])
        db.session.commit()
        # Same message for an unknown address and a wrong password: no hint who has an account.
        form.wachtwoord.errors = [FOUTE_AANMELDING]
    return render_template("auth/login.html", form=form)


@bp.post("/afmelden")
@login_required
def logout():
    authorize(is_authenticated)
    user = db.session.get(type(current_user._get_current_object()), current_user.id)
    end_sessions(user)
    record_event(db.session, "afmelding", "Afgemeld")
    db.session.commit()
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
        if not verify_password(user.wachtwoord_hash, form.huidig.data):
            form.huidig.errors = ["Het huidige wachtwoord is onjuist."]
        else:
            set_password(user, form.nieuw.data)
            record_event(db.session, "wachtwoord_gewijzigd", "Eigen wachtwoord gewijzigd")
            db.session.commit()
            login_user(user)  # the session token changed: keep this session, end the others
            session["aangemeld_om"] = time.time()
            flash("Je wachtwoord is gewijzigd. Andere sessies zijn afgemeld.", "success")
            return redirect(url_for("main.start"))
    return render_template("auth/wachtwoord.html", form=form)


from . import users  # noqa: E402,F401
