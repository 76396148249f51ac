"""Erkenning dashboard, peildatum, wat-als, and agreement of dashboard, CLI, API and PDF."""
from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta

import pytest
from tests.sql_count import count_statements

from huisvanhetkind import pipeline
from huisvanhetkind.domein.bundel import wat_als
from huisvanhetkind.domein.peildatum import OngeldigePeildatum, parse_peildatum
from huisvanhetkind.extensions import db
from tests.erkenning_factories import ALLE_IDS, realistisch_netwerk, statussen_in_html


@pytest.fixture
def waasland(app):
    with app.app_context():
        w = realistisch_netwerk()
        db.session.commit()
    return w


def pdf_tekst(data: bytes) -> str:
    from pypdf import PdfReader
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


STATUS_LABEL = {"voldaan": "Voldaan", "niet_voldaan": "Niet voldaan",
                "waarschuwing": "Waarschuwing", "te_controleren": "Te controleren"}


def statussen_in_pdf(tekst: str) -> dict[str, str]:
    """ID → status from the checklist section of the dossier PDF."""
    checklist = tekst[tekst.index("5. Checklist"):tekst.index("6. Lacunes en overlappen")]
    posities = [(m.start(), m.group(1)) for m in re.finditer(r"(?m)^([ES]\d{1,2})\b", checklist)]
    uit = {}
    for i, (start, vid) in enumerate(posities):
        stuk = checklist[start:posities[i + 1][0] if i + 1 < len(posities) else None]
        # case matters: "Voldaan" never matches inside "Niet voldaan"
        gevonden = [s for s, label in STATUS_LABEL.items() if re.search(rf"\b{label}\b", stuk)]
        uit.setdefault(vid, gevonden)
    return {k: v[0] for k, v in uit.items() if len(v) == 1}


# --- dashboard ----------------------------------------------------------------------------------
def test_dashboard_groups_checklist_with_icon_text_and_fix_links(waasland, login):
    client = login(waasland.coordinator)
    r = client.get(f"/netwerken/{waasland.netwerk}/erkenning")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert list(statussen_in_html(html)) == ALLE_IDS
    assert '<h2 class="h4" id="groep-erkenning">Erkenning</h2>' in html
    assert '<h2 class="h4" id="groep-subsidie">Subsidie</h2>' in html
    # status by icon and text, not colour alone
    assert '<span aria-hidden="true">✗</span> Niet voldaan' in html
    assert '<span aria-hidden="true">?</span> Te controleren' in html
    assert "Niet erkenbaar" in html and "Niet subsidieerbaar" in html
    assert 'href="#voorwaarde-E8"' in html  # an open point links to its row
    assert f'/netwerken/{waasland.netwerk}/engagementen#engagement-E8' in html
    assert "zorgregiotabel is nog niet geladen" in html
    assert 'name="partner"' in html  # the wat-als form


def test_the_rows_cells_are_rendered_once_per_network_facts(waasland, app, login, monkeypatch):
    """The cells of a condition's row that follow from the bundle are kept per facts and
    peildatum (erkenning/views.voorwaarde_cellen); a change of facts renders them again."""
    from huisvanhetkind.partners.models import Organisatie

    gerenderd = []
    get_template = app.jinja_env.get_template

    def tel(naam, *args, **kwargs):
        if naam == "erkenning/_voorwaarde_cellen.html":
            gerenderd.append(naam)
        return get_template(naam, *args, **kwargs)
    monkeypatch.setattr(app.jinja_env, "get_template", tel)
    client = login(waasland.coordinator)
    url = f"/netwerken/{waasland.netwerk}/erkenning"
    eerste = client.get(url).get_data(as_text=True)
    tweede = client.get(url).get_data(as_text=True)
    assert len(gerenderd) == 1 and statussen_in_html(tweede) == statussen_in_html(eerste)
    assert list(statussen_in_html(tweede)) == ALLE_IDS
    with app.app_context():
        db.session.get(Organisatie, waasland.temse).sector = "welzijn"  # a fact
        db.session.commit()
    client.get(url)
    assert len(gerenderd) == 2


def test_fix_links_only_to_existing_views_else_network_page(waasland, app, login):
    from huisvanhetkind.erkenning.links import herstel_links
    with app.test_request_context():
        for vid in ALLE_IDS:
            links = herstel_links(vid, waasland.netwerk)
            assert links, vid
            for url, _ in links:
                assert url.startswith(f"/netwerken/{waasland.netwerk}")
        assert app.view_functions.get("erkenning.engagementen")
        if "partners.aanbod_lijst" not in app.view_functions:
            assert herstel_links("E4", waasland.netwerk) == [
                (f"/netwerken/{waasland.netwerk}", "Netwerkgegevens")]


def test_peildatum_on_the_deadline_and_after(waasland, login):
    client = login(waasland.coordinator)
    termijn = waasland.erkend.replace(year=waasland.erkend.year + 2)
    html = client.get(f"/netwerken/{waasland.netwerk}/erkenning").get_data(as_text=True)
    assert f"?op={termijn.isoformat()}" in html and "Op de deadline" in html
    op_termijn = statussen_in_html(client.get(
        f"/netwerken/{waasland.netwerk}/erkenning?op={termijn.isoformat()}").get_data(as_text=True))
    assert op_termijn["E7"] == "waarschuwing"  # the deadline day itself: 0 days left, not realised
    na = statussen_in_html(client.get(
        f"/netwerken/{waasland.netwerk}/erkenning?op={termijn + timedelta(days=1)}")
        .get_data(as_text=True))
    assert na["E7"] == "niet_voldaan" and na["E6"] == "voldaan"


@pytest.mark.parametrize("op", ["morgen", "2026-02-30", "31/31/2026", "2026-13-01"])
def test_invalid_peildatum_gives_dutch_error_not_500(waasland, login, op):
    r = login(waasland.coordinator).get(f"/netwerken/{waasland.netwerk}/erkenning?op={op}")
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    assert "Ongeldige peildatum" in html and "JJJJ-MM-DD" in html
    assert list(statussen_in_html(html)) == ALLE_IDS  # today's state is still shown


def test_parse_peildatum():
    assert parse_peildatum("2026-09-01") == date(2026, 9, 1)
    assert parse_peildatum("01/09/2026") == date(2026, 9, 1)
    assert parse_peildatum("", date(2020, 1, 1)) == date(2020, 1, 1)
    with pytest.raises(OngeldigePeildatum, match="Ongeldige peildatum"):
        parse_peildatum("2026-02-29")


def test_dashboard_access(wereld, login):
    url = f"/netwerken/{wereld.netwerk_x}/erkenning"
    assert login(wereld.partner_a).get(url).status_code == 200
    assert login(wereld.coordinator_y).get(
        f"/netwerken/{wereld.netwerk_x}/erkenning").status_code == 403
    assert login(wereld.beheerder).get("/netwerken/9999/erkenning").status_code == 404


def _count_statements(app, fn):
    return count_statements(fn, app)[1]


def test_dashboard_uses_bounded_sql(app, login):
    with app.app_context():
        klein = realistisch_netwerk(extra_partners=0, naam="Klein")
        groot = realistisch_netwerk(extra_partners=27, naam="Groot")
        db.session.commit()
    tellingen = []
    for w in (klein, groot):
        client = login(w.coordinator)
        client.get(f"/netwerken/{w.netwerk}/erkenning")  # warm-up (session, caches)
        tellingen.append(_count_statements(
            app, lambda: client.get(f"/netwerken/{w.netwerk}/erkenning")))
    assert tellingen[0] == tellingen[1], tellingen


# --- one evaluation, four outputs ---------------------------------------------------------------
def test_dashboard_cli_api_and_pdf_agree(waasland, app, login, runner):
    peil = (date.today() + timedelta(days=300)).isoformat()  # within 90 days of the deadline
    client = login(waasland.coordinator)
    dashboard = statussen_in_html(client.get(
        f"/netwerken/{waasland.netwerk}/erkenning?op={peil}").get_data(as_text=True))
    api = client.get(f"/api/v1/netwerken/{waasland.netwerk}/erkenning?op={peil}").get_json()
    cli = runner.invoke(args=["hvk", "erkenning", "Huis van het Kind Waasland", "--op", peil,
                              "--json"])
    assert cli.exit_code == 0, cli.output
    cli_doc = json.loads(cli.output)
    pdf = client.get(f"/netwerken/{waasland.netwerk}/erkenning/dossier.pdf?op={peil}")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    in_pdf = statussen_in_pdf(pdf_tekst(pdf.data))

    assert cli_doc == api
    assert [v["id"] for v in api["voorwaarden"]] == ALLE_IDS
    from_json = {v["id"]: v["status"] for v in api["voorwaarden"]}
    assert dashboard == from_json == in_pdf
    assert set(from_json.values()) == {"voldaan", "niet_voldaan", "waarschuwing",
                                       "te_controleren"}
    assert from_json["E7"] == "waarschuwing" and api["peildatum"] == peil
    assert api["erkenbaar"] is False and api["netwerk"] == "Huis van het Kind Waasland"


# --- wat als ------------------------------------------------------------------------------------
def test_wat_als_partner_leaves(waasland, login):
    client = login(waasland.coordinator)
    # the former address leads to the one 'wat als' page, query and peildatum kept
    oud = client.get(f"/netwerken/{waasland.netwerk}/erkenning/wat-als?partner={waasland.kg}"
                     "&op=2026-09-01")
    assert oud.status_code == 308 and oud.location.endswith(
        f"/netwerken/{waasland.netwerk}/wat-als?partner={waasland.kg}&op=2026-09-01")
    # url_for's own keywords in the query string steer nothing (were a 500 / another scheme)
    for query in ("_method=POST", "_external=1&_scheme=javascript", "_anchor=x&op=1"):
        oud = client.get(f"/netwerken/{waasland.netwerk}/erkenning/wat-als?{query}")
        assert oud.status_code == 308
        assert oud.location == f"/netwerken/{waasland.netwerk}/wat-als?{query}"
    r = client.get(f"/netwerken/{waasland.netwerk}/wat-als?partner={waasland.kg}")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Zonder Kind en Gezin Waasland" in html
    veranderd = {v: na for v, voor, na in re.findall(
        r'data-voorwaarde="(\w+)" data-voor="(\w+)" data-na="(\w+)"', html) if voor != na}
    assert veranderd["E4"] == "niet_voldaan"  # no consultatiebureau left
    assert veranderd["E5"] == "niet_voldaan"  # its verplicht aanbod is now outside the network
    assert "E3" not in veranderd
    assert "Nieuwe lacunes (0)" in html  # the CAW's aanbod for parents still covers every age
    html = client.get(f"/netwerken/{waasland.netwerk}/wat-als"
                      f"?partner={waasland.spelotheek}").get_data(as_text=True)
    assert "Nieuwe lacunes (2)" in html
    assert re.search(r'Lacunes</th><td class="text-end">51</td><td class="text-end">53</td>', html)
    tabel = html[html.index('id="nieuwe-lacunes"'):]
    assert "Ontmoeting en versterken sociale cohesie</td><td>0 tot 3 jaar" in tabel


def test_wat_als_service_matches_zonder_partner(waasland, app):
    with app.app_context():
        voor = pipeline.bundel(waasland.netwerk)
        wa = wat_als(voor, waasland.temse)
        assert wa.zonder.beoordeling.uitkomst("E3").status == "niet_voldaan"
        assert [v.zonder.id for v in wa.voorwaarden if v.veranderd] == ["E3"]
        with pytest.raises(LookupError):
            wat_als(voor, 999999)


def test_wat_als_unknown_partner_is_404(waasland, login):
    client = login(waasland.coordinator)
    assert client.get(f"/netwerken/{waasland.netwerk}/wat-als?partner=x").status_code == 404
    assert client.get(f"/netwerken/{waasland.netwerk}/wat-als?partner=999999"
                      ).status_code == 404
