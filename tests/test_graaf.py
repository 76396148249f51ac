"""Graaf pages (issue #5): the network graph, analysis, 'wat als' and the consultants' overview.

Every page shows a partner named like markup as plain text, takes one authorisation decision,
and uses a bounded number of SQL statements.
"""
import json
from datetime import date
import re

import pytest

from huisvanhetkind.extensions import db
from huisvanhetkind.domein.analyse import UITLEG
from tests import factories as f
from tests.graaf_helpers import XSS, count_queries, groot_netwerk, xss_partner
from tests.sql_count import count_statements
from tests.test_pages import EXTERNAL

ESCAPED = "&lt;img src=x onerror=alert(1)&gt; href"


def _pages(x, org):
    return [f"/netwerken/{x}/graaf", f"/netwerken/{x}/analyse", f"/netwerken/{x}/wat-als",
            f"/netwerken/{x}/wat-als?partner={org}", f"/netwerken/{x}/dekking",
            f"/netwerken/{x}/dekking?gemeente=46021",
            f"/netwerken/{x}/dekking/cel?functie=ontmoeting&leeftijdsgroep=0-3",
            f"/netwerken/{x}/verwijzingen"]


@pytest.mark.parametrize("who", ["beheerder", "coordinator_x", "partner_a", "consultant_ov"])
def test_pages_render_names_as_plain_text(app, wereld, login, who):
    xss = xss_partner(app, wereld)
    c = login(getattr(wereld, who))
    for url in _pages(wereld.netwerk_x, xss):
        r = c.get(url)
        assert r.status_code == 200, url
        html = r.get_data(as_text=True)
        assert "<img src=x" not in html, url  # never raw markup from a name
        assert ESCAPED in html or "\\u003cimg src=x" in html, url
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html), url
        assert " style=" not in html and " onclick=" not in html, url
        assert not EXTERNAL.search(html), url  # nothing from outside the app


@pytest.mark.parametrize("who", ["coordinator_y", "consultant_ant"])
def test_other_networks_are_refused(wereld, login, who):
    c = login(getattr(wereld, who))
    for url in _pages(wereld.netwerk_x, wereld.org_a) + [
            f"/netwerken/{wereld.netwerk_x}/graaf.json", f"/netwerken/{wereld.netwerk_x}/export.gexf",
            f"/netwerken/{wereld.netwerk_x}/dekking.svg"]:
        assert c.get(url).status_code == 403, url


def test_anonymous_is_sent_to_login(wereld, client):
    r = client.get(f"/netwerken/{wereld.netwerk_x}/graaf")
    assert r.status_code in (302, 401)


def test_graph_page_points_graaf_js_to_plain_json(app, wereld, login):
    xss = xss_partner(app, wereld)
    c = login(wereld.coordinator_x)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/graaf").get_data(as_text=True)
    bron = re.search(r'data-bron="([^"]+)"', html).group(1)
    assert bron == f"/netwerken/{wereld.netwerk_x}/graaf.json"
    r = c.get(bron)
    assert r.mimetype == "application/json"
    data = json.loads(r.get_data(as_text=True))
    node = next(n for n in data["nodes"] if n["id"] == xss)
    assert node["label"] == XSS and node["url"] == f"/organisaties/{xss}"
    assert {n["id"] for n in data["nodes"]} == {wereld.org_a, wereld.org_b, xss}
    assert next(n for n in data["nodes"] if n["id"] == wereld.org_b)["geisoleerd"]
    assert {s["code"] for s in data["soorten"]} >= {"doorverwijzing"}
    assert [g["los"] for g in data["groepen"]] == [False, True]  # A–xss linked, B loose
    assert data["peildatum"] == date.today().isoformat()
    # the WebGL picture: the bundled libraries (offline), labels, export and the page script
    for script in ("vendor/graaf-bibliotheek.js", "js/graaf_labels.js", "js/graaf_beeld.js",
                   "js/graaf.js"):
        assert f"/static/{script}" in html, script
    assert "vis-network" not in html
    assert 'type="search" id="graaf-zoek"' in html and 'list="graaf-namen"' in html
    # the same data as tables, for keyboard and screen-reader users
    assert 'id="tabel-partners"' in html and 'id="tabel-verwijzingen"' in html
    assert f'data-knoop="{xss}"' in html
    # legend: not by colour alone
    assert "kwetsbare schakel" in html and "Geïsoleerden" in html
    assert client_json(login(wereld.coordinator_x), wereld.netwerk_x) == data


def client_json(c, netwerk_id):
    r = c.get(f"/netwerken/{netwerk_id}/graaf.json")
    assert r.status_code == 200 and r.is_json
    return r.get_json()


def test_cached_picture_follows_every_commit_and_the_peildatum(app, wereld, login):
    """graaf.json and the page are cached per revisie: a committed verwijzing shows at once; a
    peildatum before someone joined leaves them out; a bad date is a Dutch 400."""
    from huisvanhetkind.partners.models import Organisatie
    xss = xss_partner(app, wereld)
    c = login(wereld.coordinator_x)
    voor = client_json(c, wereld.netwerk_x)
    assert client_json(c, wereld.netwerk_x) == voor  # served from the cache
    with app.app_context():
        f.verwijzing(db.session.get(Organisatie, wereld.org_b),
                     db.session.get(Organisatie, xss), "samenwerking")
        db.session.commit()
    na = client_json(c, wereld.netwerk_x)
    assert len(na["edges"]) == len(voor["edges"]) + 1
    assert not next(n for n in na["nodes"] if n["id"] == wereld.org_b)["geisoleerd"]
    assert "Partner B" in c.get(f"/netwerken/{wereld.netwerk_x}/graaf").get_data(as_text=True)
    oud = c.get(f"/netwerken/{wereld.netwerk_x}/graaf.json?op=2000-01-01").get_json()
    assert oud["peildatum"] == "2000-01-01" and len(oud["nodes"]) < len(na["nodes"])
    page = c.get(f"/netwerken/{wereld.netwerk_x}/graaf?op=2000-01-01").get_data(as_text=True)
    assert "Op 01/01/2000" in page and f"/netwerken/{wereld.netwerk_x}/graaf.json?op=2000-01-01" in page
    fout = c.get(f"/netwerken/{wereld.netwerk_x}/graaf?op=gisteren")
    assert fout.status_code == 400 and "We tonen de toestand van vandaag." in fout.get_data(as_text=True)
    assert c.get(f"/netwerken/{wereld.netwerk_x}/graaf.json?op=gisteren").status_code == 400


def test_analyse_page_explains_every_measure(app, wereld, login):
    xss_partner(app, wereld)
    html = login(wereld.consultant_ov).get(f"/netwerken/{wereld.netwerk_x}/analyse").get_data(
        as_text=True)
    for code in ("geisoleerd", "kwetsbare_schakels", "bruggen", "makelaars", "eenrichting",
                 "onbevestigd", "componenten", "dichtheid", "reciprociteit", "cb_bereik"):
        assert UITLEG[code].replace("'", "&#39;") in html, code
    assert "Partner B" in html  # isolated
    assert "verwijzing invullen" not in html  # consultants do not edit


def test_wat_als_shows_changed_metrics_and_conditions(app, wereld, login):
    xss = xss_partner(app, wereld)
    c = login(wereld.coordinator_x)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/wat-als?partner={wereld.org_a}").get_data(
        as_text=True)
    assert "Zonder Partner A" in html
    assert "Raken geïsoleerd (1)" in html and ESCAPED in html
    assert "E1 Ontvankelijke aanvraag" in html and "S7 Bestemming subsidie" in html
    assert "Erkenbaar: nu" in html
    assert c.get(f"/netwerken/{wereld.netwerk_x}/wat-als?partner={wereld.org_y}").status_code == 404
    assert xss  # the form lists every member
    assert f'<option value="{xss}">{ESCAPED}</option>' in c.get(
        f"/netwerken/{wereld.netwerk_x}/wat-als").get_data(as_text=True)


def _statements(app, login, wereld, url_of):
    """SQL statements of a page for a network of 3 and of 30 partners."""
    small = groot_netwerk(app, 3, "Klein netwerk")
    big = groot_netwerk(app, 30, "Groter netwerk")
    c = login(wereld.beheerder)
    counts = []
    for nid in (small, big):
        with app.app_context():
            r, n = count_queries(lambda: c.get(url_of(nid)))
        assert r.status_code == 200
        counts.append(n)
    return counts


@pytest.mark.parametrize("url", ["/netwerken/{}/graaf", "/netwerken/{}/dekking",
                                 "/netwerken/{}/analyse", "/netwerken/{}/verwijzingen",
                                 "/netwerken/{}/dekking/cel?functie=ontmoeting&leeftijdsgroep=0-3",
                                 "/netwerken/{}/wat-als?partner=1", "/netwerken/{}/export.gexf"])
def test_bounded_sql(app, wereld, login, url):
    def url_of(nid):
        if "partner=" in url:
            with app.app_context():
                from huisvanhetkind.graaf.queries import leden
                return url.format(nid).replace("partner=1", f"partner={leden(nid)[0][0]}")
        return url.format(nid)
    few, many = _statements(app, login, wereld, url_of)
    # the big network may need fewer: what the networks' shared municipalities hold is read
    # with the first one and kept (facts.koppen)
    assert many <= few, (few, many)


ROW = re.compile(r'<th scope="row" class="fw-normal"><a href="/netwerken/\d+">([^<]+)</a>')


def _rows(c, url):
    r = c.get(url)
    assert r.status_code == 200
    return ROW.findall(r.get_data(as_text=True))


def test_overview_for_consultants_and_beheerder(app, wereld, login):
    with app.app_context():
        f.netwerk("Huis van het Kind Gent", gemeenten=("44021",))
        db.session.commit()
    c = login(wereld.consultant_ov)
    assert _rows(c, "/overzicht") == ["Huis van het Kind Gent", "Huis van het Kind X"]
    ov = c.get("/overzicht").get_data(as_text=True)
    assert 'href="/overzicht"' in ov  # in the main navigation
    assert f'href="/netwerken/{wereld.netwerk_x}"' in ov and "Oost-Vlaanderen" in ov
    assert c.get("/overzicht?provincie=Antwerpen").status_code == 403
    assert c.get("/overzicht?provincie=Mars").status_code == 403
    assert _rows(login(wereld.consultant_ant), "/overzicht") == ["Huis van het Kind Y"]
    b = login(wereld.beheerder)
    assert len(_rows(b, "/overzicht")) == 3
    assert _rows(b, "/overzicht?provincie=Antwerpen") == ["Huis van het Kind Y"]
    assert b.get("/overzicht?provincie=Mars").status_code == 404
    for who in ("coordinator_x", "partner_a"):
        c = login(getattr(wereld, who))
        assert c.get("/overzicht").status_code == 403
        assert 'href="/overzicht"' not in c.get("/").get_data(as_text=True)


def test_overview_of_a_consultant_of_two_provinces_narrows_to_one(app, wereld, login):
    """Without ?provincie= the overview is the consultant's own networks (the menu's list, read
    once per request); one province of theirs narrows it, with the same statements."""
    with app.app_context():
        f.netwerk("Huis van het Kind Gent", gemeenten=("44021",))
        twee = f.gebruiker("consultant", "cons-twee@test.be",
                           provincies=("Oost-Vlaanderen", "Antwerpen")).id
        db.session.commit()
    c = login(twee)
    assert _rows(c, "/overzicht") == ["Huis van het Kind Gent", "Huis van het Kind X",
                                      "Huis van het Kind Y"]
    assert _rows(c, "/overzicht?provincie=Antwerpen") == ["Huis van het Kind Y"]
    assert _rows(c, "/overzicht?provincie=Oost-Vlaanderen") == ["Huis van het Kind Gent",
                                                                "Huis van het Kind X"]
    assert c.get("/overzicht?provincie=Limburg").status_code == 403
    alles = count_statements(lambda: c.get("/overzicht"), app)[1]
    een = count_statements(lambda: c.get("/overzicht?provincie=Antwerpen"), app)[1]
    assert een == alles + 1  # the menu's list, and the networks of the one province


def test_overview_of_a_province_reads_no_full_network_rows(app, wereld, login):
    """The province's networks as ids only (graaf/queries.netwerk_ids_in) and the menu's names
    (partners/queries.zichtbare_netwerk_namen): the rows come from the kept heads."""
    from tests.sql_count import sent_statements

    c = login(wereld.beheerder)
    c.get("/overzicht?provincie=Antwerpen")
    r, sql = sent_statements(lambda: c.get("/overzicht?provincie=Antwerpen"), app)
    assert r.status_code == 200 and "Huis van het Kind Y" in r.get_data(as_text=True)
    assert not [s for s in sql if "netwerk.beschrijving" in s]


def test_overview_of_a_consultants_own_provinces_reads_no_full_network_rows(app, wereld, login):
    """Without ?provincie= a consultant of some provinces sees their own networks: the ids
    come from the menu's switcher list (ids and names), read once for both."""
    from tests.sql_count import sent_statements

    with app.app_context():
        cons = f.gebruiker("consultant", "cons-antw@test.be", provincies=("Antwerpen",)).id
        db.session.commit()
    c = login(cons)
    c.get("/overzicht")
    r, sql = sent_statements(lambda: c.get("/overzicht"), app)
    assert r.status_code == 200 and "Huis van het Kind Y" in r.get_data(as_text=True)
    assert not [s for s in sql if "netwerk.beschrijving" in s]
    provincie = [s for s in sql if "FROM netwerk" in s and "werkingsgebied" in s]
    assert len(provincie) == 1
    # the province's codes are written into the statement, not ~70 bound parameters (twice
    # as slow on PostgreSQL): partners/queries.netwerk_ids_in_provincies
    assert "'11002'" in provincie[0]


def _tbody(html: str) -> str:
    return html[html.index("<tbody>"):html.index("</tbody>")]


def test_overview_rows_are_kept_per_their_values(app, wereld, login):
    """The table's rows are rendered once per their values (views_overzicht._rijen_html): a
    name stays plain text from the kept row, a change shows at once, and the links follow
    where the app is mounted."""
    from huisvanhetkind.partners.models import Netwerk

    c = login(wereld.beheerder)
    with app.app_context():
        db.session.get(Netwerk, wereld.netwerk_x).naam = XSS
        db.session.commit()
    eerst, dan = (_tbody(c.get("/overzicht").get_data(as_text=True)) for _ in range(2))
    assert eerst == dan and XSS not in dan and "&lt;img src=x onerror=alert(1)&gt; href" in dan
    with app.app_context():
        db.session.get(Netwerk, wereld.netwerk_x).naam = "Huis van het Kind Hernoemd"
        db.session.commit()
    assert "Huis van het Kind Hernoemd" in _rows(c, "/overzicht")
    onder = c.get("/overzicht", base_url="http://localhost/hvk").get_data(as_text=True)
    assert f'href="/hvk/netwerken/{wereld.netwerk_x}"' in onder
    assert f'href="/netwerken/{wereld.netwerk_x}"' in c.get("/overzicht").get_data(as_text=True)


def test_overview_sorts_server_side_with_aria_sort(app, wereld, login):
    groot_netwerk(app, 4, "Aaa netwerk")
    c = login(wereld.beheerder)
    html = c.get("/overzicht?sort=leden&richting=af").get_data(as_text=True)
    assert 'aria-sort="descending"' in html
    assert ROW.findall(html)[0] == "Aaa netwerk"  # 4 members, the most
    assert _rows(c, "/overzicht?sort=leden")[-1] == "Aaa netwerk"
    html = c.get("/overzicht?sort=naam").get_data(as_text=True)
    namen = ROW.findall(html)
    assert namen == sorted(namen, key=str.casefold) and 'aria-sort="ascending"' in html
    assert "sort=naam&amp;richting=af" in html  # the active column links to the other direction
    assert c.get("/overzicht?sort=onzin").status_code == 200


def test_empty_network_pages_still_render(app, wereld, login):
    with app.app_context():
        leeg = f.netwerk("Leeg netwerk", gemeenten=())
        db.session.commit()
        nid = leeg.id
    c = login(wereld.beheerder)
    for url in _pages(nid, 0)[:3] + [f"/netwerken/{nid}/dekking", f"/netwerken/{nid}/graaf.json",
                                     f"/netwerken/{nid}/dekking.svg", f"/netwerken/{nid}/dekking.png",
                                     f"/netwerken/{nid}/verwijzingen", f"/api/v1/netwerken/{nid}/analyse",
                                     f"/netwerken/{nid}/export.gexf", "/overzicht"]:
        assert c.get(url).status_code == 200, url
    assert c.get(f"/netwerken/{nid}/wat-als?partner={wereld.org_a}").status_code == 404
    assert c.get(f"/netwerken/999/graaf").status_code == 404
    assert c.get(f"/netwerken/999/verwijzingen").status_code == 404


def test_province_overview_statements_do_not_grow_with_the_number_of_networks(app, wereld, login):
    from huisvanhetkind import cache
    c = login(wereld.beheerder)
    counts = []
    for extra in (1, 6):
        for i in range(extra):
            groot_netwerk(app, 4, f"Extra {extra}.{i}")
        cache.clear()  # cold: every network's facts are read, in one batch
        with app.app_context():
            r, n = count_queries(lambda: c.get("/overzicht"))
        assert r.status_code == 200
        counts.append(n)
    assert counts[0] == counts[1], counts
