"""Plain JSON-able data for the vis-network drawing of a network (no HTML, no pyvis page).

Labels are plain text: the front-end (graaf.js) puts them in the DOM with textContent only.
Positions are computed here so large networks can be drawn with physics off (vis-network's
physics on 1,500 nodes takes minutes). No Flask, no SQLAlchemy.
"""
from __future__ import annotations

import math
from collections import deque

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported where it is used: ~100 ms at every app start otherwise
    import networkx as nx

from .taxonomie import SECTOR, VERWIJZINGSSOORT
from .snapshot import Netwerk
from .analyse import Analyse, graaf

# Above this many partners the browser gets fixed positions and physics off.
PHYSICS_MAX = 150
RING_AFSTAND = 160.0  # px between successive rings of the radial layout
KNOOP_AFSTAND = 90.0  # minimal px between neighbouring nodes on one ring (room for a label)
MARGE = 120.0  # px between packed components

# One colour per sector (the only place); each has contrast ≥ 4.5:1 with white text (WCAG AA),
# and they stay apart in hue so the legend is readable.
KLEUREN = {
    "kind_en_gezin": "#A4206B",
    "lokaal_bestuur": "#1D3F8F",
    "welzijn": "#6A3D9A",
    "kinderopvang": "#A8430A",
    "onderwijs": "#2B6E2B",
    "gezondheid": "#BB2528",
    "jeugdhulp": "#7F5416",
    "vrije_tijd_cultuur": "#00707A",
    "middenveld": "#556300",
    "mutualiteit": "#0B63A5",
    "andere": "#555555",
}
assert set(KLEUREN) == set(SECTOR.keys()), "one colour per sector code"
ONBEKENDE_SECTOR = "andere"


def _radiaal(g: nx.Graph, knopen: list[int], volgorde: dict[int, tuple]) -> dict[int, tuple]:
    """Radial tree layout of one connected component, O(n + m), deterministic.

    Root = highest degree (name breaks ties); BFS tree; each node gets an angular wedge
    proportional to the leaves below it, and each ring a radius large enough that the smallest
    wedge on it still leaves KNOOP_AFSTAND between neighbours.
    """
    wortel = min(knopen, key=lambda n: (-g.degree(n), volgorde[n]))
    ouder, kinderen, niveau = {wortel: None}, {wortel: []}, {wortel: 0}
    rij, bfs = deque([wortel]), []
    while rij:
        n = rij.popleft()
        bfs.append(n)
        for b in sorted(g[n], key=volgorde.__getitem__):
            if b not in ouder:
                ouder[b], kinderen[b], niveau[b] = n, [], niveau[n] + 1
                kinderen[n].append(b)
                rij.append(b)
    bladeren = {}
    for n in reversed(bfs):
        bladeren[n] = max(1, sum(bladeren[k] for k in kinderen[n]))
    hoek = {wortel: (0.0, 2 * math.pi)}  # node -> (start, width) of its wedge
    for n in bfs:
        start, breedte = hoek[n]
        for k in kinderen[n]:
            deel = breedte * bladeren[k] / bladeren[n]
            hoek[k] = (start, deel)
            start += deel
    kleinste: dict[int, float] = {}
    for n in bfs[1:]:
        kleinste[niveau[n]] = min(kleinste.get(niveau[n], math.inf), hoek[n][1])
    straal = {0: 0.0}
    for d in range(1, max(niveau.values()) + 1):
        straal[d] = max(straal[d - 1] + RING_AFSTAND, KNOOP_AFSTAND / kleinste[d])
    pos = {}
    for n in bfs:
        a = hoek[n][0] + hoek[n][1] / 2
        r = straal[niveau[n]]
        pos[n] = (r * math.cos(a), r * math.sin(a))
    return pos


def layout(g: nx.Graph, volgorde: dict[int, tuple] | None = None) -> dict[int, tuple]:
    """Pixel positions for every node: each component laid out radially, then shelf-packed.

    Linear in nodes + edges (plus sorting). Largest components first; isolated nodes end up in
    rows at the bottom. `volgorde` gives each node a sort key (default: the node itself).
    """
    import networkx as nx

    volgorde = volgorde or {n: (n,) for n in g}
    delen = sorted((sorted(c, key=volgorde.__getitem__) for c in nx.connected_components(g)),
                   key=lambda c: (-len(c), volgorde[c[0]]))
    vakken = []
    for c in delen:
        pos = _radiaal(g, c, volgorde)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        vakken.append((pos, min(xs), min(ys), max(xs) - min(xs) + MARGE,
                       max(ys) - min(ys) + MARGE))
    totaal = sum(b * h for _, _, _, b, h in vakken)
    max_breedte = max([math.sqrt(totaal) * 1.5] + [b for _, _, _, b, _ in vakken])
    uit, x, y, rijhoogte = {}, 0.0, 0.0, 0.0
    for pos, x0, y0, b, h in vakken:
        if x > 0 and x + b > max_breedte:  # next shelf
            x, y, rijhoogte = 0.0, y + rijhoogte, 0.0
        for n, (px, py) in pos.items():
            uit[n] = (px - x0 + x, py - y0 + y)
        x += b
        rijhoogte = max(rijhoogte, h)
    if uit:  # centre on the origin, where vis-network looks first
        cx = (min(p[0] for p in uit.values()) + max(p[0] for p in uit.values())) / 2
        cy = (min(p[1] for p in uit.values()) + max(p[1] for p in uit.values())) / 2
        uit = {n: (px - cx, py - cy) for n, (px, py) in uit.items()}
    return uit


def sectoren() -> list[dict]:
    """The legend: every sector code with its Dutch label and colour, in taxonomy order."""
    return [{"code": c.code, "label": c.label, "kleur": KLEUREN[c.code]} for c in SECTOR]


def graph_data(netwerk: Netwerk, analyse: Analyse, positions=None) -> dict:
    """Nodes, edges and legend for vis-network; `positions` (id -> (x, y)) overrides the layout."""
    g = graaf(netwerk)
    volgorde = {p.id: (p.naam, p.id) for p in netwerk.partners}
    positions = dict(positions or {})
    if any(p.id not in positions for p in netwerk.partners):
        positions = {**layout(g, volgorde), **positions}
    geisoleerd = set(analyse.geisoleerd)
    kwetsbaar = set(analyse.kwetsbare_schakels)
    makelaars = set(analyse.makelaars)
    nodes = []
    for p in sorted(netwerk.partners, key=lambda p: (p.naam, p.id)):
        sector = p.sector if p.sector in KLEUREN else ONBEKENDE_SECTOR
        x, y = positions[p.id]
        nodes.append({
            "id": p.id,
            "label": str(p.naam),
            "sector": sector,
            "sector_label": SECTOR.label(sector),
            "group": sector,
            "value": analyse.graad.get(p.id, 0),
            "geisoleerd": p.id in geisoleerd,
            "kwetsbaar": p.id in kwetsbaar,
            "makelaar": p.id in makelaars,
            "x": round(float(x), 1),
            "y": round(float(y), 1),
        })
    edges = []
    for v in netwerk.verwijzingen:
        if v.van in volgorde and v.naar in volgorde and v.van != v.naar:
            edges.append({
                "id": f"{v.van}-{v.naar}-{v.soort}",
                "from": v.van,
                "to": v.naar,
                "soort": v.soort,
                "soort_label": VERWIJZINGSSOORT.label(v.soort),
                "bevestigd": bool(v.bevestigd),
                "aantal_per_jaar": v.aantal_per_jaar,
                "arrows": "to",
            })
    edges.sort(key=lambda e: (volgorde[e["from"]], volgorde[e["to"]], e["soort"]))
    return {"nodes": nodes, "edges": edges, "sectoren": sectoren(),
            "physics": len(nodes) <= PHYSICS_MAX}
