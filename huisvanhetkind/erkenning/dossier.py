"""The erkenningsdossier: everything Kind en Gezin reads, at one peildatum.

Built from the same analysis bundle as the dashboard (pipeline.bundel), so the HTML page, the
PDF, the CLI and the API show the same statuses.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .. import pipeline
from ..domein.aanvraag import TOESTANDEN
from ..domein.beoordeling import ERKENNING, SUBSIDIE, Uitkomst, deadline
from ..domein.bundel import Bundel
from ..domein.snapshot import Aanbod
from ..domein.taxonomie import AANBODVORM, ENGAGEMENTEN, LEEFTIJDSGROEP
from ..domein.dekking import Cel, Overlap
from ..domein.tekening import graph_data
from ..domein import nood
from ..graaf import matrix_image, netwerk_image, nood_image
from ..bevraging import queries as bevraging_queries
from ..zelfevaluatie import overzicht as zelfevaluatie_overzicht
from .models import Actie, AanvraagStap, ReviewOpmerking
from .queries import aanvraag_stappen, aanvraag_van, acties_per_voorwaarde, review_per_voorwaarde


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
    # cells with a lacune or a 'bewust niet' mark (its reason) over the whole werkingsgebied
    lacune_cellen: tuple[Cel, ...] = ()
    overlappen: tuple[Overlap, ...] = ()
    matrix_svg: str = ""  # the coverage matrix (graaf/matrix_image.py)
    netwerk_svg: str = ""  # the network picture (graaf/netwerk_image.py); "" when too large
    # the status of each action AT the peildatum (realised later: still lopend then)
    status_op: dict[int, str] = field(default_factory=dict)
    review: dict[str, list[ReviewOpmerking]] = field(default_factory=dict)
    geschiedenis: tuple[AanvraagStap, ...] = ()
    # the zelfevaluaties kernprincipes up to the peildatum (zelfevaluatie/overzicht.py)
    zelfevaluatie: zelfevaluatie_overzicht.Overzicht | None = None
    # sections shown only when there is something to show, each by its own template
    # (templates/erkenning/_dossier_bevraging.html, _dossier_omgeving.html): the latest closed
    # meetmoment (bevraging.queries.Samenvatting) and the omgevingsanalyse (Omgeving, below)
    bevraging: object | None = None
    omgeving: object | None = None

    max_partnertabel = 300
    # the PDF names this many aanbod of an overlap, then counts the rest: in the largest network
    # an overlap holds hundreds, and those cells were 150 of the PDF's 180 pages (issue 16)
    max_overlap_namen = 10
    toestanden = TOESTANDEN  # the aanvraag's states in Dutch, for its history

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

    @property
    def getoonde_overlappen(self) -> tuple[Overlap, ...]:
        return self.overlappen[:MAX_OVERLAPPEN]

    @property
    def overlap_namen_herhaald(self) -> bool:
        """Whether an overlap shown holds one aanbod name more than once ("Naam ×3")."""
        return any(len(set(o.aanbod_namen)) < len(o.aanbod_namen)
                   for o in self.getoonde_overlappen)

    @property
    def overlap_namen_ingekort(self) -> bool:
        """Whether the PDF names only the first max_overlap_namen names of an overlap shown."""
        return any(len(set(o.aanbod_namen)) > self.max_overlap_namen
                   for o in self.getoonde_overlappen)


# Above this the dossier counts aanbod per vorm and partner instead of listing each one: a
# 60-page list helps no reviewer and made the PDF of the largest network take 18 s.
MAX_AANBOD_PER_STUK = 400
# The dossier shows this many overlaps; the page 'Lacunes en overlap' shows them all.
MAX_OVERLAPPEN = 200
# Above this many partners the dossier leaves the network picture out (a blot, not a picture):
# the interactive drawing and the analysis page serve such a network.
MAX_PARTNERS_TEKENING = 300


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


@dataclass(frozen=True)
class Omgeving:
    """The dossier's omgevingsanalyse: need per municipality (chart and its table) and the
    lacunes with the highest need (domein/nood.py, as on the omgeving page)."""
    rijen: tuple
    lacunes: tuple
    svg: str
    fictief: bool


def _omgeving(ev: Bundel, stand: str) -> Omgeving:
    n = ev.netwerk
    rijen = tuple(nood.per_gemeente(n, ev.lacunes))
    return Omgeving(rijen, tuple(nood.omgevingsanalyse(n, ev.lacunes, 10)["lacunes"]),
                    nood_image.svg(rijen, f"Nood per gemeente in {n.naam} · {stand}",
                                   "beeld-nood"),
                    any("fictief" in i.bron.casefold() for i in n.indicatoren))


def bouw(netwerk_id: int, peildatum: date) -> Dossier:
    """Raises NietGevonden when the network does not exist."""
    ev = pipeline.bundel(netwerk_id, peildatum)
    n = ev.netwerk
    acties = acties_per_voorwaarde(netwerk_id)
    uitkomsten = ev.beoordeling.uitkomsten
    matrix = ev.matrix()
    stand = f"stand op {peildatum:%d/%m/%Y}"
    aanvraag = aanvraag_van(netwerk_id)
    return Dossier(
        ev=ev, termijn=deadline(n, peildatum),
        erkenning=tuple(u for u in uitkomsten if u.soort == ERKENNING),
        subsidie=tuple(u for u in uitkomsten if u.soort == SUBSIDIE),
        leeftijden=tuple(LEEFTIJDSGROEP.keys()),
        aanbod=aanbod_per_vorm(n.aanbod),
        plan=tuple(EngagementPlan(ev.beoordeling.uitkomst(e), tuple(acties.get(e, ())))
                   for e in ENGAGEMENTEN),
        partner_namen={p.id: p.naam for p in n.partners},
        lacune_cellen=tuple(c for rij in matrix.rijen for c in rij
                            if c.status in ("lacune", "bewust_niet")),
        overlappen=ev.overlappen,
        matrix_svg=matrix_image.svg(matrix_image.tekening(
            matrix, f"Dekking {n.naam}", f"Heel het werkingsgebied · {stand}")),
        netwerk_svg=netwerk_image.svg(graph_data(n, ev.analyse), f"Netwerk {n.naam} · {stand}")
        if 0 < len(n.partners) <= MAX_PARTNERS_TEKENING else "",
        status_op={a.id: a.status for a in n.acties},
        review=review_per_voorwaarde(netwerk_id),
        geschiedenis=tuple(aanvraag_stappen(aanvraag.id)) if aanvraag else (),
        zelfevaluatie=zelfevaluatie_overzicht.bouw(netwerk_id, n.naam, peildatum),
        # closed by the peildatum, and for a peildatum ahead by today: an open meetmoment's
        # answers change without a new revisie, a closed one's never do
        bevraging=bevraging_queries.dossier_samenvatting(netwerk_id, min(peildatum, date.today())),
        omgeving=_omgeving(ev, stand) if n.indicatoren else None,
    )
