"""Lacunes, bewust niet, overlaps and the coverage matrix (domein.md §5)."""
import itertools
import random

import pytest
from hypothesis import given, settings, strategies as st

from huisvanhetkind.domein.dekking import (NODIGE_LEEFTIJDEN, Lacune, aanbod_gemeenten, bewust_niet, dekking, lacunes, matrix, nodig, overlappen)
from huisvanhetkind.domein.taxonomie import FUNCTIE
from huisvanhetkind.domein.snapshot import Aanbod, BewustNiet, Deel, Netwerk, Partner

GENT, DESTELBERGEN, BRUGGE = "44021", "44013", "31005"
ALLE_F = frozenset(FUNCTIE.keys())
KIND = frozenset(NODIGE_LEEFTIJDEN)


def partner(pid, gemeenten=(GENT, DESTELBERGEN)):
    return Partner(pid, f"Partner {pid}", "welzijn", frozenset(gemeenten))


def aanbod(aid, pid, vorm="spel_en_ontmoeting", functies=ALLE_F, leeftijden=KIND,
           doelgroep="universeel", werkvormen=("locatie",), gemeenten=(), naam=None):
    return Aanbod(aid, pid, naam or f"Aanbod {aid}", vorm, frozenset(functies),
                  frozenset(leeftijden), doelgroep, frozenset(werkvormen), frozenset(gemeenten))


def netwerk(*aanbod_, partners=None, bewust=()):
    partners = partners or tuple(partner(p) for p in sorted({a.partner_id for a in aanbod_}))
    return Netwerk(1, "Test", werkingsgebied=(Deel(GENT), Deel(DESTELBERGEN, "Heusden")),
                   partners=tuple(partners), aanbod=tuple(aanbod_), bewust_niet=tuple(bewust))


def test_needed_cells_and_prenatal_exceptions():
    assert nodig("ontmoeting", "prenataal") and nodig("gezinsondersteuning", "prenataal")
    for f in ("opvang_onderwijs", "vrije_tijd", "publieke_ruimte"):
        assert not nodig(f, "prenataal") and nodig(f, "0-3")
    assert not nodig("ontmoeting", "18-25") and not nodig("ontmoeting", "ouders")
    leeg = lacunes(netwerk(partners=[partner(1)]))
    assert len(leeg) == (7 * 5 - 3) * 2  # every needed cell in both municipalities
    assert Lacune("opvang_onderwijs", "prenataal", GENT) not in leeg
    assert Lacune("ontmoeting", "prenataal", GENT) in leeg


def test_full_aanbod_leaves_no_lacune_and_missing_cell_is_one():
    assert lacunes(netwerk(aanbod(1, 1))) == ()
    n = netwerk(aanbod(1, 1, functies=ALLE_F - {"belangenverdediging"}),
                aanbod(2, 2, functies={"belangenverdediging"}, leeftijden=KIND - {"12-18"}))
    assert lacunes(n) == (Lacune("belangenverdediging", "12-18", DESTELBERGEN),
                          Lacune("belangenverdediging", "12-18", GENT))


def test_ouders_covers_every_child_age():
    n = netwerk(aanbod(1, 1, functies=ALLE_F - {"ontmoeting"}),
                aanbod(2, 2, functies={"ontmoeting"}, leeftijden={"ouders"}))
    assert lacunes(n) == ()
    assert dekking(n)["ontmoeting", "prenataal", GENT] == (2,)


def test_aanbod_without_own_municipalities_uses_its_partners_inside_the_werkingsgebied():
    p1, p2 = partner(1), partner(2, gemeenten=(GENT, BRUGGE))
    n = netwerk(aanbod(1, 1, functies=ALLE_F - {"grondrechten"}),
                aanbod(2, 2, functies={"grondrechten"}),  # partner's: Gent (Brugge is outside)
                aanbod(3, 1, gemeenten={BRUGGE}),  # own municipalities, all outside: nothing
                partners=[p1, p2])
    assert aanbod_gemeenten(n) == {1: {GENT, DESTELBERGEN}, 2: {GENT}, 3: frozenset()}
    assert {(x.functie, x.nis) for x in lacunes(n)} == {("grondrechten", DESTELBERGEN)}


def test_partner_without_municipalities_covers_nothing():
    n = netwerk(aanbod(1, 1), partners=[partner(1, gemeenten=())])
    assert len(lacunes(n)) == 64


def test_bewust_niet_is_no_lacune_but_reported_with_reason():
    n = netwerk(aanbod(1, 1, functies=ALLE_F - {"publieke_ruimte", "belangenverdediging"}),
                bewust=[BewustNiet("publieke_ruimte", "12-18", GENT, "jeugddienst stad"),
                        BewustNiet("belangenverdediging", "0-3", None, "via Gezinsbond"),
                        BewustNiet("ontmoeting", "0-3", GENT, "gedekt toch")])
    open_ = {(x.functie, x.leeftijdsgroep, x.nis) for x in lacunes(n)}
    assert ("publieke_ruimte", "12-18", GENT) not in open_
    assert ("publieke_ruimte", "12-18", DESTELBERGEN) in open_  # marked for Gent only
    assert not any(f == "belangenverdediging" and g == "0-3" for f, g, _ in open_)
    bewust = {(b.functie, b.leeftijdsgroep, b.nis): b.reden for b in bewust_niet(n)}
    assert bewust == {("publieke_ruimte", "12-18", GENT): "jeugddienst stad",
                      ("belangenverdediging", "0-3", GENT): "via Gezinsbond",
                      ("belangenverdediging", "0-3", DESTELBERGEN): "via Gezinsbond"}


# --- overlap -------------------------------------------------------------------------------

def one_overlap(*aanbod_):
    return [(o.aanbodvorm, o.leeftijdsgroep, o.nis, o.aanbod_ids)
            for o in overlappen(netwerk(*aanbod_))]


def test_overlap_of_two_partners_same_vorm_age_place_doelgroep_werkvorm():
    a = aanbod(1, 1, leeftijden={"0-3"}, gemeenten={GENT}, naam="Speelotheek")
    b = aanbod(2, 2, leeftijden={"0-3", "3-6"}, gemeenten={GENT, DESTELBERGEN},
               werkvormen=("locatie", "mobiel"), naam="Babyhuisje")
    (o,) = overlappen(netwerk(a, b))
    assert (o.aanbodvorm, o.leeftijdsgroep, o.nis) == ("spel_en_ontmoeting", "0-3", GENT)
    assert o.aanbod_ids == (2, 1) and o.aanbod_namen == ("Babyhuisje", "Speelotheek")


@pytest.mark.parametrize("b", [
    aanbod(2, 2, leeftijden={"0-3"}, doelgroep="kwetsbaar"),  # other doelgroep
    aanbod(2, 1, leeftijden={"0-3"}),  # same partner
    aanbod(2, 2, leeftijden={"0-3"}, werkvormen=("mobiel",)),  # no common werkvorm
    aanbod(2, 2, leeftijden={"0-3"}, werkvormen=()),  # werkvorm unknown
    aanbod(2, 2, leeftijden={"0-3"}, vorm="opvoedingsondersteuning"),  # other aanbodvorm
    aanbod(2, 2, leeftijden={"3-6"}),  # other age
    aanbod(2, 2, leeftijden={"ouders"}),  # ouders is compared literally for overlap
    aanbod(2, 2, leeftijden={"0-3"}, gemeenten={DESTELBERGEN}),  # other municipality
])
def test_near_misses_are_no_overlap(b):
    assert one_overlap(aanbod(1, 1, leeftijden={"0-3"}, gemeenten={GENT}), b) == []


def test_beide_matches_universeel_and_kwetsbaar():
    k = aanbod(1, 1, leeftijden={"0-3"}, gemeenten={GENT}, doelgroep="kwetsbaar")
    b = aanbod(2, 2, leeftijden={"0-3"}, gemeenten={GENT}, doelgroep="beide")
    assert one_overlap(k, b) == [("spel_en_ontmoeting", "0-3", GENT, (1, 2))]
    u = aanbod(3, 3, leeftijden={"0-3"}, gemeenten={GENT}, doelgroep="universeel")
    assert one_overlap(k, b, u) == [("spel_en_ontmoeting", "0-3", GENT, (1, 2, 3))]
    assert one_overlap(k, u) == []


def _naief(n):
    """Reference: compare every pair (quadratic; only for tests)."""
    plaats = aanbod_gemeenten(n)
    groepen = {}
    for a, b in itertools.combinations(n.aanbod, 2):
        if a.partner_id == b.partner_id or a.aanbodvorm != b.aanbodvorm:
            continue
        if not (a.werkvormen & b.werkvormen):
            continue
        if a.doelgroep != b.doelgroep and "beide" not in (a.doelgroep, b.doelgroep):
            continue
        for g in a.leeftijdsgroepen & b.leeftijdsgroepen:
            for nis in plaats[a.id] & plaats[b.id]:
                groepen.setdefault((a.aanbodvorm, g, nis), set()).update({a.id, b.id})
    return {k: set(v) for k, v in groepen.items()}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(
    st.integers(1, 3), st.sampled_from(["spel_en_ontmoeting", "kinderopvang"]),
    st.sets(st.sampled_from(["0-3", "3-6", "ouders"]), min_size=1),
    st.sampled_from(["universeel", "kwetsbaar", "beide"]),
    st.sets(st.sampled_from(["locatie", "mobiel"])),
    st.sets(st.sampled_from([GENT, DESTELBERGEN])),
), max_size=7))
def test_overlap_matches_pairwise_definition(rijen):
    n = netwerk(*(aanbod(i, p, vorm, leeftijden=lg, doelgroep=d, werkvormen=w, gemeenten=g)
                  for i, (p, vorm, lg, d, w, g) in enumerate(rijen)),
                partners=[partner(1), partner(2), partner(3, gemeenten=(GENT,))])
    assert {(o.aanbodvorm, o.leeftijdsgroep, o.nis): set(o.aanbod_ids)
            for o in overlappen(n)} == _naief(n)


# --- matrix --------------------------------------------------------------------------------

def test_matrix_per_municipality_and_aggregated():
    n = netwerk(aanbod(1, 1, functies=ALLE_F - {"vrije_tijd"}, gemeenten={GENT}),
                aanbod(2, 2, functies=ALLE_F - {"vrije_tijd"}, gemeenten={DESTELBERGEN}),
                aanbod(3, 3, functies={"vrije_tijd"}, leeftijden={"ouders"}, gemeenten={GENT}),
                aanbod(4, 4, functies={"ontmoeting"}, leeftijden={"0-3"}, gemeenten={GENT}),
                bewust=[BewustNiet("vrije_tijd", "6-12", DESTELBERGEN, "sportdienst")])
    m = matrix(n)
    assert m.gemeenten == (DESTELBERGEN, GENT)  # sorted nis codes of the werkingsgebied
    assert len(m.rijen) == 7 and all(len(r) == 7 for r in m.rijen)
    cel = m.cel("vrije_tijd", "0-3")
    assert cel.status == "lacune" and cel.gedekt == (GENT,) and cel.lacunes == (DESTELBERGEN,)
    assert cel.aanbod_ids == (3,)
    zes = m.cel("vrije_tijd", "6-12")  # covered in Gent, bewust niet in Destelbergen
    assert zes.status == "bewust_niet" and zes.lacunes == () and zes.gedekt == (GENT,)
    assert zes.bewust_niet == ((DESTELBERGEN, "sportdienst"),)
    assert m.cel("vrije_tijd", "prenataal").status == "niet_nodig"
    assert m.cel("vrije_tijd", "ouders").aanbod_ids == (3,)  # ouders column is literal
    o = m.cel("ontmoeting", "0-3")
    assert o.status == "gedekt" and o.overlap and o.overlap_ids == (1, 4)
    assert not m.cel("ontmoeting", "3-6").overlap

    gent = matrix(n, GENT)
    assert gent.gemeenten == (GENT,)
    assert gent.cel("vrije_tijd", "6-12").status == "gedekt"
    dest = matrix(n, DESTELBERGEN)
    assert dest.cel("vrije_tijd", "6-12").status == "bewust_niet"
    assert dest.cel("vrije_tijd", "6-12").bewust_niet == ((DESTELBERGEN, "sportdienst"),)
    assert dest.cel("vrije_tijd", "3-6").status == "lacune"
    assert not dest.cel("ontmoeting", "0-3").overlap  # the overlap is in Gent only
    with pytest.raises(ValueError):
        matrix(n, BRUGGE)


def test_network_of_two_thousand_aanbod_is_indexed_quickly():
    rng = random.Random(3)
    gebied = [f"{44000 + i}" for i in range(30)]
    partners = [Partner(p, f"P{p}", "welzijn", frozenset(rng.sample(gebied, 3)))
                for p in range(300)]
    aanbod_ = [aanbod(i, rng.randrange(300), rng.choice(["kinderopvang", "vrije_tijd"]),
                      functies=rng.sample(sorted(ALLE_F), 2),
                      leeftijden=rng.sample(["0-3", "3-6", "6-12", "12-18"], 2),
                      doelgroep=rng.choice(["universeel", "kwetsbaar", "beide"]))
               for i in range(2000)]
    n = Netwerk(1, "Groot", werkingsgebied=tuple(Deel(g) for g in gebied),
                partners=tuple(partners), aanbod=tuple(aanbod_))
    assert {x.leeftijdsgroep for x in lacunes(n)} == {"prenataal"}  # nobody serves it
    assert overlappen(n)
    assert matrix(n).cel("ontmoeting", "0-3").status in {"gedekt", "lacune"}
