"""The dossier PDF is rendered once per network state and peildatum and kept in the database;
while one request renders, others get the Dutch 'wordt gemaakt' page (issue 12 and 16)."""
from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from huisvanhetkind.db import utcnow
from huisvanhetkind.erkenning import dossier, pdf_cache, views_dossier
from huisvanhetkind.erkenning.models import DossierPdf
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Organisatie


@pytest.fixture
def renders(monkeypatch):
    """Count the renders (and keep them fast): a fake PDF named after the render number."""
    teller = []

    def render(html):
        teller.append(html)
        return b"%PDF-1.7 render " + str(len(teller)).encode()
    monkeypatch.setattr(views_dossier, "render_pdf", render)
    return teller


def _pdf(client, netwerk_id, op="2026-09-01"):
    return client.get(f"/netwerken/{netwerk_id}/erkenning/dossier.pdf?op={op}")


def test_rendered_once_then_served_from_the_database(wereld, login, app, renders):
    c = login(wereld.coordinator_x)
    eerste = _pdf(c, wereld.netwerk_x)
    assert eerste.status_code == 200 and eerste.data == b"%PDF-1.7 render 1"
    tweede = login(wereld.consultant_ov).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning/dossier.pdf?op=2026-09-01")
    assert tweede.data == eerste.data and len(renders) == 1
    with app.app_context():
        rij = db.session.scalars(select(DossierPdf)).one()
        assert rij.sha256 == hashlib.sha256(eerste.data).hexdigest()
    assert _pdf(c, wereld.netwerk_x, op="2026-10-01").data == b"%PDF-1.7 render 2"  # other date


def test_a_change_to_the_network_makes_a_new_pdf(wereld, login, app, renders):
    c = login(wereld.coordinator_x)
    _pdf(c, wereld.netwerk_x)
    with app.app_context():
        db.session.get(Organisatie, wereld.org_a).naam = "Partner A hernoemd"
        db.session.commit()
    assert _pdf(c, wereld.netwerk_x).data == b"%PDF-1.7 render 2"


def test_while_another_request_renders_the_page_says_so_in_dutch(wereld, login, app, renders):
    c = login(wereld.coordinator_x)
    _pdf(c, wereld.netwerk_x)  # learn the key, then turn the stored PDF back into a claim
    with app.app_context():
        db.session.execute(update(DossierPdf).values(pdf=None, gestart_op=utcnow()))
        db.session.commit()
    r = _pdf(c, wereld.netwerk_x)
    html = r.get_data(as_text=True)
    assert r.status_code == 202 and r.headers["Retry-After"] == "3"
    assert "Het erkenningsdossier wordt gemaakt" in html and 'http-equiv="refresh"' in html
    assert len(renders) == 1
    # a claim left by a killed worker is taken over after CLAIM_VERLOOPT
    with app.app_context():
        db.session.execute(update(DossierPdf).values(
            gestart_op=utcnow() - pdf_cache.CLAIM_VERLOOPT - timedelta(seconds=1)))
        db.session.commit()
    assert _pdf(c, wereld.netwerk_x).data == b"%PDF-1.7 render 2"


def test_a_busy_process_answers_wordt_gemaakt_instead_of_rendering_more(wereld, login, renders):
    assert pdf_cache._renders.acquire(blocking=False)  # this process is rendering another PDF
    try:
        r = _pdf(login(wereld.coordinator_x), wereld.netwerk_x)
        assert r.status_code == 202 and not renders
    finally:
        pdf_cache._renders.release()


def test_a_failed_render_leaves_no_claim(wereld, login, app, monkeypatch):
    def kapot(html):
        raise RuntimeError("WeasyPrint faalde")
    monkeypatch.setattr(views_dossier, "render_pdf", kapot)
    with pytest.raises(RuntimeError):
        _pdf(login(wereld.coordinator_x), wereld.netwerk_x)
    with app.app_context():
        assert db.session.scalars(select(DossierPdf)).all() == []


def test_only_the_newest_pdfs_of_a_network_are_kept(wereld, login, app, renders):
    c = login(wereld.coordinator_x)
    for dag in range(1, pdf_cache.BEWAARD + 3):
        assert _pdf(c, wereld.netwerk_x, op=f"2026-09-{dag:02d}").status_code == 200
    with app.app_context():
        assert len(db.session.scalars(select(DossierPdf)).all()) == pdf_cache.BEWAARD


def test_a_kept_pdf_and_the_busy_page_do_not_build_the_dossier(wereld, login, app, renders,
                                                               monkeypatch):
    """Issue 16: ten clients at once: only the head of the network is read, not the dossier."""
    c = login(wereld.coordinator_x)
    eerste = _pdf(c, wereld.netwerk_x)

    def niet_bouwen(*args):
        raise AssertionError("the dossier was built")
    monkeypatch.setattr(dossier, "bouw", niet_bouwen)  # the module, not its lazy name
    assert _pdf(c, wereld.netwerk_x).data == eerste.data
    with app.app_context():
        db.session.execute(update(DossierPdf).values(pdf=None, gestart_op=utcnow()))
        db.session.commit()
    r = _pdf(c, wereld.netwerk_x)
    assert r.status_code == 202 and "Het erkenningsdossier wordt gemaakt" in r.get_data(as_text=True)
    assert "(toestand op 01/09/2026)" in r.get_data(as_text=True)
    assert len(renders) == 1


def test_a_render_longer_than_the_wait_answers_wordt_gemaakt_and_keeps_its_pdf(
        wereld, login, app, monkeypatch):
    """Issue 16: no request over 5 s: the render goes on in its own thread."""
    import threading
    import time
    los = threading.Event()

    def traag(html):
        assert los.wait(10)
        return b"%PDF-1.7 traag"
    monkeypatch.setattr(views_dossier, "render_pdf", traag)
    monkeypatch.setitem(app.config, "DOSSIER_PDF_WACHTEN", 0.2)
    c = login(wereld.coordinator_x)
    r = _pdf(c, wereld.netwerk_x)
    assert r.status_code == 202 and r.headers["Retry-After"] == "3"
    assert _pdf(c, wereld.netwerk_x).status_code == 202  # the claim: not rendered twice
    los.set()
    for _ in range(50):
        r = _pdf(c, wereld.netwerk_x)
        if r.status_code == 200:
            break
        time.sleep(0.1)
    assert r.data == b"%PDF-1.7 traag"
