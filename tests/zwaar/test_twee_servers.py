"""Two app servers, one database: the scale-out path (issue 16, point 6).

Two gunicorn servers (two hosts behind a load balancer) serve the same database; one user's
requests alternate between them. Everything a request relies on must therefore live in the
database: the session (a signed cookie with the shared secret), an import preview made on one
and confirmed on the other, the version an edit was based on, the dossier PDF (made once, served
by both), and the failed logins that make an account wait.
"""
from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import func, select

from huisvanhetkind.erkenning.models import DossierPdf
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.importer.models import ImportVoorbeeld
from huisvanhetkind.partners.models import Aanbod, Organisatie
from tests.factories import WACHTWOORD
from tests.zwaar.conftest import session_for
from tests.zwaar.test_crash_gate import CSRF, TOKEN, VERSION, import_file

pytestmark = pytest.mark.zwaar


def _aanbod_form(html: str, beschrijving: str, csrf: str) -> dict:
    return {"naam": "Spelotheek A", "aanbodvorm": "spel_en_ontmoeting", "functies": "ontmoeting",
            "leeftijdsgroepen": "0-3", "doelgroep": "universeel", "werkvormen": "locatie",
            "beschrijving": beschrijving, "version": VERSION.search(html).group(1),
            "csrf_token": csrf}


def _pdf(s, base: str, url: str):
    """The dossier PDF; a 202 'wordt gemaakt' page means: ask again (as the page itself does)."""
    for _ in range(60):
        r = s.get(base + url, timeout=120)
        if r.status_code != 202:
            return r
        time.sleep(0.5)  # the render goes on in its own thread meanwhile
    raise AssertionError("the dossier PDF never came")


def test_one_user_alternating_between_two_app_servers(app, wereld, server_factory):
    a, b = server_factory(workers=1, threads=2), server_factory(workers=1, threads=2)
    with app.app_context():
        aanbod_id = db.session.scalar(select(Aanbod.id).where(
            Aanbod.organisatie_id == wereld.org_a))

    # logged in on A, the session holds on B (cookies are per host, not per port)
    coord = session_for(a.url, "coord-x@test.be", WACHTWOORD)
    assert coord.get(b.url + "/", allow_redirects=False, timeout=30).status_code == 200

    # an import previewed on A is confirmed on B
    url = f"/netwerken/{wereld.netwerk_x}/import"
    preview = coord.post(a.url + url, data={"csrf_token": coord.csrf}, timeout=60,
                         files={"bestand": ("twee.xlsx", import_file("twee", 5))})
    assert preview.status_code == 200, preview.text[:500]
    r = coord.post(b.url + url + "/bevestig", allow_redirects=False, timeout=60,
                   data={"token": TOKEN.search(preview.text).group(1),
                         "csrf_token": CSRF.search(preview.text).group(1)})
    assert r.status_code == 302 and r.headers["Location"].endswith("/import/resultaat")
    with app.app_context():
        assert db.session.scalar(select(func.count(Organisatie.id)).where(
            Organisatie.naam.like("Crash twee partner %"))) == 5
        assert db.session.scalar(select(func.count(ImportVoorbeeld.id))) == 0

    # two tabs on an aanbod, one per server: the second save is a conflict, not lost work
    partner = session_for(b.url, "partner-a@test.be", WACHTWOORD)
    form = f"/aanbod/{aanbod_id}/bewerken"
    op_a = partner.get(a.url + form, timeout=30).text
    op_b = partner.get(b.url + form, timeout=30).text
    r = partner.post(b.url + form, data=_aanbod_form(op_b, "via B", partner.csrf),
                     allow_redirects=False, timeout=30)
    assert r.status_code == 302
    r = partner.post(a.url + form, data=_aanbod_form(op_a, "via A", partner.csrf),
                     allow_redirects=False, timeout=30)
    assert r.status_code == 409 and "via B" in r.text
    with app.app_context():
        assert db.session.get(Aanbod, aanbod_id).beschrijving == "via B"

    # the dossier PDF is made once (on A) and B serves the stored one
    pdf = f"/netwerken/{wereld.netwerk_x}/erkenning/dossier.pdf"
    van_a, van_b = _pdf(coord, a.url, pdf), _pdf(coord, b.url, pdf)
    assert van_a.status_code == van_b.status_code == 200
    assert van_a.content.startswith(b"%PDF") and van_b.content == van_a.content
    with app.app_context():
        assert db.session.scalar(select(func.count(DossierPdf.id))) == 1

    # failed logins on both servers count for the one account: it waits on either
    anoniem = []
    for base in (a.url, b.url):
        s = coord.__class__()
        page = s.get(base + "/aanmelden", timeout=30).text
        anoniem.append((s, base, re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                                           page).group(1)))
    for i in range(5):
        s, base, csrf = anoniem[i % 2]
        r = s.post(base + "/aanmelden", data={"email": "partner-b@test.be", "wachtwoord": "fout-1",
                                               "csrf_token": csrf}, allow_redirects=False,
                   timeout=60)
        assert r.status_code in (200, 422), r.status_code
    s, base, csrf = anoniem[1]
    r = s.post(base + "/aanmelden", data={"email": "partner-b@test.be", "wachtwoord": WACHTWOORD,
                                           "csrf_token": csrf}, allow_redirects=False, timeout=60)
    assert r.status_code == 429 and "Wacht" in r.text
