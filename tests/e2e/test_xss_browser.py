"""In Chromium: the main pages of a network whose every text is an XSS canary run no injected
script, build no injected element and trigger no CSP violation (the graph's tooltip and card are
covered by test_graaf_browser.py; here the graph page is one page among the others)."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import login
from tests.factories import WACHTWOORD
from tests.xss_helpers import bouw, canary

pytestmark = pytest.mark.e2e

# injected markup would show up as one of these
INJECTED = """() => ({
  img: document.querySelectorAll('img[onerror]').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes]
      .some(a => a.name.startsWith('on'))).length,
  js_links: [...document.querySelectorAll('[href],[src],[action]')].filter(e =>
      /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src')
                                || e.getAttribute('action') || '')).length,
  scripts: [...document.scripts].filter(s => s.type !== 'application/json'
      && (!s.src || s.textContent.trim())).length,
  csp: window.__cspViolations || [],
})"""
# set before any page script runs; CDP-injected, so the CSP does not block it
CSP_LISTENER = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.fixture
def vijandig(app):
    return bouw(app)


def _bewaak(page) -> list[str]:
    """Collect script errors and CSP reports from the console for the whole test."""
    fouten: list[str] = []
    page.add_init_script(CSP_LISTENER)
    page.on("pageerror", lambda e: fouten.append(f"pageerror: {e}"))
    page.on("console", lambda m: fouten.append(f"console: {m.text}")
            if "Content Security Policy" in m.text else None)
    # an injected <img src=x> or script would be fetched: no request may fail
    page.on("response", lambda r: fouten.append(f"{r.status} {r.url}")
            if r.status >= 400 else None)
    return fouten


def _bezoek(page, url: str, verwacht: str | None, wacht_op: str | None = None) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)
    if wacht_op:
        page.wait_for_selector(wacht_op, timeout=30000)
    page.wait_for_load_state("load")
    gevonden = page.evaluate(INJECTED)
    assert gevonden == {"img": 0, "handlers": 0, "js_links": 0, "scripts": 0, "csp": []}, url
    if verwacht:
        tekst = page.locator("body").inner_text()
        assert canary(verwacht) in tekst, (url, verwacht)
        assert "SSTI49" not in tekst.upper(), url


def test_coordinator_pages_run_no_injected_script(page, vijandig):
    fouten = _bewaak(page)
    v = vijandig
    login(page, v.emails["coordinator"], WACHTWOORD)
    n = f"/netwerken/{v.netwerk}"
    for url, verwacht, wacht_op in (
        ("/", "Netwerk", None),
        (n, "Netwerkbeschrijving", None),
        (f"{n}/partners", "Rol", None),
        (f"{n}/aanbod", "Aanbod", None),
        (f"/aanbod/{v.aanbod}", "Openingsuren", None),
        (f"/organisaties/{v.org}", "Orgbeschrijving", None),
        (f"/organisaties/{v.org}/voorstel", None, None),  # values inside form fields
        (f"{n}/bewerken", None, None),
        (f"{n}/erkenning", "Netwerk", None),
        (f"{n}/engagementen", "Bewijs", None),
        (f"{n}/acties/{v.actie}/bewerken", None, None),
        (f"{n}/erkenning/review/E1", "Reviewantwoord", None),
        (f"{n}/erkenning/dossier", "Actie", None),
        (f"{n}/graaf", "Org", "#graaf[data-ready]"),
        (f"{n}/dekking", "Bewust-niet-reden", None),
        (f"{n}/verwijzingen", "Tweede org", None),
    ):
        _bezoek(page, url, verwacht, wacht_op)
    # the audit log shows 50 entries a page: the werkingsgebied's change may be on a later one
    teksten, url = [], f"{n}/audit"
    for _ in range(5):
        _bezoek(page, url, None)
        teksten.append(page.locator("body").inner_text())
        volgende = page.get_by_role("link", name="Volgende")
        if not volgende.count():
            break
        url = volgende.first.get_attribute("href")
    assert any(canary("Deel") in t for t in teksten)
    # a field's value stays its text: the form shows the canary, not what it would build
    page.goto(f"/organisaties/{v.org}/voorstel")
    assert page.get_by_label("Beschrijving").input_value() == canary("Orgbeschrijving")
    assert page.dialogs == [] and page.foreign == [] and fouten == []


def test_consultant_pages_run_no_injected_script(page, vijandig):
    fouten = _bewaak(page)
    login(page, vijandig.emails["consultant"], WACHTWOORD)
    n = f"/netwerken/{vijandig.netwerk}"
    for url, verwacht in (("/", None), ("/overzicht", "Netwerk"), (f"{n}/erkenning", "Netwerk"),
                          (f"{n}/erkenning/review/E1", "Reviewopmerking")):
        _bezoek(page, url, verwacht)
    assert page.dialogs == [] and page.foreign == [] and fouten == []
