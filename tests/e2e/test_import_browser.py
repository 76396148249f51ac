"""In Chromium, with CSRF on: upload a workbook → see the preview → confirm → result; a bad
file shows the cell and keeps the database unchanged."""
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.factories import WACHTWOORD
from tests.io_helpers import groot_netwerk, werkmap

pytestmark = pytest.mark.e2e


def test_upload_preview_confirm(page, wereld, tmp_path):
    goed = tmp_path / "netwerk.xlsx"
    goed.write_bytes(werkmap(groot_netwerk(n=6)))
    slecht = tmp_path / "slecht.xlsx"
    bladen = groot_netwerk(n=6)
    bladen["aanbod"][3][3] = "speelotheek"
    slecht.write_bytes(werkmap(bladen))

    login(page, "coord-x@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{wereld.netwerk_x}")
    page.get_by_role("link", name="Import", exact=True).click()
    page.get_by_label("Bestand").set_input_files(str(slecht))
    page.get_by_role("button", name="Bestand controleren").click()
    alert = page.locator("#importfouten")
    assert "aanbod, rij 4, kolom aanbodvorm: 'speelotheek'" in alert.inner_text()

    page.get_by_label("Bestand").set_input_files(str(goed))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", name="Import controleren: netwerk.xlsx")).to_be_visible()
    expect(page.get_by_text("Partner 03 vzw").first).to_be_visible()
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_role("heading", name="Import voltooid")).to_be_visible()
    expect(page.get_by_role("row", name="partners 6 0 0")).to_be_visible()
    page.get_by_role("link", name="Export", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Open Referral HSDS 3.0 (.json)").click()
    assert download.value.suggested_filename == "huis-van-het-kind-x-hsds.json"
    assert page.foreign == [] and page.dialogs == []
