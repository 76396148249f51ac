"""What an import creates or changes, per sheet: the preview and the result. Pure."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...domein import gemeenten
from ...domein import kbo as kbo_nummer
from .columns import BLADNAMEN, Kolom

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
# an existing organisation invited, or a change proposed to data the organisation owns: it
# happens only when the organisation consents (domein.md §10)
TOESTEMMING = "toestemming"


@dataclass
class Wijziging:
    soort: str  # nieuw | gewijzigd | ongewijzigd | toestemming
    label: str
    rij: int | None = None
    velden: list[tuple[str, str, str]] = field(default_factory=list)  # (kolom, oud, nieuw)


@dataclass
class BladRapport:
    blad: str
    wijzigingen: list[Wijziging] = field(default_factory=list)

    def aantal(self, soort: str) -> int:
        return sum(1 for w in self.wijzigingen if w.soort == soort)

    def van_soort(self, soort: str) -> list[Wijziging]:
        return [w for w in self.wijzigingen if w.soort == soort]


@dataclass
class Rapport:
    netwerk: str = ""
    netwerk_id: int | None = None
    nieuw_netwerk: bool = False
    bladen: dict[str, BladRapport] = field(
        default_factory=lambda: {b: BladRapport(b) for b in BLADNAMEN})

    def blad(self, naam: str) -> BladRapport:
        return self.bladen[naam]

    @property
    def wijzigt_iets(self) -> bool:
        return any(b.aantal(NIEUW) or b.aantal(GEWIJZIGD) or b.aantal(TOESTEMMING)
                   for b in self.bladen.values())

    def tellingen(self) -> dict[str, dict[str, int]]:
        return {b.blad: {s: b.aantal(s) for s in (NIEUW, GEWIJZIGD, ONGEWIJZIGD, TOESTEMMING)}
                for b in self.bladen.values() if b.wijzigingen}

    def samenvatting(self) -> str:
        delen = [f"{blad}: {t[NIEUW]} nieuw, {t[GEWIJZIGD]} gewijzigd, {t[ONGEWIJZIGD]} ongewijzigd"
                 + (f", {t[TOESTEMMING]} wacht op toestemming" if t[TOESTEMMING] else "")
                 for blad, t in self.tellingen().items()]
        return "; ".join(delen) or "geen gegevens"

    def regels(self) -> list[str]:
        """The plan as text lines (command line)."""
        kop = (f"Nieuw netwerk '{self.netwerk}'." if self.nieuw_netwerk
               else f"Netwerk '{self.netwerk}'.")
        lines = [kop]
        for b in self.bladen.values():
            if not b.wijzigingen:
                continue
            lines.append(f"{b.blad}: {b.aantal(NIEUW)} nieuw, {b.aantal(GEWIJZIGD)} gewijzigd, "
                         f"{b.aantal(ONGEWIJZIGD)} ongewijzigd")
            for w in b.van_soort(NIEUW):
                lines.append(f"  + {w.label}")
            for w in b.van_soort(GEWIJZIGD):
                velden = "; ".join(f"{k}: {o} → {n}" for k, o, n in w.velden)
                lines.append(f"  ~ {w.label} ({velden})")
        return lines


def toon(k: Kolom | None, value) -> str:
    """A value as the user reads it: dates dd/mm/jjjj, ja/nee, labels, municipality names."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    soort = k.soort if k else ""
    if soort == "code":
        return k.taxonomie.label(value)
    if soort == "codes":
        return "; ".join(k.taxonomie.label(c) for c in value)
    if soort == "gemeenten":
        return "; ".join(sorted(gemeenten.naam(n) for n in value))
    if soort == "werkingsgebied":
        return werkingsgebied_tekst(value)
    if soort == "kbo":
        return kbo_nummer.formatted(value)
    return str(value)


def werkingsgebied_tekst(delen) -> str:
    """'Sint-Niklaas; Temse: Tielrode' — the import notation."""
    return "; ".join(gemeenten.naam(nis) + (f": {deel}" if deel else "")
                     for nis, deel in sorted(delen, key=lambda d: (gemeenten.naam(d[0]), d[1])))

