"""Review per condition: who may write, answer and see; the history is kept in order."""
from __future__ import annotations

from sqlalchemy import select

from huisvanhetkind.erkenning.models import ReviewOpmerking
from huisvanhetkind.extensions import db


def _url(wereld, vid="E4", *rest):
    return "/".join([f"/netwerken/{wereld.netwerk_x}/erkenning/review/{vid}", *rest])


def _opmerking(client, wereld, tekst="Graag de overeenkomst toevoegen.", oordeel="niet_akkoord"):
    return client.post(_url(wereld) + "?op=2026-09-01",
                       data={"review-oordeel": oordeel, "review-tekst": tekst})


def test_consultant_writes_comment_with_verdict(wereld, login, app):
    client = login(wereld.consultant_ov)
    page = client.get(_url(wereld)).get_data(as_text=True)
    assert 'name="review-oordeel"' in page and "Nog geen opmerkingen." in page
    r = _opmerking(client, wereld)
    assert r.status_code == 302
    with app.app_context():
        o = db.session.scalar(select(ReviewOpmerking))
        assert (o.voorwaarde, o.oordeel, o.auteur_id, o.antwoord_op_id, str(o.peildatum)) == (
            "E4", "niet_akkoord", wereld.consultant_ov, None, "2026-09-01")
    html = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning").get_data(as_text=True)
    assert '<span aria-hidden="true">✗</span> Niet akkoord' in html
    assert "Graag de overeenkomst toevoegen." in html


def test_review_form_errors_are_dutch(wereld, login):
    r = _opmerking(login(wereld.consultant_ov), wereld, tekst="", oordeel="")
    assert r.status_code == 422 and r.get_data(as_text=True).count("Dit veld is verplicht.") >= 2


def test_consultant_of_another_province_gets_403(wereld, login):
    client = login(wereld.consultant_ant)
    assert client.get(_url(wereld)).status_code == 403
    assert _opmerking(client, wereld).status_code == 403
    assert client.get(f"/netwerken/{wereld.netwerk_x}/erkenning").status_code == 403


def test_coordinator_answers_but_cannot_post_a_verdict(wereld, login, app):
    _opmerking(login(wereld.consultant_ov), wereld)
    with app.app_context():
        op_id = db.session.scalar(select(ReviewOpmerking.id))
    client = login(wereld.coordinator_x)
    page = client.get(_url(wereld)).get_data(as_text=True)
    assert 'name="review-oordeel"' not in page and f'name="antwoord-{op_id}-tekst"' in page
    assert _opmerking(client, wereld, oordeel="akkoord").status_code == 403
    r = client.post(_url(wereld, "E4", str(op_id), "antwoord"),
                    data={f"antwoord-{op_id}-tekst": "Toegevoegd.", "oordeel": "akkoord"})
    assert r.status_code == 302
    with app.app_context():
        antwoord = db.session.scalars(
            select(ReviewOpmerking).order_by(ReviewOpmerking.id.desc())).first()
        assert (antwoord.antwoord_op_id, antwoord.oordeel, antwoord.tekst) == (
            op_id, None, "Toegevoegd.")
    # a consultant does not answer in the coordinator's name
    assert login(wereld.consultant_ov).post(
        _url(wereld, "E4", str(op_id), "antwoord"),
        data={f"antwoord-{op_id}-tekst": "x"}).status_code == 403


def test_answer_to_a_comment_of_another_condition_is_404(wereld, login, app):
    _opmerking(login(wereld.consultant_ov), wereld)
    with app.app_context():
        op_id = db.session.scalar(select(ReviewOpmerking.id))
    r = login(wereld.coordinator_x).post(_url(wereld, "E3", str(op_id), "antwoord"),
                                         data={f"antwoord-{op_id}-tekst": "x"})
    assert r.status_code == 404


def test_partner_sees_no_review_forms_nor_comments(wereld, login):
    _opmerking(login(wereld.consultant_ov), wereld, tekst="Interne opmerking")
    client = login(wereld.partner_a)
    html = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning").get_data(as_text=True)
    assert "Interne opmerking" not in html and "/erkenning/review/" not in html
    assert 'name="review-' not in html
    assert client.get(_url(wereld)).status_code == 403
    assert _opmerking(client, wereld).status_code == 403


def test_history_is_kept_chronologically_with_author_and_time(wereld, login, app):
    consultant = login(wereld.consultant_ov)
    _opmerking(consultant, wereld, "Eerste opmerking", "opmerking")
    _opmerking(consultant, wereld, "Tweede: nu akkoord", "akkoord")
    html = login(wereld.coordinator_x).get(_url(wereld)).get_data(as_text=True)
    assert html.index("Eerste opmerking") < html.index("Tweede: nu akkoord")
    assert html.count("Test consultant") == 2 and html.count("<time datetime=") == 2
    dashboard = login(wereld.coordinator_x).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning").get_data(as_text=True)
    rij = dashboard[dashboard.index('id="voorwaarde-E4"'):]
    assert rij.index("Akkoord") < rij.index("</tr>")  # the latest verdict is shown
    # there is no way to edit or delete a comment
    with app.app_context():
        from flask import current_app
        assert not [r for r in current_app.url_map.iter_rules()
                    if "review" in r.rule and ({"PUT", "DELETE", "PATCH"} & r.methods
                                               or "verwijder" in r.rule or "bewerk" in r.rule)]


def test_unknown_condition_is_404(wereld, login):
    assert login(wereld.consultant_ov).get(_url(wereld, "E99")).status_code == 404
