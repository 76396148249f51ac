"""Login throttling (issue 12): growing delays per account, a bound per address, never a lockout."""
from __future__ import annotations

from datetime import datetime, timedelta

from huisvanhetkind.auth import throttle
from huisvanhetkind.auth.models import Aanmeldpoging
from huisvanhetkind.extensions import db

T0 = datetime(2026, 11, 29, 9, 0, 0)


def test_delays_grow_from_the_fifth_failure_and_stay_bounded():
    assert [throttle._wacht(n, T0, T0) for n in range(0, 5)] == [0, 0, 0, 0, 0]
    assert [throttle._wacht(n, T0, T0) for n in range(5, 12)] == [1, 2, 4, 8, 16, 30, 30]
    # the wait runs from the last failure
    assert throttle._wacht(8, T0, T0 + timedelta(seconds=5)) == 3
    assert throttle._wacht(500, T0, T0 + timedelta(seconds=30)) == 0  # never more than 30 s


def _mislukt(email, ip, keer):
    for _ in range(keer):
        throttle.mislukt(email, ip)
    db.session.commit()


def test_an_attacker_cannot_lock_the_real_user_out(ctx):
    _mislukt("jan@stad.be", "203.0.113.9", 12)
    boodschap = throttle.weigering("jan@stad.be", "198.51.100.7")
    assert boodschap and "Wacht 30 seconden" in boodschap
    # 30 s after the attacker's last try the real user gets in, whatever the count
    later = db.session.query(Aanmeldpoging).all()
    for p in later:
        p.tijdstip -= timedelta(seconds=31)
    db.session.commit()
    assert throttle.weigering("jan@stad.be", "198.51.100.7") is None
    # other accounts are not touched by the account limit
    assert throttle.weigering("an@stad.be", "198.51.100.7") is None


def test_one_address_spraying_many_accounts_is_stopped(ctx):
    for i in range(throttle.ADRES_MAX):
        throttle.mislukt(f"gebruiker{i}@stad.be", "203.0.113.9")
    db.session.commit()
    assert throttle.weigering("nieuw@stad.be", "203.0.113.9") == throttle.TE_VEEL_ADRES
    assert throttle.weigering("nieuw@stad.be", "198.51.100.7") is None


def test_success_clears_the_account_not_the_address(ctx):
    _mislukt("jan@stad.be", "203.0.113.9", 7)
    throttle.gelukt("jan@stad.be")
    db.session.commit()
    assert throttle.weigering("jan@stad.be", "203.0.113.9") is None
    assert db.session.query(Aanmeldpoging).filter_by(
        sleutel=throttle.adres_sleutel("203.0.113.9")).count() == 7


def test_the_proxy_hops_setting_trusts_exactly_that_many_forwarders(database_url):
    from huisvanhetkind import create_app
    from tests.conftest import test_config
    from flask import request

    gezien = []
    for hops, verwacht in ((1, "198.51.100.7"), (0, "10.0.0.1")):
        app = create_app(test_config(database_url, PROXY_HOPS=hops))
        app.before_request(lambda: gezien.append(request.remote_addr))
        app.test_client().get("/gezondheid", headers={"X-Forwarded-For": "1.2.3.4, 198.51.100.7"},
                              environ_base={"REMOTE_ADDR": "10.0.0.1"})
        # one hop: the address the proxy saw, not the client's forged first entry; none: the peer
        assert gezien.pop() == verwacht


def test_an_address_refused_once_is_answered_before_flask_runs(app, wereld):
    """A flood from one address: after the database said 'too many', this process answers the
    next login POSTs from that address itself (429, no session, no database)."""
    with app.app_context():
        for i in range(throttle.ADRES_MAX):
            throttle.mislukt(f"gebruiker{i}@stad.be", "127.0.0.1")
        db.session.commit()
    c = app.test_client()
    eerste = c.post("/aanmelden", data={"email": "x@stad.be", "wachtwoord": "Kruimel-Fiets-Avond"})
    assert eerste.status_code == 429 and "netwerkadres" in eerste.get_data(as_text=True)
    snel = c.post("/aanmelden", data={"email": "y@stad.be", "wachtwoord": "Kruimel-Fiets-Avond"})
    assert snel.status_code == 429 and "Set-Cookie" not in snel.headers
    assert c.get("/aanmelden").status_code == 200  # the page itself stays reachable
