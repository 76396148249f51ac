"""Engagements and their actions over HTTP: rights, validation, badges, optimistic locking."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from huisvanhetkind.erkenning import operations
from huisvanhetkind.erkenning.models import Actie
from huisvanhetkind.erkenning.views_engagementen import termijn_van
from huisvanhetkind.extensions import db


@pytest.fixture
def actie_x(app, wereld):
    with app.app_context():
        a = operations.nieuwe_actie(wereld.netwerk_x, "E7", beschrijving="Folder in 5 talen",
                                    trekker_id=wereld.org_a, deadline=date(2026, 6, 1))
        db.session.commit()
        return a.id


def _form(wereld, **extra):
    data = {"voorwaarde": "E7", "beschrijving": "Website vernieuwen",
            "trekker_id": str(wereld.org_a), "deadline": "2026-06-30", "status": "gepland",
            "bewijs": "", "bewijs_link": ""}
    data.update(extra)
    return data


def test_coordinator_creates_action_for_engagement(wereld, login, app):
    client = login(wereld.coordinator_x)
    r = client.get(f"/netwerken/{wereld.netwerk_x}/acties/nieuw?voorwaarde=S3")
    assert r.status_code == 200
    assert re.search(r'<option selected value="S3">', r.get_data(as_text=True))
    # the trekker select lists active members only
    html = r.get_data(as_text=True)
    assert "Partner A" in html and "Partner B" in html and "Partner Y" not in html
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw", data=_form(wereld))
    assert r.status_code == 302 and r.location.endswith("/engagementen#engagement-E7")
    with app.app_context():
        a = db.session.scalar(select(Actie))
        assert (a.beschrijving, a.trekker_id, a.deadline, a.netwerk_id) == (
            "Website vernieuwen", wereld.org_a, date(2026, 6, 30), wereld.netwerk_x)
    assert "Website vernieuwen" in client.get(
        f"/netwerken/{wereld.netwerk_x}/engagementen").get_data(as_text=True)


@pytest.mark.parametrize("veld, waarde, fout", [
    ("bewijs_link", "javascript:alert(1)", "http:// of https://"),
    ("bewijs_link", "ftp://server/verslag.pdf", "http:// of https://"),
    ("bewijs_link", "https://", "http:// of https://"),
    ("trekker_id", "-1", "actieve partner"),
    ("deadline", "", "Dit veld is verplicht."),
    ("deadline", "31-02-2026", "Ongeldige datum"),
    ("beschrijving", "", "Dit veld is verplicht."),
])
def test_action_validation_in_dutch(wereld, login, veld, waarde, fout):
    client = login(wereld.coordinator_x)
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                    data=_form(wereld, **{veld: waarde}))
    assert r.status_code == 400 and fout in r.get_data(as_text=True)


def test_trekker_of_another_network_is_refused(wereld, login):
    r = login(wereld.coordinator_x).post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                                         data=_form(wereld, trekker_id=str(wereld.org_y)))
    assert r.status_code == 400 and "actieve partner" in r.get_data(as_text=True)


def test_http_and_https_links_are_accepted(wereld, login, app):
    client = login(wereld.coordinator_x)
    for link in ("http://hvk.be/a", "https://hvk.be/b?x=1"):
        assert client.post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                           data=_form(wereld, bewijs_link=link)).status_code == 302


def test_rights(wereld, login, actie_x):
    base = f"/netwerken/{wereld.netwerk_x}"
    for user in (wereld.partner_a, wereld.consultant_ov):
        client = login(user)
        html = client.get(f"{base}/engagementen").get_data(as_text=True)
        assert "Folder in 5 talen" in html and "Bewerken" not in html
        assert client.get(f"{base}/acties/nieuw").status_code == 403
        assert client.post(f"{base}/acties/{actie_x}/verwijderen").status_code == 403
    client = login(wereld.coordinator_y)
    assert client.get(f"{base}/engagementen").status_code == 403
    # an action is only reachable through its own network
    assert login(wereld.beheerder).get(
        f"/netwerken/{wereld.netwerk_y}/acties/{actie_x}/bewerken").status_code == 404


def test_edit_with_stale_version_gives_conflict(wereld, login, app, actie_x):
    client = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/bewerken"
    assert 'name="version" type="hidden" value="1"' in client.get(url).get_data(as_text=True)
    data = _form(wereld, beschrijving="Eerste versie", version="1")
    del data["voorwaarde"]
    assert client.post(url, data=data).status_code == 302
    data["beschrijving"] = "Tweede, op een oude versie"
    r = client.post(url, data=data)
    assert r.status_code == 409 and "Iemand anders heeft dit record" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Actie, actie_x).beschrijving == "Eerste versie"


def test_delete_needs_confirmation_and_current_version(wereld, login, app, actie_x):
    client = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/verwijderen"
    r = client.get(url)
    assert r.status_code == 200 and "Ja, verwijderen" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Actie, actie_x) is not None  # GET deletes nothing
    assert client.post(url, data={"version": "0"}).status_code == 409
    assert client.post(url, data={"version": "1"}).status_code == 302
    with app.app_context():
        assert db.session.get(Actie, actie_x) is None


@pytest.mark.parametrize("dagen, status, verwacht", [
    (-1, "lopend", "te_laat"), (0, "gepland", "binnenkort"), (90, "gepland", "binnenkort"),
    (91, "gepland", None), (-10, "gerealiseerd", "klaar"),
])
def test_action_badges_90_versus_91_days(dagen, status, verwacht):
    vandaag = date(2026, 3, 1)
    actie = Actie(beschrijving="x", deadline=vandaag + timedelta(days=dagen), status=status)
    assert termijn_van(actie, vandaag) == verwacht


def test_overdue_and_soon_actions_stand_out_with_text(wereld, login, app):
    with app.app_context():
        for dagen, naam in ((-3, "Te laat"), (30, "Bijna"), (200, "Ruim")):
            operations.nieuwe_actie(wereld.netwerk_x, "E10", beschrijving=naam,
                                    trekker_id=wereld.org_a,
                                    deadline=date.today() + timedelta(days=dagen))
        db.session.commit()
    html = login(wereld.coordinator_x).get(
        f"/netwerken/{wereld.netwerk_x}/engagementen").get_data(as_text=True)
    rijen = dict(re.findall(r'data-termijn="(\w*)">\s*<td>([^<]+)</td>', html))
    assert rijen == {"te_laat": "Te laat", "binnenkort": "Bijna", "": "Ruim"}
    assert '<span aria-hidden="true">‼</span> Over tijd' in html
    assert '<span aria-hidden="true">◷</span> Binnen 90 dagen' in html
    assert "Termijn van twee jaar: nog" in html


def test_trekker_who_left_no_longer_carries_the_action(wereld, app):
    from huisvanhetkind import pipeline
    from huisvanhetkind.partners.models import Lidmaatschap
    with app.app_context():
        operations.nieuwe_actie(wereld.netwerk_x, "E11", beschrijving="Open huis",
                                trekker_id=wereld.org_b, deadline=date.today(),
                                status="gerealiseerd")
        db.session.commit()
        assert pipeline.bundel(wereld.netwerk_x).beoordeling.uitkomst("E11").status == "voldaan"
        lid = db.session.scalar(select(Lidmaatschap).where(
            Lidmaatschap.organisatie_id == wereld.org_b))
        lid.lid_tot = date.today()
        db.session.commit()
        u = pipeline.bundel(wereld.netwerk_x).beoordeling.uitkomst("E11")
        assert u.status == "niet_voldaan" and "geen lid (meer)" in " ".join(u.details)


def test_engagement_is_created_once_per_condition(wereld, app):
    with app.app_context():
        a = operations.engagement_voor(wereld.netwerk_x, "S5")
        assert operations.engagement_voor(wereld.netwerk_x, "S5").id == a.id
        with pytest.raises(ValueError):
            operations.engagement_voor(wereld.netwerk_x, "E4")


@pytest.mark.csrf
def test_forms_carry_a_csrf_token(wereld, login, actie_x):
    client = login(wereld.coordinator_x)
    for url in (f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/bewerken",
                f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/verwijderen"):
        assert 'name="csrf_token"' in client.get(url).get_data(as_text=True), url
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/verwijderen",
                    data={"version": "1"})
    assert r.status_code == 400
    assert 'name="csrf_token"' in login(wereld.consultant_ov).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/review/E1").get_data(as_text=True)
