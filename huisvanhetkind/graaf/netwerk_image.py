"""The network picture as a static SVG (for the dossier PDF): the same nodes, positions, sector
colours and arrows as the interactive drawing (domein/tekening.graph_data), written by hand.
Every text is XML-escaped; no script, no external reference. No Flask, no SQLAlchemy.
"""
from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ..domein.tekening import KLEUREN
from ..xml_veilig import xml_escape

BREEDTE, TEKEN_HOOGTE, LEGENDE_REGEL = 720, 520, 18
STRAAL = 9
MAX_LABELS = 60  # above this many partners the names would overlap: the legend and list tell
MAX_LABEL = 28  # characters of a name shown under its node


def _kort(naam: str) -> str:
    return naam if len(naam) <= MAX_LABEL else naam[:MAX_LABEL - 1] + "…"


def svg(data: dict, titel: str) -> str:
    """An SVG document of graph_data(): nodes coloured by sector, verwijzingen as arrows
    (dashed while unconfirmed), names under the nodes of a small network, a sector legend."""
    nodes, edges = data["nodes"], data["edges"]
    sectoren = [s for s in data["sectoren"] if any(n["sector"] == s["code"] for n in nodes)]
    hoogte = TEKEN_HOOGTE + 30 + LEGENDE_REGEL * ((len(sectoren) + 2) // 3)
    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{BREEDTE}" height="{hoogte}" '
           f'viewBox="0 0 {BREEDTE} {hoogte}" role="img" '
           f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif">',
           f"<title>{xml_escape(titel)}</title>",
           '<defs><marker id="pijl" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>'
           '</defs>',
           f'<rect width="{BREEDTE}" height="{hoogte}" fill="#ffffff"/>']
    if nodes:
        xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
        marge = 40
        schaal = min((BREEDTE - 2 * marge) / max(max(xs) - min(xs), 1),
                     (TEKEN_HOOGTE - 2 * marge) / max(max(ys) - min(ys), 1), 1.5)
        pos = {n["id"]: (marge + (n["x"] - min(xs)) * schaal, marge + (n["y"] - min(ys)) * schaal)
               for n in nodes}
        for e in edges:
            (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
            lengte = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1)
            # stop at the edge of the target circle so the arrow head shows
            x2, y2 = x2 - (x2 - x1) * STRAAL / lengte, y2 - (y2 - y1) * STRAAL / lengte
            streep = "" if e["bevestigd"] else ' stroke-dasharray="4 3"'
            uit.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                       f'stroke="#444" stroke-width="1"{streep} marker-end="url(#pijl)"/>')
        for n in nodes:
            x, y = pos[n["id"]]
            kleur = KLEUREN.get(n["sector"], KLEUREN["andere"])
            rand = ' stroke="#000" stroke-width="2"' if n["geisoleerd"] else ' stroke="#fff"'
            uit.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{STRAAL}" '
                       f'fill={quoteattr(kleur)}{rand}/>')
            if len(nodes) <= MAX_LABELS:
                uit.append(f'<text x="{x:.1f}" y="{y + STRAAL + 11:.1f}" font-size="9" '
                           f'text-anchor="middle" fill="#111">'
                           f'{xml_escape(_kort(n["label"]))}</text>')
    y0 = TEKEN_HOOGTE + 20
    for i, s in enumerate(sectoren):
        x, y = 16 + (i % 3) * 235, y0 + (i // 3) * LEGENDE_REGEL
        uit.append(f'<circle cx="{x}" cy="{y - 4}" r="5" fill={quoteattr(s["kleur"])}/>')
        uit.append(f'<text x="{x + 10}" y="{y}" font-size="11" fill="#111">'
                   f'{xml_escape(s["label"])}</text>')
    uit.append("</svg>")
    return "\n".join(uit) + "\n"
