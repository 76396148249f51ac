"""Exports, command line and API of the graaf module (issue #5, domein.md §8)."""
import io
import json

import jsonschema
import networkx as nx
import pytest

from huisvanhetkind.api.analyse import ANALYSE
from huisvanhetkind.graaf import export
from tests.graaf_helpers import XSS, xss_partner

ESCAPED = b"&lt;img src=x onerror=alert(1)&gt; href"


@pytest.mark.parametrize("formaat,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_graph_exports_escape_names_and_carry_attributes(app, wereld, login, formaat, reader):
    xss = xss_partner(app, wereld)
    r = login(wereld.partner_a).get(f"/netwerken/{wereld.netwerk_x}/export.{formaat}")
    assert r.status_code == 200 and r.mimetype == export.FORMATEN[formaat]
    assert r.headers["Content-Disposition"] == f'attachment; filename=huis-van-het-kind-x.{formaat}'
    body = r.get_data()
    assert ESCAPED in body and b"<img" not in body
    g = reader(io.BytesIO(body))
    nodes = {str(k): v for k, v in g.nodes(data=True)}
    assert set(nodes) == {str(wereld.org_a), str(wereld.org_b), str(xss)}
    assert nodes[str(xss)]["naam"] == XSS and nodes[str(xss)]["sector"] == "gezondheid"
    assert nodes[str(wereld.org_b)]["naam"] == "Partner B"  # isolated members are nodes too
    edges = {(str(a), str(b), d["soort"]): d for a, b, d in g.edges(data=True)}
    heen = edges[(str(wereld.org_a), str(xss), "doorverwijzing")]
    terug = edges[(str(xss), str(wereld.org_a), "warme_overdracht")]
    assert heen["bevestigd"] is False and heen["aantal"] == 4
    assert terug["bevestigd"] is True and "aantal" not in terug
    assert g.is_directed()


def test_export_for_the_command_line(app, wereld, runner, tmp_path):
    xss_partner(app, wereld)
    for formaat in ("gexf", "graphml"):
        pad = tmp_path / f"x.{formaat}"
        r = runner.invoke(args=["hvk", "export", "Huis van het Kind X", "--formaat", formaat,
                                str(pad)])
        assert r.exit_code == 0, r.output
        assert ESCAPED in pad.read_bytes()
    with pytest.raises(ValueError):
        export.to_bytes(None, "dot")
    assert runner.invoke(args=["hvk", "export", "Huis van het Kind X", "--formaat", "dot",
                               str(tmp_path / "x.dot")]).exit_code != 0


def test_cli_analyse_json_is_the_api_document(app, wereld, runner, login):
    xss_partner(app, wereld)
    r = runner.invoke(args=["hvk", "analyse", "Huis van het Kind X", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    jsonschema.validate(doc, ANALYSE)
    assert doc["netwerk"] == "Huis van het Kind X"
    assert doc["geisoleerd"] == ["Partner B"] and doc["componenten"] == 2
    assert doc["bruggen"] == [[XSS, "Partner A"]]
    assert {"functie": "ontmoeting", "leeftijdsgroep": "0-3", "gemeente": "Temse"} in doc["lacunes"]
    assert doc["overlappen"] == [{"aanbodvorm": "spel_en_ontmoeting", "leeftijdsgroep": "0-3",
                                  "gemeente": "Sint-Niklaas", "aanbod": sorted([XSS, "Spelotheek A"])}]
    api = login(wereld.consultant_ov).get(f"/api/v1/netwerken/{wereld.netwerk_x}/analyse")
    assert api.status_code == 200 and api.get_json() == doc
    # by id, and as text
    tekst = runner.invoke(args=["hvk", "analyse", str(wereld.netwerk_x)])
    assert tekst.exit_code == 0 and "Geïsoleerd (1): Partner B" in tekst.output
    assert "Lacunes (" in tekst.output and XSS in tekst.output
    fout = runner.invoke(args=["hvk", "analyse", "Bestaat niet"])
    assert fout.exit_code != 0 and "niet gevonden" in fout.output


def test_api_refuses_and_documents(wereld, login, client):
    assert client.get(f"/api/v1/netwerken/{wereld.netwerk_x}/analyse").status_code == 401
    c = login(wereld.consultant_ant)
    r = c.get(f"/api/v1/netwerken/{wereld.netwerk_x}/analyse")
    assert r.status_code == 403 and r.get_json()["fout"] == "Geen toegang"
    r = login(wereld.beheerder).get("/api/v1/netwerken/999/analyse")
    assert r.status_code == 404 and r.is_json
    spec = login(wereld.beheerder).get("/api/v1/openapi.json").get_json()
    op = spec["paths"]["/netwerken/{netwerk_id}/analyse"]["get"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Analyse"}
    assert spec["components"]["schemas"]["Analyse"]["required"][:2] == ["netwerk", "geisoleerd"]


def test_hvk_export_writes_gexf_and_graphml(app, wereld, runner, tmp_path):
    xss_partner(app, wereld)
    for formaat, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        uit = tmp_path / f"x.{formaat}"
        r = runner.invoke(args=["hvk", "export", "Huis van het Kind X", "--formaat", formaat,
                                str(uit)])
        assert r.exit_code == 0, r.output
        g = reader(io.BytesIO(uit.read_bytes()))
        assert XSS in {d["naam"] for _, d in g.nodes(data=True)}


def test_export_page_offers_the_graph_formats(app, wereld, login):
    c = login(wereld.coordinator_x)
    page = c.get(f"/netwerken/{wereld.netwerk_x}/export")
    assert page.status_code == 200
    assert "GEXF" in page.get_data(as_text=True)
    r = c.get(f"/netwerken/{wereld.netwerk_x}/export.graphml")
    assert r.status_code == 200 and b"<graphml" in r.get_data()
