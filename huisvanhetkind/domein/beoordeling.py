"""The condition registry and the Beoordeling of erkenning and subsidie (domein.md §4).

Pure: one `snapshot.Netwerk` and a peildatum in, a `Beoordeling` out. No Flask, no SQLAlchemy.
Each condition is one object in `VOORWAARDEN` (E1..E12, S1..S7, in that order); adding a
condition means adding one class and one line here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from .snapshot import Netwerk
from .taxonomie import ENGAGEMENTEN
from .voorwaarden_erkenning import (AansluitingVerplichtAanbod, MinimaalAanbod,
                                    OntvankelijkeAanvraag, SamenwerkingLokaalBestuur,
                                    Werkingsgebied)
from .voorwaarden_subsidie import BestemmingSubsidie, Rechtsvorm
from .engagementregel import EngagementVoorwaarde, beschrijf, engagementen
from .voorwaarde import (ERKENNING, NIET_VOLDAAN, SUBSIDIE, TE_CONTROLEREN, VOLDAAN,
                         WAARSCHUWING, Context, Uitkomst, Voorwaarde, deadline)

__all__ = [
    "VOORWAARDEN", "PER_ID", "Beoordeling", "Context", "EngagementVoorwaarde", "Uitkomst", "Voorwaarde",
    "evaluate", "deadline", "beschrijf", "ERKENNING", "SUBSIDIE", "VOLDAAN", "NIET_VOLDAAN",
    "WAARSCHUWING", "TE_CONTROLEREN",
]


def _registry() -> list[Voorwaarde]:
    e = {c.id: c for c in engagementen()}
    return [
        OntvankelijkeAanvraag(), Werkingsgebied(), SamenwerkingLokaalBestuur(), MinimaalAanbod(),
        AansluitingVerplichtAanbod(),
        *(e[i] for i in ENGAGEMENTEN if i.startswith("E")),
        Rechtsvorm(),
        *(e[i] for i in ENGAGEMENTEN if i.startswith("S")),
        BestemmingSubsidie(),
    ]


VOORWAARDEN: list[Voorwaarde] = _registry()
PER_ID: dict[str, Voorwaarde] = {v.id: v for v in VOORWAARDEN}


@dataclass(frozen=True)
class Beoordeling:
    """Every condition's outcome at one peildatum, with the overall verdicts."""
    peildatum: date
    uitkomsten: tuple[Uitkomst, ...]

    @property
    def erkenbaar(self) -> bool:
        return not any(u.status == NIET_VOLDAAN for u in self.uitkomsten if u.soort == ERKENNING)

    @property
    def subsidieerbaar(self) -> bool:
        return not any(u.status == NIET_VOLDAAN for u in self.uitkomsten)

    @property
    def open_punten(self) -> tuple[Uitkomst, ...]:
        """What a person must still act on or check: niet_voldaan and te_controleren."""
        return tuple(u for u in self.uitkomsten if u.status in (NIET_VOLDAAN, TE_CONTROLEREN))

    def uitkomst(self, id: str) -> Uitkomst:
        return next(u for u in self.uitkomsten if u.id == id)

    def to_json(self, netwerk_naam: str) -> dict[str, Any]:
        """The JSON document of domein.md §8 (a plain dict, ready for json.dumps/jsonify)."""
        return {
            "netwerk": netwerk_naam,
            "peildatum": self.peildatum.isoformat(),
            "erkenbaar": self.erkenbaar,
            "subsidieerbaar": self.subsidieerbaar,
            "voorwaarden": [u.to_json() for u in self.uitkomsten],
        }


def evaluate(netwerk: Netwerk, peildatum: date, lacunes: Iterable[Any] = (),
             overlappen: Iterable[Any] = ()) -> Beoordeling:
    """Evaluate every condition; lacunes/overlappen (from dekking.py) feed S2's signal."""
    context = Context(tuple(lacunes), tuple(overlappen))
    return Beoordeling(peildatum, tuple(v.evaluate(netwerk, peildatum, context)
                                        for v in VOORWAARDEN))
