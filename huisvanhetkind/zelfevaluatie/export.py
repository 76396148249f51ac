"""Every zelfevaluatie of a network as an .xlsx workbook: one row per date and kernprincipe
(score, remark, linked action), so the series can be read or charted elsewhere."""
from __future__ import annotations

from ..domein.zelfevaluatie import CLUSTER, KERNPRINCIPE, KERNPRINCIPES, SCORES
from ..rapport_xlsx import als_bytes, blad, nieuwe_werkmap
from .models import Zelfevaluatie


def werkmap(netwerk: str, evaluaties: list[Zelfevaluatie]) -> bytes:
    rijen = []
    for z in evaluaties:
        scores = {s.kernprincipe: s for s in z.scores}
        for code in KERNPRINCIPES:
            s, k = scores.get(code), KERNPRINCIPE[code]
            if s is None:
                continue
            rijen.append([z.datum, CLUSTER[k.cluster].label, k.label, s.score, SCORES[s.score],
                          s.opmerking, s.actie.beschrijving if s.actie else ""])
    wb = nieuwe_werkmap()
    blad(wb, "Zelfevaluaties", ["Datum", "Cluster", "Kernprincipe", "Score", "Betekenis",
                                "Opmerking", "Gekoppelde actie"], rijen,
         breedtes=(12, 30, 40, 8, 22, 50, 50))
    ws = wb["Zelfevaluaties"]
    for cel in ws["A"][1:]:
        cel.number_format = "DD/MM/YYYY"
    blad(wb, "Netwerk", ["Wat", "Waarde"], [["Netwerk", netwerk],
                                            ["Zelfevaluaties", len(evaluaties)]])
    return als_bytes(wb)
