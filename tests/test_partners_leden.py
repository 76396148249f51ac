"""Members of a network: list with filters, adding (existing or new organisation), leaving."""
from datetime import date

from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models_eigendom import Uitnodiging
from huisvanhetkind.partners.models import Lidmaatschap, Organisatie
from tests import factories as f
from tests.partners_helpers import lid_id

NIEUW = {"naam": "OCMW Temse", "kbo": "", "sector": "lokaal_bestuur", "gemeenten": ["46025"],
         "lid_sinds": "2025-02-01", "rol": "trekker", "overeenkomst_getekend": "y",
         "overeenkomst_datum": "2025-02-10"}


def test_members_list_filters_sorts_and_shows_former_members(wereld, login, app):
    with app.app_context():
        x = db.session.get(f.Netwerk, wereld.netwerk_x)
        oud = f.organisatie("Vertrokken vzw")
        f.lid(x, oud, lid_tot=date(2024, 6, 30))
        db.session.commit()
    c = login(wereld.partner_a)  # partners read the networks they belong to
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners").get_data(as_text=True)
    assert "Partner A" in html and "Partner B" in html and "2 partners." in html
    assert "Vroegere partners (1)" in html and "30/06/2024" in html
    assert "Uit netwerk halen" not in html  # partners cannot manage members
    assert '<label class="form-label small mb-1" for="sector">Sector</label>' in html
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners?sector=kinderopvang").get_data(as_text=True)
    assert "Partner B" in html and ">Partner A<" not in html
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners?overeenkomst=ja").get_data(as_text=True)
    assert ">Partner A<" in html and ">Partner B<" not in html
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners?q=0123.456").get_data(as_text=True)
    assert ">Partner A<" in html and ">Partner B<" not in html  # by KBO, dots ignored
    # unknown filter values are ignored, not an error
    assert c.get(f"/netwerken/{wereld.netwerk_x}/partners?sector=xx&sorteer=yy").status_code == 200
    assert login(wereld.partner_a).get(f"/netwerken/{wereld.netwerk_y}/partners").status_code == 403


def test_members_list_paginates(wereld, login, app):
    with app.app_context():
        x = db.session.get(f.Netwerk, wereld.netwerk_x)
        for i in range(30):
            f.lid(x, f.organisatie(f"Org {i:02d}"))
        db.session.commit()
    c = login(wereld.coordinator_x)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners?sorteer=naam").get_data(as_text=True)
    assert "32 partners, pagina 1 van 2." in html and "Org 22" in html and "Partner A" not in html
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners?sorteer=naam&page=2").get_data(as_text=True)
    assert "Partner A" in html and "Org 22" not in html
    assert "page=1" in html and "sorteer=naam" in html  # links keep the filters
    # what is no filter stays out of the page links, and never breaks them
    r = c.get(f"/netwerken/{wereld.netwerk_x}/partners?sorteer=naam&endpoint=x&_scheme=javascript")
    assert r.status_code == 200
    assert "endpoint=" not in r.get_data(as_text=True) and "javascript" not in r.get_data(as_text=True)
    # an argument holding the digits the page links are built with still gets its links
    r = c.get(f"/netwerken/{wereld.netwerk_x}/partners?sorteer=naam&x=7919191919")
    assert r.status_code == 200 and "x=7919191919&amp;page=2" in r.get_data(as_text=True)


def test_coordinator_finds_an_existing_organisation_and_adds_it(wereld, login, app):
    c = login(wereld.coordinator_x)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/partners/toevoegen?q=partner").get_data(as_text=True)
    assert "Partner Y" in html and "al partner" in html
    url = f"/netwerken/{wereld.netwerk_x}/partners/toevoegen/{wereld.org_y}"
    assert "Uitnodiging versturen" in c.get(url).get_data(as_text=True)
    r = c.post(url, data={"lid_sinds": "2025-03-01", "rol": "", "overeenkomst_datum": ""})
    assert r.status_code == 302
    # y is another network's organisation: an invitation, not yet a member (domein.md §10)
    lid_y = select(Lidmaatschap).where(Lidmaatschap.netwerk_id == wereld.netwerk_x,
                                       Lidmaatschap.organisatie_id == wereld.org_y)
    with app.app_context():
        assert db.session.scalar(lid_y) is None
        u = db.session.scalars(select(Uitnodiging)).one()
        u_id, u_version = u.id, u.version
    # inviting it twice only warns
    r = c.post(url, data={"lid_sinds": "2025-03-01"}, follow_redirects=True)
    assert "al uitgenodigd" in r.get_data(as_text=True)
    # y has no partner account of its own: the beheerder answers for it
    assert login(wereld.beheerder).post(f"/uitnodigingen/{u_id}/antwoord", data={
        "keuze": "aanvaarden", "version": u_version}).status_code == 302
    with app.app_context():
        lid = db.session.scalar(lid_y)
        assert lid.actief and lid.lid_sinds == date(2025, 3, 1)
    r = c.post(url, data={"lid_sinds": "2025-03-01"}, follow_redirects=True)
    assert "al lid" in r.get_data(as_text=True)
    # coordinator Y cannot add organisations to network X
    assert login(wereld.coordinator_y).post(url, data={}).status_code == 403


def test_new_organisation_kbo_is_validated_and_unique(wereld, login, app):
    c = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/organisaties/nieuw"
    for kbo, message in [("12345", "10 cijfers"), ("0123.456.748", "controlecijfers"),
                         (f.kbo_nummer(1234567), "hoort al bij Partner A")]:
        r = c.post(url, data=dict(NIEUW, kbo=kbo))
        html = r.get_data(as_text=True)
        assert r.status_code == 422 and 'id="kbo-fout"' in html and message in html
    nummer = f.kbo_nummer(7654321)
    r = c.post(url, data=dict(NIEUW, kbo=f"BE {nummer[:4]}.{nummer[4:7]}.{nummer[7:]}"))
    assert r.status_code == 302
    with app.app_context():
        org = db.session.scalar(select(Organisatie).where(Organisatie.naam == "OCMW Temse"))
        assert org.kbo == nummer and org.gemeenten == ("46025",)
        lid = db.session.scalar(select(Lidmaatschap).where(Lidmaatschap.organisatie_id == org.id))
        assert lid.netwerk_id == wereld.netwerk_x and lid.rol == "trekker"
        assert lid.overeenkomst_getekend and lid.overeenkomst_datum == date(2025, 2, 10)


def test_a_kbo_clash_names_the_other_organisation_only_to_whom_may_view_it(wereld, login, app):
    """Issue 12: the clash message told a partner (or a coordinator) the name of another
    network's organisation; now only to users for whom can_view_organisatie holds."""
    from huisvanhetkind.partners.operations import KBO_ELDERS, ORGANISATIE_VELDEN
    from tests.toegang_helpers import form_van, snapshot, verschil

    y_kbo, a_kbo = f.kbo_nummer(7777777), f.kbo_nummer(1234567)
    with app.app_context():
        db.session.get(Organisatie, wereld.org_y).kbo = y_kbo  # Partner Y: network Y only
        db.session.commit()
    voor = snapshot(app)

    def bewerk(wie: str, kbo: str) -> str:
        r = login(getattr(wereld, wie)).post(
            f"/organisaties/{wereld.org_b}/bewerken",
            data=form_van(app, Organisatie, wereld.org_b, ORGANISATIE_VELDEN, kbo=kbo))
        assert r.status_code == 422 and 'id="kbo-fout"' in r.get_data(as_text=True)
        return r.get_data(as_text=True)

    html = bewerk("partner_b", y_kbo)  # its own organisation; Partner Y is another network's
    assert KBO_ELDERS in html and "Partner Y" not in html
    assert "Partner A" in bewerk("partner_b", a_kbo)  # a fellow member it may view
    html = bewerk("beheerder", y_kbo)
    assert "Partner Y" in html and KBO_ELDERS not in html
    c = login(wereld.coordinator_x)
    html = c.post(f"/netwerken/{wereld.netwerk_x}/organisaties/nieuw",
                  data=dict(NIEUW, kbo=y_kbo)).get_data(as_text=True)
    assert KBO_ELDERS in html and "Partner Y" not in html
    assert verschil(voor, snapshot(app)) == []


def test_organisations_without_kbo_do_not_collide(wereld, login, app):
    c = login(wereld.coordinator_x)
    for naam in ("Zonder KBO 1", "Zonder KBO 2"):
        r = c.post(f"/netwerken/{wereld.netwerk_x}/organisaties/nieuw",
                   data=dict(NIEUW, naam=naam, kbo="  "))
        assert r.status_code == 302, naam
    with app.app_context():
        assert db.session.scalars(select(Organisatie.kbo).where(
            Organisatie.naam.startswith("Zonder KBO"))).all() == [None, None]


def test_agreement_date_needs_the_checkbox(wereld, login):
    r = login(wereld.coordinator_x).post(
        f"/netwerken/{wereld.netwerk_x}/organisaties/nieuw",
        data={k: v for k, v in NIEUW.items() if k != "overeenkomst_getekend"})
    html = r.get_data(as_text=True)
    assert 'id="overeenkomst_datum-fout"' in html and "Vink" in html


def test_membership_edit_has_optimistic_locking(wereld, login, app):
    c = login(wereld.coordinator_x)
    lid = lid_id(app, wereld.netwerk_x, wereld.org_b)
    url = f"/netwerken/{wereld.netwerk_x}/partners/{lid}/bewerken"
    with app.app_context():
        version = db.session.get(Lidmaatschap, lid).version
    data = {"lid_sinds": "2024-01-01", "rol": "", "overeenkomst_getekend": "y",
            "overeenkomst_datum": "2025-01-10", "version": version}
    assert c.post(url, data=data).status_code == 302
    r = c.post(url, data=dict(data, rol="Andere rol"))
    assert r.status_code == 409 and "Iemand anders" in r.get_data(as_text=True)
    # a membership id of another network is not reachable through this network
    other = lid_id(app, wereld.netwerk_y, wereld.org_y)
    assert c.get(f"/netwerken/{wereld.netwerk_x}/partners/{other}/bewerken").status_code == 404


def test_removing_a_member_asks_confirmation_and_keeps_history(wereld, login, app):
    c = login(wereld.coordinator_x)
    lid = lid_id(app, wereld.netwerk_x, wereld.org_b)
    url = f"/netwerken/{wereld.netwerk_x}/partners/{lid}/beeindigen"
    page = c.get(url).get_data(as_text=True)
    assert "Bevestigen: uit het netwerk halen" in page and "onclick" not in page
    with app.app_context():
        assert db.session.get(Lidmaatschap, lid).lid_tot is None  # GET changes nothing
        version = db.session.get(Lidmaatschap, lid).version
    r = c.post(url, data={"lid_tot": "2025-04-30", "version": version}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "geen partner meer" in html and "Vroegere partners (1)" in html
    with app.app_context():
        m = db.session.get(Lidmaatschap, lid)
        assert m.lid_tot == date(2025, 4, 30)
    # partner B's user no longer reads network X
    assert login(wereld.partner_b).get(f"/netwerken/{wereld.netwerk_x}").status_code == 403


def test_stale_removal_is_refused(wereld, login, app):
    c = login(wereld.coordinator_x)
    lid = lid_id(app, wereld.netwerk_x, wereld.org_b)
    r = c.post(f"/netwerken/{wereld.netwerk_x}/partners/{lid}/beeindigen",
               data={"lid_tot": "2025-04-30", "version": "0"})
    assert r.status_code == 409
    with app.app_context():
        assert db.session.get(Lidmaatschap, lid).lid_tot is None
