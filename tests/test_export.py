"""Export: .xlsx and .zip of .csv in the import format (round trip), HSDS 3.0 JSON (validated
against the Open Referral schemas), permissions, CLI and bounded SQL."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from sqlalchemy import select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.erkenning.models import Actie, Engagement
from huisvanhetkind.extensions import db
from huisvanhetkind.partners import importer
from huisvanhetkind.domein import kbo
from huisvanhetkind.partners.export import FORMATEN
from huisvanhetkind.partners.export.hsds import document
from huisvanhetkind.partners.models import Lidmaatschap, Netwerk, Organisatie
from tests import factories as f
from tests.sql_count import count_statements
from tests.io_helpers import dump, tellingen

HSDS = Path(__file__).resolve().parent / "data" / "hsds"  # vendored, see tests/data/hsds/LICENCE.md
GEVAARLIJK = "=HYPERLINK(\"http://kwaad.example\",\"klik\")"


def _vul(netwerk_id: int) -> None:
    """Network X made richer: keys, KBO, codes, dates, referrals, engagements, hostile text."""
    n = db.session.get(Netwerk, netwerk_id)
    n.rechtsvorm, n.aanvraagdatum, n.coordinator_email = "vzw", date(2024, 1, 15), "c@x.be"
    leden = db.session.scalars(select(Lidmaatschap).where(
        Lidmaatschap.netwerk_id == netwerk_id)).all()
    leden[0].sleutel = "a"
    orgs = [f.organisatie(GEVAARLIJK, sector="lokaal_bestuur", gemeenten=("46021", "46025"),
                          email="=x@y.be"),
            f.organisatie("@Crèche Élise", sector="kinderopvang", kbo=f.kbo_nummer(5550001),
                          straat="Kerkstraat 1", postcode="9100", plaats="Sint-Niklaas",
                          website="www.elise.be", telefoon="03 123 45 67"),
            f.organisatie("-Min en plus", sector="middenveld", gemeenten=())]
    for i, o in enumerate(orgs):
        f.lid(n, o, sleutel=None if i else "+gevaar", overeenkomst_getekend=bool(i % 2),
              lid_sinds=date(2023, 9, 1) if i else None)
    f.aanbod(orgs[1], "Babyhuisje", aanbodvorm="spel_en_ontmoeting", sleutel="bh",
             functies=("ontmoeting", "vrije_tijd"), leeftijdsgroepen=("0-3", "ouders"),
             doelgroep="beide", werkvormen=("locatie", "online"), gemeenten=("46025",),
             laagdrempelig=True)
    f.aanbod(orgs[0], "=SUM(A1)", aanbodvorm="consultatiebureau", verplicht_kg=True,
             functies=("gezinsondersteuning",), leeftijdsgroepen=("prenataal", "0-3"))
    f.verwijzing(orgs[0], orgs[1], "warme_overdracht", aantal_per_jaar=12,
                 sinds=date(2022, 5, 1), bevestigd=True)
    f.verwijzing(orgs[1], orgs[0], "doorverwijzing")
    e = Engagement(netwerk_id=netwerk_id, voorwaarde="E9")
    db.session.add(e)
    db.session.flush()
    db.session.add(Actie(engagement_id=e.id, netwerk_id=netwerk_id, beschrijving="Casusoverleg",
                         trekker_id=orgs[1].id, deadline=date(2026, 6, 30), status="lopend",
                         bewijs="-verslag"))
    db.session.add(Engagement(netwerk_id=netwerk_id, voorwaarde="S2"))
    db.session.commit()


@pytest.mark.parametrize("formaat, naam", [("xlsx", "x.xlsx"), ("csv", "x.zip")])
def test_export_then_import_into_the_same_network_changes_nothing(app, wereld, formaat, naam):
    with app.app_context():
        _vul(wereld.netwerk_x)
        data = FORMATEN[formaat].maak(wereld.netwerk_x)
        voor, voor_dump = tellingen(), dump(wereld.netwerk_x)
        rapport = importer.importeer(importer.lees(data, naam), netwerk_id=wereld.netwerk_x)
        assert not rapport.wijzigt_iets, rapport.regels()
        assert tellingen() == voor and dump(wereld.netwerk_x) == voor_dump


def test_round_trip_into_a_new_network_gives_the_same_data(app, wereld):
    with app.app_context():
        _vul(wereld.netwerk_x)
        data = FORMATEN["csv"].maak(wereld.netwerk_x)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            bestanden = {n: zf.read(n) for n in zf.namelist()}
        bestanden["netwerk.csv"] = bestanden["netwerk.csv"].replace(
            b"Huis van het Kind X", b"Kopie van X")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for n, inhoud in bestanden.items():
                zf.writestr(n, inhoud)
        rapport = importer.importeer(importer.lees(buffer.getvalue(), "kopie.zip"))
        assert rapport.nieuw_netwerk
        assert dump(rapport.netwerk_id) == dump(wereld.netwerk_x)
        kopie = dump(rapport.netwerk_id)
        assert any(p[0] == GEVAARLIJK and p[5] == "=x@y.be" for p in kopie["partners"])


def test_cells_that_start_a_formula_are_neutralised(app, wereld):
    with app.app_context():
        _vul(wereld.netwerk_x)
        wb = openpyxl.load_workbook(io.BytesIO(FORMATEN["xlsx"].maak(wereld.netwerk_x)))
        namen = [r[1] for r in wb["partners"].iter_rows(min_row=2, values_only=True) if r[1]]
        assert "'" + GEVAARLIJK in namen and "'@Crèche Élise" in namen
        assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
        with zipfile.ZipFile(io.BytesIO(FORMATEN["csv"].maak(wereld.netwerk_x))) as zf:
            partners = zf.read("partners.csv").decode("utf-8-sig")
            aanbod = zf.read("aanbod.csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in partners and "'+gevaar" in partners and "'-Min en plus" in partners
    assert ";'=SUM(A1);" in aanbod
    assert not any(line.startswith(("=", "+", "-", "@")) for line in partners.splitlines())


def _validator(naam: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (p.name, DRAFT202012.create_resource(json.loads(p.read_text(encoding="utf-8"))))
        for p in HSDS.glob("*.json"))
    schema = json.loads((HSDS / naam).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def test_hsds_export_validates_against_the_hsds_3_schemas(app, wereld):
    with app.app_context():
        _vul(wereld.netwerk_x)
        doc = json.loads(FORMATEN["hsds"].maak(wereld.netwerk_x))
        tweede = FORMATEN["hsds"].maak(wereld.netwerk_x)
    assert json.loads(tweede) == doc  # stable ids: repeated exports are identical
    organisatie = _validator("compiled/organization.json")
    for org in doc["organizations"]:
        errors = sorted(organisatie.iter_errors(org), key=str)
        assert not errors, [e.message for e in errors]
    # the validator does check: a broken organisation fails
    assert list(organisatie.iter_errors({**doc["organizations"][0], "id": "x", "email": "nee"}))
    checks = {"taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json"}
    for key, schema in checks.items():
        v = _validator(schema)
        for item in doc[key]:
            assert not list(v.iter_errors(item)), item
    service = _validator("compiled/service.json")
    location = _validator("location.json")
    ident = _validator("organization_identifier.json")
    attribute = _validator("attribute.json")
    sal = _validator("compiled/service_at_location.json")
    for org in doc["organizations"]:
        for s in org["services"]:
            assert not list(service.iter_errors(s)), s
            for a in s["attributes"]:
                assert not list(attribute.iter_errors(a))
            for x in s.get("service_at_locations", []):
                assert not list(sal.iter_errors(x))
        for loc in org.get("locations", []):
            assert not list(location.iter_errors(loc))
        for i in org.get("organization_identifiers", []):
            assert not list(ident.iter_errors(i))

    elise = next(o for o in doc["organizations"] if o["name"] == "@Crèche Élise")
    assert elise["organization_identifiers"][0]["identifier"] == kbo.formatted(
        f.kbo_nummer(5550001))
    assert elise["website"] == "https://www.elise.be"
    (baby,) = elise["services"]
    term_ids = {t["id"]: (t["taxonomy"], t["code"]) for t in doc["taxonomy_terms"]}
    codes = {term_ids[a["taxonomy_term_id"]] for a in baby["attributes"]}
    assert {("Aanbodvorm", "spel_en_ontmoeting"), ("Functie", "vrije_tijd"),
            ("Leeftijdsgroep", "ouders"), ("Doelgroep", "beide"), ("Werkvorm", "online")} <= codes
    assert baby["service_areas"][0]["name"] == "Temse"
    assert baby["service_at_locations"][0]["location_id"] == elise["locations"][0]["id"]
    assert {t["name"] for t in doc["taxonomies"]} >= {"Aanbodvorm", "Functie", "Leeftijdsgroep",
                                                       "Doelgroep", "Werkvorm"}


def test_hsds_only_has_active_members(app, wereld):
    with app.app_context():
        m = db.session.scalar(select(Lidmaatschap).where(
            Lidmaatschap.organisatie_id == wereld.org_b))
        m.lid_tot = date(2024, 1, 1)
        db.session.commit()
        doc = document(wereld.netwerk_x)
    assert [o["name"] for o in doc["organizations"]] == ["Partner A"]


@pytest.mark.parametrize("wie, status", [("beheerder", 200), ("coordinator_x", 200),
                                         ("consultant_ov", 200), ("consultant_ant", 403),
                                         ("coordinator_y", 403), ("partner_a", 403)])
def test_who_may_export(wereld, login, wie, status):
    client = login(getattr(wereld, wie))
    assert client.get(f"/netwerken/{wereld.netwerk_x}/export").status_code == status
    assert client.get(f"/netwerken/{wereld.netwerk_x}/export.hsds").status_code == status


def test_export_downloads_are_files_and_logged(app, wereld, login):
    client = login(wereld.consultant_ov)
    page = client.get(f"/netwerken/{wereld.netwerk_x}/export").get_data(as_text=True)
    for formaat in FORMATEN:
        assert f"/netwerken/{wereld.netwerk_x}/export.{formaat}" in page
    resp = client.get(f"/netwerken/{wereld.netwerk_x}/export.xlsx")
    assert resp.status_code == 200
    assert 'filename=huis-van-het-kind-x.xlsx' in resp.headers["Content-Disposition"]
    assert openpyxl.load_workbook(io.BytesIO(resp.data)).sheetnames[0] == "netwerk"
    resp = client.get(f"/netwerken/{wereld.netwerk_x}/export.csv")
    assert resp.mimetype == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(resp.data)).namelist() == [
        "netwerk.csv", "partners.csv", "aanbod.csv", "verwijzingen.csv", "engagementen.csv",
        "indicatoren.csv"]
    assert client.get(f"/netwerken/{wereld.netwerk_x}/export.pdf").status_code == 404
    with app.app_context():
        events = db.session.scalars(select(AuditEntry).where(AuditEntry.actie == "export")).all()
        assert len(events) == 2 and events[0].gebruiker == "cons-ov@test.be"


def test_cli_export_in_three_formats(app, runner, wereld, tmp_path):
    for formaat, ext in (("xlsx", "xlsx"), ("csv", "zip"), ("hsds", "json")):
        uit = tmp_path / f"x.{ext}"
        result = runner.invoke(args=["hvk", "export", "Huis van het Kind X", "--formaat", formaat,
                                     str(uit)])
        assert result.exit_code == 0, result.output
        assert uit.stat().st_size > 0
    result = runner.invoke(args=["hvk", "export", "Huis van het Kind X", "--formaat", "pdf",
                                 str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and "kies uit xlsx, csv, hsds, gexf, graphml" in result.output
    # the exported csv imports back through the command line without changes
    result = runner.invoke(args=["hvk", "import", str(tmp_path / "x.zip"), "--dry-run"])
    assert result.exit_code == 0 and "0 nieuw, 0 gewijzigd" in result.output


def _count_queries(fn):
    return count_statements(fn)[1]


def _netwerk(naam: str, n: int) -> int:
    net = f.netwerk(naam)
    orgs = [f.organisatie(f"{naam} {i}") for i in range(n)]
    for i, o in enumerate(orgs):
        f.lid(net, o)
        f.aanbod(o)
        if i:
            f.verwijzing(orgs[i - 1], o)
    db.session.commit()
    return net.id


@pytest.mark.parametrize("formaat", list(FORMATEN))
def test_export_uses_a_bounded_number_of_queries(app, formaat):
    from huisvanhetkind import cache

    with app.app_context():
        klein, groot = _netwerk("Klein", 3), _netwerk("Groot", 30)
        # cold, whatever ran before: a bundle and its graph measures are each looked up, claimed,
        # computed and kept (upsert and prune) on top of reading the facts
        cache.clear()
        db.session.expunge_all()
        few = _count_queries(lambda: FORMATEN[formaat].maak(klein))
        db.session.expunge_all()
        many = _count_queries(lambda: FORMATEN[formaat].maak(groot))
    assert many == few and many <= 20


def test_same_export_twice_is_byte_identical_for_csv(app, wereld):
    with app.app_context():
        assert FORMATEN["csv"].maak(wereld.netwerk_x) == FORMATEN["csv"].maak(wereld.netwerk_x)
        assert db.session.scalar(select(Organisatie.id).where(Organisatie.naam == "Partner A"))
