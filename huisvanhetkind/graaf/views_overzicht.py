"""The consultants' overview: every network of a province side by side, sortable server-side.

All networks are read through the one pipeline in one batch (a fixed number of statements
whatever their number) and evaluated at today's date; each row is cached per process for the same
facts (cache.py).
"""
from __future__ import annotations

from datetime import date

from flask import abort, current_app, render_template, request
from markupsafe import Markup

from .. import cache
from ..auth.guard import authorize, current_actor
from ..domein.permissions import CONSULTANT, can_view_overview
from ..luie_import import later
from ..domein import gemeenten
from ..domein import aanvraag
from ..domein.beoordeling import VOORWAARDEN
from ..erkenning.queries import aanvraag_overzicht
from ..main.peildatum import peildatum_uit_request
from ..main.template_helpers import url_per_rij
from ..partners.queries import zichtbare_netwerk_namen
from . import bp, queries

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
graafanalyse = later("huisvanhetkind.domein.analyse")
pipeline = later("huisvanhetkind.pipeline")

KOLOMMEN = [  # (code, kop, numeric)
    ("naam", "Netwerk", False),
    ("provincies", "Provincie", False),
    ("leden", "Partners", True),
    ("aanbod", "Aanbod", True),
    ("geisoleerd", "Geïsoleerd", True),
    ("lacunes", "Lacunes", True),
    ("overlappen", "Overlappen", True),
    ("erkenbaar", "Erkenbaar", False),
    ("subsidieerbaar", "Subsidieerbaar", False),
    ("aanvraag", "Aanvraag", False),
    ("review", "Review", True),
    ("termijn", "Volgende termijn", False),
]
SORTEERBAAR = {code for code, _, _ in KOLOMMEN}


def _rij(ev) -> dict:
    facts = ev.netwerk
    return {
        "id": facts.id, "naam": facts.naam,
        "provincies": ", ".join(sorted({p for p in map(gemeenten.provincie_van, facts.gemeenten)
                                        if p})) or "—",
        "leden": len(facts.partners), "aanbod": len(facts.aanbod),
        # geisoleerd without the whole graph analysis: the overview reads 130 networks
        "geisoleerd": len(graafanalyse.geisoleerd(facts)), "lacunes": len(ev.lacunes),
        "overlappen": len(ev.overlappen), "erkenbaar": ev.beoordeling.erkenbaar,
        "subsidieerbaar": ev.beoordeling.subsidieerbaar,
        "erkenningsdatum": facts.erkenningsdatum,
    }


def _rijen(netwerk_ids: list[int], vandaag: date, alleen_bewaard: bool = False) -> list[dict]:
    # kept per network state like the bundles (pipeline.afgeleid); a copy per request: the
    # template may not change what other requests share
    return [dict(r) for r in pipeline.afgeleid(netwerk_ids, vandaag, "overzicht", _rij,
                                               alleen_bewaard).values()]


def vooraf_lezen() -> int:
    """What the first overview after a restart needs, read in gunicorn's master before it forks
    (opstart.py) so that every worker starts with it: the heads of all networks (~0.1 s to
    derive for Flanders' 130), the rows kept in the database, their aanvraag columns and the
    rendered rows, and the compiled statements. Nothing is computed that is not kept yet (a
    fresh database starts the ordinary way). Needs a request context (the rows' links).
    Returns the number of rows read."""
    vandaag = date.today()
    rijen = _rijen(queries.netwerk_ids_in(None), vandaag, alleen_bewaard=True)
    _aanvraag_kolommen(rijen, vandaag)
    _rijen_html(rijen)
    return len(rijen)


def _aanvraag_kolommen(rijen: list[dict], peildatum: date) -> None:
    """The aanvraag's state, the review progress and the next deadline: read fresh (they are
    not part of a network's facts), in one statement for all rows."""
    stand = aanvraag_overzicht([r["id"] for r in rijen])
    orde = {t: i for i, t in enumerate(aanvraag.TOESTANDEN)}
    for r in rijen:
        toestand, advies, beoordeeld = stand.get(r["id"], (None, None, 0))
        toestand = toestand or aanvraag.CONCEPT
        r["aanvraag"] = (orde[toestand], aanvraag.TOESTANDEN[toestand])
        r["advies"] = aanvraag.ADVIEZEN.get(advies) if advies else None
        r["review"] = beoordeeld
        r["review_van"] = len(VOORWAARDEN)
        t = aanvraag.termijnen(r["erkenningsdatum"])
        volgende = [(d, w) for d, w in ((t.voortgang, "voortgangsrapport"),
                                        (t.eindrapport, "eindrapport en engagementen"))
                    if d >= peildatum] if t else []
        r["termijn"] = (volgende[0][0], volgende[0][1]) if volgende else (date.max, None)


# the table's links per network (main/template_helpers.url_per_rij)
LINKS = {"netwerk_url": "partners.netwerk", "analyse_url": "graaf.analyse",
         "dekking_url": "graaf.dekking", "aanvraag_url": "erkenning.aanvraag"}


def _rijen_html(rijen: list[dict]) -> list[Markup]:
    """Each row of the table (templates/graaf/_overzicht_rij.html), rendered once per its values
    and kept: 64 rows of 12 cells cost ~3 ms to render on every request, and a row changes only
    with its network's facts or aanvraag. Autoescaped by Jinja before it is kept as Markup; the
    same for everyone who may see the overview (a row holds no per-user part)."""
    sjabloon = current_app.jinja_env.get_template("graaf/_overzicht_rij.html")
    links: dict = {}

    def render(r: dict) -> Markup:
        if not links:  # built once per request, only when a row is not kept yet
            links.update({naam: url_per_rij(endpoint, "netwerk_id")
                          for naam, endpoint in LINKS.items()})
        return Markup(sjabloon.render(r=r, **links))

    root = request.script_root  # the links depend on where the app is mounted
    return [cache.rijen.remember(("overzichtrij", root, *r.values()), lambda r=r: render(r),
                                 groep=("overzichtrij", r["id"])) for r in rijen]


@bp.get("/overzicht")
def provincie_overzicht():
    provincie = request.args.get("provincie") or None
    authorize(can_view_overview, provincie)
    if provincie is not None and provincie not in gemeenten.provincies():
        abort(404)
    actor = current_actor()
    beperkt = actor.rol == CONSULTANT and bool(actor.provincies)
    keuzes = sorted(actor.provincies) if beperkt else gemeenten.provincies()
    bereik = ({provincie} if provincie else set(actor.provincies) if beperkt else None)
    vandaag, peildatum_fout = peildatum_uit_request()  # ?op=: the networks as they stood then
    if (set(bereik) if bereik is not None else None) == (set(actor.provincies) if beperkt else None):
        # what the actor sees anyway: the menu's switcher list (ids and names only), read once
        # per request; full rows of 64 networks were ~18 % of the page
        netwerk_ids = [n.id for n in zichtbare_netwerk_namen()]
    else:
        netwerk_ids = queries.netwerk_ids_in(frozenset(bereik) if bereik is not None else None)
    rijen = _rijen(netwerk_ids, vandaag)
    _aanvraag_kolommen(rijen, vandaag)
    sort = request.args.get("sort", "naam")
    if sort not in SORTEERBAAR:
        sort = "naam"
    richting = "af" if request.args.get("richting") == "af" else "op"
    # by name first, then (stable, ties keep name order) by the chosen column
    rijen.sort(key=lambda r: (r["naam"].casefold(), r["id"]), reverse=sort == "naam" and
               richting == "af")
    if sort != "naam":
        rijen.sort(key=lambda r: r[sort], reverse=richting == "af")
    return render_template("graaf/overzicht.html", rijen_html=_rijen_html(rijen), kolommen=KOLOMMEN,
                           sort=sort,
                           richting=richting, provincie=provincie, keuzes=keuzes, beperkt=beperkt,
                           koppen={code: kop for code, kop, _ in KOLOMMEN},
                           bereik=sorted(bereik) if bereik else None, vandaag=vandaag,
                           peildatum_fout=peildatum_fout), 400 if peildatum_fout else 200
