"""Exports of a network's verwijzingen graph: GEXF (Gephi) and GraphML, via networkx's writers.

Nodes are the member partners (attributes naam, sector), edges the verwijzingen between them
(attributes soort, bevestigd, aantal). networkx writes through ElementTree, which escapes text and
attributes; we additionally drop the few characters XML 1.0 cannot carry at all. Both are formats
of the one export route and `flask hvk export` (partners/export FORMATEN).
"""
from __future__ import annotations

import io

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported where it is used: ~100 ms at every app start otherwise
    import networkx as nx

from ..domein.snapshot import Netwerk
from ..xml_veilig import xml_tekst

FORMATEN = {
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
}

def graaf(netwerk: Netwerk) -> nx.MultiDiGraph:
    """The directed multigraph (one edge per verwijzing: a pair can have several soorten)."""
    import networkx as nx

    g = nx.MultiDiGraph(name=xml_tekst(netwerk.naam))
    for p in sorted(netwerk.partners, key=lambda p: (p.naam, p.id)):
        naam = xml_tekst(p.naam)
        g.add_node(p.id, label=naam, naam=naam, sector=p.sector)
    for v in netwerk.verwijzingen:
        if v.van == v.naar or v.van not in g or v.naar not in g:
            continue
        attrs = {"soort": v.soort, "bevestigd": bool(v.bevestigd)}
        if v.aantal_per_jaar is not None:  # the writers cannot write None: leave it out
            attrs["aantal"] = int(v.aantal_per_jaar)
        g.add_edge(v.van, v.naar, key=f"{v.van}-{v.naar}-{v.soort}", **attrs)
    return g


def to_bytes(netwerk: Netwerk, formaat: str) -> bytes:
    import networkx as nx

    if formaat not in FORMATEN:
        raise ValueError(f"Onbekend formaat '{formaat}': kies gexf of graphml.")
    g = graaf(netwerk)
    buf = io.BytesIO()
    if formaat == "gexf":
        nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True)
    else:
        nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _maak(formaat: str):
    def maak(netwerk_id: int) -> bytes:
        from .. import pipeline
        from .queries import aantallen, netwerk_stand
        netwerk = pipeline.bundel(netwerk_id).netwerk  # without counts: no fact (queries.aantallen)
        return to_bytes(netwerk.met_aantallen(aantallen(netwerk_stand(netwerk_id))), formaat)
    return maak


def registreer() -> None:
    """Offer gexf and graphml through the partners module's export registry, so the export page
    and `flask hvk export NETWERK --formaat gexf|graphml UITVOER` list them."""
    from ..partners.export import FORMATEN as REGISTER, Formaat
    uitleg = ("De partners (knopen, met naam en sector) en hun verwijzingen (pijlen, met soort, "
              "bevestigd en aantal per jaar) voor netwerkanalyse in {}.")
    # no personal data: whoever reads the network's graph may download it
    REGISTER.setdefault("gexf", Formaat("gexf", "Netwerkgraaf GEXF (.gexf)", uitleg.format("Gephi"),
                                        "gexf", FORMATEN["gexf"], _maak("gexf"),
                                        persoonsgegevens=False))
    REGISTER.setdefault("graphml", Formaat(
        "graphml", "Netwerkgraaf GraphML (.graphml)", uitleg.format("yEd, Cytoscape of Gephi"),
        "graphml", FORMATEN["graphml"], _maak("graphml"), persoonsgegevens=False))


registreer()
