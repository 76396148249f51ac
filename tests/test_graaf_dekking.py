"""Coverage pages (issue #5, domein.md §5): the matrix, a cell's aanbod, 'bewust niet' marks and
the matrix as SVG and PNG."""
import io
import re
import xml.etree.ElementTree as ET

from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import BewustNiet
from huisvanhetkind.partners.models import Netwerk, Organisatie
from tests import factories as f
from tests.graaf_helpers import XSS, xss_partner

SVG = "{http://www.w3.org/2000/svg}"


def _cel(c, w, functie="ontmoeting", leeftijd="0-3", gemeente=None):
    url = f"/netwerken/{w.netwerk_x}/dekking/cel?functie={functie}&leeftijdsgroep={leeftijd}"
    return c.get(url + (f"&gemeente={gemeente}" if gemeente else ""))


def test_matrix_marks_status_in_words_per_municipality_and_overall(app, wereld, login):
    with app.app_context():
        a = db.session.get(Organisatie, wereld.org_a)  # serves Sint-Niklaas (46021) only
        f.aanbod(a, "Babbelbox", functies=("gezinsondersteuning",), leeftijdsgroepen=("ouders",))
        db.session.commit()
    c = login(wereld.consultant_ov)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/dekking").get_data(as_text=True)
    assert "LACUNE" in html and "in 1 van 2 gem." in html and "niet vereist" in html
    assert 'class="table table-bordered table-sm dekking"' in html and '<th scope="col">' in html
    sn = c.get(f"/netwerken/{wereld.netwerk_x}/dekking?gemeente=46021").get_data(as_text=True)
    # in Sint-Niklaas ontmoeting x 0-3 (Spelotheek A) and gezinsondersteuning x every age are covered
    assert sn.count("dekking-gedekt") >= 1 + 5
    assert "in 1 van 2 gem." not in sn
    assert c.get(f"/netwerken/{wereld.netwerk_x}/dekking?gemeente=11002").status_code == 404
    # the cell link opens the aanbod behind it
    assert (f'/netwerken/{wereld.netwerk_x}/dekking/cel?functie=ontmoeting&amp;'
            f'leeftijdsgroep=0-3&amp;gemeente=46021') in sn


def test_cell_page_lists_aanbod_and_municipalities(app, wereld, login):
    xss_partner(app, wereld)
    c = login(wereld.partner_a)
    r = _cel(c, wereld)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Spelotheek A" in html and "&lt;img src=x onerror=alert(1)&gt; href" in html
    assert "overlap" in html  # both partners offer spel en ontmoeting 0-3 on location
    assert "Sint-Niklaas" in html and "Temse" in html and "LACUNE" in html
    assert "Markeer als bewust niet" not in html  # partners do not mark
    assert _cel(c, wereld, functie="onzin").status_code == 404
    assert _cel(c, wereld, gemeente="11002").status_code == 404


def test_coordinator_marks_and_unmarks_bewust_niet(app, wereld, login):
    c = login(wereld.coordinator_x)
    base = f"/netwerken/{wereld.netwerk_x}/dekking"
    before = c.get(base).get_data(as_text=True)
    n_before = int(re.search(r"(\d+) lacunes", before).group(1))
    url = f"{base}/bewust-niet?functie=publieke_ruimte&leeftijdsgroep=12-18&gemeente=46025"
    form = c.get(url).get_data(as_text=True)
    assert "Markeer als bewust niet" in form and '<option selected value="46025">' in form
    r = c.post(url, data={"bereik": "46025", "reden": ""})
    assert "Geef de reden" in r.get_data(as_text=True)
    r = c.post(url, data={"bereik": "46025", "reden": "Speelpleinen zijn <b>gemeentelijk</b>"})
    assert r.status_code == 302
    after = c.get(base).get_data(as_text=True)
    assert int(re.search(r"(\d+) lacunes", after).group(1)) == n_before - 1
    assert "Speelpleinen zijn &lt;b&gt;gemeentelijk&lt;/b&gt;" in after
    # the same cell for all municipalities ('' = every municipality)
    r = c.post(url, data={"bereik": "alle", "reden": "Niet onze opdracht"})
    assert r.status_code == 302
    with app.app_context():
        marks = db.session.scalars(select(BewustNiet).order_by(BewustNiet.id)).all()
        assert [(m.nis, m.reden) for m in marks] == [("46025", "Speelpleinen zijn <b>gemeentelijk</b>"),
                                                     ("", "Niet onze opdracht")]
        ids = [m.id for m in marks]
    html = c.get(base).get_data(as_text=True)
    assert int(re.search(r"(\d+) lacunes", html).group(1)) == n_before - 2
    assert "Alle gemeenten" in html and "Markering verwijderen" in html
    # remove both marks again
    for i in ids:
        assert c.post(f"{base}/bewust-niet/{i}/verwijderen").status_code == 302
    assert int(re.search(r"(\d+) lacunes", c.get(base).get_data(as_text=True)).group(1)) == n_before
    # marking a cell that need not be covered is refused
    r = c.post(f"{base}/bewust-niet?functie=vrije_tijd&leeftijdsgroep=prenataal",
               data={"bereik": "alle", "reden": "x"})
    assert "hoeft het netwerk niet" in r.get_data(as_text=True)


def test_only_coordinators_mark_bewust_niet(app, wereld, login):
    url = (f"/netwerken/{wereld.netwerk_x}/dekking/bewust-niet?functie=ontmoeting"
           f"&leeftijdsgroep=0-3")
    for who in ("partner_a", "consultant_ov", "coordinator_y"):
        assert login(getattr(wereld, who)).get(url).status_code == 403
        assert login(getattr(wereld, who)).post(url, data={"bereik": "alle",
                                                           "reden": "x"}).status_code == 403
    with app.app_context():
        m = BewustNiet(netwerk_id=wereld.netwerk_x, functie="ontmoeting", leeftijdsgroep="0-3",
                       nis="", reden="x")
        db.session.add(m)
        db.session.commit()
        mid = m.id
    assert login(wereld.partner_a).post(
        f"/netwerken/{wereld.netwerk_x}/dekking/bewust-niet/{mid}/verwijderen").status_code == 403
    # a mark of another network cannot be removed through this one
    assert login(wereld.coordinator_y).post(
        f"/netwerken/{wereld.netwerk_y}/dekking/bewust-niet/{mid}/verwijderen").status_code == 404
    assert login(wereld.beheerder).get(url).status_code == 200


def test_matrix_as_svg_and_png(app, wereld, login):
    with app.app_context():
        db.session.get(Netwerk, wereld.netwerk_x).naam = XSS
        db.session.commit()
    c = login(wereld.consultant_ov)
    r = c.get(f"/netwerken/{wereld.netwerk_x}/dekking.svg")
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    assert "attachment" in r.headers["Content-Disposition"]
    body = r.get_data(as_text=True)
    assert "<img" not in body and "&lt;img src=x onerror=alert(1)&gt; href" in body
    root = ET.fromstring(body)  # well-formed XML
    teksten = [t.text for t in root.iter(f"{SVG}text")]
    assert f"Dekking {XSS}" in teksten
    assert any(t and "LACUNE" in t for t in teksten) and not list(root.iter(f"{SVG}script"))
    assert all(not k.startswith("on") for e in root.iter() for k in e.attrib)
    r = c.get(f"/netwerken/{wereld.netwerk_x}/dekking.png?gemeente=46021")
    assert r.status_code == 200 and r.mimetype == "image/png"
    from PIL import Image
    beeld = Image.open(io.BytesIO(r.get_data()))
    assert beeld.format == "PNG" and beeld.size[0] > 800
    assert c.get(f"/netwerken/{wereld.netwerk_x}/dekking.png?gemeente=11002").status_code == 404


def test_invalid_bewust_niet_gives_422_and_writes_nothing(app, wereld, login):
    url = (f"/netwerken/{wereld.netwerk_x}/dekking/bewust-niet?functie=publieke_ruimte"
           f"&leeftijdsgroep=12-18")
    c = login(wereld.coordinator_x)
    assert c.post(url, data={"bereik": "alle", "reden": "  "}).status_code == 422
    assert c.post(url, data={"bereik": "11002", "reden": "x"}).status_code == 422
    r = c.post(f"/netwerken/{wereld.netwerk_x}/dekking/bewust-niet?functie=vrije_tijd"
               f"&leeftijdsgroep=prenataal", data={"bereik": "alle", "reden": "x"})
    assert r.status_code == 422 and "hoeft het netwerk niet" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(BewustNiet)).all() == []


def test_the_kept_tables_show_the_mark_links_only_to_who_may_mark(app, wereld, login):
    """The matrix and lacunes are rendered once per bundle and view (views_dekking._tabellen),
    whether the links to mark a cell are shown being part of the view."""
    base = f"/netwerken/{wereld.netwerk_x}/dekking"
    coordinator = login(wereld.coordinator_x).get(base).get_data(as_text=True)
    assert "Markeer als bewust niet" in coordinator
    partner = login(wereld.partner_a).get(base).get_data(as_text=True)
    assert "LACUNE" in partner and "Markeer als bewust niet" not in partner
