"""The one analysis pipeline: database → facts at a peildatum → one analysis bundle, cached.

Every page, the API, the command line, the exports and the dossier ask here, so they always
agree. The cache key is built in one place (`_sleutel`): the facts' `bron` (the network's revisie
token, what other networks contribute, and the day the facts describe) plus the peildatum, whose
clock the engagement deadlines read. Bundles are kept in the database for every worker and
host (berekeningen.py).
"""
from __future__ import annotations

from datetime import date
from typing import Iterable

from . import berekeningen, revisie
from .domein import snapshot
from .domein.bundel import Bundel
from .extensions import db
from .facts import netwerk_facts, netwerken_facts


def _sleutel(netwerk: snapshot.Netwerk, peildatum: date) -> str | None:
    if netwerk.bron is None or revisie.onzeker(db.session):
        return None  # facts without identity, or with uncommitted changes: never kept
    return berekeningen.sleutel("bundel", netwerk.bron, peildatum)


def bundel_van(netwerk: snapshot.Netwerk, peildatum: date) -> Bundel:
    """The bundle of facts already read (netwerk as it stood on the peildatum): kept in memory
    and in the database, computed once across every worker and host (berekeningen.py)."""
    k = _sleutel(netwerk, peildatum)
    if k is None:
        return Bundel(netwerk, peildatum)
    return berekeningen.onthoud(netwerk.id, "bundel", k,
                                lambda: Bundel(netwerk, peildatum).volledig())


def bundel(netwerk_id: int, peildatum: date | None = None) -> Bundel:
    """The bundle of a network at the peildatum (default today); LookupError when the network
    does not exist."""
    peildatum = peildatum or date.today()
    return bundel_van(netwerk_facts(netwerk_id, peildatum), peildatum)


def bundels(netwerk_ids: Iterable[int], peildatum: date | None = None) -> dict[int, Bundel]:
    """Bundles of several networks (the province overview) from one batch of facts and one
    read of the kept bundles."""
    peildatum = peildatum or date.today()
    facts = netwerken_facts(netwerk_ids, peildatum)
    sleutels = {i: _sleutel(f, peildatum) for i, f in facts.items()}
    gevonden = berekeningen.onthoud_veel({
        k: (i, "bundel", lambda f=facts[i]: Bundel(f, peildatum).volledig())
        for i, k in sleutels.items() if k is not None})
    return {i: gevonden[k] if k is not None else Bundel(facts[i], peildatum)
            for i, k in sleutels.items()}
