"""The coverage matrix as an image: SVG written by hand, PNG drawn with Pillow from the same layout.

One layout (boxes and text lines in pixels) feeds both renderers, so the two always agree. Status
is told in words and symbols, not by colour alone. All text goes through XML escaping in the SVG;
Pillow draws glyphs, so nothing in a name can act as markup. No Flask, no SQLAlchemy.
"""
from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from ..domein.taxonomie import FUNCTIE, LEEFTIJDSGROEP
from ..domein.dekking import Cel, Matrix
from ..xml_veilig import xml_escape

# status -> (symbol, word, fill); the symbol and word carry the meaning, the fill only helps
STATUS = {
    "gedekt": ("✓", "gedekt", "#d8efdc"),
    "lacune": ("✗", "LACUNE", "#f7d4d6"),
    "bewust_niet": ("○", "bewust niet", "#e4e4e8"),
    "niet_nodig": ("–", "niet vereist", "#ffffff"),
}
OVERLAP = ("⚠", "overlap")
# Plain-ASCII stand-ins when the PNG font lacks the symbols (Pillow's built-in font)
ASCII = {"✓": "+", "✗": "X", "○": "o", "–": "-", "⚠": "!"}

RAND, TITEL_H, KOP_H, RIJ_H = 16, 56, 48, 64
EERSTE_KOLOM, KOLOM = 300, 128
LETTER = 13  # px
TEKEN_BREEDTE = 0.56  # average glyph width of a sans-serif face, as a share of its size


@dataclass(frozen=True)
class Vak:
    x: float
    y: float
    b: float
    h: float
    vulling: str
    rand: str = "#6c757d"
    dik: float = 1.0


@dataclass(frozen=True)
class Tekst:
    x: float
    y: float  # baseline
    tekst: str
    grootte: int = LETTER
    vet: bool = False
    midden: bool = False


@dataclass(frozen=True)
class Tekening:
    breedte: int
    hoogte: int
    vakken: tuple[Vak, ...]
    teksten: tuple[Tekst, ...]


def cel_regels(cel: Cel, aantal_gemeenten: int) -> list[str]:
    """The text lines of one cell: status, where it is a lacune, how much aanbod, overlap."""
    symbool, woord, _ = STATUS[cel.status]
    regels = [f"{symbool} {woord}"]
    if cel.status == "lacune" and aantal_gemeenten > 1:
        regels.append(f"in {len(cel.lacunes)} van {aantal_gemeenten} gem.")
    if cel.status == "bewust_niet" and aantal_gemeenten > 1:
        regels.append(f"in {len(cel.bewust_niet)} van {aantal_gemeenten} gem.")
    if cel.aanbod_ids:
        regels.append(f"aanbod: {len(cel.aanbod_ids)}")
    if cel.overlap:
        regels.append(f"{OVERLAP[0]} {OVERLAP[1]}")
    return regels


def _tekens(breedte: float, grootte: int) -> int:
    return max(8, int(breedte / (grootte * TEKEN_BREEDTE)))


def _wrap(tekst: str, breedte: float, grootte: int) -> list[str]:
    return textwrap.wrap(tekst, _tekens(breedte, grootte)) or [""]


def _kop(label: str, breedte: float) -> tuple[list[str], int]:
    """A leeftijdsgroep's header: lines broken between words or after a hyphen, never inside a
    word ("opvoedings- / verantwoordelijken", not "veran / twoordelijken"); a line that is still
    too wide for 12 px is drawn at 11 px."""
    kop = label.replace("opvoedingsverantw", "opvoedings-verantw")
    regels = textwrap.wrap(kop, _tekens(breedte, 12), break_long_words=False) or [""]
    return regels[:3], 12 if max(map(len, regels)) <= _tekens(breedte, 12) else 11


def tekening(matrix: Matrix, titel: str, ondertitel: str) -> Tekening:
    """Lay out the matrix: a title, a header row of leeftijdsgroepen, one row per functie."""
    n = len(matrix.gemeenten)
    kolommen = len(matrix.leeftijdsgroepen)
    breedte = 2 * RAND + EERSTE_KOLOM + kolommen * KOLOM
    legenda_y = RAND + TITEL_H + KOP_H + len(matrix.functies) * RIJ_H + 12
    hoogte = legenda_y + 3 * 20 + RAND
    vakken: list[Vak] = []
    teksten = [Tekst(RAND, RAND + 20, titel, 18, vet=True),
               Tekst(RAND, RAND + 42, ondertitel, LETTER)]
    y0 = RAND + TITEL_H
    vakken.append(Vak(RAND, y0, EERSTE_KOLOM, KOP_H, "#f1f3f5"))
    teksten.append(Tekst(RAND + 8, y0 + 28, "Functie \\ leeftijdsgroep", vet=True))
    for j, code in enumerate(matrix.leeftijdsgroepen):
        x = RAND + EERSTE_KOLOM + j * KOLOM
        vakken.append(Vak(x, y0, KOLOM, KOP_H, "#f1f3f5"))
        regels, grootte = _kop(LEEFTIJDSGROEP.label(code), KOLOM - 12)
        for k, regel in enumerate(regels):
            teksten.append(Tekst(x + KOLOM / 2, y0 + 18 + k * 14, regel, grootte, vet=True,
                                 midden=True))
    for i, rij in enumerate(matrix.rijen):
        y = y0 + KOP_H + i * RIJ_H
        vakken.append(Vak(RAND, y, EERSTE_KOLOM, RIJ_H, "#f8f9fa"))
        for k, regel in enumerate(_wrap(FUNCTIE.label(matrix.functies[i]), EERSTE_KOLOM - 16,
                                        LETTER)[:3]):
            teksten.append(Tekst(RAND + 8, y + 20 + k * 16, regel))
        for j, cel in enumerate(rij):
            x = RAND + EERSTE_KOLOM + j * KOLOM
            vulling = STATUS[cel.status][2]
            vakken.append(Vak(x, y, KOLOM, RIJ_H, vulling, "#b35c00" if cel.overlap else "#6c757d",
                              3.0 if cel.overlap else 1.0))
            for k, regel in enumerate(cel_regels(cel, n)[:4]):
                teksten.append(Tekst(x + 8, y + 17 + k * 14, regel, 12,
                                     vet=k == 0 and cel.status == "lacune"))
    legenda = [
        "✓ gedekt: minstens één aanbod · ✗ LACUNE: nodig maar zonder aanbod · "
        "○ bewust niet: met reden niet aangeboden",
        "– niet vereist: hoeft het netwerk niet aan te bieden · "
        "⚠ overlap: aanbod van meerdere partners (dikke rand) · n aanbod: aantal aanbod in de cel",
    ]
    for k, regel in enumerate(legenda):
        teksten.append(Tekst(RAND, legenda_y + 16 + k * 20, regel, 12))
    return Tekening(breedte, hoogte, tuple(vakken), tuple(teksten))


def svg(t: Tekening) -> str:
    """A standalone SVG document; every text is XML-escaped."""
    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{t.breedte}" height="{t.hoogte}" '
           f'viewBox="0 0 {t.breedte} {t.hoogte}" role="img" '
           f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif">',
           f"<title>{xml_escape(t.teksten[0].tekst)}</title>",
           f'<rect width="{t.breedte}" height="{t.hoogte}" fill="#ffffff"/>']
    for v in t.vakken:
        uit.append(f'<rect x="{v.x:g}" y="{v.y:g}" width="{v.b:g}" height="{v.h:g}" '
                   f'fill={quoteattr(v.vulling)} stroke={quoteattr(v.rand)} '
                   f'stroke-width="{v.dik:g}"/>')
    for s in t.teksten:
        extra = (' font-weight="bold"' if s.vet else "") + (
            ' text-anchor="middle"' if s.midden else "")
        uit.append(f'<text x="{s.x:g}" y="{s.y:g}" font-size="{s.grootte}" fill="#111111"'
                   f'{extra}>{xml_escape(s.tekst)}</text>')
    uit.append("</svg>")
    return "\n".join(uit) + "\n"


def _lettertype(grootte: int, vet: bool):
    """DejaVu (Debian's default, has ✓ ✗ ⚠) when installed; else Pillow's own face."""
    from PIL import ImageFont
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf" if vet else "DejaVuSans.ttf", grootte), True
    except OSError:
        return ImageFont.load_default(size=grootte), False


def png(t: Tekening, schaal: float = 1.5) -> bytes:
    from PIL import Image, ImageDraw
    beeld = Image.new("RGB", (round(t.breedte * schaal), round(t.hoogte * schaal)), "#ffffff")
    teken = ImageDraw.Draw(beeld)
    for v in t.vakken:
        teken.rectangle([v.x * schaal, v.y * schaal, (v.x + v.b) * schaal, (v.y + v.h) * schaal],
                        fill=v.vulling, outline=v.rand, width=max(1, round(v.dik * schaal)))
    fonts: dict[tuple[int, bool], tuple] = {}
    for s in t.teksten:
        sleutel = (round(s.grootte * schaal), s.vet)
        if sleutel not in fonts:
            fonts[sleutel] = _lettertype(*sleutel)
        font, symbolen = fonts[sleutel]
        tekst = s.tekst if symbolen else "".join(ASCII.get(c, c) for c in s.tekst)
        teken.text((s.x * schaal, s.y * schaal), tekst, font=font, fill="#111111",
                   anchor="ms" if s.midden else "ls")
    buf = io.BytesIO()
    beeld.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def cel_weergave(cel: Cel, aantal_gemeenten: int) -> dict:
    """The same cell text for the HTML table: symbol (decorative), status word, detail lines."""
    symbool, woord, _ = STATUS[cel.status]
    regels = cel_regels(cel, aantal_gemeenten)[1:]
    return {"symbool": symbool, "woord": woord, "status": cel.status, "overlap": cel.overlap,
            "regels": [r for r in regels if not r.startswith(OVERLAP[0])]}
