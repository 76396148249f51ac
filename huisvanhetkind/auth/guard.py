"""The one authorisation helper every view uses, and the actor of the current request."""
from __future__ import annotations

from flask import abort, current_app, g, request
from flask_login import current_user
from sqlalchemy import select

from ..db import begin_write
from ..extensions import db
from ..domein import permissions
from ..domein.permissions import ANONIEM, Actor

# Views anyone may reach; every other endpoint must call authorize() (checked after each request).
PUBLIC_ENDPOINTS = {"auth.login", "static", "bootstrap.static", "main.vendor", "referentie.over",
                    "main.gezondheid",
                    # a signed, expiring, single-use token in the link is the permission
                    "auth.wachtwoord_vergeten", "auth.wachtwoord_herstellen",
                    "meldingen.nog_actueel", "gids.gids", "gids.aanbod"}
# The HSDS API is open data (domein.md §13): anyone may call it, and sees what hsds/queries.py
# lets their actor (anonymous, or a token's or session's user) see.
PUBLIC_ENDPOINTS |= {f"hsds.{naam}" for naam in (
    "meta", "openapi_document", "services", "service", "service_at_locations",
    "service_at_location", "organizations", "organization", "taxonomies", "taxonomy",
    "taxonomy_terms", "taxonomy_term")}


def current_actor() -> Actor:
    if "actor" not in g:
        g.actor = actor_for(current_user) if current_user.is_authenticated else ANONIEM
    return g.actor


def actor_for(user) -> Actor:
    """The user's rights as plain facts. The networks they come from are read with the user
    when the user loader read them (auth/session.py: one statement per request), else here."""
    coordinator_ids, lid_ids = getattr(user, "netwerk_ids", None) or _netwerk_ids(user.id)
    return Actor(id=user.id, rol=user.rol,
                 coordinator_van=coordinator_ids if user.rol == permissions.COORDINATOR
                 else frozenset(),
                 organisatie_id=user.organisatie_id,
                 lid_van=lid_ids if user.rol == permissions.PARTNER and user.organisatie_id
                 else frozenset(),
                 provincies=frozenset(user.provincies or ()))


def netwerk_ids_kolommen():
    """The networks a user's rights come from, as two subqueries correlated with Gebruiker
    (each its ids joined by commas): the networks they coordinate, and the ones their
    organisation is an active member of. The one place of this rule; `netwerk_ids` reads them."""
    from sqlalchemy import String, cast, func

    from ..auth.models import Gebruiker, gebruiker_netwerk
    from ..partners.models import Lidmaatschap

    coordinator = (select(func.aggregate_strings(cast(gebruiker_netwerk.c.netwerk_id, String), ","))
                   .where(gebruiker_netwerk.c.gebruiker_id == Gebruiker.id).scalar_subquery())
    lid = (select(func.aggregate_strings(cast(Lidmaatschap.netwerk_id, String), ","))
           .where(Lidmaatschap.organisatie_id == Gebruiker.organisatie_id,
                  Lidmaatschap.lid_tot.is_(None)).scalar_subquery())
    return coordinator, lid


def netwerk_ids(coordinator: str | None, lid: str | None) -> tuple[frozenset[int], frozenset[int]]:
    return (frozenset(int(i) for i in (coordinator or "").split(",") if i),
            frozenset(int(i) for i in (lid or "").split(",") if i))


def _netwerk_ids(gebruiker_id: int) -> tuple[frozenset[int], frozenset[int]]:
    from ..auth.models import Gebruiker

    rij = db.session.execute(select(*netwerk_ids_kolommen())
                             .where(Gebruiker.id == gebruiker_id)).one_or_none()
    return netwerk_ids(*rij) if rij else (frozenset(), frozenset())


def allowed(check, *targets) -> bool:
    """Ask a permission without enforcing it (e.g. to show or hide a button)."""
    return bool(check(current_actor(), *targets))


def authorize(check, *targets) -> None:
    """Decide access for this request: 403 (and an audit entry) unless check(actor, *targets)."""
    g.authz_decided = True
    actor = current_actor()
    if check(actor, *targets):
        return
    if not actor.authenticated:
        abort(401)
    # not a view, yet it commits: the refusal must outlive the commit point's rollback of the 403
    db.session.rollback()  # nothing the request did before the refusal goes with it
    leg_weigering_vast("toegang_geweigerd",
                       f"{request.method} {request.path} ({check.__name__})")
    abort(403)


def leg_weigering_vast(actie: str, omschrijving: str, **kwargs) -> None:
    """Write a refusal (access denied, a failed or blocked login) to the audit log, together
    with what the caller recorded for it (a failed login attempt), and commit it NOW.

    The one commit outside the request's commit point (main/commit.py), on purpose: a refusal is
    answered with an error status (403/422/429), on which the commit point rolls back, and a
    refusal that leaves no trace is worthless for the audit log and for login throttling. Its
    callers have written nothing else: authorize() rolls back first, login() and wachtwoord()
    refuse before they change anything."""
    from ..audit.log import record_event
    begin_write(db.session)  # also on GET: the refusal itself is written to the audit log
    record_event(db.session, actie, omschrijving, **kwargs)
    db.session.commit()


def enforce_decision(response):
    """after_request: a non-public view that never called authorize() fails closed."""
    endpoint = request.endpoint
    if (endpoint is None or endpoint in PUBLIC_ENDPOINTS or g.get("authz_decided")
            or response.status_code >= 400 or request.method == "OPTIONS"):
        return response
    if current_app.testing:
        raise AssertionError(f"View {endpoint} took no authorisation decision")
    current_app.logger.error("View %s took no authorisation decision: refused", endpoint)
    return current_app.response_class("Toegang geweigerd", status=403)
