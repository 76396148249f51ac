"""Where a condition is fixed: condition ID → the screens a coordinator fixes it on."""
from __future__ import annotations

from urllib.parse import quote

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


def herstel_links(voorwaarde: str, netwerk_id: int, basis: dict[str, str] | None = None
                  ) -> list[tuple[str, str]]:
    """(url, label) of the screens where this condition is fixed; the network page otherwise.
    `basis` keeps each screen's URL for the next condition (the dashboard lists 25: one url_for
    per screen instead of per link)."""
    basis = {} if basis is None else basis
    links = []
    for endpoint, label in HERSTEL.get(voorwaarde, (NETWERK,)):
        if endpoint not in basis:
            basis[endpoint] = url_for(endpoint, netwerk_id=netwerk_id)
        anker = f"#{quote(f'engagement-{voorwaarde}')}" if endpoint == ENGAGEMENTEN_SCHERM[0] else ""
        links.append((basis[endpoint] + anker, label))
    return links
