"""Every page renders for the roles that may see it, in Dutch, with nothing from outside the app."""
import re

import pytest

PAGES = {
    "beheerder": ["/", "/netwerken", "/gebruikers", "/gebruikers/nieuw", "/audit", "/referentie",
                  "/wachtwoord", "/netwerken/{x}", "/netwerken/{x}/audit", "/organisaties/{a}",
                  "/organisaties/{a}/bewerken", "/audit/organisatie/{a}"],
    "coordinator_x": ["/", "/netwerken", "/netwerken/{x}", "/netwerken/{x}/audit",
                      "/organisaties/{a}", "/organisaties/{b}/voorstel", "/referentie"],
    "partner_a": ["/", "/netwerken", "/netwerken/{x}", "/organisaties/{a}",
                  "/organisaties/{a}/bewerken", "/organisaties/{b}"],
    "consultant_ov": ["/", "/netwerken", "/netwerken/{x}", "/organisaties/{a}",
                      "/netwerken/{x}/audit"],
}
EXTERNAL = re.compile(r'(?:src|href)="(?:https?:)?//(?!creativecommons\.org)', re.I)


def _pages():
    for who, paths in PAGES.items():
        for path in paths:
            yield who, path


@pytest.mark.parametrize("who,path", list(_pages()))
def test_page_renders_without_external_resources(wereld, login, who, path):
    url = path.format(x=wereld.netwerk_x, a=wereld.org_a, b=wereld.org_b)
    r = login(getattr(wereld, who)).get(url)
    assert r.status_code == 200, (who, url)
    html = r.get_data(as_text=True)
    assert '<html lang="nl-BE">' in html
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "/bootstrap/static/" in html  # Bootstrap served by the app itself
    assert r.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]


def test_public_pages(client):
    for url in ("/aanmelden", "/over"):
        r = client.get(url)
        assert r.status_code == 200
        assert not EXTERNAL.search(r.get_data(as_text=True))
    assert "Statbel" in client.get("/over").get_data(as_text=True)
    assert "CC BY 4.0" in client.get("/over").get_data(as_text=True)


def test_bootstrap_and_vis_network_are_served_locally(client):
    page = client.get("/aanmelden").get_data(as_text=True)
    css = re.search(r'href="(/bootstrap/static/[^"]+\.css)"', page).group(1)
    assert client.get(css).status_code == 200
    js = re.search(r'src="(/bootstrap/static/[^"]+\.js)"', page).group(1)
    assert client.get(js).status_code == 200
    assert client.get("/vendor/vis-network/vis-network.min.js").status_code == 200


def test_dutch_error_pages(wereld, login):
    c = login(wereld.partner_a)
    r = c.get("/bestaat-niet")
    assert r.status_code == 404 and "Niet gevonden" in r.get_data(as_text=True)
    r = c.get(f"/organisaties/{wereld.org_b}/bewerken")
    assert r.status_code == 403 and "Geen toegang" in r.get_data(as_text=True)


def test_start_page_fits_role(wereld, login):
    assert "Welkom, beheerder" in login(wereld.beheerder).get("/").get_data(as_text=True)
    partner = login(wereld.partner_a).get("/").get_data(as_text=True)
    assert "Je beheert de gegevens en het aanbod van" in partner and "Partner A" in partner
    consultant = login(wereld.consultant_ov).get("/").get_data(as_text=True)
    assert "Oost-Vlaanderen" in consultant and "Huis van het Kind X" in consultant
    assert "Huis van het Kind Y" not in consultant


def test_every_endpoint_is_public_or_guarded(app):
    """Each rule is either in the public list or has a view that calls authorize()."""
    import inspect

    from huisvanhetkind.auth.guard import PUBLIC_ENDPOINTS
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        source = inspect.getsource(app.view_functions[rule.endpoint])
        assert "authorize(" in source, f"{rule.endpoint} has no authorisation decision"


HSTS = "max-age=31536000; includeSubDomains"


def test_hsts_only_on_https(client):
    """Issue 12: HTTPS responses tell the browser to never use plain HTTP for this site; a plain
    HTTP response cannot (browsers ignore it there, and a test or intranet install uses HTTP)."""
    assert "Strict-Transport-Security" not in client.get("/aanmelden").headers
    assert client.get("/aanmelden", base_url="https://localhost").headers[
        "Strict-Transport-Security"] == HSTS
    assert client.get("/bestaat-niet", base_url="https://localhost").headers[
        "Strict-Transport-Security"] == HSTS  # error pages too


@pytest.mark.parametrize("hops,verwacht", [(1, HSTS), (0, None)])
def test_hsts_behind_a_proxy_follows_proxy_hops(database_url, hops, verwacht):
    """Behind the TLS-terminating proxy the scheme comes from X-Forwarded-Proto, trusted only
    with PROXY_HOPS (app.py): without it a client cannot claim https."""
    from huisvanhetkind import create_app
    from tests.conftest import test_config

    app = create_app(test_config(database_url, PROXY_HOPS=hops))
    r = app.test_client().get("/aanmelden", headers={"X-Forwarded-Proto": "https"})
    assert r.headers.get("Strict-Transport-Security") == verwacht


def test_the_menu_switcher_reads_only_the_names_of_the_networks(wereld, login, app):
    """Someone who sees several networks gets the switcher on every page, by name, the chosen
    one selected; it reads their id and name only (partners/queries.zichtbare_netwerk_namen):
    130 full network rows on every page of a consultant of all of Flanders were not needed."""
    from tests.sql_count import sent_statements

    c = login(wereld.beheerder)
    html, sql = sent_statements(lambda: c.get(f"/netwerken/{wereld.netwerk_x}/audit")
                                .get_data(as_text=True), app)
    kiezer = html[html.index('class="d-flex me-3 netwerk-kiezer"'):]
    kiezer = kiezer[:kiezer.index("</form>")]
    opties = re.findall(r'<option value="(\d+)" ?(selected)?>([^<]+)</option>', kiezer)
    assert [(int(i), bool(s), naam) for i, s, naam in opties] == [
        (wereld.netwerk_x, True, "Huis van het Kind X"),
        (wereld.netwerk_y, False, "Huis van het Kind Y")]
    netwerken = [s for s in sql if re.match(r"SELECT netwerk\.id\b.*\sFROM netwerk\s+ORDER BY", s, re.S)]
    assert len(netwerken) == 1
    assert re.match(r"SELECT netwerk\.id, netwerk\.naam\s+FROM netwerk\s+ORDER BY", netwerken[0])


def test_the_switchers_kept_options_follow_a_new_name_and_escape_it(wereld, login, app):
    """The options are kept per list of names and choice (main/template_helpers.netwerk_opties):
    a renamed network shows at once, as text."""
    from huisvanhetkind.extensions import db
    from huisvanhetkind.partners.models import Netwerk

    c = login(wereld.beheerder)
    assert ">Huis van het Kind Y</option>" in c.get("/referentie").get_data(as_text=True)
    with app.app_context():
        db.session.get(Netwerk, wereld.netwerk_y).naam = "<b>Y</b>"
        db.session.commit()
    html = c.get("/referentie").get_data(as_text=True)
    assert ">&lt;b&gt;Y&lt;/b&gt;</option>" in html and "<b>Y</b>" not in html
