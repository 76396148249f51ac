"""Verwijzingen (issue #5, domein.md §3.7): record from the VAN side, confirm on the NAAR side,
edit and delete with a confirmation step and optimistic locking."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.extensions import db
from huisvanhetkind.fouten import Conflict
from huisvanhetkind.graaf import operations
from huisvanhetkind.graaf.models import Verwijzing
from huisvanhetkind.partners.models import Organisatie
from tests import factories as f


def _nieuw(c, w, van, naar, soort="doorverwijzing", **extra):
    return c.post(f"/netwerken/{w.netwerk_x}/verwijzingen/nieuw?van={van}",
                  data={"naar_id": naar, "soort": soort, **extra})


def _alle(app):
    with app.app_context():
        return db.session.scalars(select(Verwijzing).order_by(Verwijzing.id)).all()


def test_partner_records_a_link_and_the_receiver_confirms_it(app, wereld, login):
    a = login(wereld.partner_a)
    r = _nieuw(a, wereld, wereld.org_a, wereld.org_b, aantal_per_jaar="12", sinds="2024-09-01")
    assert r.status_code == 302
    [v] = _alle(app)
    assert (v.van_id, v.naar_id, v.soort, v.aantal_per_jaar, v.sinds, v.bevestigd) == (
        wereld.org_a, wereld.org_b, "doorverwijzing", 12, date(2024, 9, 1), False)
    lijst = a.get(r.headers["Location"]).get_data(as_text=True)
    assert "Partner B moet ze nog bevestigen" in lijst and "niet bevestigd" in lijst
    assert "Bevestigen" not in lijst.split("<tbody>")[1]  # A cannot confirm its own link
    # the sender cannot confirm, the receiver can
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/{v.id}/bevestigen"
    assert a.post(url, data={"version": v.version}).status_code == 403
    b = login(wereld.partner_b)
    html = b.get(f"/netwerken/{wereld.netwerk_x}/verwijzingen").get_data(as_text=True)
    assert "wacht 1 verwijzing op jouw bevestiging" in html
    assert "Bewerken" not in html.split("<tbody>")[1]  # B cannot edit A's link
    assert b.post(url, data={"version": v.version, "toon": "te_bevestigen"}).status_code == 302
    [v] = _alle(app)
    assert v.bevestigd
    with app.app_context():
        assert db.session.scalar(select(AuditEntry).where(
            AuditEntry.actie == "verwijzing_bevestigd")) is not None
    # and can withdraw the confirmation again
    assert b.post(url, data={"version": v.version, "bevestigd": "0"}).status_code == 302
    assert not _alle(app)[0].bevestigd


def test_who_may_record_links(app, wereld, login):
    b_url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/nieuw?van={wereld.org_b}"
    assert login(wereld.partner_a).get(b_url).status_code == 403
    assert login(wereld.consultant_ov).get(b_url).status_code == 403
    assert login(wereld.coordinator_y).get(b_url).status_code == 403
    assert login(wereld.coordinator_x).get(b_url).status_code == 200
    assert login(wereld.beheerder).get(b_url).status_code == 200
    # a partner without ?van= records for its own organisation
    page = login(wereld.partner_a).get(f"/netwerken/{wereld.netwerk_x}/verwijzingen/nieuw")
    assert page.status_code == 200 and "Partner A" in page.get_data(as_text=True)
    # only fellow members can be chosen as receiver, never oneself
    html = page.get_data(as_text=True)
    assert "Partner B" in html and "Partner Y" not in html
    assert f'value="{wereld.org_a}"' not in html
    # an organisation that is not a member of this network cannot record here
    assert login(wereld.beheerder).get(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen/nieuw?van={wereld.org_y}").status_code == 403
    # a consultant sees the list but no buttons
    html = login(wereld.consultant_ov).get(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen").get_data(as_text=True)
    assert "Nieuwe verwijzing" not in html


def test_coordinator_chooses_the_van_partner(wereld, login):
    html = login(wereld.coordinator_x).get(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen").get_data(as_text=True)
    assert '<select class="form-select" id="van" name="van">' in html
    assert "Partner A" in html and "Partner B" in html


def test_validation_in_dutch(app, wereld, login):
    c = login(wereld.partner_a)
    html = _nieuw(c, wereld, wereld.org_a, 0, soort="").get_data(as_text=True)
    assert "Kies de partner naar wie je verwijst." in html and "Kies de soort verwijzing." in html
    html = _nieuw(c, wereld, wereld.org_a, wereld.org_y).get_data(as_text=True)
    assert "Ongeldige keuze" in html  # Partner Y is no member of X
    html = _nieuw(c, wereld, wereld.org_a, wereld.org_b, aantal_per_jaar="-3").get_data(as_text=True)
    assert "Geef een geheel getal van 0 of meer." in html
    assert _nieuw(c, wereld, wereld.org_a, wereld.org_b).status_code == 302
    html = _nieuw(c, wereld, wereld.org_a, wereld.org_b).get_data(as_text=True)
    assert operations.BESTAAT_AL in html
    assert _nieuw(c, wereld, wereld.org_a, wereld.org_b, soort="samenwerking").status_code == 302
    assert len(_alle(app)) == 2


def test_operations_without_http(ctx, wereld):
    with pytest.raises(operations.OperatieFout):
        operations.nieuwe_verwijzing(wereld.org_a, wereld.org_a, "doorverwijzing")
    with pytest.raises(operations.OperatieFout):
        operations.nieuwe_verwijzing(wereld.org_a, wereld.org_b, "onbekend")
    v = operations.nieuwe_verwijzing(wereld.org_a, wereld.org_b, "zorgafstemming", 3)
    assert not v.bevestigd
    with pytest.raises(operations.OperatieFout, match="bestaat al"):
        operations.nieuwe_verwijzing(wereld.org_a, wereld.org_b, "zorgafstemming")
    with pytest.raises(Conflict):  # the version first: nothing changes
        operations.bevestig_verwijzing(v, wereld.netwerk_x, True, v.version + 1, "A", "B")
    assert not v.bevestigd
    assert operations.bevestig_verwijzing(v, wereld.netwerk_x, True, v.version, "A", "B")
    assert v.bevestigd and v.version == 2
    with pytest.raises(operations.OperatieFout, match="naar zichzelf"):
        operations.wijzig_verwijzing(v, {"naar_id": wereld.org_a}, v.version)
    assert operations.wijzig_verwijzing(v, {"soort": "samenwerking"}, "2")
    assert (v.soort, v.bevestigd, v.version) == ("samenwerking", False, 3)  # a new link now
    with pytest.raises(Conflict):
        operations.verwijder_verwijzing(v, 2)
    operations.verwijder_verwijzing(v, 3)
    assert db.session.scalars(select(Verwijzing)).all() == []


def _link(app, wereld, **fields):
    with app.app_context():
        v = f.verwijzing(db.session.get(Organisatie, wereld.org_a),
                         db.session.get(Organisatie, wereld.org_b), **fields)
        db.session.commit()
        return v.id, v.version


def test_edit_resets_confirmation_when_the_link_changes(app, wereld, login):
    vid, version = _link(app, wereld, bevestigd=True, aantal_per_jaar=5)
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bewerken"
    assert login(wereld.partner_b).get(url).status_code == 403
    c = login(wereld.partner_a)  # one test client: login() switches its user
    form = c.get(url).get_data(as_text=True)
    assert f'name="version" type="hidden" value="{version}"' in form
    r = c.post(url, data={"naar_id": wereld.org_b, "soort": "doorverwijzing",
                          "aantal_per_jaar": "8", "version": version})
    assert r.status_code == 302
    v = _alle(app)[0]
    assert v.aantal_per_jaar == 8 and v.bevestigd  # same link: confirmation kept
    r = c.post(url, data={"naar_id": wereld.org_b, "soort": "samenwerking",
                          "aantal_per_jaar": "8", "version": v.version})
    v = _alle(app)[0]
    assert r.status_code == 302 and v.soort == "samenwerking" and not v.bevestigd


def test_stale_edit_is_refused_with_a_conflict_report(app, wereld, login):
    vid, version = _link(app, wereld, aantal_per_jaar=5)
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bewerken"
    coordinator = login(wereld.coordinator_x)
    assert coordinator.post(url, data={"naar_id": wereld.org_b, "soort": "doorverwijzing",
                                       "aantal_per_jaar": "6", "version": version}).status_code == 302
    partner = login(wereld.partner_a)
    r = partner.post(url, data={"naar_id": wereld.org_b, "soort": "doorverwijzing",
                                "aantal_per_jaar": "9", "version": version})
    assert r.status_code == 409
    html = r.get_data(as_text=True)
    assert "Iemand anders heeft dit record intussen gewijzigd" in html and ">6<" in html
    # the comparison: per field the stored value next to the submitted one, nothing else
    assert re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", html) == [
        ("Ongeveer hoeveel per jaar", "6", "9")]
    # the form carries the stored version: saving again after comparing goes through
    assert f'name="version" type="hidden" value="{version + 1}"' in html
    assert _alle(app)[0].aantal_per_jaar == 6
    r = partner.post(url, data={"naar_id": wereld.org_b, "soort": "doorverwijzing",
                                "aantal_per_jaar": "9", "version": version + 1})
    assert r.status_code == 302 and _alle(app)[0].aantal_per_jaar == 9


def test_delete_has_a_confirmation_step_and_checks_the_version(app, wereld, login):
    vid, version = _link(app, wereld)
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/verwijderen"
    assert login(wereld.partner_b).get(url).status_code == 403
    c = login(wereld.partner_a)
    page = c.get(url).get_data(as_text=True)
    assert "Verwijzing verwijderen" in page and "Definitief verwijderen" in page
    assert "Partner B" in page and "Doorverwijzing" in page  # what disappears
    assert len(_alle(app)) == 1  # GET changes nothing
    r = c.post(url, data={"version": version + 1})
    assert r.status_code == 409 and len(_alle(app)) == 1
    assert c.post(url, data={"version": version}).status_code == 302
    assert _alle(app) == []
    assert c.get(url).status_code == 404


def test_stale_confirmation_is_refused(app, wereld, login):
    vid, version = _link(app, wereld)
    r = login(wereld.partner_b).post(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bevestigen",
        data={"version": version + 3})
    assert r.status_code == 409 and "Bevestigen" in r.get_data(as_text=True)
    assert not _alle(app)[0].bevestigd


def test_filters_unconfirmed_and_one_way(app, wereld, login):
    _link(app, wereld)  # A -> B, unconfirmed, one way
    with app.app_context():
        a, b = db.session.get(Organisatie, wereld.org_a), db.session.get(Organisatie, wereld.org_b)
        f.verwijzing(b, a, "samenwerking", bevestigd=True)
        c3 = f.organisatie("Partner C")
        from huisvanhetkind.partners.models import Netwerk
        f.lid(db.session.get(Netwerk, wereld.netwerk_x), c3)
        f.verwijzing(a, c3, "zorgafstemming", bevestigd=True)
        db.session.commit()
    c = login(wereld.coordinator_x)
    base = f"/netwerken/{wereld.netwerk_x}/verwijzingen"

    def rows(toon):
        html = c.get(f"{base}?toon={toon}").get_data(as_text=True)
        body = html.split("<tbody>")[1].split("</tbody>")[0]
        return len(re.findall(r"<tr>", body)), html

    n, html = rows("alle")
    assert n == 3 and "Niet bevestigd (1)" in html and "In één richting (1)" in html
    n, html = rows("onbevestigd")
    assert n == 1 and "Verwijzingen die de ontvangende" in html
    n, html = rows("eenrichting")
    assert n == 1 and "Partner C" in html.split("<tbody>")[1]


def test_links_with_a_former_member_are_not_shown(app, wereld, login):
    _link(app, wereld)
    with app.app_context():
        from huisvanhetkind.partners.models import Lidmaatschap
        m = db.session.scalar(select(Lidmaatschap).where(Lidmaatschap.organisatie_id == wereld.org_b))
        m.lid_tot = date(2025, 1, 1)
        db.session.commit()
    html = login(wereld.coordinator_x).get(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen").get_data(as_text=True)
    assert "Geen verwijzingen" in html


@pytest.mark.csrf
def test_forms_carry_a_csrf_token(app, wereld, login):
    vid, version = _link(app, wereld)
    c = login(wereld.partner_b)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/verwijzingen").get_data(as_text=True)
    assert 'name="csrf_token"' in html
    r = c.post(f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bevestigen",
               data={"version": version})
    assert r.status_code == 400 and not _alle(app)[0].bevestigd
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    r = c.post(f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bevestigen",
               data={"version": version, "csrf_token": token})
    assert r.status_code == 302 and _alle(app)[0].bevestigd
    a = login(wereld.partner_a)
    assert 'name="csrf_token"' in a.get(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen/nieuw").get_data(as_text=True)
    assert 'name="csrf_token"' in a.get(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/verwijderen").get_data(as_text=True)


def test_new_link_without_van_sends_coordinators_to_the_chooser(wereld, login, client):
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/nieuw"
    assert client.get(url).status_code in (302, 401)  # anonymous: to the login page
    r = login(wereld.coordinator_x).get(url)
    assert r.status_code == 302 and r.headers["Location"].endswith(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen")
    assert login(wereld.consultant_ov).get(url).status_code == 403


def test_plus_one_counts_a_referral_for_the_van_partner_only(wereld, login, app):
    from huisvanhetkind.graaf.models import Verwijzing
    from tests import factories as fac
    with app.app_context():
        a, b = db.session.get(Organisatie, wereld.org_a), db.session.get(Organisatie, wereld.org_b)
        v = fac.verwijzing(a, b, aantal_per_jaar=None)
        db.session.commit()
        vid = v.id
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/tel"
    assert login(wereld.partner_b).post(url).status_code == 403
    c = login(wereld.partner_a)
    assert c.post(url).status_code == 302
    assert c.post(url).status_code == 302
    with app.app_context():
        assert db.session.get(Verwijzing, vid).aantal_per_jaar == 2


def test_plus_one_shows_at_once_in_the_graph_and_its_export(wereld, login, app):
    """The count is no fact of the analysis (no bundle is computed again for a '+1'), yet the
    graph, its page and the GraphML export show the new count at once."""
    import io

    import networkx as nx
    from tests import factories as fac
    with app.app_context():
        a, b = db.session.get(Organisatie, wereld.org_a), db.session.get(Organisatie, wereld.org_b)
        vid = fac.verwijzing(a, b, aantal_per_jaar=4).id
        db.session.commit()
    x = wereld.netwerk_x
    kijker = login(wereld.coordinator_x)

    def getoond() -> tuple:
        rand = next(e for e in kijker.get(f"/netwerken/{x}/graaf.json").get_json()["edges"]
                    if (e["from"], e["to"]) == (wereld.org_a, wereld.org_b))
        g = nx.read_graphml(io.BytesIO(kijker.get(f"/netwerken/{x}/export.graphml").data))
        [(_, _, d)] = [e for e in g.edges(data=True)
                       if (e[0], e[1]) == (str(wereld.org_a), str(wereld.org_b))]
        return rand["aantal_per_jaar"], d.get("aantal")

    assert kijker.get(f"/netwerken/{x}/graaf").status_code == 200
    assert getoond() == (4, 4)
    assert login(wereld.partner_a).post(f"/netwerken/{x}/verwijzingen/{vid}/tel").status_code == 302
    assert getoond() == (5, 5)
    pagina = kijker.get(f"/netwerken/{x}/graaf").get_data(as_text=True)
    assert re.search(r'<td class="text-end">5</td>', pagina)


@pytest.mark.parametrize("velden, terug", [
    ({"toon": "onbevestigd", "page": "3"}, "?toon=onbevestigd&page=3"),
    ({"toon": "alle", "page": "1"}, ""),
    ({"toon": "<script>", "page": "-2"}, ""),
    ({"page": "99999999999999999999"}, ""),
    ({"page": "2"}, "?page=2"),
])
def test_plus_one_and_confirm_return_to_the_same_page_and_filter(wereld, login, app, velden,
                                                                 terug):
    vid, _ = _link(app, wereld)
    lijst = f"/netwerken/{wereld.netwerk_x}/verwijzingen"
    r = login(wereld.partner_a).post(f"{lijst}/{vid}/tel", data=velden)
    assert r.status_code == 302 and r.headers["Location"] == lijst + terug
    version = _alle(app)[0].version
    r = login(wereld.partner_b).post(f"{lijst}/{vid}/bevestigen",
                                     data={**velden, "version": version})
    assert r.status_code == 302 and r.headers["Location"] == lijst + terug
    html = login(wereld.partner_a).get(lijst).get_data(as_text=True)
    assert '<input type="hidden" name="page" value="1">' in html


# --- one write path: 422 for an invalid form, 409 without the version ----------------------------

def test_invalid_forms_give_422_and_write_nothing(app, wereld, login):
    vid, version = _link(app, wereld, aantal_per_jaar=5)
    c = login(wereld.partner_a)
    assert _nieuw(c, wereld, wereld.org_a, 0, soort="").status_code == 422
    r = _nieuw(c, wereld, wereld.org_a, wereld.org_b)  # exists already: the operation refuses
    assert r.status_code == 422 and operations.BESTAAT_AL in r.get_data(as_text=True)
    url = f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bewerken"
    r = c.post(url, data={"naar_id": wereld.org_b, "soort": "doorverwijzing",
                          "aantal_per_jaar": "-3", "version": version})
    assert r.status_code == 422 and "Geef een geheel getal van 0 of meer." in r.get_data(
        as_text=True)
    [v] = _alle(app)
    assert (v.aantal_per_jaar, v.version) == (5, version)


def test_edit_into_an_existing_link_is_refused(app, wereld, login):
    _link(app, wereld, soort="samenwerking")
    vid, version = _link(app, wereld)
    r = login(wereld.partner_a).post(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/bewerken",
        data={"naar_id": wereld.org_b, "soort": "samenwerking", "version": version})
    assert r.status_code == 422 and operations.BESTAAT_AL in r.get_data(as_text=True)
    assert sorted(v.soort for v in _alle(app)) == ["doorverwijzing", "samenwerking"]


@pytest.mark.parametrize("actie, wie", [("bewerken", "partner_a"), ("verwijderen", "partner_a"),
                                        ("bevestigen", "partner_b")])
def test_post_without_version_is_a_conflict(app, wereld, login, actie, wie):
    vid, version = _link(app, wereld, aantal_per_jaar=5)
    data = {"naar_id": wereld.org_b, "soort": "doorverwijzing", "aantal_per_jaar": "7"} \
        if actie == "bewerken" else {}
    r = login(getattr(wereld, wie)).post(
        f"/netwerken/{wereld.netwerk_x}/verwijzingen/{vid}/{actie}", data=data)
    assert r.status_code == 409
    assert f'name="version" type="hidden" value="{version}"' in r.get_data(as_text=True)
    [v] = _alle(app)
    assert (v.aantal_per_jaar, v.bevestigd, v.version) == (5, False, version)

