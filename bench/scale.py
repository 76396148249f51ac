"""How the pure analysis grows: the largest network's snapshot at 1×, 4× and 16× its size.

A k× snapshot replicates partners, aanbod and verwijzingen k times with remapped ids; one in ten
verwijzingen of each copy points into the previous copy, so the graph stays one network rather
than k islands. Timed: domein.analyse.analyseer + domein.dekking (lacunes, overlappen, matrix) +
domein.beoordeling.evaluate — no database, no Flask.
"""
from __future__ import annotations

import statistics
import time
from dataclasses import replace
from datetime import date

from huisvanhetkind.domein import snapshot as s
from huisvanhetkind.domein import beoordeling as rules
from huisvanhetkind.domein import analyse as analysis, dekking as coverage

STAP = 10_000_000  # id offset per copy (above every real id)


def vergroot(n: s.Netwerk, k: int) -> s.Netwerk:
    if k == 1:
        return n
    partners, aanbod, verwijzingen = [], [], []
    for c in range(k):
        off, vorige = c * STAP, (c - 1) * STAP
        partners += [replace(p, id=p.id + off, naam=f"{p.naam} #{c}") for p in n.partners]
        aanbod += [replace(a, id=a.id + off, partner_id=a.partner_id + off,
                           partner_naam=f"{a.partner_naam} #{c}") for a in n.aanbod]
        for j, v in enumerate(n.verwijzingen):
            naar = v.naar + (vorige if c and j % 10 == 0 else off)
            verwijzingen.append(replace(v, van=v.van + off, naar=naar))
    return replace(n, partners=tuple(partners), aanbod=tuple(aanbod),
                   verwijzingen=tuple(verwijzingen))


def analyse_tijd(n: s.Netwerk, peildatum: date) -> dict[str, float]:
    """Seconds per part: graph analysis, coverage, rules engine."""
    t0 = time.perf_counter()
    analysis.analyseer(n)
    t1 = time.perf_counter()
    lacunes, overlappen = coverage.lacunes(n), coverage.overlappen(n)
    coverage.matrix(n)
    t2 = time.perf_counter()
    rules.evaluate(n, peildatum, lacunes, overlappen)
    t3 = time.perf_counter()
    return {"analyseer": t1 - t0, "coverage": t2 - t1, "evaluate": t3 - t2, "seconden": t3 - t0}


def meet(n: s.Netwerk, factoren=(1, 4, 16), herhalingen: int = 3, budget_s: float = 15.0):
    """Median of up to `herhalingen` runs per factor (fewer once `budget_s` is spent)."""
    peildatum = date.today()
    rijen = []
    for k in factoren:
        groot = vergroot(n, k)
        metingen = []
        while len(metingen) < herhalingen and sum(m["seconden"] for m in metingen) < budget_s:
            metingen.append(analyse_tijd(groot, peildatum))
            print(f"  {k}×: {metingen[-1]['seconden']:.2f} s", flush=True)
        rijen.append({"factor": k, "partners": len(groot.partners), "aanbod": len(groot.aanbod),
                      "verwijzingen": len(groot.verwijzingen), "runs": len(metingen),
                      **{d: statistics.median(m[d] for m in metingen) for d in metingen[0]}})
    basis = rijen[0]["seconden"]
    for r in rijen:
        r["ratio"] = r["seconden"] / basis if basis else float("nan")
    return rijen
