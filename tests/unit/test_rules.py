"""Unit tests of the erkenning/subsidie rules engine (domein.md §4). Plain data, no Flask."""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest

from huisvanhetkind.domein import beoordeling
from huisvanhetkind.domein.beoordeling import (NIET_VOLDAAN, TE_CONTROLEREN, VOLDAAN, WAARSCHUWING, deadline, evaluate)
from huisvanhetkind.domein.taxonomie import ENGAGEMENTEN
from huisvanhetkind.domein.snapshot import (Aanbod, Actie, AnderNetwerk, Deel, Netwerk, Partner, Verwijzing)

TEMSE, SINT_NIKLAAS, BEVEREN = "46025", "46021", "46030"
PEIL = date(2025, 6, 1)
ALLE_IDS = [f"E{i}" for i in range(1, 13)] + [f"S{i}" for i in range(1, 8)]


# --- factories ---------------------------------------------------------------------------------
def partner(id, sector="welzijn", gemeenten=(TEMSE, SINT_NIKLAAS), getekend=True, naam=None):
    return Partner(id, naam or f"Partner {id}", sector, frozenset(gemeenten), getekend)


def aanbod(id, partner_id, vorm, gemeenten=(), **kw):
    return Aanbod(id, partner_id, kw.pop("naam", f"Aanbod {id}"), vorm,
                  gemeenten=frozenset(gemeenten), **kw)


def actie(voorwaarde, status="gerealiseerd", trekker=1, dl=PEIL + timedelta(days=30), id=0):
    return Actie(id, voorwaarde, f"Actie {voorwaarde}", trekker, dl, status)


def volledig(**kw) -> Netwerk:
    """A network that meets every condition at PEIL (deadline 1 september 2026)."""
    basis = Netwerk(
        id=1, naam="Huis van het Kind Waasland", rechtsvorm="vzw",
        erkenningsdatum=date(2024, 9, 1), coordinator_email="coord@hvk.be",
        werkingsgebied=(Deel(TEMSE), Deel(SINT_NIKLAAS)),
        partners=(partner(1, "lokaal_bestuur", [TEMSE], naam="Gemeente Temse"),
                  partner(2, "lokaal_bestuur", [SINT_NIKLAAS], naam="Stad Sint-Niklaas"),
                  partner(3, "kind_en_gezin", naam="Kind en Gezin"),
                  partner(4, "welzijn", naam="CAW")),
        aanbod=(aanbod(1, 3, "consultatiebureau", [TEMSE]),
                aanbod(2, 4, "opvoedingsondersteuning", laagdrempelig=True, doelgroep="beide"),
                aanbod(3, 1, "spel_en_ontmoeting", laagdrempelig=True)),
        verwijzingen=(Verwijzing(3, 4, "doorverwijzing"),),
        acties=tuple(actie(v, id=i) for i, v in enumerate(ENGAGEMENTEN)),
        zorgregio={TEMSE: "Waasland", SINT_NIKLAAS: "Waasland"},
    )
    return replace(basis, **kw)


def status(netwerk, id, peildatum=PEIL, **kw):
    return evaluate(netwerk, peildatum, **kw).uitkomst(id)


# --- overall -----------------------------------------------------------------------------------
def test_complete_network_meets_everything():
    b = evaluate(volledig(), PEIL)
    assert {u.id: u.status for u in b.uitkomsten} == dict.fromkeys(ALLE_IDS, VOLDAAN)
    assert b.erkenbaar and b.subsidieerbaar and b.open_punten == ()


def test_registry_order_and_metadata():
    assert [v.id for v in beoordeling.VOORWAARDEN] == ALLE_IDS
    for v in beoordeling.VOORWAARDEN:
        assert v.titel and v.bron and v.soort == ("erkenning" if v.id[0] == "E" else "subsidie")


def test_to_json_has_every_id_once():
    doc = json.loads(json.dumps(evaluate(volledig(rechtsvorm="geen"), PEIL).to_json("HvK")))
    assert doc["netwerk"] == "HvK" and doc["peildatum"] == "2025-06-01"
    assert doc["erkenbaar"] is True and doc["subsidieerbaar"] is False
    assert [v["id"] for v in doc["voorwaarden"]] == ALLE_IDS
    assert all({"id", "status", "uitleg"} <= v.keys() for v in doc["voorwaarden"])


def test_rechtsvorm_geen_fails_s1_only():
    b = evaluate(volledig(rechtsvorm="geen"), PEIL)
    assert [u.id for u in b.uitkomsten if u.status != VOLDAAN] == ["S1"]
    assert b.erkenbaar and not b.subsidieerbaar and b.open_punten == (b.uitkomst("S1"),)


@pytest.mark.parametrize("rechtsvorm", ["vzw", "feitelijke_vereniging"])
def test_s1_accepted_forms(rechtsvorm):
    assert status(volledig(rechtsvorm=rechtsvorm), "S1").status == VOLDAAN


# --- E1 ----------------------------------------------------------------------------------------
def test_e1_lists_missing_fields():
    u = status(volledig(naam=" ", coordinator_email="", partners=()), "E1")
    assert u.status == NIET_VOLDAAN
    assert "naam" in u.uitleg and "coördinator" in u.uitleg and "partner" in u.uitleg
    assert "werkingsgebied" not in u.uitleg


# --- E2 ----------------------------------------------------------------------------------------
def test_e2_empty_and_invalid():
    assert status(volledig(werkingsgebied=()), "E2").status == NIET_VOLDAAN
    u = status(volledig(werkingsgebied=(Deel(TEMSE), Deel("99999"))), "E2")
    assert u.status == NIET_VOLDAAN and "99999" in u.uitleg


@pytest.mark.parametrize("eigen, hun, conflict", [
    (None, None, True),                   # whole on both sides
    (None, "Elversele", True),            # whole here, a part there
    ("Tielrode", None, True),             # a part here, whole there
    ("Tielrode", "tielrode", True),       # the same part (case-insensitive)
    ("Tielrode", "Elversele", False),     # distinct parts: allowed
])
def test_e2_shared_municipality(eigen, hun, conflict):
    ander = AnderNetwerk("HvK Buur", (Deel(TEMSE, hun),))
    n = volledig(werkingsgebied=(Deel(TEMSE, eigen), Deel(SINT_NIKLAAS)), andere_netwerken=(ander,))
    u = status(n, "E2")
    assert (u.status == NIET_VOLDAAN) is conflict
    if conflict:
        assert "Temse" in u.uitleg and "HvK Buur" in u.uitleg


def test_e2_zorgregio_table_not_loaded_is_te_controleren():
    b = evaluate(volledig(zorgregio=None), PEIL)
    u = b.uitkomst("E2")
    assert u.status == TE_CONTROLEREN and "zorgregiotabel is nog niet geladen" in u.uitleg
    assert b.erkenbaar and b.open_punten == (u,)


def test_e2_two_zorgregios_fail_and_missing_entry_is_te_controleren():
    u = status(volledig(zorgregio={TEMSE: "Waasland", SINT_NIKLAAS: "Gent"}), "E2")
    assert u.status == NIET_VOLDAAN and "meer dan één zorgregio" in u.uitleg
    u = status(volledig(zorgregio={TEMSE: "Waasland"}), "E2")
    assert u.status == TE_CONTROLEREN and "Sint-Niklaas" in u.uitleg


# --- E3 ----------------------------------------------------------------------------------------
def test_e3_municipality_without_lokaal_bestuur():
    n = volledig(werkingsgebied=(Deel(TEMSE), Deel(SINT_NIKLAAS), Deel(BEVEREN)),
                 zorgregio=None)
    u = status(n, "E3")
    assert u.status == NIET_VOLDAAN
    assert u.details == ("Beveren-Kruibeke-Zwijndrecht: geen lid van sector lokaal bestuur.",)


def test_e3_member_without_signed_agreement():
    partners = (partner(1, "lokaal_bestuur", [TEMSE], getekend=False, naam="Gemeente Temse"),
                *volledig().partners[1:])
    u = status(volledig(partners=partners), "E3")
    assert u.status == NIET_VOLDAAN
    assert u.uitleg.startswith("Geen getekende overeenkomst met het lokaal bestuur van Temse.")
    assert "lokaal bestuur is lid (Gemeente Temse) maar de overeenkomst is niet getekend" \
        in u.uitleg


def test_e3_lokaal_bestuur_must_serve_the_municipality():
    partners = (partner(1, "lokaal_bestuur", [], naam="Gemeente Temse"), *volledig().partners[1:])
    assert "Temse: geen lid" in status(volledig(partners=partners), "E3").uitleg


# --- E4 ----------------------------------------------------------------------------------------
def test_e4_same_vorm_counts_once():
    n = volledig(aanbod=(aanbod(1, 3, "consultatiebureau"), aanbod(2, 4, "opvoedingsondersteuning"),
                         aanbod(3, 1, "opvoedingsondersteuning")))
    u = status(n, "E4")
    assert u.status == NIET_VOLDAAN and "1 andere vorm" in u.uitleg


def test_e4_consultatiebureau_outside_werkingsgebied_fails():
    n = volledig(aanbod=(aanbod(1, 3, "consultatiebureau", [BEVEREN]), *volledig().aanbod[1:]))
    u = status(n, "E4")
    assert u.status == NIET_VOLDAAN and "consultatiebureau" in u.uitleg.lower()


def test_e4_other_pgo_outside_area_or_non_pgo_does_not_count():
    n = volledig(aanbod=(aanbod(1, 3, "consultatiebureau"), aanbod(2, 4, "inloopteam"),
                         aanbod(3, 4, "onderwijskansen", [BEVEREN]), aanbod(4, 4, "kinderopvang")))
    assert status(n, "E4").status == NIET_VOLDAAN


def test_e4_missing_pillar_is_only_a_warning():
    n = volledig(aanbod=(aanbod(1, 3, "consultatiebureau"), aanbod(2, 4, "opvoedingsondersteuning"),
                         aanbod(3, 4, "inloopteam")))
    u = status(n, "E4")
    assert u.status == WAARSCHUWING and "Spel en ontmoeting" in u.uitleg


# --- E5 ----------------------------------------------------------------------------------------
def test_e5_non_member_verplicht_aanbod_fails():
    buiten = aanbod(9, 99, "consultatiebureau", [TEMSE], naam="CB Temse", verplicht_kg=True,
                    partner_naam="Kind en Gezin Oost")
    u = status(volledig(verplicht_kg_buiten=(buiten,)), "E5")
    assert u.status == NIET_VOLDAAN and "'CB Temse' van Kind en Gezin Oost" in u.uitleg


def test_e5_partner_leaving_with_verplicht_aanbod():
    n = volledig(aanbod=(replace(volledig().aanbod[0], verplicht_kg=True), *volledig().aanbod[1:]))
    assert status(n, "E5").status == VOLDAAN
    assert status(n.zonder_partner(3), "E5").status == NIET_VOLDAAN


# --- deadline and engagement rule --------------------------------------------------------------
def test_deadline_recognised_or_not_and_29_february():
    assert deadline(volledig(), PEIL) == date(2026, 9, 1)
    assert deadline(volledig(erkenningsdatum=None), PEIL) == date(2027, 6, 1)
    assert deadline(volledig(erkenningsdatum=date(2024, 2, 29)), PEIL) == date(2026, 2, 28)
    assert deadline(volledig(erkenningsdatum=None), date(2028, 2, 29)) == date(2030, 2, 28)


def engagement(dagen_tot_deadline, status_, trekker=1, dl=None):
    """E7 at a peildatum `dagen_tot_deadline` days before the deadline (negative: after)."""
    erkend = date(2024, 3, 15)
    termijn = deadline(volledig(erkenningsdatum=erkend), PEIL)
    peil = termijn - timedelta(days=dagen_tot_deadline)
    n = volledig(erkenningsdatum=erkend, acties=(actie("E7", status_, trekker, dl or termijn),))
    return status(n, "E7", peil)


def test_engagement_not_taken():
    u = status(volledig(acties=()), "E7")
    assert u.status == NIET_VOLDAAN and "niet opgenomen" in u.uitleg
    assert u.deadline == date(2026, 9, 1) and u.dagen_resterend == 457


@pytest.mark.parametrize("trekker, dl", [(None, date(2026, 1, 1)), (1, None),
                                         (1, date(2026, 9, 2))])
def test_action_without_trekker_or_in_time_deadline_does_not_count(trekker, dl):
    u = status(volledig(acties=(actie("E7", "gerealiseerd", trekker, dl),)), "E7")
    assert u.status == NIET_VOLDAAN and "telt niet mee" in u.details[0]


@pytest.mark.parametrize("dagen, status_, verwacht", [
    (91, "gepland", VOLDAAN), (90, "gepland", WAARSCHUWING), (0, "lopend", WAARSCHUWING),
    (-1, "lopend", NIET_VOLDAAN), (-1, "gerealiseerd", VOLDAAN), (0, "gerealiseerd", VOLDAAN),
])
def test_engagement_boundaries(dagen, status_, verwacht):
    u = engagement(dagen, status_)
    assert (u.status, u.dagen_resterend) == (verwacht, dagen)
    if verwacht == NIET_VOLDAAN:
        assert "termijn van twee jaar verstreken" in u.uitleg
    if status_ != "gerealiseerd" and verwacht == VOLDAAN:
        assert "lopend" in u.uitleg
    if verwacht == WAARSCHUWING:
        assert u.uitleg == f"Engagement E7: nog {dagen} dagen, geen gerealiseerde actie."


# --- extra signals E8, E9, S2 ------------------------------------------------------------------
def test_e8_warns_without_kwetsbaar_aanbod_but_keeps_niet_voldaan():
    zonder = tuple(replace(a, doelgroep="universeel") for a in volledig().aanbod)
    u = status(volledig(aanbod=zonder), "E8")
    assert u.status == WAARSCHUWING and "kwetsbare" in u.uitleg
    acties = tuple(a for a in volledig().acties if a.voorwaarde != "E8")
    assert status(volledig(aanbod=zonder, acties=acties), "E8").status == NIET_VOLDAAN


def test_e9_warns_when_consultatiebureau_partner_is_unlinked():
    assert status(volledig(verwijzingen=(Verwijzing(3, 3, "samenwerking"),)),
                  "E9").status == WAARSCHUWING
    assert status(volledig(verwijzingen=(Verwijzing(4, 3, "warme_overdracht"),)),
                  "E9").status == VOLDAAN


@dataclass(frozen=True)
class Lacune:
    functie: str
    leeftijdsgroep: str
    nis: str


def test_s2_lists_lacunes_and_overlaps_while_not_realised():
    lacunes = [Lacune("vrije_tijd", "6-12", TEMSE)] * 6
    overlap = {"aanbodvorm": "spel_en_ontmoeting", "leeftijdsgroep": "0-3",
               "gemeente": "Temse", "aanbod": ["A", "B"]}
    gepland = volledig(acties=(*volledig().acties[:7], actie("S2", "gepland")))
    u = status(gepland, "S2", lacunes=lacunes, overlappen=[overlap])
    assert u.status == WAARSCHUWING and "6 lacunes en 1 overlap" in u.uitleg
    assert "en 2 meer" in u.uitleg
    assert "Overlap: Spel en ontmoeting 0 tot 3 jaar in Temse (A, B)" in u.details
    assert any(d.startswith("Lacune: Spel, vrije tijd") and d.endswith("in Temse")
               for d in u.details)
    assert status(volledig(), "S2", lacunes=lacunes).status == VOLDAAN
    assert status(gepland, "S2").status == VOLDAAN


# --- S7 ----------------------------------------------------------------------------------------
def test_s7_lists_subsidiebestemmingen_in_order():
    u = status(volledig(), "S7")
    assert u.details == ("Opvoedingsondersteuning", "Spel en ontmoeting")
    niet = tuple(replace(a, laagdrempelig=False) for a in volledig().aanbod)
    assert status(volledig(aanbod=niet), "S7").status == NIET_VOLDAAN


# --- purity ------------------------------------------------------------------------------------


# --- added with the erkenning screens ----------------------------------------------------------
def test_action_with_deadline_exactly_today_counts():
    n = volledig(erkenningsdatum=None, acties=(actie("E7", "gepland", dl=PEIL),))
    u = status(n, "E7")
    assert u.status == VOLDAAN and "lopend" in u.uitleg and u.dagen_resterend == 730


def test_trekker_must_be_a_current_member():
    u = status(volledig(acties=(actie("E7", "gerealiseerd", trekker=99),)), "E7")
    assert u.status == NIET_VOLDAAN and "geen lid (meer)" in u.details[0]


def test_s2_describes_coverage_lacunes_and_overlaps():
    from huisvanhetkind.domein.dekking import Lacune as CLacune, Overlap
    overlap = Overlap("spel_en_ontmoeting", "0-3", TEMSE, (1, 2), ("Babyhuis", "Kruimel"))
    gepland = volledig(acties=(*volledig().acties[:7], actie("S2", "gepland")))
    u = status(gepland, "S2", lacunes=[CLacune("ontmoeting", "3-6", SINT_NIKLAAS)],
               overlappen=[overlap])
    assert u.status == WAARSCHUWING
    assert "Overlap: Spel en ontmoeting 0 tot 3 jaar in Temse (Babyhuis, Kruimel)" in u.details
    assert any(d.startswith("Lacune: Ontmoeting") and d.endswith("in Sint-Niklaas")
               for d in u.details)


def test_long_overlap_lists_are_summed_up():
    """Dozens of overlaps with dozens of aanbod each: the details stay readable (and small)."""
    from huisvanhetkind.domein import engagementregel as er

    overlap = {"functie": "ontmoeting", "gemeente": "46021",
               "aanbod": ["Kruimel"] * 3 + [f"Aanbod {i}" for i in range(12)]}
    tekst = er.beschrijf(overlap)
    assert "(Kruimel ×3, Aanbod 0, Aanbod 1" in tekst and tekst.endswith("en 5 andere)")
    assert "Aanbod 7" not in tekst
    assert er.namen_kort(["A", "B"], er.MAX_NAMEN) == "A, B"


def test_s2_details_name_at_most_25_lacunes_and_overlaps():
    from huisvanhetkind.domein.engagementregel import MAX_IN_DETAILS

    lacunes = [Lacune("vrije_tijd", "6-12", TEMSE)] * 40
    gepland = volledig(acties=(*volledig().acties[:7], actie("S2", "gepland")))
    u = status(gepland, "S2", lacunes=lacunes)
    assert "40 lacunes en 0 overlappen" in u.uitleg
    assert len(u.details) == 2 + MAX_IN_DETAILS + 1  # actions, count, items, the rest
    assert u.details[-1] == "… en 15 meer: zie de dekkingsmatrix"
