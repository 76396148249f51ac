"""vis-network data: plain JSON, plain-text labels, one colour per sector, deterministic layout."""
import itertools
import json
import math
import random

from huisvanhetkind.domein.analyse import analyseer
from huisvanhetkind.domein.tekening import KLEUREN, PHYSICS_MAX, graph_data, layout, sectoren
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
    assert data["physics"] is True
    nodes = {d["id"]: d for d in data["nodes"]}
    assert set(nodes[1]) == {"id", "label", "sector", "sector_label", "group", "value",
                             "geisoleerd", "kwetsbaar", "makelaar", "x", "y"}
    assert nodes[3]["label"] == XSS  # plain text, untouched: the front-end uses textContent
    assert nodes[2]["sector_label"] == "Kind en Gezin" and nodes[2]["group"] == "kind_en_gezin"
    assert nodes[2]["value"] == 2 and nodes[2]["kwetsbaar"] and nodes[2]["makelaar"]
    assert nodes[4]["geisoleerd"] and nodes[4]["value"] == 0
    assert nodes[4]["sector"] == "andere"  # unknown code falls back to a known colour
    assert [(e["from"], e["to"]) for e in data["edges"]] == [(2, 3), (2, 1), (1, 2)]  # by names
    e = next(e for e in data["edges"] if e["from"] == 1)
    assert e == {"id": "1-2-doorverwijzing", "from": 1, "to": 2, "soort": "doorverwijzing",
                 "soort_label": "Doorverwijzing", "bevestigd": True, "aantal_per_jaar": 12,
                 "arrows": "to"}
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


def test_layout_is_deterministic_and_keeps_nodes_apart():
    n = groot(120)
    g = graaf(n)
    pos = layout(g)
    assert pos == layout(g)
    assert set(pos) == set(g)
    punten = list(pos.values())
    assert all(math.isfinite(c) for p in punten for c in p)
    kleinste = min(math.dist(p, q) for p, q in itertools.combinations(punten, 2))
    assert kleinste > 40


def test_star_and_path_layouts():
    ster = Netwerk(1, "Ster", partners=tuple(Partner(i, f"P{i}", "andere") for i in range(201)),
                   verwijzingen=tuple(Verwijzing(0, i, "samenwerking") for i in range(1, 201)))
    pos = layout(graaf(ster))
    straal = {round(math.dist(pos[0], pos[i])) for i in range(1, 201)}
    assert len(straal) == 1  # the leaves sit on one ring round the hub
    kleinste = min(math.dist(pos[i], pos[i + 1]) for i in range(1, 200))
    assert kleinste > 80


def test_given_positions_win_and_missing_ones_are_filled():
    n = klein()
    data = graph_data(n, analyseer(n), positions={1: (10, 20)})
    nodes = {d["id"]: d for d in data["nodes"]}
    assert (nodes[1]["x"], nodes[1]["y"]) == (10, 20)
    assert all(isinstance(d["x"], float) for d in data["nodes"])


def test_large_network_has_physics_off_and_positions_for_everyone():
    n = groot(2000)
    data = graph_data(n, analyseer(n))
    assert data["physics"] is False and len(data["nodes"]) == 2000 > PHYSICS_MAX
    assert all(math.isfinite(d["x"]) and math.isfinite(d["y"]) for d in data["nodes"])
    assert len({(d["x"], d["y"]) for d in data["nodes"]}) == 2000
    json.dumps(data)
