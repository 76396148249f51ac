"""Login, logout, sessions and user management."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.extensions import db
from tests.factories import WACHTWOORD

FOUT = "E-mailadres of wachtwoord is onjuist."


def _login(client, email, password, **kw):
    return client.post("/aanmelden", data={"email": email, "wachtwoord": password}, **kw)


def test_anonymous_is_sent_to_login(client):
    r = client.get("/netwerken")
    assert r.status_code == 302
    assert r.headers["Location"].startswith("/aanmelden?next=")


def test_anonymous_api_gets_401_json(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 401 and r.is_json


def test_login_reaches_start_page(client, wereld):
    r = _login(client, "coord-x@test.be", WACHTWOORD, follow_redirects=True)
    assert r.status_code == 200
    assert "Huis van het Kind X" in r.get_data(as_text=True)


def test_wrong_password_and_unknown_user_get_the_same_dutch_message(client, wereld, app):
    wrong = _login(client, "coord-x@test.be", "fout-wachtwoord-1").get_data(as_text=True)
    unknown = _login(client, "niemand@test.be", "fout-wachtwoord-1").get_data(as_text=True)
    assert FOUT in wrong and FOUT in unknown
    with app.app_context():
        failed = db.session.scalars(select(AuditEntry).where(
            AuditEntry.actie == "aanmelding_mislukt")).all()
        assert len(failed) == 2


def test_inactive_user_cannot_log_in(client, wereld, app):
    with app.app_context():
        db.session.get(Gebruiker, wereld.partner_b).actief = False
        db.session.commit()
    assert FOUT in _login(client, "partner-b@test.be", WACHTWOORD).get_data(as_text=True)


def test_next_only_redirects_within_site(client, wereld):
    r = _login(client, "beheerder@test.be", WACHTWOORD,
               query_string={"next": "//evil.example/x"})
    assert r.headers["Location"] == "/"
    client.post("/afmelden")
    r = _login(client, "beheerder@test.be", WACHTWOORD, query_string={"next": "/netwerken"})
    assert r.headers["Location"] == "/netwerken"


@pytest.mark.parametrize("doel", ["/netwerken\r\nSet-Cookie: x=y", "/netwerken%0D%0ASet-Cookie:x=y",
                                  "/netwerken\x7f", "/netwerken%00"])
def test_next_with_a_control_character_goes_to_the_start_page(client, wereld, app, doel):
    """Issue 12: a CR/LF in next= broke the Location header (a 500 after the login committed)."""
    r = _login(client, "beheerder@test.be", WACHTWOORD, query_string={"next": doel})
    assert r.status_code == 302 and r.headers["Location"] == "/"
    assert "x=y" not in r.headers.get("Set-Cookie", "")
    assert client.get("/").status_code == 200  # logged in
    with app.app_context():
        assert db.session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.actie == "aanmelding")) == 1


def test_logout_ends_every_session_of_the_user(app, wereld):
    first, second = app.test_client(), app.test_client()
    _login(first, "partner-a@test.be", WACHTWOORD)
    _login(second, "partner-a@test.be", WACHTWOORD)
    assert second.get("/").status_code == 200
    first.post("/afmelden")
    assert second.get("/").status_code == 302


def test_password_change_requires_current_password(client, wereld):
    _login(client, "partner-a@test.be", WACHTWOORD)
    r = client.post("/wachtwoord", data={"huidig": "verkeerd-wachtwoord", "nieuw": "nieuw-wachtwoord-1",
                                          "herhaal": "nieuw-wachtwoord-1"})
    assert "Het huidige wachtwoord is onjuist." in r.get_data(as_text=True)
    r = client.post("/wachtwoord", data={"huidig": WACHTWOORD, "nieuw": "kort",
                                          "herhaal": "kort"})
    assert "minstens 10 tekens" in r.get_data(as_text=True)
    r = client.post("/wachtwoord", data={"huidig": WACHTWOORD, "nieuw": "nieuw-wachtwoord-1",
                                          "herhaal": "nieuw-wachtwoord-1"})
    assert r.status_code == 302
    assert client.get("/").status_code == 200  # this session stays


def test_wrong_current_passwords_count_as_failed_logins_of_the_account(client, wereld, app):
    """Issue 12: the change-password page must not let a stolen session guess the password
    faster than the login page does: the same throttle, and the failures outlive the 422."""
    from datetime import timedelta

    from huisvanhetkind.auth.models import Aanmeldpoging
    from huisvanhetkind.auth.throttle import account_sleutel
    from tests.toegang_helpers import snapshot, verschil

    _login(client, "partner-a@test.be", WACHTWOORD)
    fout = {"huidig": "fout-wachtwoord-1", "nieuw": "nieuw-wachtwoord-1",
            "herhaal": "nieuw-wachtwoord-1"}
    for _ in range(5):
        r = client.post("/wachtwoord", data=fout)
        assert r.status_code == 422 and "Het huidige wachtwoord is onjuist." in r.get_data(
            as_text=True)
    with app.app_context():
        assert db.session.query(Aanmeldpoging).filter_by(
            sleutel=account_sleutel("partner-a@test.be")).count() == 5
        assert db.session.query(AuditEntry).filter_by(actie="wachtwoord_mislukt").count() == 5
    voor = snapshot(app)
    r = client.post("/wachtwoord", data=dict(fout, huidig=WACHTWOORD))  # not even checked
    assert r.status_code == 429 and "Wacht 1 seconde" in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []
    assert _login(app.test_client(), "partner-a@test.be", WACHTWOORD).status_code == 429
    with app.app_context():
        for p in db.session.query(Aanmeldpoging).all():  # the second has passed
            p.tijdstip -= timedelta(seconds=2)
        db.session.commit()
    assert client.post("/wachtwoord", data=dict(fout, huidig=WACHTWOORD)).status_code == 302
    with app.app_context():  # a success clears the account's failures, as a login does
        assert db.session.query(Aanmeldpoging).filter_by(
            sleutel=account_sleutel("partner-a@test.be")).count() == 0


@pytest.mark.csrf
def test_login_form_requires_csrf_token(client, wereld):
    r = _login(client, "beheerder@test.be", WACHTWOORD)
    assert r.status_code == 400 and "verlopen" in r.get_data(as_text=True)
    page = client.get("/aanmelden").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    r = client.post("/aanmelden", data={"email": "beheerder@test.be", "wachtwoord": WACHTWOORD,
                                        "csrf_token": token})
    assert r.status_code == 302


def test_beheerder_manages_users(wereld, login, app):
    c = login(wereld.beheerder)
    assert c.get("/gebruikers").status_code == 200
    r = c.post("/gebruikers/nieuw", data={"email": "nieuw@test.be", "rol": "consultant",
                                          "provincies": ["Limburg"], "actief": "y",
                                          "wachtwoord": "een-goed-wachtwoord", "organisatie_id": 0})
    assert r.status_code == 302, r.get_data(as_text=True)
    r = c.post("/gebruikers/nieuw", data={"email": "coord@test.be", "rol": "coordinator",
                                          "wachtwoord": "een-goed-wachtwoord", "organisatie_id": 0})
    assert "minstens één netwerk" in r.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(Gebruiker).where(Gebruiker.email == "nieuw@test.be"))
        assert user.provincies == ("Limburg",)


def test_deactivation_ends_sessions(app, wereld, login):
    partner = app.test_client()
    _login(partner, "partner-b@test.be", WACHTWOORD)
    c = login(wereld.beheerder)
    with app.app_context():
        user = db.session.get(Gebruiker, wereld.partner_b)
        version = user.version
    r = c.post(f"/gebruikers/{wereld.partner_b}", data={
        "email": "partner-b@test.be", "rol": "partner", "organisatie_id": wereld.org_b,
        "version": version})  # 'actief' unchecked
    assert r.status_code == 302, r.get_data(as_text=True)
    assert partner.get("/").status_code == 302


def test_a_new_password_and_networks_are_one_save_that_ends_the_sessions(app, wereld, login):
    coordinator = app.test_client()
    _login(coordinator, "coord-y@test.be", WACHTWOORD)
    with app.app_context():
        version = db.session.get(Gebruiker, wereld.coordinator_y).version
    r = login(wereld.beheerder).post(f"/gebruikers/{wereld.coordinator_y}", data={
        "email": "coord-y@test.be", "rol": "coordinator", "organisatie_id": 0, "actief": "y",
        "netwerken": [wereld.netwerk_x, wereld.netwerk_y], "wachtwoord": "een-nieuw-wachtwoord",
        "version": version})
    assert r.status_code == 302, r.get_data(as_text=True)
    assert coordinator.get("/").status_code == 302  # a new password ends every session
    with app.app_context():
        user = db.session.scalar(select(Gebruiker).where(Gebruiker.id == wereld.coordinator_y)
                                 .options(selectinload(Gebruiker.netwerken)))
        assert user.version == version + 1
        assert {n.id for n in user.netwerken} == {wereld.netwerk_x, wereld.netwerk_y}
    assert _login(app.test_client(), "coord-y@test.be", "een-nieuw-wachtwoord").status_code == 302


@pytest.mark.parametrize("who", ["coordinator_x", "partner_a", "consultant_ov"])
def test_only_beheerder_manages_users(wereld, login, who):
    c = login(getattr(wereld, who))
    assert c.get("/gebruikers").status_code == 403
    assert c.post("/gebruikers/nieuw", data={"email": "x@test.be", "rol": "beheerder"}).status_code == 403


def test_login_waits_after_five_failures_but_never_locks_the_user_out(client, wereld, app):
    """Issue 12: per account growing delays (not an hour's lockout), answered without a write."""
    from datetime import timedelta

    from huisvanhetkind.auth.models import Aanmeldpoging
    for _ in range(5):
        assert FOUT in _login(client, "partner-a@test.be", "fout-wachtwoord-1").get_data(as_text=True)
    with app.app_context():
        voor = db.session.query(Aanmeldpoging).count()
    r = _login(app.test_client(), "partner-a@test.be", WACHTWOORD,
               environ_base={"REMOTE_ADDR": "10.9.8.7"})  # the account waits, from any address
    assert r.status_code == 429 and "Wacht 1 seconde" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Aanmeldpoging).count() == voor  # a refused attempt writes nothing
        for p in db.session.query(Aanmeldpoging).all():  # the second has passed
            p.tijdstip -= timedelta(seconds=2)
        db.session.commit()
    assert _login(client, "partner-a@test.be", WACHTWOORD).status_code == 302
    with app.app_context():
        mislukt = db.session.scalars(select(AuditEntry).where(
            AuditEntry.actie == "aanmelding_mislukt")).all()
        assert len(mislukt) == 5


def test_session_cookie_flags(client, wereld):
    r = _login(client, "beheerder@test.be", WACHTWOORD)
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = client.application.test_client()
    r = _login(secure, "beheerder@test.be", WACHTWOORD, base_url="https://localhost")
    assert "Secure" in r.headers["Set-Cookie"]


def _getekend_geleden(client, app, monkeypatch, seconden: int) -> None:
    """Give the client its own session cookie as if it was signed `seconden` ago."""
    import time

    from itsdangerous.timed import TimestampSigner
    with client.session_transaction() as sessie:
        data = dict(sessie)
    with monkeypatch.context() as m:
        m.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - seconden)
        waarde = app.session_interface.get_signing_serializer(app).dumps(data)
    client.set_cookie("session", waarde)


def test_an_unchanged_session_is_signed_again_at_most_once_a_minute(client, wereld, app,
                                                                    monkeypatch):
    """auth/session.HttpsAwareSessionInterface: a fresh cookie is not sent again (no Set-Cookie
    on every page); one signed over a minute ago is renewed, so the idle timeout counts from
    the last minute's activity; a changed session is always sent; an idle session ends."""
    assert _login(client, "beheerder@test.be", WACHTWOORD).status_code == 302
    assert "session=" in client.get("/referentie").headers["Set-Cookie"]  # + the CSRF token
    r = client.get("/referentie")
    assert r.status_code == 200 and "Set-Cookie" not in r.headers
    r = client.post("/netwerk-kiezen", data={"netwerk_id": wereld.netwerk_x})
    assert r.status_code == 302 and "session=" in r.headers["Set-Cookie"]  # changed: sent

    _getekend_geleden(client, app, monkeypatch, 90)
    r = client.get("/referentie")
    assert r.status_code == 200 and "session=" in r.headers["Set-Cookie"]  # renewed
    assert "Set-Cookie" not in client.get("/referentie").headers  # and fresh again

    _getekend_geleden(client, app, monkeypatch,
                      int(app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()) + 60)
    r = client.get("/referentie")
    assert r.status_code == 302 and r.headers["Location"].startswith("/aanmelden")
