"""The aggregated results of a meetmoment as an .xlsx workbook (never an individual answer:
the same Resultaat as the page, hidden scores stay hidden)."""
from __future__ import annotations

from ..domein import bevraging as bv
from ..rapport_xlsx import als_bytes, blad, nieuwe_werkmap

VERBORGEN = f"verborgen (minder dan {bv.MIN_ORGANISATIES} organisaties)"


def _score(s: bv.Score):
    return s.waarde if s.getoond else VERBORGEN


def werkmap(netwerk: str, meetmoment: str, r: bv.Resultaat,
            verschillen: list[bv.Verschil] | None = None) -> bytes:
    wb = nieuwe_werkmap()
    samenvatting = [["Netwerk", netwerk], ["Meetmoment", meetmoment],
                    ["Uitgenodigde organisaties", r.uitgenodigd],
                    ["Afgeronde antwoorden", r.geantwoord], ["Respons", round(r.respons, 3)]]
    if r.getoond:
        samenvatting += [["Vertrouwen in het netwerk (1–4)", _score(r.vertrouwen)],
                         ["Waarde van het netwerk (1–4)", _score(r.waarde)]]
    else:
        samenvatting.append(["Scores", f"verborgen: minder dan {bv.MIN_ORGANISATIES} "
                                       "organisaties antwoordden"])
    blad(wb, "Samenvatting", ["Wat", "Waarde"], samenvatting)
    if r.getoond:
        blad(wb, "Partners", ["Partner", "Vertrouwen", "Waarde", "Organisaties"],
              [[p.naam, _score(p.vertrouwen), _score(p.waarde), p.vertrouwen.organisaties]
               for p in r.partners])
        blad(wb, "Dichtheid", ["Intensiteit (minstens)", "Dichtheid"],
              [[label, round(r.dichtheid[code], 3)] for code, label in bv.INTENSITEIT.items()])
        blad(wb, "Bijdragen", ["Bijdrage", "Organisaties"],
              [[label, r.bijdragen[code]] for code, label in bv.BIJDRAGEN.items()])
    if verschillen:
        blad(wb, "Vergelijking", ["Wat", "Vorig meetmoment", "Dit meetmoment", "Richting"],
              [[v.wat, v.oud, v.nieuw, v.richting] for v in verschillen])
    return als_bytes(wb)
