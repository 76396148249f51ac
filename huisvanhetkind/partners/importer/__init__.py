"""Import of a network's register (domein.md §7): an .xlsx workbook or .csv files.

    tabellen = lees_bestand(data, bestandsnaam)      # reading.py: decode, hostile-file checks
    bestand = parse(tabellen)                         # parsing.py: every cell, pure
    rapport = importeer(bestand, netwerk_id=..., dry_run=True)   # apply.py: one transaction

Each step raises ImportGeweigerd with the complete list of `blad, rij, kolom: uitleg`.
"""
from .apply import importeer
from .fouten import Fout, ImportGeweigerd
from .parsing import Bestand, parse
from .rapport import Rapport
from .reading import lees_bestand, lees_pad


def lees(data: bytes, bestandsnaam: str = "") -> Bestand:
    """Read and validate an upload (without touching the database)."""
    return parse(lees_bestand(data, bestandsnaam))


__all__ = ["Bestand", "Fout", "ImportGeweigerd", "Rapport", "importeer", "lees", "lees_bestand",
           "lees_pad", "parse"]
