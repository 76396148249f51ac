"""The coordinator's side of the guide: publish it or not, who may embed it, a preview link."""
from __future__ import annotations

from flask import url_for

from ..auth.guard import authorize
from ..domein.permissions import can_publish_gids
from ..editing import formulier_stap
from ..extensions import db
from ..partners.models import Netwerk
from ..partners.refs import netwerk_ref
from . import bp, operations
from .forms import PublicatieForm


@bp.route("/netwerken/<int:netwerk_id>/gids", methods=["GET", "POST"])
def publicatie(netwerk_id: int):
    authorize(can_publish_gids, netwerk_ref(netwerk_id))
    n = db.get_or_404(Netwerk, netwerk_id)
    form = PublicatieForm(obj=n)
    if not form.is_submitted():
        form.gids_origins.data = "\n".join(n.gids_origins)
    terug = url_for("gids.publicatie", netwerk_id=n.id)
    return formulier_stap(
        form, "gids/publicatie.html", dict(netwerk=n),
        lambda version: operations.zet_publicatie(n, form.publiek.data, form.origins(), version),
        lambda _: ("De publieke gids is online." if n.publiek
                   else "De publieke gids is offline."), terug)


