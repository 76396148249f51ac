"""Picture data: plain JSON, plain-text labels, one colour per sector, groups, deterministic layout."""
import itertools
import json
import math
import random

from huisvanhetkind.domein.analyse import analyseer
from huisvanhetkind.domein.groepen import groepen, layout
from huisvanhetkind.domein.tekening import KLEUREN, graph_data, sectoren
from huisvanhetkind.domein.analyse import graaf
from huisvanhetkind.domein.taxonomie import SECTOR
from huisvanhetkind.domein.snapshot import Netwerk, Partner, Verwijzing

XSS = '<img src=x onerror="alert(1)">'


def klein():
    partners = (Partner(1, "OCMW", "lokaal_bestuur"), Partner(2, "Kind en Gezin", "kind_en_gezin"),
                Partner(3, XSS, "welzijn"), Partner(4, "Alleen", "onbestaande_sector"))
    verwijzingen = (Verwijzing(1, 2, "doorverwijzing", 12, bevestigd=True),
                    Verwijzing(2, 1, "warme_overdracht"),
                    Verwijzing(2, 3, "zorgafstemming", bevestigd=True))
    return Netwerk(1, "Klein", partners=partners, verwijzingen=verwijzingen)


def groot(n, seed=5):
    rng = random.Random(seed)
    sectoren_ = SECTOR.keys()
    partners = tuple(Partner(i, f"P{i}", sectoren_[i % len(sectoren_)]) for i in range(n))
    pijlen = {(rng.randrange(n), rng.randrange(n)) for _ in range(2 * n)}
    return Netwerk(1, "Groot", partners=partners, verwijzingen=tuple(
        Verwijzing(a, b, "samenwerking") for a, b in pijlen if a != b))


def test_nodes_and_edges_carry_plain_values():
    n = klein()
    data = graph_data(n, analyseer(n))
    json.dumps(data)  # JSON-able
    nodes = {d["id"]: d for d in data["nodes"]}
    assert set(nodes[1]) == {"id", "label", "sector", "sector_label", "group", "value",
                             "geisoleerd", "kwetsbaar", "makelaar", "x", "y", "groep",
                             "betweenness", "lid_sinds", "gemeenten"}
    assert nodes[3]["label"] == XSS  # plain text, untouched: the front-end uses textContent
    assert nodes[2]["sector_label"] == "Kind en Gezin" and nodes[2]["group"] == "kind_en_gezin"
    assert nodes[2]["value"] == 2 and nodes[2]["kwetsbaar"] and nodes[2]["makelaar"]
    assert nodes[4]["geisoleerd"] and nodes[4]["value"] == 0
    assert nodes[4]["sector"] == "andere"  # unknown code falls back to a known colour
    assert [(e["from"], e["to"]) for e in data["edges"]] == [(2, 3), (2, 1), (1, 2)]  # by names
    e = next(e for e in data["edges"] if e["from"] == 1)
    assert e == {"id": "1-2-doorverwijzing", "from": 1, "to": 2, "soort": "doorverwijzing",
                 "soort_label": "Doorverwijzing", "bevestigd": True, "aantal_per_jaar": 12,
                 "sinds": None, "brug": True}
    assert not any("title" in x or "<" in str(x.get("sector_label", ""))
                   for x in data["nodes"] + data["edges"])


def test_sector_palette_one_colour_per_code_readable_with_white_text():
    def luminantie(hexkleur):
        kanalen = [int(hexkleur[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    assert [s["code"] for s in sectoren()] == SECTOR.keys()
    assert len(set(KLEUREN.values())) == len(KLEUREN)
    for s in sectoren():
        assert s["label"] == SECTOR.label(s["code"])
        assert 1.05 / (luminantie(s["kleur"]) + 0.05) >= 4.5, s  # WCAG AA against white


def _layout(n):
    g = graaf(n)
    return layout(g, groepen(g, {p.id: p.naam for p in n.partners}))


def test_layout_is_deterministic_and_keeps_nodes_apart():
    n = groot(120)
    pos = _layout(n)
    assert pos == _layout(n)
    assert set(pos) == {p.id for p in n.partners}
    punten = list(pos.values())
    assert all(math.isfinite(c) for p in punten for c in p)
    kleinste = min(math.dist(p, q) for p, q in itertools.combinations(punten, 2))
    assert kleinste > 1


def test_groups_are_communities_in_discs_apart():
    """Two cliques joined by one link: two groups, each in its own disc, plus the loose ones."""
    partners = tuple(Partner(i, f"P{i:02d}", "andere") for i in range(22))
    pijlen = [(a, b) for a, b in itertools.combinations(range(10), 2)]
    pijlen += [(a, b) for a, b in itertools.combinations(range(10, 20), 2)] + [(0, 10)]
    n = Netwerk(1, "Twee", partners=partners,
                verwijzingen=tuple(Verwijzing(a, b, "samenwerking") for a, b in pijlen))
    g = graaf(n)
    delen = groepen(g, {p.id: p.naam for p in partners})
    assert [set(d.leden) for d in delen] == [set(range(10)), set(range(10, 20)), {20, 21}]
    assert [d.los for d in delen] == [False, False, True]
    pos = layout(g, delen)

    def midden(ids):
        return (sum(pos[i][0] for i in ids) / len(ids), sum(pos[i][1] for i in ids) / len(ids))

    a, b = midden(range(10)), midden(range(10, 20))
    binnen = max(math.dist(pos[i], a) for i in range(10))
    assert math.dist(a, b) > 2 * binnen  # the two groups do not overlap
    data = graph_data(n, analyseer(n))
    assert [x["label"] for x in data["groepen"]] == [
        "Groep 1 rond P00 (10)", "Groep 2 rond P10 (10)", "Losse partners (2)"]
    assert {x["groep"] for x in data["nodes"] if x["id"] in (20, 21)} == {3}
    bruggen = [e for e in data["edges"] if e["brug"]]
    assert [(e["from"], e["to"]) for e in bruggen] == [(0, 10)]


def test_given_positions_win_and_missing_ones_are_filled():
    n = klein()
    data = graph_data(n, analyseer(n), positions={1: (10, 20)})
    nodes = {d["id"]: d for d in data["nodes"]}
    assert (nodes[1]["x"], nodes[1]["y"]) == (10, 20)
    assert all(isinstance(d["x"], float) for d in data["nodes"])


def test_large_network_has_positions_for_everyone():
    n = groot(2000)
    data = graph_data(n, analyseer(n))
    assert len(data["nodes"]) == 2000
    assert all(math.isfinite(d["x"]) and math.isfinite(d["y"]) for d in data["nodes"])
    assert len({(d["x"], d["y"]) for d in data["nodes"]}) == 2000
    assert all(isinstance(d["groep"], int) for d in data["nodes"])
    json.dumps(data)
