"""The zelfevaluatie over time: one line per cluster (the mean of its kernprincipes) over the
dated evaluations, the weak zone (1–2) shaded (the one line chart: lijngrafiek.py)."""
from __future__ import annotations

from ..domein.zelfevaluatie import CLUSTERS, SCORES, ZWAK_TOT, Reeks
from ..lijngrafiek import Lijn, Zone, svg as lijngrafiek


def svg(r: Reeks, titel: str) -> str:
    """The chart as an SVG document; an empty series gives an empty string."""
    return lijngrafiek(
        r.datums, [Lijn(f"{c.label} (gemiddelde)", r.per_cluster[c.code]) for c in CLUSTERS],
        titel, {score: f"{score} – {tekst.lower()}" for score, tekst in SCORES.items()},
        Zone(ZWAK_TOT, "zwak (1–2): koppel een actie"))
