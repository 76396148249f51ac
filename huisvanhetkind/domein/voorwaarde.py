"""Building blocks of the rules engine: the outcome type, the condition base class and helpers.

Pure: frozen snapshot data in, plain values out. No Flask, no SQLAlchemy (a unit test checks).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from . import gemeenten
from .taxonomie import VOORWAARDESTATUS
from .snapshot import Netwerk

# Status codes come from the taxonomy; indexing fails at import if domein.md ever renames one.
VOLDAAN = VOORWAARDESTATUS["voldaan"].code
NIET_VOLDAAN = VOORWAARDESTATUS["niet_voldaan"].code
WAARSCHUWING = VOORWAARDESTATUS["waarschuwing"].code
TE_CONTROLEREN = VOORWAARDESTATUS["te_controleren"].code

ERKENNING = "erkenning"
SUBSIDIE = "subsidie"

# The instruments the conditions come from. We have them as Kind en Gezin summarised them, not
# the legal text article by article: each condition names its instruments and says in one
# sentence (`eis`) what that source requires, "volgens de samenvatting van Kind en Gezin" where
# that is what we have. No article numbers: we do not cite what we did not read.
BRON_DECREET = ("Decreet van 29 november 2013 houdende de organisatie van preventieve "
                "gezinsondersteuning")
BRON_BVR = "BVR 28 maart 2014 (samenvatting Kind en Gezin)"
BRON_MB = "MB 6 mei 2014 (samenvatting Kind en Gezin)"
BRON_BVR_MB = "BVR 28 maart 2014 / MB 6 mei 2014 (samenvatting Kind en Gezin)"

_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Uitkomst:
    """The verdict of one condition at one peildatum."""
    id: str
    titel: str
    bron: str
    soort: str  # erkenning | subsidie
    status: str  # a VOORWAARDESTATUS code
    uitleg: str  # one Dutch sentence: what is missing, who must act
    details: tuple[str, ...] = ()
    deadline: date | None = None  # engagement conditions only
    dagen_resterend: int | None = None  # negative once the deadline has passed
    eis: str = ""  # one Dutch sentence: what the source requires

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "status": self.status, "uitleg": self.uitleg,
            "titel": self.titel, "bron": self.bron, "eis": self.eis, "soort": self.soort,
            "details": list(self.details),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "dagen_resterend": self.dagen_resterend,
        }


@dataclass(frozen=True)
class Context:
    """Facts computed elsewhere that some conditions need (S2: current lacunes and overlaps).

    Passed in rather than imported so the rules stay decoupled from dekking.py.
    """
    lacunes: tuple[Any, ...] = ()
    overlappen: tuple[Any, ...] = ()


class Voorwaarde:
    """One condition of domein.md §4. Subclasses set the class attributes and `evaluate`."""
    id: str
    titel: str
    bron: str = BRON_BVR_MB
    eis: str = ""  # what the source requires, one sentence (each condition sets its own)
    soort: str = ERKENNING

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        raise NotImplementedError

    def uitkomst(self, status: str, uitleg: str, details: Iterable[str] = (),
                 **extra: Any) -> Uitkomst:
        return Uitkomst(self.id, self.titel, self.bron, self.soort, status, uitleg,
                        tuple(details), eis=self.eis, **extra)

    def __repr__(self) -> str:
        return f"<Voorwaarde {self.id}>"


def plus_jaren(d: date, jaren: int) -> date:
    """Same day `jaren` years later; 29 February becomes 28 February in a year without it; the
    last representable date past the year 9999 (no 500 on an absurd peildatum)."""
    if d.year + jaren > date.max.year:
        return date.max
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:
        return d.replace(year=d.year + jaren, day=28)


def plus_twee_jaar(d: date) -> date:
    return plus_jaren(d, 2)


def deadline(netwerk: Netwerk, peildatum: date) -> date:
    """The two-year engagement deadline: erkenningsdatum + 2 years, else peildatum + 2 years."""
    return plus_twee_jaar(netwerk.erkenningsdatum or peildatum)


def datum(d: date) -> str:
    """A date as Dutch text: '1 maart 2026'."""
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def opsomming(items: Iterable[str], voegwoord: str = "en") -> str:
    """'a', 'a en b', 'a, b en c' — Dutch enumeration."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {voegwoord} " + items[-1]


def gemeentenamen(nis_codes: Iterable[str]) -> list[str]:
    """Dutch municipality names, sorted alphabetically, for messages."""
    return sorted((gemeenten.naam(n) for n in set(nis_codes)), key=str.casefold)


def op_naam(nis_codes: Iterable[str]) -> list[str]:
    """NIS codes ordered by their municipality's name, so messages read alphabetically."""
    return sorted(set(nis_codes), key=lambda n: gemeenten.naam(n).casefold())
