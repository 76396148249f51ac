"""Plain, frozen data describing one network at one moment: the input of every pure analysis.

The rules engine (erkenning/rules.py), the graph analysis (graaf/analysis.py) and the coverage
analysis (graaf/coverage.py) read only these types. One adapter (erkenning/facts.py) builds them
from the database. No Flask, no SQLAlchemy here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date


@dataclass(frozen=True)
class Deel:
    """One piece of a werkingsgebied: a whole municipality (deel None) or a named part of it."""
    nis: str
    deel: str | None = None


@dataclass(frozen=True)
class Partner:
    """A member organisation of the network, with its membership facts."""
    id: int
    naam: str
    sector: str
    gemeenten: frozenset[str] = frozenset()  # NIS codes the organisation serves
    overeenkomst_getekend: bool = False
    lid_sinds: date | None = None
    kbo: str | None = None


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


@dataclass(frozen=True)
class Verwijzing:
    """A directed referral link van → naar between two organisations (ids)."""
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


@dataclass(frozen=True)
class BewustNiet:
    """A coverage cell the coordinator decided not to cover; nis None = every municipality."""
    functie: str
    leeftijdsgroep: str
    nis: str | None
    reden: str


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
    # identifies the database state these facts were read from (a cache key); None once changed
    bron: tuple | None = field(default=None, compare=False)

    @property
    def gemeenten(self) -> frozenset[str]:
        return frozenset(d.nis for d in self.werkingsgebied)

    @cached_property
    def _partners_by_id(self) -> dict[int, Partner]:
        # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass
        return {p.id: p for p in self.partners}

    def partner(self, partner_id: int) -> Partner | None:
        return self._partners_by_id.get(partner_id)

    def zonder_partner(self, partner_id: int) -> "Netwerk":
        """The same network as if this partner left it (for 'wat als')."""
        leaving = self.partner(partner_id)
        gemeenten = self.gemeenten
        # its verplicht_kg aanbod in the area now belongs to a non-member (E5)
        buiten = tuple(
            a for a in self.aanbod
            if a.partner_id == partner_id and a.verplicht_kg
            and (a.gemeenten or (leaving.gemeenten if leaving else frozenset())) & gemeenten)
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
