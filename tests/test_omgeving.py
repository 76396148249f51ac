"""Omgevingsanalyse (domein.md §12): the indicatoren sheet, nood per lacune, the page."""
from __future__ import annotations

import json
from html import unescape

import pytest
from sqlalchemy import func, select

from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import Indicator
from huisvanhetkind.partners import importer
from huisvanhetkind.partners.models import Netwerk
from tests.io_helpers import csv_bytes, token, upload, werkmap

SINT_NIKLAAS, TEMSE = "46021", "46025"
KOP = ["nis", "jaar", "indicator", "waarde", "bron"]


def indicatoren(*rijen) -> dict[str, list[list]]:
    return {"indicatoren": [KOP, *map(list, rijen)]}


GOED = indicatoren(
    [SINT_NIKLAAS, 2023, "kinderen_0_3", 2500, "Statbel (fictief)"],
    [SINT_NIKLAAS, 2024, "kinderen_0_3", 2600, "Statbel (fictief)"],
    [SINT_NIKLAAS, 2024, "kinderen_12_18", 300, "Statbel (fictief)"],
    [SINT_NIKLAAS, 2024, "kansarmoede_pct", "20,0", "Kind en Gezin (fictief)"],
    ["Temse", 2024, "kinderen_0_3", 100, "Statbel (fictief)"],
    [TEMSE, 2024, "geboorten", 90, ""],
)


def _importeer(app, bladen, netwerk_id, actor=None, dry_run=False):
    with app.app_context():
        rapport = importer.importeer(importer.lees(werkmap(bladen), "i.xlsx"),
                                     netwerk_id=netwerk_id, actor=actor, dry_run=dry_run)
        db.session.commit()
        return rapport


def _aantal(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Indicator))


def test_bad_nis_year_indicator_and_value_are_refused_per_cell(app, wereld):
    slecht = indicatoren(["99999", 2024, "kinderen_0_3", 10, "x"],
                         [SINT_NIKLAAS, "vorig jaar", "kinderen_0_3", 10, "x"],
                         [SINT_NIKLAAS, 2024, "baby's", 10, "x"],
                         [SINT_NIKLAAS, 2024, "kinderen_3_6", "veel", "x"],
                         [SINT_NIKLAAS, 2024, "kansarmoede_pct", 130, "x"],
                         [SINT_NIKLAAS, 2024, "kinderen_6_12", -4, "x"],
                         [TEMSE, 1850, "geboorten", 10, "x"])
    with pytest.raises(importer.ImportGeweigerd) as e:
        importer.lees(werkmap(slecht), "i.xlsx")
    regels = [str(f) for f in e.value.fouten]
    assert regels[0].startswith("indicatoren, rij 2, kolom nis: '99999' is geen Vlaamse of "
                                "Brusselse gemeente")
    assert regels[1].startswith("indicatoren, rij 3, kolom jaar: 'vorig jaar' is geen jaar")
    assert regels[2].startswith("indicatoren, rij 4, kolom indicator: 'baby's' is geen gekende "
                                "indicator")
    assert regels[3] == ("indicatoren, rij 5, kolom waarde: 'veel' is geen getal; schrijf bv. "
                         "1250 of 18,3.")
    assert "rij 7, kolom waarde: de waarde kan niet negatief zijn." in regels[4]
    assert regels[5].startswith("indicatoren, rij 8, kolom jaar: '1850' is geen jaar")
    assert len(regels) == 6  # the percentage above 100 shows once the cells are readable
    with pytest.raises(importer.ImportGeweigerd) as e:
        importer.lees(werkmap(indicatoren([SINT_NIKLAAS, 2024, "kansarmoede_pct", 130, ""],
                                          [SINT_NIKLAAS, 2024, "Kansarmoede_pct", 13, ""])),
                      "i.xlsx")
    assert [str(f) for f in e.value.fouten] == [
        "indicatoren, rij 2, kolom waarde: 'kansarmoede_pct' is een percentage: de waarde ligt "
        "tussen 0 en 100.",
        "indicatoren, rij 3, kolom indicator: dezelfde gemeente, hetzelfde jaar en dezelfde "
        "indicator als rij 2."]


def test_indicators_only_workbook_imports_and_reimport_changes_nothing(app, wereld):
    def revisie(netwerk_id):
        with app.app_context():
            return db.session.scalar(select(Netwerk.revisie).where(Netwerk.id == netwerk_id))
    voor, x = revisie(wereld.netwerk_y), revisie(wereld.netwerk_x)
    rapport = _importeer(app, GOED, wereld.netwerk_x)
    assert rapport.tellingen()["indicatoren"]["nieuw"] == 6 and _aantal(app) == 6
    assert revisie(wereld.netwerk_x) != x  # its municipalities' figures changed: a new revisie
    x = revisie(wereld.netwerk_x)
    rapport = _importeer(app, GOED, wereld.netwerk_x)
    assert revisie(wereld.netwerk_x) == x  # nothing changed, nothing to recompute
    assert rapport.tellingen()["indicatoren"] == {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 6,
                                                  "toestemming": 0}
    assert not rapport.wijzigt_iets and _aantal(app) == 6
    gewijzigd = indicatoren([SINT_NIKLAAS, 2024, "kinderen_0_3", 2700, "Statbel (fictief)"])
    rapport = _importeer(app, gewijzigd, wereld.netwerk_x)
    assert rapport.tellingen()["indicatoren"]["gewijzigd"] == 1 and _aantal(app) == 6
    with app.app_context():
        assert db.session.scalar(select(Indicator.waarde).where(
            Indicator.nis == SINT_NIKLAAS, Indicator.jaar == 2024,
            Indicator.indicator == "kinderen_0_3")) == 2700
    assert revisie(wereld.netwerk_y) == voor  # a network elsewhere keeps its revisie


def test_coordinator_imports_indicators_of_his_own_municipalities_only(app, wereld, login):
    url = f"/netwerken/{wereld.netwerk_x}/import"
    andere = indicatoren([SINT_NIKLAAS, 2024, "geboorten", 700, "x"],
                         ["11002", 2024, "geboorten", 5000, "x"])  # Antwerpen: network Y's
    resp = upload(login(wereld.coordinator_x), url, werkmap(andere), "i.xlsx")
    assert resp.status_code == 422
    html = unescape(resp.get_data(as_text=True))
    assert ("indicatoren, rij 3, kolom nis: Antwerpen hoort niet bij het werkingsgebied van "
            "Huis van het Kind X") in html
    assert _aantal(app) == 0
    client = login(wereld.beheerder)  # the beheerder loads any municipality
    preview = upload(client, url, werkmap(andere), "i.xlsx")
    assert preview.status_code == 200
    resp = client.post(f"{url}/bevestig", data={"token": token(preview.get_data(as_text=True))})
    assert resp.status_code == 302 and _aantal(app) == 2


def test_cli_imports_an_indicators_csv_with_netwerk(app, runner, wereld, tmp_path):
    pad = tmp_path / "indicatoren.csv"
    pad.write_bytes(csv_bytes(GOED["indicatoren"]))
    result = runner.invoke(args=["hvk", "import", str(pad)])
    assert result.exit_code == 1 and "het blad netwerk ontbreekt" in result.output
    result = runner.invoke(args=["hvk", "import", str(pad), "--netwerk", "Huis van het Kind X"])
    assert result.exit_code == 0, result.output
    assert "indicatoren: 6 nieuw" in result.output and _aantal(app) == 6


def test_api_and_cli_rank_lacunes_by_nood_after_import_without_is_unchanged(app, wereld, login,
                                                                           runner):
    client = login(wereld.coordinator_x)
    url = f"/api/v1/netwerken/{wereld.netwerk_x}/analyse"
    zonder = client.get(url).get_json()
    assert zonder["lacunes"] and all("nood" not in c for c in zonder["lacunes"])
    _importeer(app, GOED, wereld.netwerk_x)
    met = client.get(url).get_json()  # the bundle's key changed with the indicators
    lacunes = met["lacunes"]
    assert all("nood" in c for c in lacunes)
    noden = [c["nood"] for c in lacunes]
    bekend = [x for x in noden if x is not None]
    assert noden[:len(bekend)] == sorted(bekend, reverse=True) and noden[len(bekend):] == [
        None] * (len(noden) - len(bekend))
    # Sint-Niklaas 0-3: 2600 (2024, not 2023) × 1.20; it outranks Temse's 100 children of 0-3
    assert lacunes[0]["gemeente"] == "Sint-Niklaas" and lacunes[0]["leeftijdsgroep"] == "0-3"
    assert lacunes[0]["nood"] == 3120.0
    eerste_temse = next(c for c in lacunes if c["gemeente"] == "Temse" and c["leeftijdsgroep"] == "0-3")
    assert eerste_temse["nood"] == 100.0
    assert noden.index(100.0) > noden.index(360.0)  # Sint-Niklaas 12-18: 300 × 1.20
    # the rest of the document is the same as without indicators
    assert {k: v for k, v in met.items() if k != "lacunes"} == {
        k: v for k, v in zonder.items() if k != "lacunes"}
    result = runner.invoke(args=["hvk", "analyse", "Huis van het Kind X", "--json"])
    assert result.exit_code == 0 and json.loads(result.output) == met
    result = runner.invoke(args=["hvk", "analyse", "Huis van het Kind X"])
    assert "hoogste nood eerst:" in result.output
    assert "  Sint-Niklaas: Kinderopvang en basisonderwijs × 0 tot 3 jaar (nood 3.120)\n" \
        in result.output


def test_omgeving_page_chart_and_matrix(app, wereld, login):
    client = login(wereld.consultant_ov)
    leeg = client.get(f"/netwerken/{wereld.netwerk_x}/omgeving")
    assert leeg.status_code == 200
    assert "nog geen indicatoren" in leeg.get_data(as_text=True)
    _importeer(app, GOED, wereld.netwerk_x)
    html = unescape(client.get(f"/netwerken/{wereld.netwerk_x}/omgeving").get_data(as_text=True))
    assert "<svg" in html and "Nood per gemeente in Huis van het Kind X" in html
    assert "Kinderen van 0 tot 3 jaar" in html and "Statbel (fictief)" in html
    assert "verzonnen voor de demo" in html  # sources marked fictief say so
    assert "3.120" in html  # Sint-Niklaas 0-3 in the top lacunes
    svg = client.get(f"/netwerken/{wereld.netwerk_x}/omgeving/nood.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    assert b"Sint-Niklaas" in svg.data and b"Temse" in svg.data
    matrix = unescape(client.get(f"/netwerken/{wereld.netwerk_x}/dekking").get_data(as_text=True))
    assert "nood 3.220" in matrix  # 0-3 over the werkingsgebied: 3,120 + 100 (Temse)
    per = unescape(client.get(f"/netwerken/{wereld.netwerk_x}/dekking?per=1000")
                   .get_data(as_text=True))
    assert "per 1.000 kinderen" in per
    # the dossier carries the same analysis: chart, need per municipality, top lacunes
    dossier = unescape(client.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier")
                       .get_data(as_text=True))
    sectie = dossier.split('id="sectie-omgevingsanalyse"')[1]
    assert 'id="beeld-nood-titel"' in sectie and "3.120" in sectie and "verzonnen voor de demo" in sectie
    pdf = client.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_demo_loads_fictitious_indicators_and_says_so(app, runner, login):
    result = runner.invoke(args=["hvk", "demo"])
    assert result.exit_code == 0 and "fictief" in result.output
    with app.app_context():
        netwerk_id = db.session.scalar(select(Netwerk.id).order_by(Netwerk.id))
        bronnen = set(db.session.scalars(select(Indicator.bron)))
        from huisvanhetkind.auth.models import Gebruiker
        beheerder = db.session.scalar(select(Gebruiker.id).where(Gebruiker.rol == "beheerder"))
        db.session.remove()
    assert bronnen == {"fictief (demo)"} and _aantal(app) > 0
    client = login(beheerder)
    doc = client.get(f"/api/v1/netwerken/{netwerk_id}/analyse").get_json()
    assert doc["lacunes"] and all(c["nood"] is not None for c in doc["lacunes"])
    html = client.get(f"/netwerken/{netwerk_id}/omgeving").get_data(as_text=True)
    assert "verzonnen voor de demo" in html and "fictief (demo)" in html


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_carries_the_indicators_and_imports_again_unchanged(app, runner, wereld, tmp_path,
                                                                   formaat):
    _importeer(app, indicatoren(*GOED["indicatoren"][1:],
                                [TEMSE, 2024, "kansarmoede_pct", "12,345", "Kind en Gezin"]),
               wereld.netwerk_x)
    uit = tmp_path / f"x.{'zip' if formaat == 'csv' else formaat}"
    result = runner.invoke(args=["hvk", "export", "Huis van het Kind X", "--formaat", formaat,
                                 str(uit)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["hvk", "import", str(uit), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "indicatoren: 0 nieuw, 0 gewijzigd, 7 ongewijzigd" in result.output
