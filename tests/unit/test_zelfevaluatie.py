"""The zelfevaluatie kernprincipes as pure rules (domein/zelfevaluatie.py), no Flask."""
from __future__ import annotations

from datetime import date

import pytest

from huisvanhetkind.domein import zelfevaluatie as z
from huisvanhetkind.domein.permissions import (Actor, NetwerkRef, can_edit_zelfevaluatie,
                                               can_view_zelfevaluatie)
from huisvanhetkind.domein.taxonomie import ENGAGEMENTEN


def test_three_clusters_eleven_kernprincipes_stable_codes():
    assert [c.code for c in z.CLUSTERS] == ["kind_gezin_centraal", "democratisch_burgerschap",
                                           "systemische_kwaliteit"]
    assert [len(c.kernprincipes) for c in z.CLUSTERS] == [3, 4, 4]
    assert z.KERNPRINCIPES[0] == "sleutelervaringen" and len(set(z.KERNPRINCIPES)) == 11
    assert z.KERNPRINCIPE["sociale_ongelijkheid"].label == "Aanpakken sociale ongelijkheid"
    assert z.KERNPRINCIPE["continuiteit_duurzaamheid"].cluster == "systemische_kwaliteit"
    assert all(k.engagement in ENGAGEMENTEN for k in z.KERNPRINCIPE.values())


@pytest.mark.parametrize("score, zwak", [(1, True), (2, True), (3, False), (4, False),
                                         (None, False)])
def test_weak_is_one_or_two(score, zwak):
    assert z.is_zwak(score) is zwak


@pytest.mark.parametrize("score", [0, 5, -1, "3", None, True, 2.5])
def test_score_outside_one_to_four_is_refused_in_dutch(score):
    assert z.score_probleem(score) == "Geef een score van 1 tot 4."


def test_date_rules():
    vandaag = date(2026, 5, 1)
    assert z.datum_probleem(date(2026, 4, 1), vandaag) is None
    assert "toekomst" in z.datum_probleem(date(2026, 5, 2), vandaag)
    assert "01/04/2026" in z.datum_probleem(date(2026, 4, 1), vandaag, [date(2026, 4, 1)])
    assert z.datum_probleem(None, vandaag) == "Geef de datum van de zelfevaluatie."


def test_mean_per_cluster_and_series_over_time():
    oud = z.Meting(date(2025, 1, 10), {k: 2 for k in z.KERNPRINCIPES})
    nieuw = z.Meting(date(2026, 1, 10), {**{k: 3 for k in z.KERNPRINCIPES},
                                        "sleutelervaringen": 4, "holistische_kijk": 4})
    r = z.reeks([nieuw, oud])
    assert r.datums == (date(2025, 1, 10), date(2026, 1, 10))
    assert r.per_cluster["kind_gezin_centraal"] == (2.0, 3.67)
    assert r.per_cluster["democratisch_burgerschap"] == (2.0, 3.0)
    assert r.per_kernprincipe["sleutelervaringen"] == (2, 4)
    assert z.reeks([nieuw, oud], tot=date(2025, 6, 1)).datums == (date(2025, 1, 10),)
    assert z.gemiddelde({}, "systemische_kwaliteit") is None


def test_weak_points_without_action_and_prefilled_action():
    scores = {k: 3 for k in z.KERNPRINCIPES} | {"burgerschap": 1, "continu_proces": 2}
    assert z.zwakke_punten(scores) == ["burgerschap", "continu_proces"]
    assert z.zwakke_punten(scores, {"burgerschap": 7}) == ["continu_proces"]
    tekst = z.actie_voorstel("burgerschap", 1, "Geen ouderraad.", date(2026, 3, 2))
    assert tekst.startswith("Kernprincipe 'Burgerschap' (democratisch burgerschap) versterken")
    assert "score 1 van 4" in tekst and "02/03/2026" in tekst and tekst.endswith("Geen ouderraad.")


def test_permissions():
    x = NetwerkRef(1, frozenset({"Oost-Vlaanderen"}))
    coordinator = Actor(1, "coordinator", coordinator_van=frozenset({1}))
    ander = Actor(2, "coordinator", coordinator_van=frozenset({2}))
    partner = Actor(3, "partner", organisatie_id=5, lid_van=frozenset({1}))
    consultant = Actor(4, "consultant", provincies=frozenset({"Oost-Vlaanderen"}))
    verre = Actor(5, "consultant", provincies=frozenset({"Antwerpen"}))
    beheerder = Actor(6, "beheerder")
    assert [can_edit_zelfevaluatie(a, x) for a in (coordinator, ander, partner, consultant,
                                                   beheerder)] == [True, False, False, False, True]
    assert [can_view_zelfevaluatie(a, x) for a in (coordinator, ander, partner, consultant, verre,
                                                   beheerder)] == [True, False, True, True, False,
                                                                   True]
