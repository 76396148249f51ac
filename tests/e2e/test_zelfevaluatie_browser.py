"""In Chromium: a coordinator scores the kernprincipes, links a weak point to a new action,
repeats the zelfevaluatie later and sees the chart over time (with its table twin)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from huisvanhetkind.domein.zelfevaluatie import CLUSTERS
from tests.e2e.conftest import login
from tests.e2e.test_accessibility import _violations
from tests.factories import WACHTWOORD

pytestmark = pytest.mark.e2e


def _scoor(page, dag: date, zwak: dict[str, int]) -> None:
    page.get_by_label("Datum van de zelfevaluatie").fill(dag.isoformat())
    for c in CLUSTERS:
        for k in c.kernprincipes:
            page.get_by_label(f"Score: {k.label}", exact=True).select_option(
                str(zwak.get(k.label, 3)))
    page.get_by_role("button", name="Opslaan").click()


def test_coordinator_scores_links_weak_point_repeats_and_sees_chart(page, wereld):
    login(page, "coord-x@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{wereld.netwerk_x}")
    page.get_by_role("link", name="Zelfevaluatie kernprincipes").click()
    page.get_by_role("link", name="Eerste zelfevaluatie").click()
    vorig_jaar = date.today() - timedelta(days=365)
    page.get_by_label("Opmerking: Burgerschap", exact=True).fill("Geen ouderraad.")
    _scoor(page, vorig_jaar, {"Burgerschap": 1})
    expect(page.get_by_text(f"Zelfevaluatie van {vorig_jaar:%d/%m/%Y} opgeslagen.")).to_be_visible()
    rij = page.locator("tr[data-kernprincipe=burgerschap]")
    assert "zwak punt" in rij.inner_text() and "Nog geen actie." in rij.inner_text()

    # the weak point becomes an action of the engagementenplan, prefilled
    rij.get_by_role("link", name="Nieuwe actie voor Burgerschap").click()
    beschrijving = page.get_by_label("Beschrijving").input_value()
    assert "Burgerschap" in beschrijving and beschrijving.endswith("Geen ouderraad.")
    assert page.get_by_label("Engagement").input_value() == "E11"
    page.get_by_label("Trekker").select_option(label="Partner A")
    page.get_by_role("button", name="Actie maken en koppelen").click()
    rij = page.locator("tr[data-kernprincipe=burgerschap]")
    assert "Geen ouderraad." in rij.inner_text() and "Gepland" in rij.inner_text()

    # later: a new zelfevaluatie starts from the previous scores
    page.get_by_role("link", name="alle zelfevaluaties").click()
    page.get_by_role("link", name="Nieuwe zelfevaluatie").click()
    assert page.get_by_label("Score: Burgerschap", exact=True).input_value() == "1"
    _scoor(page, date.today(), {"Burgerschap": 3, "Holistische kijk": 2})
    page.get_by_role("link", name="alle zelfevaluaties").click()
    expect(page.get_by_role("heading",
                             name=f"Laatste zelfevaluatie: {date.today():%d/%m/%Y}")).to_be_visible()
    assert "1 zwak punt nog zonder actie: Holistische kijk." in page.locator(".alert-warning")\
        .inner_text()
    grafiek = page.locator("#zelfevaluatie-verloop svg")
    expect(grafiek).to_be_visible()
    assert grafiek.locator("polyline").count() == 3
    tabel = page.locator("#zelfevaluatie-verloop-tabel")
    koppen = tabel.locator("thead th").all_inner_texts()
    assert koppen == ["Kernprincipe", f"{vorig_jaar:%d/%m/%Y}", f"{date.today():%d/%m/%Y}"]
    assert tabel.locator("tr[data-reeks=burgerschap] td").all_inner_texts() \
        == ["1", "3"]
    # the earlier evaluation stays readable as it was
    page.get_by_role("link", name=f"Zelfevaluatie van {vorig_jaar:%d/%m/%Y}").click()
    assert "1 – nog niet aanwezig" in page.locator("tr[data-kernprincipe=burgerschap]")\
        .inner_text()
    assert page.foreign == [] and page.dialogs == []


def test_zelfevaluatie_pages_have_no_serious_wcag_violations(browser, live_server, wereld, app):
    from huisvanhetkind.domein.zelfevaluatie import KERNPRINCIPES
    from huisvanhetkind.extensions import db
    from huisvanhetkind.zelfevaluatie import operations
    with app.app_context():
        for dagen, zwak in ((300, 2), (0, 1)):
            operations.nieuwe_zelfevaluatie(
                wereld.netwerk_x, datum=date.today() - timedelta(days=dagen),
                scores={k: (zwak if k == "burgerschap" else 3, "") for k in KERNPRINCIPES})
        db.session.commit()
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    login(page, "coord-x@test.be", WACHTWOORD)
    problems = {}
    for pad in ("", "/nieuw"):
        page.goto(f"/netwerken/{wereld.netwerk_x}/zelfevaluatie{pad}")
        found = _violations(page)
        if found:
            problems[pad] = found
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/netwerken/{wereld.netwerk_x}/zelfevaluatie")
    breed = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert problems == {}
    assert breed <= 390
