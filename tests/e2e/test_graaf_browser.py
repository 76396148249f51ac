"""In Chromium (WebGL through SwiftShader): the network picture shows a script-like partner name
as text, runs no injected script and loads nothing from outside; search, focus, overview,
markings, the time slider, full screen on a phone and the export work; a 600-partner network is
usable within seconds and its labels never overlap."""
from datetime import date
from itertools import combinations

import pytest
from playwright.sync_api import expect

from huisvanhetkind.extensions import db
from tests import factories as f
from tests.e2e.conftest import login
from tests.factories import WACHTWOORD
from tests.graaf_helpers import XSS, groot_netwerk, xss_partner

pytestmark = pytest.mark.e2e

NO_INJECTED_IMG = "() => document.querySelectorAll('img[onerror]').length"
HVK = "document.getElementById('graaf').hvk"
TOESTAND = f"() => {HVK}.toestand()"


def _open_graph(page, netwerk_id):
    """Open the graph page; the list collects script errors and CSP violations."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(f"/netwerken/{netwerk_id}/graaf")
    page.wait_for_selector('#graaf[data-klaar="ja"]', timeout=30000)
    return errors


def _toestand(page) -> dict:
    return page.evaluate(TOESTAND)


def _klik_knoop(page, key):
    page.locator("#graaf").scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # camera animations (250 ms) settle first
    x, y = page.evaluate(f"k => {HVK}.punt(k)", str(key))
    page.mouse.click(x, y)


def _overlap(boxes) -> list:
    return [(a["tekst"], b["tekst"]) for a, b in combinations(boxes, 2)
            if a["x"] < b["x"] + b["b"] and b["x"] < a["x"] + a["b"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def structuur(app) -> dict:
    """Two groups of six joined only through 'Crèche Zoë' (a kwetsbare schakel with two
    bruggen), one partner without links; group B joined in 2025, group A in 2024."""
    from huisvanhetkind.partners.models import Netwerk
    with app.app_context():
        net = f.netwerk("Structuurnetwerk")
        a = [f.organisatie(f"Aa {i}", sector="welzijn") for i in range(6)]
        b = [f.organisatie(f"Bb {i}", sector="onderwijs") for i in range(6)]
        zoe = f.organisatie("Crèche Zoë", sector="kinderopvang")
        los = f.organisatie("Geïsoleerd Huis", sector="andere")
        for o in a + [zoe, los]:
            f.lid(net, o, lid_sinds=date(2024, 1, 1))
        for o in b:
            f.lid(net, o, lid_sinds=date(2025, 6, 1))
        for groep, sinds in ((a, date(2024, 2, 1)), (b, date(2025, 7, 1))):
            for x, y in combinations(groep, 2):
                f.verwijzing(x, y, "samenwerking", bevestigd=True, sinds=sinds)
        f.verwijzing(a[0], zoe, bevestigd=True, sinds=date(2024, 3, 1))
        f.verwijzing(zoe, b[0], sinds=date(2025, 8, 1))
        db.session.commit()
        ids = {"net": net.id, "zoe": zoe.id, "los": los.id, "a": [o.id for o in a]}
        assert db.session.get(Netwerk, net.id) is not None
        return ids


def test_script_like_name_stays_text_in_picture_card_tables_and_export(page, app, wereld):
    xss = xss_partner(app, wereld)
    login(page, "coord-x@test.be", WACHTWOORD)
    errors = _open_graph(page, wereld.netwerk_x)
    _klik_knoop(page, xss)
    kaart = page.locator("#graaf-kaart")
    kaart.wait_for(state="visible")
    assert page.locator("#kaart-naam").inner_text() == XSS
    assert "Partner A" in page.locator("#kaart-links").inner_text()
    link = page.locator("#kaart-organisatie")
    assert link.get_attribute("href") == f"/organisaties/{xss}"
    assert link.inner_text() == f"Naar de organisatiepagina van {XSS}"
    # the search suggests the name as an option's value, never as markup
    page.locator("#graaf-zoek").fill("<img")
    assert page.locator("#graaf-namen option").first.get_attribute("value") == XSS
    # the table carries the same data, as text
    expect(page.get_by_role("link", name=XSS).first).to_be_visible()
    # keyboard: the table's button opens the same card and moves focus to it
    page.locator("#graaf-kaart").evaluate("k => k.hidden = true")
    page.locator(f'button[data-knoop="{xss}"]').focus()
    page.keyboard.press("Enter")
    kaart.wait_for(state="visible")
    assert page.evaluate("() => document.activeElement.id") == "kaart-naam"
    # a sector filter hides the partner in the picture and in the table twin, and brings it back
    assert _toestand(page)["knopen"] == 3
    page.get_by_label("Gezondheid (1)").uncheck()
    assert _toestand(page)["knopen"] == 2
    page.locator(f'tr[data-id="{xss}"]').wait_for(state="hidden")  # the table follows the frame
    assert "2 van 3 partners" in page.locator("#graaf-status").inner_text()
    page.get_by_label("Gezondheid (1)").check()
    assert _toestand(page)["knopen"] == 3
    page.locator(f'tr[data-id="{xss}"]').wait_for(state="visible")
    # the SVG export holds the name as escaped text
    with page.expect_download() as dl:
        page.locator("#graaf-svg").click()
    svg = open(dl.value.path(), encoding="utf-8").read()
    assert svg.startswith("<svg") and "<img" not in svg
    assert page.evaluate(NO_INJECTED_IMG) == 0
    assert page.dialogs == [] and errors == [] and page.foreign == []


def test_other_pages_show_the_name_as_text(page, app, wereld):
    xss_partner(app, wereld)
    login(page, "coord-x@test.be", WACHTWOORD)
    for url in (f"/netwerken/{wereld.netwerk_x}/analyse", f"/netwerken/{wereld.netwerk_x}/verwijzingen",
                f"/netwerken/{wereld.netwerk_x}/dekking",
                f"/netwerken/{wereld.netwerk_x}/dekking/cel?functie=ontmoeting&leeftijdsgroep=0-3"):
        page.goto(url)
        assert XSS in page.locator("main").inner_text(), url
        assert page.evaluate(NO_INJECTED_IMG) == 0, url
    assert page.dialogs == [] and page.foreign == []


def test_search_focus_overview_markings_and_time(page, app, wereld):
    s = structuur(app)
    login(page, "beheerder@test.be", WACHTWOORD)
    errors = _open_graph(page, s["net"])
    assert _toestand(page)["knopen"] == 14
    # search: accent- and case-insensitive, suggestions in the datalist, Enter selects
    zoek = page.locator("#graaf-zoek")
    zoek.fill("creche zo")
    assert page.locator("#graaf-namen option").first.get_attribute("value") == "Crèche Zoë"
    zoek.press("Enter")
    page.locator("#graaf-kaart").wait_for(state="visible")
    assert page.locator("#kaart-naam").inner_text() == "Crèche Zoë"
    assert _toestand(page)["gekozen"] == str(s["zoe"])
    # focus: the partner and its neighbours at one, then two steps
    page.locator("#kaart-focus").click()
    assert _toestand(page)["knopen"] == 3
    assert "focus op Crèche Zoë (1 stap)" in page.locator("#graaf-status").inner_text()
    page.locator("#focus-stappen").select_option("2")
    assert _toestand(page)["knopen"] == 13  # everyone but the isolated partner
    page.get_by_role("button", name="Focus opheffen: toon alle partners").click()
    assert _toestand(page)["knopen"] == 14 and _toestand(page)["focus"] is None
    # markings on the picture itself
    page.get_by_label("Kwetsbare schakels (3)").check()
    assert _toestand(page)["gemarkeerd"] == 3  # Zoë and the two partners next to her
    page.get_by_label("Bruggen (2)").check()
    assert _toestand(page)["gemarkeerd"] == 5
    page.get_by_label("Geïsoleerden (1)").check()
    assert _toestand(page)["gemarkeerd"] == 6
    # filters: bevestigd, groep and the table twin follow
    page.locator("#f-bevestigd").select_option("nee")
    assert _toestand(page)["lijnen"] == 1
    page.locator("#f-bevestigd").select_option("")
    page.locator("#f-groep").select_option(label="Losse partners (1)")
    assert _toestand(page)["knopen"] == 1
    page.wait_for_function("() => document.querySelectorAll('tr[data-id]:not([hidden])').length == 1")
    page.locator("#f-groep").select_option("")
    # overview: one node per group, a click opens the group
    page.locator("#graaf-overzicht").select_option("groep")
    assert _toestand(page)["getoond"] == 3
    for _ in range(3):  # a busy host may still be moving the camera: click again
        _klik_knoop(page, "u:1")
        if page.evaluate(f"() => {HVK}.toestand().getoond") > 3:
            break
    page.wait_for_function(f"() => {HVK}.toestand().getoond > 3")
    assert _toestand(page)["getoond"] == 3 - 1 + 7  # group 1: six partners and Zoë
    page.locator("#graaf-overzicht").select_option("sector")
    assert _toestand(page)["getoond"] == 4
    page.locator("#graaf-overzicht").select_option("")
    assert _toestand(page)["getoond"] == 14
    # time: at the start only the first members, at the end everyone
    tijd = page.locator("#graaf-tijd")
    tijd.evaluate("t => { t.value = '0'; t.dispatchEvent(new Event('input')); }")
    assert _toestand(page)["knopen"] == 8 and _toestand(page)["lijnen"] == 0
    assert "Stand op 01/01/2024" in page.locator("#graaf-tijd-tekst").inner_text()
    tijd.evaluate("t => { t.value = t.max; t.dispatchEvent(new Event('input')); }")
    assert _toestand(page)["knopen"] == 14 and _toestand(page)["lijnen"] == 32
    # the peildatum of the dashboard: the network as it stood then
    page.goto(f"/netwerken/{s['net']}/graaf?op=2024-12-31")
    page.wait_for_selector('#graaf[data-klaar="ja"]')
    assert _toestand(page)["knopen"] == 8
    assert page.evaluate(NO_INJECTED_IMG) == 0
    assert errors == [] and page.foreign == [] and page.dialogs == []


def test_phone_full_screen_touch_and_export(browser, live_server, app, wereld):
    s = structuur(app)
    context = browser.new_context(locale="nl-BE", base_url=live_server, has_touch=True,
                                  is_mobile=True, viewport={"width": 390, "height": 844},
                                  accept_downloads=True)
    page = context.new_page()
    try:
        login(page, "beheerder@test.be", WACHTWOORD)
        page.goto(f"/netwerken/{s['net']}/graaf")
        page.wait_for_selector('#graaf[data-klaar="ja"]', timeout=30000)
        knop = page.locator("#graaf-volledig")
        knop.click()
        assert knop.get_attribute("aria-pressed") == "true"
        page.wait_for_timeout(200)
        vak = page.locator("#graaf").bounding_box()
        assert vak["width"] >= 370 and vak["height"] >= 650, vak
        knop.click()
        assert page.locator("#graaf-vak").get_attribute("class") == "graaf-vak"
        with page.expect_download() as dl:
            page.locator("#graaf-png").click()
        assert dl.value.suggested_filename == f"netwerkgraaf-{s['net']}.png"
        assert open(dl.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
        with page.expect_download() as dl:
            page.locator("#graaf-svg").click()
        svg = open(dl.value.path(), encoding="utf-8").read()
        assert "<circle" in svg and "<line" in svg and "<text" in svg
    finally:
        context.close()


def test_large_network_is_interactive_quickly_and_labels_never_overlap(page, app, wereld):
    nid = groot_netwerk(app, 600)
    login(page, "beheerder@test.be", WACHTWOORD)
    errors = _open_graph(page, nid)
    ready_ms = int(page.get_attribute("#graaf", "data-ready"))
    print(f"\n600 partners: picture ready {ready_ms} ms after navigation start")
    assert ready_ms < 10000  # target < 1.5 s on a developer machine; generous bound for CI
    page.wait_for_timeout(400)
    boxes = page.evaluate(f"() => {HVK}.labels()")
    assert boxes and _overlap(boxes) == []
    # a filter is answered with a repaint (the bench measures the 100 ms target)
    ms = page.evaluate("""() => new Promise(resolve => {
      const g = document.getElementById('graaf'), voor = g.getAttribute('data-beeld');
      const t = performance.now();
      const v = document.getElementById('f-sector-welzijn');
      v.checked = false; v.dispatchEvent(new Event('change'));
      const kijk = () => g.getAttribute('data-beeld') !== voor ? resolve(performance.now() - t)
                                                                : requestAnimationFrame(kijk);
      kijk();
    })""")
    print(f"600 partners: filter repainted in {ms:.0f} ms")
    assert ms < 2000
    assert page.locator("#tabel-partners + p + div tbody tr").count() == 600
    assert errors == [] and page.foreign == [] and page.dialogs == []


def test_graph_page_with_card_and_focus_has_no_serious_wcag_violations(browser, live_server, app,
                                                                        wereld):
    from tests.e2e.test_accessibility import AXE, TAGS
    s = structuur(app)
    # injecting axe needs an inline script: only this test context bypasses the app's CSP
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    try:
        login(page, "beheerder@test.be", WACHTWOORD)
        page.goto(f"/netwerken/{s['net']}/graaf")
        page.wait_for_selector('#graaf[data-klaar="ja"]', timeout=30000)
        page.locator("#graaf-zoek").fill("Crèche Zoë")
        page.locator("#graaf-kaart").wait_for(state="visible")
        page.locator("#kaart-focus").click()
        page.locator("#m-makelaar").check()
        page.add_script_tag(path=str(AXE))  # the page's own content; the site's frame has its tests
        result = page.evaluate("tags => axe.run('main', {runOnly: {type: 'tag', values: tags}})", TAGS)
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                if v["impact"] in ("serious", "critical")] == []
    finally:
        context.close()
