"""The HSDS 3.0 API at /api/hsds: every response type validated with jsonschema against the
200-response schema of Open Referral's official OpenAPI document (vendored with the schemas it
references in tests/data/hsds/, nothing fetched), visibility (anonymous: publishing networks only;
a token: what its user may see), the filters, pagination, caching and no contact persons."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from huisvanhetkind.auth.operations import maak_token
from huisvanhetkind.domein import taxonomie as tax
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.export.hsds import term_id, uid
from huisvanhetkind.partners.models import Netwerk
from tests import factories as f

HSDS = Path(__file__).resolve().parent / "data" / "hsds"  # vendored, see tests/data/hsds/LICENCE.md
URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI = "urn:hsds:openapi"


def _registry() -> Registry:
    resources = [(URL + str(p.relative_to(HSDS)), DRAFT202012.create_resource(
        json.loads(p.read_text(encoding="utf-8")))) for p in HSDS.rglob("*.json")
        if p.name != "openapi.json"]
    document = json.loads((HSDS / "openapi.json").read_text(encoding="utf-8"))
    resources.append((OPENAPI, Resource.from_contents(document, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def antwoordschema(pad: str) -> Draft202012Validator:
    """The official 200-response schema of `pad` (a path of the official document)."""
    pointer = pad.replace("~", "~0").replace("/", "~1")
    schema = {"$ref": f"{OPENAPI}#/paths/{pointer}/get/responses/200/content/"
                      "application~1json/schema"}
    if pad == "/service_at_locations/{id}":
        # The official document (3.0, commit 279fd2e) points this one at compiled/service.json,
        # against its own description ("fully nested service_at_location"): we serve, and
        # check, a service_at_location (hsds/openapi.py says so too).
        schema = {"$ref": URL + "compiled/service_at_location.json"}
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())


def geldig(pad: str, doc) -> None:
    fouten = sorted(antwoordschema(pad).iter_errors(doc), key=str)
    assert not fouten, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in fouten[:5])


PAGINA = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
          "contents"}


@pytest.fixture
def publiek(app, wereld):
    """Network X publishes; a's aanbod gets an address and rich codes; Y does not publish."""
    with app.app_context():
        db.session.get(Netwerk, wereld.netwerk_x).publiek = True
        a = db.session.get(f.Organisatie, wereld.org_a)
        a.straat, a.postcode, a.plaats, a.email = "Kerkstraat 1", "9100", "Sint-Niklaas", "a@a.be"
        a.website, a.telefoon = "www.a.be", "03 123 45 67"
        f.aanbod(a, "Babbelbox", aanbodvorm="opvoedingsondersteuning",
                 functies=("gezinsondersteuning",), leeftijdsgroepen=("prenataal", "0-3"),
                 doelgroep="kwetsbaar", werkvormen=("locatie", "online"), gemeenten=("46021",))
        f.aanbod(db.session.get(f.Organisatie, wereld.org_y), "Geheim van Y")
        db.session.commit()
    return wereld


def test_every_response_validates_against_the_official_schemas(client, publiek):
    for pad, url in [("/services", "/api/hsds/services"),
                     ("/services", "/api/hsds/services?full=true"),
                     ("/organizations", "/api/hsds/organizations"),
                     ("/organizations", "/api/hsds/organizations?full_service=true"),
                     ("/service_at_locations", "/api/hsds/service_at_locations"),
                     ("/service_at_locations", "/api/hsds/service_at_locations?full=true"),
                     ("/taxonomies", "/api/hsds/taxonomies"),
                     ("/taxonomy_terms", "/api/hsds/taxonomy_terms"),
                     ("/", "/api/hsds/")]:
        r = client.get(url)
        assert r.status_code == 200, url
        doc = r.get_json()
        geldig(pad, doc)
        if pad != "/":
            assert set(doc) == PAGINA and doc["total_items"] > 0, url
    lijsten = {p: client.get(f"/api/hsds{p}").get_json()["contents"]
               for p in ("/services", "/organizations", "/service_at_locations", "/taxonomies",
                         "/taxonomy_terms")}
    for pad, items in lijsten.items():
        for item in items:
            r = client.get(f"/api/hsds{pad}/{item['id']}")
            assert r.status_code == 200, (pad, item)
            geldig(pad + "/{id}", r.get_json())
    service = client.get(f"/api/hsds/services/{lijsten['/services'][0]['id']}").get_json()
    assert service["organization"]["name"] == "Partner A" and service["attributes"]


def test_anonymous_callers_see_publishing_networks_only_and_no_contact_persons(client, publiek):
    namen = {s["name"] for s in client.get("/api/hsds/services").get_json()["contents"]}
    assert namen == {"Spelotheek A", "Babbelbox"}
    orgs = client.get("/api/hsds/organizations?full=true").get_data(True)
    assert "Partner Y" not in orgs and "Sarah" not in orgs and "sarah@partner-a.be" not in orgs
    assert client.get(f"/api/hsds/organizations/{uid('organisatie', publiek.org_y)}").status_code == 404


def test_a_token_sees_what_its_user_may_see(app, client, publiek):
    with app.app_context():
        _, coord_y = maak_token(publiek.coordinator_y, "t", "lezen")
        _, beheerder = maak_token(publiek.beheerder, "t", "lezen")
        db.session.commit()
    namen = lambda h: {s["name"] for s in client.get(  # noqa: E731
        "/api/hsds/services", headers={"Authorization": f"Bearer {h}"}).get_json()["contents"]}
    assert namen(coord_y) == {"Spelotheek A", "Babbelbox", "Geheim van Y"}  # X publishes
    assert namen(beheerder) == {"Spelotheek A", "Babbelbox", "Geheim van Y"}
    with app.app_context():
        db.session.get(Netwerk, publiek.netwerk_x).publiek = False
        db.session.commit()
    assert namen(coord_y) == {"Geheim van Y"}
    assert client.get("/api/hsds/services").get_json()["contents"] == []
    r = client.get("/api/hsds/services", headers={"Authorization": f"Bearer {coord_y}"})
    assert r.headers["Cache-Control"] == "private, no-store"


def test_filters_and_search(app, client, publiek):
    def namen(query):
        r = client.get(f"/api/hsds/services?{query}")
        assert r.status_code == 200, r.get_json()
        return {s["name"] for s in r.get_json()["contents"]}
    assert namen("search=BABBEL") == {"Babbelbox"}
    assert namen("search=partner%20a") == {"Spelotheek A", "Babbelbox"}
    assert namen(f"taxonomy_term_id={term_id(tax.DOELGROEP, 'kwetsbaar')}") == {"Babbelbox"}
    assert namen(f"taxonomy_term_id={term_id(tax.WERKVORM, 'online')}") == {"Babbelbox"}
    assert namen(f"taxonomy_term_id={term_id(tax.SECTOR, 'welzijn')}") == {"Spelotheek A",
                                                                          "Babbelbox"}
    assert namen("taxonomy_term_id=onbekend") == set()
    assert namen(f"taxonomy_id={uid('taxonomy', 'functie')}") == {"Spelotheek A", "Babbelbox"}
    assert namen(f"organization_id={uid('organisatie', publiek.org_a)}") == {"Spelotheek A",
                                                                            "Babbelbox"}
    assert namen(f"organization_id={uid('organisatie', publiek.org_b)}") == set()
    morgen = (datetime.utcnow() + timedelta(days=1)).isoformat() + "Z"
    assert namen(f"modified_after={morgen}") == set()
    assert namen("modified_after=2000-01-01T00:00:00%2B01:00") == {"Spelotheek A", "Babbelbox"}
    r = client.get("/api/hsds/services?modified_after=gisteren")
    assert r.status_code == 400 and "ISO 8601" in r.get_json()["uitleg"]
    termen = client.get(f"/api/hsds/taxonomy_terms?taxonomy_id={uid('taxonomy', 'werkvorm')}")
    assert {t["code"] for t in termen.get_json()["contents"]} == set(tax.WERKVORM.keys())


def test_pagination_follows_the_page_schema(client, publiek):
    eerste = client.get("/api/hsds/taxonomy_terms?per_page=5").get_json()
    totaal = eerste["total_items"]
    assert eerste["size"] == 5 and eerste["first_page"] and not eerste["last_page"]
    assert eerste["total_pages"] == -(-totaal // 5)
    laatste = client.get(f"/api/hsds/taxonomy_terms?per_page=5&page={eerste['total_pages']}")
    assert laatste.get_json()["last_page"] and not laatste.get_json()["first_page"]
    voorbij = client.get("/api/hsds/services?page=99").get_json()
    assert voorbij["empty"] and voorbij["contents"] == [] and voorbij["page_number"] == 99
    assert client.get("/api/hsds/services?page=0").status_code == 404  # app-wide rule


def test_anonymous_answers_are_cacheable_and_conditional(client, publiek):
    r = client.get("/api/hsds/services")
    assert r.headers["Cache-Control"] == "public, max-age=60"
    assert {"Authorization", "Cookie"} <= set(r.vary)
    assert client.get("/api/hsds/services",
                      headers={"If-None-Match": r.headers["ETag"]}).status_code == 304


def test_anonymous_answers_come_from_the_cache_until_a_publishing_network_changes(
        app, client, publiek):
    """One statement for a repeated anonymous list (the publishing networks' revisies); a change
    to a member's aanbod renews the revisie, so the next answer shows it; 'oudercafe' finds
    'Oudercafé' (the app's one accent-insensitive search)."""
    from tests.sql_count import count_statements
    url = "/api/hsds/services?search=oudercafe"
    assert client.get(url).get_json()["contents"] == []
    with app.app_context():
        f.aanbod(db.session.get(f.Organisatie, publiek.org_a), "Oudercafé")
        db.session.commit()
    eerste, _ = count_statements(lambda: client.get(url), app)
    assert [s["name"] for s in eerste.get_json()["contents"]] == ["Oudercafé"]
    tweede, n = count_statements(lambda: client.get(url), app)
    assert tweede.get_data() == eerste.get_data() and n <= 2  # the key (and a BEGIN)
    with app.app_context():
        db.session.get(Netwerk, publiek.netwerk_x).publiek = False
        db.session.commit()
    assert client.get(url).get_json()["contents"] == []


def test_anonymous_callers_are_rate_limited(app, client, publiek):
    app.config["API_LIMIET_ANONIEM"] = "2 per minute"
    assert [client.get("/api/hsds/taxonomies").status_code for _ in range(3)] == [200, 200, 429]


def test_the_openapi_document_lists_the_official_paths(client):
    doc = client.get("/api/hsds/openapi.json").get_json()
    officieel = json.loads((HSDS / "openapi.json").read_text(encoding="utf-8"))
    assert set(doc["paths"]) == set(officieel["paths"])
    assert doc["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
