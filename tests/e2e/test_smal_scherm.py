"""Every HTML page of the url_map at 390 px wide (a phone) is no wider than the viewport.

A page may hold a wide table, but only inside its own scrolling container: the page itself never
scrolls sideways. A new GET route fails this test until it is visited here or listed as not HTML."""
from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
BREEDTE = 390

# GET routes that answer with something other than an HTML page (files, JSON, images, redirects).
GEEN_PAGINA_PREFIX = ("api.", "hsds.")  # the JSON APIs
GEEN_PAGINA = {
    "erkenning.aanvraag_versie_pdf",
    "static", "bootstrap.static", "main.vendor", "main.gezondheid", "partners.import_sjabloon",
    "partners.export_bestand", "erkenning.dossier_pdf", "graaf.graaf_data", "graaf.dekking_afbeelding",
    "graaf.omgeving_afbeelding",
    "audit.privacy_export", "api.openapi_document", "api.netwerk_analyse", "api.erkenning",
    "partners.import_resultaat",  # only right after an import; without one it redirects
    "bevraging.export", "zelfevaluatie.export",
}
# Routes only another role reaches; visited in that role's pass.
ROLLEN = {
    "beheerder@demo.hvk.be": None,  # every route the beheerder may see
    "partner@demo.hvk.be": {"main.start", "partners.te_beantwoorden", "bevraging.antwoord"},
    "coordinator@demo.hvk.be": {"main.start"},
    "consultant@demo.hvk.be": {"main.start", "graaf.provincie_overzicht"},
}


def _ids(app) -> dict:
    """Ids of the demo's first network and of one object of each kind in it."""
    from huisvanhetkind import pipeline
    from huisvanhetkind.auth.models import Gebruiker
    from huisvanhetkind.auth.operations import maak_token
    from huisvanhetkind.erkenning import aanvraag_operations
    from huisvanhetkind.erkenning.models import Actie
    from huisvanhetkind.meldingen import tokens
    from huisvanhetkind.extensions import db
    from huisvanhetkind.graaf.models import Verwijzing
    from huisvanhetkind.partners.models import Aanbod, Contactpersoon, Lidmaatschap

    with app.app_context():
        eerste = lambda stmt: db.session.scalars(stmt.limit(1)).one()  # noqa: E731
        lid = eerste(select(Lidmaatschap).where(Lidmaatschap.netwerk_id == 1)
                     .order_by(Lidmaatschap.id))
        contact = eerste(select(Contactpersoon).order_by(Contactpersoon.id))
        aanbod = db.session.get(Aanbod, eerste(select(Aanbod.id).order_by(Aanbod.id)))
        beheerder = db.session.scalars(select(Gebruiker).where(Gebruiker.rol == "beheerder")
                                       .order_by(Gebruiker.id)).first()
        api_token, _ = maak_token(beheerder.id, "Koppeling", "lezen")
        bundel = pipeline.bundel(1)
        versie = aanvraag_operations.indienen(
            1, None, version="0", toestand="concept", door_id=None,
            bevries=lambda: aanvraag_operations.Bevroren(
                bundel.peildatum, bundel.netwerk, bundel.erkenning_json(), b"%PDF-1.7 test"))
        ids = {
            "token_id": api_token.id, "versie_id": versie.id,
            # both links of a mail: the right token per route (PER_ROUTE)
            "nog_actueel": tokens.maak(tokens.NOG_ACTUEEL, aanbod.id, aanbod.laatst_nagekeken_op),
            "herstel": tokens.maak(tokens.WACHTWOORD_HERSTEL, beheerder.id,
                                   beheerder.wachtwoord_hash),
            "netwerk_id": 1, "lid_id": lid.id, "organisatie_id": contact.organisatie_id,
            "contact_id": contact.id,
            "aanbod_id": eerste(select(Aanbod.id).order_by(Aanbod.id)),
            "actie_id": eerste(select(Actie.id).where(Actie.netwerk_id == 1).order_by(Actie.id)),
            "verwijzing_id": eerste(select(Verwijzing.id).order_by(Verwijzing.id)),
            "gebruiker_id": eerste(select(Gebruiker.id).order_by(Gebruiker.id)),
            "tabel": "organisatie", "record_id": contact.organisatie_id, "voorwaarde": "E1",
        }
        ids.update(_bevraging(beheerder.id))
        ids.update(_zelfevaluatie())
        db.session.commit()
        return ids


def _bevraging(beheerder_id: int) -> dict:
    """A meetmoment of the first network that three members finished (results and drawing
    shown), and the demo partner's own participation in it."""
    from datetime import timedelta

    from huisvanhetkind.auth.models import Gebruiker
    from huisvanhetkind.bevraging import operations
    from huisvanhetkind.extensions import db

    vandaag = date.today()
    m = operations.open_meetmoment(1, "Voorjaar", vandaag + timedelta(days=14), vandaag)
    orgs = [d.organisatie_id for d in m.deelnames]
    for d in m.deelnames[:3]:
        operations.bewaar_antwoord(d, {p: {"intensiteit": "samenwerking", "bijdragen": ["geld"],
                                           **dict.fromkeys(("openheid", "betrouwbaarheid",
                                                            "missie", "invloed", "middelen",
                                                            "betrokkenheid"), 3)}
                                       for p in orgs if p != d.organisatie_id},
                                   True, d.version, vandaag)
    partner_org = db.session.scalar(select(Gebruiker.organisatie_id).where(
        Gebruiker.email == "partner@demo.hvk.be"))
    eigen = next((d for d in m.deelnames if d.organisatie_id == partner_org), m.deelnames[-1])
    return {"meetmoment_id": m.id, "deelname_id": eigen.id}


def _zelfevaluatie() -> dict:
    """A zelfevaluatie of the first network with one weak point (its linking pages)."""
    from huisvanhetkind.domein.zelfevaluatie import KERNPRINCIPES
    from huisvanhetkind.zelfevaluatie import operations

    z = operations.nieuwe_zelfevaluatie(
        1, datum=date.today(), scores={k: (2 if k == "burgerschap" else 3, "") for k in KERNPRINCIPES})
    return {"zelfevaluatie_id": z.id, "kernprincipe": "burgerschap"}


# URL arguments whose value depends on the route
PER_ROUTE = {"meldingen.nog_actueel": {"token": "nog_actueel"},
             "auth.wachtwoord_herstellen": {"token": "herstel"}}


def _paginas(app, ids: dict, endpoints: set[str] | None) -> list[str]:
    adapter = app.url_map.bind("localhost")
    urls, onbekend = [], []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in rule.methods or rule.endpoint in GEEN_PAGINA \
                or rule.endpoint.startswith(GEEN_PAGINA_PREFIX):
            continue
        if endpoints is not None and rule.endpoint not in endpoints:
            continue
        waarden = {**ids, **{k: ids[v] for k, v in PER_ROUTE.get(rule.endpoint, {}).items()}}
        missing = set(rule.arguments) - set(waarden)
        if missing:
            onbekend.append(f"{rule.rule}: {sorted(missing)}")
            continue
        urls.append(adapter.build(rule.endpoint, {k: waarden[k] for k in rule.arguments}))
    assert not onbekend, f"no value for these URL arguments; add them to _ids(): {onbekend}"
    return urls


def _te_breed(page) -> list[str]:
    """The page's width beyond the viewport, and the widest elements that cause it."""
    return page.evaluate("""(breedte) => {
        const doc = document.documentElement;
        if (doc.scrollWidth <= breedte) return [];
        const schuldig = [];
        for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > breedte + 1 && r.width > 0) {
                let binnen = false;  // inside a container that scrolls by itself: fine
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll' || o === 'hidden') { binnen = true; break; }
                }
                if (!binnen) schuldig.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
                    + ' ' + Math.round(r.right) + 'px');
            }
        }
        return ['pagina ' + doc.scrollWidth + 'px', ...schuldig.slice(0, 4)];
    }""", BREEDTE)


def test_no_page_is_wider_than_a_phone(app, runner, browser, live_server):
    from huisvanhetkind.demo import DEMO_USERS

    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    ids = _ids(app)
    problemen, bezocht = {}, 0
    for email, endpoints in ROLLEN.items():
        context = browser.new_context(locale="nl-BE", base_url=live_server,
                                      viewport={"width": BREEDTE, "height": 844},
                                      is_mobile=True, has_touch=True)
        page = context.new_page()
        login(page, email, next(u[2] for u in DEMO_USERS if u[0] == email))
        for url in _paginas(app, ids, endpoints):
            antwoord = page.goto(url)
            assert antwoord.status < 500, f"{url}: {antwoord.status}"
            if "text/html" not in antwoord.headers.get("content-type", ""):
                continue
            bezocht += 1
            gevonden = _te_breed(page)
            if gevonden:
                problemen[f"{email.split('@')[0]} {url}"] = gevonden
        context.close()
    assert bezocht > 60
    assert problemen == {}


@pytest.mark.parametrize("breedte", [1024, 1280])
def test_the_menu_fits_a_laptop_for_every_role(runner, browser, live_server, breedte):
    """The beheerder's menu (eight links, the network switcher, the account) was 1,305 px wide
    at 1,024 and 1,280 px, the consultant's 1,057 px at 1,024: the page scrolled sideways and the
    switcher was squeezed to an empty box. Their menu folds below 1,400 px now."""
    from huisvanhetkind.demo import DEMO_USERS

    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    for email in ROLLEN:
        context = browser.new_context(base_url=live_server, locale="nl-BE",
                                      viewport={"width": breedte, "height": 800})
        page = context.new_page()
        login(page, email, next(u[2] for u in DEMO_USERS if u[0] == email))
        page.goto("/netwerken/1")
        breed = page.evaluate("document.documentElement.scrollWidth")
        context.close()
        assert breed <= breedte, f"{email} op {breedte} px: pagina {breed} px"


def test_the_width_check_catches_a_wide_page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": BREEDTE, "height": 844})
    page = context.new_page()
    page.set_content("<body><div style='width:800px'>breed</div></body>")
    assert _te_breed(page)
    page.set_content("<body><div style='overflow-x:auto'><table style='width:800px'><tr><td>x"
                     "</td></tr></table></div></body>")
    assert _te_breed(page) == []
    context.close()


def test_the_menu_collapses_on_a_phone_and_opens_with_its_button(runner, browser, live_server):
    from huisvanhetkind.demo import DEMO_USERS

    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    context = browser.new_context(locale="nl-BE", base_url=live_server,
                                  viewport={"width": BREEDTE, "height": 844}, has_touch=True)
    page = context.new_page()
    email = "coordinator@demo.hvk.be"
    login(page, email, next(u[2] for u in DEMO_USERS if u[0] == email))
    menu = page.get_by_role("navigation", name="Hoofdnavigatie")
    assert menu.bounding_box()["height"] < 80  # was ~260 px before the menu collapsed
    netwerken = menu.get_by_role("link", name="Netwerken", exact=True)
    expect(netwerken).not_to_be_visible()
    knop = menu.get_by_role("button", name="Menu")
    assert knop.get_attribute("aria-expanded") == "false"
    knop.tap()
    # Bootstrap animates the menu open; a tap during the slide can land beside the moving
    # link, so wait until the transition is over (class "show", no "collapsing").
    page.wait_for_selector("#hoofdmenu.collapse.show")
    netwerken.wait_for(state="visible")
    assert knop.get_attribute("aria-expanded") == "true"
    with page.expect_navigation(url="**/netwerken"):
        netwerken.tap()
    context.close()


def test_wide_tables_on_a_phone_pass_axe(runner, browser, live_server):
    """At 390 px the tables scroll in their own box: that box is a named keyboard stop
    (axe's scrollable-region-focusable), and the collapsed menu has no serious issue."""
    from huisvanhetkind.demo import DEMO_USERS
    from tests.e2e.test_accessibility import _violations

    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True,
                                  viewport={"width": BREEDTE, "height": 844})
    page = context.new_page()
    email = "beheerder@demo.hvk.be"
    login(page, email, next(u[2] for u in DEMO_USERS if u[0] == email))
    problemen, schuivend = {}, 0
    for url in ["/", "/audit", "/gebruikers", "/netwerken/1/partners", "/netwerken/1/erkenning"]:
        page.goto(url)
        zonder_stop = page.evaluate("""() => [...document.querySelectorAll('.table-responsive')]
            .filter(b => b.scrollWidth > b.clientWidth + 1 && b.getAttribute('tabindex') !== '0')
            .length""")
        if zonder_stop:
            problemen[url] = [f"{zonder_stop} scrolling table box(es) without a keyboard stop"]
        schuivend += page.locator("[data-schuift=ja]").count()
        gevonden = _violations(page)
        if gevonden:
            problemen[url] = gevonden
    context.close()
    assert problemen == {}
    assert schuivend > 0, "no table scrolled at 390 px: the keyboard-stop check ran on nothing"


def test_a_wide_table_scrolls_in_its_box_with_its_words_whole(runner, browser, live_server):
    """At 390 px the province overview's table scrolls inside its .table-responsive box; it used
    to shrink into the screen by breaking every word (overflow-wrap: anywhere on main), its
    header 'Subsidieerbaar' a letter a line."""
    from huisvanhetkind.demo import DEMO_USERS

    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    context = browser.new_context(base_url=live_server, locale="nl-BE",
                                  viewport={"width": BREEDTE, "height": 844})
    page = context.new_page()
    email = "consultant@demo.hvk.be"
    login(page, email, next(u[2] for u in DEMO_USERS if u[0] == email))
    page.goto("/overzicht")
    box = page.locator(".table-responsive").first
    breed, zichtbaar = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert breed > zichtbaar
    kop = page.get_by_role("link", name="Subsidieerbaar")
    regel = float(kop.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert kop.bounding_box()["height"] < 1.5 * regel
    assert page.evaluate("document.documentElement.scrollWidth") <= BREEDTE
    context.close()
