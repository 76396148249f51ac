"""In Chromium, consent as two people at two desks would give it (domein.md §10): the
coordinator of network Y finds X's organisation and invites it; the organisation's partner sees
it waiting on the start page, reads the terms and accepts; Y's partner list then shows it."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.rol_helpers import aanmelden, tweede_pagina

pytestmark = pytest.mark.e2e


def test_coordinator_invites_and_the_organisation_accepts(page, browser, live_server, wereld):
    aanmelden(page, "coord-y@test.be")
    page.goto(f"/netwerken/{wereld.netwerk_y}/partners/toevoegen")
    page.get_by_label("Naam of KBO-nummer").fill("Partner A")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("row", name=re.compile("Partner A")).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("uitnodigen voor")
    page.get_by_label("Rol in het netwerk").fill("Spelotheek")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Partner A is uitgenodigd.")).to_be_visible()
    expect(page.locator("#uitnodigingen")).to_contain_text("Partner A")

    with tweede_pagina(browser, live_server) as partner:
        aanmelden(partner, "partner-a@test.be")
        partner.locator("#te-doen").get_by_role("link").first.click()
        kaart = partner.get_by_role("region", name="Huis van het Kind Y nodigt Partner A uit")
        expect(kaart).to_contain_text("Spelotheek")
        kaart.get_by_label("Aanvaarden").check()
        kaart.get_by_role("button", name="Antwoord versturen").click()
        expect(partner.get_by_text("De uitnodiging is aanvaard.")).to_be_visible()
        assert not partner.foreign and not partner.dialogs

    page.goto(f"/netwerken/{wereld.netwerk_y}/partners")
    expect(page.get_by_role("main")).to_contain_text("Partner A")
    expect(page.locator("#uitnodigingen")).to_have_count(0)
