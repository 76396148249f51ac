"""'Wat als' (domein.md §6): compare a network with the same network minus one partner.

Pure: two sets of analysis results (graaf.queries.Rapport, duck-typed) and two rules verdicts in,
plain rows out. No Flask, no SQLAlchemy.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Maat:
    """One measure before and after, with the sentence that explains it."""
    code: str
    label: str
    nu: Any
    zonder: Any

    @property
    def veranderd(self) -> bool:
        return self.nu != self.zonder


@dataclass(frozen=True)
class VoorwaardeVerschil:
    id: str
    titel: str
    nu: str  # status code
    zonder: str
    uitleg_zonder: str

    @property
    def veranderd(self) -> bool:
        return self.nu != self.zonder


@dataclass(frozen=True)
class Vergelijking:
    maten: tuple[Maat, ...]
    nieuw_geisoleerd: tuple[int, ...]  # partner ids isolated only without the partner
    nieuwe_schakels: tuple[int, ...]  # partners that become kwetsbare schakels
    nieuwe_lacunes: tuple[Any, ...]  # coverage.Lacune
    verdwenen_overlappen: tuple[Any, ...]  # coverage.Overlap
    voorwaarden: tuple[VoorwaardeVerschil, ...]
    erkenbaar: tuple[bool, bool]
    subsidieerbaar: tuple[bool, bool]


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f} %"


def vergelijk(voor, na, beoordeling_voor, beoordeling_na) -> Vergelijking:
    """voor/na: analysis results of the network with and without the partner."""
    a, b = voor.analyse, na.analyse
    maten = (
        Maat("partners", "Partners", len(voor.netwerk.partners), len(na.netwerk.partners)),
        Maat("verwijzingen", "Verwijzingen", len(voor.netwerk.verwijzingen),
             len(na.netwerk.verwijzingen)),
        Maat("componenten", "Losse delen (componenten)", a.componenten, b.componenten),
        Maat("geisoleerd", "Geïsoleerde partners", len(a.geisoleerd), len(b.geisoleerd)),
        Maat("kwetsbare_schakels", "Kwetsbare schakels", len(a.kwetsbare_schakels),
             len(b.kwetsbare_schakels)),
        Maat("bruggen", "Bruggen", len(a.bruggen), len(b.bruggen)),
        Maat("dichtheid", "Dichtheid", _pct(a.dichtheid), _pct(b.dichtheid)),
        Maat("reciprociteit", "Reciprociteit", _pct(a.reciprociteit), _pct(b.reciprociteit)),
        Maat("lacunes", "Lacunes", len(voor.lacunes), len(na.lacunes)),
        Maat("overlappen", "Overlappen", len(voor.overlappen), len(na.overlappen)),
    )
    oud_lacunes = set(voor.lacunes)
    nieuw_overlap = {(o.aanbodvorm, o.leeftijdsgroep, o.nis) for o in na.overlappen}
    status_na = {u.id: u for u in beoordeling_na.uitkomsten}
    return Vergelijking(
        maten=maten,
        nieuw_geisoleerd=tuple(i for i in b.geisoleerd if i not in set(a.geisoleerd)),
        nieuwe_schakels=tuple(i for i in b.kwetsbare_schakels
                              if i not in set(a.kwetsbare_schakels)),
        nieuwe_lacunes=tuple(c for c in na.lacunes if c not in oud_lacunes),
        verdwenen_overlappen=tuple(o for o in voor.overlappen
                                   if (o.aanbodvorm, o.leeftijdsgroep, o.nis) not in nieuw_overlap),
        voorwaarden=tuple(VoorwaardeVerschil(u.id, u.titel, u.status, status_na[u.id].status,
                                             status_na[u.id].uitleg)
                          for u in beoordeling_voor.uitkomsten),
        erkenbaar=(beoordeling_voor.erkenbaar, beoordeling_na.erkenbaar),
        subsidieerbaar=(beoordeling_voor.subsidieerbaar, beoordeling_na.subsidieerbaar),
    )
