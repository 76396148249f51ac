"""In Chromium (issue 16, item 9): visible keyboard focus in the coverage matrix, and the focus
on the first invalid field after a failed submit."""
import pytest

from tests.e2e.conftest import login
from tests.factories import WACHTWOORD

pytestmark = pytest.mark.e2e

FOCUS_STIJL = """() => {
  const a = document.activeElement, s = getComputedStyle(a);
  const td = a.closest('td'), bg = getComputedStyle(td).backgroundColor;
  return [a.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth),
          s.outlineColor, bg];
}"""


def _rgb(css):
    return [int(float(x)) for x in css[css.index("(") + 1:css.index(")")].split(",")[:3]]


def _luminantie(rgb):
    def kanaal(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (kanaal(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    la, lb = sorted((_luminantie(_rgb(a)), _luminantie(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_matrix_cells_show_a_clear_focus_outline(page, wereld):
    login(page, "coord-x@test.be", WACHTWOORD)
    page.goto(f"/netwerken/{wereld.netwerk_x}/dekking")
    cellen = page.locator("table.dekking td a")
    assert cellen.count() > 0
    for i in (0, cellen.count() - 1):
        cellen.nth(i).focus()
        zichtbaar, stijl, breedte, kleur, achtergrond = page.evaluate(FOCUS_STIJL)
        assert zichtbaar and stijl == "solid" and breedte >= 2
        assert _contrast(kleur, achtergrond) >= 3, (kleur, achtergrond)


def test_a_failed_submit_focuses_the_first_invalid_field(page, wereld):
    fouten = []
    page.on("console", lambda m: fouten.append(m.text) if "Content Security Policy" in m.text
            else None)
    login(page, "beheerder@test.be", WACHTWOORD)
    page.goto("/gebruikers/nieuw")
    page.get_by_label("E-mailadres").fill("nieuw@test.be")
    with page.expect_response(lambda r: r.request.method == "POST") as antwoord:
        page.get_by_role("button", name="Opslaan").click()
    assert antwoord.value.status == 422
    page.wait_for_load_state()
    assert page.evaluate("() => document.activeElement.id") == "rol"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-invalid')") == "true"
    assert fouten == [] and page.foreign == []
