"""The need behind a lacune (domein.md §12, omgevingsanalyse): the one place of the rule. Pure.

A municipality's indicators (snapshot.Indicator, per year) weigh the lacunes of the coverage
(dekking.py): the nood of a lacune is the number of children of its leeftijdsgroep in its
municipality, raised by the share of births in kansarme gezinnen:

    nood = kinderen × (1 + kansarmoede_pct / 100)

`prenataal` counts the geboorten; the latest year of each indicator in each municipality is
used. Without the children's figure a lacune has no nood (None); without kansarmoede_pct the
children count as they are. Lacunes are ranked by nood, highest first, unknown last.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol, TypeVar

from . import gemeenten
from .snapshot import Indicator, Netwerk
from .taxonomie import INDICATOR

# the children behind each needed leeftijdsgroep (dekking.NODIGE_LEEFTIJDEN)
LEEFTIJD_INDICATOR = {"prenataal": "geboorten", "0-3": "kinderen_0_3", "3-6": "kinderen_3_6",
                      "6-12": "kinderen_6_12", "12-18": "kinderen_12_18"}
KANSARMOEDE = "kansarmoede_pct"
PERCENTAGES = frozenset({"kansarmoede_pct", "niet_nederlandstalige_moeder_pct"})
assert set(LEEFTIJD_INDICATOR.values()) | PERCENTAGES == set(INDICATOR.keys())

Laatste = dict[tuple[str, str], Indicator]  # (nis, indicator) -> its latest year


class Cel(Protocol):
    leeftijdsgroep: str
    nis: str


C = TypeVar("C", bound=Cel)


def laatste(indicatoren: Iterable[Indicator]) -> Laatste:
    """Per (municipality, indicator) the figure of the latest year."""
    uit: Laatste = {}
    for i in indicatoren:
        huidig = uit.get((i.nis, i.indicator))
        if huidig is None or i.jaar > huidig.jaar:
            uit[i.nis, i.indicator] = i
    return uit


def kinderen(cijfers: Laatste, nis: str, leeftijdsgroep: str) -> float | None:
    """The children of this leeftijdsgroep in this municipality (geboorten for prenataal)."""
    code = LEEFTIJD_INDICATOR.get(leeftijdsgroep)
    gevonden = cijfers.get((nis, code)) if code else None
    return None if gevonden is None else gevonden.waarde


def nood(cijfers: Laatste, nis: str, leeftijdsgroep: str) -> float | None:
    """kinderen × (1 + kansarmoede_pct/100), rounded to one decimal; None without children."""
    aantal = kinderen(cijfers, nis, leeftijdsgroep)
    if aantal is None:
        return None
    pct = cijfers.get((nis, KANSARMOEDE))
    return round(aantal * (1 + (pct.waarde if pct else 0.0) / 100), 1)


def per_cel(netwerk: Netwerk, cellen: Iterable[C]) -> dict[C, float | None]:
    """The nood of each cell (a lacune); empty when the network has no indicators at all."""
    if not netwerk.indicatoren:
        return {}
    cijfers = laatste(netwerk.indicatoren)
    return {c: nood(cijfers, c.nis, c.leeftijdsgroep) for c in cellen}


def rangschik(cellen: Iterable[C], noden: dict[C, float | None]) -> list[C]:
    """Highest nood first, unknown nood last; equal nood keeps the given order (stable)."""
    return sorted(cellen, key=lambda c: (noden.get(c) is None, -(noden.get(c) or 0.0)))


def som(waarden: Iterable[float | None]) -> float | None:
    """The sum of the known values; None when none is known."""
    bekend = [w for w in waarden if w is not None]
    return round(sum(bekend), 1) if bekend else None


def per_duizend(aantal: int, kinderen_: float | None) -> float | None:
    """Aanbod per 1,000 children (one decimal); None without (or with zero) children."""
    if not kinderen_:
        return None
    return round(aantal * 1000 / kinderen_, 1)


def kinderen_in(cijfers: Laatste, gemeenten: Iterable[str], leeftijdsgroep: str) -> float | None:
    """The children of this leeftijdsgroep in all these municipalities; None unless every one
    has the figure (a partial sum would make aanbod per 1,000 children look better than it is)."""
    waarden = [kinderen(cijfers, nis, leeftijdsgroep) for nis in gemeenten]
    if not waarden or None in waarden:
        return None
    return sum(waarden)  # type: ignore[arg-type]


@dataclass(frozen=True)
class GemeenteNood:
    """One municipality of the werkingsgebied in the omgevingsanalyse (chart and table)."""
    nis: str
    naam: str
    kinderen: float | None  # geboorten + children 0-18, latest years
    kansarmoede_pct: float | None
    nood: float | None  # the nood of every needed leeftijdsgroep together
    lacunes: int
    nood_lacunes: float | None  # the nood of its lacunes together


def per_gemeente(netwerk: Netwerk, lacunes: Iterable[Cel] = ()) -> tuple[GemeenteNood, ...]:
    """Per municipality of the werkingsgebied (by name): its children, kansarmoede and nood."""
    cijfers = laatste(netwerk.indicatoren)
    open_: dict[str, list[Cel]] = {}
    for c in lacunes:
        open_.setdefault(c.nis, []).append(c)
    uit = []
    for nis in netwerk.gemeenten:
        groepen = tuple(LEEFTIJD_INDICATOR)
        pct = cijfers.get((nis, KANSARMOEDE))
        uit.append(GemeenteNood(
            nis=nis, naam=gemeenten.naam(nis),
            kinderen=som(kinderen(cijfers, nis, g) for g in groepen),
            kansarmoede_pct=None if pct is None else pct.waarde,
            nood=som(nood(cijfers, nis, g) for g in groepen),
            lacunes=len(open_.get(nis, ())),
            nood_lacunes=som(nood(cijfers, c.nis, c.leeftijdsgroep) for c in open_.get(nis, ()))))
    return tuple(sorted(uit, key=lambda g: (g.naam, g.nis)))


def omgevingsanalyse(netwerk: Netwerk, lacunes: Iterable[Cel], top: int = 10) -> dict:
    """The data of the dossier's 'Omgevingsanalyse' section: per municipality its latest
    indicators (with year and source) and the `top` lacunes with the highest nood."""
    cijfers = laatste(netwerk.indicatoren)
    lacunes = list(lacunes)
    noden = {c: nood(cijfers, c.nis, c.leeftijdsgroep) for c in lacunes}
    return {
        "heeft_indicatoren": bool(netwerk.indicatoren),
        "gemeenten": [{"nis": g.nis, "naam": g.naam, "nood": g.nood,
                       "indicatoren": [cijfers[g.nis, code] for code in INDICATOR.keys()
                                       if (g.nis, code) in cijfers]}
                      for g in per_gemeente(netwerk, lacunes)],
        "lacunes": [(c, noden[c]) for c in rangschik(lacunes, noden)
                    if noden[c] is not None][:top],
    }
