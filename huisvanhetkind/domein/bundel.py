"""The one analysis bundle: everything computed about a network at one peildatum.

A `Bundel` holds the network as it stood on the peildatum (snapshot.Netwerk.op) and computes,
each at most once and only when asked: the coverage (lacunes, overlaps, bewust-niet cells), the
graph analysis and the Beoordeling of every condition. Pages, the API, the command line, the
exports and the dossier all read the same bundle (pipeline.py caches it per network revision
and peildatum), so they can never disagree. 'Wat als' is the same bundle over the network
without one partner.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from . import dekking, nood as nood_regel
from .analyse import Analyse, Structuurmaten, analyseer, to_json as analyse_json
from .beoordeling import Beoordeling, Uitkomst, evaluate
from .snapshot import Netwerk, Partner


@dataclass(frozen=True, eq=False)
class Bundel:
    netwerk: Netwerk  # as it stood on the peildatum
    peildatum: date
    # the costly graph measures when already known for this structure (the pipeline keeps them
    # apart: most edits leave the structure alone)
    maten: Structuurmaten | None = None

    # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass;
    # two threads racing on a fresh bundle at worst compute a part twice, with the same result
    @cached_property
    def lacunes(self) -> tuple[dekking.Lacune, ...]:
        return dekking.lacunes(self.netwerk, self.gedekt)

    @cached_property
    def overlappen(self) -> tuple[dekking.Overlap, ...]:
        return dekking.overlappen(self.netwerk)

    @cached_property
    def bewust_niet(self) -> tuple[dekking.BewustNietCel, ...]:
        return dekking.bewust_niet(self.netwerk, self.gedekt)

    @cached_property
    def nood(self) -> dict[dekking.Lacune, float | None]:
        """The nood of every lacune (nood.py); empty when the network has no indicators."""
        return nood_regel.per_cel(self.netwerk, self.lacunes)

    @cached_property
    def beoordeling(self) -> Beoordeling:
        return evaluate(self.netwerk, self.peildatum, self.lacunes, self.overlappen)

    @cached_property
    def analyse(self) -> Analyse:
        return analyseer(self.netwerk, self.maten)

    @cached_property
    def gedekt(self) -> dict[tuple[str, str, str], tuple[int, ...]]:
        """Per covered (functie, leeftijdsgroep, nis) cell the aanbod ids covering it."""
        return dekking.dekking(self.netwerk)

    def __getstate__(self) -> dict:
        # kept in memory and pickled for the database at once, while readers may fill a part or
        # a matrix: copy the __dict__ in one step (pickle's own walk raised "dictionary changed
        # size during iteration" under the load test); the matrices are made again when asked
        staat = dict(self.__dict__)
        staat.pop("_matrices", None)
        if "analyse" in staat:
            staat["maten"] = None  # the analysis holds the same betweenness: keep it once
        return staat

    def matrix(self, nis: str | None = None) -> dekking.Matrix:
        """The coverage matrix of one municipality or the whole werkingsgebied (memoised)."""
        matrices = self.__dict__.setdefault("_matrices", {})
        if nis not in matrices:
            matrices[nis] = dekking.matrix(self.netwerk, nis, self.gedekt, self.overlappen)
        return matrices[nis]

    def volledig(self) -> "Bundel":
        """Compute every part now (before the bundle is kept for other processes)."""
        for deel in (self.lacunes, self.overlappen, self.bewust_niet, self.beoordeling,
                     self.analyse, self.gedekt, self.nood):
            assert deel is not None
        return self

    def erkenning_json(self) -> dict[str, Any]:
        """The `erkenning` document of domein.md §8."""
        return self.beoordeling.to_json(self.netwerk.naam)

    def analyse_json(self) -> dict[str, Any]:
        """The `analyse` document of domein.md §8; with indicators every lacune carries its
        `nood` and the lacunes are ranked by it (domein.md §12)."""
        return analyse_json(self.netwerk, self.analyse, self.lacunes, self.overlappen,
                            self.bewust_niet, self.nood if self.netwerk.indicatoren else None)

    def zonder(self, partner_id: int) -> "Bundel":
        """The same network at the same peildatum as if this member left; LookupError if it is
        no member."""
        if self.netwerk.partner(partner_id) is None:
            raise LookupError(partner_id)
        return Bundel(self.netwerk.zonder_partner(partner_id), self.peildatum)


@dataclass(frozen=True)
class Maat:
    """One measure before and after, for 'wat als'."""
    code: str
    label: str
    nu: Any
    zonder: Any

    @property
    def veranderd(self) -> bool:
        return self.nu != self.zonder


@dataclass(frozen=True)
class Verandering:
    """One condition in 'wat als': its outcome now and without the partner."""
    nu: Uitkomst
    zonder: Uitkomst

    @property
    def veranderd(self) -> bool:
        return self.nu.status != self.zonder.status


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f} %"


@dataclass(frozen=True)
class WatAls:
    """domein.md §6 'wat als': the network with and without one partner, at one peildatum."""
    partner: Partner
    nu: Bundel
    zonder: Bundel

    @property
    def maten(self) -> tuple[Maat, ...]:
        a, b = self.nu.analyse, self.zonder.analyse
        nu, zonder = self.nu, self.zonder
        return (
            Maat("partners", "Partners", len(nu.netwerk.partners), len(zonder.netwerk.partners)),
            Maat("verwijzingen", "Verwijzingen", len(nu.netwerk.verwijzingen),
                 len(zonder.netwerk.verwijzingen)),
            Maat("componenten", "Losse delen (componenten)", a.componenten, b.componenten),
            Maat("geisoleerd", "Geïsoleerde partners", len(a.geisoleerd), len(b.geisoleerd)),
            Maat("kwetsbare_schakels", "Kwetsbare schakels", len(a.kwetsbare_schakels),
                 len(b.kwetsbare_schakels)),
            Maat("bruggen", "Bruggen", len(a.bruggen), len(b.bruggen)),
            Maat("dichtheid", "Dichtheid", _pct(a.dichtheid), _pct(b.dichtheid)),
            Maat("reciprociteit", "Reciprociteit", _pct(a.reciprociteit),
                 _pct(b.reciprociteit)),
            Maat("lacunes", "Lacunes", len(nu.lacunes), len(zonder.lacunes)),
            Maat("overlappen", "Overlappen", len(nu.overlappen), len(zonder.overlappen)),
        )

    @property
    def voorwaarden(self) -> tuple[Verandering, ...]:
        return tuple(Verandering(n, z) for n, z in zip(self.nu.beoordeling.uitkomsten,
                                                       self.zonder.beoordeling.uitkomsten))

    @property
    def nieuw_geisoleerd(self) -> tuple[int, ...]:
        oud = set(self.nu.analyse.geisoleerd)
        return tuple(i for i in self.zonder.analyse.geisoleerd if i not in oud)

    @property
    def nieuwe_schakels(self) -> tuple[int, ...]:
        oud = set(self.nu.analyse.kwetsbare_schakels)
        return tuple(i for i in self.zonder.analyse.kwetsbare_schakels if i not in oud)

    @property
    def nieuwe_lacunes(self) -> tuple[dekking.Lacune, ...]:
        oud = set(self.nu.lacunes)
        return tuple(c for c in self.zonder.lacunes if c not in oud)

    @property
    def verdwenen_overlappen(self) -> tuple[dekking.Overlap, ...]:
        blijft = {(o.aanbodvorm, o.leeftijdsgroep, o.nis) for o in self.zonder.overlappen}
        return tuple(o for o in self.nu.overlappen
                     if (o.aanbodvorm, o.leeftijdsgroep, o.nis) not in blijft)


def wat_als(nu: Bundel, partner_id: int) -> WatAls:
    """LookupError when the partner is no member at the bundle's peildatum."""
    zonder = nu.zonder(partner_id)
    return WatAls(nu.netwerk.partner(partner_id), nu, zonder)
