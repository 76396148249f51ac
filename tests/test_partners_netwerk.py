"""Networks over HTTP: create (beheerder), edit (coordinator of the network), the overview page."""
import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Netwerk
from tests import factories as f
from tests.factories import WACHTWOORD
from tests.partners_helpers import netwerk_form

VERSIE = re.compile(r'name="version" type="hidden" value="(\d+)"')


def _load(app, netwerk_id):
    with app.app_context():
        n = db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id).options(
            selectinload(Netwerk.werkingsgebied), selectinload(Netwerk.coordinatoren)))
        return n, sorted((d.nis, d.deel) for d in n.werkingsgebied), {u.id for u in n.coordinatoren}


def test_beheerder_creates_a_network_with_parts_and_coordinators(wereld, login, app):
    c = login(wereld.beheerder)
    page = c.get("/netwerken/nieuw").get_data(as_text=True)
    assert 'name="coordinatoren"' in page and "data-gemeentekiezer" in page
    r = c.post("/netwerken/nieuw", data={
        "naam": "HvK Waasland", "gemeenten": ["46021"], "delen": "Temse: Tielrode\ntemse : Steendorp",
        "rechtsvorm": "vzw", "aanvraagdatum": "2025-01-15", "erkenningsdatum": "",
        "coordinator_naam": "Lies", "coordinator_email": "lies@hvk.be", "beschrijving": "",
        "coordinatoren": [str(wereld.coordinator_y)]})
    assert r.status_code == 302
    nid = int(r.headers["Location"].rsplit("/", 1)[1])
    n, delen, coordinatoren = _load(app, nid)
    assert n.rechtsvorm == "vzw" and n.aanvraagdatum == date(2025, 1, 15)
    assert delen == [("46021", ""), ("46025", "Steendorp"), ("46025", "Tielrode")]
    assert coordinatoren == {wereld.coordinator_y}
    html = login(wereld.coordinator_y).get(f"/netwerken/{nid}").get_data(as_text=True)
    assert "Temse (deel: Tielrode)" in html


def test_only_a_beheerder_creates_networks(wereld, login):
    c = login(wereld.coordinator_x)
    assert c.get("/netwerken/nieuw").status_code == 403
    assert c.post("/netwerken/nieuw", data={"naam": "Stiekem"}).status_code == 403
    assert "Nieuw netwerk" not in c.get("/netwerken").get_data(as_text=True)
    assert "Nieuw netwerk" in login(wereld.beheerder).get("/netwerken").get_data(as_text=True)


def test_werkingsgebied_errors_are_shown_next_to_the_field(wereld, login):
    c = login(wereld.beheerder)
    r = c.post("/netwerken/nieuw", data={
        "naam": "Huis van het Kind X", "gemeenten": ["46021"], "rechtsvorm": "geen",
        "delen": "Sint-Niklaas: Centrum\nAtlantis: Noord\nzonder dubbelpunt",
        "aanvraagdatum": "2025-03-01", "erkenningsdatum": "2025-01-01"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert 'id="delen-fout"' in html
    assert "Regel 2: &#39;Atlantis&#39; is geen Vlaamse of Brusselse gemeente." in html
    assert "Regel 3" in html
    assert 'id="erkenningsdatum-fout"' in html and "vóór de aanvraagdatum" in html
    r = c.post("/netwerken/nieuw", data={"naam": "Nieuw", "gemeenten": ["46021"],
                                         "delen": "Sint-Niklaas: Centrum", "rechtsvorm": "geen"})
    assert "staat hierboven al volledig" in r.get_data(as_text=True)


def test_network_names_are_unique(wereld, login):
    r = login(wereld.beheerder).post("/netwerken/nieuw", data={
        "naam": "Huis van het Kind Y", "rechtsvorm": "geen"})
    assert "Er bestaat al een netwerk met deze naam." in r.get_data(as_text=True)


def test_coordinator_edits_own_network_but_not_its_coordinators(wereld, login, app):
    c = login(wereld.coordinator_x)
    page = c.get(f"/netwerken/{wereld.netwerk_x}/bewerken").get_data(as_text=True)
    assert 'name="coordinatoren"' not in page
    data = netwerk_form(app, wereld.netwerk_x, gemeenten=["46021"], delen="Temse: Tielrode",
                        coordinator_email="coord@x.be", coordinatoren=[str(wereld.coordinator_y)])
    assert c.post(f"/netwerken/{wereld.netwerk_x}/bewerken", data=data).status_code == 302
    n, delen, coordinatoren = _load(app, wereld.netwerk_x)
    assert delen == [("46021", ""), ("46025", "Tielrode")] and n.coordinator_email == "coord@x.be"
    assert coordinatoren == {wereld.coordinator_x}  # ignored: not theirs to grant
    assert c.get(f"/netwerken/{wereld.netwerk_y}/bewerken").status_code == 403
    assert c.post(f"/netwerken/{wereld.netwerk_y}/bewerken",
                  data=netwerk_form(app, wereld.netwerk_y, naam="Gekaapt")).status_code == 403
    for user in (wereld.partner_a, wereld.consultant_ov):
        assert login(user).get(f"/netwerken/{wereld.netwerk_x}/bewerken").status_code == 403


def test_concurrent_werkingsgebied_edit_gets_a_conflict(wereld, login, app):
    c = login(wereld.coordinator_x)
    stale = netwerk_form(app, wereld.netwerk_x)
    first = dict(stale, gemeenten=["46021"])
    assert c.post(f"/netwerken/{wereld.netwerk_x}/bewerken", data=first).status_code == 302
    r = c.post(f"/netwerken/{wereld.netwerk_x}/bewerken",
               data=dict(stale, gemeenten=["46021", "46025", "46029"]))
    html = r.get_data(as_text=True)
    assert r.status_code == 409
    assert "Werkingsgebied" in html and "Lokeren; Sint-Niklaas; Temse" in html
    _, delen, _ = _load(app, wereld.netwerk_x)
    assert delen == [("46021", "")]


def test_beheerder_saves_werkingsgebied_and_coordinators_once_and_a_stale_save_writes_nothing(
        wereld, login, app):
    """The beheerder's form also carries the coordinators: saving them (and the werkingsgebied)
    before the version check used to move the network's version first, so every save of the
    beheerder came back as a conflict with itself (version 3 against 2, on every retry)."""
    x, url = wereld.netwerk_x, f"/netwerken/{wereld.netwerk_x}/bewerken"
    beheerder = login(wereld.beheerder)
    coordinator = app.test_client()  # a second session: the coordinator of X
    assert coordinator.post("/aanmelden", data={"email": "coord-x@test.be",
                                                "wachtwoord": WACHTWOORD}).status_code == 302
    voor, _, _ = _load(app, x)

    # (a) the first save goes through, the network's version moves once
    beide = [str(wereld.coordinator_x), str(wereld.coordinator_y)]
    r = beheerder.post(url, data=netwerk_form(app, x, gemeenten=["46021"], delen="Temse: Tielrode",
                                              beschrijving="Eerste", coordinatoren=beide))
    assert r.status_code == 302, r.get_data(as_text=True)
    n, delen, coordinatoren = _load(app, x)
    assert n.version == voor.version + 1 and n.beschrijving == "Eerste"
    assert delen == [("46021", ""), ("46025", "Tielrode")]
    assert coordinatoren == {wereld.coordinator_x, wereld.coordinator_y}

    # (b) the beheerder opens the form, the coordinator saves meanwhile: a 409, nothing written
    stale = netwerk_form(app, x, gemeenten=["46021", "46029"], delen="", beschrijving="Beheerder",
                         coordinatoren=[str(wereld.coordinator_x)])
    assert coordinator.post(url, data=netwerk_form(app, x, delen="Temse: Tielrode",
                                                   beschrijving="Coördinator")).status_code == 302
    tussen, delen, coordinatoren = _load(app, x)
    r = beheerder.post(url, data=stale)
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and "Iemand anders heeft dit record intussen gewijzigd" in html
    assert "Coördinator" in html and "Beheerder" in html  # the field, stored and submitted
    assert "Sint-Niklaas; Temse: Tielrode" in html and "Lokeren; Sint-Niklaas" in html
    na, delen_na, coordinatoren_na = _load(app, x)
    assert (na.version, na.beschrijving) == (tussen.version, "Coördinator")
    assert delen_na == delen and coordinatoren_na == coordinatoren == {wereld.coordinator_x,
                                                                       wereld.coordinator_y}

    # (c) the 409 page carries the stored version: saving from it goes through
    assert VERSIE.search(html).group(1) == str(tussen.version)
    r = beheerder.post(url, data=dict(stale, version=VERSIE.search(html).group(1)))
    assert r.status_code == 302, r.get_data(as_text=True)
    n, delen, coordinatoren = _load(app, x)
    assert n.version == tussen.version + 1 and n.beschrijving == "Beheerder"
    assert delen == [("46021", ""), ("46029", "")] and coordinatoren == {wereld.coordinator_x}


def test_network_page_shows_what_is_incomplete(wereld, login, app):
    with app.app_context():
        a = db.session.get(f.Organisatie, wereld.org_a)
        f.aanbod(a, "Oud aanbod", aanbodvorm="informatie",
                 laatst_nagekeken_op=date.today() - timedelta(days=400))
        db.session.commit()
    html = login(wereld.consultant_ov).get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert "Nog aan te vullen" in html
    assert "Geen e-mailadres van de coördinator." in html
    assert "1 partner zonder getekende samenwerkingsovereenkomst: Partner B." in html
    assert "Aanbod al meer dan 12 maanden niet nagekeken: 1." in html
    assert "Partner zonder aanbod: Partner B." in html
    assert "Welzijn" in html and "Kinderopvang" in html  # members by sector
    assert "Spel en ontmoeting" in html and "Informatie en voorlichting" in html  # aanbod by vorm
    assert "Netwerk bewerken" not in html  # consultants read only
    with app.app_context():
        n = f.netwerk("Leeg", gemeenten=())
        db.session.commit()
        leeg = n.id
    html = login(wereld.beheerder).get(f"/netwerken/{leeg}").get_data(as_text=True)
    assert "Geen werkingsgebied ingevuld." in html and "Nog geen partners." in html


def test_network_page_overview_follows_every_change_of_its_members(wereld, login, app):
    """The overview is kept per network revisie (partners/queries.bewaard_overzicht): an aanbod
    or a contact person of a member, a change to a member's organisation, renew it."""
    c = login(wereld.consultant_ov)
    url = f"/netwerken/{wereld.netwerk_x}"
    assert "Partner zonder aanbod: Partner B." in c.get(url).get_data(as_text=True)
    with app.app_context():
        b = db.session.get(f.Organisatie, wereld.org_b)
        f.aanbod(b, "Nieuw aanbod van B")
        db.session.commit()
    html = c.get(url).get_data(as_text=True)
    assert "zonder aanbod" not in html
    with app.app_context():
        b = db.session.get(f.Organisatie, wereld.org_b)
        b.naam = "Partner B hernoemd"
        db.session.commit()
    assert "Partner B hernoemd" in c.get(url).get_data(as_text=True)


def test_network_page_names_a_few_partners_per_sector_and_links_the_rest(wereld, login, app):
    with app.app_context():
        n = db.session.get(Netwerk, wereld.netwerk_x)
        for i in range(15):
            f.lid(n, f.organisatie(f"Welzijnspartner {i:02d}", sector="welzijn"))
        db.session.commit()
    html = login(wereld.consultant_ov).get(f"/netwerken/{wereld.netwerk_x}").get_data(
        as_text=True)
    assert "Welzijnspartner 00" in html and "Welzijnspartner 14" not in html
    assert re.search(r'en <a href="/netwerken/\d+/partners\?sector=welzijn">\d+ andere', html)


def test_network_list_counts_follow_every_change(wereld, login, app):
    """Members and aanbod per network are kept per network revisie (partners/queries
    .per_revisie_veel): a new aanbod of a member shows at once."""
    c = login(wereld.beheerder)

    def aanbod_van_x():
        html = c.get("/netwerken").get_data(as_text=True)
        rij = re.search(rf'netwerken/{wereld.netwerk_x}">.*?</tr>', html, re.S).group(0)
        return [int(x) for x in re.findall(r'<td class="text-end">(\d+)</td>', rij)]

    leden, aanbod = aanbod_van_x()
    with app.app_context():
        f.aanbod(db.session.get(f.Organisatie, wereld.org_a), "Nog een aanbod")
        db.session.commit()
    assert aanbod_van_x() == [leden, aanbod + 1]


def test_network_page_shows_a_new_coordinator_and_municipality_at_once(wereld, login, app):
    """The page keeps the werkingsgebied per revisie (partners/queries.bewaard_werkingsgebied)
    and reads the coordinator accounts fresh: granting one (the user's page) gives the network
    no new revisie. The network row itself comes from netwerk_ref, not a second SELECT."""
    from huisvanhetkind.partners.models import WerkingsgebiedDeel
    from tests.sql_count import sent_statements

    c = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}"
    html = c.get(url).get_data(as_text=True)
    assert "Sint-Niklaas" in html and "Gent" not in html and "Nieuwe Coördinator" not in html
    with app.app_context():
        nieuw = f.gebruiker("coordinator", "nieuw@test.be")
        nieuw.naam = "Nieuwe Coördinator"
        nieuw.netwerken = [db.session.get(Netwerk, wereld.netwerk_x)]
        db.session.commit()
    html, sql = sent_statements(lambda: c.get(url).get_data(as_text=True), app)
    assert "Nieuwe Coördinator" in html
    assert sum(bool(re.match(r"SELECT netwerk\.id\b", s)) for s in sql) == 1
    with app.app_context():
        db.session.add(WerkingsgebiedDeel(netwerk_id=wereld.netwerk_x, nis="44021",
                                          deel="Zwijnaarde"))
        db.session.commit()
    assert "Gent (deel: Zwijnaarde)" in c.get(url).get_data(as_text=True)


def test_network_page_tables_are_rendered_once_for_everyone_and_follow_a_change(wereld, login,
                                                                                app):
    """The tables of partners per sector and aanbod per vorm are kept rendered per network
    revisie and day (partners/weergave_bewaard.netwerk_tabellen): one rendering serves every
    user, a renamed member shows at once as plain text, the links follow the mount root."""
    from huisvanhetkind import cache

    url = f"/netwerken/{wereld.netwerk_x}"
    cache.rijen.clear()
    eerst = login(wereld.consultant_ov).get(url).get_data(as_text=True)
    dan = login(wereld.coordinator_x).get(url).get_data(as_text=True)
    tabellen = [k for k in cache.rijen._entries if k[0] == "netwerktabellen"]
    assert len(tabellen) == 1
    stuk = re.compile(r'<h2 class="h4">Partners per sector</h2>.*?</table>', re.S)
    assert stuk.search(eerst).group(0) == stuk.search(dan).group(0)
    with app.app_context():
        db.session.get(f.Organisatie, wereld.org_b).naam = "<b>Partner</b> B"
        db.session.commit()
    c = login(wereld.consultant_ov)
    html = c.get(url).get_data(as_text=True)
    assert "&lt;b&gt;Partner&lt;/b&gt; B" in html and "<b>Partner</b>" not in html
    onder = c.get(url, base_url="http://localhost/hvk").get_data(as_text=True)
    assert f'href="/hvk/netwerken/{wereld.netwerk_x}/partners?sector=' in onder
