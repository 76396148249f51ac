"""Jinja filters and globals: nl-BE dates, taxonomy labels, navigation context."""
from __future__ import annotations

from datetime import date, datetime, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

from flask import Flask, current_app, request, session, url_for
from flask_login import current_user
from markupsafe import Markup

from ..domein import permissions
from ..auth.guard import allowed, current_actor
from ..domein import kbo
from .navigation import NAV_PERMISSIE, NETWERK_NAV
from ..domein import bevraging, gemeenten, taxonomie
from ..domein.tekst import aantal, decimaal, getal, namen_kort
from ..audit import weergave

BRUSSEL = ZoneInfo("Europe/Brussels")


def datum(value) -> str:
    """dd/mm/jjjj (nl-BE)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        value = value.replace(tzinfo=timezone.utc).astimezone(BRUSSEL)
    return value.strftime("%d/%m/%Y")


def tijdstip(value) -> str:
    """dd/mm/jjjj uu:mm in Brussels time; stored timestamps are naive UTC."""
    if value is None:
        return "—"
    return value.replace(tzinfo=timezone.utc).astimezone(BRUSSEL).strftime("%d/%m/%Y %H:%M")


def label(code, taxonomie_naam: str) -> str:
    return taxonomie.ALLE[taxonomie_naam].label(code) if code else "—"


def labels(codes, taxonomie_naam: str) -> str:
    tax = taxonomie.ALLE[taxonomie_naam]
    ordered = [c for c in tax.keys() if c in set(codes or ())]
    return ", ".join(tax.label(c) for c in ordered) or "—"


def gemeentenamen(codes) -> str:
    return ", ".join(sorted(gemeenten.naam(c) for c in codes or ())) or "—"


def ja_nee(waarde, ja: str = "ja", nee: str = "nee") -> Markup:
    """✓ ja or ✗ nee, the sign hidden from screen readers. A function, not a macro: a Jinja macro
    call costs ~8 µs, and the province overview has two per network."""
    return Markup('<span aria-hidden="true">{}</span> {}').format(
        "✓" if waarde else "✗", ja if waarde else nee)


def wijzigingen(entry) -> list[tuple[str, str, str]]:
    """An audit entry's changes as (Dutch label, old, new), readable values."""
    return weergave.leesbaar(entry.tabel, entry.wijzigingen)


# an int the int converters accept, and that no other part of a URL of ours contains
_MERKER = 7_919_191_919


def url_per_rij(endpoint: str, sleutel: str, tekst: bool = False, **vast):
    """url_for for a link that repeats per row (893 partner links on the largest network's page):
    werkzeug builds the URL once with a marker for the row's key, each row fills in its int
    (~17 µs per url_for against <1 µs), or with `tekst` its string, quoted as werkzeug quotes a
    path part (a voorwaarde id). Per render: the URL depends on the request's root."""
    return _invuller(url_for(endpoint, **vast, **{sleutel: _MERKER}), endpoint, sleutel, tekst)


def pagina_link():
    """url_per_rij for the pagination of the current list: its own query and view arguments
    with `page` filled in (never url_for's options: _external, _scheme …, nor `endpoint`)."""
    args = {k: v for k, v in request.args.items()
            if not k.startswith("_") and k not in ("page", "endpoint")}
    args.update(request.view_args or {})
    endpoint = request.endpoint
    try:
        return _invuller(url_for(endpoint, **args, page=_MERKER), endpoint, "page")
    except ValueError:  # the marker's digits are in the user's own query (a search for them)
        return lambda p: url_for(endpoint, **args, page=p)


def _invuller(url: str, endpoint: str, sleutel: str, tekst: bool = False):
    voor, merker, na = url.partition(str(_MERKER))
    if not merker or str(_MERKER) in na:
        raise ValueError(f"{endpoint}: {sleutel} is not a single part of the URL")
    if tekst:
        return lambda waarde: f"{voor}{quote(str(waarde), safe=_PAD_VEILIG)}{na}"
    return lambda waarde: f"{voor}{int(waarde)}{na}"


_PAD_VEILIG = "!$&'()*+,/:;=@"  # werkzeug's BaseConverter.to_url


def netwerk_opties(netwerken, gekozen_id: int | None) -> Markup:
    """The <option>s of the menu's network switcher (templates/main/_netwerk_opties.html),
    rendered once per list of (id, naam) and choice and kept in cache.rijen: a consultant of all
    of Flanders has 130 of them on every page (~0.5 ms). Autoescaped by Jinja before it is kept
    as Markup."""
    from .. import cache
    paren = tuple((n.id, n.naam) for n in netwerken)
    return cache.rijen.remember(("netwerkopties", paren, gekozen_id), lambda: Markup(
        current_app.jinja_env.get_template("main/_netwerk_opties.html").render(
            netwerken=paren, gekozen_id=gekozen_id)))


def install(app: Flask) -> None:
    app.add_template_filter(datum)
    app.add_template_filter(aantal)
    app.add_template_filter(namen_kort)
    app.add_template_filter(getal)
    app.add_template_filter(decimaal)
    app.add_template_filter(wijzigingen)
    app.add_template_filter(tijdstip)
    app.add_template_filter(label)
    app.add_template_filter(labels)
    app.add_template_filter(gemeentenamen)
    app.add_template_filter(gemeenten.naam, "gemeentenaam")
    app.add_template_filter(kbo.formatted, "kbo")
    app.add_template_global(allowed)
    app.add_template_global(permissions, "perm")
    app.add_template_global(taxonomie, "tax")
    app.add_template_global(bevraging, "bv")  # the survey's labels and threshold (also the dossier)
    app.add_template_global(date.today, "vandaag")
    app.add_template_global(url_per_rij)
    app.add_template_global(pagina_link)
    app.add_template_global(ja_nee)

    @app.context_processor
    def navigation():
        if not current_user or not current_user.is_authenticated:
            return {}
        from ..partners.queries import zichtbare_netwerk_namen
        netwerken = zichtbare_netwerk_namen()
        # the network in the URL wins; otherwise the one picked in the switcher
        gekozen_id = (request.view_args or {}).get("netwerk_id") or session.get("netwerk_id")
        gekozen = next((n for n in netwerken if n.id == gekozen_id), None)
        if gekozen is None and len(netwerken) == 1:
            gekozen = netwerken[0]
        nav = list(NETWERK_NAV)
        if gekozen is not None:
            # gekozen is one the actor may read, so their own provinces stand in for its
            # (saves a query on every page); links the actor would get a 403 on are left out
            ref = permissions.NetwerkRef(gekozen.id, provincies=current_actor().provincies)
            nav = [(endpoint, label) for endpoint, label in nav if endpoint not in NAV_PERMISSIE
                   or allowed(getattr(permissions, NAV_PERMISSIE[endpoint]), ref)]
        return {"nav_netwerken": netwerken, "nav_netwerk": gekozen, "actor": current_actor(),
                "netwerk_nav": nav, "nav_opties": netwerk_opties(
                    netwerken, gekozen.id if gekozen is not None else None)
                if len(netwerken) > 1 else None}
