"""The nood of a lacune (domein.md §12) and the analyse document with and without indicators."""
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from huisvanhetkind.domein import nood
from huisvanhetkind.domein.bundel import Bundel
from huisvanhetkind.domein.snapshot import BewustNiet, Indicator, Verwijzing
from tests.unit.test_coverage import ALLE_F, DESTELBERGEN, GENT, KIND, aanbod, netwerk

GOUDEN = Path(__file__).parents[1] / "data" / "omgeving" / "analyse_zonder_indicatoren.json"


def _netwerk(indicatoren=()):
    # the network the golden document was written from (before indicators existed)
    n = netwerk(aanbod(1, 1, functies=ALLE_F - {"belangenverdediging", "ontmoeting"}),
                aanbod(2, 2, functies={"belangenverdediging"}, leeftijden=KIND - {"12-18", "0-3"}),
                aanbod(3, 3, functies={"vrije_tijd"}, leeftijden={"3-6"}),
                aanbod(4, 4, functies={"vrije_tijd"}, leeftijden={"3-6"}),
                bewust=(BewustNiet("ontmoeting", "prenataal", GENT, "geen vraag"),))
    return replace(n, verwijzingen=(Verwijzing(1, 2, "doorverwijzing"),
                                    Verwijzing(2, 3, "doorverwijzing")),
                   indicatoren=tuple(indicatoren))


def _json(n) -> str:
    return json.dumps(Bundel(n, date(2026, 1, 1)).analyse_json(), ensure_ascii=False, indent=2)


def test_without_indicators_the_document_is_byte_for_byte_as_before():
    assert _json(_netwerk()) + "\n" == GOUDEN.read_text(encoding="utf-8")


def i(nis, jaar, code, waarde, bron="fictief"):
    return Indicator(nis, jaar, code, waarde, bron)


def test_nood_uses_the_latest_year_and_kansarmoede():
    cijfers = nood.laatste([i(GENT, 2023, "kinderen_0_3", 9000), i(GENT, 2024, "kinderen_0_3", 10000),
                            i(GENT, 2022, "kansarmoede_pct", 50), i(GENT, 2024, "kansarmoede_pct", 20),
                            i(GENT, 2024, "geboorten", 3000)])
    assert nood.nood(cijfers, GENT, "0-3") == 12000.0  # 10000 × 1.20
    assert nood.nood(cijfers, GENT, "prenataal") == 3600.0  # geboorten
    assert nood.nood(cijfers, GENT, "3-6") is None  # no figure
    assert nood.nood(cijfers, DESTELBERGEN, "0-3") is None
    zonder_pct = nood.laatste([i(DESTELBERGEN, 2024, "kinderen_0_3", 500)])
    assert nood.nood(zonder_pct, DESTELBERGEN, "0-3") == 500.0
    assert nood.per_duizend(3, 1500) == 2.0 and nood.per_duizend(3, None) is None


def test_lacunes_carry_nood_and_many_children_outrank_few():
    n = _netwerk([i(GENT, 2024, "kinderen_12_18", 20000), i(DESTELBERGEN, 2024, "kinderen_12_18", 900),
                  i(DESTELBERGEN, 2024, "kinderen_0_3", 600), i(DESTELBERGEN, 2024, "kansarmoede_pct", 10)])
    doc = Bundel(n, date(2026, 1, 1)).analyse_json()
    lacunes = doc["lacunes"]
    assert all("nood" in c for c in lacunes)
    noden = [c["nood"] for c in lacunes]
    bekend = [x for x in noden if x is not None]
    assert noden[:len(bekend)] == sorted(bekend, reverse=True)  # ranked, unknown last
    assert lacunes[0] == {"functie": "ontmoeting", "leeftijdsgroep": "12-18", "gemeente": "Gent",
                          "nood": 20000.0}
    assert {"functie": "ontmoeting", "leeftijdsgroep": "12-18", "gemeente": "Destelbergen",
            "nood": 990.0} in lacunes
    gent_12 = noden.index(20000.0)
    destelbergen_03 = lacunes.index({"functie": "ontmoeting", "leeftijdsgroep": "0-3",
                                     "gemeente": "Destelbergen", "nood": 660.0})
    assert gent_12 < destelbergen_03
    # everything else is the document without indicators
    zonder = json.loads(GOUDEN.read_text(encoding="utf-8"))
    assert {k: v for k, v in doc.items() if k != "lacunes"} == {
        k: v for k, v in zonder.items() if k != "lacunes"}
    assert sorted(json.dumps({k: v for k, v in c.items() if k != "nood"}) for c in lacunes) == \
        sorted(json.dumps(c) for c in zonder["lacunes"])


def test_per_gemeente_and_dossier_section():
    n = _netwerk([i(GENT, 2024, "kinderen_0_3", 1000), i(GENT, 2024, "geboorten", 300),
                  i(GENT, 2024, "kansarmoede_pct", 10)])
    b = Bundel(n, date(2026, 1, 1))
    rijen = {g.naam: g for g in nood.per_gemeente(n, b.lacunes)}
    assert rijen["Gent"].kinderen == 1300 and rijen["Gent"].nood == 1430.0
    assert rijen["Destelbergen"].nood is None and rijen["Destelbergen"].lacunes > 0
    sectie = nood.omgevingsanalyse(n, b.lacunes, top=1)
    assert sectie["heeft_indicatoren"] and len(sectie["lacunes"]) == 1
    # only lacunes with a known nood: Gent's two 0-3 lacunes (1000 × 1.10)
    assert [w for _, w in nood.omgevingsanalyse(n, b.lacunes)["lacunes"]] == [1100.0, 1100.0]
    assert [x.indicator for x in sectie["gemeenten"][1]["indicatoren"]] == [
        "geboorten", "kinderen_0_3", "kansarmoede_pct"]
