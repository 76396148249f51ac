"""In Chromium: the network graph shows a script-like partner name as text, runs no injected
script, loads nothing from outside, and a 600-partner network is usable within seconds."""
import pytest

from tests.e2e.conftest import login
from tests.factories import WACHTWOORD
from tests.graaf_helpers import XSS, groot_netwerk, xss_partner

pytestmark = pytest.mark.e2e

NO_INJECTED_IMG = "() => document.querySelectorAll('img[onerror]').length"
NODE_POINT = """id => {
  const net = document.getElementById('graaf').visNetwerk;
  const p = net.canvasToDOM(net.getPositions([id])[id]);
  const r = document.querySelector('#graaf canvas').getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}"""


def _open_graph(page, netwerk_id):
    """Open the graph page; the list collects script errors and CSP violations."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(f"/netwerken/{netwerk_id}/graaf")
    page.wait_for_selector("#graaf[data-ready]", timeout=30000)
    return errors


def test_script_like_name_stays_text_in_graph_tooltip_card_and_tables(page, app, wereld):
    xss = xss_partner(app, wereld)
    login(page, "coord-x@test.be", WACHTWOORD)
    errors = _open_graph(page, wereld.netwerk_x)
    page.wait_for_function(  # physics settles, then is switched off
        "() => !document.getElementById('graaf').visNetwerk.physics.options.enabled",
        timeout=15000)
    x, y = page.evaluate(NODE_POINT, xss)
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert XSS in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0
    page.mouse.click(x, y)
    kaart = page.locator("#graaf-kaart")
    kaart.wait_for(state="visible")
    assert page.locator("#kaart-naam").inner_text() == XSS
    assert "Partner A" in page.locator("#kaart-links").inner_text()
    link = page.locator("#kaart-organisatie")
    assert link.get_attribute("href") == f"/organisaties/{xss}"
    assert link.inner_text() == f"Naar de organisatiepagina van {XSS}"
    # the table carries the same data, as text
    assert page.get_by_role("link", name=XSS).first.is_visible()
    # keyboard: the table's button opens the same card and moves focus to it
    page.locator("#graaf-kaart").evaluate("k => k.hidden = true")
    page.locator(f'button[data-knoop="{xss}"]').focus()
    page.keyboard.press("Enter")
    kaart.wait_for(state="visible")
    assert page.evaluate("() => document.activeElement.id") == "kaart-naam"
    # a sector filter hides the partner (DataView), and brings it back
    view = "id => document.getElementById('graaf').visNetwerk.body.data.nodes.get(id) !== null"
    assert page.evaluate(view, xss)
    page.get_by_label("Gezondheid (1)").uncheck()
    assert not page.evaluate(view, xss)
    page.get_by_label("Gezondheid (1)").check()
    assert page.evaluate(view, xss)
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


def test_large_network_is_interactive_quickly(page, app, wereld):
    nid = groot_netwerk(app, 600)
    login(page, "beheerder@test.be", WACHTWOORD)
    errors = _open_graph(page, nid)
    ready_ms = int(page.get_attribute("#graaf", "data-ready"))
    print(f"\n600 partners: graph drawn {ready_ms} ms after navigation start")
    assert ready_ms < 10000  # target < 2 s on a developer machine; generous bound for CI
    assert page.evaluate("() => document.getElementById('graaf').visNetwerk"
                         ".physics.options.enabled") is False
    assert page.locator("#tabel-partners + div tbody tr").count() == 600
    assert errors == [] and page.foreign == [] and page.dialogs == []
