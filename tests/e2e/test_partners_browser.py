"""In Chromium: a new network with 3 partners and 6 aanbod entered entirely by hand.

Errors come first and must show next to their field: a bad KBO number, a missing aanbodvorm and
an end date before the start date. CSRF is on (the live server), no JavaScript dialog is used and
nothing is loaded from outside the app.
"""
import re

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.e2e.conftest import afmelden, login
from tests.factories import WACHTWOORD

pytestmark = pytest.mark.e2e

PARTNERS = [  # naam, sector, gemeente, kbo (valid)
    ("OCMW Zele", "Lokaal bestuur", "Zele", f.kbo_nummer(4200001)),
    ("Kind en Gezin Zele", "Kind en Gezin", "Zele", ""),
    ("Gezinsbond Zele", "Middenveld (verenigingen, vrijwilligers, gezinsbond)", "Zele", ""),
]
AANBOD = [  # partner, naam, vorm, functie, leeftijd
    ("Kind en Gezin Zele", "Consultatiebureau Zele", "Consultatiebureau (preventieve gezondheidszorg)",
     "(Preventieve) gezinsondersteuning en gezondheidszorg", "0 tot 3 jaar"),
    ("Kind en Gezin Zele", "Prenatale info-avond", "Prenatale ondersteuning",
     "(Preventieve) gezinsondersteuning en gezondheidszorg", "Prenataal"),
    ("OCMW Zele", "Opvoedingswinkel", "Opvoedingsondersteuning",
     "(Preventieve) gezinsondersteuning en gezondheidszorg", "Ouders en opvoedingsverantwoordelijken"),
    ("OCMW Zele", "Sociale dienst", "Onthaal, sociale dienstverlening en rechten",
     "Info en ondersteuning bij grondrechten, onthaal en maatschappelijke dienstverlening",
     "Ouders en opvoedingsverantwoordelijken"),
    ("Gezinsbond Zele", "Babbelbox", "Spel en ontmoeting", "Ontmoeting en versterken sociale cohesie",
     "0 tot 3 jaar"),
    ("Gezinsbond Zele", "Speelpleinwerking", "Spel, vrije tijd, sport en cultuur",
     "Spel, vrije tijd, culturele, sportieve en artistieke ontplooiing", "6 tot 12 jaar"),
]


def _label(page, text):
    return page.get_by_label(text, exact=True)


def _create_network(page):
    page.goto("/netwerken")
    page.get_by_role("link", name="Nieuw netwerk").click()
    _label(page, "Naam").fill("Huis van het Kind Zele")
    # the municipality picker: type and press Enter to choose
    search = _label(page, "Zoek in de lijst: Werkingsgebied: volledige gemeenten")
    search.fill("zele")
    search.press("Enter")
    assert "Gekozen (1): Zele" in page.locator("#gemeenten-gekozen").inner_text()
    _label(page, "Werkingsgebied: delen van een gemeente").fill("Berlare: Overmere")
    _label(page, "Rechtsvorm").select_option("vzw")
    _label(page, "Aanvraagdatum").fill("2025-01-15")
    _label(page, "Naam van de coördinator").fill("Lies Coördinator")
    _label(page, "E-mailadres van de coördinator").fill("lies@hvkzele.be")
    _label(page, "Coördinatoren (gebruikers met toegang)").select_option(label="Test coordinator (coord-x@test.be)")
    page.get_by_role("button", name="Netwerk aanmaken").click()
    expect(page.get_by_text("Netwerk Huis van het Kind Zele is aangemaakt")).to_be_visible()
    return int(re.search(r"/netwerken/(\d+)", page.url).group(1))


def _add_partner(page, netwerk_id, naam, sector, gemeente, kbo, bad_kbo=False):
    page.goto(f"/netwerken/{netwerk_id}/partners/toevoegen")
    page.get_by_label("Naam of KBO-nummer").fill(naam)
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text(f"Geen organisatie gevonden voor '{naam}'.")).to_be_visible()
    page.get_by_role("link", name="Nieuwe organisatie aanmaken").click()
    assert _label(page, "Naam").input_value() == naam  # carried over from the search
    _label(page, "Sector").select_option(label=sector)
    _label(page, "Gemeenten waar de organisatie werkt").select_option(label=gemeente)
    _label(page, "Samenwerkingsovereenkomst getekend").check()
    _label(page, "Datum van ondertekening").fill("2025-02-01")
    if bad_kbo:
        _label(page, "KBO-nummer").fill("0123.456.748")
        page.get_by_role("button", name="Organisatie aanmaken").click()
        error = page.locator("#kbo-fout")
        expect(error).to_be_visible()
        assert "controlecijfers" in error.inner_text()
        assert _label(page, "KBO-nummer").get_attribute("aria-invalid") == "true"
    _label(page, "KBO-nummer").fill(kbo)
    page.get_by_role("button", name="Organisatie aanmaken").click()
    expect(page.get_by_text(f"{naam} is aangemaakt en is nu partner")).to_be_visible()


def _fill_aanbod(page, partner, naam, vorm, functie, leeftijd):
    _label(page, "Partner").select_option(label=partner)
    _label(page, "Naam").fill(naam)
    if vorm:
        _label(page, "Aanbodvorm").select_option(label=vorm)
    _label(page, functie).check()
    _label(page, leeftijd).check()
    _label(page, "Op locatie").check()


def test_new_network_with_3_partners_and_6_aanbod_by_hand(page, wereld):
    login(page, "beheerder@test.be", WACHTWOORD)
    netwerk_id = _create_network(page)
    afmelden(page)

    login(page, "coord-x@test.be", WACHTWOORD)
    for i, (naam, sector, gemeente, kbo) in enumerate(PARTNERS):
        _add_partner(page, netwerk_id, naam, sector, gemeente, kbo, bad_kbo=i == 0)

    page.goto(f"/netwerken/{netwerk_id}/aanbod")
    page.get_by_role("link", name="Aanbod toevoegen").click()
    # first attempt: no vorm and an end date before the start date
    partner, naam, _, functie, leeftijd = AANBOD[0]
    _fill_aanbod(page, partner, naam, None, functie, leeftijd)
    _label(page, "Startdatum").fill("2025-09-01")
    _label(page, "Einddatum").fill("2025-06-30")
    page.get_by_role("button", name="Opslaan en nog een aanbod toevoegen").click()
    assert "Kies een aanbodvorm." in page.locator("#aanbodvorm-fout").inner_text()
    assert "De einddatum ligt vóór de startdatum." in page.locator("#einddatum-fout").inner_text()
    expect(page.get_by_text("Het formulier bevat fouten; niets is opgeslagen.")).to_be_visible()
    assert _label(page, "Naam").input_value() == naam  # nothing typed is lost
    _label(page, "Aanbodvorm").select_option(label=AANBOD[0][2])
    _label(page, "Einddatum").fill("")
    page.get_by_role("button", name="Opslaan en nog een aanbod toevoegen").click()
    expect(page.get_by_text(f"Aanbod {naam} is toegevoegd.")).to_be_visible()

    for partner, naam, vorm, functie, leeftijd in AANBOD[1:]:
        _fill_aanbod(page, partner, naam, vorm, functie, leeftijd)
        page.get_by_role("button", name="Opslaan en nog een aanbod toevoegen").click()
        expect(page.get_by_text(f"Aanbod {naam} is toegevoegd.")).to_be_visible()

    page.goto(f"/netwerken/{netwerk_id}/aanbod")
    expect(page.get_by_text("Aanbod (6).")).to_be_visible()
    for _, naam, *_ in AANBOD:
        expect(page.get_by_role("link", name=naam, exact=True)).to_be_visible()
    page.goto(f"/netwerken/{netwerk_id}")
    expect(page.get_by_text("3 partners")).to_be_visible()
    expect(page.get_by_text("Aanbod (6).")).to_be_visible()
    assert "Berlare (deel: Overmere)" in page.locator("main").inner_text()
    page.goto(f"/netwerken/{netwerk_id}/partners")
    expect(page.get_by_text("3 partners.")).to_be_visible()
    assert page.foreign == [] and page.dialogs == []


def test_partner_pages_have_no_serious_wcag_violations(browser, live_server, runner):
    from huisvanhetkind.demo import DEMO_USERS
    from tests.e2e.test_accessibility import AXE, _violations
    assert AXE.is_file(), "run `make test` (it installs axe-core from npm)"
    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    email = "coordinator@demo.hvk.be"
    login(page, email, next(u[2] for u in DEMO_USERS if u[0] == email))
    problems = {}
    for path in ["/netwerken/1/partners", "/netwerken/1/partners/toevoegen?q=kind",
                 "/netwerken/1/organisaties/nieuw", "/netwerken/1/bewerken", "/netwerken/1/aanbod",
                 "/netwerken/1/aanbod?verouderd=ja&sorteer=nagekeken", "/netwerken/1/aanbod/overzicht",
                 "/netwerken/1/aanbod/nieuw", "/aanbod/1", "/aanbod/1/bewerken", "/aanbod/1/verwijderen"]:
        page.goto(path)
        found = _violations(page)
        if found:
            problems[path] = found
    # a form showing errors next to its fields
    page.goto("/netwerken/1/aanbod/nieuw")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    found = _violations(page)
    if found:
        problems["aanbod/nieuw met fouten"] = found
    context.close()
    assert problems == {}
