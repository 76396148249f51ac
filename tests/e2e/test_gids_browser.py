"""The public guide in Chromium, as a family on a phone (390 px) and on a laptop (1366 px):
search without accents, open an aanbod, no serious or critical WCAG 2.1 AA issue (axe-core),
nothing wider than the screen; and the coordinator's publishing page."""
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.e2e.test_accessibility import _violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(runner):
    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0


@pytest.mark.parametrize("breedte,hoogte", [(390, 844), (1366, 768)])
def test_family_searches_the_guide(browser, live_server, demo, breedte, hoogte):
    # axe is injected as an inline script: only this test context bypasses the app's CSP
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True,
                                  viewport={"width": breedte, "height": hoogte})
    page = context.new_page()
    try:
        problemen = {}
        page.goto("/gids/1")
        assert page.get_by_role("heading", level=1).inner_text() == "Wat is er voor jouw gezin?"
        problemen["gids"] = _violations(page)
        page.get_by_role("searchbox", name="Zoek").fill("oudercafe")
        page.get_by_label("Leeftijd").select_option(label="Ouders en opvoedingsverantwoordelijken")
        page.get_by_role("button", name="Zoeken").click()
        link = page.get_by_role("link", name="Oudercafé Samen Sterk")
        expect(link).to_be_visible()
        problemen["zoekresultaat"] = _violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        link.click()
        expect(page.get_by_role("heading", name="Hoe bereik je het")).to_be_visible()
        problemen["aanbod"] = _violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        page.get_by_role("link", name="Terug naar alle aanbod").click()
        assert page.get_by_role("searchbox", name="Zoek").input_value() == "oudercafe"
        assert {k: v for k, v in problemen.items() if v} == {}
    finally:
        context.close()


def test_coordinator_publishing_page(browser, live_server, demo):
    from huisvanhetkind.demo import DEMO_USERS
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    try:
        login(page, "coordinator@demo.hvk.be",
              next(u[2] for u in DEMO_USERS if u[0] == "coordinator@demo.hvk.be"))
        page.goto("/netwerken/1")
        page.get_by_role("link", name="Publieke gids").click()
        assert _violations(page) == []
        page.get_by_label("Websites die de gids mogen insluiten").fill("https://www.temse.be")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("De publieke gids is online.")).to_be_visible()
        assert page.get_by_label("Websites die de gids mogen insluiten").input_value() \
            == "https://www.temse.be"
    finally:
        context.close()
