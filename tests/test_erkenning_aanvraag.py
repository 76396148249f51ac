"""The aanvraag as a process through the web: every step by its role, frozen versions with a
SHA-256 that matches their bytes, the decision starting the two-year term, refusals."""
from __future__ import annotations

import hashlib
import re
from datetime import date

from sqlalchemy import select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.erkenning.models import Aanvraag, AanvraagVersie, DossierPdf
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Netwerk


def _pagina(client, wereld) -> str:
    r = client.get(f"/netwerken/{wereld.netwerk_x}/aanvraag")
    assert r.status_code == 200
    return r.get_data(as_text=True)


def _stap(client, wereld, stap, **velden):
    html = _pagina(client, wereld)
    toestand = re.search(rf'id="{stap}-toestand" name="{stap}-toestand" type="hidden" '
                         r'value="([a-z_]+)"', html).group(1)
    versie = re.search(rf'id="{stap}-version" name="{stap}-version" type="hidden" '
                       r'value="(\d+)"', html)
    data = {f"{stap}-toestand": toestand, f"{stap}-version": versie.group(1),
            **{f"{stap}-{k}": v for k, v in velden.items()}}
    return client.post(f"/netwerken/{wereld.netwerk_x}/aanvraag/{stap}", data=data)


def test_the_whole_process(app, wereld, login):
    coord = login(wereld.coordinator_x)
    assert 'data-toestand="concept"' in _pagina(coord, wereld)
    assert _stap(coord, wereld, "indienen").status_code == 302

    cons = login(wereld.consultant_ov)
    html = _pagina(cons, wereld)
    assert 'data-toestand="ingediend"' in html and "In behandeling nemen" in html
    assert _stap(cons, wereld, "nemen").status_code == 302
    r = _stap(cons, wereld, "adviseren", advies="", motivatie="")
    assert r.status_code == 422 and "Kies een advies." in r.get_data(as_text=True)
    assert _stap(cons, wereld, "adviseren", advies="gunstig_met_voorwaarden",
                 motivatie="E3: de overeenkomst met de gemeente ontbreekt.").status_code == 302

    coord = login(wereld.coordinator_x)
    netwerk = coord.get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert "Gunstig met voorwaarden" in netwerk and "de overeenkomst met de gemeente" in netwerk
    assert _stap(coord, wereld, "herindienen",
                 toelichting="Overeenkomst toegevoegd.").status_code == 302
    cons = login(wereld.consultant_ov)
    _stap(cons, wereld, "nemen")
    _stap(cons, wereld, "adviseren", advies="gunstig", motivatie="In orde.")

    beheerder = login(wereld.beheerder)
    assert _stap(beheerder, wereld, "beslissen", beslissing="erkend",
                 datum="2026-03-01").status_code == 302
    with app.app_context():
        a = db.session.scalar(select(Aanvraag))
        assert (a.toestand, a.beslissing, a.advies) == ("beslist", "erkend", "gunstig")
        assert db.session.get(Netwerk, wereld.netwerk_x).erkenningsdatum == date(2026, 3, 1)
        versies = db.session.scalars(select(AanvraagVersie).order_by(AanvraagVersie.nummer)).all()
        assert [(v.nummer, v.soort) for v in versies] == [(1, "aanvraag"), (2, "herziening")]
        for v in versies:
            assert v.pdf.startswith(b"%PDF") and hashlib.sha256(v.pdf).hexdigest() == v.pdf_sha256
            assert hashlib.sha256(v.gegevens.encode()).hexdigest() == v.gegevens_sha256
        eerste = versies[0]
        acties = set(db.session.scalars(select(AuditEntry.actie)))
        assert {"aanvraag_indienen", "aanvraag_nemen", "aanvraag_adviseren",
                "aanvraag_herindienen", "aanvraag_beslissen"} <= acties
    # the first version stays readable and its bytes match the SHA-256 shown
    r = coord.get(f"/netwerken/{wereld.netwerk_x}/aanvraag/versies/{eerste.id}.pdf")
    assert hashlib.sha256(r.data).hexdigest() == eerste.pdf_sha256
    assert eerste.pdf_sha256 in _pagina(coord, wereld)
    # the two-year term runs from the decision
    dash = coord.get(f"/netwerken/{wereld.netwerk_x}/erkenning").get_data(as_text=True)
    assert "01/03/2028" in dash


def test_steps_out_of_turn_or_by_the_wrong_role_are_refused(app, wereld, login):
    coord, cons = login(wereld.coordinator_x), None
    url = f"/netwerken/{wereld.netwerk_x}/aanvraag"
    # a consultant of another province, a partner, another coordinator: 403
    for wie in (wereld.consultant_ant, wereld.partner_a, wereld.coordinator_y):
        assert login(wie).post(f"{url}/indienen", data={"indienen-toestand": "concept",
                                                        "indienen-version": "0"}).status_code == 403
    # the coordinator may not take or decide
    coord = login(wereld.coordinator_x)
    assert coord.post(f"{url}/nemen").status_code == 403
    assert coord.post(f"{url}/beslissen").status_code == 403
    # a consultant cannot take a concept (422), nor with a stale state (409)
    cons = login(wereld.consultant_ov)
    r = cons.post(f"{url}/nemen", data={"nemen-toestand": "concept", "nemen-version": "0"})
    assert r.status_code == 422 and "Er is nog geen ingediende aanvraag." in r.get_data(True)
    coord = login(wereld.coordinator_x)
    assert _stap(coord, wereld, "indienen").status_code == 302
    r = coord.post(f"{url}/indienen", data={"indienen-toestand": "concept", "indienen-version": "0"})
    assert r.status_code == 409
    assert coord.post(f"{url}/onbekend").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(Aanvraag)).toestand == "ingediend"


def test_dashboard_at_a_past_peildatum_counts_members_and_realisations_of_that_day(
        app, wereld, login):
    """Issue 13 point 5: a member who joined later and an action realised later do not count."""
    from huisvanhetkind.erkenning import operations
    from tests import factories as f
    with app.app_context():
        x = db.session.get(Netwerk, wereld.netwerk_x)
        f.lid(x, f.organisatie("Later lid"), lid_sinds=date(2021, 5, 1))
        operations.nieuwe_actie(wereld.netwerk_x, "E7", beschrijving="Website vertaald",
                                trekker_id=wereld.org_a, deadline=date(2027, 1, 1),
                                status="gerealiseerd", gerealiseerd_op=date(2024, 6, 1))
        db.session.commit()
    client = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/erkenning"

    def stand(op):
        html = client.get(url, query_string={"op": op}).get_data(as_text=True)
        return (re.search(r'id="stand-partners">([^<]+)<', html).group(1),
                re.search(r'id="stand-gerealiseerd">([^<]+)<', html).group(1))

    # Partner A and B joined on 1/1/2024 (the factory's default)
    assert stand("2020-01-01") == ("0 partners", "0 van 1 actie gerealiseerd")
    assert stand("2022-01-01") == ("1 partner", "0 van 1 actie gerealiseerd")
    assert stand("2024-06-01") == ("3 partners", "1 van 1 actie gerealiseerd")
    html = client.get(url, query_string={"op": "2024-06-01"}).get_data(as_text=True)
    assert "gerealiseerd op 01/06/2024" in html


def test_province_overview_shows_aanvraag_review_progress_and_terms_sortable(
        app, wereld, login):
    from huisvanhetkind.erkenning import operations
    with app.app_context():
        db.session.get(Netwerk, wereld.netwerk_x).erkenningsdatum = date(2025, 3, 1)
        operations.review_opmerking(wereld.netwerk_x, "E4", tekst="Goed.", oordeel="akkoord",
                                    auteur_id=wereld.consultant_ov, peildatum=None)
        db.session.commit()
    coord = login(wereld.coordinator_x)
    _stap(coord, wereld, "indienen")
    client = login(wereld.beheerder)
    html = client.get("/overzicht", query_string={"op": "2025-06-01", "sort": "review",
                                                   "richting": "af"}).get_data(as_text=True)
    rijen = re.findall(r'data-kolom="aanvraag"><a [^>]+>([^<]+)<', html)
    assert rijen == ["Ingediend", "Concept"]  # X (1 verdict) before Y (none)
    assert "1 van 19" in html and "01/03/2026" in html and "voortgangsrapport" in html
    html = client.get("/overzicht", query_string={"op": "2026-06-01"}).get_data(as_text=True)
    assert "01/03/2027" in html and "eindrapport en engagementen" in html
    assert client.get("/overzicht", query_string={"op": "gisteren"}).status_code == 400


def test_each_step_notifies_the_other_side_once_and_shows_in_te_doen(app, wereld, login):
    """domein.md §11: a submission reaches the consultants of the province (notification, mail
    in the outbox, 'Te doen'); the advice reaches the coordinator; each step once."""
    from huisvanhetkind.auth.guard import actor_for
    from huisvanhetkind.auth.models import Gebruiker
    from huisvanhetkind.meldingen import te_doen
    from huisvanhetkind.meldingen.models import Melding, UitgaandeMail

    def meldingen(gebruiker_id, gebeurtenis):
        with app.app_context():
            return db.session.scalars(select(Melding.titel).where(
                Melding.gebruiker_id == gebruiker_id, Melding.gebeurtenis == gebeurtenis)).all()

    def doen(gebruiker_id):
        with app.app_context():
            actor = actor_for(db.session.get(Gebruiker, gebruiker_id))
            return [(i.soort, i.endpoint) for i in te_doen.items(actor)]

    coord = login(wereld.coordinator_x)
    assert _stap(coord, wereld, "indienen").status_code == 302
    assert len(meldingen(wereld.consultant_ov, "aanvraag_ingediend")) == 1
    assert meldingen(wereld.consultant_ant, "aanvraag_ingediend") == []  # another province
    assert ("aanvraag", "erkenning.aanvraag") in doen(wereld.consultant_ov)
    assert ("aanvraag", "erkenning.aanvraag") not in doen(wereld.consultant_ant)
    with app.app_context():
        consultant = db.session.get(Gebruiker, wereld.consultant_ov)
        assert db.session.scalar(select(UitgaandeMail).where(
            UitgaandeMail.aan == consultant.email)) is not None

    cons = login(wereld.consultant_ov)
    _stap(cons, wereld, "nemen")
    assert ("aanvraag", "erkenning.aanvraag") in doen(wereld.consultant_ov)  # now: advise
    _stap(cons, wereld, "adviseren", advies="ongunstig", motivatie="E3 ontbreekt.")
    titels = meldingen(wereld.coordinator_x, "aanvraag_stap")
    assert len(titels) == 2 and any("advies" in t.lower() for t in titels)
    assert ("advies", "erkenning.aanvraag") in doen(wereld.coordinator_x)
    assert ("beslissing", "erkenning.aanvraag") in doen(wereld.beheerder)
    assert not [s for s in doen(wereld.consultant_ov) if s[0] == "aanvraag"]

    coord = login(wereld.coordinator_x)
    start = coord.get("/").get_data(as_text=True)
    assert "Advies gegeven</a> (ongunstig)" in start  # the dashboard's aanvraag column
    _stap(coord, wereld, "herindienen", toelichting="E3 toegevoegd.")
    assert len(meldingen(wereld.consultant_ov, "aanvraag_ingediend")) == 2  # one per step
    assert ("advies", "erkenning.aanvraag") not in doen(wereld.coordinator_x)


def test_submitting_freezes_the_pdf_the_coordinator_just_downloaded(app, wereld, login):
    """The dossier of these very facts was rendered already: the submission takes those bytes
    instead of rendering it again in the request."""
    coord = login(wereld.coordinator_x)
    gedownload = coord.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier.pdf")
    assert gedownload.status_code == 200 and gedownload.data.startswith(b"%PDF")
    with app.app_context():  # mark the stored bytes (WeasyPrint renders the same bytes again)
        rij = db.session.scalar(select(DossierPdf))
        rij.pdf = gedownload.data + b"% uit de cache\n"
        db.session.commit()
    assert _stap(coord, wereld, "indienen").status_code == 302
    with app.app_context():
        v = db.session.scalar(select(AanvraagVersie))
        assert v.pdf == gedownload.data + b"% uit de cache\n"
