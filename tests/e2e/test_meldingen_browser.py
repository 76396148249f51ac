"""'Te doen' and password reset in a real browser (domein.md §11); the reset mail is read from a
real SMTP server on loopback."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from huisvanhetkind.extensions import db
from huisvanhetkind.meldingen import outbox
from tests import factories as f
from tests.e2e.rol_helpers import aanmelden
from tests.smtp_helpers import SmtpServer, gebruik_server

pytestmark = pytest.mark.e2e


def test_partner_confirms_a_referral_from_te_doen(page, app, wereld):
    with app.app_context():
        f.verwijzing(db.session.get(f.Organisatie, wereld.org_a),
                     db.session.get(f.Organisatie, wereld.org_b))
        db.session.commit()
    aanmelden(page, "partner-b@test.be")
    expect(page.locator("#menu-te-doen")).to_have_text("Te doen 1")
    te_doen = page.locator("#te-doen")
    te_doen.get_by_role("link", name="Bevestig de verwijzing van Partner A naar jouw organisatie.").click()
    page.get_by_role("button", name=re.compile("^Bevestig")).first.click()
    page.wait_for_load_state()
    page.goto("/")
    expect(page.locator("#menu-te-doen")).to_have_text("Te doen")
    expect(page.locator("#te-doen")).to_contain_text("Niets te doen op dit moment.")


def test_password_reset_end_to_end(page, app, wereld, live_server):
    server = SmtpServer().start()
    try:
        gebruik_server(app, server.poort)
        page.goto("/aanmelden")
        page.get_by_role("link", name="Wachtwoord vergeten?").click()
        page.get_by_label("E-mailadres").fill("partner-a@test.be")
        page.get_by_role("button", name="Stuur de link").click()
        expect(page.get_by_role("status").first).to_contain_text("Als er een account bestaat")
        with app.app_context():  # what `hvk herinneringen` does from cron
            assert outbox.verstuur().verzonden == 1
        tekst = server.postbus.tekst(server.postbus.aan("partner-a@test.be")[0])
    finally:
        server.stop()
    pad = re.search(r"https?://[^/\s]+(/wachtwoord-herstellen/\S+)", tekst).group(1)
    page.goto(pad)
    nieuw = "Zonnebloem; fietsbel, kapstok!"
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(nieuw)
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill(nieuw)
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.get_by_role("status").first).to_contain_text("Je wachtwoord is gewijzigd")
    page.get_by_label("E-mailadres").fill("partner-a@test.be")
    page.get_by_label("Wachtwoord").fill(nieuw)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    page.goto(pad)  # the link works once
    expect(page.get_by_role("alert")).to_contain_text("ongeldig, verlopen")
