"""The samenwerkingsbevraging's pure rules (domein.md §12): scores, the threshold of three
organisations, density, the comparison of meetmomenten and the reminder stages."""
from __future__ import annotations

from datetime import date

import pytest

from huisvanhetkind.domein import bevraging as bv


def antwoord(van, naar, intensiteit="samenwerking", vertrouwen=(3, 3, 3), waarde=(2, 2, 2),
             bijdragen=()):
    items = dict(zip(bv.VERTROUWEN, vertrouwen)) | dict(zip(bv.WAARDE, waarde))
    return bv.Antwoord(van, naar, intensiteit, items, frozenset(bijdragen))


LEDEN = {1: "A", 2: "B", 3: "C", 4: "D"}


def test_relation_score_is_the_mean_of_its_three_items():
    a = antwoord(1, 2, vertrouwen=(1, 2, 4), waarde=(4, 4, 3))
    assert a.vertrouwen() == pytest.approx(7 / 3)
    assert a.waarde() == pytest.approx(11 / 3)


def test_nothing_but_the_response_rate_below_three_answering_organisations():
    r = bv.resultaat(LEDEN, {1, 2}, [antwoord(1, 2), antwoord(2, 1), antwoord(1, 3)])
    assert (r.uitgenodigd, r.geantwoord, r.getoond) == (4, 2, False)
    assert r.respons == 0.5
    assert r.partners == () and r.relaties == {} and r.dichtheid == {}
    assert r.vertrouwen.waarde is None


def test_unfinished_answers_do_not_count():
    r = bv.resultaat(LEDEN, {1, 2}, [antwoord(3, 4), antwoord(4, 3)])
    assert r.geantwoord == 2 and not r.getoond


def test_network_and_partner_scores_are_means_over_relations_shown_from_three():
    antwoorden = [antwoord(1, 4, vertrouwen=(4, 4, 4), waarde=(1, 1, 1)),
                  antwoord(2, 4, vertrouwen=(2, 2, 2), waarde=(3, 3, 3)),
                  antwoord(3, 4, vertrouwen=(3, 3, 3), waarde=(2, 2, 2)),
                  antwoord(1, 2, vertrouwen=(1, 1, 1)), antwoord(3, 2, vertrouwen=(1, 1, 1))]
    r = bv.resultaat(LEDEN, {1, 2, 3}, antwoorden)
    assert r.getoond and r.respons == 0.75
    assert r.vertrouwen == bv.Score(round((4 + 2 + 3 + 1 + 1) / 5, 2), 3)
    per = {p.organisatie_id: p for p in r.partners}
    # D was rated by three organisations: shown; B by two: hidden, whatever its mean
    assert per[4].vertrouwen == bv.Score(3.0, 3) and per[4].waarde == bv.Score(2.0, 3)
    assert per[2].vertrouwen == bv.Score(None, 2) and not per[2].vertrouwen.getoond
    assert per[1].vertrouwen == bv.Score(None, 0)


def test_a_single_organisations_many_relations_never_make_a_score():
    r = bv.score([antwoord(1, 2), antwoord(1, 3), antwoord(1, 4)], bv.Antwoord.vertrouwen)
    assert r == bv.Score(None, 1)


def test_density_per_level_is_cumulative_over_all_possible_pairs():
    antwoorden = [antwoord(1, 2, "integratie"), antwoord(2, 1, "bewust"),
                  antwoord(1, 3, "samenwerking"), antwoord(3, 4, "bewust")]
    r = bv.resultaat(LEDEN, {1, 2, 3}, antwoorden)
    # only pair (1, 2) is named by both sides: drawn at the level both confirm
    assert r.relaties == {(1, 2): "bewust"}
    assert r.dichtheid == {"bewust": 3 / 6, "samenwerking": 2 / 6, "coordinatie": 1 / 6,
                           "integratie": 1 / 6}


def test_contributions_count_organisations_not_relations():
    antwoorden = [antwoord(1, 2, bijdragen={"ruimte", "geld"}), antwoord(1, 3, bijdragen={"geld"}),
                  antwoord(2, 1, bijdragen={"geld"}), antwoord(3, 1)]
    r = bv.resultaat(LEDEN, {1, 2, 3}, antwoorden)
    assert r.bijdragen["geld"] == 2 and r.bijdragen["ruimte"] == 1 and r.bijdragen["gegevens"] == 0


def test_comparison_shows_what_grew_and_weakened_and_keeps_hidden_scores_hidden():
    oud = bv.resultaat(LEDEN, {1, 2, 3}, [antwoord(i, 4, vertrouwen=(2, 2, 2)) for i in (1, 2, 3)])
    nieuw = bv.resultaat(LEDEN, {1, 2, 3, 4},
                         [antwoord(i, 4, vertrouwen=(3, 3, 3), waarde=(1, 1, 1))
                          for i in (1, 2, 3)] + [antwoord(4, 1)])
    rijen = {v.wat: v for v in bv.vergelijk(oud, nieuw)}
    assert rijen["Respons"].richting == bv.GEGROEID
    assert rijen["Vertrouwen in het netwerk"].richting == bv.GEGROEID
    assert rijen["Waarde van het netwerk"].richting == bv.VERZWAKT
    assert rijen["D: vertrouwen"] == bv.Verschil("D: vertrouwen", 2.0, 3.0, bv.GEGROEID)
    assert rijen["A: vertrouwen"].richting == bv.ONBEKEND  # one organisation rated A: hidden
    verborgen = bv.resultaat(LEDEN, {1}, [antwoord(1, 4)])
    assert all(v.richting == bv.ONBEKEND for v in bv.vergelijk(verborgen, nieuw)
               if v.wat != "Respons")


@pytest.mark.parametrize("oud, nieuw, richting", [
    (2.0, 2.05, bv.GELIJK), (2.0, 2.1, bv.GEGROEID), (2.0, 1.9, bv.VERZWAKT),
    (None, 3.0, bv.ONBEKEND)])
def test_richting(oud, nieuw, richting):
    assert bv.richting(oud, nieuw) == richting


def test_state_and_reminder_stages():
    sluit = date(2027, 3, 31)
    assert bv.toestand(sluit, None, date(2027, 3, 31)) == bv.OPEN
    assert bv.toestand(sluit, None, date(2027, 4, 1)) == bv.GESLOTEN
    assert bv.toestand(sluit, date(2027, 3, 1), date(2027, 3, 2)) == bv.GESLOTEN
    assert bv.herinnering_stap(sluit, date(2027, 3, 20)) is None
    assert bv.herinnering_stap(sluit, date(2027, 3, 24)) == 7
    assert bv.herinnering_stap(sluit, date(2027, 3, 30)) == 1
    assert bv.herinnering_stap(sluit, date(2027, 4, 1)) is None


def test_missing_items_only_for_a_named_relation():
    assert bv.ontbrekende_items(None, {}) == []
    assert bv.ontbrekende_items("bewust", {c: 2 for c in bv.ITEMS}) == []
    assert bv.ontbrekende_items("bewust", {"openheid": 2}) == [
        "Betrouwbaarheid", "Gedeelde missie", "Invloed", "Bijdrage van middelen",
        "Betrokkenheid"]


def test_permissions():
    from huisvanhetkind.domein.permissions import (
        Actor, NetwerkRef, can_answer_bevraging, can_manage_bevraging, can_view_bevraging)
    x = NetwerkRef(1, frozenset({"Oost-Vlaanderen"}))
    coordinator = Actor(1, "coordinator", coordinator_van=frozenset({1}))
    ander = Actor(2, "coordinator", coordinator_van=frozenset({2}))
    partner = Actor(3, "partner", organisatie_id=10, lid_van=frozenset({1}))
    consultant = Actor(4, "consultant", provincies=frozenset({"Oost-Vlaanderen"}))
    beheerder = Actor(5, "beheerder")
    assert can_manage_bevraging(coordinator, x) and can_manage_bevraging(beheerder, x)
    assert not any(can_manage_bevraging(a, x) for a in (ander, partner, consultant))
    assert all(can_view_bevraging(a, x) for a in (coordinator, partner, consultant, beheerder))
    assert not can_view_bevraging(ander, x)
    assert can_answer_bevraging(partner, 10)
    assert not any(can_answer_bevraging(a, 10) for a in (coordinator, consultant, beheerder))
    assert not can_answer_bevraging(Actor(6, "partner", organisatie_id=11), 10)
