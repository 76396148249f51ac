"""The public guide (domein.md §13): `/gids/<netwerk id>` for families, without logging in.

Only for a network that publishes (`publiek`); anyone else gets 404, except those who may publish
it, who see a preview. Pages are cacheable: the ETag is the network's revisie (revisie.py: it
changes with every commit touching the network's facts, its members' aanbod included) plus the
day (aanbod starts and ends), so a conditional request is answered with 304 after one statement.
Anonymous traffic is rate-limited (GIDS_RATELIMIT per client address, Flask-Limiter). The pages
show no contact person: only the aanbod, its organisation and how to reach them.
"""
from __future__ import annotations

from datetime import date, datetime, time
from importlib import metadata

from flask import abort, current_app, render_template, request, session

from .. import cache
from ..auth.guard import allowed
from ..auth.session import content_security_policy
from ..domein.gids import frame_ancestors
from ..domein.permissions import NetwerkRef, can_view_gids
from ..extensions import db, limiter
from ..partners.forms_aanbod import ALLE, filter_waarden
from ..partners.queries import PER_PAGINA, bewaarde_gemeenten
from ..partners.queries_aanbod import AanbodFilter
from ..partners.refs import netwerk_ref
from . import bp
from .forms import ZOEKVELDEN, GidsZoekForm
from .queries import GidsNetwerk, gids_aanbod, gids_netwerk, gids_stmt

try:
    VERSIE = metadata.version("huisvanhetkind")
except metadata.PackageNotFoundError:  # pragma: no cover - a checkout that was never installed
    VERSIE = "0"


def _aangemeld() -> bool:
    # from the session cookie: no user query for the anonymous traffic the limit is for
    return "_user_id" in session


limiet = limiter.shared_limit(lambda: current_app.config["GIDS_RATELIMIT"], scope="gids",
                              exempt_when=_aangemeld)


def _netwerk(netwerk_id: int) -> GidsNetwerk:
    """The network if this visitor may see its guide; 404 otherwise (a network that does not
    publish is not there for the public, not 'forbidden')."""
    n = gids_netwerk(netwerk_id)
    # a publishing network's guide is for everyone: its provinces do not matter (no query)
    ref = NetwerkRef(n.id) if n.publiek else netwerk_ref(n.id)
    if not allowed(can_view_gids, ref, n.publiek):
        abort(404)
    return n


def _antwoord(n: GidsNetwerk, vandaag: date):
    """The response, already answered (304) when the visitor's copy is still current."""
    r = current_app.response_class(mimetype="text/html")
    r.headers["Content-Security-Policy"] = content_security_policy(
        frame_ancestors(n.gids_origins))
    if not n.publiek:  # a preview for its coordinators: never cached
        r.cache_control.no_store = True
        return r
    r.set_etag(f"{n.revisie:x}-{vandaag:%Y%m%d}-{VERSIE}")
    r.last_modified = max(n.updated_at, datetime.combine(vandaag, time()))
    r.cache_control.public = True
    r.cache_control.max_age = current_app.config["GIDS_MAX_AGE"]
    return r.make_conditional(request)


def _zoekopdracht() -> dict[str, str]:
    """The search in the URL, carried from the list to an aanbod and back: known fields only
    (never a url_for argument such as netwerk_id or _external)."""
    return {k: v for k, v in request.args.items() if k in ZOEKVELDEN}


# Rendered pages of publishing networks, per network state, day and URL: what most visitors ask
# (the first page, a common filter) is built once per worker. Its own cache, so anonymous
# traffic does not push out the analyses of the registry (cache.py).
paginas = cache.Lru(512)


def _pagina(n: GidsNetwerk, vandaag: date, soort: str, bouw) -> str:
    sleutel = (soort, n.id, n.revisie, vandaag, request.path, request.query_string)
    return paginas.remember(sleutel if n.publiek else None, bouw)


def _gemeenten(n: GidsNetwerk) -> tuple[tuple[str, str], ...]:
    """The municipalities to filter on, once per network revisie."""
    return bewaarde_gemeenten(n, paginas)


@bp.get("/gids/<int:netwerk_id>")
@limiet
def gids(netwerk_id: int):
    n = _netwerk(netwerk_id)
    vandaag = date.today()
    r = _antwoord(n, vandaag)
    if r.status_code == 304:
        return r

    def bouw() -> str:
        form = GidsZoekForm(request.args)
        form.gemeente.choices = ALLE + list(_gemeenten(n))
        filters = filter_waarden(form)
        pagina = db.paginate(gids_stmt(n.id, AanbodFilter(vandaag=vandaag, **filters)),
                             per_page=PER_PAGINA, max_per_page=PER_PAGINA, error_out=False)
        return render_template("gids/gids.html", netwerk=n, form=form, pagina=pagina,
                               gezocht=any(filters.values()), zoekopdracht=_zoekopdracht())
    r.set_data(_pagina(n, vandaag, "lijst", bouw))
    return r


@bp.get("/gids/<int:netwerk_id>/aanbod/<int:aanbod_id>")
@limiet
def aanbod(netwerk_id: int, aanbod_id: int):
    n = _netwerk(netwerk_id)
    vandaag = date.today()
    r = _antwoord(n, vandaag)
    if r.status_code == 304:
        return r

    def bouw() -> str:
        a = gids_aanbod(n.id, aanbod_id, vandaag)  # NietGevonden: 404, nothing cached
        return render_template("gids/aanbod.html", netwerk=n, aanbod=a,
                               zoekopdracht=_zoekopdracht())
    r.set_data(_pagina(n, vandaag, "aanbod", bouw))
    return r
