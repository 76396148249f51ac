"""Networks and organisations: who may see and edit what; optimistic locking."""
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Organisatie


def _form(app, org_id, **changes):
    with app.app_context():
        org = db.session.get(Organisatie, org_id)
        data = {"naam": org.naam, "sector": org.sector, "gemeenten": list(org.gemeenten),
                "kbo": org.kbo or "", "version": org.version}
    data.update(changes)
    return data


def test_partner_cannot_see_or_post_other_organisations_edit_form(wereld, login, app):
    c = login(wereld.partner_a)
    assert c.get(f"/organisaties/{wereld.org_b}/bewerken").status_code == 403
    r = c.post(f"/organisaties/{wereld.org_b}/bewerken", data=_form(app, wereld.org_b, naam="Gekaapt"))
    assert r.status_code == 403
    with app.app_context():
        assert db.session.get(Organisatie, wereld.org_b).naam == "Partner B"
    assert c.get(f"/organisaties/{wereld.org_a}/bewerken").status_code == 200


def test_coordinator_edits_members_of_own_network_only(wereld, login):
    c = login(wereld.coordinator_x)
    assert c.get(f"/organisaties/{wereld.org_b}/bewerken").status_code == 200
    assert c.get(f"/organisaties/{wereld.org_y}/bewerken").status_code == 403


def test_consultant_reads_but_never_edits(wereld, login):
    c = login(wereld.consultant_ov)
    assert c.get(f"/netwerken/{wereld.netwerk_x}").status_code == 200
    assert c.get(f"/organisaties/{wereld.org_a}").status_code == 200
    assert c.get(f"/organisaties/{wereld.org_a}/bewerken").status_code == 403
    assert c.get(f"/netwerken/{wereld.netwerk_y}").status_code == 403


def test_bad_kbo_gets_dutch_error_next_to_field(wereld, login, app):
    c = login(wereld.partner_a)
    r = c.post(f"/organisaties/{wereld.org_a}/bewerken",
               data=_form(app, wereld.org_a, kbo="0123.456.748"))
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'id="kbo-fout"' in html and "controlecijfers" in html
    assert 'aria-invalid="true"' in html


def test_second_save_of_the_same_record_gets_a_conflict(wereld, login, app):
    c = login(wereld.partner_a)
    stale = _form(app, wereld.org_a, naam="Eerste wijziging")
    assert c.post(f"/organisaties/{wereld.org_a}/bewerken", data=stale).status_code == 302
    r = c.post(f"/organisaties/{wereld.org_a}/bewerken", data=dict(stale, naam="Tweede wijziging"))
    html = r.get_data(as_text=True)
    assert r.status_code == 409
    assert "Iemand anders heeft dit record intussen gewijzigd" in html
    assert "Eerste wijziging" in html and "Tweede wijziging" in html
    with app.app_context():
        assert db.session.get(Organisatie, wereld.org_a).naam == "Eerste wijziging"


def test_network_page_lists_members(wereld, login):
    html = login(wereld.coordinator_x).get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert "Partner A" in html and "Partner B" in html and "Temse" in html
