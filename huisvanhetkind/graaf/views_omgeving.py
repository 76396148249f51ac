"""The omgevingsanalyse of a network (domein.md §12): the indicators of its municipalities with
year and source, the need per municipality (SVG chart with a table twin) and the lacunes with the
highest need. Everything comes from the one analysis bundle (pipeline.bundel)."""
from __future__ import annotations

from collections import defaultdict

from flask import Response, render_template
from markupsafe import Markup

from ..luie_import import later
from ..auth.guard import allowed, authorize
from ..domein import nood
from ..domein.permissions import can_edit_netwerk, can_view_netwerk
from ..domein.taxonomie import INDICATOR
from ..partners.export import bestandsnaam
from ..partners.refs import netwerk_ref
from . import bp

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
nood_image = later("huisvanhetkind.graaf.nood_image")
pipeline = later("huisvanhetkind.pipeline")

TOP = 10
_ORDE = {c: i for i, c in enumerate(INDICATOR.keys())}


def _titel(naam: str) -> str:
    return f"Nood per gemeente in {naam}"


@bp.get("/netwerken/<int:netwerk_id>/omgeving")
def omgeving(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    r = pipeline.bundel(netwerk_id)
    n = r.netwerk
    gebruikt = set(nood.laatste(n.indicatoren).values())
    per_gemeente = defaultdict(list)
    for i in sorted(n.indicatoren, key=lambda i: (_ORDE.get(i.indicator, 99), -i.jaar)):
        per_gemeente[i.nis].append(i)
    rijen = nood.per_gemeente(n, r.lacunes)
    return render_template(
        "graaf/omgeving.html", r=r, netwerk_id=netwerk_id, rijen=rijen,
        per_gemeente=per_gemeente, gebruikt=gebruikt,
        grafiek=Markup(nood_image.svg(rijen, _titel(n.naam))),  # every text XML-escaped
        sectie=nood.omgevingsanalyse(n, r.lacunes, TOP), top=TOP,
        fictief=any("fictief" in i.bron.casefold() for i in n.indicatoren),
        mag_bewerken=allowed(can_edit_netwerk, ref))


@bp.get("/netwerken/<int:netwerk_id>/omgeving/nood.svg")
def omgeving_afbeelding(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    r = pipeline.bundel(netwerk_id)
    body = nood_image.svg(nood.per_gemeente(r.netwerk, r.lacunes), _titel(r.netwerk.naam))
    bestand = bestandsnaam(f"{r.netwerk.naam} nood per gemeente", "svg")
    return Response(body.encode("utf-8"), mimetype="image/svg+xml",
                    headers={"Content-Disposition": f'attachment; filename="{bestand}"'})
