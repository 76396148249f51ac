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
            "bewijs": "", "bewijs_link": "", "gerealiseerd_op": ""}
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
    assert r.status_code == 422 and fout in r.get_data(as_text=True)


def test_trekker_of_another_network_is_refused(wereld, login):
    r = login(wereld.coordinator_x).post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                                         data=_form(wereld, trekker_id=str(wereld.org_y)))
    assert r.status_code == 422 and "actieve partner" in r.get_data(as_text=True)


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
    assert r.status_code == 200 and "Definitief verwijderen" in r.get_data(as_text=True)
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


# --- one write path: 422 for an invalid form, 409 without the version ----------------------------

def _aantal_acties(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Actie)).all())


def test_invalid_forms_give_422_and_write_nothing(wereld, login, app, actie_x):
    client = login(wereld.coordinator_x)
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                    data=_form(wereld, beschrijving=""))
    assert r.status_code == 422 and "Het formulier bevat fouten" in r.get_data(as_text=True)
    assert _aantal_acties(app) == 1
    data = _form(wereld, beschrijving="Gewijzigd", deadline="geen datum", version="1")
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/bewerken", data=data)
    assert r.status_code == 422
    with app.app_context():
        a = db.session.get(Actie, actie_x)
        assert (a.beschrijving, a.version) == ("Folder in 5 talen", 1)


def test_post_without_version_is_a_conflict(wereld, login, app, actie_x):
    client = login(wereld.coordinator_x)
    base = f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}"
    data = _form(wereld, beschrijving="Zonder versie")
    del data["voorwaarde"]
    r = client.post(f"{base}/bewerken", data=data)
    assert r.status_code == 409 and "Iemand anders heeft dit record" in r.get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in r.get_data(as_text=True)
    r = client.post(f"{base}/verwijderen", data={})
    assert r.status_code == 409 and 'id="gewijzigd"' in r.get_data(as_text=True)
    with app.app_context():
        a = db.session.get(Actie, actie_x)
        assert (a.beschrijving, a.version) == ("Folder in 5 talen", 1)


def test_stale_delete_shows_the_question_again(wereld, login, app, actie_x):
    client = login(wereld.coordinator_x)
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/{actie_x}/verwijderen",
                    data={"version": "7"})
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and "Folder in 5 talen" in html
    assert 'name="version" type="hidden" value="1"' in html  # the stored version, to confirm
    assert _aantal_acties(app) == 1


# --- the realisation date (domein.md §4) -----------------------------------------------------------

def _bewerk(client, wereld, actie_id, **extra):
    data = _form(wereld, **{"version": "1", **extra})
    del data["voorwaarde"]
    return client.post(f"/netwerken/{wereld.netwerk_x}/acties/{actie_id}/bewerken", data=data)


def test_form_offers_an_optional_realisation_date(wereld, login):
    html = login(wereld.coordinator_x).get(
        f"/netwerken/{wereld.netwerk_x}/acties/nieuw").get_data(as_text=True)
    veld = re.search(r'<input[^>]*name="gerealiseerd_op"[^>]*>', html).group(0)
    assert 'type="date"' in veld and "required" not in veld
    assert '<label class="form-label" for="gerealiseerd_op">Gerealiseerd op</label>' in html


def test_realised_without_a_date_is_realised_today(wereld, login, app):
    r = login(wereld.coordinator_x).post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                                         data=_form(wereld, status="gerealiseerd"))
    assert r.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Actie.gerealiseerd_op)) == date.today()


def test_setting_gerealiseerd_later_dates_it_today_or_as_given(wereld, login, app, actie_x):
    client = login(wereld.coordinator_x)
    assert _bewerk(client, wereld, actie_x, status="gerealiseerd").status_code == 302
    with app.app_context():
        a = db.session.get(Actie, actie_x)
        assert (a.status, a.gerealiseerd_op, a.version) == ("gerealiseerd", date.today(), 2)
    r = _bewerk(client, wereld, actie_x, status="gerealiseerd", gerealiseerd_op="2025-03-14",
                version="2")
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(Actie, actie_x).gerealiseerd_op == date(2025, 3, 14)
    # back to lopend: the date goes with the status
    assert _bewerk(client, wereld, actie_x, status="lopend", version="3").status_code == 302
    with app.app_context():
        assert db.session.get(Actie, actie_x).gerealiseerd_op is None


@pytest.mark.parametrize("status, op, fout", [
    ("lopend", "2025-03-14", "Enkel een gerealiseerde actie heeft een realisatiedatum"),
    ("gepland", "2025-03-14", "Enkel een gerealiseerde actie heeft een realisatiedatum"),
    ("gerealiseerd", (date.today() + timedelta(days=1)).isoformat(),
     "De realisatiedatum ligt in de toekomst."),
    ("gerealiseerd", "14/03/2025", "Ongeldige datum"),
])
def test_a_date_that_does_not_fit_is_refused_in_dutch(wereld, login, app, actie_x, status, op,
                                                       fout):
    client = login(wereld.coordinator_x)
    r = client.post(f"/netwerken/{wereld.netwerk_x}/acties/nieuw",
                    data=_form(wereld, status=status, gerealiseerd_op=op))
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and fout in html
    assert re.search(r'id="gerealiseerd_op-fout"[^>]*>[^<]*' + re.escape(fout), html)
    r = _bewerk(client, wereld, actie_x, status=status, gerealiseerd_op=op)
    assert r.status_code == 422 and fout in r.get_data(as_text=True)
    with app.app_context():
        assert _aantal_acties(app) == 1
        a = db.session.get(Actie, actie_x)
        assert (a.status, a.gerealiseerd_op, a.version) == ("gepland", None, 1)


def test_an_unknown_date_stays_unknown_and_the_pages_say_so(wereld, login, app, actie_x):
    with app.app_context():
        bekend = operations.nieuwe_actie(wereld.netwerk_x, "E7", beschrijving="Folder klaar",
                                         trekker_id=wereld.org_a, deadline=date(2026, 6, 1),
                                         status="gerealiseerd", gerealiseerd_op=date(2025, 3, 14))
        a = db.session.get(Actie, actie_x)
        a.status = "gerealiseerd"  # as an import without the column leaves it: date unknown
        db.session.commit()
        bekend_id = bekend.id
    client = login(wereld.coordinator_x)
    assert _bewerk(client, wereld, actie_x, status="gerealiseerd", version="2",
                   bewijs="Verslag").status_code == 302
    with app.app_context():
        assert db.session.get(Actie, actie_x).gerealiseerd_op is None
    html = client.get(f"/netwerken/{wereld.netwerk_x}/engagementen").get_data(as_text=True)
    rij = html[html.index(f'id="actie-{actie_x}"'):]
    assert "datum onbekend" in rij[:rij.index("</tr>")]
    rij = html[html.index(f'id="actie-{bekend_id}"'):]
    assert "op 14/03/2025" in rij[:rij.index("</tr>")]
    dossier = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier?op=2025-03-13")
    tekst = dossier.get_data(as_text=True)
    assert "datum onbekend" in tekst and "op 14/03/2025: na de peildatum, telt niet mee" in tekst
    assert "op 14/03/2025</div>" in client.get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/dossier").get_data(as_text=True)


def test_dashboard_before_the_realisation_date_counts_the_action_as_not_realised(
        wereld, login, app):
    gedaan = date.today() - timedelta(days=30)
    with app.app_context():
        operations.nieuwe_actie(wereld.netwerk_x, "E11", beschrijving="Open huis",
                                trekker_id=wereld.org_b, deadline=gedaan,
                                status="gerealiseerd", gerealiseerd_op=gedaan)
        db.session.commit()
    client = login(wereld.coordinator_x)

    def e11(op: date) -> str:
        r = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning?op={op.isoformat()}")
        assert r.status_code == 200
        html = r.get_data(as_text=True)
        rij = html[html.index('id="voorwaarde-E11"'):]
        return rij[:rij.index("</tr>")]

    for op in (gedaan, date.today()):
        assert "Engagement E11: 1 van 1 actie gerealiseerd." in e11(op)
    ervoor = e11(gedaan - timedelta(days=1))
    assert "Engagement E11 lopend: 1 actie gepland" in ervoor
    assert "0 van 1 actie gerealiseerd." in ervoor


def test_operations_refuse_a_date_that_does_not_fit(wereld, app, actie_x):
    from huisvanhetkind.fouten import Conflict, OperatieFout
    with app.app_context():
        with pytest.raises(OperatieFout):
            operations.nieuwe_actie(wereld.netwerk_x, "E7", beschrijving="x", trekker_id=None,
                                    deadline=None, status="lopend",
                                    gerealiseerd_op=date(2025, 1, 1))
        a = db.session.get(Actie, actie_x)
        with pytest.raises(Conflict):  # the version first, whatever else is wrong
            operations.wijzig_actie(a, {"status": "lopend", "gerealiseerd_op": date.today()}, 0)
        with pytest.raises(OperatieFout):
            operations.wijzig_actie(a, {"status": "lopend", "gerealiseerd_op": date.today()}, 1)
        assert operations.wijzig_actie(a, {"status": "gerealiseerd"}, "1")
        assert (a.gerealiseerd_op, a.version) == (date.today(), 2)
        operations.verwijder_actie(a, 2)
        assert db.session.get(Actie, actie_x) is None
