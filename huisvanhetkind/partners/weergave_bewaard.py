"""Rendered pieces of the partner and aanbod lists, kept per network revisie (queries.per_revisie)
in the cache of rendered rows (cache.rijen): what every visit of a list renders again although
it changes only with the network. Autoescaped by Jinja before it is kept as Markup; nothing in
them belongs to one user (no CSRF token, no rights)."""
from __future__ import annotations

from datetime import date
from typing import Callable, NamedTuple

from flask import current_app, request
from markupsafe import Markup

from .. import cache
from ..main.template_helpers import url_per_rij
from .models import Aanbod, Netwerk
from .queries import entiteiten, per_revisie, per_revisie_rijen


def filterformulier(form, n: Netwerk, soort: str, reset_url: str) -> Markup:
    """The list's filter form (partners/_macros.filter_form, ~0.9 ms for the aanbod list's ten
    fields), per network revisie (the municipalities it offers) and the form's values."""
    def render() -> Markup:
        macros = current_app.jinja_env.get_template("partners/_macros.html").module
        return Markup(macros.filter_form(form, reset_url))

    waarden = tuple((f.name, repr(f.data)) for f in form)
    return per_revisie(soort, n, render, waarden, reset_url, lru=cache.rijen)


def netwerk_tabellen(n: Netwerk, overzicht) -> Markup:
    """The network page's tables of partners per sector (up to 12 linked names each) and aanbod
    per vorm (templates/partners/_netwerk_tabellen.html), rendered once per network revisie and
    day: they show the overview (queries.bewaard_overzicht), which is kept per revisie and day,
    and rendering their ~200 links was a third of the page."""
    def render() -> Markup:
        sjabloon = current_app.jinja_env.get_template("partners/_netwerk_tabellen.html")
        return Markup(sjabloon.render(netwerk=n, overzicht=overzicht))

    return per_revisie("netwerktabellen", n, render, date.today(), request.script_root,
                       lru=cache.rijen)


class AanbodRij(NamedTuple):
    """A row of the aanbod list as kept: what the row's actions need, and its other cells."""
    id: int
    naam: str
    organisatie_id: int
    cellen: Markup


def aanbod_rijen(n: Netwerk) -> Callable[[list[int]], dict[int, AanbodRij]]:
    """rijen(ids) for pagina_van: the aanbod list's rows with their cells but the actions
    (templates/partners/_aanbod_cellen.html), rendered once per network revisie, row and day and
    kept. A page whose rows are kept reads no aanbod at all; rendering 25 rows cost ~1.5 ms and
    loading them ~1.5 ms of every request. The revisie changes with every change of an aanbod
    or organisation of the network (revisie.py); the day moves 'niet nagekeken' and a start or
    end date. The actions (CSRF token, the user's rights) are rendered per request."""
    vandaag, root = date.today(), request.script_root

    def maak(ids: list[int]) -> dict[int, AanbodRij]:
        sjabloon = current_app.jinja_env.get_template("partners/_aanbod_cellen.html")
        links = dict(aanbod_url=url_per_rij("partners.aanbod", "aanbod_id"),
                     organisatie_url=url_per_rij("partners.organisatie", "organisatie_id"))
        return {a.id: AanbodRij(a.id, a.naam, a.organisatie_id,
                                Markup(sjabloon.render(a=a, **links)))
                for a in entiteiten(Aanbod, ids, Aanbod.organisatie).values()}

    return lambda ids: per_revisie_rijen("aanbodrij", n, ids, maak, vandaag, root,
                                         lru=cache.rijen)
