"""Graph analysis (domein.md §6) on small hand-made networks with known answers."""
from dataclasses import replace
import random

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from huisvanhetkind.domein import analyse
from huisvanhetkind.domein.analyse import UITLEG, analyseer, to_json
from huisvanhetkind.domein.dekking import BewustNietCel, Lacune, Overlap
from huisvanhetkind.domein.snapshot import Aanbod, Deel, Netwerk, Partner, Verwijzing

GENT = "44021"


def net(pijlen, extra=(), sector=None, aanbod=(), bevestigd=True, soort="doorverwijzing"):
    """Partners named by the letters used; ids in reverse name order so id order never helps."""
    letters = sorted({x for p in pijlen for x in p[:2]} | set(extra))
    ids = {n: 100 - i for i, n in enumerate(letters)}
    partners = tuple(Partner(ids[n], n, (sector or {}).get(n, "welzijn")) for n in letters)
    verwijzingen = tuple(
        Verwijzing(ids[p[0]], ids[p[1]], p[2] if len(p) > 2 else soort, bevestigd=bevestigd)
        for p in pijlen)
    aanbod = tuple(Aanbod(i, ids[n], f"aanbod {n}", vorm, gemeenten=frozenset({GENT}))
                   for i, (n, vorm) in enumerate(aanbod))
    return Netwerk(1, "Testnet", werkingsgebied=(Deel(GENT),), partners=partners,
                   aanbod=aanbod, verwijzingen=verwijzingen), ids


def names(netwerk, ids_):
    naam = {p.id: p.naam for p in netwerk.partners}
    return [naam[i] for i in ids_]


def test_path():
    n, _ = net([("a", "b"), ("b", "c")])
    a = analyseer(n)
    assert names(n, a.kwetsbare_schakels) == ["b"]
    assert [names(n, p) for p in a.bruggen] == [["a", "b"], ["b", "c"]]
    assert names(n, a.makelaars) == ["b"]
    assert a.componenten == 1 and a.geisoleerd == ()
    assert a.dichtheid == 2 / 3
    assert a.graad == {100: 1, 99: 2, 98: 1}


def test_star():
    n, ids = net([("s", "x"), ("s", "y"), ("z", "s")])
    a = analyseer(n)
    assert names(n, a.kwetsbare_schakels) == ["s"]
    assert len(a.bruggen) == 3 and all(ids["s"] in b for b in a.bruggen)
    assert names(n, a.makelaars) == ["s"] and a.betweenness[ids["s"]] == 1.0
    assert a.dichtheid == 0.5


def test_two_triangles_joined_by_one_edge():
    n, ids = net([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"),
                  ("f", "d")])
    a = analyseer(n)
    assert a.bruggen == ((ids["c"], ids["d"]),)
    assert names(n, a.kwetsbare_schakels) == ["c", "d"]
    assert names(n, a.makelaars) == ["c", "d"]  # equal betweenness: name decides
    assert a.componenten == 1


def test_isolated_member_counts_as_component():
    n, ids = net([("a", "b")], extra=["z", "y"])
    a = analyseer(n)
    assert names(n, a.geisoleerd) == ["y", "z"]
    assert a.componenten == 3
    assert a.graad[ids["z"]] == 0
    assert a.kwetsbare_schakels == () and a.makelaars == ()


def test_makelaars_at_most_five_highest_first_only_positive():
    n, _ = net([(x, y) for x, y in zip("abcdefghij", "bcdefghij")])  # path of 10
    a = analyseer(n)
    assert names(n, a.makelaars) == ["e", "f", "d", "g", "c"]
    complete, _ = net([(x, y) for x in "abcd" for y in "abcd" if x < y])
    assert analyseer(complete).makelaars == ()  # everybody is linked directly


def test_one_way_and_reciprocal_pairs_collapse_soorten():
    n, ids = net([("a", "b"), ("b", "a", "samenwerking"), ("a", "b", "warme_overdracht"),
                  ("a", "c"), ("d", "c")])
    a = analyseer(n)
    assert [names(n, p) for p in a.eenrichting] == [["a", "c"], ["d", "c"]]
    assert a.reciprociteit == 1 / 3  # pairs a-b (both ways), a-c, c-d
    assert a.graad[ids["a"]] == 2  # a-b counts once whatever the soorten


def test_no_links():
    n, _ = net([], extra=["a", "b"])
    a = analyseer(n)
    assert a.reciprociteit is None and a.dichtheid == 0 and a.eenrichting == ()
    assert a.componenten == 2 and a.bruggen == ()
    empty = analyseer(Netwerk(2, "Leeg"))
    assert empty.componenten == 0 and empty.geisoleerd == ()


def test_onbevestigd_and_self_links():
    n, ids = net([("a", "b")], bevestigd=False)
    n = Netwerk(1, "x", partners=n.partners, verwijzingen=n.verwijzingen + (
        Verwijzing(ids["a"], ids["a"], "samenwerking", bevestigd=True),
        Verwijzing(ids["b"], 999, "samenwerking")))  # 999 is no member: ignored
    a = analyseer(n)
    assert [(v.van, v.naar) for v in a.onbevestigd] == [(ids["a"], ids["b"])]
    assert a.graad == {ids["a"]: 1, ids["b"]: 1}


def test_cb_bereik_from_consultatiebureau_aanbod():
    # cb - x - y - z ; w isolated; k is Kind en Gezin but not the CB here
    n, ids = net([("cb", "x"), ("y", "x"), ("y", "z")], extra=["w", "k"],
                 sector={"k": "kind_en_gezin"}, aanbod=[("cb", "consultatiebureau")])
    b = analyseer(n).cb_bereik
    assert names(n, b.cb) == ["cb"]
    assert b.een_stap == {ids["x"]} and b.twee_stappen == {ids["y"]}
    assert b.buiten_bereik == {ids["z"], ids["w"], ids["k"]}


def test_the_kind_en_gezin_sector_alone_is_no_consultatiebureau():
    """domein.md §4: a consultatiebureau partner has consultatiebureau aanbod in the area."""
    n, ids = net([("k", "x")], extra=["w"], sector={"k": "kind_en_gezin"})
    b = analyseer(n).cb_bereik
    assert b.cb == () and b.een_stap == frozenset() and b.buiten_bereik == set(ids.values())


def test_consultatiebureau_outside_the_werkingsgebied_does_not_count():
    n, ids = net([("cb", "x")], aanbod=[("cb", "consultatiebureau")])
    buiten = replace(n, aanbod=tuple(replace(a, gemeenten=frozenset({"46021"}))
                                     for a in n.aanbod))
    assert analyseer(n).cb_bereik.cb == (ids["cb"],)
    assert analyseer(buiten).cb_bereik.cb == ()


def test_to_json_is_the_documented_analyse_document():
    n, ids = net([("a", "b"), ("b", "c"), ("c", "b")], extra=["z"])
    doc = to_json(n, analyseer(n),
                  [Lacune("ontmoeting", "0-3", GENT)],
                  [Overlap("spel_en_ontmoeting", "0-3", GENT, (1, 2), ("Zeta", "Alfa"))],
                  [BewustNietCel("vrije_tijd", "12-18", GENT, "stad doet dit")])
    assert list(doc)[:8] == ["netwerk", "geisoleerd", "kwetsbare_schakels", "bruggen",
                             "makelaars", "componenten", "lacunes", "overlappen"]
    assert doc["netwerk"] == "Testnet" and doc["geisoleerd"] == ["z"]
    assert doc["kwetsbare_schakels"] == ["b"] and doc["makelaars"] == ["b"]
    assert doc["bruggen"] == [["a", "b"], ["b", "c"]] and doc["componenten"] == 2
    assert doc["lacunes"] == [{"functie": "ontmoeting", "leeftijdsgroep": "0-3",
                               "gemeente": "Gent"}]
    assert doc["overlappen"] == [{"aanbodvorm": "spel_en_ontmoeting", "leeftijdsgroep": "0-3",
                                  "gemeente": "Gent", "aanbod": ["Alfa", "Zeta"]}]
    assert doc["bewust_niet"][0]["reden"] == "stad doet dit"
    assert doc["reciprociteit"] == 0.5 and doc["eenrichting"] == [["a", "b"]]
    assert doc["cb_bereik"]["consultatiebureau"] == []


def test_every_measure_is_explained_in_dutch():
    velden = set(analyse.Analyse.__dataclass_fields__) - {"graad", "betweenness", "benaderd"}
    assert velden <= set(UITLEG)
    assert {"lacunes", "overlappen", "bewust_niet"} <= set(UITLEG)
    assert all(t.strip().endswith(".") for t in UITLEG.values())


def test_large_sparse_network_uses_sampled_betweenness():
    rng = random.Random(7)
    n = 2000
    partners = tuple(Partner(i, f"partner {i:04d}", "welzijn") for i in range(n))
    pijlen = {(rng.randrange(n), rng.randrange(n)) for _ in range(2 * n)}
    netwerk = Netwerk(1, "Groot", partners=partners, verwijzingen=tuple(
        Verwijzing(a, b, "doorverwijzing", bevestigd=bool(a % 2)) for a, b in pijlen if a != b))
    a = analyseer(netwerk)
    g = analyse.graaf(netwerk)
    assert a.benaderd and len(a.makelaars) == 5
    assert a.componenten == nx.number_connected_components(g)
    assert set(a.geisoleerd) == {v for v in g if g.degree(v) == 0}
    assert analyseer(netwerk) == a  # reproducible: fixed seed


def test_betweenness_exact_for_real_networks_and_within_budget_beyond():
    assert analyse.pivots(150, 400) == 150  # exact
    assert analyse.pivots(300, 600) == 300  # real networks of a few hundred: exact too
    for n in (500, 2000, 16_000, 256_000):
        k = analyse.pivots(n, 2 * n)
        assert analyse.BETWEENNESS_MIN_PIVOTS <= k < n
        assert k * 3 * n <= max(analyse.BETWEENNESS_BUDGET,
                                analyse.BETWEENNESS_MIN_PIVOTS * 3 * n)


@settings(max_examples=60, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=16))
def test_schakels_and_bruggen_match_their_definition(pijlen):
    """Brute force: removing a kwetsbare schakel / brug increases the number of components."""
    netwerk = Netwerk(1, "x", partners=tuple(Partner(i, chr(97 + i), "andere") for i in range(8)),
                      verwijzingen=tuple(Verwijzing(a, b, "doorverwijzing") for a, b in pijlen))
    a = analyseer(netwerk)
    g = analyse.graaf(netwerk)
    for v in g:
        h = g.copy()
        h.remove_node(v)
        basis = nx.number_connected_components(g) - (g.degree(v) == 0)
        assert (v in a.kwetsbare_schakels) == (nx.number_connected_components(h) > basis)
    for e in g.edges:
        h = g.copy()
        h.remove_edge(*e)
        splits = nx.number_connected_components(h) > a.componenten
        assert splits == (tuple(sorted(e)) in {tuple(sorted(b)) for b in a.bruggen})
    if a.reciprociteit is not None:
        assert a.reciprociteit == pytest.approx(1 - len(a.eenrichting) / g.number_of_edges())


def test_structure_measures_depend_on_the_undirected_links_only():
    """The pipeline keeps structuurmaten per structure_sleutel (issue 16): what leaves the
    undirected graph alone keeps the key, and the analysis over kept measures is the analysis."""
    n, ids = net([("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")], aanbod=[("a", "consultatiebureau")])
    sleutel = analyse.structuur_sleutel(n)
    hernoemd = replace(n, partners=tuple(replace(p, naam=p.naam.upper()) for p in n.partners))
    omgekeerd = replace(n, verwijzingen=n.verwijzingen + (Verwijzing(ids["b"], ids["a"], "overleg",
                                                                     bevestigd=False),))
    for zelfde in (hernoemd, omgekeerd, replace(n, aanbod=())):
        assert analyse.structuur_sleutel(zelfde) == sleutel
        assert analyseer(zelfde, analyse.structuurmaten(n)) == analyseer(zelfde)
    nieuw = replace(n, verwijzingen=n.verwijzingen + (Verwijzing(ids["a"], ids["c"], "overleg"),))
    assert analyse.structuur_sleutel(nieuw) != sleutel
    assert analyse.structuur_sleutel(replace(n, partners=n.partners[:-1])) != sleutel
    with_self_and_outsider = replace(n, verwijzingen=n.verwijzingen + (
        Verwijzing(ids["a"], ids["a"], "overleg"), Verwijzing(ids["a"], 999_999, "overleg")))
    for m in (n, nieuw, with_self_and_outsider):  # the nodes and edges of graaf(), exactly
        g = analyse.graaf(m)
        assert analyse.structuur_sleutel(m) == (
            tuple(sorted(g.nodes)), tuple(sorted(tuple(sorted(e)) for e in g.edges)))


def test_a_pickled_bundle_leaves_out_what_readers_fill_in_later():
    """Bundles are pickled for the database while other threads read them (berekeningen.py): the
    memoised matrices and partner index are left out and made again, the rest round-trips."""
    import pickle
    from datetime import date

    from huisvanhetkind.domein.bundel import Bundel

    n, ids = net([("a", "b"), ("b", "c")], aanbod=[("a", "consultatiebureau")])
    b = Bundel(n, date(2026, 9, 1)).volledig()
    b.matrix()
    assert n.partner(ids["a"]).naam == "a"
    terug = pickle.loads(pickle.dumps(b))
    assert "_matrices" not in terug.__dict__ and "_partners_by_id" not in terug.netwerk.__dict__
    assert terug.analyse == b.analyse and terug.lacunes == b.lacunes
    assert terug.matrix() == b.matrix() and terug.netwerk.partner(ids["b"]).naam == "b"


def test_a_pickled_bundle_keeps_its_graph_measures_once():
    """With the analysis computed, the structure measures it was made from are not stored again
    (betweenness is most of a large network's bundle)."""
    import pickle
    from datetime import date

    from huisvanhetkind.domein.bundel import Bundel

    n, _ = net([("a", "b"), ("b", "c")])
    b = Bundel(n, date(2026, 9, 1), analyse.structuurmaten(n)).volledig()
    terug = pickle.loads(pickle.dumps(b))
    assert terug.maten is None and terug.analyse == b.analyse
    half = Bundel(n, date(2026, 9, 1), analyse.structuurmaten(n))  # analysis not made yet
    assert pickle.loads(pickle.dumps(half)).maten == half.maten


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 11)), max_size=30))
def test_the_neighbour_sets_are_networkx_graph(pijlen):
    """analyseer reads degrees, linked pairs and the consultatiebureau's reach from plain
    neighbour sets (analyse.buren): the same nodes in the same order, the same edges, as the
    networkx graph; links to non-members (10, 11) and to oneself are left out alike."""
    netwerk = Netwerk(1, "x", partners=tuple(Partner(i, chr(97 + i), "andere") for i in range(10)),
                      verwijzingen=tuple(Verwijzing(a, b, "doorverwijzing") for a, b in pijlen))
    g, b = analyse.graaf(netwerk), analyse.buren(netwerk)
    assert list(b) == list(g)
    assert b == {n: set(g[n]) for n in g}
    a = analyseer(netwerk)
    assert a.graad == dict(g.degree())
    if a.reciprociteit is not None:
        assert a.reciprociteit == pytest.approx(1 - len(a.eenrichting) / g.number_of_edges())
