"""axe-core (npm package, loaded from disk) on the main pages: no serious or critical WCAG 2.1 AA issue."""
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture
def axe_page(browser, live_server):
    # injecting axe needs an inline script: only this test context bypasses the app's CSP
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    yield context.new_page()
    context.close()


def test_axe_core_installed():
    assert AXE.is_file(), "run `make test` (it installs axe-core from npm)"


@pytest.mark.parametrize("email,paths", [
    (None, ["/aanmelden", "/over", "/wachtwoord-vergeten", "/wachtwoord-herstellen/vervalst",
            "/aanbod/nog-actueel/vervalst"]),
    ("beheerder@demo.hvk.be", ["/", "/gebruikers", "/gebruikers/nieuw", "/audit", "/privacy",
                               "/beheer/mail"]),
    ("coordinator@demo.hvk.be", ["/", "/netwerken/1", "/organisaties/1", "/organisaties/1/bewerken",
                                 "/netwerken/1/audit", "/wachtwoord", "/meldingen",
                                 "/meldingen/instellingen"]),
    ("partner@demo.hvk.be", ["/", "/netwerken"]),
    ("consultant@demo.hvk.be", ["/", "/referentie", "/netwerken/1/omgeving",
                                "/netwerken/1/dekking?per=1000"]),
])
def test_no_serious_wcag_violations(axe_page, runner, email, paths):
    from huisvanhetkind.demo import DEMO_USERS
    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    if email:
        password = next(u[2] for u in DEMO_USERS if u[0] == email)
        login(axe_page, email, password)
    problems = {}
    for path in paths:
        axe_page.goto(path)
        found = _violations(axe_page)
        if found:
            problems[path] = found
    assert problems == {}


def test_consent_pages_have_no_serious_wcag_violations(axe_page, browser, live_server, wereld):
    """The pages of domein.md §10 with something open on them: the registry search and the
    invitation form, a network's open invitations, the proposal form, and 'Te beantwoorden'
    as the organisation's partner sees it with an invitation and a proposal waiting."""
    from tests.e2e.rol_helpers import aanmelden

    problems = {}

    def check(page, label):
        found = _violations(page)
        if found:
            problems[label] = found

    aanmelden(axe_page, "coord-y@test.be")
    axe_page.goto(f"/netwerken/{wereld.netwerk_y}/partners/toevoegen")
    axe_page.get_by_label("Naam of KBO-nummer").fill("Partner A")
    axe_page.get_by_role("button", name="Zoeken").click()
    check(axe_page, "zoeken in het register")
    axe_page.get_by_role("row", name=re.compile("Partner A")).get_by_role("link").click()
    check(axe_page, "uitnodigen")
    axe_page.get_by_label("Rol in het netwerk").fill("Spelotheek")
    axe_page.get_by_role("button", name="Uitnodiging versturen").click()
    axe_page.goto(f"/netwerken/{wereld.netwerk_y}/partners")
    check(axe_page, "partners met open uitnodiging")

    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    try:
        coord_x = context.new_page()
        aanmelden(coord_x, "coord-x@test.be")
        coord_x.goto(f"/organisaties/{wereld.org_a}/voorstel")
        check(coord_x, "voorstel")
        coord_x.get_by_label("Naam", exact=True).fill("Partner A (nieuwe naam)")
        coord_x.get_by_role("button", name="Voorstel versturen").click()
        coord_x.get_by_role("heading", level=1).wait_for()
    finally:
        context.close()

    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    try:
        partner = context.new_page()
        aanmelden(partner, "partner-a@test.be")
        partner.goto("/te-beantwoorden")
        assert "Spelotheek" in partner.content() and "Partner A (nieuwe naam)" in partner.content()
        check(partner, "te beantwoorden")
    finally:
        context.close()
    assert problems == {}


def test_api_token_pages_have_no_serious_wcag_violations(axe_page, wereld):
    """The settings page of personal API tokens: empty, with its form errors, with a new token
    shown once and listed, and the revoke confirmation."""
    from tests.e2e.rol_helpers import aanmelden

    problems = {}

    def check(label):
        found = _violations(axe_page)
        if found:
            problems[label] = found

    aanmelden(axe_page, "partner-a@test.be")
    axe_page.goto("/")
    axe_page.locator("#account-menu").click()
    axe_page.get_by_role("link", name="API-tokens").click()
    check("api-tokens leeg")
    axe_page.get_by_role("button", name="Token aanmaken").click()
    assert "Dit veld is verplicht." in axe_page.content()
    check("api-tokens met fouten")
    axe_page.get_by_label("Naam").fill("Website")
    axe_page.get_by_label("Rechten").select_option("lezen-schrijven")
    axe_page.get_by_role("button", name="Token aanmaken").click()
    assert axe_page.get_by_label("Jouw token").input_value().startswith("hvk_")
    check("api-tokens met nieuw token")
    axe_page.get_by_role("link", name="Intrekken").click()
    check("token intrekken")
    axe_page.get_by_role("button", name="Intrekken").click()
    assert "is ingetrokken" in axe_page.content()
    assert problems == {}
