"""The one way to evaluate a network: facts from the database, coverage, then the rules engine.

Dashboard, CLI, API, dossier and PDF all call this module, so they always agree on every status.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .. import cache, snapshot
from ..graaf import coverage
from .facts import netwerk_facts
from .rules import Beoordeling, evalueer

VOORBEELD = "2026-09-01"


class OngeldigePeildatum(ValueError):
    """A peildatum that is not a date; the message is Dutch and safe to show."""


def parse_peildatum(tekst: str | None, standaard: date | None = None) -> date:
    """`JJJJ-MM-DD` (also `dd/mm/jjjj`); empty → `standaard` or today."""
    tekst = (tekst or "").strip()
    if not tekst:
        return standaard or date.today()
    for formaat in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(tekst, formaat).date()
        except ValueError:
            continue
    raise OngeldigePeildatum(f"Ongeldige peildatum '{tekst[:40]}': gebruik JJJJ-MM-DD, "
                             f"bijvoorbeeld {VOORBEELD}.")


@dataclass(frozen=True)
class Evaluation:
    """A network's facts at one peildatum, with its lacunes/overlappen and the Beoordeling."""
    netwerk: snapshot.Netwerk
    peildatum: date
    lacunes: tuple[coverage.Lacune, ...]
    overlappen: tuple[coverage.Overlap, ...]
    beoordeling: Beoordeling

    def to_json(self) -> dict[str, Any]:
        """The erkenning document of domein.md §8."""
        return self.beoordeling.to_json(self.netwerk.naam)


def evaluate(netwerk: snapshot.Netwerk, peildatum: date) -> Evaluation:
    """Pure part: coverage (for S2) and the rules over one snapshot."""
    lacunes, overlappen = coverage.lacunes(netwerk), coverage.overlappen(netwerk)
    return Evaluation(netwerk, peildatum, lacunes, overlappen,
                      evalueer(netwerk, peildatum, lacunes, overlappen))


def evaluation(netwerk_id: int, peildatum: date | None = None) -> Evaluation:
    """Raises LookupError when the network does not exist."""
    return cached_evaluate(netwerk_facts(netwerk_id), peildatum or date.today())


def cached_evaluate(netwerk: snapshot.Netwerk, peildatum: date) -> Evaluation:
    """evaluate(), computed once per process for the same facts (see cache.py)."""
    key = None if netwerk.bron is None else ("evaluatie", netwerk.bron, peildatum)
    return cache.remember(key, lambda: evaluate(netwerk, peildatum))


def evaluate_network(netwerk_id: int, peildatum: date | None = None) -> Beoordeling:
    return evaluation(netwerk_id, peildatum).beoordeling


@dataclass(frozen=True)
class Verandering:
    """One condition in 'wat als': its outcome before and after a partner leaves."""
    voor: Any  # rules.Uitkomst
    na: Any

    @property
    def gewijzigd(self) -> bool:
        return self.voor.status != self.na.status


@dataclass(frozen=True)
class WatAls:
    partner: snapshot.Partner
    voor: Evaluation
    na: Evaluation

    @property
    def voorwaarden(self) -> list[Verandering]:
        return [Verandering(v, n) for v, n in zip(self.voor.beoordeling.uitkomsten,
                                                  self.na.beoordeling.uitkomsten)]

    @property
    def nieuwe_lacunes(self) -> list[coverage.Lacune]:
        oud = set(self.voor.lacunes)
        return [lac for lac in self.na.lacunes if lac not in oud]


def wat_als(voor: Evaluation, partner_id: int) -> WatAls:
    """The same evaluation with one member partner removed; LookupError if it is no member."""
    partner = voor.netwerk.partner(partner_id)
    if partner is None:
        raise LookupError(partner_id)
    return WatAls(partner, voor, evaluate(voor.netwerk.zonder_partner(partner_id),
                                          voor.peildatum))
