"""The need per municipality as a bar chart: SVG written by hand (no JavaScript, no Flask).

The page shows the same figures in a table next to it (the chart's twin), so nothing is told by
the picture alone. Every text is XML-escaped (xml_veilig.xml_escape), so nothing in a name can
act as markup when the SVG is inlined in the page.
"""
from __future__ import annotations

from ..domein.nood import GemeenteNood
from ..domein.tekst import decimaal
from ..xml_veilig import xml_escape

RAND, RIJ_H, BALK_H, NAAM_B, BALK_B, WAARDE_B, TITEL_H = 12, 28, 18, 200, 360, 90, 36
KLEUR, LEEG = "#2f5d8a", "#6c757d"  # contrast ≥ 4.5:1 on white


def svg(rijen: tuple[GemeenteNood, ...], titel: str, id_: str = "nood-grafiek") -> str:
    """Horizontal bars of each municipality's nood (longest = the highest), names on the left,
    values on the right; a municipality without figures says so in words."""
    hoogste = max((g.nood for g in rijen if g.nood), default=0.0)
    breedte = RAND * 2 + NAAM_B + BALK_B + WAARDE_B
    hoogte = TITEL_H + RIJ_H * max(len(rijen), 1) + RAND
    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" '
           f'viewBox="0 0 {breedte} {hoogte}" role="img" aria-labelledby="{id_}-titel" '
           f'class="nood-grafiek" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" '
           f'font-size="13">',
           f'<title id="{id_}-titel">{xml_escape(titel)}</title>',
           f'<rect width="{breedte}" height="{hoogte}" fill="#ffffff"/>',
           f'<text x="{RAND}" y="{RAND + 14}" font-weight="bold">{xml_escape(titel)}</text>']
    for n, g in enumerate(rijen):
        y = TITEL_H + n * RIJ_H
        midden = y + BALK_H / 2 + 4
        uit.append(f'<text x="{RAND + NAAM_B - 8}" y="{midden:g}" text-anchor="end">'
                   f'{xml_escape(g.naam)}</text>')
        if g.nood is None:
            uit.append(f'<text x="{RAND + NAAM_B}" y="{midden:g}" fill="{LEEG}">'
                       'geen cijfers</text>')
            continue
        lengte = BALK_B * g.nood / hoogste if hoogste else 0
        uit.append(f'<rect x="{RAND + NAAM_B}" y="{y}" width="{lengte:.1f}" height="{BALK_H}" '
                   f'fill="{KLEUR}"/>')
        uit.append(f'<text x="{RAND + NAAM_B + lengte + 6:.1f}" y="{midden:g}">'
                   f'{xml_escape(decimaal(g.nood))}</text>')
    uit.append("</svg>")
    return "\n".join(uit)
