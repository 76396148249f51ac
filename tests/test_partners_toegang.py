"""Self-service boundaries, checked server-side on every route: 403 and nothing changed."""
import pytest
from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Netwerk, Aanbod, Contactpersoon, Organisatie
from tests import factories as f
from tests.partners_helpers import aanbod_data, aanbod_form


@pytest.fixture
def van_b(wereld, app):
    """An aanbod and a contact person of Partner B."""
    with app.app_context():
        b = db.session.get(Organisatie, wereld.org_b)
        a = f.aanbod(b, "Aanbod van B")
        c = f.contactpersoon(b, "Bart B", email="bart@b.be")
        db.session.commit()
        return {"aanbod": a.id, "contact": c.id}


def _edit_routes(wereld, van_b):
    org, aid, cid = wereld.org_b, van_b["aanbod"], van_b["contact"]
    return [
        ("get", f"/organisaties/{org}/bewerken"), ("post", f"/organisaties/{org}/bewerken"),
        ("get", f"/organisaties/{org}/aanbod/nieuw"), ("post", f"/organisaties/{org}/aanbod/nieuw"),
        ("get", f"/aanbod/{aid}/bewerken"), ("post", f"/aanbod/{aid}/bewerken"),
        ("get", f"/aanbod/{aid}/verwijderen"), ("post", f"/aanbod/{aid}/verwijderen"),
        ("post", f"/aanbod/{aid}/nagekeken"),
        ("get", f"/organisaties/{org}/contactpersonen/nieuw"),
        ("post", f"/organisaties/{org}/contactpersonen/nieuw"),
        ("get", f"/organisaties/{org}/contactpersonen/{cid}/bewerken"),
        ("post", f"/organisaties/{org}/contactpersonen/{cid}/bewerken"),
        ("get", f"/organisaties/{org}/contactpersonen/{cid}/verwijderen"),
        ("post", f"/organisaties/{org}/contactpersonen/{cid}/verwijderen"),
    ]


def test_partner_cannot_reach_or_post_to_another_organisation(wereld, van_b, login, app):
    c = login(wereld.partner_a)
    payload = dict(aanbod_form(app, van_b["aanbod"], naam="Gekaapt"), sector="welzijn",
                   version="1")
    for method, url in _edit_routes(wereld, van_b):
        r = getattr(c, method)(url, data=payload if method == "post" else None)
        assert r.status_code == 403, (method, url)
    with app.app_context():
        assert db.session.get(Organisatie, wereld.org_b).naam == "Partner B"
        assert db.session.get(Aanbod, van_b["aanbod"]).naam == "Aanbod van B"
        assert db.session.get(Contactpersoon, van_b["contact"]) is not None
        assert db.session.scalar(select(Aanbod).where(Aanbod.naam == "Gekaapt")) is None
    # ... but reads it (same network) and edits its own
    assert c.get(f"/aanbod/{van_b['aanbod']}").status_code == 200
    assert c.get(f"/organisaties/{wereld.org_a}/aanbod/nieuw").status_code == 200
    assert c.post(f"/organisaties/{wereld.org_a}/aanbod/nieuw", data=aanbod_data()).status_code == 302


def test_consultant_reads_but_every_edit_route_is_403(wereld, van_b, login):
    c = login(wereld.consultant_ov)
    for method, url in _edit_routes(wereld, van_b) + [
            ("get", f"/netwerken/{wereld.netwerk_x}/partners/toevoegen"),
            ("get", f"/netwerken/{wereld.netwerk_x}/organisaties/nieuw"),
            ("get", f"/netwerken/{wereld.netwerk_x}/aanbod/nieuw")]:
        assert getattr(c, method)(url).status_code == 403, (method, url)
    for url in (f"/netwerken/{wereld.netwerk_x}/aanbod", f"/netwerken/{wereld.netwerk_x}/partners",
                f"/aanbod/{van_b['aanbod']}", f"/organisaties/{wereld.org_b}"):
        assert c.get(url).status_code == 200, url
    assert login(wereld.consultant_ant).get(f"/aanbod/{van_b['aanbod']}").status_code == 403


def test_coordinator_edits_what_belongs_to_the_network_only(wereld, van_b, login, app):
    """domein.md §10: the coordinator changes an organisation without partner account whose only
    networks are theirs; one with its own account (b) or of another network (y) they propose."""
    with app.app_context():
        y = db.session.get(Organisatie, wereld.org_y)
        ay = f.aanbod(y, "Aanbod van Y").id
        s = f.organisatie("Speelpleinwerking S")
        f.lid(db.session.get(Netwerk, wereld.netwerk_x), s)
        a_s = f.aanbod(s, "Speelplein").id
        db.session.commit()
    c = login(wereld.coordinator_x)
    assert c.get(f"/aanbod/{a_s}/bewerken").status_code == 200
    assert c.get(f"/aanbod/{van_b['aanbod']}/bewerken").status_code == 403
    assert c.get(f"/aanbod/{van_b['aanbod']}/voorstel").status_code == 200
    assert c.get(f"/aanbod/{ay}/bewerken").status_code == 403
    assert c.get(f"/aanbod/{ay}/voorstel").status_code == 403  # not a member of X
    assert c.post(f"/aanbod/{ay}/verwijderen", data={"version": 1}).status_code == 403
    assert c.get(f"/netwerken/{wereld.netwerk_y}/aanbod").status_code == 403


def test_ids_of_another_organisation_are_not_reachable_through_ones_own(wereld, van_b, login):
    c = login(wereld.partner_b)
    cid = van_b["contact"]
    assert c.get(f"/organisaties/{wereld.org_b}/contactpersonen/{cid}/bewerken").status_code == 200
    c = login(wereld.partner_a)
    assert c.get(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/bewerken").status_code == 404
    assert c.post(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/verwijderen",
                  data={"version": 1}).status_code == 404


def test_contact_persons_crud_for_own_organisation(wereld, login, app):
    c = login(wereld.partner_a)
    r = c.post(f"/organisaties/{wereld.org_a}/contactpersonen/nieuw",
               data={"naam": "Jan Janssens", "functie": "Coördinator", "email": "Jan@Partner-A.be",
                     "telefoon": "03 123 45 67"})
    assert r.status_code == 302
    with app.app_context():
        jan = db.session.scalar(select(Contactpersoon).where(Contactpersoon.naam == "Jan Janssens"))
        assert jan.email == "jan@partner-a.be"
        cid, version = jan.id, jan.version
    html = c.get(f"/organisaties/{wereld.org_a}").get_data(as_text=True)
    assert "Jan Janssens" in html and "Contactpersoon toevoegen" in html
    r = c.post(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/bewerken",
               data={"naam": "Jan Janssens", "functie": "Directeur", "email": "", "telefoon": "",
                     "version": version})
    assert r.status_code == 302
    r = c.post(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/bewerken",
               data={"naam": "Jan J.", "functie": "", "email": "", "telefoon": "", "version": version})
    assert r.status_code == 409
    r = c.post(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/bewerken",
               data={"naam": "Jan", "email": "geen-adres", "version": version + 1})
    assert 'id="email-fout"' in r.get_data(as_text=True)
    assert c.get(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/verwijderen").status_code == 200
    r = c.post(f"/organisaties/{wereld.org_a}/contactpersonen/{cid}/verwijderen",
               data={"version": version + 1})
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(Contactpersoon, cid) is None


def test_a_networks_reference_follows_its_werkingsgebied_with_one_shared_statement(wereld, app):
    """netwerk_ref's statement is built once and bound per network (building it was ~3 % of a
    page); each call reads the network's own municipalities, an unknown id has none."""
    from huisvanhetkind.partners import refs
    from huisvanhetkind.partners.models import WerkingsgebiedDeel

    with app.app_context():
        assert refs._netwerk_met_gemeenten() is refs._netwerk_met_gemeenten()
        x = refs.netwerk_ref(wereld.netwerk_x)
        assert x.id == wereld.netwerk_x and x.provincies == {"Oost-Vlaanderen"}
        db.session.add(WerkingsgebiedDeel(netwerk_id=wereld.netwerk_x, nis="11002"))
        db.session.commit()
        assert refs.netwerk_ref(wereld.netwerk_x).provincies == {"Oost-Vlaanderen", "Antwerpen"}
        assert refs.netwerk_ref(wereld.netwerk_y).provincies == {"Antwerpen"}
        assert refs.netwerk_ref(10**6).provincies == frozenset()
