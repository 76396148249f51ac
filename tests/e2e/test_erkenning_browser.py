"""In Chromium: the erkenning dashboard, peildatum, an action's life cycle, and review."""
from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from huisvanhetkind.extensions import db
from tests.e2e.conftest import afmelden, login
from tests.erkenning_factories import realistisch_netwerk
from tests.factories import WACHTWOORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def waasland(app, wereld):
    with app.app_context():
        w = realistisch_netwerk()
        db.session.commit()
    return w


def test_dashboard_peildatum_and_deadline_link(page, waasland):
    login(page, f"coord-{waasland.netwerk}@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{waasland.netwerk}/erkenning")
    expect(page.get_by_role("heading", name="Erkenning", exact=True)).to_be_visible()
    rij = page.locator("#voorwaarde-E8")
    assert "Niet voldaan" in rij.inner_text()
    page.get_by_label("Peildatum").fill("2030-01-01")
    page.get_by_role("button", name="Toon op deze datum").click()
    assert "op=2030-01-01" in page.url
    expect(page.get_by_role("heading", name="Oordeel op 01/01/2030")).to_be_visible()
    page.get_by_role("link", name="Op de deadline").click()
    termijn = waasland.erkend.replace(year=waasland.erkend.year + 2)
    expect(page.get_by_role("heading", name=f"Oordeel op {termijn:%d/%m/%Y}")).to_be_visible()
    page.get_by_label("Partner die vertrekt").select_option(label="Gemeente Temse")
    page.get_by_role("button", name="Toon wat verandert").click()
    # the one 'wat als' page (graaf.wat_als), at the same peildatum
    expect(page.get_by_role("heading", name="Zonder Gemeente Temse")).to_be_visible()
    assert f"op={termijn.isoformat()}" in page.url
    assert page.foreign == [] and page.dialogs == []


def test_action_create_edit_and_delete_with_confirmation(page, waasland):
    login(page, f"coord-{waasland.netwerk}@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{waasland.netwerk}/engagementen")
    page.get_by_role("link", name="Actie toevoegen aan S4").click()
    assert page.get_by_label("Engagement").input_value() == "S4"
    page.get_by_label("Beschrijving").fill("Ouderpanel twee keer per jaar")
    page.get_by_label("Trekker").select_option(label="CAW Oost-Vlaanderen")
    page.get_by_label("Deadline").fill(date.today().replace(day=1).isoformat())
    page.get_by_label("Link naar bewijs").fill("javascript:alert(1)")
    page.get_by_role("button", name="Opslaan").click()
    assert "http:// of https://" in page.locator("#bewijs_link-fout").inner_text()
    page.get_by_label("Link naar bewijs").fill("https://hvk-waasland.be/ouderpanel")
    page.get_by_role("button", name="Opslaan").click()
    sectie = page.locator("#engagement-S4")
    assert "Ouderpanel twee keer per jaar" in sectie.inner_text()
    assert "Over tijd" in sectie.inner_text()  # its deadline has passed: badge with text
    sectie.get_by_role("link", name="Verwijderen").click()
    expect(page.get_by_role("heading", name="Actie verwijderen")).to_be_visible()
    page.get_by_role("button", name="Definitief verwijderen").click()
    assert "Ouderpanel" not in page.locator("#engagement-S4").inner_text()
    assert page.foreign == [] and page.dialogs == []


def test_consultant_reviews_and_coordinator_answers(page, waasland):
    login(page, "cons-ov@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{waasland.netwerk}/erkenning/review/E4")
    page.get_by_label("Oordeel").select_option(label="Niet akkoord")
    page.get_by_label("Opmerking").fill("Het consultatiebureau in Temse ontbreekt in de lijst.")
    page.get_by_role("button", name="Opmerking bewaren").click()
    expect(page.get_by_text("Opmerking bij E4 bewaard.")).to_be_visible()
    afmelden(page)
    login(page, f"coord-{waasland.netwerk}@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{waasland.netwerk}/erkenning")
    assert "Niet akkoord" in page.locator("#voorwaarde-E4").inner_text()
    page.locator("#voorwaarde-E4").get_by_role("link", name="1 bericht").click()
    page.locator("#review-geschiedenis summary").first.click()
    page.get_by_label("Antwoord").fill("Toegevoegd op 3 maart.")
    page.get_by_role("button", name="Antwoord versturen").click()
    tekst = page.locator("#review-geschiedenis").inner_text()
    assert tekst.index("Het consultatiebureau") < tekst.index("Toegevoegd op 3 maart.")
    assert page.get_by_label("Oordeel").count() == 0  # the coordinator gives no verdict
    assert page.foreign == [] and page.dialogs == []
