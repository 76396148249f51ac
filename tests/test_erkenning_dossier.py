"""The erkenningsdossier: printable HTML and PDF with every section, fetched from nowhere."""
from __future__ import annotations

import io
import re

import pytest

from huisvanhetkind.extensions import db
from tests.erkenning_factories import ALLE_IDS, realistisch_netwerk
from tests.test_erkenning import STATUS_LABEL, pdf_tekst, statussen_in_pdf

SECTIES = ["1. Netwerk", "2. Werkingsgebied", "3. Partners", "4. Aanbod naar vorm en leeftijd",
           "5. Checklist", "6. Lacunes en overlappen", "7. Het netwerk en de dekking in beeld",
           "8. Engagementenplan", "9. Review en verloop van de aanvraag"]


@pytest.fixture
def waasland(app):
    with app.app_context():
        w = realistisch_netwerk()
        db.session.commit()
    return w


def test_html_dossier_has_every_section(waasland, login):
    r = login(waasland.coordinator).get(f"/netwerken/{waasland.netwerk}/erkenning/dossier")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    for sectie in SECTIES:
        assert sectie in html
    assert "Kinderopvang Pagadder" in html and "niet getekend" in html
    assert "Consultatiebureau Temse" in html and "Verslag stuurgroep" in html
    assert 'src="/static/js/afdrukken.js"' in html and "onclick" not in html
    assert all(f'id="dossier-{vid}"' in html for vid in ALLE_IDS)


def test_pdf_opens_and_shows_every_section_and_status(waasland, login, app):
    from pypdf import PdfReader
    client = login(waasland.coordinator)
    r = client.get(f"/netwerken/{waasland.netwerk}/erkenning/dossier.pdf?op=2027-01-01")
    assert r.status_code == 200 and r.mimetype == "application/pdf"
    assert r.data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(r.data))
    assert len(reader.pages) >= 2
    tekst = pdf_tekst(r.data)
    for sectie in SECTIES:
        assert sectie in tekst
    assert "Toestand op 01/01/2027" in tekst
    api = client.get(f"/api/v1/netwerken/{waasland.netwerk}/erkenning?op=2027-01-01").get_json()
    verwacht = {v["id"]: v["status"] for v in api["voorwaarden"]}
    assert statussen_in_pdf(tekst) == verwacht
    for vid, status in verwacht.items():
        assert re.search(rf"(?m)^{vid}\b", tekst) and STATUS_LABEL[status] in tekst


def test_pdf_escapes_user_data_and_loads_nothing_from_outside(app, login, monkeypatch):
    import urllib.request
    opened = []
    monkeypatch.setattr(urllib.request.OpenerDirector, "open",
                        lambda self, *a, **k: opened.append(a) or (_ for _ in ()).throw(
                            AssertionError("network access")))
    with app.app_context():
        w = realistisch_netwerk(naam='HvK <img src="http://example.org/x.png"> & co')
        db.session.commit()
    r = login(w.coordinator).get(f"/netwerken/{w.netwerk}/erkenning/dossier.pdf")
    assert r.status_code == 200
    assert 'HvK <img src="http://example.org/x.png"> & co' in pdf_tekst(r.data)
    assert opened == []


def test_static_only_fetcher(app):
    from huisvanhetkind.erkenning.pdf import BASE_URL, GeweigerdeURL, _fetcher
    with app.test_request_context():
        fetcher = _fetcher()
        antwoord = fetcher.fetch(BASE_URL + "static/css/dossier.css")
        assert b".dossier" in antwoord.read()
        for url in ("http://example.org/a.css", "https://example.org/static/css/hvk.css",
                    BASE_URL + "static/../../setup.cfg", "file:///etc/passwd",
                    BASE_URL + "geheim", "data:text/css,body{}"):
            with pytest.raises((GeweigerdeURL, ValueError)):
                fetcher.fetch(url)


def test_dossier_access_and_bad_date(wereld, login):
    assert login(wereld.coordinator_y).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/dossier.pdf").status_code == 403
    assert login(wereld.partner_a).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/dossier").status_code == 200
    assert login(wereld.beheerder).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/dossier?op=gisteren").status_code == 400
    assert login(wereld.beheerder).get("/netwerken/999/erkenning/dossier").status_code == 404


def test_pdf_is_tagged_and_holds_lacunes_with_reasons_and_both_pictures(waasland, login, app):
    """What a consultant reads (issue 13): the lacunes with the 'bewust niet' reasons, the
    network picture and the coverage matrix, in a tagged (PDF/UA) document."""
    from pypdf import PdfReader
    from huisvanhetkind.graaf.operations import markeer_bewust_niet
    from huisvanhetkind import pipeline
    with app.app_context():
        gemeenten = pipeline.bundel(waasland.netwerk).netwerk.gemeenten
        markeer_bewust_niet(waasland.netwerk, gemeenten, "ontmoeting", "12-18", "",
                            "De jeugddienst van de gemeente doet dit al.")
        db.session.commit()
    client = login(waasland.coordinator)
    html = client.get(f"/netwerken/{waasland.netwerk}/erkenning/dossier").get_data(as_text=True)
    assert "De jeugddienst van de gemeente doet dit al." in html
    assert html.count("<svg") >= 2 and 'id="beeld-netwerk"' in html
    r = client.get(f"/netwerken/{waasland.netwerk}/erkenning/dossier.pdf")
    assert r.status_code == 200
    pdf = PdfReader(io.BytesIO(r.data))
    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa
    assert "/StructTreeRoot" in root
    tekst = " ".join(pdf_tekst(r.data).split())  # table cells wrap their words
    assert "6. Lacunes en overlappen" in tekst and "Lacune in" in tekst
    assert "Temse: De jeugddienst van de gemeente doet dit al." in tekst
    assert "7. Het netwerk en de dekking in beeld" in tekst
    # both pictures are drawn (vector SVG): the sector legend and the matrix's status words
    assert "Dekking Huis van het Kind Waasland" in tekst and "LACUNE" in tekst
    assert "Kind en Gezin" in tekst  # a sector in the network picture's legend
