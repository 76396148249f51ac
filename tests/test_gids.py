"""The public guide (domein.md §13) and searching as people expect (issue 15).

/gids/<netwerk id>: anonymous, only for a network that publishes (404 otherwise, a preview for
its coordinators), accent- and case-insensitive search, the four filters, an aanbod page, no
contact person, ETag/Last-Modified with 304, a Dutch 429, and a frame-ancestors policy per network.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod, Netwerk
from tests import factories as f


def _publiceer(app, netwerk_id, publiek=True, origins=()):
    with app.app_context():
        n = db.session.get(Netwerk, netwerk_id)
        n.publiek, n.gids_origins = publiek, tuple(origins)
        db.session.commit()


@pytest.fixture
def gids(app, wereld):
    """Network X publishes; its members offer an Oudercafé and a few more."""
    with app.app_context():
        a = db.session.get(f.Organisatie, wereld.org_a)
        b = db.session.get(f.Organisatie, wereld.org_b)
        a.telefoon, a.email = "03 123 45 67", "info@partner-a.be"
        f.aanbod(a, "Oudercafé Samen Sterk", aanbodvorm="opvoedingsondersteuning",
                 beschrijving="Ouders ontmoeten elkaar bij een tas koffie.",
                 functies=("ontmoeting", "gezinsondersteuning"), leeftijdsgroepen=("0-3", "3-6"),
                 contact="Bel of kom langs", openingsuren="Woensdag 9–11 uur")
        f.aanbod(b, "Crèche Zonnestraal", aanbodvorm="kinderopvang",
                 functies=("opvang_onderwijs",), leeftijdsgroepen=("0-3",),
                 gemeenten=("46025",), werkvormen=("mobiel",))
        f.aanbod(b, "Voorbij aanbod", einddatum=date.today() - timedelta(days=1))
        oy = db.session.get(f.Organisatie, wereld.org_y)
        f.aanbod(oy, "Oudercafé van Y")
        db.session.commit()
    _publiceer(app, wereld.netwerk_x)
    return wereld


def _aanbod_id(app, naam):
    with app.app_context():
        return db.session.scalar(select(Aanbod.id).where(Aanbod.naam == naam))


def test_anonymous_guide_lists_the_running_aanbod_of_its_members(client, gids):
    r = client.get(f"/gids/{gids.netwerk_x}")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    for naam in ("Oudercafé Samen Sterk", "Crèche Zonnestraal", "Spelotheek A", "Partner A"):
        assert naam in html
    assert "Voorbij aanbod" not in html  # ended yesterday
    assert "Oudercafé van Y" not in html  # another network's member
    assert "Voorbeeld" not in html and "Afmelden" not in html  # no app navigation


@pytest.mark.parametrize("q", ["oudercafe", "OUDERCAFÉ", "Oudercafé", "ouder cafe samen",
                               "samen-sterk", "koffie", "partner a"])
def test_search_ignores_case_and_accents(client, gids, q):
    html = client.get(f"/gids/{gids.netwerk_x}", query_string={"q": q}).get_data(as_text=True)
    assert "Oudercafé Samen Sterk" in html, q
    assert "Crèche Zonnestraal" not in html or q == "partner a"


def test_url_arguments_of_the_links_are_not_taken_from_the_query(client, gids):
    r = client.get(f"/gids/{gids.netwerk_x}?q=ouder&aanbod_id=1&netwerk_id=2&_external=1"
                   "&_anchor=x")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "Oudercafé Samen Sterk" in html
    assert "http://localhost" not in html and "#x" not in html


def test_search_without_result_says_so(client, gids):
    html = client.get(f"/gids/{gids.netwerk_x}?q=zwembad").get_data(as_text=True)
    assert "Niets gevonden" in html


@pytest.mark.parametrize("filters,gevonden,niet", [
    ({"leeftijdsgroep": "3-6"}, "Oudercafé Samen Sterk", "Crèche Zonnestraal"),
    ({"functie": "opvang_onderwijs"}, "Crèche Zonnestraal", "Oudercafé Samen Sterk"),
    ({"gemeente": "46025"}, "Crèche Zonnestraal", "Oudercafé Samen Sterk"),
    ({"werkvorm": "mobiel"}, "Crèche Zonnestraal", "Spelotheek A"),
])
def test_filters(client, gids, filters, gevonden, niet):
    html = client.get(f"/gids/{gids.netwerk_x}", query_string=filters).get_data(as_text=True)
    assert gevonden in html and niet not in html


def test_gemeente_filter_offers_only_the_networks_municipalities(client, gids):
    html = client.get(f"/gids/{gids.netwerk_x}").get_data(as_text=True)
    assert 'value="46021"' in html and 'value="46025"' in html  # Sint-Niklaas, Temse
    assert 'value="11002"' not in html  # Antwerpen: network Y's
    assert html.count("<option") < 40


def test_aanbod_page_tells_what_for_whom_where_and_how_without_contact_persons(client, gids, app):
    aanbod_id = _aanbod_id(app, "Oudercafé Samen Sterk")
    r = client.get(f"/gids/{gids.netwerk_x}/aanbod/{aanbod_id}?q=ouder")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    for tekst in ("Wat", "Voor wie", "Waar", "Hoe bereik je het", "Ouders ontmoeten elkaar",
                  "0 tot 3 jaar", "Sint-Niklaas", "Bel of kom langs", "Woensdag 9–11 uur",
                  "03 123 45 67", "info@partner-a.be", f"/gids/{gids.netwerk_x}?q=ouder"):
        assert tekst in html, tekst
    # the contact person of partner A (wereld): name and address never on a guide page
    for pagina in (html, client.get(f"/gids/{gids.netwerk_x}").get_data(as_text=True)):
        assert "Sarah" not in pagina and "sarah@partner-a.be" not in pagina


def test_aanbod_outside_the_guide_is_404(client, gids, app):
    for naam in ("Oudercafé van Y", "Voorbij aanbod"):
        assert client.get(f"/gids/{gids.netwerk_x}/aanbod/{_aanbod_id(app, naam)}"
                          ).status_code == 404


def test_a_network_that_does_not_publish_is_404_but_its_coordinator_previews_it(
        client, gids, login, app):
    y = f"/gids/{gids.netwerk_y}"
    assert client.get(y).status_code == 404
    assert client.get("/gids/999999").status_code == 404
    login(gids.coordinator_x)
    assert client.get(y).status_code == 404  # not their network
    login(gids.coordinator_y)
    r = client.get(y)
    assert r.status_code == 200 and "Voorbeeld" in r.get_data(as_text=True)
    assert "no-store" in r.headers["Cache-Control"] and "ETag" not in r.headers


def test_etag_and_last_modified_give_304_until_the_facts_change(client, gids, app):
    url = f"/gids/{gids.netwerk_x}?q=ouder"
    r = client.get(url)
    etag, gewijzigd = r.headers["ETag"], r.headers["Last-Modified"]
    assert "public" in r.headers["Cache-Control"] and "max-age" in r.headers["Cache-Control"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": gewijzigd}).status_code == 304
    aanbod_id = _aanbod_id(app, "Oudercafé Samen Sterk")
    assert client.get(f"/gids/{gids.netwerk_x}/aanbod/{aanbod_id}",
                      headers={"If-None-Match": etag}).status_code == 304
    with app.app_context():  # a partner renames its aanbod: the network gets a new revisie
        db.session.get(Aanbod, aanbod_id).naam = "Oudercafé Samen Nog Sterker"
        db.session.commit()
    r = client.get(url, headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] != etag
    assert "Samen Nog Sterker" in r.get_data(as_text=True)


def test_anonymous_traffic_is_rate_limited_with_a_dutch_message(app, client, gids, login):
    app.config["GIDS_RATELIMIT"] = "3 per minute"  # read on every request
    url = f"/gids/{gids.netwerk_x}"
    assert [client.get(url).status_code for _ in range(3)] == [200] * 3
    r = client.get(url)
    assert r.status_code == 429
    assert "Te veel verzoeken" in r.get_data(as_text=True) and "Retry-After" in r.headers
    assert client.get(f"{url}/aanbod/1").status_code == 429  # one limit for the whole guide
    assert client.get("/aanmelden").status_code == 200  # the rest of the app is not limited
    login(gids.coordinator_y)  # a logged-in user is not limited
    assert client.get(url).status_code == 200


def test_frame_ancestors_per_network_only_on_the_guide(client, gids, app):
    r = client.get(f"/gids/{gids.netwerk_x}")
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Frame-Options"] == "DENY"
    _publiceer(app, gids.netwerk_x, origins=("https://www.temse.be", "https://sint-niklaas.be"))
    r = client.get(f"/gids/{gids.netwerk_x}")
    assert ("frame-ancestors https://sint-niklaas.be https://www.temse.be;"
            in r.headers["Content-Security-Policy"])
    assert "X-Frame-Options" not in r.headers
    elders = client.get("/aanmelden")
    assert "frame-ancestors 'none'" in elders.headers["Content-Security-Policy"]
    assert elders.headers["X-Frame-Options"] == "DENY"


def test_coordinator_publishes_and_names_the_embedding_websites(client, wereld, login, app):
    login(wereld.coordinator_y)
    url = f"/netwerken/{wereld.netwerk_y}/gids"
    assert client.get(url).status_code == 200
    r = client.post(url, data={"version": "1", "publiek": "y",
                               "gids_origins": "https://www.antwerpen.be/\nhttp://evil.example"})
    assert r.status_code == 422 and "geen https" in r.get_data(as_text=True)
    r = client.post(url, data={"version": "1", "publiek": "y",
                               "gids_origins": "https://www.Antwerpen.be/ https://x.be:8443"})
    assert r.status_code == 302
    with app.app_context():
        n = db.session.get(Netwerk, wereld.netwerk_y)
        assert n.publiek and n.gids_origins == ("https://www.antwerpen.be", "https://x.be:8443")
        entry = db.session.scalars(select(AuditEntry).where(
            AuditEntry.tabel == "netwerk", AuditEntry.record_id == str(n.id))
            .order_by(AuditEntry.id.desc())).first()
        assert "publiek" in entry.wijzigingen and "gids_origins" in entry.wijzigingen
    assert client.get(f"/gids/{wereld.netwerk_y}").status_code == 200
    r = client.post(url, data={"version": "1", "gids_origins": ""})
    assert r.status_code == 409  # stale version: nothing written
    r = client.post(url, data={"version": "2", "gids_origins": ""})
    assert r.status_code == 302
    client.post("/afmelden")
    assert client.get(f"/gids/{wereld.netwerk_y}").status_code == 404


def test_network_page_links_the_guide_for_its_coordinator(client, wereld, login):
    login(wereld.coordinator_x)
    html = client.get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert f'href="/netwerken/{wereld.netwerk_x}/gids"' in html and "voorbeeld bekijken" in html
    login(wereld.partner_a)
    html = client.get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert f'href="/netwerken/{wereld.netwerk_x}/gids"' not in html


# --- searching as people expect, in the app's own screens ----------------------------------------

def test_existing_searches_ignore_case_and_accents(client, gids, login, app):
    login(gids.coordinator_x)
    x = gids.netwerk_x
    html = client.get(f"/netwerken/{x}/aanbod?q=oudercafe").get_data(as_text=True)
    assert "Oudercafé Samen Sterk" in html and "Spelotheek A" not in html
    html = client.get(f"/netwerken/{x}/aanbod?q=CRECHE").get_data(as_text=True)
    assert "Crèche Zonnestraal" in html
    with app.app_context():
        db.session.get(f.Organisatie, gids.org_b).naam = "Kinderdagverblijf Élan"
        db.session.commit()
    html = client.get(f"/netwerken/{x}/partners?q=elan").get_data(as_text=True)
    assert "Kinderdagverblijf Élan" in html and "Partner A" not in html
    html = client.get(f"/netwerken/{x}/aanbod?q=kinderdagverblijf elan").get_data(as_text=True)
    assert "Crèche Zonnestraal" in html  # by its partner's name
    login(gids.coordinator_y)
    html = client.get(f"/netwerken/{gids.netwerk_y}/partners/toevoegen?q=ÉLAN"
                      ).get_data(as_text=True)
    assert "Kinderdagverblijf Élan" in html


def test_partner_and_aanbod_filters_offer_only_the_networks_municipalities(client, gids, login):
    login(gids.coordinator_x)
    for pagina in ("partners", "aanbod"):
        html = client.get(f"/netwerken/{gids.netwerk_x}/{pagina}").get_data(as_text=True)
        assert 'value="46021"' in html and 'value="46025"' in html, pagina
        assert 'value="11002"' not in html and html.count("<option") < 80, pagina


def test_zoektekst_follows_naam_and_beschrijving_on_every_write_path(app, wereld):
    with app.app_context():
        org = db.session.get(f.Organisatie, wereld.org_a)
        a = Aanbod(organisatie_id=org.id, naam="Babbelbox", aanbodvorm="opvoedingsondersteuning",
                   beschrijving="Vragen over opvoeding? Kom gerust binnen.")
        db.session.add(a)
        db.session.flush()
        assert a.zoektekst == "babbelbox vragen over opvoeding? kom gerust binnen"
        a.beschrijving = "Élke dinsdag"
        assert a.zoektekst == "babbelbox elke dinsdag"
        db.session.execute(Aanbod.__table__.insert(), [  # the Flanders generator's bulk insert
            {"organisatie_id": org.id, "naam": "Café Kiekeboe", "beschrijving": "Ça va",
             "aanbodvorm": "spel_en_ontmoeting"}])
        assert db.session.scalar(select(Aanbod.zoektekst).where(
            Aanbod.naam == "Café Kiekeboe")) == "cafe kiekeboe ca va"
        db.session.rollback()


def test_pagination_links_take_no_url_for_options_from_the_query(client, gids, app):
    """?_scheme=javascript&_external=1 must not turn a page link into javascript://…%0Aalert()."""
    with app.app_context():
        a = db.session.get(f.Organisatie, gids.org_a)
        for i in range(30):
            f.aanbod(a, f"Speelmoment {i:02d}")
        db.session.commit()
    html = client.get(f"/gids/{gids.netwerk_x}", query_string={
        "_scheme": "javascript", "_external": "1", "_anchor": "x", "x": "\nalert(1)"}
    ).get_data(as_text=True)
    assert "Volgende" in html
    assert "javascript:" not in html and "#x" not in html
