"""Personal API tokens (domein.md §13): the settings page, bearer login, scopes, expiry,
revocation, audit, and the write API /api/v1/aanbod (If-Match, 409/428, own organisation only)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.auth.models import ApiToken
from huisvanhetkind.auth.operations import maak_token
from huisvanhetkind.auth.tokens import hash_van
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod
from tests import factories as f

NIEUW = {"naam": "Babbelbox", "aanbodvorm": "spel_en_ontmoeting", "functies": ["ontmoeting"],
         "leeftijdsgroepen": ["0-3"], "doelgroep": "universeel", "werkvormen": ["locatie"],
         "laagdrempelig": True, "startdatum": "2026-01-01"}


def token(app, user_id: int, scope: str = "lezen-schrijven", **velden) -> str:
    with app.app_context():
        _, geheim = maak_token(user_id, "test", scope, **velden)
        db.session.commit()
    return geheim


def bearer(geheim: str, **extra) -> dict:
    return {"Authorization": f"Bearer {geheim}", **extra}


def _aanbod_a(app, wereld) -> int:
    with app.app_context():
        return db.session.scalar(select(Aanbod.id).where(Aanbod.organisatie_id == wereld.org_a))


def test_settings_page_makes_shows_once_lists_and_revokes(app, wereld, login):
    client = login(wereld.partner_a)
    assert "Je hebt nog geen API-tokens" in client.get("/account/api-tokens").get_data(True)
    r = client.post("/account/api-tokens", data={"naam": "Website", "scope": "lezen-schrijven",
                                                 "verloopt_op": ""})
    html = r.get_data(True)
    assert r.status_code == 200 and "je ziet het maar één keer" in html
    assert r.headers["Cache-Control"] == "no-store"
    geheim = html.split('id="geheim" type="text" readonly value="')[1].split('"')[0]
    with app.app_context():
        t = db.session.scalar(select(ApiToken))
        assert t.geheim_hash == hash_van(geheim) and geheim not in (t.begin + t.geheim_hash)
        assert t.begin == geheim[:12] and t.scope == "lezen-schrijven"
        token_id, version = t.id, t.version
    lijst = client.get("/account/api-tokens").get_data(True)
    assert geheim not in lijst and t.begin in lijst and "actief" in lijst
    assert client.get("/api/v1/netwerken", headers=bearer(geheim)).status_code == 200
    # someone else cannot revoke it
    assert login(wereld.partner_b).post(f"/account/api-tokens/{token_id}/intrekken",
                                        data={"version": version}).status_code == 403
    client = login(wereld.partner_a)
    r = client.post(f"/account/api-tokens/{token_id}/intrekken", data={"version": version})
    assert r.status_code == 302
    assert "ingetrokken op" in client.get("/account/api-tokens").get_data(True)
    r = client.get("/api/v1/netwerken", headers=bearer(geheim))
    assert r.status_code == 401 and "ingetrokken" in r.get_json()["uitleg"]
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_settings_form_errors_are_dutch_422(wereld, login):
    r = login(wereld.partner_a).post("/account/api-tokens", data={
        "naam": "", "scope": "alles", "verloopt_op": "2000-01-01"})
    assert r.status_code == 422
    html = r.get_data(True)
    assert "Dit veld is verplicht." in html and "Kies een datum vanaf vandaag." in html


def test_expired_unknown_and_inactive_tokens_get_401(app, wereld, client):
    verlopen = token(app, wereld.partner_a, verloopt_op=date.today())
    with app.app_context():
        db.session.scalar(select(ApiToken)).verloopt_op = date.today() - timedelta(days=1)
        db.session.commit()
    r = client.get("/api/v1/netwerken", headers=bearer(verlopen))
    assert r.status_code == 401 and "verlopen" in r.get_json()["uitleg"]
    assert client.get("/api/v1/netwerken", headers=bearer("hvk_onzin")).status_code == 401
    assert client.get("/api/hsds/services", headers=bearer("hvk_onzin")).status_code == 401
    geldig = token(app, wereld.partner_b, verloopt_op=date.today())
    assert client.get("/api/v1/netwerken", headers=bearer(geldig)).status_code == 200
    with app.app_context():
        from huisvanhetkind.auth.models import Gebruiker
        db.session.get(Gebruiker, wereld.partner_b).actief = False
        db.session.commit()
    assert client.get("/api/v1/netwerken", headers=bearer(geldig)).status_code == 401


def test_every_use_is_audited_and_no_session_is_made(app, wereld, client):
    geheim = token(app, wereld.partner_a, "lezen")
    r = client.get("/api/v1/netwerken", headers=bearer(geheim))
    assert r.status_code == 200 and "Set-Cookie" not in r.headers
    assert [n["id"] for n in r.get_json()["netwerken"]] == [wereld.netwerk_x]
    client.get(f"/api/v1/netwerken/{wereld.netwerk_y}/analyse", headers=bearer(geheim))  # 403
    client.get("/api/v1/netwerken", headers=bearer("hvk_fout"))
    with app.app_context():
        log = db.session.scalars(select(AuditEntry).where(AuditEntry.actie.like("api_token_%"))
                                 .order_by(AuditEntry.id)).all()
        assert [e.actie for e in log] == ["api_token_gebruikt"] * 2 + ["api_token_geweigerd"]
        assert log[0].omschrijving == "GET /api/v1/netwerken"
        assert log[0].gebruiker == "partner-a@test.be"
        assert db.session.scalar(select(ApiToken)).laatst_gebruikt_op is not None


def test_a_token_does_not_open_the_web_pages(app, wereld, client):
    geheim = token(app, wereld.beheerder)
    r = client.get("/gebruikers", headers=bearer(geheim))
    assert r.status_code == 302 and "/aanmelden" in r.headers["Location"]


def test_partner_creates_updates_and_deletes_its_own_aanbod(app, wereld, client):
    geheim = token(app, wereld.partner_a)
    r = client.post("/api/v1/aanbod", json={"organisatie_id": wereld.org_a, **NIEUW},
                    headers=bearer(geheim))
    assert r.status_code == 201, r.get_json()
    nieuw = r.get_json()
    assert nieuw["naam"] == "Babbelbox" and nieuw["laagdrempelig"] is True
    assert nieuw["laatst_nagekeken_op"] == date.today().isoformat()
    url, etag = r.headers["Location"], r.headers["ETag"]
    assert client.get(url, headers=bearer(geheim)).headers["ETag"] == etag

    gewijzigd = {**NIEUW, "naam": "Babbelbox 0-3", "laagdrempelig": False}
    assert client.put(url, json=gewijzigd, headers=bearer(geheim)).status_code == 428
    r = client.put(url, json=gewijzigd, headers=bearer(geheim, **{"If-Match": etag}))
    assert r.status_code == 200 and r.get_json()["naam"] == "Babbelbox 0-3"
    assert r.get_json()["laagdrempelig"] is False and r.headers["ETag"] != etag
    # the same (now stale) version again: 409, nothing written
    r = client.put(url, json={**gewijzigd, "naam": "Oud"}, headers=bearer(geheim, **{"If-Match": etag}))
    assert r.status_code == 409 and r.get_json()["version"] == nieuw["version"] + 1
    assert client.get(url, headers=bearer(geheim)).get_json()["naam"] == "Babbelbox 0-3"
    assert client.delete(url, headers=bearer(geheim, **{"If-Match": etag})).status_code == 409
    assert client.delete(url, headers=bearer(geheim)).status_code == 428
    r = client.delete(url, headers=bearer(geheim, **{"If-Match": f'"{nieuw["version"] + 1}"'}))
    assert r.status_code == 204
    assert client.get(url, headers=bearer(geheim)).status_code == 404
    with app.app_context():
        acties = db.session.scalars(select(AuditEntry.gebruiker).where(
            AuditEntry.tabel == "aanbod", AuditEntry.record_id == str(nieuw["id"]))).all()
        assert acties == ["partner-a@test.be (API-token)"] * 3


def test_validation_is_the_forms(app, wereld, client):
    geheim = token(app, wereld.partner_a)
    r = client.post("/api/v1/aanbod", json={"organisatie_id": wereld.org_a, **NIEUW,
                                            "functies": [], "aanbodvorm": "circus",
                                            "einddatum": "2025-01-01"}, headers=bearer(geheim))
    assert r.status_code == 422
    velden = r.get_json()["velden"]
    assert velden["functies"] == ["Kies minstens één functie."]
    assert "aanbodvorm" in velden and velden["einddatum"] == ["De einddatum ligt vóór de startdatum."]
    r = client.post("/api/v1/aanbod", json={"organisatie_id": wereld.org_a, **NIEUW, "id": 5},
                    headers=bearer(geheim))
    assert r.status_code == 422 and r.get_json()["velden"] == {"id": ["Onbekend veld."]}
    r = client.post("/api/v1/aanbod", data="geen json", headers=bearer(geheim))
    assert r.status_code == 422
    r = client.post("/api/v1/aanbod", json={"organisatie_id": wereld.org_a, **NIEUW,
                                            "laagdrempelig": "ja"}, headers=bearer(geheim))
    assert r.status_code == 422 and "laagdrempelig" in r.get_json()["velden"]


def test_another_organisations_aanbod_is_403_and_untouched(app, wereld, client):
    geheim = token(app, wereld.partner_b)
    aanbod_a = _aanbod_a(app, wereld)
    url = f"/api/v1/aanbod/{aanbod_a}"
    assert client.put(url, json=NIEUW, headers=bearer(geheim, **{"If-Match": "1"})).status_code == 403
    assert client.delete(url, headers=bearer(geheim, **{"If-Match": "1"})).status_code == 403
    r = client.post("/api/v1/aanbod", json={"organisatie_id": wereld.org_a, **NIEUW},
                    headers=bearer(geheim))
    assert r.status_code == 403
    with app.app_context():
        assert db.session.get(Aanbod, aanbod_a).naam == "Spelotheek A"
        assert db.session.scalar(select(Aanbod).where(Aanbod.naam == "Babbelbox")) is None


def test_a_read_token_gets_403_on_writes(app, wereld, client):
    geheim = token(app, wereld.partner_a, "lezen")
    aanbod_a = _aanbod_a(app, wereld)
    url = f"/api/v1/aanbod/{aanbod_a}"
    assert client.get(url, headers=bearer(geheim)).status_code == 200
    assert client.put(url, json=NIEUW, headers=bearer(geheim, **{"If-Match": "1"})).status_code == 403
    assert client.delete(url, headers=bearer(geheim, **{"If-Match": "1"})).status_code == 403
    assert client.post("/api/v1/aanbod", json={"organisatie_id": wereld.org_a, **NIEUW},
                       headers=bearer(geheim)).status_code == 403


def test_read_endpoints_follow_the_users_rights(app, wereld, client, login):
    geheim = token(app, wereld.partner_b, "lezen")
    r = client.get("/api/v1/aanbod", headers=bearer(geheim))
    assert [a["naam"] for a in r.get_json()["aanbod"]] == ["Spelotheek A"]  # a is in X, as b
    assert client.get(f"/api/v1/aanbod?netwerk_id={wereld.netwerk_y}",
                      headers=bearer(geheim)).status_code == 403
    y = token(app, wereld.coordinator_y, "lezen")
    assert client.get("/api/v1/aanbod", headers=bearer(y)).get_json()["aanbod"] == []
    assert client.get(f"/api/v1/aanbod/{_aanbod_a(app, wereld)}", headers=bearer(y)).status_code == 403
    # a session still works, without a token
    sessie = login(wereld.coordinator_x)
    assert sessie.get("/api/v1/aanbod").get_json()["totaal"] == 1
    assert client.get("/api/v1/aanbod").status_code in (200, 401)


@pytest.mark.csrf
def test_session_writes_keep_csrf_token_writes_need_none(app, wereld, login):
    client = login(wereld.partner_a)
    body = {"organisatie_id": wereld.org_a, **NIEUW}
    assert client.post("/api/v1/aanbod", json=body).status_code == 400  # no CSRF token
    geheim = token(app, wereld.partner_a)
    fresh = app.test_client()
    assert fresh.post("/api/v1/aanbod", json=body, headers=bearer(geheim)).status_code == 201


def test_rate_limit_per_token(app, wereld, client):
    app.config["API_LIMIET_TOKEN"] = "3 per minute"
    geheim = token(app, wereld.partner_a, "lezen")
    codes = [client.get("/api/v1/netwerken", headers=bearer(geheim)).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    ander = token(app, wereld.partner_b, "lezen")
    assert client.get("/api/v1/netwerken", headers=bearer(ander)).status_code == 200
