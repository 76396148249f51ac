"""Groups (communities) of partners that refer mostly to each other, and a layout that shows them.

`groepen()` runs Louvain (networkx, fixed seed) on the undirected graph of analyse.graaf; every
partner without any link to a group of two or more ends up in one last group of 'losse partners'.
`layout()` places each group in its own disc (size ∝ √members) round the centre, discs of groups
that refer to each other close together (a force layout of the groups), and the partners inside
each disc by a force layout of the group alone: the structure shows at a glance and the cost
stays near-linear (each force layout sees one group, never the whole network).

Deterministic: the same network gives the same groups and the same positions. No Flask, no
SQLAlchemy; networkx (and numpy/scipy, which its layouts use) only.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

SEED = 20140328  # BVR 28 maart 2014, as analyse.BETWEENNESS_SEED: any fixed value is reproducible
EENHEID = 40.0  # disc radius per √member, in layout units (the browser rescales to the screen)
MARGE = 60.0  # at least this much between two discs
BOTSINGEN = 120  # rounds of pushing overlapping discs apart
MAX_BLAD = 250  # a group larger than this is laid out as discs of its own sub-groups
ITERATIES = 50  # force-layout rounds inside one disc


@dataclass(frozen=True)
class Groep:
    nummer: int  # 1 = largest
    leden: tuple[int, ...]  # partner ids, by name
    los: bool = False  # the group of partners without a group of their own

    def to_json(self, naam: dict[int, str], graad: dict[int, int]) -> dict:
        """Plain data; the label names the group's best-linked partner (plain text)."""
        if self.los:
            label = f"Losse partners ({len(self.leden)})"
        else:
            spil = min(self.leden, key=lambda i: (-graad.get(i, 0), naam[i], i))
            label = f"Groep {self.nummer} rond {naam[spil]} ({len(self.leden)})"
        return {"id": self.nummer, "label": label, "aantal": len(self.leden), "los": self.los}


def _gemeenschappen(g: nx.Graph, key) -> list[list[int]]:
    """Louvain communities of g (fixed seed and visiting order), each sorted by key, largest
    first."""
    import networkx as nx

    if not g.number_of_edges():
        return [[n] for n in sorted(g, key=key)]
    vast = nx.Graph()  # insertion order fixes Louvain's visiting order: sort nodes and edges
    vast.add_nodes_from(sorted(g, key=key))
    vast.add_edges_from(sorted((min(a, b, key=key), max(a, b, key=key)) for a, b in g.edges))
    return sorted((sorted(c, key=key) for c in nx.community.louvain_communities(vast, seed=SEED)),
                  key=lambda c: (-len(c), key(c[0])))


def groepen(g: nx.Graph, naam: dict[int, str]) -> tuple[Groep, ...]:
    """Louvain communities of g, largest first (ties by the first member's name)."""
    def key(n: int) -> tuple[str, int]:
        return (naam[n], n)

    echte = [c for c in _gemeenschappen(g, key) if len(c) > 1]
    uit = [Groep(i + 1, tuple(c)) for i, c in enumerate(echte)]
    ingedeeld = {n for c in echte for n in c}
    los = sorted((n for n in g if n not in ingedeeld), key=key)
    if los:
        uit.append(Groep(len(uit) + 1, tuple(los), los=True))
    return tuple(uit)


def _zonnebloem(n: int) -> list[tuple[float, float]]:
    """n points evenly spread over the unit disc (phyllotaxis): for a group without links."""
    hoek = math.pi * (3 - math.sqrt(5))
    return [(math.sqrt((i + 0.5) / n) * math.cos(i * hoek), math.sqrt((i + 0.5) / n) * math.sin(i * hoek))
            for i in range(n)]


def _eenheid(pos: dict) -> dict[int, tuple[float, float]]:
    """Positions round the origin scaled into the unit disc."""
    verste = max(math.hypot(x, y) for x, y in pos.values()) or 1.0
    return {n: (float(x) / verste, float(y) / verste) for n, (x, y) in pos.items()}


def _binnen(g: nx.Graph, leden: tuple[int, ...], diepte: int = 0) -> dict[int, tuple[float, float]]:
    """Positions inside the unit disc for one group's members (in the order given).

    A large group is split into its own communities, each laid out in a disc of its own: the
    force layout never sees more than about MAX_BLAD partners, so the cost stays near-linear."""
    import networkx as nx

    sub = g.subgraph(leden)
    if len(leden) == 1:
        return {leden[0]: (0.0, 0.0)}
    if sub.number_of_edges() == 0:
        return dict(zip(leden, _zonnebloem(len(leden))))
    if len(leden) > MAX_BLAD and diepte < 3:
        rang = {n: i for i, n in enumerate(leden)}
        delen = _gemeenschappen(sub, rang.__getitem__)
        if len(delen) > 1:
            stralen = [EENHEID * math.sqrt(len(d)) for d in delen]
            middens = _middens(sub, delen, stralen)
            pos = {}
            for d, r, (mx, my) in zip(delen, stralen, middens):
                for n, (x, y) in _binnen(g, tuple(d), diepte + 1).items():
                    pos[n] = (mx + x * r, my + y * r)
            return _eenheid(pos)
    vast = nx.Graph()
    vast.add_nodes_from(leden)
    vast.add_edges_from(sorted(sub.edges))
    return _eenheid(nx.spring_layout(vast, seed=SEED, iterations=ITERATIES))


def _middens(g: nx.Graph, delen, stralen: list[float]) -> list[list[float]]:
    """Centre of every group's disc: a force layout of the groups, then no two discs overlap."""
    import networkx as nx

    if len(delen) == 1:
        return [[0.0, 0.0]]
    van = {n: i for i, d in enumerate(delen) for n in getattr(d, "leden", d)}
    gg = nx.Graph()
    gg.add_nodes_from(range(len(delen)))
    for a, b in sorted(g.edges):
        i, j = sorted((van[a], van[b]))
        if i != j:
            gg.add_edge(i, j, weight=gg.get_edge_data(i, j, {"weight": 0})["weight"] + 1)
    pos = nx.spring_layout(gg, seed=SEED, weight="weight", iterations=100)
    schaal = math.sqrt(sum(r * r for r in stralen))  # about the radius all discs need together
    mid = [[float(pos[i][0]) * schaal, float(pos[i][1]) * schaal] for i in range(len(delen))]
    for _ in range(BOTSINGEN):  # push overlapping discs apart (the bigger one moves less)
        bewogen = False
        for i in range(len(mid)):
            for j in range(i + 1, len(mid)):
                dx, dy = mid[j][0] - mid[i][0], mid[j][1] - mid[i][1]
                d = math.hypot(dx, dy)
                nodig = stralen[i] + stralen[j] + MARGE
                if d >= nodig:
                    continue
                if d < 1e-9:
                    dx, dy, d = 1.0, 0.0, 1.0
                te_weinig = nodig - d
                wi = stralen[j] ** 2 / (stralen[i] ** 2 + stralen[j] ** 2)
                mid[i][0] -= dx / d * te_weinig * wi
                mid[i][1] -= dy / d * te_weinig * wi
                mid[j][0] += dx / d * te_weinig * (1 - wi)
                mid[j][1] += dy / d * te_weinig * (1 - wi)
                bewogen = True
        if not bewogen:
            break
    return mid


def layout(g: nx.Graph, delen: tuple[Groep, ...]) -> dict[int, tuple[float, float]]:
    """Positions (x, y) of every node of g, grouped by `delen` (from groepen())."""
    if not delen:
        return {}
    stralen = [EENHEID * math.sqrt(len(d.leden)) for d in delen]
    middens = _middens(g, delen, stralen)
    uit: dict[int, tuple[float, float]] = {}
    for d, r, (mx, my) in zip(delen, stralen, middens):
        for n, (x, y) in _binnen(g, d.leden).items():
            uit[n] = (mx + x * r, my + y * r)
    return uit
