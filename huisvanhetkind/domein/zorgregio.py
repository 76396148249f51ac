"""Reading the municipality → zorgregio table (CSV `nis;zorgregio`), without the database.

Accepted: UTF-8 with or without BOM, or Windows-1252; separator `;` or `,`; an optional header
row. A municipality may be given by NIS code or by name. Any error rejects the whole file.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from . import gemeenten

KOPTEKSTEN = {"nis", "niscode", "nis-code", "nis_code", "gemeente", "code"}


@dataclass
class Resultaat:
    regio: dict[str, str] = field(default_factory=dict)  # nis -> zorgregio
    fouten: list[str] = field(default_factory=list)  # Dutch, "Rij n: …"

    @property
    def ok(self) -> bool:
        return not self.fouten and bool(self.regio)


def decode(data: bytes) -> str:
    """UTF-8 (BOM stripped) when it decodes, else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _scheidingsteken(tekst: str) -> str:
    # `;` wins when present: a zorgregio name may contain a comma
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    return "," if "," in eerste and ";" not in eerste else ";"


def lees(data: bytes) -> Resultaat:
    tekst = decode(data)
    res = Resultaat()
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=_scheidingsteken(tekst)))
    waar: dict[str, int] = {}  # nis -> row number
    eerste = next((i for i, r in enumerate(rijen, start=1) if any(c.strip() for c in r)), 0)
    for nummer, rij in enumerate(rijen, start=1):
        cellen = [c.strip() for c in rij]
        if not any(cellen):
            continue
        if nummer == eerste and cellen[0].casefold() in KOPTEKSTEN:
            continue  # the optional header row
        if len(cellen) < 2 or not cellen[1]:
            res.fouten.append(f"Rij {nummer}: de zorgregio ontbreekt (verwacht: nis;zorgregio).")
            continue
        if len(cellen) > 2 and any(cellen[2:]):
            res.fouten.append(f"Rij {nummer}: te veel kolommen (verwacht: nis;zorgregio).")
            continue
        gemeente = gemeenten.zoek(cellen[0])
        if gemeente is None:
            res.fouten.append(f"Rij {nummer}: onbekende NIS-code of gemeente '{cellen[0][:40]}' "
                              "(enkel Vlaamse en Brusselse gemeenten).")
            continue
        regio = " ".join(cellen[1].split())[:200]
        if gemeente.nis in waar:
            if res.regio[gemeente.nis] != regio:
                res.fouten.append(
                    f"Rij {nummer}: {gemeente.naam} ({gemeente.nis}) staat al op rij "
                    f"{waar[gemeente.nis]} met zorgregio '{res.regio[gemeente.nis]}'.")
            continue
        waar[gemeente.nis] = nummer
        res.regio[gemeente.nis] = regio
    if not res.regio and not res.fouten:
        res.fouten.append("Het bestand bevat geen gemeenten (verwacht: nis;zorgregio).")
    return res
