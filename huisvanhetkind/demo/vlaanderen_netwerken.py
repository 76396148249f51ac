"""Flanders-scale demo, step 1: the networks, their werkingsgebied and their target sizes. Pure.

Every Flemish municipality lies in exactly one network, whole, except the two largest cities,
which are split by named parts (districts, deelgemeenten) over several networks: that exercises
the E2 rule "two networks may share a municipality only if both name distinct parts of it".
Other networks are runs of neighbouring municipalities (consecutive NIS codes within a province
share an arrondissement), so a network never crosses a province.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..domein import gemeenten

# Split cities: (network name, parts of the municipality). Parts are real districts/deelgemeenten.
GEDEELD = {
    "11002": (  # Antwerpen
        ("Huis van het Kind Antwerpen Centrum", ("Antwerpen", "Borgerhout", "Deurne")),
        ("Huis van het Kind Antwerpen Noord", ("Merksem", "Ekeren", "Berendrecht-Zandvliet-Lillo")),
        ("Huis van het Kind Antwerpen Zuid", ("Berchem", "Wilrijk", "Hoboken")),
    ),
    "44021": (  # Gent
        ("Huis van het Kind Gent Zuid", ("Binnenstad", "Ledeberg", "Gentbrugge", "Zwijnaarde",
                                         "Sint-Denijs-Westrem")),
        ("Huis van het Kind Gent Noord", ("Oostakker", "Sint-Amandsberg", "Wondelgem",
                                          "Mariakerke", "Drongen")),
    ),
}
# Centre cities that form a network on their own when there are enough networks to go round.
STEDEN = ("31005", "24062", "71072", "12025", "34022", "41002")  # Brugge Leuven Hasselt ...
# The few very large networks: their weight against ~1 for an ordinary one (at full scale that
# gives 500–900 members against 50–150 for most).
GROOT = {"Huis van het Kind Antwerpen Centrum": 8.0, "Huis van het Kind Gent Zuid": 6.5,
         "Huis van het Kind Brugge": 5.2, "Huis van het Kind Leuven": 4.8}


@dataclass
class NetwerkSpec:
    id: int
    naam: str
    provincie: str
    delen: tuple[tuple[str, str], ...]  # (nis, deel); deel '' = the whole municipality
    doel: int = 0  # target number of active members

    @property
    def gemeenten(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(nis for nis, _ in self.delen))


def vlaamse_gemeenten() -> list[gemeenten.Gemeente]:
    return sorted((g for g in gemeenten.alle() if g.provincie != gemeenten.BRUSSEL),
                  key=lambda g: g.nis)


def _naam(groep: list[gemeenten.Gemeente]) -> str:
    if len(groep) == 1:
        return f"Huis van het Kind {groep[0].naam}"
    if len(groep) == 2:
        return f"Huis van het Kind {groep[0].naam}-{groep[1].naam}"
    return f"Huis van het Kind Regio {groep[0].naam}"


def _verdeel(aantal: int, gewichten: dict[str, int]) -> dict[str, int]:
    """Largest-remainder split of `aantal` over the keys, at least 1 and at most the weight."""
    totaal = sum(gewichten.values())
    ruw = {k: aantal * w / totaal for k, w in gewichten.items()}
    deel = {k: max(1, min(gewichten[k], int(v))) for k, v in ruw.items()}
    for k in sorted(ruw, key=lambda k: ruw[k] - int(ruw[k]), reverse=True):
        if sum(deel.values()) >= aantal:
            break
        if deel[k] < gewichten[k]:
            deel[k] += 1
    return deel


def netwerken(rng: random.Random, aantal: int) -> list[NetwerkSpec]:
    """`aantal` networks (at least 5 + 5) covering all 285 Flemish municipalities."""
    vlaams = vlaamse_gemeenten()
    groepen: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []  # naam, provincie, delen
    for nis, stukken in GEDEELD.items():
        prov = gemeenten.provincie_van(nis)
        groepen += [(naam, prov, tuple((nis, d) for d in delen)) for naam, delen in stukken]
    rest = [g for g in vlaams if g.nis not in GEDEELD]
    over = aantal - len(groepen)
    if over < 5:
        raise ValueError("te weinig netwerken om Vlaanderen te verdelen")
    if over >= 60:  # enough networks: the centre cities stand alone
        for nis in STEDEN:
            g = gemeenten.get(nis)
            groepen.append((_naam([g]), g.provincie, ((nis, ""),)))
        rest = [g for g in rest if g.nis not in STEDEN]
        over -= len(STEDEN)
    per_provincie: dict[str, list[gemeenten.Gemeente]] = {}
    for g in rest:
        per_provincie.setdefault(g.provincie, []).append(g)
    aantallen = _verdeel(over, {p: len(gs) for p, gs in sorted(per_provincie.items())})
    for prov, gs in sorted(per_provincie.items()):
        k = aantallen[prov]
        sneden = sorted(rng.sample(range(1, len(gs)), k - 1)) if k > 1 else []
        for a, b in zip([0] + sneden, sneden + [len(gs)]):
            groep = gs[a:b]
            groepen.append((_naam(groep), prov, tuple((g.nis, "") for g in groep)))
    # stable order: by province, then by the first NIS code (neighbours stay neighbours)
    groepen.sort(key=lambda t: (t[1], t[2][0][0], t[0]))
    return [NetwerkSpec(id=i, naam=naam, provincie=prov, delen=delen)
            for i, (naam, prov, delen) in enumerate(groepen, start=1)]


def doelgroottes(rng: random.Random, specs: list[NetwerkSpec], lidmaatschappen: int) -> None:
    """Set each network's target member count: a few very large, most 50–150 (at full scale)."""
    gewichten = {s.id: GROOT.get(s.naam) or min(1.5, max(0.45, rng.lognormvariate(0, 0.25)))
                 for s in specs}
    som = sum(gewichten.values())
    for s in specs:
        s.doel = max(4, round(lidmaatschappen * gewichten[s.id] / som))
