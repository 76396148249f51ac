"""The aanvraag's state machine and who may take each step: pure, no Flask."""
from __future__ import annotations

from datetime import date

import pytest

from huisvanhetkind.domein import aanvraag as a
from huisvanhetkind.domein.permissions import (AANVRAAG_ROLLEN, Actor, NetwerkRef,
                                               aanvraag_stappen, can_aanvraag)
from huisvanhetkind.domein.snapshot import Netwerk, Partner

X = NetwerkRef(1, frozenset({"Oost-Vlaanderen"}))
COORD = Actor(id=1, rol="coordinator", coordinator_van=frozenset({1}))
ANDERE_COORD = Actor(id=2, rol="coordinator", coordinator_van=frozenset({2}))
CONS = Actor(id=3, rol="consultant", provincies=frozenset({"Oost-Vlaanderen"}))
CONS_ANT = Actor(id=4, rol="consultant", provincies=frozenset({"Antwerpen"}))
BEH = Actor(id=5, rol="beheerder")
PARTNER = Actor(id=6, rol="partner", lid_van=frozenset({1}))


def test_the_happy_path_through_every_state():
    t = a.CONCEPT
    for stap, naar in [(a.INDIENEN, a.INGEDIEND), (a.NEMEN, a.IN_BEHANDELING),
                       (a.ADVISEREN, a.ADVIES), (a.HERINDIENEN, a.INGEDIEND),
                       (a.NEMEN, a.IN_BEHANDELING), (a.ADVISEREN, a.ADVIES),
                       (a.BESLISSEN, a.BESLIST), (a.RAPPORTEREN, a.OPVOLGING),
                       (a.RAPPORTEREN, a.OPVOLGING)]:
        t = a.volgende(t, stap, beslissing=a.ERKEND)
        assert t == naar


@pytest.mark.parametrize("toestand,stap", [
    (a.CONCEPT, a.NEMEN), (a.CONCEPT, a.BESLISSEN), (a.INGEDIEND, a.ADVISEREN),
    (a.INGEDIEND, a.BESLISSEN), (a.BESLIST, a.INTREKKEN), (a.IN_BEHANDELING, a.HERINDIENEN),
    (a.CONCEPT, a.INTREKKEN), (a.OPVOLGING, a.INDIENEN), (a.ADVIES, "onbekend")])
def test_steps_that_do_not_fit_the_state_are_refused_in_dutch(toestand, stap):
    with pytest.raises(a.OngeldigeOvergang, match="kan niet|Onbekende"):
        a.volgende(toestand, stap)


def test_withdrawal_and_a_new_submission_after_it():
    for t in (a.INGEDIEND, a.IN_BEHANDELING, a.ADVIES):
        assert a.volgende(t, a.INTREKKEN) == a.INGETROKKEN
    assert a.volgende(a.INGETROKKEN, a.INDIENEN) == a.INGEDIEND


def test_a_refused_network_has_no_follow_up():
    with pytest.raises(a.OngeldigeOvergang, match="geweigerde"):
        a.volgende(a.BESLIST, a.RAPPORTEREN, beslissing=a.GEWEIGERD)


def test_every_step_has_roles_and_only_the_right_roles():
    assert AANVRAAG_ROLLEN.keys() == a.OVERGANGEN.keys()
    assert not any("partner" in r for r in AANVRAAG_ROLLEN.values())
    assert AANVRAAG_ROLLEN[a.BESLISSEN] == {"beheerder"}
    assert AANVRAAG_ROLLEN[a.ADVISEREN] == AANVRAAG_ROLLEN[a.NEMEN] == {"consultant"}


@pytest.mark.parametrize("actor,stappen", [
    (COORD, {a.INDIENEN, a.HERINDIENEN, a.INTREKKEN, a.RAPPORTEREN}),
    (BEH, {a.INDIENEN, a.HERINDIENEN, a.INTREKKEN, a.RAPPORTEREN, a.BESLISSEN}),
    (CONS, {a.NEMEN, a.ADVISEREN}),
    (ANDERE_COORD, set()), (CONS_ANT, set()), (PARTNER, set()), (Actor(), set()),
])
def test_can_aanvraag_per_role_and_reach(actor, stappen):
    assert {s for s in a.OVERGANGEN if can_aanvraag(actor, X, s)} == stappen


def test_buttons_are_the_steps_of_the_state_the_actor_may_take():
    assert aanvraag_stappen(COORD, X, a.CONCEPT) == [a.INDIENEN]
    assert aanvraag_stappen(CONS, X, a.CONCEPT) == []
    assert aanvraag_stappen(CONS, X, a.INGEDIEND) == [a.NEMEN]
    assert aanvraag_stappen(COORD, X, a.ADVIES) == [a.HERINDIENEN, a.INTREKKEN]
    assert aanvraag_stappen(BEH, X, a.ADVIES) == [a.HERINDIENEN, a.BESLISSEN, a.INTREKKEN]


def test_terms_run_from_the_erkenningsdatum():
    t = a.termijnen(date(2024, 2, 29))
    assert (t.voortgang, t.eindrapport) == (date(2025, 2, 28), date(2026, 2, 28))
    assert a.termijnen(None) is None
    assert a.volgend_rapport(set()) == a.VOORTGANG
    assert a.volgend_rapport({"aanvraag", a.VOORTGANG}) == a.EINDRAPPORT
    assert a.volgend_rapport({a.VOORTGANG, a.EINDRAPPORT}) is None


def test_frozen_facts_are_canonical_json_with_their_sha256():
    n = Netwerk(id=1, naam="X", partners=(Partner(1, "A", "welzijn",
                                                  gemeenten=frozenset({"46025", "46021"}),
                                                  lid_sinds=date(2020, 1, 1)),),
                bron=("iets", object()))
    tekst, sha = a.bevroren_gegevens(n, {"erkenbaar": False})
    assert '"gemeenten":["46021","46025"]' in tekst and '"lid_sinds":"2020-01-01"' in tekst
    assert "bron" not in tekst and sha == a.sha256(tekst) and len(sha) == 64
    assert a.bevroren_gegevens(n, {"erkenbaar": False}) == (tekst, sha)


def test_every_condition_names_its_source_and_what_it_requires():
    """Issue 13: not one line for all; no article numbers we never read; summaries say so."""
    from huisvanhetkind.domein.beoordeling import VOORWAARDEN
    bronnen = {v.bron for v in VOORWAARDEN}
    eisen = [v.eis for v in VOORWAARDEN]
    assert len(bronnen) >= 3 and len(set(eisen)) == len(eisen)
    for v in VOORWAARDEN:
        assert v.eis.endswith(".") and "artikel" not in v.eis.lower() and "art." not in v.eis
        if "samenvatting" in v.bron and "Decreet" not in v.bron:
            assert "volgens de samenvatting van kind en gezin" in v.eis.lower(), v.id
    assert "Decreet van 29 november 2013" in next(v.bron for v in VOORWAARDEN if v.id == "E4")
