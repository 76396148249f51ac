"""A line chart over dated measurements as a static SVG (pages, dossier and PDF alike): the
zelfevaluatie per cluster, the samenwerkingsbevraging's network scores per meetmoment.

Time runs to scale on the x-axis; the y-axis is the 1–4 scale both use. The lines differ in
colour (Okabe–Ito, safe for colour blindness), dash pattern and marker shape, and the legend names
them: colour is never the only carrier. The table next to it (templates) holds the same numbers
for screen readers. Every text is XML-escaped. No Flask, no SQLAlchemy.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import quoteattr

from .xml_veilig import xml_escape

BREEDTE, HOOGTE = 720, 380
LINKS, RECHTS, BOVEN, ONDER = 190, 50, 56, 130  # plot margins (room for labels and legend)
# per line: colour, dash pattern, marker
STIJL = (("#0072B2", "", "cirkel"), ("#D55E00", "8 4", "vierkant"), ("#009E73", "2 3", "driehoek"))
LABEL_AFSTAND = 80  # px between two date labels at least


@dataclass(frozen=True)
class Lijn:
    label: str  # in the legend
    waarden: tuple[float | None, ...]  # one per date; None: no point there


@dataclass(frozen=True)
class Zone:
    """A lightly shaded band from the bottom of the scale up to `tot`, named by `tekst`."""
    tot: float
    tekst: str


def _marker(vorm: str, x: float, y: float, kleur: str) -> str:
    k = quoteattr(kleur)
    if vorm == "cirkel":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill={k}/>'
    if vorm == "vierkant":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill={k}/>'
    return (f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y + 5:.1f} L{x - 6:.1f},{y + 5:.1f} z" '
            f'fill={k}/>')


def svg(datums: tuple[date, ...], lijnen: list[Lijn], titel: str, schaal: dict[int, str],
        zone: Zone | None = None) -> str:
    """The chart as an SVG document (at most len(STIJL) lines); no dates give an empty string.
    `schaal` names the y-axis steps (1..4)."""
    if not datums:
        return ""
    b, h = BREEDTE - LINKS - RECHTS, HOOGTE - BOVEN - ONDER
    n = len(datums)
    laag, hoog = min(schaal), max(schaal)
    eerste, dagen = datums[0], max((datums[-1] - datums[0]).days, 1)

    def xpos(i: int) -> float:
        """Time runs to scale: the distance between two measurements is the time between them."""
        return LINKS + (b / 2 if n == 1 else (datums[i] - eerste).days * b / dagen)

    def ypos(score: float) -> float:
        return BOVEN + (hoog - score) * h / (hoog - laag)

    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{BREEDTE}" height="{HOOGTE}" '
           f'viewBox="0 0 {BREEDTE} {HOOGTE}" role="img" '
           f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif">',
           f"<title>{xml_escape(titel)}</title>",
           f'<rect width="{BREEDTE}" height="{HOOGTE}" fill="#ffffff"/>',
           f'<text x="16" y="28" font-size="16" font-weight="bold" fill="#111111">'
           f'{xml_escape(titel)}</text>']
    if zone is not None:
        uit += [f'<rect x="{LINKS}" y="{ypos(zone.tot):.1f}" width="{b}" '
                f'height="{ypos(laag) - ypos(zone.tot):.1f}" fill="#fbeaea"/>',
                f'<text x="{LINKS + b - 4}" y="{ypos(laag) - 6:.1f}" font-size="11" '
                f'text-anchor="end" fill="#6b2226">{xml_escape(zone.tekst)}</text>']
    for score, tekst in schaal.items():
        hoogte = ypos(score)
        uit.append(f'<line x1="{LINKS}" y1="{hoogte:.1f}" x2="{LINKS + b}" y2="{hoogte:.1f}" '
                   f'stroke="#adb5bd" stroke-width="1"/>')
        uit.append(f'<text x="{LINKS - 8}" y="{hoogte + 4:.1f}" font-size="12" '
                   f'text-anchor="end" fill="#111111">{xml_escape(tekst)}</text>')
    getoond: list[int] = []  # the dates that get a label: never two on top of each other
    for i in range(n):
        if getoond and xpos(i) - xpos(getoond[-1]) < LABEL_AFSTAND:
            if i != n - 1:
                continue
            getoond.pop()  # the latest date always has its label
        getoond.append(i)
    for i in getoond:
        uit.append(f'<text x="{xpos(i):.1f}" y="{BOVEN + h + 20}" font-size="12" '
                   f'text-anchor="middle" fill="#111111">{datums[i]:%d/%m/%Y}</text>')
    for lijn, (kleur, streep, vorm) in zip(lijnen, STIJL):
        punten = [(xpos(i), ypos(v)) for i, v in enumerate(lijn.waarden) if v is not None]
        if len(punten) > 1:
            pad = " ".join(f"{px:.1f},{py:.1f}" for px, py in punten)
            extra = f' stroke-dasharray="{streep}"' if streep else ""
            uit.append(f'<polyline points="{pad}" fill="none" stroke={quoteattr(kleur)} '
                       f'stroke-width="2.5"{extra}/>')
        uit.extend(_marker(vorm, px, py, kleur) for px, py in punten)
    for j, (lijn, (kleur, streep, vorm)) in enumerate(zip(lijnen, STIJL)):
        ly = BOVEN + h + 50 + j * 22
        extra = f' stroke-dasharray="{streep}"' if streep else ""
        uit.append(f'<line x1="{LINKS}" y1="{ly - 4}" x2="{LINKS + 40}" y2="{ly - 4}" '
                   f'stroke={quoteattr(kleur)} stroke-width="2.5"{extra}/>')
        uit.append(_marker(vorm, LINKS + 20, ly - 4, kleur))
        uit.append(f'<text x="{LINKS + 50}" y="{ly}" font-size="12" fill="#111111">'
                   f'{xml_escape(lijn.label)}</text>')
    uit.append("</svg>")
    return "\n".join(uit) + "\n"
