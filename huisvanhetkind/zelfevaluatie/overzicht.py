"""What the zelfevaluatie page and the dossier show: the evaluations, the latest, the series
over time and its chart. Read only; the dossier builds it at its peildatum."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domein import zelfevaluatie as domein
from . import grafiek
from .models import KernprincipeScore, Zelfevaluatie
from .queries import evaluaties, metingen


@dataclass(frozen=True)
class Overzicht:
    evaluaties: tuple[Zelfevaluatie, ...]  # oldest first
    reeks: domein.Reeks
    grafiek: str  # the SVG chart over time ("" without evaluations)

    clusters = domein.CLUSTERS
    kernprincipe = domein.KERNPRINCIPE
    score_tekst = domein.SCORES

    @property
    def laatste(self) -> Zelfevaluatie | None:
        return self.evaluaties[-1] if self.evaluaties else None

    @staticmethod
    def per_code(z: Zelfevaluatie) -> dict[str, KernprincipeScore]:
        return {s.kernprincipe: s for s in z.scores}

    @staticmethod
    def gemiddelde(z: Zelfevaluatie, cluster: str) -> float | None:
        return domein.gemiddelde({s.kernprincipe: s.score for s in z.scores}, cluster)

    @staticmethod
    def zwak(score: int) -> bool:
        return domein.is_zwak(score)

    def open_zwakke_punten(self, z: Zelfevaluatie) -> list[str]:
        return domein.zwakke_punten({s.kernprincipe: s.score for s in z.scores},
                                    {s.kernprincipe: s.actie_id for s in z.scores})


def bouw(netwerk_id: int, naam: str, tot: date | None = None) -> Overzicht:
    lijst = evaluaties(netwerk_id, tot)
    reeks = domein.reeks(metingen(lijst))
    return Overzicht(tuple(lijst), reeks,
                     grafiek.svg(reeks, f"Zelfevaluatie kernprincipes {naam}"))
