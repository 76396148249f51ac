"""The zelfevaluatie kernprincipes (domein.md §12, referentiekader buurtgerichte netwerken).

The network scores itself from 1 to 4, with a remark, on the eleven kernprincipes of three
clusters; it repeats that over time (every zelfevaluatie is dated) and links each weak point
(score 1 or 2) to an action of its engagementenplan. Here: the stable codes with their Dutch
labels, the score scale, what counts as weak, the means per cluster, the series over time and
the prefilled action for a weak point. Pure Python: no Flask, no SQLAlchemy.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from .taxonomie import ENGAGEMENTEN


@dataclass(frozen=True)
class Kernprincipe:
    code: str
    label: str
    cluster: str  # the code of its cluster
    engagement: str  # the engagement an action for a weak score suggests (domein.md §4)


@dataclass(frozen=True)
class Cluster:
    code: str
    label: str
    kernprincipes: tuple[Kernprincipe, ...]


def _cluster(code: str, label: str, *principes: tuple[str, str, str]) -> Cluster:
    return Cluster(code, label, tuple(Kernprincipe(c, l, code, e) for c, l, e in principes))


CLUSTERS: tuple[Cluster, ...] = (
    _cluster("kind_gezin_centraal", "Het kind en zijn gezin centraal",
             ("sleutelervaringen", "Sleutelervaringen voor kinderen", "E6"),
             ("holistische_kijk", "Holistische kijk", "E6"),
             ("kind_gezin_in_netwerk", "Kind en gezin centraal in het netwerk", "S4")),
    _cluster("democratisch_burgerschap", "Democratisch burgerschap",
             ("respect_diversiteit", "Respect voor diversiteit", "E7"),
             ("sociale_ongelijkheid", "Aanpakken sociale ongelijkheid", "E8"),
             ("burgerschap", "Burgerschap", "E11"),
             ("agency_participatie", "Agency en participatie", "S4")),
    _cluster("systemische_kwaliteit", "Systemische kwaliteit",
             ("kwalitatieve_relaties", "Kwalitatieve relaties", "E9"),
             ("continu_proces", "Continu proces en feedback", "S6"),
             ("systemische_benadering", "Systemische benadering", "E10"),
             ("continuiteit_duurzaamheid", "Continuïteit en duurzaamheid", "S6")),
)
CLUSTER = {c.code: c for c in CLUSTERS}
KERNPRINCIPE = {k.code: k for c in CLUSTERS for k in c.kernprincipes}
KERNPRINCIPES = tuple(KERNPRINCIPE)  # the eleven codes in display order
assert len(KERNPRINCIPES) == 11
assert all(k.engagement in ENGAGEMENTEN for k in KERNPRINCIPE.values())

# the scale: what each score means (the form and the chart's axis say it in words)
SCORES: dict[int, str] = {1: "Nog niet aanwezig", 2: "In opbouw", 3: "Grotendeels aanwezig",
                          4: "Volledig aanwezig"}
ZWAK_TOT = 2  # a score of at most this is a weak point that calls for an action


def is_zwak(score: int | None) -> bool:
    return score is not None and score <= ZWAK_TOT


def score_probleem(score) -> str | None:
    """What is wrong with this score (a Dutch sentence), or None."""
    if not isinstance(score, int) or isinstance(score, bool) or score not in SCORES:
        return "Geef een score van 1 tot 4."
    return None


def datum_probleem(datum: date | None, vandaag: date,
                   bestaande: Iterable[date] = ()) -> str | None:
    """A zelfevaluatie is dated, not in the future, and one per day: the series over time has one
    point per date. `bestaande` are the dates of the network's other evaluations."""
    if datum is None:
        return "Geef de datum van de zelfevaluatie."
    if datum > vandaag:
        return "De datum van een zelfevaluatie ligt niet in de toekomst."
    if datum in set(bestaande):
        return (f"Er is al een zelfevaluatie op {datum:%d/%m/%Y}: bewerk die, of kies een "
                f"andere datum.")
    return None


def gemiddelde(scores: Mapping[str, int], cluster: str) -> float | None:
    """The mean score of a cluster's kernprincipes that have a score (None when none has)."""
    waarden = [scores[k.code] for k in CLUSTER[cluster].kernprincipes if k.code in scores]
    return round(sum(waarden) / len(waarden), 2) if waarden else None


@dataclass(frozen=True)
class Meting:
    """One zelfevaluatie reduced to what the series needs."""
    datum: date
    scores: Mapping[str, int]


@dataclass(frozen=True)
class Reeks:
    """The chart over time: the dates (oldest first) and per cluster its mean at each date."""
    datums: tuple[date, ...]
    per_cluster: dict[str, tuple[float | None, ...]]
    per_kernprincipe: dict[str, tuple[int | None, ...]]


def reeks(metingen: Iterable[Meting], tot: date | None = None) -> Reeks:
    """The series of the evaluations up to `tot` (all when None), oldest first."""
    lijst = sorted((m for m in metingen if tot is None or m.datum <= tot), key=lambda m: m.datum)
    return Reeks(
        datums=tuple(m.datum for m in lijst),
        per_cluster={c.code: tuple(gemiddelde(m.scores, c.code) for m in lijst)
                     for c in CLUSTERS},
        per_kernprincipe={k: tuple(m.scores.get(k) for m in lijst) for k in KERNPRINCIPES})


def zwakke_punten(scores: Mapping[str, int], gekoppeld: Mapping[str, object] = {}) -> list[str]:
    """The weak kernprincipes (display order) that have no action linked yet."""
    return [k for k in KERNPRINCIPES if is_zwak(scores.get(k)) and not gekoppeld.get(k)]


def actie_voorstel(kernprincipe: str, score: int, opmerking: str, datum: date) -> str:
    """The description an action made from a weak point starts with (the user edits it)."""
    k = KERNPRINCIPE[kernprincipe]
    tekst = (f"Kernprincipe '{k.label}' ({CLUSTER[k.cluster].label.lower()}) versterken: "
             f"score {score} van 4 in de zelfevaluatie van {datum:%d/%m/%Y}.")
    return f"{tekst} {opmerking}".strip() if opmerking else tekst
