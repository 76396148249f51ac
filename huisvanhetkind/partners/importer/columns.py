"""The exchange format of domein.md §7: sheets, their columns and how each cell is read. Pure.

Shared by the importer, the export (same format, so a round trip is exact) and the empty template.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...domein import taxonomie as tax


@dataclass(frozen=True)
class Kolom:
    naam: str
    soort: str  # tekst | email | kbo | datum | bool | getal | code | codes | gemeenten |
    #             werkingsgebied | partner | voorwaarde | gemeente | jaar | waarde
    verplicht: bool = False  # the column must be present and the cell filled
    taxonomie: tax.Taxonomie | None = None
    max_lengte: int | None = None
    uitleg: str = ""  # shown in the template's codes sheet and on the import page


def _k(naam, soort, **kw) -> Kolom:
    return Kolom(naam, soort, **kw)


PARTNER_UITLEG = "sleutel, KBO-nummer of naam van een partner"
BLADEN: dict[str, tuple[Kolom, ...]] = {
    "netwerk": (
        _k("naam", "tekst", verplicht=True, max_lengte=200),
        _k("werkingsgebied", "werkingsgebied",
           uitleg="gemeenten (naam of NIS-code) gescheiden door ;  — een deel als "
                  "'Gemeente: deel'"),
        _k("rechtsvorm", "code", taxonomie=tax.RECHTSVORM),
        _k("aanvraagdatum", "datum"),
        _k("erkenningsdatum", "datum"),
        _k("coordinator_email", "email", max_lengte=254),
    ),
    "partners": (
        _k("sleutel", "tekst", max_lengte=100, uitleg="eigen korte code, uniek in het netwerk"),
        _k("naam", "tekst", verplicht=True, max_lengte=200),
        _k("kbo", "kbo", uitleg="ondernemingsnummer, bv. 0123.456.749"),
        _k("sector", "code", verplicht=True, taxonomie=tax.SECTOR),
        _k("gemeenten", "gemeenten", uitleg="gemeenten (naam of NIS-code) gescheiden door ;"),
        _k("email", "email", max_lengte=254),
        _k("lid_sinds", "datum"),
        _k("overeenkomst_getekend", "bool"),
    ),
    "aanbod": (
        _k("sleutel", "tekst", max_lengte=100, uitleg="eigen korte code, uniek per partner"),
        _k("partner", "partner", verplicht=True, uitleg=PARTNER_UITLEG),
        _k("naam", "tekst", verplicht=True, max_lengte=200),
        _k("aanbodvorm", "code", verplicht=True, taxonomie=tax.AANBODVORM),
        _k("functies", "codes", verplicht=True, taxonomie=tax.FUNCTIE),
        _k("leeftijdsgroepen", "codes", verplicht=True, taxonomie=tax.LEEFTIJDSGROEP),
        _k("doelgroep", "code", taxonomie=tax.DOELGROEP),
        _k("werkvormen", "codes", taxonomie=tax.WERKVORM),
        _k("gemeenten", "gemeenten", uitleg="leeg = de gemeenten van de partner"),
        _k("laagdrempelig", "bool"),
        _k("verplicht_kg", "bool"),
    ),
    "verwijzingen": (
        _k("van", "partner", verplicht=True, uitleg=PARTNER_UITLEG),
        _k("naar", "partner", verplicht=True, uitleg=PARTNER_UITLEG),
        _k("soort", "code", verplicht=True, taxonomie=tax.VERWIJZINGSSOORT),
        _k("aantal_per_jaar", "getal"),
        _k("sinds", "datum"),
        _k("bevestigd", "bool"),
    ),
    "engagementen": (
        _k("voorwaarde", "voorwaarde", verplicht=True, uitleg=", ".join(tax.ENGAGEMENTEN)),
        _k("actie", "tekst", uitleg="wat de actie inhoudt; leeg = enkel het engagement"),
        _k("trekker", "partner", uitleg=PARTNER_UITLEG),
        _k("deadline", "datum"),
        _k("status", "code", taxonomie=tax.ACTIESTATUS),
        _k("bewijs", "tekst"),
        _k("gerealiseerd_op", "datum",
           uitleg="dag waarop de actie gerealiseerd is (enkel bij status gerealiseerd); leeg = "
                  "datum onbekend"),
    ),
    # the omgevingsanalyse (domein.md §12): facts of municipalities, keyed by (nis, jaar, indicator)
    "indicatoren": (
        _k("nis", "gemeente", verplicht=True, uitleg="NIS-code (of naam) van de gemeente"),
        _k("jaar", "jaar", verplicht=True, uitleg="het jaar waarop het cijfer slaat, bv. 2024"),
        _k("indicator", "code", verplicht=True, taxonomie=tax.INDICATOR),
        _k("waarde", "waarde", verplicht=True,
           uitleg="een getal (decimalen met , of .); een percentage als 18,3"),
        _k("bron", "tekst", max_lengte=200, uitleg="waar het cijfer vandaan komt, bv. Kind en "
                                                   "Gezin, Statbel"),
    ),
}
BLADNAMEN = tuple(BLADEN)
# Sheets the importer skips: the template's code list and a user's own notes.
GENEGEERD = ("codes", "uitleg", "toelichting", "instructies")

MAX_RIJEN = 20_000  # per sheet; the largest Flemish network has a few hundred partners
MAX_KOLOMMEN = 50


def kolom(blad: str, naam: str) -> Kolom:
    return next(k for k in BLADEN[blad] if k.naam == naam)
