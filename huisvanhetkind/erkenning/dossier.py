"""The erkenningsdossier: everything Kind en Gezin reads, at one peildatum.

Built from the same analysis bundle as the dashboard (pipeline.bundel), so the HTML page, the
PDF, the CLI and the API show the same statuses.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from .. import pipeline
from ..domein.beoordeling import ERKENNING, SUBSIDIE, Uitkomst, deadline
from ..domein.bundel import Bundel
from ..domein.snapshot import Aanbod
from ..domein.taxonomie import AANBODVORM, ENGAGEMENTEN, LEEFTIJDSGROEP
from .models import Actie
from .queries import acties_per_voorwaarde


@dataclass(frozen=True)
class VormRij:
    """One aanbodvorm: how many aanbod, per leeftijdsgroep, and which ones."""
    vorm: str
    pgo: bool
    per_leeftijd: dict[str, int]
    aanbod: tuple[Aanbod, ...]


@dataclass(frozen=True)
class EngagementPlan:
    uitkomst: Uitkomst
    acties: tuple[Actie, ...]


@dataclass(frozen=True)
class Dossier:
    ev: Bundel
    termijn: date
    erkenning: tuple[Uitkomst, ...]
    subsidie: tuple[Uitkomst, ...]
    leeftijden: tuple[str, ...]
    aanbod: tuple[VormRij, ...]
    plan: tuple[EngagementPlan, ...]
    partner_namen: dict[int, str]

    max_partnertabel = 300

    @property
    def aanbod_per_stuk(self) -> bool:
        """List every aanbod by name, or (a large network) only counts: the export has the list."""
        return len(self.ev.netwerk.aanbod) <= MAX_AANBOD_PER_STUK

    @property
    def netwerk(self):
        return self.ev.netwerk

    @property
    def b(self):
        return self.ev.beoordeling


# Above this the dossier counts aanbod per vorm and partner instead of listing each one: a
# 60-page list helps no reviewer and made the PDF of the largest network take 18 s.
MAX_AANBOD_PER_STUK = 400


def aanbod_per_vorm(aanbod) -> tuple[VormRij, ...]:
    """Aanbod grouped by aanbodvorm in taxonomy order, counted per leeftijdsgroep."""
    per_vorm: dict[str, list[Aanbod]] = defaultdict(list)
    for a in aanbod:
        per_vorm[a.aanbodvorm].append(a)
    orde = {c: i for i, c in enumerate(AANBODVORM.keys())}
    rijen = []
    for vorm in sorted(per_vorm, key=lambda v: (orde.get(v, 99), v)):
        lijst = sorted(per_vorm[vorm], key=lambda a: (a.naam.casefold(), a.id))
        telling = Counter(g for a in lijst for g in a.leeftijdsgroepen)
        rijen.append(VormRij(vorm, vorm in AANBODVORM and AANBODVORM[vorm].pgo,
                             {g: telling.get(g, 0) for g in LEEFTIJDSGROEP.keys()},
                             tuple(lijst)))
    return tuple(rijen)


def bouw(netwerk_id: int, peildatum: date) -> Dossier:
    """Raises NietGevonden when the network does not exist."""
    ev = pipeline.bundel(netwerk_id, peildatum)
    acties = acties_per_voorwaarde(netwerk_id)
    uitkomsten = ev.beoordeling.uitkomsten
    return Dossier(
        ev=ev, termijn=deadline(ev.netwerk, peildatum),
        erkenning=tuple(u for u in uitkomsten if u.soort == ERKENNING),
        subsidie=tuple(u for u in uitkomsten if u.soort == SUBSIDIE),
        leeftijden=tuple(LEEFTIJDSGROEP.keys()),
        aanbod=aanbod_per_vorm(ev.netwerk.aanbod),
        plan=tuple(EngagementPlan(ev.beoordeling.uitkomst(e), tuple(acties.get(e, ())))
                   for e in ENGAGEMENTEN),
        partner_namen={p.id: p.naam for p in ev.netwerk.partners})
