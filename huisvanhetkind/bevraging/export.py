"""The aggregated results of a meetmoment as an .xlsx workbook (never an individual answer:
the same Resultaat as the page, hidden scores stay hidden)."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ..domein import bevraging as bv
from ..partners.importer.cells import neutraliseer

VERBORGEN = f"verborgen (minder dan {bv.MIN_ORGANISATIES} organisaties)"


def _score(s: bv.Score):
    return s.waarde if s.getoond else VERBORGEN


def _blad(wb, titel: str, kop: list[str], rijen: list[list]) -> None:
    ws = wb.create_sheet(titel)
    ws.append(kop)
    for cel in ws[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        ws.append([neutraliseer(v) if isinstance(v, str) else v for v in rij])
    for i, breedte in enumerate((40, 18, 18, 18), start=1):
        ws.column_dimensions[chr(64 + i)].width = breedte


def werkmap(netwerk: str, meetmoment: str, r: bv.Resultaat,
            verschillen: list[bv.Verschil] | None = None) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    samenvatting = [["Netwerk", netwerk], ["Meetmoment", meetmoment],
                    ["Uitgenodigde organisaties", r.uitgenodigd],
                    ["Afgeronde antwoorden", r.geantwoord], ["Respons", round(r.respons, 3)]]
    if r.getoond:
        samenvatting += [["Vertrouwen in het netwerk (1–4)", _score(r.vertrouwen)],
                         ["Waarde van het netwerk (1–4)", _score(r.waarde)]]
    else:
        samenvatting.append(["Scores", f"verborgen: minder dan {bv.MIN_ORGANISATIES} "
                                       "organisaties antwoordden"])
    _blad(wb, "Samenvatting", ["Wat", "Waarde"], samenvatting)
    if r.getoond:
        _blad(wb, "Partners", ["Partner", "Vertrouwen", "Waarde", "Organisaties"],
              [[p.naam, _score(p.vertrouwen), _score(p.waarde), p.vertrouwen.organisaties]
               for p in r.partners])
        _blad(wb, "Dichtheid", ["Intensiteit (minstens)", "Dichtheid"],
              [[label, round(r.dichtheid[code], 3)] for code, label in bv.INTENSITEIT.items()])
        _blad(wb, "Bijdragen", ["Bijdrage", "Organisaties"],
              [[label, r.bijdragen[code]] for code, label in bv.BIJDRAGEN.items()])
    if verschillen:
        _blad(wb, "Vergelijking", ["Wat", "Vorig meetmoment", "Dit meetmoment", "Richting"],
              [[v.wat, v.oud, v.nieuw, v.richting] for v in verschillen])
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()
