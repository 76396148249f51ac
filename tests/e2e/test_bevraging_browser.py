"""In Chromium, the samenwerkingsbevraging (domein.md §12): the coordinator opens a meetmoment from
the network's page; three partners answer, one of them in two sittings (save, come back through
'Te doen', finish); the results appear only after the third; a partner cannot open another's
answers; a second meetmoment shows what grew."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from huisvanhetkind.extensions import db
from tests import factories as f
from tests.e2e.rol_helpers import aanmelden, open_netwerk_vanaf_start, tweede_pagina

pytestmark = pytest.mark.e2e

X = "Huis van het Kind X"


@pytest.fixture
def vier_partners(app, wereld):
    """X gets partners C and D (each with a partner user) besides A and B."""
    from huisvanhetkind.partners.models import Netwerk
    with app.app_context():
        x = db.session.get(Netwerk, wereld.netwerk_x)
        for k in "CD":
            o = f.organisatie(f"Partner {k}")
            f.lid(x, o)
            f.gebruiker("partner", f"partner-{k.lower()}@test.be", organisatie=o)
        db.session.commit()
    return wereld


def _open(page, naam: str) -> None:
    page.goto("/")
    open_netwerk_vanaf_start(page, X)
    page.get_by_role("link", name="Samenwerkingsbevraging").click()
    page.get_by_role("link", name="Meetmoment openen").click()
    page.get_by_label("Naam").fill(naam)
    page.get_by_role("button", name="Meetmoment openen").click()
    expect(page.get_by_text(f"Het meetmoment '{naam}' is geopend: 4 organisaties")).to_be_visible()


def _vul_in(pg, partner: str, intensiteit: str, vertrouwen: int, waarde: int | None = None,
            bijdrage: str | None = None) -> None:
    groep = pg.get_by_role("group", name=partner, exact=True)
    groep.get_by_label("Hoe werken jullie samen?").select_option(intensiteit)
    for label in ("Openheid voor overleg", "Betrouwbaarheid", "Gedeelde missie"):
        groep.get_by_label(label).select_option(str(vertrouwen))
    if waarde is not None:
        for label in ("Invloed", "Bijdrage van middelen", "Betrokkenheid"):
            groep.get_by_label(label).select_option(str(waarde))
    if bijdrage:
        groep.get_by_label(bijdrage).check()


def _via_te_doen(pg) -> None:
    pg.goto("/")
    pg.locator("#te-doen").get_by_role("link", name="Vul de samenwerkingsbevraging van "
                                       f"{X} in").click()


def _beantwoord(browser, live_server, email: str, vertrouwen: int) -> None:
    """One partner answers in one sitting: coordination with D (or with A, for D itself)."""
    with tweede_pagina(browser, live_server) as pg:
        aanmelden(pg, email)
        _via_te_doen(pg)
        ander = "Partner A" if email == "partner-d@test.be" else "Partner D"
        _vul_in(pg, ander, "coordinatie", vertrouwen, 3, "Expertise")
        pg.get_by_role("button", name="Afronden").click()
        expect(pg.get_by_text("Je antwoorden zijn afgerond.")).to_be_visible()
        assert pg.foreign == [] and pg.dialogs == []


def test_samenwerkingsbevraging(page, browser, live_server, vier_partners, app):
    wereld = vier_partners
    aanmelden(page, "coord-x@test.be")
    _open(page, "Voorjaar")
    expect(page.locator("#respons")).to_contain_text("0 van 4 organisaties (0 %)")
    resultaten = page.url

    # partner A answers in two sittings: save half, come back through 'Te doen', finish
    with tweede_pagina(browser, live_server) as a:
        aanmelden(a, "partner-a@test.be")
        _via_te_doen(a)
        _vul_in(a, "Partner B", "samenwerking", 3)
        a.get_by_role("button", name="Bewaren en later verder gaan").click()
        expect(a.get_by_text("Je antwoorden zijn bewaard.")).to_be_visible()
        a.goto("/")
        _via_te_doen(a)  # still to do: only saved
        groep = a.get_by_role("group", name="Partner B", exact=True)
        expect(groep.get_by_label("Hoe werken jullie samen?")).to_have_value("samenwerking")
        expect(groep.get_by_label("Gedeelde missie")).to_have_value("3")
        a.get_by_role("button", name="Afronden").click()  # the value items are still missing
        expect(a.locator("#formulierfout")).to_contain_text("Vul voor Partner B nog in")
        _vul_in(a, "Partner B", "samenwerking", 3, 2)
        _vul_in(a, "Partner D", "coordinatie", 2, 3, "Ruimte")
        a.get_by_role("button", name="Afronden").click()
        expect(a.get_by_text("Je antwoorden zijn afgerond.")).to_be_visible()
        a.goto("/")
        expect(a.get_by_text(f"Vul de samenwerkingsbevraging van {X} in")).to_have_count(0)

        # partner A cannot open B's answers
        from huisvanhetkind.bevraging.models import Deelname
        with app.app_context():
            van_b = db.session.scalar(select(Deelname.id).where(
                Deelname.organisatie_id == wereld.org_b))
        antwoord = a.goto(f"/bevraging/antwoord/{van_b}")
        assert antwoord.status == 403
        assert a.foreign == [] and a.dialogs == []

    _beantwoord(browser, live_server, "partner-b@test.be", 3)
    page.goto(resultaten)
    expect(page.locator("#respons")).to_contain_text("2 van 4 organisaties (50 %)")
    expect(page.locator("#resultaten-verborgen")).to_be_visible()
    expect(page.locator("#openstaand")).to_contain_text("Partner C")
    expect(page.locator("#openstaand")).not_to_contain_text("Partner A")

    _beantwoord(browser, live_server, "partner-c@test.be", 1)
    page.goto(resultaten)
    expect(page.locator("#respons")).to_contain_text("3 van 4 organisaties (75 %)")
    expect(page.locator("#resultaten-verborgen")).to_have_count(0)
    # D was rated by A (2), B (3) and C (1): (2 + 3 + 1) / 3 = 2,00; B by A alone: hidden
    rij_d = page.locator("#partnerscores tr", has_text="Partner D")
    expect(rij_d).to_contain_text("2,00")
    expect(page.locator("#partnerscores tr", has_text="Partner B")).to_contain_text("verborgen")
    expect(page.locator("#tekening svg")).to_be_visible()
    page.get_by_role("link", name="vertrouwen", exact=True).click()
    expect(page.locator("#tekening svg title")).to_contain_text("gekleurd volgens vertrouwen")

    # the coordinator closes it and opens a second; trust in D grew
    page.get_by_role("button", name="Meetmoment sluiten").click()
    expect(page.get_by_text("Het meetmoment 'Voorjaar' is gesloten.")).to_be_visible()
    _open(page, "Najaar")
    for email in ("partner-a@test.be", "partner-b@test.be", "partner-c@test.be"):
        _beantwoord(browser, live_server, email, 4)
    page.reload()
    vergelijking = page.locator("#vergelijking")
    expect(vergelijking).to_contain_text("Voorjaar")
    expect(vergelijking.locator("tr", has_text="Partner D: vertrouwen")).to_contain_text(
        "▲ gegroeid")
    expect(vergelijking.locator("tr", has_text="Vertrouwen in het netwerk")).to_contain_text(
        "▲ gegroeid")
    assert page.foreign == [] and page.dialogs == []


def test_survey_pages_pass_axe(browser, live_server, vier_partners, app):
    """The answer form (also with its error) and the results with the drawing and the
    comparison: no serious or critical WCAG 2.1 AA issue (axe-core)."""
    from datetime import date, timedelta

    from huisvanhetkind.bevraging import operations
    from tests.e2e.test_accessibility import _violations

    vandaag = date.today()
    with app.app_context():
        ids = []
        for naam in ("Voorjaar", "Najaar"):
            m = operations.open_meetmoment(vier_partners.netwerk_x, naam,
                                           vandaag + timedelta(days=5), vandaag)
            orgs = [d.organisatie_id for d in m.deelnames]
            for d in m.deelnames[1:]:
                operations.bewaar_antwoord(
                    d, {p: {"intensiteit": "integratie", "bijdragen": ["ruimte"],
                            **dict.fromkeys(("openheid", "betrouwbaarheid", "missie", "invloed",
                                             "middelen", "betrokkenheid"), 2)}
                        for p in orgs if p != d.organisatie_id}, True, d.version, vandaag)
            ids.append((m.id, m.deelnames[0].id))
            if naam == "Voorjaar":
                operations.sluit_meetmoment(m, m.version, vandaag)
        db.session.commit()
    context = browser.new_context(locale="nl-BE", base_url=live_server, bypass_csp=True)
    try:
        pg = context.new_page()
        aanmelden(pg, "coord-x@test.be")
        problemen = {}
        for pad in (f"/bevraging/{ids[1][0]}", f"/bevraging/{ids[1][0]}?kleur=vertrouwen",
                    f"/netwerken/{vier_partners.netwerk_x}/bevraging"):
            pg.goto(pad)
            problemen[pad] = _violations(pg)
        context.clear_cookies()
        aanmelden(pg, "partner-a@test.be")
        pg.goto(f"/bevraging/antwoord/{ids[1][1]}")
        pg.get_by_role("group", name="Partner B", exact=True).get_by_label(
            "Hoe werken jullie samen?").select_option("bewust")
        pg.get_by_role("button", name="Afronden").click()
        expect(pg.locator("#formulierfout")).to_be_visible()
        problemen["antwoord met fout"] = _violations(pg)
        assert {k: v for k, v in problemen.items() if v} == {}
    finally:
        context.close()
