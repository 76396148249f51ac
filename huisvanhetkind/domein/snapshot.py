"""Plain, frozen data describing one network: the input of every pure analysis.

The conditions (beoordeling.py), the graph analysis (analyse.py) and the coverage (dekking.py)
read only these types. One adapter (huisvanhetkind/facts.py) builds them from the database with
the periods of memberships, aanbod and realisations, and `Netwerk.op(peildatum)` gives the network
as it stood on a day (domein.md §4). Two rules that every analysis shares live here, once: what
area an aanbod serves (`gebied_van`) and who is a consultatiebureau partner
(`Netwerk.consultatiebureau_partners`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date

from .taxonomie import AANBODVORM, ACTIESTATUS


@dataclass(frozen=True)
class Deel:
    """One piece of a werkingsgebied: a whole municipality (deel None) or a named part of it."""
    nis: str
    deel: str | None = None


CONSULTATIEBUREAU = AANBODVORM["consultatiebureau"].code
GEREALISEERD = ACTIESTATUS["gerealiseerd"].code
LOPEND = ACTIESTATUS["lopend"].code


def geldig_op(van: date | None, tot: date | None, dag: date) -> bool:
    """A period [van, tot) contains the day; an unknown start means 'always already'."""
    return (van is None or van <= dag) and (tot is None or tot > dag)


def gebied_van(eigen: frozenset[str], partner: frozenset[str]) -> frozenset[str]:
    """The municipalities an aanbod serves: its own, or its partner's when it names none
    (domein.md §5). The one place of this rule: the coverage, the conditions, the exports and the
    database adapter all call it."""
    return eigen or partner


@dataclass(frozen=True)
class Partner:
    """A member organisation of the network, with its membership facts.

    `perioden` are the (lid_sinds, lid_tot) spans of its memberships of this network; the raw
    facts of the adapter hold former members too, `Netwerk.op` keeps those of one day.
    """
    id: int
    naam: str
    sector: str
    gemeenten: frozenset[str] = frozenset()  # NIS codes the organisation serves
    overeenkomst_getekend: bool = False
    lid_sinds: date | None = None
    kbo: str | None = None
    lid_tot: date | None = None
    perioden: tuple[tuple[date | None, date | None], ...] = ()

    def lid_op(self, dag: date) -> bool:
        spans = self.perioden or ((self.lid_sinds, self.lid_tot),)
        return any(geldig_op(van, tot, dag) for van, tot in spans)


@dataclass(frozen=True)
class Aanbod:
    id: int
    partner_id: int
    naam: str
    aanbodvorm: str
    functies: frozenset[str] = frozenset()
    leeftijdsgroepen: frozenset[str] = frozenset()
    doelgroep: str = "universeel"
    werkvormen: frozenset[str] = frozenset()
    gemeenten: frozenset[str] = frozenset()  # empty: the partner's municipalities
    laagdrempelig: bool = False
    verplicht_kg: bool = False
    partner_naam: str = ""
    startdatum: date | None = None
    einddatum: date | None = None


@dataclass(frozen=True)
class Verwijzing:
    """A directed referral link van → naar between two organisations (ids). The facts adapter
    leaves `aantal_per_jaar` empty: it is no fact of the analysis (revisie.py), and a bundle kept
    per feitenrevisie would show an old count; the graph adds the current ones
    (Netwerk.met_aantallen)."""
    van: int
    naar: int
    soort: str
    aantal_per_jaar: int | None = None
    sinds: date | None = None
    bevestigd: bool = False


@dataclass(frozen=True)
class Actie:
    """An action realising an engagement (voorwaarde E6–E12, S2–S6)."""
    id: int
    voorwaarde: str
    beschrijving: str
    trekker_id: int | None
    deadline: date | None
    status: str  # gepland | lopend | gerealiseerd
    bewijs: str = ""
    gerealiseerd_op: date | None = None  # None with status gerealiseerd: date unknown

    def gerealiseerd_op_dag(self, dag: date) -> bool:
        """Realised by this day: an unknown realisation date counts at every day (domein.md §4)."""
        return self.status == GEREALISEERD and (
            self.gerealiseerd_op is None or self.gerealiseerd_op <= dag)


@dataclass(frozen=True)
class BewustNiet:
    """A coverage cell the coordinator decided not to cover; nis None = every municipality."""
    functie: str
    leeftijdsgroep: str
    nis: str | None
    reden: str


@dataclass(frozen=True)
class Indicator:
    """One figure of the omgevingsanalyse (domein.md §12): a municipality's indicator in a year,
    with its source. Indicators are facts of municipalities, shared by every network there."""
    nis: str
    jaar: int
    indicator: str  # a code of nood.INDICATOR
    waarde: float
    bron: str = ""


@dataclass(frozen=True)
class AnderNetwerk:
    """Another network's werkingsgebied, for the E2 check on shared municipalities."""
    naam: str
    werkingsgebied: tuple[Deel, ...]


@dataclass(frozen=True)
class Netwerk:
    id: int
    naam: str
    rechtsvorm: str = "geen"
    aanvraagdatum: date | None = None
    erkenningsdatum: date | None = None
    coordinator_naam: str = ""
    coordinator_email: str = ""
    werkingsgebied: tuple[Deel, ...] = ()
    partners: tuple[Partner, ...] = ()
    aanbod: tuple[Aanbod, ...] = ()  # aanbod of member partners
    verwijzingen: tuple[Verwijzing, ...] = ()  # links with both ends member partners
    acties: tuple[Actie, ...] = ()
    bewust_niet: tuple[BewustNiet, ...] = ()
    andere_netwerken: tuple[AnderNetwerk, ...] = ()
    # nis -> zorgregio; None while the beheerder has not loaded the table
    zorgregio: dict[str, str] | None = field(default=None, hash=False, compare=False)
    # verplicht_kg aanbod of NON-members whose area intersects the werkingsgebied (E5)
    verplicht_kg_buiten: tuple[Aanbod, ...] = ()
    # indicators of the werkingsgebied's municipalities, every year (domein.md §12)
    indicatoren: tuple[Indicator, ...] = ()
    # identifies the database state these facts were read from (a cache key); None once changed
    bron: tuple | None = field(default=None, compare=False)

    # the day these facts describe (Netwerk.op); None for the adapter's raw facts of today
    stand_op: date | None = field(default=None, compare=False)

    @property
    def gemeenten(self) -> frozenset[str]:
        return frozenset(d.nis for d in self.werkingsgebied)

    def gebied(self, aanbod: "Aanbod") -> frozenset[str]:
        """The municipalities this aanbod serves (gebied_van with its partner's)."""
        partner = self.partner(aanbod.partner_id)
        return gebied_van(aanbod.gemeenten, partner.gemeenten if partner else frozenset())

    def aanbod_in_gebied(self) -> tuple["Aanbod", ...]:
        """Aanbod of members that reaches the werkingsgebied (E4, E8, E9, S7 alike). A partner
        may belong to several networks: its aanbod elsewhere is not this network's aanbod."""
        gebied = self.gemeenten
        return tuple(a for a in self.aanbod
                     if a.partner_id in self._partners_by_id and self.gebied(a) & gebied)

    def consultatiebureau_partners(self) -> tuple[int, ...]:
        """Members with consultatiebureau aanbod in the werkingsgebied (domein.md §4, E9): the
        sector kind_en_gezin alone does not make one."""
        return tuple(sorted({a.partner_id for a in self.aanbod_in_gebied()
                             if a.aanbodvorm == CONSULTATIEBUREAU}))

    def op(self, peildatum: date, vandaag: date) -> "Netwerk":
        """The network as it stood on the peildatum (domein.md §4): members whose membership
        contains the day, aanbod whose period contains it, verwijzingen between those members
        (not yet begun ones left out) and actions counted as realised only from their
        realisation date. A peildatum after today evaluates today's data with the clock moved."""
        dag = min(peildatum, vandaag)
        partners = tuple(p for p in self.partners if p.lid_op(dag))
        leden = {p.id for p in partners}
        return replace(
            self, stand_op=dag, bron=bron_op(self.bron, peildatum, vandaag),
            partners=partners,
            aanbod=tuple(a for a in self.aanbod if a.partner_id in leden
                         and geldig_op(a.startdatum, a.einddatum, dag)),
            verwijzingen=tuple(v for v in self.verwijzingen if v.van in leden
                               and v.naar in leden and (v.sinds is None or v.sinds <= dag)),
            acties=tuple(a if a.status != GEREALISEERD or a.gerealiseerd_op_dag(dag)
                         else replace(a, status=LOPEND) for a in self.acties),
        )

    def __getstate__(self) -> dict:
        # pickled (berekeningen.py) while other threads may share this snapshot: dict() copies
        # the __dict__ in one step, where pickle's own walk saw a memo being added mid-iteration
        staat = dict(self.__dict__)
        staat.pop("_partners_by_id", None)
        return staat

    @cached_property
    def _partners_by_id(self) -> dict[int, Partner]:
        # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass
        return {p.id: p for p in self.partners}

    def partner(self, partner_id: int) -> Partner | None:
        return self._partners_by_id.get(partner_id)

    def met_aantallen(self, aantallen: dict[tuple[int, int, str], int]) -> "Netwerk":
        """The same network with each verwijzing's aantal_per_jaar from `aantallen`, keyed by
        (van, naar, soort); a link without an entry has none."""
        return replace(self, verwijzingen=tuple(
            replace(v, aantal_per_jaar=aantallen.get((v.van, v.naar, v.soort)))
            for v in self.verwijzingen))

    def zonder_partner(self, partner_id: int) -> "Netwerk":
        """The same network as if this partner left it (for 'wat als')."""
        gemeenten = self.gemeenten
        # its verplicht_kg aanbod in the area now belongs to a non-member (E5)
        buiten = tuple(a for a in self.aanbod if a.partner_id == partner_id and a.verplicht_kg
                       and self.gebied(a) & gemeenten)
        return replace(
            self, bron=None,
            verplicht_kg_buiten=self.verplicht_kg_buiten + buiten,
            partners=tuple(p for p in self.partners if p.id != partner_id),
            aanbod=tuple(a for a in self.aanbod if a.partner_id != partner_id),
            verwijzingen=tuple(v for v in self.verwijzingen
                               if partner_id not in (v.van, v.naar)),
            acties=tuple(a if a.trekker_id != partner_id else replace(a, trekker_id=None)
                         for a in self.acties),
        )


def bron_op(bron: tuple | None, peildatum: date, vandaag: date) -> tuple | None:
    """The `bron` of facts as they stood on the peildatum (Netwerk.op): the facts' own plus the
    day they describe, so a cache can find what was made from them before reading them."""
    return None if bron is None else bron + (min(peildatum, vandaag),)
