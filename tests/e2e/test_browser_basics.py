"""In Chromium: login per role, 403 for another organisation, nothing loaded from outside."""
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import afmelden, login
from tests.factories import WACHTWOORD

pytestmark = pytest.mark.e2e


def test_login_page_is_styled_and_local(page):
    page.goto("/")
    assert page.url.endswith("/aanmelden?next=/")
    expect(page.get_by_role("heading", name="Aanmelden")).to_be_visible()
    # Bootstrap really applied: the primary button has Bootstrap's blue background
    bg = page.get_by_role("button", name="Aanmelden").evaluate(
        "b => getComputedStyle(b).backgroundColor")
    assert bg == "rgb(13, 110, 253)"
    assert page.foreign == []


@pytest.mark.parametrize("email,expected", [
    ("beheerder@test.be", "Welkom, beheerder"),
    ("coord-x@test.be", "Je coördineert 1 netwerk."),
    ("partner-a@test.be", "Je beheert de gegevens en het aanbod van"),
    ("cons-ov@test.be", "Je volgt de netwerken in Oost-Vlaanderen"),
])
def test_each_role_reaches_its_start_page(page, wereld, email, expected):
    login(page, email, WACHTWOORD)
    expect(page.get_by_text(expected)).to_be_visible()
    page.get_by_role("link", name="Netwerken").first.click()
    expect(page.get_by_role("heading", name="Netwerken")).to_be_visible()
    assert page.foreign == [] and page.dialogs == []


def test_wrong_password_gives_dutch_message(page, wereld):
    login(page, "partner-a@test.be", "helemaal-fout-123")
    expect(page.get_by_text("E-mailadres of wachtwoord is onjuist.")).to_be_visible()


def test_partner_gets_403_on_other_organisation(page, wereld):
    login(page, "partner-a@test.be", WACHTWOORD)
    response = page.goto(f"/organisaties/{wereld.org_b}/bewerken")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()


def test_edit_form_shows_error_next_to_field_and_logout(page, wereld):
    login(page, "partner-a@test.be", WACHTWOORD)
    page.goto(f"/organisaties/{wereld.org_a}/bewerken")
    page.get_by_label("KBO-nummer").fill("0123.456.748")
    page.get_by_role("button", name="Opslaan").click()
    error = page.locator("#kbo-fout")
    assert "controlecijfers" in error.inner_text()
    page.get_by_label("KBO-nummer").fill("0123.456.749")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("is bijgewerkt")).to_be_visible()
    afmelden(page)
    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()


def test_every_demo_login_reaches_its_start_page(page, runner):
    """The logins `make run` prints work in a real browser and land on a page for that role."""
    from huisvanhetkind.demo import DEMO_USERS
    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    expected = {"beheerder": "Welkom, beheerder", "coordinator": "Je coördineert",
                "partner": "Je beheert de gegevens en het aanbod van",
                "consultant": "Je volgt de netwerken in Oost-Vlaanderen"}
    for email, rol, password, _ in DEMO_USERS:
        login(page, email, password)
        expect(page.get_by_text(expected[rol]), rol).to_be_visible()
        assert "Sint-Niklaas-Temse" in page.content()
        afmelden(page)
    assert page.foreign == [] and page.dialogs == []
