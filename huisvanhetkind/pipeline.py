"""The one analysis pipeline: database → facts at a peildatum → one analysis bundle, cached.

Every page, the API, the command line, the exports and the dossier ask here, so they always
agree. The cache key is built in one place (`_sleutel`): the facts' `bron` (the network's revisie
token, what other networks contribute, and the day the facts describe) plus the peildatum, whose
clock the engagement deadlines read.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable

from . import cache
from .domein import snapshot
from .domein.bundel import Bundel
from .facts import netwerk_facts, netwerken_facts


def _sleutel(netwerk: snapshot.Netwerk, peildatum: date):
    return None if netwerk.bron is None else ("bundel", netwerk.bron, peildatum)


def bundel_van(netwerk: snapshot.Netwerk, peildatum: date) -> Bundel:
    """The bundle of facts already read (netwerk as it stood on the peildatum)."""
    return cache.remember(_sleutel(netwerk, peildatum), lambda: Bundel(netwerk, peildatum))


def bundel(netwerk_id: int, peildatum: date | None = None) -> Bundel:
    """The bundle of a network at the peildatum (default today); LookupError when the network
    does not exist."""
    peildatum = peildatum or date.today()
    return bundel_van(netwerk_facts(netwerk_id, peildatum), peildatum)


def bundels(netwerk_ids: Iterable[int], peildatum: date | None = None) -> dict[int, Bundel]:
    """Bundles of several networks (the province overview) from one batch of facts."""
    peildatum = peildatum or date.today()
    return {i: bundel_van(f, peildatum)
            for i, f in netwerken_facts(netwerk_ids, peildatum).items()}
