"""Import errors: `blad, rij, kolom: uitleg` in Dutch, row numbers as Excel shows them. Pure."""
from __future__ import annotations

from dataclasses import dataclass

from ...domein.tekst import aantal

MAX_GETOOND = 200  # longer lists end with "... en nog N fouten"


@dataclass(frozen=True, order=True)
class Fout:
    blad: str = ""
    rij: int | None = None  # header = row 1, as in Excel
    kolom: str = ""
    uitleg: str = ""

    def __str__(self) -> str:
        plaats = [p for p in (self.blad, f"rij {self.rij}" if self.rij else "",
                              f"kolom {self.kolom}" if self.kolom else "") if p]
        return f"{', '.join(plaats)}: {self.uitleg}" if plaats else self.uitleg


class ImportGeweigerd(Exception):
    """The whole file is refused: nothing was saved."""

    def __init__(self, fouten: list[Fout]):
        self.fouten = sorted(set(fouten), key=_volgorde)
        super().__init__("\n".join(str(f) for f in self.fouten[:MAX_GETOOND]))

    def regels(self) -> list[str]:
        """The messages to show, capped, with a last line counting the rest."""
        shown = [str(f) for f in self.fouten[:MAX_GETOOND]]
        rest = len(self.fouten) - MAX_GETOOND
        if rest > 0:
            shown.append(f"… en nog {aantal(rest, 'fout', 'fouten')}.")
        return shown


BLADVOLGORDE = ("", "netwerk", "partners", "aanbod", "verwijzingen", "engagementen",
                "indicatoren")


def _volgorde(f: Fout):
    blad = BLADVOLGORDE.index(f.blad) if f.blad in BLADVOLGORDE else len(BLADVOLGORDE)
    return (blad, f.blad, f.rij or 0, f.kolom, f.uitleg)
