"""`flask hvk erkenning` and GET /api/v1/netwerken/<id>/erkenning (domein.md §8)."""
from __future__ import annotations

import json

import pytest

from tests.erkenning_factories import ALLE_IDS


def test_cli_human_table(wereld, runner):
    r = runner.invoke(args=["hvk", "erkenning", "Huis van het Kind X", "--op", "2026-09-01"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Huis van het Kind X — peildatum 01/09/2026")
    regels = r.output.splitlines()
    for vid in ALLE_IDS:
        assert any(regel.startswith(f"{vid:<4} ") for regel in regels), vid
    assert "S1   Niet voldaan" in r.output
    assert "Erkenbaar:      nee" in r.output and "Open punten:" in r.output


def test_cli_json_is_exactly_the_document(wereld, runner, app):
    r = runner.invoke(args=["hvk", "erkenning", str(wereld.netwerk_x), "--json"])
    assert r.exit_code == 0
    doc = json.loads(r.output)  # nothing but the JSON
    assert list(doc) == ["netwerk", "peildatum", "erkenbaar", "subsidieerbaar", "voorwaarden"]
    assert [v["id"] for v in doc["voorwaarden"]] == ALLE_IDS
    assert all({"id", "status", "uitleg"} <= v.keys() for v in doc["voorwaarden"])


@pytest.mark.parametrize("args, boodschap", [
    (["Huis van het Kind X", "--op", "1/2/3"], "Ongeldige peildatum '1/2/3'"),
    (["Bestaat niet"], "Netwerk 'Bestaat niet' niet gevonden."),
])
def test_cli_errors_in_dutch(wereld, runner, args, boodschap):
    r = runner.invoke(args=["hvk", "erkenning", *args])
    assert r.exit_code == 1 and boodschap in r.output


def test_api_document_and_errors(wereld, login):
    client = login(wereld.coordinator_x)
    r = client.get(f"/api/v1/netwerken/{wereld.netwerk_x}/erkenning?op=2026-09-01")
    assert r.status_code == 200 and r.get_json()["peildatum"] == "2026-09-01"
    r = client.get(f"/api/v1/netwerken/{wereld.netwerk_x}/erkenning?op=2026-31-12")
    assert r.status_code == 400 and r.is_json
    assert r.get_json() == {"fout": "Ongeldige peildatum",
                            "uitleg": "Ongeldige peildatum '2026-31-12': gebruik JJJJ-MM-DD, "
                                      "bijvoorbeeld 2026-09-01."}
    r = client.get(f"/api/v1/netwerken/{wereld.netwerk_y}/erkenning")
    assert r.status_code == 403 and r.is_json and r.get_json()["fout"] == "Geen toegang"
    r = login(wereld.beheerder).get("/api/v1/netwerken/9999/erkenning")
    assert r.status_code == 404 and r.is_json


def test_api_needs_login(wereld, client):
    r = client.get(f"/api/v1/netwerken/{wereld.netwerk_x}/erkenning")
    assert r.status_code == 401 and r.is_json


def test_api_and_cli_give_the_same_document(wereld, login, runner):
    api = login(wereld.partner_a).get(
        f"/api/v1/netwerken/{wereld.netwerk_x}/erkenning?op=2027-01-15").get_json()
    cli = json.loads(runner.invoke(args=["hvk", "erkenning", "huis van het kind x", "--op",
                                         "2027-01-15", "--json"]).output)
    assert api == cli


def test_openapi_documents_the_path_and_validates_the_answer(wereld, login):
    import jsonschema
    client = login(wereld.coordinator_x)
    doc = client.get("/api/v1/openapi.json").get_json()
    operatie = doc["paths"]["/netwerken/{netwerk_id}/erkenning"]["get"]
    assert {p["name"] for p in operatie["parameters"]} == {"netwerk_id", "op"}
    assert {"200", "400", "401", "403", "404"} <= operatie["responses"].keys()
    schemas = doc["components"]["schemas"]
    antwoord = client.get(f"/api/v1/netwerken/{wereld.netwerk_x}/erkenning").get_json()
    # the $refs resolve against a root that carries the components
    jsonschema.validate(antwoord, {**schemas["Erkenning"], "components": {"schemas": schemas}})


@pytest.mark.parametrize("gevraagd", ["Huis van het Kind Élan", "huis van het kind élan",
                                      "HUIS VAN HET KIND ÉLAN", "huis van het kind elan",
                                      "  Huis  van het Kind Élan "])
def test_network_names_match_whatever_case_or_accents_on_both_engines(app, runner, gevraagd):
    """SQLite's lower() folds ASCII only: 'Élan' was not found by 'élan' (one normalised
    column, naam_sleutel, is compared on both engines)."""
    from huisvanhetkind.extensions import db
    from tests import factories as f
    with app.app_context():
        f.netwerk("Huis van het Kind Élan")
        db.session.commit()
    r = runner.invoke(args=["hvk", "erkenning", gevraagd, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["netwerk"] == "Huis van het Kind Élan"


def test_name_key_follows_every_rename(app):
    from sqlalchemy import select

    from huisvanhetkind.extensions import db
    from huisvanhetkind.partners.models import Netwerk, Organisatie
    from tests import factories as f
    with app.app_context():
        n = f.netwerk("Huis van het Kind Élan")
        o = f.organisatie("Ökokids VZW")
        db.session.commit()
        n.naam = "ÉÉN Netwerk"
        db.session.commit()
        assert db.session.scalar(select(Netwerk.id).where(Netwerk.met_naam("één netwerk"))) == n.id
        assert db.session.scalar(select(Organisatie.id).where(
            Organisatie.met_naam("OKOKIDS vzw"))) == o.id
