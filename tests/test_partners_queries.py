"""List and overview pages use a bounded number of SQL statements, whatever the number of rows."""
from datetime import date, timedelta

import pytest

from huisvanhetkind import cache
from huisvanhetkind.extensions import db
from tests import factories as f
from tests.partners_helpers import count_statements


def _network(naam: str, rows: int, gemeente: str):
    n = f.netwerk(naam, gemeenten=(gemeente,))
    for i in range(rows):
        org = f.organisatie(f"{naam} org {i:02d}", gemeenten=(gemeente,),
                            sector=("welzijn", "kinderopvang", "lokaal_bestuur")[i % 3])
        f.lid(n, org, overeenkomst_getekend=i % 2 == 0)
        f.contactpersoon(org, f"Contact {i}")
        f.aanbod(org, f"{naam} aanbod {i:02d}", leeftijdsgroepen=("0-3", "ouders"),
                 laatst_nagekeken_op=date.today() - timedelta(days=400 * (i % 2)))
    big_org = f.organisatie(f"{naam} grote partner", gemeenten=(gemeente,))
    f.lid(n, big_org)
    for i in range(rows):
        f.aanbod(big_org, f"{naam} extra {i:02d}")
        f.contactpersoon(big_org, f"Persoon {i}")
    return n.id, big_org.id


@pytest.fixture
def klein_en_groot(app):
    with app.app_context():
        klein = _network("Klein", 3, "46021")
        groot = _network("Groot", 40, "11002")
        beheerder = f.gebruiker("beheerder").id
        db.session.commit()
    return klein, groot, beheerder


PAGES = [
    "/netwerken/{n}", "/netwerken/{n}/partners", "/netwerken/{n}/partners?sector=welzijn&sorteer=sector",
    "/netwerken/{n}/aanbod", "/netwerken/{n}/aanbod?leeftijdsgroep=0-3&verouderd=ja&sorteer=partner",
    "/netwerken/{n}/aanbod?gemeente={g}&q=org", "/netwerken/{n}/aanbod/overzicht",
    "/netwerken/{n}/aanbod/nieuw", "/organisaties/{o}", "/netwerken/{n}/partners/toevoegen?q=org",
]


@pytest.mark.parametrize("page", PAGES)
def test_statement_count_is_the_same_for_3_and_40_rows(klein_en_groot, login, app, page):
    (klein, klein_org), (groot, groot_org), beheerder = klein_en_groot
    c = login(beheerder)
    small_url = page.format(n=klein, o=klein_org, g="46021")
    big_url = page.format(n=groot, o=groot_org, g="11002")
    c.get(small_url)  # warm-up: the first request of a session loads the user once more
    # each measured cold: what a page keeps per network revisie (partners/queries.per_revisie)
    # is read again after every change, and must not grow with the rows either
    cache.clear()
    cache.rijen.clear()  # the kept rows of a list too (partners/weergave_bewaard.py)
    r_small, small = count_statements(app, lambda: c.get(small_url))
    cache.clear()
    cache.rijen.clear()
    r_big, big = count_statements(app, lambda: c.get(big_url))
    assert r_small.status_code == r_big.status_code == 200
    assert small == big, f"{page}: {small} statements for 3 rows, {big} for 40"
    assert big <= 20


def _netwerk_rijen(statements: list[str]) -> int:
    """How many statements read whole network rows (the page's network, the menu's list)."""
    return sum(" ".join(s.split()).startswith("SELECT netwerk.id, netwerk.naam, netwerk.rechtsvorm")
               and "netwerk.beschrijving" in s for s in statements)


def test_the_menu_of_one_network_takes_the_network_the_page_loaded(wereld, login, app):
    """partners.queries.zichtbare_netwerken: a coordinator or partner who sees one network gets
    it from the session (Session.get) instead of a statement of its own; several networks are
    one statement, by name."""
    from tests.sql_count import sent_statements

    c = login(wereld.coordinator_x)
    c.get(f"/netwerken/{wereld.netwerk_x}/aanbod")  # the filters' municipalities are kept then
    r, statements = sent_statements(lambda: c.get(f"/netwerken/{wereld.netwerk_x}/aanbod"), app)
    assert r.status_code == 200 and _netwerk_rijen(statements) == 1
    # the networks of the user's rights come with the user (auth/session.load_user), the
    # network's municipalities with its row (partners/refs.netwerk_ref)
    assert not [s for s in statements if s.startswith("SELECT gebruiker_netwerk.")]
    assert not [s for s in statements if s.startswith("SELECT werkingsgebied.nis")]
    c = login(wereld.partner_a)
    r, statements = sent_statements(lambda: c.get(f"/netwerken/{wereld.netwerk_x}/aanbod"), app)
    assert r.status_code == 200 and _netwerk_rijen(statements) == 1
    assert not [s for s in statements if s.startswith("SELECT lidmaatschap.netwerk_id")]
    assert "Bewerken: Spelotheek A" in r.get_data(as_text=True)  # the partner's own aanbod
    assert f'href="/netwerken/{wereld.netwerk_x}"' in r.get_data(as_text=True)  # the menu
    with app.app_context():
        twee = f.gebruiker("coordinator", "coord-twee@test.be",
                           netwerken=[f.netwerk("Aaa netwerk"), f.netwerk("Zzz netwerk")]).id
        db.session.commit()
    c = login(twee)
    r, statements = sent_statements(lambda: c.get("/"), app)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and _netwerk_rijen(statements) == 1
    assert "Aaa netwerk" in html and html.index("Aaa netwerk") < html.index("Zzz netwerk")
