"""Hostile input: every GET route and every link of a network whose every text holds a canary.

HTML must show the canaries escaped; JSON carries them as data; exports (xlsx, csv, HSDS, gexf,
graphml, svg/png, PDF) hold them only as text.
"""
from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
import zipfile
from collections import Counter, deque
from urllib.parse import urlencode, urlsplit

import pytest
from openpyxl import load_workbook
from sqlalchemy import String, Text
from werkzeug.routing import BuildError

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.export.hsds import uid
from tests.xss_helpers import (EMAIL, FORMULES, IMG, PAYLOAD, POSTCODE, SCRIPT, WEBSITE, bouw,
                               canary, client_voor, problemen_html, problemen_xml, strings)

# endpoints not crawled: static assets, and the PDF (WeasyPrint; its own test below)
NIET_GECRAWLD = {"static", "bootstrap.static", "main.vendor", "erkenning.dossier_pdf"}
# text columns that are no free text: codes checked against a taxonomy, secrets, generated
GEEN_VRIJE_TEKST = {
    "netwerk.rechtsvorm", "werkingsgebied.nis", "organisatie.kbo", "organisatie.sector",
    "aanbod.aanbodvorm", "aanbod.doelgroep", "verwijzing.soort", "bewust_niet.functie",
    "bewust_niet.leeftijdsgroep", "bewust_niet.nis", "engagement.voorwaarde", "actie.status",
    "review_opmerking.voorwaarde", "review_opmerking.oordeel", "zorgregio.nis", "gebruiker.rol",
    "gebruiker.wachtwoord_hash", "gebruiker.session_token", "aanmeldpoging.sleutel",
    "audit_log.actie", "audit_log.tabel", "audit_log.record_id", "alembic_version.version_num",
    "dossier_pdf.sleutel", "dossier_pdf.sha256",  # hex digests the app computes
    "berekening.sleutel", "berekening.soort",  # a digest and a fixed code of the app
    "indicator.nis", "indicator.indicator",  # a NIS code and a code of nood.INDICATOR
    "uitnodiging.status", "wijzigingsvoorstel.status",
    # the aanvraag's codes (domein/aanvraag.py) and the digests and JSON it computes; its free
    # texts (motivations, toelichting, the history's tekst) carry canaries
    "aanvraag.toestand", "aanvraag.advies", "aanvraag.beslissing", "aanvraag_versie.soort",
    "aanvraag_versie.gegevens", "aanvraag_versie.gegevens_sha256", "aanvraag_versie.pdf_sha256",
    "aanvraag_stap.stap", "aanvraag_stap.van", "aanvraag_stap.naar",
    "netwerk.gids_origins",  # checked origins (domein/gids.parse_origins), sent in a CSP header
    # an upload waiting an hour for its confirmation; its name is shown only in the answer to
    # that upload (hostile names: tests/test_import.py)
    "import_voorbeeld.token", "import_voorbeeld.bestandsnaam",
    # notifications: codes, keys and paths the app builds; the SMTP server's error text
    "melding.gebeurtenis", "melding.onderwerp", "melding.periode", "melding.link",
    "meldingsvoorkeur.mail", "uitgaande_mail.sleutel", "uitgaande_mail.aan",
    "uitgaande_mail.status", "uitgaande_mail.claim", "uitgaande_mail.laatste_fout",
    # a personal API token: the first characters of its secret, its hash and its scope code
    "api_token.begin", "api_token.geheim_hash", "api_token.scope",
    "kernprincipe_score.kernprincipe",  # a code of domein/zelfevaluatie.py
    # the samenwerkingsbevraging's codes (domein/bevraging.py)
    "bevraging_relatie.intensiteit", "bevraging_relatie.bijdragen",
    # municipality codes as index rows, derived from the CodeList (partners/gemeente_index.py)
    "aanbod_gemeente.nis", "organisatie_gemeente.nis",
}
GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r")
VIJANDIGE_WAARDE = "x" + IMG  # for string URL arguments: reflected in a 404?
# every query argument a view reads, hostile: reflected input must be escaped too
VIJANDIGE_QUERY = {k: "x" + PAYLOAD for k in (
    "q", "zoekterm", "actie", "op", "partner", "gemeente", "functie", "leeftijdsgroep", "toon",
    "page", "van", "provincie", "sort", "richting", "naam", "organisatie_id", "voorwaarde",
    "search", "modified_after", "taxonomy_term_id", "taxonomy_id", "organization_id",
    "netwerk_id")}
VIJANDIGE_QUERY["next"] = "javascript:alert(1)"
PER_PATROON = 3  # links followed per endpoint and set of query keys: bounded, yet broad
MAX_PAGINAS = 400


@pytest.fixture
def vijandig(app):
    return bouw(app)


def _waarden(v) -> dict[str, list]:
    return {
        "netwerk_id": [v.netwerk], "aanbod_id": [v.aanbod, v.formule_aanbod],
        "organisatie_id": [v.org, v.formule_org], "lid_id": [v.lid], "actie_id": [v.actie],
        "verwijzing_id": [v.verwijzing], "contact_id": [v.contact],
        "gebruiker_id": [v.coordinator_email, v.consultant], "voorwaarde": ["E1", "E6", "x<b>"],
        "formaat": ["xlsx", "csv", "hsds", "gexf", "graphml", "svg", "png"],
        "opmerking_id": [v.opmerking], "markering_id": [v.bewust_niet], "versie_id": [v.versie],
        "zelfevaluatie_id": [v.zelfevaluatie], "kernprincipe": ["burgerschap", "x<b>"],
        "token": ["vervalst", VIJANDIGE_WAARDE],  # reset and 'nog actueel' links
        "token_id": [v.token], "meetmoment_id": [v.meetmoment], "deelname_id": [v.deelname],
        # the HSDS API's string ids: a real one and a hostile one (reflected in its 404?)
        "service_id": [uid("aanbod", v.aanbod), VIJANDIGE_WAARDE],
        "sal_id": [uid("service_at_location", v.aanbod), VIJANDIGE_WAARDE],
        "organization_id": [uid("organisatie", v.org), VIJANDIGE_WAARDE],
        "taxonomy_id": [uid("taxonomy", "functie"), VIJANDIGE_WAARDE],
        "term_id": [uid("taxonomy_term", "functie:ontmoeting"), VIJANDIGE_WAARDE],
        ("tabel", "record_id"): [
            ("netwerk", v.netwerk), ("organisatie", v.org), ("aanbod", v.aanbod),
            ("contactpersoon", v.contact), ("lidmaatschap", v.lid), ("verwijzing", v.verwijzing),
            ("engagement", v.engagement), ("actie", v.actie), ("gebruiker", v.coordinator_email),
            ("werkingsgebied", v.werkingsgebied), (VIJANDIGE_WAARDE, VIJANDIGE_WAARDE)],
    }


def _extra_query(v) -> dict[str, dict]:
    """Query arguments without which a page shows no data (or only an error)."""
    return {
        "erkenning.wat_als": {"partner": v.org}, "graaf.wat_als": {"partner": v.org},
        "graaf.bewust_niet": {"functie": "vrije_tijd", "leeftijdsgroep": "6-12"},
        "graaf.dekking_cel": {"functie": "ontmoeting", "leeftijdsgroep": "0-3"},
        "graaf.verwijzing_nieuw": {"van": v.org}, "audit.privacy": {"zoekterm": EMAIL},
        "partners.leden": {"q": "Org"}, "partners.lid_toevoegen": {"q": "org"},
        "auth.login": {"next": "/x" + PAYLOAD},
    }


def start_urls(app, v) -> list[str]:
    """Every GET route with the hostile network's ids, each once more with hostile query args."""
    waarden, extra = _waarden(v), _extra_query(v)
    urls, onbekend = [], []
    adapter = app.url_map.bind("localhost")
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NIET_GECRAWLD:
            continue
        groepen, rest = [], set(rule.arguments)
        for sleutel, opties in waarden.items():
            namen = sleutel if isinstance(sleutel, tuple) else (sleutel,)
            if set(namen) <= rest:
                rest -= set(namen)
                groepen.append([dict(zip(namen, o if isinstance(sleutel, tuple) else (o,)))
                                for o in opties])
        if rest:
            onbekend.append(f"{rule.rule}: {sorted(rest)}")
            continue
        for combinatie in itertools.product(*groepen):
            args = {k: w for deel in combinatie for k, w in deel.items()}
            try:
                url = adapter.build(rule.endpoint, args)
            except (BuildError, ValueError):  # e.g. a formaat this route does not serve
                continue
            urls += [url, f"{url}?{urlencode(VIJANDIGE_QUERY)}"]
            if rule.endpoint in extra:
                urls.append(f"{url}?{urlencode(extra[rule.endpoint])}")
    assert not onbekend, f"the XSS crawler has no value for these URL arguments: {onbekend}"
    return urls


def _patroon(app, url: str):
    delen = urlsplit(url)
    try:
        endpoint, _ = app.url_map.bind("localhost").match(delen.path, method="GET")
    except Exception:  # noqa: BLE001 — 404/405: one pattern for all of them
        endpoint = "?"
    return endpoint, tuple(sorted(k for k, _ in re.findall(r"([^&=]+)=([^&]*)", delen.query)))


def crawl(app, client, start: list[str]):
    """Visit the start URLs and, bounded per pattern, the site's links and redirects.

    Returns {url: response}, the HTML texts and the problems found."""
    bezocht, gezien_patroon, fouten, teksten = {}, Counter(), [], []
    wachtrij = deque(start)

    def volg(href: str) -> None:
        delen = urlsplit(html.unescape(href))
        if delen.netloc not in ("", "localhost") or not delen.path.startswith("/") \
                or delen.path.startswith(("//", "/static/", "/vendor/", "/bootstrap/")):
            return
        url = delen.path + (f"?{delen.query}" if delen.query else "")
        patroon = _patroon(app, url)
        if url not in bezocht and patroon[0] not in NIET_GECRAWLD \
                and gezien_patroon[patroon] < PER_PATROON:
            gezien_patroon[patroon] += 1
            wachtrij.append(url)

    while wachtrij and len(bezocht) < MAX_PAGINAS:
        url = wachtrij.popleft()
        if url in bezocht:
            continue
        r = client.get(url)
        bezocht[url] = r
        kort = url if len(url) < 120 else url[:100] + "…"
        if r.status_code >= 500:
            fouten.append(f"{kort}: {r.status_code}")
        elif r.status_code in (301, 302, 303, 307, 308):
            loc = r.headers.get("Location", "")
            if loc.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                fouten.append(f"{kort}: redirect to {loc[:100]!r}")
            volg(loc)
        elif r.mimetype == "text/html":
            tekst = r.get_data(as_text=True)
            fouten += [f"{kort}: {p}" for p in problemen_html(tekst)]
            teksten.append(tekst)
            for href in re.findall(r'href="([^"]+)"', tekst):
                volg(href)
    return bezocht, teksten, fouten


@pytest.mark.parametrize("rol", ["beheerder", "coordinator", "consultant"])
def test_every_page_shows_the_canaries_escaped(app, vijandig, rol):
    client = client_voor(app, getattr(vijandig, rol))
    bezocht, teksten, fouten = crawl(app, client, start_urls(app, vijandig))
    assert not fouten, "\n".join(fouten)
    assert "erkenning.dossier_pdf" not in {_patroon(app, u)[0] for u in bezocht}
    statussen = Counter(r.status_code for r in bezocht.values())
    html_ok = sum(1 for r in bezocht.values() if r.status_code == 200 and r.mimetype == "text/html")
    print(f"\n{rol}: {len(bezocht)} URLs, {html_ok} HTML pages, statuses {dict(statussen)}")
    assert html_ok > 40
    # the canaries were really rendered (escaped), not merely absent
    zichtbaar = html.unescape("\n".join(teksten))
    verwacht = ["Netwerk", "Coordinatornaam", "Netwerkbeschrijving", "Deel", "Org", "Straat",
                "Orgbeschrijving", "Tweede org", "Rol", "Contact", "Functie", "Aanbod",
                "Aanbodbeschrijving", "Aanbodcontact", "Openingsuren", "Actie", "Bewijs",
                "Toelichting", "Verwijzingsopmerking", "Bewust-niet-reden", "Reviewopmerking",
                "Reviewantwoord", "Gebruiker-consultant", "Gebruiker-coordinator_email"]
    assert [t for t in verwacht if canary(t) not in zichtbaar] == []
    assert canary("Plaats", IMG + SCRIPT + "SSTI{{7*7}}") in zichtbaar
    assert "{{7*7}}" in zichtbaar and "SSTI49" not in zichtbaar


def test_the_checks_catch_unescaped_canaries():
    for rauw in (f"<p>{PAYLOAD}</p>", f'<a href="{WEBSITE}">x</a>', "<p>SSTI49</p>",
                 f'<input value="{IMG}">', f"<p>{POSTCODE}</p>",
                 f'<script type="application/json">{{"a": "{SCRIPT}"}}</script>'):
        assert problemen_html(rauw), rauw
    veilig = (f"<p>{html.escape(PAYLOAD)}</p><script type=\"application/json\">"
              f"{{\"a\": \"\\u003cscript\\u003e{{{{7*7}}}}\"}}</script>")
    assert problemen_html(veilig) == []


def test_anonymous_visitor_meets_only_escaped_pages(app, vijandig):
    bezocht, teksten, fouten = crawl(app, app.test_client(), start_urls(app, vijandig))
    assert not fouten, "\n".join(fouten)
    assert {r.status_code for r in bezocht.values()} <= {200, 302, 400, 401, 404}
    # the hostile network publishes its guide: its names were rendered there, as text
    gids = {_patroon(app, u)[0] for u, r in bezocht.items() if r.status_code == 200}
    assert {"gids.gids", "gids.aanbod"} <= gids
    zichtbaar = html.unescape("\n".join(teksten))
    assert [t for t in ("Netwerk", "Netwerkbeschrijving", "Org", "Aanbod", "Aanbodbeschrijving",
                        "Aanbodcontact", "Openingsuren") if canary(t) not in zichtbaar] == []
    assert canary("Contact") not in zichtbaar  # a contact person is never on a guide page


def test_every_text_column_holds_a_canary(app, vijandig):
    """Guards the list above: a new text column must get a canary (or a reason it is not text)."""
    ontbrekend = []
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for col in table.columns:
                naam = f"{table.name}.{col.name}"
                if not isinstance(col.type, (String, Text)) or naam in GEEN_VRIJE_TEKST:
                    continue
                waarden = db.session.execute(db.select(col)).scalars().all()
                if not any(w and ("alert(1)" in w or "{{7*7}}" in w or w in FORMULES)
                           for w in waarden):
                    ontbrekend.append(naam)
    assert ontbrekend == []


def test_json_carries_the_canaries_as_data(app, vijandig):
    client = client_voor(app, vijandig.beheerder)
    n = vijandig.netwerk
    for url, verwacht in ((f"/api/v1/netwerken/{n}/erkenning", "Netwerk"),
                          (f"/api/v1/netwerken/{n}/analyse", "Org"),
                          (f"/netwerken/{n}/graaf.json", "Org"),
                          (f"/netwerken/{n}/export.hsds", "Aanbodbeschrijving"),
                          # the contact person with this address (privacy.py: by identity)
                          (f"/privacy/export?{urlencode({'zoekterm': EMAIL})}", "Contact")):
        r = client.get(url)
        assert r.status_code == 200 and r.mimetype == "application/json", url
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert canary(verwacht) in set(strings(json.loads(r.get_data(as_text=True)))), url


def test_spreadsheets_hold_formulas_and_canaries_as_text(app, vijandig):
    client = client_voor(app, vijandig.coordinator)
    r = client.get(f"/netwerken/{vijandig.netwerk}/export.xlsx")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.data))
    cellen = [c for ws in wb.worksheets if ws.title != "codes" for rij in ws.iter_rows()
              for c in rij if c.value is not None]
    assert [c.coordinate for c in cellen if c.data_type == "f"] == []
    assert [c.value for c in cellen if isinstance(c.value, str)
            and c.value.startswith(GEVAARLIJK_BEGIN)] == []
    waarden = {c.value for c in cellen}
    assert {canary("Netwerk"), canary("Org"), canary("Aanbod"), canary("Actie")} <= waarden
    assert {"'" + FORMULES[0], "'" + FORMULES[1]} <= waarden

    r = client.get(f"/netwerken/{vijandig.netwerk}/export.csv")
    assert r.status_code == 200
    waarden = set()
    with zipfile.ZipFile(io.BytesIO(r.data)) as zf:
        for naam in zf.namelist():
            tekst = zf.read(naam).decode("utf-8-sig")
            waarden |= {w for rij in csv.reader(io.StringIO(tekst), delimiter=";") for w in rij}
    assert [w for w in waarden if w.startswith(GEVAARLIJK_BEGIN)] == []
    assert {canary("Org"), canary("Aanbod"), "'" + FORMULES[0]} <= waarden


@pytest.mark.parametrize("pad,verwacht", [
    ("export.gexf", "Org"), ("export.graphml", "Org"), ("dekking.svg", "Netwerk")])
def test_xml_exports_keep_canaries_as_text(app, vijandig, pad, verwacht):
    r = client_voor(app, vijandig.coordinator).get(f"/netwerken/{vijandig.netwerk}/{pad}")
    assert r.status_code == 200
    fouten, teksten = problemen_xml(r.data)
    assert not fouten, "\n".join(fouten)
    assert any(canary(verwacht) in t for t in teksten)


def test_png_matrix_is_an_image(app, vijandig):
    r = client_voor(app, vijandig.coordinator).get(f"/netwerken/{vijandig.netwerk}/dekking.png")
    assert r.status_code == 200 and r.mimetype == "image/png"
    assert r.data.startswith(b"\x89PNG\r\n\x1a\n")


def test_dossier_pdf_holds_the_canaries_as_literal_text(app, vijandig):
    from pypdf import PdfReader
    r = client_voor(app, vijandig.coordinator).get(
        f"/netwerken/{vijandig.netwerk}/erkenning/dossier.pdf")
    assert r.status_code == 200 and r.mimetype == "application/pdf"
    paginas = PdfReader(io.BytesIO(r.data)).pages
    tekst = re.sub(r"\s+", "", "".join(p.extract_text() for p in paginas))  # lines wrap anywhere
    for tag in ("Netwerk", "Org", "Actie"):
        assert re.sub(r"\s+", "", canary(tag)) in tekst, tag
    assert "SSTI49" not in tekst
