"""Small per-process LRU caches for what one network state shows.

Keys contain the network's `revisie` token (revisie.py), so an entry is never invalidated: a
change makes a new key and the old entry ages out. Values must be immutable (frozen snapshots,
strings). The module's functions use the one cache of analyses; a part with traffic of its own
(the public guide's pages) keeps its own `Lru`, so it cannot push the analyses out.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")

# all of Flanders: 130 networks × ~12 kinds (bundle, own facts, graph data, the page parts kept
# per revisie: overview, counts, filters, fragments), so that small parts never push out bundles
MAX_ENTRIES = 2048
# entries kept per group (a network's values of one kind): the newest revisie and peildata. Older
# revisies are never asked again, yet filled the LRU: ~1,000 bundles of old revisies under the
# 50-user load test, millions of objects that every full garbage collection walked (1.6 s)
PER_GROEP = 2


class Lru:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Lock] = {}
        self._groepen: dict[Hashable, list[Hashable]] = {}  # group → its keys, oldest first
        self.stats = {"hits": 0, "misses": 0}

    def get(self, key: Hashable) -> object | None:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.stats["hits"] += 1
                return self._entries[key]
            return None

    def put(self, key: Hashable, value: T, groep: Hashable | None = None) -> T:
        """Keep value under key; with a groep, only the PER_GROEP newest keys of that group stay
        (a new revisie of a network pushes out its old ones at once)."""
        with self._lock:
            self.stats["misses"] += 1
            self._entries[key] = value
            self._entries.move_to_end(key)
            if groep is not None:
                leden = self._groepen.setdefault(groep, [])
                if key in leden:
                    leden.remove(key)
                leden.append(key)
                while len(leden) > PER_GROEP:
                    self._entries.pop(leden.pop(0), None)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def remember(self, key: Hashable | None, compute: Callable[[], T],
                 groep: Hashable | None = None) -> T:
        """The cached value for key, computed once; key None means: do not cache.

        Threads asking for the same missing key wait for the first one's result (single
        flight): ten simultaneous first visitors of a large network cost one computation.
        """
        if key is None:
            return compute()
        found = self.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        with self._lock:
            busy = self._inflight.setdefault(key, threading.Lock())
        try:
            with busy:
                found = self.get(key)  # computed by another thread while this one waited
                if found is not None:
                    return found  # type: ignore[return-value]
                return self.put(key, compute(), groep)
        finally:
            with self._lock:
                self._inflight.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._groepen.clear()
            self.stats.update(hits=0, misses=0)


_analyses = Lru(MAX_ENTRIES)
# rendered rows of long tables (the province overview, the aanbod list), in a cache of their own:
# the thousands of rows a busy day shows never push an analysis out (~1 KB a row)
rijen = Lru(4096)
get, put, remember, clear = _analyses.get, _analyses.put, _analyses.remember, _analyses.clear


def default() -> Lru:
    """The one cache of analyses (and of what a network page shows per revisie)."""
    return _analyses
stats = _analyses.stats
