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
    # b has its own partner account: its coordinator proposes (domein.md §10)
    assert c.get(f"/organisaties/{wereld.org_b}/bewerken").status_code == 403
    assert c.get(f"/organisaties/{wereld.org_b}/voorstel").status_code == 200
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
    assert r.status_code == 422
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


# --- every partners page: renders per role, CSP-safe markup, CSRF on forms ---------------------
import re  # noqa: E402

import pytest  # noqa: E402

INLINE = re.compile(r'<script(?![^>]*\b(?:src=|type="application/json"))|\sstyle="|\son[a-z]+="', re.I)
LABELLED_SELECT = re.compile(r'<select[^>]*\bid="([^"]+)"')

PARTNER_PAGES = {
    "beheerder": ["/netwerken/nieuw", "/netwerken/{x}/bewerken", "/netwerken/{x}/partners",
                  "/netwerken/{x}/partners/toevoegen?q=partner", "/netwerken/{x}/organisaties/nieuw",
                  "/netwerken/{x}/partners/toevoegen/{y}", "/netwerken/{x}/aanbod",
                  "/netwerken/{x}/aanbod/overzicht", "/netwerken/{x}/aanbod/nieuw"],
    "coordinator_x": ["/netwerken/{x}/bewerken", "/netwerken/{x}/partners", "/netwerken/{x}/aanbod",
                      "/organisaties/{b}/voorstel", "/aanbod/{s}/voorstel"],
    "partner_a": ["/netwerken/{x}/aanbod", "/netwerken/{x}/aanbod/overzicht", "/aanbod/{s}",
                  "/aanbod/{s}/bewerken", "/aanbod/{s}/verwijderen", "/organisaties/{a}/aanbod/nieuw",
                  "/netwerken/{x}/partners"],
    "consultant_ov": ["/netwerken/{x}/aanbod", "/netwerken/{x}/partners", "/aanbod/{s}"],
}


def _spelotheek(app):
    from huisvanhetkind.partners.models import Aanbod
    from sqlalchemy import select
    with app.app_context():
        return db.session.scalar(select(Aanbod.id).where(Aanbod.naam == "Spelotheek A"))


@pytest.mark.parametrize("who,path", [(w, p) for w, ps in PARTNER_PAGES.items() for p in ps])
def test_partner_pages_render_with_csp_safe_labelled_markup(wereld, login, app, who, path):
    url = path.format(x=wereld.netwerk_x, a=wereld.org_a, b=wereld.org_b, y=wereld.org_y,
                      s=_spelotheek(app))
    r = login(getattr(wereld, who)).get(url)
    assert r.status_code == 200, (who, url)
    html = r.get_data(as_text=True)
    assert not INLINE.search(html), INLINE.search(html)
    for select_id in LABELLED_SELECT.findall(html):
        assert f'for="{select_id}"' in html, f"select #{select_id} has no label on {url}"


@pytest.mark.csrf
def test_partner_forms_carry_a_csrf_token(wereld, login, app):
    c = login(wereld.partner_a)
    url = f"/organisaties/{wereld.org_a}/aanbod/nieuw"
    data = {"naam": "Met token", "aanbodvorm": "informatie", "functies": "ontmoeting",
            "leeftijdsgroepen": "0-3", "doelgroep": "universeel", "werkvormen": "online"}
    assert c.post(url, data=data).status_code == 400  # no token
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      c.get(url).get_data(as_text=True)).group(1)
    assert c.post(url, data=dict(data, csrf_token=token)).status_code == 302
    page = c.get(f"/netwerken/{wereld.netwerk_x}/aanbod").get_data(as_text=True)
    assert 'name="csrf_token"' in page  # the "nagekeken" buttons post with a token
