"""Plain JSON-able data for the network picture (graaf.js draws it with sigma.js; no HTML).

Labels are plain text: the front-end puts them in the DOM with textContent only, or on a canvas.
Positions and groups (communities) are computed here, once per network revision (the view
caches the result like the bundle), so the browser draws at once whatever the size.
No Flask, no SQLAlchemy.
"""
from __future__ import annotations

from . import gemeenten as gemeentelijst
from .analyse import Analyse, graaf
from .groepen import groepen, layout
from .snapshot import Netwerk
from .taxonomie import SECTOR, VERWIJZINGSSOORT

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


def sectoren() -> list[dict]:
    """The legend: every sector code with its Dutch label and colour, in taxonomy order."""
    return [{"code": c.code, "label": c.label, "kleur": KLEUREN[c.code]} for c in SECTOR]


def _datum(d) -> str | None:
    return None if d is None else d.isoformat()


def _begin(partner) -> str | None:
    """The first day the partner was a member (None: unknown, so always drawn)."""
    dagen = [van for van, _ in partner.perioden if van is not None] if partner.perioden else []
    if partner.perioden and len(dagen) < len(partner.perioden):
        return None  # one span without a start: a member from the beginning
    return _datum(min(dagen) if dagen else partner.lid_sinds)


def structuur(netwerk: Netwerk) -> tuple:
    """What groups and layout depend on: partners (with names, for the order) and the
    undirected links. Two revisions with the same structure share one schikking."""
    g = graaf(netwerk)
    return (tuple(sorted((p.id, p.naam) for p in netwerk.partners)),
            tuple(sorted((min(a, b), max(a, b)) for a, b in g.edges)))


def schikking(netwerk: Netwerk) -> tuple:
    """(groups, positions) of the network: the costly part of the picture, cacheable apart."""
    g = graaf(netwerk)
    delen = groepen(g, {p.id: p.naam for p in netwerk.partners})
    return delen, layout(g, delen)


def graph_data(netwerk: Netwerk, analyse: Analyse, positions=None, geschikt=None) -> dict:
    """Nodes, edges, groups and legend for the picture; `geschikt` is schikking()'s result when
    already known; `positions` (id -> (x, y)) overrides the layout."""
    naam = {p.id: p.naam for p in netwerk.partners}
    volgorde = {p.id: (p.naam, p.id) for p in netwerk.partners}
    delen, berekend = geschikt or schikking(netwerk)
    groep_van = {n: d.nummer for d in delen for n in d.leden}
    positions = {**berekend, **(positions or {})}
    geisoleerd = set(analyse.geisoleerd)
    kwetsbaar = set(analyse.kwetsbare_schakels)
    makelaars = set(analyse.makelaars)
    bruggen = {frozenset(b) for b in analyse.bruggen}
    nodes, nis_codes = [], set()
    for p in sorted(netwerk.partners, key=lambda p: (p.naam, p.id)):
        sector = p.sector if p.sector in KLEUREN else ONBEKENDE_SECTOR
        x, y = positions[p.id]
        nis_codes.update(p.gemeenten)
        nodes.append({
            "id": p.id,
            "label": str(p.naam),
            "sector": sector,
            "sector_label": SECTOR.label(sector),
            "group": sector,
            "groep": groep_van[p.id],
            "value": analyse.graad.get(p.id, 0),
            "betweenness": round(analyse.betweenness.get(p.id, 0.0), 5),
            "geisoleerd": p.id in geisoleerd,
            "kwetsbaar": p.id in kwetsbaar,
            "makelaar": p.id in makelaars,
            "lid_sinds": _begin(p),
            "gemeenten": sorted(p.gemeenten),
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
                "sinds": _datum(v.sinds),
                "brug": frozenset((v.van, v.naar)) in bruggen,
            })
    edges.sort(key=lambda e: (volgorde[e["from"]], volgorde[e["to"]], e["soort"]))
    graad = analyse.graad
    return {"nodes": nodes, "edges": edges, "sectoren": sectoren(),
            "groepen": [d.to_json(naam, graad) for d in delen],
            "gemeenten": sorted(({"nis": c, "naam": gemeentelijst.naam(c)} for c in nis_codes),
                                key=lambda x: (x["naam"], x["nis"])),
            "betweenness_benaderd": analyse.benaderd}
