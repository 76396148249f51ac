"""In Chromium, the erkenningsaanvraag from submission to decision (issue 13): the coordinator
submits; the consultant takes it and advises; the coordinator sees the advice on the network's
page and answers with a revision; the consultant advises again; a beheerder decides; the
two-year term runs from the decision; the first frozen version stays readable and its bytes
match the SHA-256 shown (recomputed here)."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.e2e.rol_helpers import aanmelden, label, open_netwerk_vanaf_start, tweede_pagina

pytestmark = pytest.mark.e2e

X = "Huis van het Kind X"
RENDER = 60_000  # ms: submitting renders the tagged dossier PDF, seconds on a busy host
MOTIVATIE = "E3: de samenwerkingsovereenkomst met Temse ontbreekt nog."


def _naar_aanvraag(page) -> None:
    open_netwerk_vanaf_start(page, X)
    page.get_by_role("link", name="Naar de erkenningsaanvraag").click()
    expect(page.get_by_role("heading", name=f"Erkenningsaanvraag: {X}")).to_be_visible()


def _toestand(page):
    return page.locator("#aanvraag-toestand")


def _post(app, server, adres: str) -> list[str]:
    """Send the outbox (what `hvk herinneringen` does from cron) to the loopback SMTP server;
    the texts of the mails that reached this address."""
    from huisvanhetkind.meldingen import outbox
    with app.app_context():
        outbox.verstuur()
    return [server.postbus.tekst(b) for b in server.postbus.aan(adres)]


def test_aanvraag_from_submission_to_decision(page, browser, live_server, wereld, app, smtp):
    # the coordinator submits
    aanmelden(page, "coord-x@test.be")
    _naar_aanvraag(page)
    expect(_toestand(page)).to_have_text("Concept")
    page.get_by_role("button", name="Aanvraag indienen").click(timeout=RENDER)
    expect(page.get_by_text("Aanvraag ingediend (versie 1).")).to_be_visible(timeout=RENDER)
    expect(_toestand(page)).to_have_text("Ingediend")
    sha_1 = page.locator('#versies tr[data-versie="1"] code.pdf-sha256').inner_text()
    # a mail reaches the consultant of the province at the loopback SMTP server
    mails = _post(app, smtp, "cons-ov@test.be")
    assert len(mails) == 1 and f"{X} diende de erkenningsaanvraag in" in mails[0]
    assert "/aanvraag" in mails[0]

    # the consultant of the province takes it and advises
    with tweede_pagina(browser, live_server) as cons:
        aanmelden(cons, "cons-ov@test.be")
        expect(cons.locator("#te-doen")).to_contain_text(
            f"Neem de erkenningsaanvraag van {X} in behandeling.")
        cons.get_by_role("link", name="Overzicht netwerken").click()
        cons.get_by_role("table").get_by_role("link", name=f"Ingediend ({X})").click()
        cons.get_by_role("button", name="In behandeling nemen").click()
        expect(_toestand(cons)).to_have_text("In behandeling")
        cons.get_by_label("Gunstig met voorwaarden").check()
        label(cons, "Motivatie").fill(MOTIVATIE)
        cons.get_by_role("button", name="Advies geven").click()
        expect(cons.get_by_text("Advies bewaard.")).to_be_visible()
        assert cons.foreign == [] and cons.dialogs == []

    # the coordinator sees the advice in 'Te doen', by mail and on the network's page, and
    # answers with a revision
    mails = _post(app, smtp, "coord-x@test.be")
    assert any(MOTIVATIE in m for m in mails), mails
    page.goto("/")
    te_doen = page.locator("#te-doen")
    expect(te_doen).to_contain_text(f"De consultant gaf advies over de erkenningsaanvraag van {X}")
    expect(page.locator("#menu-te-doen")).to_contain_text("Te doen")
    open_netwerk_vanaf_start(page, X)
    advies = page.locator("#aanvraag-advies")
    expect(advies).to_contain_text("Gunstig met voorwaarden")
    expect(advies).to_contain_text(MOTIVATIE)
    page.get_by_role("link", name="Naar de erkenningsaanvraag").click()
    label(page, "Wat veranderde je, in antwoord op het advies?").fill(
        "De overeenkomst met Temse is getekend en toegevoegd.")
    page.get_by_role("button", name="Herziene aanvraag indienen").click(timeout=RENDER)
    expect(page.get_by_text("Herziene aanvraag ingediend (versie 2).")).to_be_visible(
        timeout=RENDER)

    with tweede_pagina(browser, live_server) as cons:
        aanmelden(cons, "cons-ov@test.be")
        cons.goto(f"/netwerken/{wereld.netwerk_x}/aanvraag")
        cons.get_by_role("button", name="In behandeling nemen").click()
        cons.get_by_label("Gunstig", exact=True).check()
        label(cons, "Motivatie").fill("In orde.")
        cons.get_by_role("button", name="Advies geven").click()
        expect(_toestand(cons)).to_have_text("Advies gegeven")

    # a beheerder records the decision
    vandaag = date.today()
    with tweede_pagina(browser, live_server) as beheerder:
        aanmelden(beheerder, "beheerder@test.be")
        beheerder.goto(f"/netwerken/{wereld.netwerk_x}/aanvraag")
        beheerder.get_by_label("Erkend", exact=True).check()
        label(beheerder, "Datum van de beslissing").fill(vandaag.isoformat())
        beheerder.get_by_role("button", name="Beslissing vastleggen").click()
        expect(_toestand(beheerder)).to_have_text("Beslist")

    # the two-year term starts at the decision date
    page.reload()
    termijn = vandaag.replace(year=vandaag.year + 2, day=28 if (vandaag.month, vandaag.day)
                              == (2, 29) else vandaag.day)
    expect(page.locator("#aanvraag-termijnen")).to_contain_text(f"{termijn:%d/%m/%Y}")
    page.goto(f"/netwerken/{wereld.netwerk_x}/erkenning")
    expect(page.get_by_text("de erkenningsdatum")).to_contain_text(f"{vandaag:%d/%m/%Y}")

    # version 1 stays readable; its bytes match the SHA-256 shown
    page.goto(f"/netwerken/{wereld.netwerk_x}/aanvraag")
    assert page.locator('#versies tr[data-versie="1"] code.pdf-sha256').inner_text() == sha_1
    href = page.locator('#versies tr[data-versie="1"]').get_by_role(
        "link", name="PDF van versie 1").get_attribute("href")
    pdf = page.request.get(href).body()
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == sha_1
    page.locator('#versies tr[data-versie="1"]').get_by_role(
        "link", name="Beoordeling van versie 1").click()
    expect(page.locator("#versie-pdf-sha256")).to_have_text(sha_1)
    assert page.foreign == [] and page.dialogs == []
