"""Export of a network's register: the import format (.xlsx, .zip of .csv) and HSDS 3.0 JSON.

FORMATEN is a registry: another module adds a format (e.g. the graph module's gexf/graphml) with
`FORMATEN["gexf"] = Formaat(...)`; the export page and `flask hvk export` list what is there.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable

from ...domein.taxonomie import normalise


@dataclass(frozen=True)
class Formaat:
    naam: str  # as in the URL and on the command line
    titel: str  # Dutch, on the export page
    uitleg: str
    extensie: str
    mimetype: str
    maak: Callable[[int], bytes]  # netwerk_id → file content
    # carries partners' e-mail addresses: only who may export the register (can_export_netwerk)
    persoonsgegevens: bool = True


def _xlsx(netwerk_id: int) -> bytes:
    from .tables import netwerk_rijen
    from .writers import werkmap
    return werkmap(netwerk_rijen(netwerk_id))


def _csv(netwerk_id: int) -> bytes:
    from .tables import netwerk_rijen
    from .writers import csv_zip
    return csv_zip(netwerk_rijen(netwerk_id))


def _hsds(netwerk_id: int) -> bytes:
    from .hsds import document
    return json.dumps(document(netwerk_id), ensure_ascii=False, indent=2).encode("utf-8")


FORMATEN: dict[str, Formaat] = {
    "xlsx": Formaat("xlsx", "Excel-werkmap (.xlsx)",
                    "Hetzelfde formaat als de import: aanpassen en opnieuw importeren kan.",
                    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    _xlsx),
    "csv": Formaat("csv", "CSV-bestanden (.zip)",
                   "Eén .csv-bestand per blad (UTF-8, gescheiden door ;), zelfde formaat als de "
                   "import.", "zip", "application/zip", _csv),
    "hsds": Formaat("hsds", "Open Referral HSDS 3.0 (.json)",
                    "Organisaties en hun aanbod in de internationale standaard voor sociale "
                    "kaarten (Human Services Data Specification).", "json",
                    "application/json", _hsds),
}


def bestandsnaam(naam: str, extensie: str) -> str:
    """'huis-van-het-kind-x.json': ASCII only, safe in a Content-Disposition header. The one
    download name of every export, image and dossier."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(naam)).strip("-")[:80].strip("-") or "netwerk"
    return f"{slug}.{extensie}"


def export_bestandsnaam(netwerk_naam: str, formaat: Formaat) -> str:
    """'huis-van-het-kind-x-hsds.json' for an export format."""
    achtervoegsel = "" if formaat.naam == formaat.extensie else f" {formaat.naam}"
    return bestandsnaam(netwerk_naam + achtervoegsel, formaat.extensie)
