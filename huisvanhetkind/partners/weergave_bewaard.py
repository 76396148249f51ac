"""Rendered pieces of the partner and aanbod lists, kept per network revisie (queries.per_revisie)
in the cache of rendered rows (cache.rijen): what every visit of a list renders again although
it changes only with the network. Autoescaped by Jinja before it is kept as Markup; nothing in
them belongs to one user (no CSRF token, no rights)."""
from __future__ import annotations

from datetime import date

from flask import current_app, request
from markupsafe import Markup

from .. import cache
from ..main.template_helpers import url_per_rij
from .models import Aanbod, Netwerk
from .queries import per_revisie


def filterformulier(form, n: Netwerk, soort: str, reset_url: str) -> Markup:
    """The list's filter form (partners/_macros.filter_form, ~0.9 ms for the aanbod list's ten
    fields), per network revisie (the municipalities it offers) and the form's values."""
    def render() -> Markup:
        macros = current_app.jinja_env.get_template("partners/_macros.html").module
        return Markup(macros.filter_form(form, reset_url))

    waarden = tuple((f.name, repr(f.data)) for f in form)
    return per_revisie(soort, n, render, waarden, reset_url, lru=cache.rijen)


def aanbod_cellen(n: Netwerk):
    """The cells of an aanbod list row but its actions (templates/partners/_aanbod_cellen.html),
    rendered once per network revisie, row and day and kept: 25 rows cost ~1.5 ms to render on
    every request. The revisie changes with every change of an aanbod or organisation of the
    network (revisie.py); the day moves 'niet nagekeken' and a start or end date. The actions
    (CSRF token, the user's rights) are rendered per request. Autoescaped by Jinja before it is
    kept as Markup."""
    sjabloon = current_app.jinja_env.get_template("partners/_aanbod_cellen.html")
    links: dict = {}
    vandaag, root = date.today(), request.script_root

    def render(a: Aanbod) -> Markup:
        if not links:  # built once per request, only when a row is not kept yet
            links.update(aanbod_url=url_per_rij("partners.aanbod", "aanbod_id"),
                         organisatie_url=url_per_rij("partners.organisatie", "organisatie_id"))
        return Markup(sjabloon.render(a=a, **links))

    # per row its own kind, so that each row keeps its newest revisies (per_revisie's group)
    return lambda a: per_revisie(f"aanbodcellen-{a.id}", n, lambda: render(a), vandaag, root,
                                 lru=cache.rijen)


