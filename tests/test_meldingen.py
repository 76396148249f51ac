"""Notifications and the mail outbox (domein.md §11) against a real SMTP server on loopback."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import func, select

from huisvanhetkind.db import utcnow
from huisvanhetkind.extensions import db
from huisvanhetkind.meldingen import outbox
from huisvanhetkind.meldingen.models import DAGELIJKS, Melding, UitgaandeMail
from huisvanhetkind.meldingen.operations import meld, zet_voorkeur
from tests import factories as f
from tests.smtp_helpers import SmtpServer, gebruik_server


def _meld(ids, periode=""):
    return meld(ids, "review", "review:1", periode, "Titel", "Tekst", "/")


def _aantal(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_notification_is_created_and_mailed_once(app, wereld):
    with app.app_context():
        assert len(_meld([wereld.coordinator_x, wereld.coordinator_x])) == 1
        assert _meld([wereld.coordinator_x]) == []  # same key: nothing new
        assert len(_meld([wereld.coordinator_x], periode="2027")) == 1  # another period
        db.session.commit()
        assert _aantal(Melding) == 2 and _aantal(UitgaandeMail) == 2


def test_daily_overview_instead_of_one_mail_each(app, wereld):
    with app.app_context():
        from huisvanhetkind.meldingen.herinneringen import Verslag, overzichten
        zet_voorkeur(wereld.coordinator_x, DAGELIJKS)
        _meld([wereld.coordinator_x])
        _meld([wereld.coordinator_x], periode="b")
        assert _aantal(UitgaandeMail) == 0
        verslag = Verslag()
        overzichten(date(2030, 1, 1), verslag)
        overzichten(date(2030, 1, 1), verslag)  # twice the same day: one overview
        assert verslag.overzichten == 1 and _aantal(UitgaandeMail) == 1
        assert "2 meldingen" in db.session.scalar(select(UitgaandeMail.onderwerp))


def test_delivery_and_no_duplicate_on_a_second_run(app, wereld, smtp):
    with app.app_context():
        _meld([wereld.coordinator_x, wereld.partner_a])
        db.session.commit()
        assert outbox.verstuur().verzonden == 2
        assert outbox.verstuur().verzonden == 0
    assert sorted(b["To"] for b in smtp.postbus.berichten) == ["coord-x@test.be",
                                                                "partner-a@test.be"]
    assert "Tekst" in smtp.postbus.tekst(smtp.postbus.berichten[0])


def test_a_rolled_back_change_sends_nothing(app, wereld, smtp):
    with app.app_context():
        _meld([wereld.coordinator_x])
        db.session.rollback()
        assert outbox.verstuur().verzonden == 0
        assert _aantal(Melding) == 0
    assert smtp.postbus.berichten == []


def test_server_down_then_up_loses_nothing(app, wereld):
    server = SmtpServer()
    gebruik_server(app, server.poort)  # nothing listens there yet
    with app.app_context():
        _meld([wereld.coordinator_x])
        db.session.commit()
        r = outbox.verstuur()
        assert (r.verzonden, r.mislukt) == (0, 1)
        m = db.session.scalar(select(UitgaandeMail))
        assert m.status == "wacht" and m.pogingen == 1 and m.laatste_fout
        assert m.volgende_poging > utcnow()  # backoff: not again right away
        assert outbox.verstuur().mislukt == 0
        server.start()
        try:
            assert outbox.verstuur(nu=utcnow() + timedelta(minutes=2)).verzonden == 1
            assert outbox.verstuur(nu=utcnow() + timedelta(hours=7)).verzonden == 0
        finally:
            server.stop()
    assert len(server.postbus.berichten) == 1


def test_two_senders_never_claim_the_same_mail(app, wereld):
    with app.app_context():
        _meld([wereld.coordinator_x])
        db.session.commit()
        mail_id = db.session.scalar(select(UitgaandeMail.id))
        nu = utcnow()
        assert outbox._claim(mail_id, nu) is not None
        assert outbox._claim(mail_id, nu) is None  # the second sender's UPDATE matches nothing
        # a claim of a sender that died expires
        assert outbox._claim(mail_id, nu + outbox.CLAIM_DUUR + timedelta(seconds=1)) is not None


def test_backoff_grows_and_is_bounded():
    assert [outbox.wachttijd(n).seconds // 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert outbox.wachttijd(50) == outbox.MAX_WACHTTIJD


def test_operations_notify_the_people_concerned(app, wereld):
    from huisvanhetkind.graaf.operations import nieuwe_verwijzing
    from huisvanhetkind.partners.eigendom import nodig_uit, weiger_uitnodiging
    from huisvanhetkind.erkenning.operations import review_opmerking
    with app.app_context():
        nieuwe_verwijzing(wereld.org_a, wereld.org_b, "doorverwijzing")
        u = nodig_uit(wereld.netwerk_y, wereld.org_a, wereld.coordinator_y)
        weiger_uitnodiging(u, wereld.partner_a, u.version, "Geen tijd")
        review_opmerking(wereld.netwerk_x, "E1", tekst="Graag de statuten.", oordeel="opmerking",
                         auteur_id=wereld.consultant_ov, peildatum=None)
        db.session.commit()
        rijen = {tuple(r) for r in db.session.execute(
            select(Melding.gebruiker_id, Melding.gebeurtenis))}
    assert rijen == {(wereld.partner_b, "verwijzing_te_bevestigen"),
                     (wereld.partner_a, "uitnodiging"),
                     (wereld.coordinator_y, "uitnodiging_beantwoord"),
                     (wereld.coordinator_x, "review")}


def _oud_en_te_laat(app, wereld):
    from huisvanhetkind.erkenning.operations import nieuwe_actie
    from huisvanhetkind.partners.models import Aanbod, Netwerk
    with app.app_context():
        a = db.session.scalar(select(Aanbod).where(Aanbod.organisatie_id == wereld.org_a))
        a.laatst_nagekeken_op = date.today() - timedelta(days=400)
        db.session.get(Netwerk, wereld.netwerk_x).erkenningsdatum = date.today() - timedelta(days=700)
        nieuwe_actie(wereld.netwerk_x, "E6", beschrijving="Ouderavond", trekker_id=wereld.org_a,
                     deadline=date.today() - timedelta(days=3))
        db.session.commit()
        return a.id


def test_herinneringen_command_twice(app, runner, wereld, smtp):
    _oud_en_te_laat(app, wereld)
    eerste = runner.invoke(args=["hvk", "herinneringen"])
    assert eerste.exit_code == 0, eerste.output
    assert "aanbod_nakijken: 1 nieuwe melding" in eerste.output
    assert "actie_deadline: 1 nieuwe melding" in eerste.output
    assert "engagement_termijn: 1 nieuwe melding" in eerste.output
    tweede = runner.invoke(args=["hvk", "herinneringen"])
    assert "0 nieuwe meldingen" in tweede.output and "0 mails verzonden" in tweede.output
    aan_partner = smtp.postbus.aan("partner-a@test.be")
    assert len(aan_partner) == 1 and "/aanbod/nog-actueel/" in smtp.postbus.tekst(aan_partner[0])
    onderwerpen = sorted(b["Subject"] for b in smtp.postbus.aan("coord-x@test.be"))
    assert len(onderwerpen) == 2 and any("Deadline verstreken" in o for o in onderwerpen)
    # a month later the stale aanbod is reminded again (12 → 13 months), the rest not
    later = runner.invoke(args=["hvk", "herinneringen", "--op",
                                (date.today() + timedelta(days=31)).isoformat()])
    assert "aanbod_nakijken: 1 nieuwe melding" in later.output
    assert "actie_deadline" not in later.output


def test_without_mail_server_the_outbox_waits_for_the_beheerder(app, runner, wereld, login):
    _oud_en_te_laat(app, wereld)
    result = runner.invoke(args=["hvk", "herinneringen"])
    assert "Geen MAIL_SERVER ingesteld" in result.output
    html = login(wereld.beheerder).get("/beheer/mail").get_data(as_text=True)
    assert "geen mailserver ingesteld" in html and "nakijken" in html


def test_nog_actueel_link_get_shows_post_confirms_once(app, wereld, client):
    from huisvanhetkind.meldingen import tokens
    from huisvanhetkind.partners.models import Aanbod
    aanbod_id = _oud_en_te_laat(app, wereld)
    with app.test_request_context():
        a = db.session.get(Aanbod, aanbod_id)
        token = tokens.maak(tokens.NOG_ACTUEEL, a.id, a.laatst_nagekeken_op)
    r = client.get(f"/aanbod/nog-actueel/{token}")
    assert r.status_code == 200 and "nog actueel" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Aanbod, aanbod_id).laatst_nagekeken_op < date.today()  # GET: no change
    r = client.post(f"/aanbod/nog-actueel/{token}")
    assert r.status_code == 200 and "bevestigd als nog actueel" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Aanbod, aanbod_id).laatst_nagekeken_op == date.today()
    assert client.post(f"/aanbod/nog-actueel/{token}").status_code == 400  # single use
    assert client.get("/aanbod/nog-actueel/vervalst").status_code == 400


def test_expired_token_is_refused(app):
    from huisvanhetkind.meldingen import tokens
    with app.app_context():
        token = tokens.maak(tokens.NOG_ACTUEEL, 1, None)
        assert tokens.lees(tokens.NOG_ACTUEEL, token) is not None
        assert tokens.lees(("aanbod-nog-actueel", timedelta(seconds=-1)), token) is None
        assert tokens.lees(tokens.WACHTWOORD_HERSTEL, token) is None  # another purpose


def test_editing_aanbod_marks_it_nagekeken(app, wereld):
    from huisvanhetkind.partners.models import Aanbod
    from huisvanhetkind.partners.operations import wijzig_aanbod
    aanbod_id = _oud_en_te_laat(app, wereld)
    with app.app_context():
        a = db.session.get(Aanbod, aanbod_id)
        wijzig_aanbod(a, {"beschrijving": "Nieuw"}, a.version)
        assert a.laatst_nagekeken_op == date.today()


def test_te_doen_and_the_menu_count_in_one_statement(app, wereld, login):
    from huisvanhetkind.auth.guard import actor_for
    from huisvanhetkind.auth.models import Gebruiker
    from huisvanhetkind.meldingen import te_doen
    from tests.sql_count import count_statements
    with app.app_context():
        f.verwijzing(db.session.get(f.Organisatie, wereld.org_a),
                     db.session.get(f.Organisatie, wereld.org_b))
        db.session.commit()
        actor = actor_for(db.session.get(Gebruiker, wereld.partner_b))
        tellers, n = count_statements(lambda: te_doen.tellers(actor), app)
        assert tellers == (1, 0) and n == 1
        for rol in ("beheerder", "coordinator_x", "consultant_ov"):
            actor = actor_for(db.session.get(Gebruiker, getattr(wereld, rol)))
            assert count_statements(lambda: te_doen.tellers(actor), app)[1] == 1
    html = login(wereld.partner_b).get("/").get_data(as_text=True)
    assert "Bevestig de verwijzing van Partner A" in html
    assert re.search(r'id="menu-te-doen"[^>]*>Te doen <span[^>]*>1</span>', html)


def test_coordinator_start_page_is_a_dashboard(app, wereld, login):
    _oud_en_te_laat(app, wereld)
    html = login(wereld.coordinator_x).get("/").get_data(as_text=True)
    assert 'id="dashboard"' in html and "Ouderavond" in html  # the overdue action in Te doen
    assert "E6, E7" in html  # engagements without a realised action


def _link(tekst: str) -> str:
    return re.search(r"http://localhost:5000(/wachtwoord-herstellen/\S+)", tekst).group(1)


def test_password_reset_by_mail(app, wereld, client, smtp):
    from huisvanhetkind.auth.passwords import verify_password
    from huisvanhetkind.auth.models import Gebruiker
    assert "Wachtwoord vergeten?" in client.get("/aanmelden").get_data(as_text=True)
    bekend = client.post("/wachtwoord-vergeten", data={"email": "partner-a@test.be"})
    onbekend = client.post("/wachtwoord-vergeten", data={"email": "niemand@test.be"})
    assert bekend.status_code == onbekend.status_code == 302  # no hint who has an account
    with app.app_context():
        assert outbox.verstuur().verzonden == 1
    link = _link(smtp.postbus.tekst(smtp.postbus.aan("partner-a@test.be")[0]))
    assert client.get(link).status_code == 200
    zwak = client.post(link, data={"nieuw": "wachtwoord", "herhaal": "wachtwoord"})
    assert zwak.status_code == 422 and "te makkelijk te raden" in zwak.get_data(as_text=True) \
        or "minstens" in zwak.get_data(as_text=True)
    nieuw = "Zonnebloem; fietsbel, kapstok!"
    assert client.post(link, data={"nieuw": nieuw, "herhaal": nieuw}).status_code == 302
    with app.app_context():
        assert verify_password(db.session.get(Gebruiker, wereld.partner_a).wachtwoord_hash, nieuw)
    assert client.get(link).status_code == 400  # single use
    assert client.get("/wachtwoord-herstellen/vervalst").status_code == 400


def test_password_reset_requests_are_rate_limited(app, wereld, client):
    codes = [client.post("/wachtwoord-vergeten", data={"email": "x@test.be"}).status_code
             for _ in range(7)]
    assert codes[:5] == [302] * 5 and codes[-1] == 429


def test_demo_a_year_ahead_mails_partner_and_coordinator(app, runner, smtp):
    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    op = (date.today() + timedelta(days=365)).isoformat()
    eerste = runner.invoke(args=["hvk", "herinneringen", "--op", op])
    assert eerste.exit_code == 0, eerste.output
    partner = smtp.postbus.aan("partner@demo.hvk.be")
    coordinator = smtp.postbus.aan("coordinator@demo.hvk.be")
    assert any("nakijken" in b["Subject"] for b in partner)
    assert any("Deadline verstreken" in b["Subject"] for b in coordinator)
    assert any("nog niet gerealiseerd" in b["Subject"] for b in coordinator)
    aantal = len(smtp.postbus.berichten)
    tweede = runner.invoke(args=["hvk", "herinneringen", "--op", op])
    assert "0 mails verzonden" in tweede.output and len(smtp.postbus.berichten) == aantal


def test_mail_leaves_right_after_the_commit_without_waiting_for_cron(app, wereld, client, smtp):
    """MAIL_METEEN: the reset mail reaches the server without `hvk herinneringen`; what the
    thread sent is marked, so cron sends nothing twice."""
    import time
    app.config["MAIL_METEEN"] = True
    assert client.post("/wachtwoord-vergeten",
                       data={"email": "partner-a@test.be"}).status_code == 302
    einde = time.monotonic() + 15
    while not smtp.postbus.aan("partner-a@test.be") and time.monotonic() < einde:
        time.sleep(0.05)
    assert len(smtp.postbus.aan("partner-a@test.be")) == 1
    time.sleep(0.2)  # the thread marks the row after sending
    with app.app_context():
        assert outbox.verstuur().verzonden == 0
    assert len(smtp.postbus.aan("partner-a@test.be")) == 1


def test_the_menu_count_statement_is_shared_but_each_user_gets_their_own_count(app, wereld):
    """tellers() builds its statement once per role and day with the user's ids as parameters
    (te_doen._tel_stmt): two partners share it and still get their own counts."""
    from huisvanhetkind.auth.guard import actor_for
    from huisvanhetkind.auth.models import Gebruiker
    from huisvanhetkind.meldingen import te_doen
    with app.app_context():
        f.verwijzing(db.session.get(f.Organisatie, wereld.org_a),
                     db.session.get(f.Organisatie, wereld.org_b))
        db.session.commit()
        b = actor_for(db.session.get(Gebruiker, wereld.partner_b))
        a = actor_for(db.session.get(Gebruiker, wereld.partner_a))
        assert (te_doen.tellers(b)[0], te_doen.tellers(a)[0], te_doen.tellers(b)[0]) == (1, 0, 1)
        assert te_doen._gebouwd.cache_info().currsize >= 1
