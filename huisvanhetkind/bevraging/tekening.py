"""The relations of a meetmoment as a static SVG: the members on a circle, each relation a line
coloured (and thickened) by its intensity, or each member coloured by its trust score (grey
where the score is hidden). Every text XML-escaped, no script, no external reference; the page
shows the same data as a table next to it. No Flask, no SQLAlchemy."""
from __future__ import annotations

import math
from xml.sax.saxutils import quoteattr

from ..domein import bevraging as bv
from ..xml_veilig import xml_escape
from ..lijngrafiek import Lijn, svg as lijngrafiek

BREEDTE, HOOGTE, LEGENDE = 640, 560, 110
STRAAL = 10
MAX_LABEL = 24
# sequential blues, weakest (light, thin) to strongest (dark, thick): readable without colour too
INTENSITEIT_KLEUR = {"bewust": ("#9ecae1", 1), "samenwerking": ("#4292c6", 2),
                     "coordinatie": ("#08519c", 3.5), "integratie": ("#08306b", 5.5)}
VERBORGEN = "#d9d9d9"


def _kort(naam: str) -> str:
    return naam if len(naam) <= MAX_LABEL else naam[:MAX_LABEL - 1] + "…"


def vertrouwen_kleur(waarde: float | None) -> str:
    """A score 1..4 from orange (low) through yellow to green (high); grey when hidden."""
    if waarde is None:
        return VERBORGEN
    t = min(max((waarde - 1) / 3, 0), 1)
    laag, midden, hoog = (230, 97, 1), (254, 224, 139), (26, 152, 80)
    a, b, u = (laag, midden, t * 2) if t < 0.5 else (midden, hoog, t * 2 - 1)
    return "#" + "".join(f"{round(x + (y - x) * u):02x}" for x, y in zip(a, b))


def svg(r: bv.Resultaat, titel: str, kleur: str = "intensiteit") -> str:
    """`kleur` 'intensiteit' (the lines) or 'vertrouwen' (the members)."""
    partners = list(r.partners)
    midden_x, midden_y = BREEDTE / 2, (HOOGTE - LEGENDE) / 2
    straal = min(midden_x, midden_y) - 70
    pos = {p.organisatie_id: (midden_x + straal * math.cos(2 * math.pi * i / len(partners)
                                                           - math.pi / 2),
                              midden_y + straal * math.sin(2 * math.pi * i / len(partners)
                                                           - math.pi / 2))
           for i, p in enumerate(partners)}
    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{BREEDTE}" height="{HOOGTE}" '
           f'viewBox="0 0 {BREEDTE} {HOOGTE}" role="img" aria-labelledby="bevraging-svg-titel" '
           'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" class="img-fluid">',
           f'<title id="bevraging-svg-titel">{xml_escape(titel)}</title>',
           f'<rect width="{BREEDTE}" height="{HOOGTE}" fill="#ffffff"/>']
    for (a, b), intensiteit in sorted(r.relaties.items()):
        if a not in pos or b not in pos:
            continue
        lijn, dikte = INTENSITEIT_KLEUR[intensiteit] if kleur == "intensiteit" else ("#999", 1)
        (x1, y1), (x2, y2) = pos[a], pos[b]
        uit.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{lijn}" stroke-width="{dikte}"/>')
    for p in partners:
        x, y = pos[p.organisatie_id]
        vul = vertrouwen_kleur(p.vertrouwen.waarde) if kleur == "vertrouwen" else "#ffffff"
        uit.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{STRAAL}" fill={quoteattr(vul)} '
                   'stroke="#222" stroke-width="1.5"/>')
        onder = y >= midden_y
        uit.append(f'<text x="{x:.1f}" y="{y + (STRAAL + 13 if onder else -STRAAL - 5):.1f}" '
                   f'font-size="11" text-anchor="middle" fill="#111">'
                   f'{xml_escape(_kort(p.naam))}</text>')
    y = HOOGTE - LEGENDE + 20
    if kleur == "intensiteit":
        for i, (code, label) in enumerate(bv.INTENSITEIT.items()):
            lijn, dikte = INTENSITEIT_KLEUR[code]
            ly = y + i * 20
            uit.append(f'<line x1="20" y1="{ly}" x2="60" y2="{ly}" stroke="{lijn}" '
                       f'stroke-width="{dikte}"/><text x="70" y="{ly + 4}" font-size="11" '
                       f'fill="#111">{xml_escape(label)}</text>')
    else:
        for i, (waarde, label) in enumerate(((1.0, "1 – laag"), (2.5, "2,5"), (4.0, "4 – hoog"),
                                             (None, "verborgen: minder dan "
                                              f"{bv.MIN_ORGANISATIES} organisaties"))):
            ly = y + i * 20
            uit.append(f'<circle cx="40" cy="{ly}" r="7" fill="{vertrouwen_kleur(waarde)}" '
                       f'stroke="#222"/><text x="70" y="{ly + 4}" font-size="11" '
                       f'fill="#111">{xml_escape(label)}</text>')
    uit.append("</svg>")
    return "\n".join(uit)


def verloop_svg(verloop, titel: str) -> str:
    """The network's trust and value per closed meetmoment (hidden scores leave a gap): the one
    line chart (lijngrafiek.py); '' without closed meetmomenten."""
    datums = tuple(v.gesloten_op for v in verloop)
    return lijngrafiek(datums, [
        Lijn("Vertrouwen in het netwerk", tuple(v.resultaat.vertrouwen.waarde for v in verloop)),
        Lijn("Waarde van het netwerk", tuple(v.resultaat.waarde.waarde for v in verloop))],
        titel, {i: str(i) for i in range(1, 5)})
