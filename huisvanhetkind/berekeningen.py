"""Analyses shared by every worker and host: this process's memory first, then the database.

Issue 16: every worker and every host used to recompute the analyses in its own memory, so a
restart or a new host started cold (the first province overview ~30× a warm one). Now a value
computed anywhere is kept in the table `berekening`:

- two tiers: this process's LRU (cache.py), then the table; `haal_veel` reads any number of keys
  in one statement (the province overview asks for all networks at once);
- computed once across processes (single flight): the first process claims the key with an empty
  row in a short transaction of its own; the others poll that row on a connection of their own
  until it is filled (at most WACHTEN), and compute it themselves only when the claimer died;
- keys are stable digests (vingerafdruk.py) of what the value is computed from — a network's
  revisie, the facts other networks contribute, the peildatum — plus CODE, a digest of the
  source of the domain core and the adapter: a deploy with other code never reads an old pickle,
  and nothing ever needs invalidating (a change makes a new key; old rows are pruned).

Values are pickled plain dataclasses of huisvanhetkind.domein. Pickle only ever reads what this
application wrote to its own database.
"""
from __future__ import annotations

import pickle
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from sqlalchemy import delete, func, select

from . import PACKAGE_DIR, cache
from .db import aparte_schrijftransactie, insert_met_conflict, is_read_only, utcnow
from .extensions import db
from .vingerafdruk import vingerafdruk

T = TypeVar("T")

# longest wait for another process's computation; an older claim is a dead worker's and taken over
WACHTEN = timedelta(seconds=10)
POLL = 0.05
BEWAARD = 6  # rows kept per network and kind (a few peildata, the previous revisie)


def _code() -> str:
    bronnen = sorted((PACKAGE_DIR / "domein").glob("*.py")) + [
        PACKAGE_DIR / "facts.py", PACKAGE_DIR / "pipeline.py", Path(__file__)]
    return vingerafdruk([p.read_bytes().decode() for p in bronnen])


CODE = _code()


_code_van: dict[object, str] = {}


def code_van(functie) -> str:
    """A digest of a function's source (part of the key of what it makes: new code, new key)."""
    if functie not in _code_van:
        import inspect
        _code_van[functie] = vingerafdruk(inspect.getsource(functie))
    return _code_van[functie]


def sleutel(soort: str, *delen) -> str:
    """The key of a value of this kind computed from these parts (plain, stable data)."""
    return vingerafdruk((CODE, soort, delen))


def _in_geheugen(k: str) -> tuple:
    # this process may serve several databases (the tests do): memory keys name the database
    return ("berekening", str(db.engine.url), k)


def _onthoud(k: str, netwerk_id: int, soort: str, waarde: T) -> T:
    """Into this process's memory, where a network's newer values push out its older ones."""
    return cache.put(_in_geheugen(k), waarde, groep=("berekening", str(db.engine.url),
                                                     netwerk_id, soort))


def _houdt_schrijfslot() -> bool:
    # a writing request (or the command line) on SQLite holds the one write lock from its first
    # statement (BEGIN IMMEDIATE): a second connection would wait for this very transaction
    return db.engine.dialect.name == "sqlite" and not is_read_only()


@contextmanager
def _schrijven():
    """A short write of our own, visible to other processes at once; inside a transaction that
    holds SQLite's write lock, that transaction itself (committed or rolled back with it)."""
    if _houdt_schrijfslot():
        yield db.session.connection()
    else:
        with aparte_schrijftransactie(db.engine) as conn:
            yield conn


def _tabel():
    from .berekening_models import Berekening
    return Berekening.__table__


def in_geheugen(k: str):
    """The value of key k if this process holds it; never asks the database."""
    return cache.get(_in_geheugen(k))


def haal_veel(sleutels: Iterable[str]) -> dict[str, object]:
    """The values found for these keys, from memory or else the database (one statement)."""
    found, missing = {}, []
    for k in sleutels:
        v = cache.get(_in_geheugen(k))
        if v is None:
            missing.append(k)
        else:
            found[k] = v
    if missing:
        t = _tabel()
        for i in range(0, len(missing), 500):
            for k, netwerk_id, soort, data in db.session.execute(
                    select(t.c.sleutel, t.c.netwerk_id, t.c.soort, t.c.gegevens)
                    .where(t.c.sleutel.in_(missing[i:i + 500]), t.c.gegevens.is_not(None))):
                found[k] = _onthoud(k, netwerk_id, soort, pickle.loads(data))
    return found


def bewaar_veel(waarden: dict[str, tuple[int, str, object]]) -> None:
    """Keep {key: (netwerk_id, soort, value)} in memory and in the database (two statements)."""
    if not waarden:
        return
    # pickled before other threads can see the value in memory: a reader that fills a bundle's
    # memoised part (Bundel.matrix) during pickle.dumps changed its __dict__ mid-iteration
    rijen = [{"sleutel": k, "netwerk_id": netwerk_id, "soort": soort,
              "gegevens": pickle.dumps(waarde, protocol=pickle.HIGHEST_PROTOCOL),
              "gestart_op": utcnow(), "gemaakt_op": utcnow()}
             for k, (netwerk_id, soort, waarde) in waarden.items()]
    for k, (netwerk_id, soort, waarde) in waarden.items():
        _onthoud(k, netwerk_id, soort, waarde)
    t = _tabel()
    with _schrijven() as conn:
        upsert = insert_met_conflict(conn, t)
        # a claim (or a value another process kept meanwhile) becomes this value
        conn.execute(upsert.on_conflict_do_update(
            index_elements=[t.c.sleutel],
            set_={"gegevens": upsert.excluded.gegevens, "gemaakt_op": upsert.excluded.gemaakt_op}),
            rijen)
        _snoei(conn, {(r["netwerk_id"], r["soort"]) for r in rijen})


def _snoei(conn, soorten: set[tuple[int, str]]) -> None:
    """Delete all but the newest BEWAARD values per network and kind, in one statement."""
    t = _tabel()
    netwerken = sorted({n for n, _ in soorten})
    volgorde = func.row_number().over(partition_by=(t.c.netwerk_id, t.c.soort),
                                      order_by=(t.c.gemaakt_op.desc(), t.c.sleutel)).label("nr")
    gerangschikt = (select(t.c.sleutel, volgorde)
                    .where(t.c.netwerk_id.in_(netwerken), t.c.soort.in_({s for _, s in soorten}),
                           t.c.gegevens.is_not(None)).subquery())
    conn.execute(delete(t).where(t.c.sleutel.in_(
        select(gerangschikt.c.sleutel).where(gerangschikt.c.nr > BEWAARD))))


def onthoud(netwerk_id: int, soort: str, k: str, bereken: Callable[[], T]) -> T:
    """The value of key k: from memory, the database, another process's computation, or
    computed here (once across every thread and process) and kept."""
    return onthoud_veel({k: (netwerk_id, soort, bereken)})[k]  # type: ignore[return-value]


def onthoud_veel(items: dict[str, tuple[int, str, Callable[[], object]]]) -> dict[str, object]:
    """{key: value} for {key: (netwerk_id, soort, compute)} in a fixed number of statements:
    found ones are read, missing ones claimed in one statement; the keys claimed here are
    computed and kept, those claimed elsewhere are waited for (and computed here after all when
    their claimer let go or died)."""
    gevonden = haal_veel(items)
    ontbreekt = [k for k in items if k not in gevonden]
    if not ontbreekt:
        return gevonden
    mijn = _claim(items, ontbreekt)
    gevonden.update(_bereken_en_bewaar(items, [k for k in ontbreekt if k in mijn], mijn))
    elders = [k for k in ontbreekt if k not in mijn]
    if elders:
        gevonden.update(_wacht_op(elders))
        gevonden.update(_bereken_en_bewaar(items, [k for k in elders if k not in gevonden], ()))
    return gevonden


def _bereken_en_bewaar(items, sleutels: list[str], claims) -> dict[str, object]:
    try:
        klaar = {k: (items[k][0], items[k][1], items[k][2]()) for k in sleutels}
    except BaseException:
        _geef_vrij(claims)
        raise
    bewaar_veel(klaar)
    return {k: v for k, (_, _, v) in klaar.items()}


def _claim(items, sleutels: list[str]) -> set[str]:
    """The keys this process now computes (a row without value each, committed at once)."""
    if _houdt_schrijfslot():
        return set(sleutels)  # no other process can write (or claim) before this one ends
    t = _tabel()
    with aparte_schrijftransactie(db.engine) as conn:
        # claims left behind by a killed worker are taken over
        conn.execute(delete(t).where(t.c.sleutel.in_(sleutels), t.c.gegevens.is_(None),
                                     t.c.gestart_op < utcnow() - WACHTEN))
        insert = insert_met_conflict(conn, t)
        nu = utcnow()
        return set(conn.execute(insert.values([
            {"sleutel": k, "netwerk_id": items[k][0], "soort": items[k][1], "gestart_op": nu}
            for k in sleutels]).on_conflict_do_nothing().returning(t.c.sleutel)).scalars())


def _geef_vrij(claims) -> None:
    if not claims or _houdt_schrijfslot():
        return
    t = _tabel()
    with aparte_schrijftransactie(db.engine) as conn:
        conn.execute(delete(t).where(t.c.sleutel.in_(list(claims)), t.c.gegevens.is_(None)))


def _wacht_op(sleutels: list[str]) -> dict[str, object]:
    """Poll the rows claimed elsewhere on a connection of its own (the request's own read
    transaction may be a snapshot from before the other process's commit) until each holds a
    value or is gone (its claimer let go), at most WACHTEN."""
    t = _tabel()
    klaar: dict[str, object] = {}
    open_ = set(sleutels)
    einde = time.monotonic() + WACHTEN.total_seconds()
    while open_ and time.monotonic() < einde:
        with db.engine.connect() as conn:
            rijen = conn.execute(select(t.c.sleutel, t.c.netwerk_id, t.c.soort, t.c.gegevens)
                                 .where(t.c.sleutel.in_(sorted(open_)))).all()
        for k, netwerk_id, soort, data in rijen:
            if data is not None:
                klaar[k] = _onthoud(k, netwerk_id, soort, pickle.loads(data))
        open_ &= {k for k, _, _, data in rijen if data is None}
        if open_:
            time.sleep(POLL)
    return klaar
