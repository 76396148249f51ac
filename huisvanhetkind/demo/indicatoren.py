"""Fictitious indicators of the omgevingsanalyse (domein.md §12) for the demo data sets.

The figures are made up (a plausible size per municipality, seeded by its NIS code) and every row
says so in its `bron`; the omgeving page then tells the reader that they are fictitious. Pure.
"""
from __future__ import annotations

import random
from typing import Iterable

BRON = "fictief (demo)"
# children per birth cohort: each age band holds about (years × births) children
JAREN_PER_GROEP = {"kinderen_0_3": 3, "kinderen_3_6": 3, "kinderen_6_12": 6, "kinderen_12_18": 6}


def rijen(nis_codes: Iterable[str], jaren: tuple[int, ...] = (2023, 2024),
          seed: int = 20140328) -> list[dict]:
    """One row per municipality, year and indicator: nis, jaar, indicator, waarde, bron."""
    uit = []
    for nis in sorted(set(nis_codes)):
        rng = random.Random(f"{seed}-{nis}")  # str seeds are stable across processes
        geboorten = rng.randint(60, 2500)
        kansarmoede = rng.uniform(4, 32)
        anderstalig = rng.uniform(5, 45)
        for n, jaar in enumerate(jaren):
            groei = 1 + 0.01 * n * rng.uniform(-2, 2)
            waarden = {"geboorten": round(geboorten * groei)}
            for code, jaren_ in JAREN_PER_GROEP.items():
                waarden[code] = round(geboorten * jaren_ * groei * rng.uniform(0.93, 1.03))
            waarden["kansarmoede_pct"] = round(kansarmoede + n * rng.uniform(-1, 1), 1)
            waarden["niet_nederlandstalige_moeder_pct"] = round(anderstalig + n * rng.uniform(-1, 1), 1)
            uit += [{"nis": nis, "jaar": jaar, "indicator": code, "waarde": float(w), "bron": BRON}
                    for code, w in waarden.items()]
    return uit
