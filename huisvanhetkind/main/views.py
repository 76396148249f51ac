"""Start page per role, the network switcher, vendored front-end files and a health check."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from flask import abort, redirect, render_template, request, send_from_directory, session, url_for
from sqlalchemy import func, select, text
from sqlalchemy.orm import selectinload

from ..auth.guard import authorize, current_actor
from ..auth.models import Gebruiker
from ..domein.permissions import COORDINATOR, PARTNER, can_view_netwerk, is_authenticated
from ..domein import aanvraag as aanvraag_domein
from ..meldingen import dashboard, te_doen
from ..extensions import db
from ..partners.models import Aanbod, Lidmaatschap, Organisatie
from ..partners.queries import netwerk_counts, zichtbare_netwerken
from ..partners.refs import netwerk_ref
from . import bp

# found, not imported: importing pyvis loads IPython and Jinja extras (~150 ms per app start)
VIS_DIR = Path(importlib.util.find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"


@bp.get("/")
def start():
    authorize(is_authenticated)
    actor = current_actor()
    netwerken = zichtbare_netwerken()
    context = {"netwerken": netwerken, "counts": netwerk_counts(netwerken)}
    if actor.rol == PARTNER and actor.organisatie_id:
        org = db.session.scalar(select(Organisatie).where(Organisatie.id == actor.organisatie_id)
                                .options(selectinload(Organisatie.aanbod)))
        context["organisatie"] = org
        context["verouderd"] = [a for a in org.aanbod if a.verouderd]
    if actor.rol == "beheerder":
        context["totalen"] = {
            "organisaties": db.session.scalar(select(func.count(Organisatie.id))),
            "aanbod": db.session.scalar(select(func.count(Aanbod.id))),
            "gebruikers": db.session.scalar(select(func.count(Gebruiker.id))),
            "lidmaatschappen": db.session.scalar(
                select(func.count(Lidmaatschap.id)).where(Lidmaatschap.lid_tot.is_(None))),
        }
    context["te_doen"] = te_doen.items(actor)
    if actor.rol == COORDINATOR:
        context["dashboard"] = dashboard.netwerken(netwerken)
        context["aanvraag_toestanden"] = aanvraag_domein.TOESTANDEN
        context["aanvraag_adviezen"] = aanvraag_domein.ADVIEZEN
    return render_template(f"main/start_{actor.rol}.html", **context)


@bp.post("/netwerk-kiezen")
def netwerk_kiezen():
    netwerk_id = request.form.get("netwerk_id", type=int)
    if netwerk_id is None:
        abort(400)
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    session["netwerk_id"] = netwerk_id
    return redirect(url_for("partners.netwerk", netwerk_id=netwerk_id))


@bp.get("/vendor/vis-network/<path:filename>")
def vendor(filename: str):
    """vis-network from the installed pyvis wheel: no CDN, works on an intranet."""
    return send_from_directory(VIS_DIR, filename, max_age=86400)


@bp.get("/gezondheid")
def gezondheid():
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
