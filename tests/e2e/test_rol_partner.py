"""In Chromium, the partner's main path, clicked as a partner would: from the start page to their
organisation, a new aanbod (a Dutch error next to the missing field first), the network's list,
an edit, 'Nagekeken' — and a Dutch 403 page for a network they are not part of.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod
from tests.e2e.rol_helpers import aanmelden, label, netwerk_nav

pytestmark = pytest.mark.e2e

X = "Huis van het Kind X"
NAAM = "Opvoedingspunt Temse"


@pytest.fixture
def oud_aanbod(app, wereld):
    """Partner A's existing aanbod was last checked two years ago (the reminder's reason)."""
    with app.app_context():
        a = db.session.scalars(db.select(Aanbod).where(Aanbod.organisatie_id == wereld.org_a)).one()
        a.laatst_nagekeken_op = date.today() - timedelta(days=730)
        db.session.commit()
    return wereld


def _vul_aanbod_in_zonder_naam(page):
    label(page, "Aanbodvorm").select_option(label="Opvoedingsondersteuning")
    label(page, "(Preventieve) gezinsondersteuning en gezondheidszorg").check()
    label(page, "Ontmoeting en versterken sociale cohesie").check()
    label(page, "0 tot 3 jaar").check()
    label(page, "3 tot 6 jaar").check()
    label(page, "Doelgroep").select_option(label="Maatschappelijk kwetsbare gezinnen")
    label(page, "Op locatie").check()
    label(page, "Laagdrempelig aanbod").check()
    zoek = label(page, "Zoek in de lijst: Gemeenten")  # the municipality picker (JavaScript)
    zoek.fill("temse")
    zoek.press("Enter")
    assert page.locator("#gemeenten-gekozen").inner_text() == "Gekozen (1): Temse"


def test_partner_registers_edits_and_checks_aanbod(page, oud_aanbod):
    w = oud_aanbod
    aanmelden(page, "partner-a@test.be")
    herinnering = page.get_by_text(
        "Herinnering: dit aanbod (1) is al meer dan 12 maanden niet nagekeken.")
    expect(herinnering).to_be_visible()
    # the network nav offers only what a partner may open
    assert netwerk_nav(page, X).get_by_role("link").all_inner_texts() == [
        "Overzicht", "Partners", "Aanbod", "Erkenning", "Engagementen", "Samenwerking",
        "Lacunes en overlap", "Verwijzingen"]

    page.get_by_role("main").get_by_role("link", name="Partner A", exact=True).click()
    expect(page.get_by_role("heading", name="Partner A", level=1)).to_be_visible()
    page.get_by_role("link", name="Aanbod toevoegen").click()
    expect(page.get_by_role("heading", name="Nieuw aanbod van Partner A")).to_be_visible()

    # first try without a name: the error is Dutch and sits next to the field
    _vul_aanbod_in_zonder_naam(page)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Het formulier bevat fouten; niets is opgeslagen.")).to_be_visible()
    fout = page.locator("#naam-fout")
    expect(fout).to_be_visible()
    assert fout.inner_text() == "Dit veld is verplicht."
    naam = label(page, "Naam")
    assert naam.get_attribute("aria-invalid") == "true"
    assert "naam-fout" in naam.get_attribute("aria-describedby")
    # nothing chosen is lost
    assert label(page, "Aanbodvorm").input_value() == "opvoedingsondersteuning"
    assert label(page, "0 tot 3 jaar").is_checked() and label(page, "Op locatie").is_checked()
    assert page.locator("#gemeenten-gekozen").inner_text() == "Gekozen (1): Temse"

    naam.fill(NAAM)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(f"Aanbod {NAAM} is toegevoegd.")).to_be_visible()
    expect(page.get_by_role("heading", name=NAAM, level=1)).to_be_visible()
    details = page.get_by_role("main").locator("dl").inner_text()
    for tekst in ("Opvoedingsondersteuning", "0 tot 3 jaar, 3 tot 6 jaar", "Temse",
                  "Maatschappelijk kwetsbare gezinnen"):
        assert tekst in details

    # the network's list of aanbod shows it, with the partner's own buttons
    netwerk_nav(page, X).get_by_role("link", name="Aanbod").click()
    expect(page.get_by_role("heading", name=f"Aanbod van {X}")).to_be_visible()
    expect(page.get_by_text("Aanbod (2).")).to_be_visible()
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name=NAAM, exact=True))
    assert "Partner A" in rij.inner_text()

    rij.get_by_role("link", name="Bewerken").click()
    expect(page.get_by_role("heading", name=f"Aanbod {NAAM} bewerken")).to_be_visible()
    label(page, "6 tot 12 jaar").check()
    label(page, "Openingsuren").fill("Woensdag 14 tot 17 uur")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(f"Aanbod {NAAM} is bijgewerkt.")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Aanbod van {X}")).to_be_visible()  # back to the list
    assert "0 tot 3 jaar, 3 tot 6 jaar, 6 tot 12 jaar" in rij.inner_text()

    rij.get_by_role("button", name="Nagekeken").click()
    expect(page.get_by_text(f"Aanbod {NAAM} is gemarkeerd als nagekeken op vandaag.")) \
        .to_be_visible()
    assert date.today().strftime("%d/%m/%Y") in rij.inner_text()

    # the old aanbod: its warning badge goes once it is checked, and so does the reminder
    oud = page.get_by_role("row").filter(has=page.get_by_role("link", name="Spelotheek A"))
    assert "Niet nagekeken in 12 maanden" in oud.inner_text()
    oud.get_by_role("button", name="Nagekeken").click()
    expect(page.get_by_text("Aanbod Spelotheek A is gemarkeerd als nagekeken")).to_be_visible()
    assert "Niet nagekeken in 12 maanden" not in oud.inner_text()
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page.get_by_text("Je beheert de gegevens en het aanbod van")).to_be_visible()
    assert herinnering.count() == 0
    expect(page.get_by_role("main").get_by_text(f"{NAAM} — Opvoedingsondersteuning")).to_be_visible()

    # another network: not in the list, and its page (typed by hand) is refused in Dutch
    assert page.get_by_role("link", name="Huis van het Kind Y").count() == 0
    antwoord = page.goto(f"/netwerken/{w.netwerk_y}")
    assert antwoord.status == 403
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()
    expect(page.get_by_text("Je hebt geen toegang tot deze pagina of handeling.")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nl-BE"
    page.get_by_role("link", name="Terug naar de startpagina").click()
    expect(page.get_by_text("Je beheert de gegevens en het aanbod van")).to_be_visible()
    assert page.foreign == [] and page.dialogs == []
