"""Ownership and consent (issue 12, domein.md §10): the attack of a coordinator of another
network, replayed through the web, changes nothing; invitations and proposals carry the change
with the owner's consent."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, Organisatie
from huisvanhetkind.partners.models_eigendom import Uitnodiging, Wijzigingsvoorstel
from tests import factories as f
from tests.partners_helpers import aanbod_data


@pytest.fixture
def gedeeld(app, wereld):
    """An aanbod of org_a (member of X with its own partner account: 'beheerd door de
    organisatie')."""
    with app.app_context():
        aanbod = f.aanbod(db.session.get(Organisatie, wereld.org_a), naam="Babyhuis A")
        db.session.commit()
        return aanbod.id


def _tel(app):
    with app.app_context():
        return (db.session.scalar(select(db.func.count(Lidmaatschap.id))),
                [(o.naam, o.email) for o in db.session.scalars(select(Organisatie).order_by(Organisatie.id))],
                db.session.scalar(select(db.func.count(Aanbod.id))))


def test_the_cross_network_attack_changes_nothing(app, wereld, login, gedeeld):
    """The coordinator of Y: add X's organisation as member, then delete its aanbod and rename
    it. Only an invitation results; the organisation and its aanbod stay as they were."""
    c = login(wereld.coordinator_y)
    voor = _tel(app)
    r = c.get(f"/netwerken/{wereld.netwerk_y}/partners/toevoegen?q=Partner")
    assert r.status_code == 200 and "partner-a@test.be" not in r.get_data(as_text=True)
    r = c.post(f"/netwerken/{wereld.netwerk_y}/partners/toevoegen/{wereld.org_a}", data={})
    assert r.status_code == 302
    assert "uitgenodigd" in c.get(r.location).get_data(as_text=True)
    assert _tel(app) == voor  # no membership
    assert c.post(f"/aanbod/{gedeeld}/verwijderen", data={"version": "1"}).status_code == 403
    assert c.post(f"/organisaties/{wereld.org_a}/bewerken",
                  data={"naam": "Overgenomen", "sector": "welzijn"}).status_code == 403
    assert c.get(f"/organisaties/{wereld.org_a}").status_code == 403  # an invitation: no reader
    assert _tel(app) == voor
    with app.app_context():
        u = db.session.scalars(select(Uitnodiging)).one()
        assert (u.netwerk_id, u.organisatie_id, u.status) == (wereld.netwerk_y, wereld.org_a, "open")


def test_the_organisation_accepts_and_becomes_a_member(app, wereld, login, gedeeld):
    login(wereld.coordinator_y).post(
        f"/netwerken/{wereld.netwerk_y}/partners/toevoegen/{wereld.org_a}", data={"rol": "Vrijwilliger"})
    p = login(wereld.partner_a)
    pagina = p.get("/te-beantwoorden").get_data(as_text=True)
    assert "Huis van het Kind Y nodigt Partner A uit" in pagina
    with app.app_context():
        u = db.session.scalars(select(Uitnodiging)).one()
        u_id, u_version = u.id, u.version
    r = p.post(f"/uitnodigingen/{u_id}/antwoord", data={"keuze": "aanvaarden", "version": u_version})
    assert r.status_code == 302
    with app.app_context():
        lid = db.session.scalars(select(Lidmaatschap).where(
            Lidmaatschap.netwerk_id == wereld.netwerk_y,
            Lidmaatschap.organisatie_id == wereld.org_a)).one()
        assert lid.actief and lid.rol == "Vrijwilliger"
    # a second answer changes nothing (409 or 422, never a second membership)
    assert p.post(f"/uitnodigingen/{u_id}/antwoord",
                  data={"keuze": "weigeren", "version": u_version}).status_code in (409, 422)


def test_a_declined_invitation_makes_no_member_and_only_the_owner_answers(app, wereld, login):
    login(wereld.coordinator_y).post(
        f"/netwerken/{wereld.netwerk_y}/partners/toevoegen/{wereld.org_a}", data={})
    with app.app_context():
        u = db.session.scalars(select(Uitnodiging)).one()
        u_id, u_version = u.id, u.version
    for wie in ("coordinator_y", "coordinator_x", "partner_b", "consultant_ov"):
        assert login(getattr(wereld, wie)).post(
            f"/uitnodigingen/{u_id}/antwoord",
            data={"keuze": "aanvaarden", "version": u_version}).status_code == 403, wie
    r = login(wereld.partner_a).post(f"/uitnodigingen/{u_id}/antwoord",
                                     data={"keuze": "weigeren", "antwoord": "Geen tijd",
                                           "version": u_version})
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(Uitnodiging, u_id).status == "geweigerd"
        leden_y = db.session.scalars(select(Lidmaatschap.organisatie_id).where(
            Lidmaatschap.netwerk_id == wereld.netwerk_y)).all()
        assert wereld.org_a not in leden_y


def test_a_coordinator_proposes_and_the_organisation_decides(app, wereld, login, gedeeld):
    c = login(wereld.coordinator_x)
    pagina = c.get(f"/organisaties/{wereld.org_a}").get_data(as_text=True)
    assert "Wijziging voorstellen" in pagina and "Gegevens bewerken" not in pagina
    r = c.post(f"/organisaties/{wereld.org_a}/voorstel",
               data={"naam": "Partner A (nieuwe naam)", "sector": "welzijn", "gemeenten": ["46021"],
                     "toelichting": "Naam gewijzigd in de KBO"})
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    with app.app_context():
        assert db.session.get(Organisatie, wereld.org_a).naam == "Partner A"  # not yet
        v = db.session.scalars(select(Wijzigingsvoorstel)).one()
        assert v.velden["naam"] == ["Partner A", "Partner A (nieuwe naam)"]
        v_id, v_version = v.id, v.version
    p = login(wereld.partner_a)
    assert "Partner A (nieuwe naam)" in p.get("/te-beantwoorden").get_data(as_text=True)
    assert p.post(f"/voorstellen/{v_id}/antwoord",
                  data={"keuze": "aanvaarden", "version": v_version}).status_code == 302
    with app.app_context():
        assert db.session.get(Organisatie, wereld.org_a).naam == "Partner A (nieuwe naam)"


def test_a_proposal_onto_a_changed_record_is_not_applied(app, wereld, login, gedeeld):
    r = login(wereld.coordinator_x).post(f"/aanbod/{gedeeld}/voorstel",
                                         data={**aanbod_data(), "naam": "Babyhuis voorgesteld"})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    p = login(wereld.partner_a)
    with app.app_context():
        v = db.session.scalars(select(Wijzigingsvoorstel)).one()
        v_id, v_version = v.id, v.version
        a = db.session.get(Aanbod, gedeeld)
        a.beschrijving = "intussen door de organisatie gewijzigd"
        db.session.commit()
    r = p.post(f"/voorstellen/{v_id}/antwoord", data={"keuze": "aanvaarden", "version": v_version})
    assert r.status_code == 422 and "gewijzigd sinds dit voorstel" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Aanbod, gedeeld).naam == "Babyhuis A"
        assert db.session.get(Wijzigingsvoorstel, v_id).status == "open"


def test_no_coordinator_action_changes_what_another_network_relies_on(app, wereld, login):
    """A stewarded organisation (no partner account) that X and Y share: neither coordinator
    changes it or its referrals alone; a coordinator of both networks may (domein.md §10)."""
    from huisvanhetkind.graaf.models import Verwijzing
    from huisvanhetkind.partners.models import Contactpersoon, Netwerk
    from tests.toegang_helpers import snapshot as tabellen

    with app.app_context():
        x, y = db.session.get(Netwerk, wereld.netwerk_x), db.session.get(Netwerk, wereld.netwerk_y)
        s, t = f.organisatie("Gedeeld S"), f.organisatie("Gedeeld T")
        for n in (x, y):
            f.lid(n, s)
            f.lid(n, t)
        a_s = f.aanbod(s, "Speelplein S").id
        c_s = f.contactpersoon(s, "Tom").id
        v = f.verwijzing(s, t).id
        beide = f.gebruiker("coordinator", "coord-xy@test.be", netwerken=[x, y]).id
        db.session.commit()
        s_id = s.id
    pogingen = [
        ("POST", f"/organisaties/{s_id}/bewerken", {"naam": "Overgenomen", "sector": "welzijn"}),
        ("POST", f"/organisaties/{s_id}/contactpersonen/nieuw", {"naam": "Indringer"}),
        ("POST", f"/organisaties/{s_id}/contactpersonen/{c_s}/verwijderen", {"version": "1"}),
        ("POST", f"/aanbod/{a_s}/verwijderen", {"version": "1"}),
        ("POST", f"/aanbod/{a_s}/bewerken", {**aanbod_data(), "version": "1"}),
        ("POST", f"/organisaties/{s_id}/aanbod/nieuw", aanbod_data()),
        ("POST", f"/netwerken/{wereld.netwerk_y}/verwijzingen/{v}/verwijderen", {"version": "1"}),
        ("POST", f"/netwerken/{wereld.netwerk_x}/verwijzingen/{v}/bewerken",
         {"naar_id": "0", "soort": "samenwerking", "version": "1"}),
        ("POST", f"/netwerken/{wereld.netwerk_x}/verwijzingen/{v}/tel", {}),
    ]
    for wie in (wereld.coordinator_x, wereld.coordinator_y):
        c = login(wie)
        voor = tabellen(app)
        for methode, url, data in pogingen:
            r = c.open(url, method=methode, data=data)
            assert r.status_code == 403, (wie, url, r.status_code)
        assert tabellen(app) == voor, wie
    # a coordinator of both networks, and the proposal route for each single one
    c = login(beide)
    assert c.post(f"/aanbod/{a_s}/verwijderen", data={"version": "1"}).status_code == 302
    assert login(wereld.coordinator_y).get(f"/organisaties/{s_id}/voorstel").status_code == 200
    with app.app_context():
        assert db.session.get(Aanbod, a_s) is None
        assert db.session.get(Contactpersoon, c_s) is not None
        assert db.session.get(Verwijzing, v) is not None


def test_the_beheerder_answers_for_an_organisation_without_account(app, wereld, login):
    """org_y has no partner account: the beheerder sees its invitation and every proposal."""
    login(wereld.coordinator_x).post(
        f"/netwerken/{wereld.netwerk_x}/partners/toevoegen/{wereld.org_y}", data={})
    pagina = login(wereld.beheerder).get("/te-beantwoorden").get_data(as_text=True)
    assert "Huis van het Kind X nodigt Partner Y uit" in pagina
    start = login(wereld.beheerder).get("/").get_data(as_text=True)
    assert "Beantwoord de uitnodiging van Huis van het Kind X" in start  # in 'Te doen'
