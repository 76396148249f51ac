"""The zelfevaluatie kernprincipes over HTTP and through its operations: score, repeat, link a
weak point to an action, the chart over time, rights, and the dossier showing it."""
from __future__ import annotations

import io
from datetime import date, timedelta

from openpyxl import load_workbook

import pytest
from sqlalchemy import func, select

from huisvanhetkind.domein.zelfevaluatie import KERNPRINCIPES
from huisvanhetkind.erkenning import operations as erkenning_ops
from huisvanhetkind.erkenning.models import Actie
from huisvanhetkind.extensions import db
from huisvanhetkind.fouten import OperatieFout
from huisvanhetkind.partners.models import Netwerk
from huisvanhetkind.zelfevaluatie import operations
from huisvanhetkind.zelfevaluatie.models import KernprincipeScore, Zelfevaluatie

VANDAAG = date.today()


def _form(dag: date, zwak=("burgerschap",), **extra) -> dict:
    data = {"datum": dag.isoformat(), "toelichting": "Met de stuurgroep."}
    for k in KERNPRINCIPES:
        data[f"score_{k}"] = "2" if k in zwak else "3"
        data[f"opmerking_{k}"] = "Geen ouderraad." if k in zwak else ""
    data.update(extra)
    return data


def _scores(zwak=("burgerschap",)):
    return {k: (2 if k in zwak else 3, "") for k in KERNPRINCIPES}


def _url(wereld, pad=""):
    return f"/netwerken/{wereld.netwerk_x}/zelfevaluatie{pad}"


def test_coordinator_scores_and_the_network_gets_a_new_revisie(wereld, login, app):
    with app.app_context():
        revisie = db.session.get(Netwerk, wereld.netwerk_x).revisie
    client = login(wereld.coordinator_x)
    assert client.get(_url(wereld)).status_code == 200
    r = client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG - timedelta(days=30)))
    assert r.status_code == 302, r.get_data(as_text=True)
    with app.app_context():
        z = db.session.scalar(select(Zelfevaluatie))
        assert z.netwerk_id == wereld.netwerk_x and z.door_id == wereld.coordinator_x
        scores = {s.kernprincipe: (s.score, s.opmerking) for s in db.session.scalars(
            select(KernprincipeScore))}
        assert scores["burgerschap"] == (2, "Geen ouderraad.") and len(scores) == 11
        assert db.session.get(Netwerk, wereld.netwerk_x).revisie != revisie
    html = client.get(r.location).get_data(as_text=True)
    assert "Aanpakken sociale ongelijkheid" in html and "zwak punt" in html
    assert "Koppel een actie" in html and "Nieuwe actie" in html


@pytest.mark.parametrize("extra, fout", [
    ({"score_burgerschap": "0"}, "Kies een score van 1 tot 4."),
    ({"score_burgerschap": "7"}, "Ongeldige"),
    ({"datum": ""}, "Dit veld is verplicht."),
    ({"datum": (VANDAAG + timedelta(days=1)).isoformat()}, "ligt niet in de toekomst"),
    ({"opmerking_burgerschap": "x" * 2001}, "Maximaal 2000 tekens."),
])
def test_validation_in_dutch_writes_nothing(wereld, login, app, extra, fout):
    r = login(wereld.coordinator_x).post(_url(wereld, "/nieuw"), data=_form(VANDAAG, **extra))
    assert r.status_code == 422
    assert fout in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Zelfevaluatie)) == 0


def test_one_evaluation_per_date(wereld, login):
    client = login(wereld.coordinator_x)
    assert client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG)).status_code == 302
    r = client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG))
    assert r.status_code == 422 and "Er is al een zelfevaluatie op" in r.get_data(as_text=True)


def test_link_weak_point_to_existing_action_and_not_another_networks(wereld, login, app):
    with app.app_context():
        z = operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG, scores=_scores())
        eigen = erkenning_ops.nieuwe_actie(wereld.netwerk_x, "E11", beschrijving="Ouderraad",
                                           trekker_id=wereld.org_a, deadline=VANDAAG)
        vreemd = erkenning_ops.nieuwe_actie(wereld.netwerk_y, "E11", beschrijving="Elders",
                                            trekker_id=wereld.org_y, deadline=VANDAAG)
        db.session.commit()
        zid, eigen_id, vreemd_id = z.id, eigen.id, vreemd.id
    client = login(wereld.coordinator_x)
    url = _url(wereld, f"/{zid}/burgerschap/actie")
    html = client.get(url).get_data(as_text=True)
    assert "Ouderraad" in html and "Elders" not in html
    r = client.post(url, data={"actie_id": str(vreemd_id), "version": "1"})
    assert r.status_code == 422 and "engagementenplan van dit netwerk" in r.get_data(as_text=True)
    r = client.post(url, data={"actie_id": str(eigen_id), "version": "1"})
    assert r.status_code == 302
    with app.app_context():
        s = db.session.scalar(select(KernprincipeScore).where(
            KernprincipeScore.kernprincipe == "burgerschap"))
        assert s.actie_id == eigen_id
    html = client.get(_url(wereld)).get_data(as_text=True)
    assert "Ouderraad" in html and "nog zonder actie" not in html
    # a stale version: 409, nothing changed
    assert client.post(url, data={"actie_id": "0", "version": "1"}).status_code == 409
    assert client.get(_url(wereld, f"/{zid}/onbekend/actie")).status_code == 404


def test_action_made_from_weak_point_is_prefilled_and_linked(wereld, login, app):
    with app.app_context():
        zid = operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG,
                                              scores=_scores(("continu_proces",))).id
        db.session.commit()
    client = login(wereld.coordinator_x)
    url = _url(wereld, f"/{zid}/continu_proces/nieuwe-actie")
    html = client.get(url).get_data(as_text=True)
    assert "Kernprincipe &#39;Continu proces en feedback&#39;" in html
    assert '<option selected value="S6">' in html  # the engagement the kernprincipe suggests
    r = client.post(url, data={
        "voorwaarde": "S6", "beschrijving": "Jaarlijkse feedbackronde", "version": "1",
        "trekker_id": str(wereld.org_a), "deadline": (VANDAAG + timedelta(days=90)).isoformat(),
        "status": "gepland", "bewijs": "", "bewijs_link": "", "gerealiseerd_op": ""})
    assert r.status_code == 302, r.get_data(as_text=True)
    with app.app_context():
        actie = db.session.scalar(select(Actie))
        s = db.session.scalar(select(KernprincipeScore).where(
            KernprincipeScore.kernprincipe == "continu_proces"))
        assert (actie.beschrijving, actie.netwerk_id, s.actie_id) == (
            "Jaarlijkse feedbackronde", wereld.netwerk_x, actie.id)
    assert "Jaarlijkse feedbackronde" in client.get(
        f"/netwerken/{wereld.netwerk_x}/engagementen").get_data(as_text=True)


def test_repeat_keeps_earlier_and_carries_links_of_points_still_weak(wereld, login, app):
    with app.app_context():
        eerste = operations.nieuwe_zelfevaluatie(
            wereld.netwerk_x, datum=VANDAAG - timedelta(days=365),
            scores=_scores(("burgerschap", "holistische_kijk")))
        actie = erkenning_ops.nieuwe_actie(wereld.netwerk_x, "E11", beschrijving="Ouderraad",
                                           trekker_id=wereld.org_a, deadline=VANDAAG)
        for s in eerste.scores:
            operations.koppel_actie(s, actie.id, s.version)
        db.session.commit()
        eerste_id = eerste.id
    client = login(wereld.coordinator_x)
    html = client.get(_url(wereld, "/nieuw")).get_data(as_text=True)
    assert '<option selected value="2">' in html  # prefilled from the previous evaluation
    r = client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG, zwak=("burgerschap",)))
    assert r.status_code == 302
    with app.app_context():
        nieuw = db.session.scalar(select(Zelfevaluatie).where(Zelfevaluatie.datum == VANDAAG))
        gekoppeld = {s.kernprincipe: s.actie_id for s in db.session.scalars(
            select(KernprincipeScore).where(KernprincipeScore.zelfevaluatie_id == nieuw.id))}
        assert gekoppeld["burgerschap"] and not gekoppeld["holistische_kijk"]
        oud = {s.kernprincipe: s.score for s in db.session.scalars(
            select(KernprincipeScore).where(KernprincipeScore.zelfevaluatie_id == eerste_id))}
        assert oud["holistische_kijk"] == 2  # the earlier evaluation stays as it was
    html = client.get(_url(wereld)).get_data(as_text=True)
    assert html.count("<svg") == 1 and "<polyline" in html
    assert f"{VANDAAG - timedelta(days=365):%d/%m/%Y}" in html
    assert "Scores per zelfevaluatie" in html
    assert "2,7" in html  # kind en gezin centraal, first evaluation: (3 + 2 + 3) / 3
    assert client.get(_url(wereld, f"/{eerste_id}")).status_code == 200
    # the export: every evaluation, one row per kernprincipe, with the linked action
    r = client.get(_url(wereld, "/zelfevaluaties.xlsx"))
    assert r.status_code == 200 and "zelfevaluaties.xlsx" in html
    rijen = list(load_workbook(io.BytesIO(r.data))["Zelfevaluaties"].iter_rows(
        min_row=2, values_only=True))
    assert len(rijen) == 2 * len(KERNPRINCIPES)
    burgerschap = [rij for rij in rijen if rij[2] == "Burgerschap"]
    assert [(rij[0].date(), rij[3], rij[6]) for rij in burgerschap] == [
        (VANDAAG - timedelta(days=365), 2, "Ouderraad"), (VANDAAG, 2, "Ouderraad")]


def test_edit_checks_the_version(wereld, login, app):
    with app.app_context():
        zid = operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG,
                                              scores=_scores()).id
        db.session.commit()
    client = login(wereld.coordinator_x)
    url = _url(wereld, f"/{zid}/bewerken")
    assert client.post(url, data=_form(VANDAAG, zwak=(), version="1")).status_code == 302
    with app.app_context():
        z = db.session.get(Zelfevaluatie, zid)
        assert z.version == 2
        assert {s.score for s in db.session.scalars(select(KernprincipeScore))} == {3}
    r = client.post(url, data=_form(VANDAAG, version="1"))
    assert r.status_code == 409


@pytest.mark.parametrize("wie, status", [("partner_a", 200), ("consultant_ov", 200),
                                         ("coordinator_y", 403), ("consultant_ant", 403),
                                         ("partner_b", 200)])
def test_readers_read_only(wereld, login, app, wie, status):
    with app.app_context():
        zid = operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG,
                                              scores=_scores()).id
        db.session.commit()
    client = login(getattr(wereld, wie))
    assert client.get(_url(wereld)).status_code == status
    html = client.get(_url(wereld, f"/{zid}")).get_data(as_text=True)
    assert "Koppel een actie" not in html and "bewerken" not in html
    assert client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG)).status_code == 403


def test_operation_refuses_bad_input(app, wereld):
    with app.app_context():
        with pytest.raises(OperatieFout, match="toekomst"):
            operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG + timedelta(days=1),
                                            scores=_scores())
        with pytest.raises(OperatieFout, match="1 tot 4"):
            operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG,
                                            scores=_scores() | {"burgerschap": (5, "")})


def test_dossier_shows_latest_evaluation_chart_and_linked_action(wereld, login, app):
    with app.app_context():
        eerste = operations.nieuwe_zelfevaluatie(
            wereld.netwerk_x, datum=VANDAAG - timedelta(days=200), scores=_scores())
        tweede = operations.nieuwe_zelfevaluatie(wereld.netwerk_x, datum=VANDAAG,
                                                 scores=_scores(("agency_participatie",)))
        actie = erkenning_ops.nieuwe_actie(wereld.netwerk_x, "S4", beschrijving="Ouderpanel",
                                           trekker_id=wereld.org_a, deadline=VANDAAG)
        s = next(s for s in tweede.scores if s.kernprincipe == "agency_participatie")
        operations.koppel_actie(s, actie.id, s.version)
        db.session.commit()
        eerste_datum = eerste.datum
    client = login(wereld.consultant_ov)
    html = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier").get_data(as_text=True)
    assert "10. Zelfevaluatie kernprincipes" in html
    assert f"Laatste zelfevaluatie: {VANDAAG:%d/%m/%Y}" in html and "Ouderpanel" in html
    assert 'id="beeld-zelfevaluatie"' in html and "Scores per zelfevaluatie" in html
    assert "Samenwerkingsbevraging" not in html and "Omgevingsanalyse" not in html
    # at an earlier peildatum: the evaluation of that time
    html = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier"
                      f"?op={(VANDAAG - timedelta(days=100)).isoformat()}").get_data(as_text=True)
    sectie = html.split('id="sectie-zelfevaluatie"')[1].split("</section>")[0]
    assert f"Laatste zelfevaluatie: {eerste_datum:%d/%m/%Y}" in sectie
    assert "Ouderpanel" not in sectie


def test_dossier_without_evaluation_says_so(wereld, login):
    html = login(wereld.coordinator_x).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/dossier").get_data(as_text=True)
    assert "10. Zelfevaluatie kernprincipes" in html and "Nog geen zelfevaluatie op" in html


def test_network_page_links_to_the_zelfevaluatie(wereld, login):
    html = login(wereld.partner_a).get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert f'href="/netwerken/{wereld.netwerk_x}/zelfevaluatie"' in html


def test_pdf_holds_the_zelfevaluatie_and_a_new_one_makes_a_new_pdf(wereld, login, app):
    from huisvanhetkind.erkenning.models import DossierPdf
    from tests.test_erkenning import pdf_tekst
    client = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/erkenning/dossier.pdf"
    eerste = client.get(url)
    assert eerste.status_code == 200
    assert "Nog geen zelfevaluatie op" in " ".join(pdf_tekst(eerste.data).split())
    assert client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG - timedelta(days=60)))\
        .status_code == 302
    assert client.post(_url(wereld, "/nieuw"), data=_form(VANDAAG, zwak=())).status_code == 302
    tweede = client.get(url)
    assert tweede.status_code == 200 and tweede.data != eerste.data
    tekst = " ".join(pdf_tekst(tweede.data).split())
    assert "10. Zelfevaluatie kernprincipes" in tekst
    assert f"Laatste zelfevaluatie: {VANDAAG:%d/%m/%Y}" in tekst
    assert "Zelfevaluatie kernprincipes Huis van het Kind X" in tekst  # the chart's own title
    assert "Scores per zelfevaluatie" in tekst and "Continuïteit en duurzaamheid" in tekst
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(DossierPdf)) == 2


def test_chart_escapes_text_runs_to_scale_and_is_empty_without_evaluations():
    from huisvanhetkind.domein import zelfevaluatie as domein
    from huisvanhetkind.zelfevaluatie import grafiek
    assert grafiek.svg(domein.reeks([]), "Leeg") == ""
    metingen = [domein.Meting(date(2025, 1, 1) + timedelta(days=d), {k: 2 for k in KERNPRINCIPES})
                for d in (0, 1, 300)]
    svg = grafiek.svg(domein.reeks(metingen), 'Netwerk <script>"&')
    assert "<script>" not in svg and "&lt;script&gt;&quot;&amp;" in svg
    assert svg.count("<polyline") == 3
    # two evaluations a day apart: one date label (the latest), never two on top of each other
    assert "01/01/2025" in svg and "02/01/2025" not in svg and "28/10/2025" in svg
