"""The one analysis pipeline: database → facts at a peildatum → one analysis bundle, cached.

Every page, the API, the command line, the exports and the dossier ask here, so they always
agree. The cache key is built in one place (`_sleutel`): the facts' `bron` (the network's revisie
token, what other networks contribute, and the day the facts describe) plus the peildatum, whose
clock the engagement deadlines read. Bundles are kept in the database for every worker and
host (berekeningen.py).
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, TypeVar

from . import berekeningen, cache, facts, opwarmen, revisie
from .domein import snapshot
from .domein.analyse import Structuurmaten, structuur_sleutel, structuurmaten
from .domein.bundel import Bundel
from .extensions import db
from .fouten import NietGevonden

T = TypeVar("T")


def _sleutel(bron: tuple | None, peildatum: date) -> str | None:
    if bron is None or revisie.onzeker(db.session):
        return None  # facts without identity, or with uncommitted changes: never kept
    return _bundelsleutel(bron, peildatum)


@lru_cache(maxsize=4096)
def _bundelsleutel(bron: tuple, peildatum: date) -> str:
    # every page asks for the same few network states: each digest once (a digest is ~15 µs,
    # the province overview needs two for each of its 64 networks)
    return berekeningen.sleutel("bundel", bron, peildatum)


@lru_cache(maxsize=4096)
def _afgeleide_sleutel(soort: str, bundelsleutel: str, code: str) -> str:
    return berekeningen.sleutel(soort, bundelsleutel, code)


def _maten(netwerken: dict[int, snapshot.Netwerk]) -> dict[int, Structuurmaten]:
    """The graph measures of these networks (~0.3 s for 893 partners, most of a bundle), kept
    per structure: a new aanbod, a '+1' or a renamed partner makes a new bundle but no new
    shortest paths. One statement for any number of networks."""
    sleutels = {i: berekeningen.sleutel("structuurmaten", _als_tekst(structuur_sleutel(n)))
                for i, n in netwerken.items()}
    waarden = berekeningen.onthoud_veel({
        k: (i, "structuurmaten", lambda n=netwerken[i]: structuurmaten(n))
        for i, k in sleutels.items()})
    return {i: waarden[k] for i, k in sleutels.items()}


def _als_tekst(structuur: tuple) -> str:
    """A structure key as one string: the digest of 5,000 linked pairs as plain data (each int
    made canonical on its own) took 8 ms of every new bundle of the largest network."""
    leden, paren = structuur
    return ",".join(map(str, leden)) + "|" + ",".join(f"{a}-{b}" for a, b in paren)


def _bereken(netwerk: snapshot.Netwerk, peildatum: date, maten: Structuurmaten | None = None):
    def bereken() -> Bundel:
        bekend = maten if maten is not None else _maten({netwerk.id: netwerk})[netwerk.id]
        return Bundel(netwerk, peildatum, bekend).volledig()
    return bereken


def bundel_van(netwerk: snapshot.Netwerk, peildatum: date) -> Bundel:
    """The bundle of facts already read (netwerk as it stood on the peildatum): kept in memory
    and in the database, computed once across every worker and host (berekeningen.py)."""
    k = _sleutel(netwerk.bron, peildatum)
    if k is None:
        return Bundel(netwerk, peildatum)
    return berekeningen.onthoud(netwerk.id, "bundel", k, _bereken(netwerk, peildatum))


def per_bundel(r: Bundel, soort: str, maak: Callable[[], T], *extra) -> T:
    """maak(), kept in this process like the bundle it is made from: per the network's facts
    (`bron`) and peildatum (and `extra`). For what a page derives from the bundle alone and the
    same for everyone who may see it: serialised documents, rendered fragments."""
    sleutel = None if r.netwerk.bron is None else (soort, r.netwerk.bron, r.peildatum, *extra)
    return cache.remember(sleutel, maak, groep=(soort, r.netwerk.id))


def bundel(netwerk_id: int, peildatum: date | None = None) -> Bundel:
    """The bundle of a network at the peildatum (default today); NietGevonden (a LookupError)
    when the network does not exist."""
    gevonden = bundels([netwerk_id], peildatum)
    if netwerk_id not in gevonden:
        raise NietGevonden(netwerk_id)
    return gevonden[netwerk_id]


def bundels(netwerk_ids: Iterable[int], peildatum: date | None = None,
            koppen: dict | None = None) -> dict[int, Bundel]:
    """Bundles of several networks (the province overview): the heads first, which give the
    keys; kept bundles are read in one statement, and only the networks without one have their
    rows read and their bundle computed."""
    peildatum = peildatum or date.today()
    koppen = koppen if koppen is not None else facts.koppen(netwerk_ids)
    opwarmen.gelezen(koppen)
    sleutels = {i: _sleutel(kop.bron, peildatum) for i, kop in koppen.items()}
    gevonden = berekeningen.haal_veel(k for k in sleutels.values() if k)
    ontbreekt = [i for i, k in sleutels.items() if k not in gevonden]
    if ontbreekt:
        gelezen: list = []

        def lees() -> tuple[dict, dict]:
            # the rows are read when this process computes a bundle itself, not before: a
            # reader that finds another thread or process computing it (after a change, the
            # warming one) waits for its result instead of reading 12,000 rows for nothing
            if not gelezen:
                netwerken = facts.netwerken_facts(ontbreekt, peildatum, koppen)
                gelezen.append((netwerken, _maten(
                    {i: netwerken[i] for i in ontbreekt if sleutels[i] is not None})))
            return gelezen[0]

        def bereken(i: int) -> Callable[[], Bundel]:
            def uit_rijen() -> Bundel:
                netwerken, maten = lees()
                return _bereken(netwerken[i], peildatum, maten[i])()
            return uit_rijen

        gevonden.update(berekeningen.onthoud_veel({
            sleutels[i]: (i, "bundel", bereken(i)) for i in ontbreekt if sleutels[i] is not None}))
        for i in ontbreekt:
            if sleutels[i] is None:
                gevonden[i] = Bundel(lees()[0][i], peildatum)
    return {i: gevonden[k if k is not None else i] for i, k in sleutels.items()}


def afgeleid(netwerk_ids: Iterable[int], peildatum: date | None, soort: str,
             maak: Callable[[Bundel], T], alleen_bewaard: bool = False) -> dict[int, T]:
    """A small value made from each network's bundle (a row of the province overview), kept like
    the bundles under the same key plus the code of `maak`: after a restart the overview reads
    130 small rows instead of 130 whole bundles. `alleen_bewaard`: only the networks whose value
    is kept already, nothing computed (gunicorn's master reads them before it forks)."""
    peildatum = peildatum or date.today()
    koppen = facts.koppen(netwerk_ids)
    code = berekeningen.code_van(maak)
    sleutels = {}
    for i, kop in koppen.items():
        k = _sleutel(kop.bron, peildatum)
        sleutels[i] = None if k is None else _afgeleide_sleutel(soort, k, code)
    gevonden = berekeningen.haal_veel(k for k in sleutels.values() if k)
    if alleen_bewaard:
        return {i: gevonden[k] for i, k in sleutels.items() if k in gevonden}
    ontbreekt = [i for i, k in sleutels.items() if k not in gevonden]
    nieuw = {}
    if ontbreekt:
        b = bundels(ontbreekt, peildatum, {i: koppen[i] for i in ontbreekt})
        nieuw = {i: maak(b[i]) for i in ontbreekt}
        berekeningen.bewaar_veel({sleutels[i]: (i, soort, v) for i, v in nieuw.items()
                                  if sleutels[i] is not None})
    return {i: nieuw[i] if i in nieuw else gevonden[k] for i, k in sleutels.items()}
