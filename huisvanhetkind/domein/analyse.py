"""Graph analysis of a network's verwijzingen (domein.md §6): pure networkx over a snapshot.

Nodes are all member partners (isolated ones too); edges are verwijzingen between members.
Structural measures use the undirected simple graph (a link either way, any soort, counts once);
reciprociteit and eenrichting use the directed pairs (soorten collapsed: a→b when any verwijzing
a→b exists). Every step is linear in partners + verwijzingen except betweenness, which is bounded
by a work budget (see BETWEENNESS_BUDGET). No Flask, no SQLAlchemy.
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported where it is used: ~100 ms at every app start otherwise
    import networkx as nx

from . import gemeenten
from .taxonomie import FUNCTIE, LEEFTIJDSGROEP
from .nood import rangschik
from .snapshot import Netwerk, Verwijzing

# Exact betweenness costs O(n·(n+m)): one shortest-path search per partner. We cap the work at
# BETWEENNESS_BUDGET node+edge visits: while n·(n+m) fits, it is exact (real HvK networks of
# 20–200 partners); above, networkx samples k = budget/(n+m) source pivots (Brandes–Pich, fixed
# seed, so reproducible) but never fewer than BETWEENNESS_MIN_PIVOTS. The cost is thus bounded
# up to ~25,000 partners+links (the largest real network: ~55 pivots) and linear beyond, with a
# small floor of pivots so a hypothetical 16× network stays affordable (bench/results.md). The
# hubs that matter as makelaar keep their rank under sampling; Analyse.benaderd tells the UI
# the scores are estimates.
BETWEENNESS_BUDGET = 400_000
BETWEENNESS_MIN_PIVOTS = 16
BETWEENNESS_SEED = 20140328  # BVR 28 maart 2014; any fixed value keeps the result reproducible
MAX_MAKELAARS = 5

UITLEG = {
    "geisoleerd": "Partners zonder enige verwijzing in of uit: ze ondertekenden maar werken (nog) "
                  "niet samen, dus spreek met hen af naar wie ze gezinnen verwijzen en omgekeerd.",
    "kwetsbare_schakels": "Partners die als enige delen van het netwerk verbinden: valt zo'n partner "
                          "weg, dan valt het netwerk uiteen, dus leg rechtstreekse verwijzingen "
                          "tussen de delen die nu via hen lopen.",
    "bruggen": "Verwijzingen die als enige twee delen van het netwerk verbinden: versterk die delen "
               "met een tweede, onafhankelijke verbinding.",
    "makelaars": "Partners die het vaakst op de kortste weg tussen andere partners liggen: zij "
                 "houden het netwerk samen, dus betrek hen bij zorgafstemming maar spreid hun last "
                 "zodat het netwerk niet van hen alleen afhangt.",
    "componenten": "Het aantal losse delen van het netwerk (een geïsoleerde partner telt als één "
                   "deel): streef naar één geheel door de delen met elkaar te verbinden.",
    "dichtheid": "Het aandeel van alle mogelijke koppels partners dat rechtstreeks verbonden is: "
                 "in een groot netwerk is een lage waarde normaal, in een klein netwerk wijst ze "
                 "op weinig samenwerking.",
    "reciprociteit": "Het aandeel van de verbonden koppels partners dat in beide richtingen naar "
                     "elkaar verwijst: bij een lage waarde gaat doorverwijzen vooral één kant op, "
                     "dus bespreek of terugkoppeling en terugverwijzing ontbreken.",
    "eenrichting": "Koppels waarbij de ene partner naar de andere verwijst maar nooit omgekeerd: "
                   "ga na of de ontvanger ook gezinnen kan terugverwijzen of terugkoppelen.",
    "onbevestigd": "Verwijzingen die de ontvangende partner nog niet bevestigde: vraag die partner "
                   "ze te bevestigen of te corrigeren.",
    "cb_bereik": "De partners die het consultatiebureau rechtstreeks of via één tussenpartner "
                 "bereikt: wie daarbuiten valt, bereikt jonge gezinnen moeilijk, dus maak een "
                 "verwijsafspraak met het consultatiebureau.",
    "lacunes": "Combinaties van functie, leeftijdsgroep en gemeente zonder enig aanbod: zoek een "
               "partner die dit opneemt, of markeer de cel met reden als 'bewust niet'.",
    "bewust_niet": "Cellen zonder aanbod die de coördinator bewust niet invult, met de reden: "
                   "herbekijk die keuze bij elke nieuwe aanvraag.",
    "overlappen": "Aanbod van verschillende partners met dezelfde vorm voor dezelfde gezinnen op "
                  "dezelfde plaats: bespreek samen afstemming of taakverdeling (een signaal, geen "
                  "fout).",
}


@dataclass(frozen=True)
class CbBereik:
    """Who the consultatiebureau partner(s) reach in the undirected graph."""
    cb: tuple[int, ...]  # the consultatiebureau partners themselves
    een_stap: frozenset[int]  # at distance exactly 1 from some cb partner
    twee_stappen: frozenset[int]  # at distance exactly 2 (so reached within two steps: the union)
    buiten_bereik: frozenset[int]  # members reached in neither (cb partners excluded)


@dataclass(frozen=True)
class Analyse:
    """The §6 measures; ids are partner ids, tuples ordered by partner name then id."""
    geisoleerd: tuple[int, ...]
    kwetsbare_schakels: tuple[int, ...]
    bruggen: tuple[tuple[int, int], ...]  # each pair ordered by name
    makelaars: tuple[int, ...]  # highest betweenness first
    componenten: int
    dichtheid: float
    reciprociteit: float | None  # None when there is no link at all
    eenrichting: tuple[tuple[int, int], ...]  # (van, naar) with no link naar → van
    onbevestigd: tuple[Verwijzing, ...]
    cb_bereik: CbBereik
    graad: dict[int, int] = field(hash=False)  # degree in the undirected graph
    betweenness: dict[int, float] = field(hash=False)  # normalised
    benaderd: bool = False  # betweenness estimated from sampled pivots


def graaf(netwerk: Netwerk) -> nx.Graph:
    """The undirected simple graph: every member a node, verwijzingen between members as edges."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sorted(p.id for p in netwerk.partners))  # sorted: reproducible sampling
    g.add_edges_from((v.van, v.naar) for v in netwerk.verwijzingen
                     if v.van != v.naar and v.van in g and v.naar in g)
    return g


def buren(netwerk: Netwerk) -> dict[int, set[int]]:
    """graaf() as a dict of neighbour sets, in the same node order."""
    uit: dict[int, set[int]] = {i: set() for i in sorted(p.id for p in netwerk.partners)}
    for v in netwerk.verwijzingen:
        if v.van != v.naar and v.van in uit and v.naar in uit:
            uit[v.van].add(v.naar)
            uit[v.naar].add(v.van)
    return uit


def geisoleerd(netwerk: Netwerk) -> tuple[int, ...]:
    """Members without any verwijzing to or from another member, by name (no graph needed)."""
    leden = {p.id for p in netwerk.partners}
    verbonden = {x for v in netwerk.verwijzingen
                 if v.van != v.naar and v.van in leden and v.naar in leden for x in (v.van, v.naar)}
    return tuple(p.id for p in sorted(netwerk.partners, key=lambda p: (p.naam, p.id))
                 if p.id not in verbonden)


def pivots(n: int, m: int) -> int:
    """How many source partners betweenness uses: all (exact) while the budget allows."""
    if n * (n + m) <= BETWEENNESS_BUDGET:
        return n
    return min(n, max(BETWEENNESS_MIN_PIVOTS, BETWEENNESS_BUDGET // (n + m)))


def _cb_bereik(g: dict[int, set[int]], cb: tuple[int, ...]) -> CbBereik:
    bron = set(cb)
    een = {n for c in cb for n in g[c]} - bron
    twee = {n for e in een for n in g[e]} - een - bron
    rest = frozenset(g) - bron - een - twee
    return CbBereik(cb, frozenset(een), frozenset(twee), rest)


def _schakels_en_bruggen(g: nx.Graph) -> tuple[set[int], list[tuple[int, int]]]:
    """Articulation points and bridges from one depth-first pass (networkx needs two, and its
    bridges() alone costs four times more): a biconnected component of one edge is a bridge, a
    partner in two or more components is a kwetsbare schakel."""
    import networkx as nx

    bruggen, gezien = [], Counter()
    for component in nx.biconnected_component_edges(g):
        if len(component) == 1:
            bruggen.append(component[0])
        gezien.update({x for edge in component for x in edge})
    return {n for n, c in gezien.items() if c > 1}, bruggen


@dataclass(frozen=True)
class Structuurmaten:
    """The costly graph measures: they depend on the undirected graph alone (member ids and
    linked pairs), so an edit of names, aanbod, counts or confirmations keeps them. The pipeline
    keeps them per structure (`structuur_sleutel`) for every worker and host."""
    betweenness: dict[int, float] = field(hash=False)
    benaderd: bool
    schakels: frozenset[int]
    bruggen: tuple[tuple[int, int], ...]
    componenten: int
    dichtheid: float


def structuur_sleutel(netwerk: Netwerk) -> tuple:
    """What structuurmaten() reads: the member ids and the undirected linked pairs (the nodes
    and edges of graaf(), without building the graph: this key is made for every new bundle)."""
    leden = {p.id for p in netwerk.partners}
    paren = {(v.van, v.naar) if v.van < v.naar else (v.naar, v.van)
             for v in netwerk.verwijzingen if v.van != v.naar and v.van in leden
             and v.naar in leden}
    return (tuple(sorted(leden)), tuple(sorted(paren)))


def structuurmaten(netwerk: Netwerk, g: nx.Graph | None = None) -> Structuurmaten:
    import networkx as nx

    g = graaf(netwerk) if g is None else g
    k = pivots(g.number_of_nodes(), g.number_of_edges())
    benaderd = k < g.number_of_nodes()
    betweenness = nx.betweenness_centrality(g, k=k if benaderd else None, normalized=True,
                                            seed=BETWEENNESS_SEED if benaderd else None)
    schakels, bruggen = _schakels_en_bruggen(g)
    return Structuurmaten(betweenness=betweenness, benaderd=benaderd,
                          schakels=frozenset(schakels), bruggen=tuple(bruggen),
                          componenten=nx.number_connected_components(g),
                          dichtheid=nx.density(g))


def analyseer(netwerk: Netwerk, maten: Structuurmaten | None = None) -> Analyse:
    """The graph analysis; `maten` are structuurmaten() of this very structure when already
    known (then no shortest path is computed here)."""
    maten = structuurmaten(netwerk) if maten is None else maten
    # the neighbours as plain sets: with the costly measures known, building networkx's graph
    # (53 ms for the largest network) was most of a new bundle's analysis
    g = buren(netwerk)
    naam = {p.id: p.naam for p in netwerk.partners}

    def key(n: int) -> tuple[str, int]:
        return (naam[n], n)

    def paar(a: int, b: int) -> tuple[int, int]:
        return (a, b) if key(a) <= key(b) else (b, a)

    pijlen = {(v.van, v.naar) for v in netwerk.verwijzingen
              if v.van != v.naar and v.van in naam and v.naar in naam}
    eenrichting = sorted(((a, b) for a, b in pijlen if (b, a) not in pijlen),
                         key=lambda p: (key(p[0]), key(p[1])))
    # reciprociteit over unordered linked pairs: the complement of the eenrichting share
    koppels = sum(map(len, g.values())) // 2
    reciprociteit = (koppels - len(eenrichting)) / koppels if koppels else None

    betweenness = maten.betweenness
    # round so float noise in equal scores cannot beat the name tie-break; only the top few
    # are shown, so no full sort of every partner
    kandidaten = heapq.nsmallest(MAX_MAKELAARS, (n for n, b in betweenness.items() if b > 1e-12),
                                 key=lambda n: (-round(betweenness[n], 12), key(n)))

    return Analyse(
        geisoleerd=geisoleerd(netwerk),
        kwetsbare_schakels=tuple(sorted(maten.schakels, key=key)),
        bruggen=tuple(sorted((paar(a, b) for a, b in maten.bruggen),
                             key=lambda p: (key(p[0]), key(p[1])))),
        makelaars=tuple(kandidaten),
        componenten=maten.componenten,
        dichtheid=maten.dichtheid,
        reciprociteit=reciprociteit,
        eenrichting=tuple(eenrichting),
        onbevestigd=tuple(v for v in netwerk.verwijzingen
                          if not v.bevestigd and v.van in naam and v.naar in naam),
        cb_bereik=_cb_bereik(g, netwerk.consultatiebureau_partners()),
        graad={n: len(b) for n, b in g.items()},
        betweenness=betweenness,
        benaderd=maten.benaderd,
    )


def _lacunes(lacunes: list, nood: dict | None) -> list[dict]:
    def doc(c) -> dict:
        return {"functie": c.functie, "leeftijdsgroep": c.leeftijdsgroep,
                "gemeente": gemeenten.naam(c.nis)}
    if nood is None:
        return [doc(c) for c in lacunes]
    return [doc(c) | {"nood": nood.get(c)} for c in rangschik(lacunes, nood)]


def to_json(netwerk: Netwerk, analyse: Analyse, lacunes=(), overlappen=(),
            bewust_niet=(), nood: dict | None = None) -> dict:
    """The `analyse` document of domein.md §8 (names, not ids), plus a few extra keys.

    lacunes, overlappen and bewust_niet are the results of dekking.py (duck-typed so this
    module does not depend on it). With `nood` (lacune → nood, nood.py) every lacune carries
    its nood and the lacunes are ranked by it, highest first; without, the document is as
    before.
    """
    naam = {p.id: p.naam for p in netwerk.partners}
    f_orde = {c: i for i, c in enumerate(FUNCTIE.keys())}
    l_orde = {c: i for i, c in enumerate(LEEFTIJDSGROEP.keys())}

    def namen(ids) -> list[str]:
        return sorted(naam[i] for i in ids)

    def cel(c) -> tuple:
        return (gemeenten.naam(c.nis), f_orde.get(c.functie, 99),
                l_orde.get(c.leeftijdsgroep, 99), c.functie, c.leeftijdsgroep)

    cb = analyse.cb_bereik
    return {
        "netwerk": netwerk.naam,
        "geisoleerd": namen(analyse.geisoleerd),
        "kwetsbare_schakels": namen(analyse.kwetsbare_schakels),
        "bruggen": sorted(sorted([naam[a], naam[b]]) for a, b in analyse.bruggen),
        # makelaars keep their rank order (highest betweenness first)
        "makelaars": [naam[i] for i in analyse.makelaars],
        "componenten": analyse.componenten,
        "lacunes": _lacunes(sorted(lacunes, key=cel), nood),
        "overlappen": [{"aanbodvorm": o.aanbodvorm, "leeftijdsgroep": o.leeftijdsgroep,
                        "gemeente": gemeenten.naam(o.nis), "aanbod": sorted(o.aanbod_namen)}
                       for o in sorted(overlappen, key=lambda o: (
                           gemeenten.naam(o.nis), o.aanbodvorm, l_orde.get(o.leeftijdsgroep, 99),
                           sorted(o.aanbod_namen)))],
        "bewust_niet": [{"functie": c.functie, "leeftijdsgroep": c.leeftijdsgroep,
                         "gemeente": gemeenten.naam(c.nis), "reden": c.reden}
                        for c in sorted(bewust_niet, key=cel)],
        "dichtheid": round(analyse.dichtheid, 4),
        "reciprociteit": (None if analyse.reciprociteit is None
                          else round(analyse.reciprociteit, 4)),
        "eenrichting": sorted([naam[a], naam[b]] for a, b in analyse.eenrichting),
        "onbevestigd": sorted([naam[v.van], naam[v.naar], v.soort] for v in analyse.onbevestigd),
        "cb_bereik": {"consultatiebureau": namen(cb.cb), "een_stap": namen(cb.een_stap),
                      "twee_stappen": namen(cb.twee_stappen),
                      "buiten_bereik": namen(cb.buiten_bereik)},
        "betweenness_benaderd": analyse.benaderd,
    }
