"""Integers from outside beyond what a row can hold (issue 12): a Dutch 400/404/422, never a
500, and nothing changes in the database. The bound lives in main/converters.py."""
from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from huisvanhetkind.main.converters import ID_MAX, BegrensdeWaarden, begrensd_getal
from tests.toegang_helpers import snapshot, verschil

GROOT = "99999999999999999999"  # beyond 64 bits
TE_GROOT = str(ID_MAX + 1)  # beyond PostgreSQL's integer
NIET_GEVONDEN = "Deze pagina bestaat niet (meer)."
# WeasyPrint is slow in tests; the PDF is read by the same code as erkenning.dossier
TRAAG = {"erkenning.dossier_pdf"}


def test_a_bounded_integer_is_ascii_digits_up_to_id_max():
    assert [begrensd_getal(t) for t in ("0", "7", "007", str(ID_MAX))] == [0, 7, 7, ID_MAX]
    for tekst in (TE_GROOT, GROOT, "-1", "+1", " 1", "1 ", "1_000", "¹", "٣", "", "x", None):
        assert begrensd_getal(tekst) is None, tekst


def test_query_and_form_values_of_type_int_are_bounded_like_the_path():
    waarden = BegrensdeWaarden(MultiDict([("a", GROOT), ("a", "3"), ("b", "¹"), ("c", "12"),
                                          ("d", "-5")]))
    assert waarden.get("a", type=int) is None
    assert waarden.get("a", 0, type=int) == 0  # the default, as for a non-number
    assert [waarden.get(k, type=int) for k in "bcd"] == [None, 12, None]
    assert waarden.getlist("a", type=int) == [3]
    assert waarden.get("a") == GROOT and waarden.getlist("a") == [GROOT, "3"]  # text untouched
    assert waarden.get("c", type=str) == "12"


def _pagina_routes(app):
    """Every GET page of a network (and every page without arguments) of the url_map."""
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and set(rule.arguments) <= {"netwerk_id"} \
                and not rule.endpoint.endswith("static") and rule.endpoint != "main.vendor" \
                and rule.endpoint not in TRAAG:
            yield rule


def test_every_page_refuses_a_page_beyond_64_bits_with_a_404(app, wereld, login):
    """?page= and ?per_page= reach db.paginate, which reads them itself: a 404 before any
    view; the largest bounded values still answer (an empty page or a 404), never a 500."""
    c = login(wereld.beheerder)
    voor = snapshot(app)
    routes = list(_pagina_routes(app))
    assert len(routes) >= 30, [r.endpoint for r in routes]
    fout = {}
    for rule in routes:
        url = rule.build({"netwerk_id": wereld.netwerk_x} if rule.arguments else {})[1]
        for waarde in (GROOT, "¹", "0", "-1"):
            r = c.get(url, query_string={"page": waarde, "per_page": waarde})
            if r.status_code != 404:
                fout[(url, waarde)] = r.status_code
        r = c.get(url, query_string={"page": GROOT})
        if r.status_code != 404:
            fout[(url, "page")] = r.status_code
        r = c.get(url, query_string={"page": ID_MAX, "per_page": ID_MAX})
        if r.status_code >= 500:
            fout[(url, ID_MAX)] = r.status_code
    assert not fout
    assert verschil(voor, snapshot(app)) == []


def test_a_too_high_page_answers_as_before(wereld, login):
    c = login(wereld.beheerder)
    r = c.get(f"/netwerken/{wereld.netwerk_x}/partners?page=999")
    assert r.status_code == 200  # an empty page of the list, as db.paginate(error_out=False)
    r = c.get(f"/netwerken/{wereld.netwerk_x}/partners?page={GROOT}")
    assert r.status_code == 404 and NIET_GEVONDEN in r.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/audit/organisatie/%C2%B9", "/audit/netwerk/%C2%B9",
                                 f"/audit/organisatie/{GROOT}", f"/audit/netwerk/{TE_GROOT}",
                                 f"/audit/aanbod/{GROOT}", "/audit/gebruiker/x",
                                 "/netwerken/%D9%A3", f"/netwerken/{GROOT}"])
def test_a_record_id_that_no_row_can_have_is_a_404(app, wereld, login, url):
    """A superscript digit passes str.isdigit() but not int(); other scripts' digits are no
    ids either."""
    c = login(wereld.beheerder)
    voor = snapshot(app)
    r = c.get(url)
    assert r.status_code == 404 and NIET_GEVONDEN in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []


def test_the_audit_of_a_record_still_opens(wereld, login):
    c = login(wereld.beheerder)
    assert c.get(f"/audit/organisatie/{wereld.org_a}").status_code == 200
    assert c.get(f"/audit/netwerk/{wereld.netwerk_x}").status_code == 200


@pytest.mark.parametrize("waarde", [GROOT, TE_GROOT, "¹"])
def test_integer_query_arguments_beyond_the_bound(app, wereld, login, waarde):
    x = wereld.netwerk_x
    voor = snapshot(app)
    coordinator = login(wereld.coordinator_x)
    r = coordinator.get(f"/netwerken/{x}/wat-als", query_string={"partner": waarde})
    assert r.status_code == 404 and NIET_GEVONDEN in r.get_data(as_text=True)
    # van= of no row: as if absent (a coordinator first picks the partner on the list)
    r = coordinator.get(f"/netwerken/{x}/verwijzingen/nieuw", query_string={"van": waarde})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/netwerken/{x}/verwijzingen")
    r = coordinator.post(f"/netwerken/{x}/verwijzingen/nieuw", query_string={"van": waarde},
                         data={"naar_id": wereld.org_b, "soort": "doorverwijzing"})
    assert r.status_code == 302
    r = coordinator.get(f"/netwerken/{x}/aanbod/nieuw", query_string={"organisatie_id": waarde})
    assert r.status_code == 200
    r = coordinator.post("/netwerk-kiezen", data={"netwerk_id": waarde})
    assert r.status_code == 400 and "Ongeldige aanvraag" in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []


def test_integer_form_fields_beyond_the_bound_are_form_errors(app, wereld, login):
    x = wereld.netwerk_x
    voor = snapshot(app)
    partner = login(wereld.partner_a)
    url = f"/netwerken/{x}/verwijzingen/nieuw"
    r = partner.post(url, data={"naar_id": wereld.org_b, "soort": "doorverwijzing",
                                "aantal_per_jaar": "9" * 25})
    assert r.status_code == 422 and "Geef een geheel getal van 0 of meer." in r.get_data(
        as_text=True)
    r = partner.post(url, data={"naar_id": GROOT, "soort": "doorverwijzing"})
    assert r.status_code == 422
    coordinator = login(wereld.coordinator_x)
    r = coordinator.post(f"/netwerken/{x}/aanbod/nieuw", data={"organisatie_id": GROOT})
    assert r.status_code == 422
    r = coordinator.post(f"/netwerken/{x}/acties/nieuw",
                         data={"voorwaarde": "E1", "beschrijving": "Iets", "trekker_id": GROOT,
                               "deadline": "2026-01-01", "status": "gepland"})
    assert r.status_code == 422 and "Kies een actieve partner" in r.get_data(as_text=True)
    beheerder = login(wereld.beheerder)
    r = beheerder.post("/gebruikers/nieuw", data={
        "email": "nieuw@test.be", "rol": "partner", "organisatie_id": GROOT,
        "netwerken": [GROOT], "wachtwoord": "een-lang-wachtwoord-1"})
    assert r.status_code == 422
    assert verschil(voor, snapshot(app)) == []


@pytest.mark.parametrize("netwerk", [GROOT, "¹"])
def test_the_command_line_answers_an_impossible_network_id_in_dutch(runner, wereld, netwerk):
    result = runner.invoke(args=["hvk", "analyse", netwerk])
    assert result.exit_code == 1 and f"Netwerk '{netwerk}' niet gevonden." in result.output
