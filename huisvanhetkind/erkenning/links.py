"""Where a condition is fixed: condition ID → the screens a coordinator fixes it on."""
from __future__ import annotations

from flask import url_for

from ..domein.taxonomie import ENGAGEMENTEN

NETWERK = ("partners.netwerk", "Netwerkgegevens")
LEDEN = ("partners.leden", "Partners")
AANBOD = ("partners.aanbod_lijst", "Aanbod")
ENGAGEMENTEN_SCHERM = ("erkenning.engagementen", "Engagementen en acties")
DEKKING = ("graaf.dekking", "Lacunes en overlap")

HERSTEL: dict[str, tuple[tuple[str, str], ...]] = {
    "E1": (NETWERK, LEDEN),
    "E2": (NETWERK,),
    "E3": (LEDEN,),
    "E4": (AANBOD,),
    "E5": (LEDEN,),
    "S1": (NETWERK,),
    "S7": (AANBOD,),
    **{e: (ENGAGEMENTEN_SCHERM,) for e in ENGAGEMENTEN},
    "E8": (ENGAGEMENTEN_SCHERM, AANBOD),
    "S2": (ENGAGEMENTEN_SCHERM, DEKKING),
}


def herstel_links(voorwaarde: str, netwerk_id: int) -> list[tuple[str, str]]:
    """(url, label) of the screens where this condition is fixed; the network page otherwise."""
    links = []
    for endpoint, label in HERSTEL.get(voorwaarde, (NETWERK,)):
        anker = f"engagement-{voorwaarde}" if endpoint == ENGAGEMENTEN_SCHERM[0] else None
        links.append((url_for(endpoint, netwerk_id=netwerk_id, _anchor=anker), label))
    return links
