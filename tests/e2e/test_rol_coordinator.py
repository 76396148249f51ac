"""In Chromium, the coordinator's main path, clicked as a coordinator would: to their network, the
import template downloaded and filled in, a broken workbook refused with per-row errors, the
corrected one previewed and imported, the new members and aanbod in the lists; then the erkenning
dashboard, a fix-it link to an engagement, a new action, and the dossier as a PDF download.
"""
from __future__ import annotations

import io
from datetime import date, timedelta

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.e2e.rol_helpers import aanmelden, label, netwerk_nav, open_netwerk_vanaf_start
from tests.factories import kbo_nummer

pytestmark = pytest.mark.e2e

X = "Huis van het Kind X"
PARTNERS = [  # sleutel, naam, kbo, sector, gemeenten, email, lid_sinds, overeenkomst_getekend
    ["ocmw", "OCMW Temse", kbo_nummer(4300001), "Lokaal bestuur", "Temse", "info@ocmw-temse.be",
     "01/02/2025", "ja"],
    ["kg", "Kind en Gezin Waasland", None, "kind_en_gezin", "Temse; Sint-Niklaas", None,
     "2025-02-01", "nee"],
]
AANBOD = [  # sleutel, partner, naam, aanbodvorm, functies, leeftijdsgroepen, doelgroep,
    # werkvormen, gemeenten, laagdrempelig, verplicht_kg
    ["cb", "kg", "Consultatiebureau Temse", "consultatiebureau", "gezinsondersteuning",
     "0-3; prenataal", "universeel", "locatie", "Temse", "ja", "ja"],
    ["bb", "ocmw", "Babbelbox Temse", "Spel en ontmoeting", "ontmoeting", "0 tot 3 jaar",
     "kwetsbaar", "locatie; mobiel", None, "ja", "nee"],
]


def _ingevuld(sjabloon: bytes, partners, aanbod) -> bytes:
    """The downloaded template with rows typed into its partners and aanbod sheets."""
    wb = openpyxl.load_workbook(io.BytesIO(sjabloon))
    del wb["netwerk"]  # importing into an existing network: this sheet may be left out
    for blad, rijen in (("partners", partners), ("aanbod", aanbod)):
        for r, rij in enumerate(rijen, start=2):
            for k, waarde in enumerate(rij, start=1):
                wb[blad].cell(row=r, column=k, value=waarde)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _controleer(page, pad) -> None:
    page.get_by_label("Bestand (.xlsx").set_input_files(str(pad))
    page.get_by_role("button", name="Bestand controleren").click()


def test_coordinator_imports_fixes_an_engagement_and_downloads_the_dossier(page, wereld,
                                                                           tmp_path):
    aanmelden(page, "coord-x@test.be")
    expect(page.get_by_text("Je coördineert 1 netwerk.")).to_be_visible()
    open_netwerk_vanaf_start(page, X)
    nav = netwerk_nav(page, X)
    nav.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name=f"Importeren in {X}")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download het lege sjabloon (.xlsx)").click()
    assert download.value.suggested_filename == "huis-van-het-kind-sjabloon.xlsx"
    sjabloon = tmp_path / "sjabloon.xlsx"
    download.value.save_as(sjabloon)
    assert openpyxl.load_workbook(sjabloon).sheetnames[:5] == [
        "netwerk", "partners", "aanbod", "verwijzingen", "engagementen"]

    # a broken file: an unknown aanbodvorm and a KBO number with wrong check digits
    slecht_aanbod = [list(r) for r in AANBOD]
    slecht_aanbod[0][3] = "speelotheek"
    slechte_partners = [list(r) for r in PARTNERS]
    slechte_partners[0][2] = "0123.456.748"
    slecht = tmp_path / "slecht.xlsx"
    slecht.write_bytes(_ingevuld(sjabloon.read_bytes(), slechte_partners, slecht_aanbod))
    _controleer(page, slecht)
    fouten = page.locator("#importfouten")
    expect(fouten).to_contain_text("is geweigerd: er is niets opgeslagen.")
    tekst = fouten.inner_text()
    assert "partners, rij 2, kolom kbo" in tekst
    assert "aanbod, rij 2, kolom aanbodvorm: 'speelotheek'" in tekst
    assert "2 fouten gevonden." in tekst
    assert page.get_by_role("button", name="Importeren").count() == 0

    goed = tmp_path / "netwerk-x.xlsx"
    goed.write_bytes(_ingevuld(sjabloon.read_bytes(), PARTNERS, AANBOD))
    _controleer(page, goed)
    expect(page.get_by_role("heading", name="Import controleren: netwerk-x.xlsx")).to_be_visible()
    expect(page.get_by_role("row", name="partners 2 0 0")).to_be_visible()
    expect(page.get_by_role("row", name="aanbod 2 0 0")).to_be_visible()
    expect(page.locator("#blad-aanbod").get_by_text("Consultatiebureau Temse")).to_be_visible()
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_role("heading", name="Import voltooid")).to_be_visible()

    nav.get_by_role("link", name="Partners", exact=True).click()
    expect(page.get_by_text("4 partners.")).to_be_visible()
    for naam in ("OCMW Temse", "Kind en Gezin Waasland"):
        expect(page.get_by_role("link", name=naam, exact=True)).to_be_visible()
    nav.get_by_role("link", name="Aanbod", exact=True).click()
    expect(page.get_by_text("Aanbod (3).")).to_be_visible()
    rij = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="Consultatiebureau Temse", exact=True))
    assert "Kind en Gezin Waasland" in rij.inner_text()

    # erkenning: S4 is not taken yet; its fix-it link leads to the engagement
    nav.get_by_role("link", name="Erkenning", exact=True).click()
    expect(page.get_by_role("heading", name=f"Erkenning en subsidie: {X}")).to_be_visible()
    s4 = page.locator("#voorwaarde-S4")
    assert "Niet voldaan" in s4.inner_text()
    s4.get_by_role("link", name="Engagementen en acties").click()
    expect(page.get_by_role("heading", name=f"Engagementen en acties: {X}")).to_be_visible()
    assert page.url.endswith("#engagement-S4")
    sectie = page.locator("#engagement-S4")
    assert "Nog geen acties." in sectie.inner_text()
    sectie.get_by_role("link", name="Actie toevoegen aan S4").click()
    expect(page.get_by_role("heading", name="Nieuwe actie")).to_be_visible()
    assert label(page, "Engagement").input_value() == "S4"
    label(page, "Beschrijving").fill("Ouderpanel in het Huis van het Kind, twee keer per jaar")
    label(page, "Trekker").select_option(label="OCMW Temse")  # a member the import just added
    label(page, "Deadline").fill((date.today() + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(sectie).to_contain_text("Ouderpanel in het Huis van het Kind")
    assert "OCMW Temse" in sectie.inner_text() and "Niet voldaan" not in sectie.inner_text()

    page.get_by_role("link", name="Naar de erkenning").click()
    expect(page.get_by_role("heading", name=f"Erkenning en subsidie: {X}")).to_be_visible()
    assert "Niet voldaan" not in s4.inner_text()
    page.get_by_role("link", name="Dossier bekijken en afdrukken").click()
    expect(page.get_by_role("heading", name=X, level=1)).to_be_visible()
    expect(page.get_by_text("Ouderpanel in het Huis van het Kind").first).to_be_visible()
    # the PDF is sent as an attachment: clicking the link downloads it
    with page.expect_download(timeout=60_000) as info:  # a tagged PDF takes seconds on a busy host
        page.get_by_role("link", name="Download als PDF").click(timeout=60_000)
    download = info.value
    assert download.suggested_filename.startswith(f"erkenningsdossier-{wereld.netwerk_x}-")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as fh:
        assert fh.read(4) == b"%PDF"
    assert page.foreign == [] and page.dialogs == []
