"""A small per-process LRU cache for analyses of one network state.

Keys contain the network's `revisie` token (revisie.py), so an entry is never invalidated: a
change makes a new key and the old entry ages out. Values must be immutable (frozen snapshots).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 1024  # all of Flanders: 130 networks × a few kinds of analysis

_entries: OrderedDict[Hashable, object] = OrderedDict()
_lock = threading.Lock()
_inflight: dict[Hashable, threading.Lock] = {}
stats = {"hits": 0, "misses": 0}


def get(key: Hashable) -> object | None:
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            stats["hits"] += 1
            return _entries[key]
        return None


def put(key: Hashable, value: T) -> T:
    with _lock:
        stats["misses"] += 1
        _entries[key] = value
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def remember(key: Hashable | None, compute: Callable[[], T]) -> T:
    """The cached value for key, computed once; key None means: do not cache.

    Threads asking for the same missing key wait for the first one's result (single flight):
    ten simultaneous first visitors of a large network cost one computation, not ten.
    """
    if key is None:
        return compute()
    found = get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    with _lock:
        busy = _inflight.setdefault(key, threading.Lock())
    try:
        with busy:
            found = get(key)  # computed by another thread while this one waited
            if found is not None:
                return found  # type: ignore[return-value]
            return put(key, compute())
    finally:
        with _lock:
            _inflight.pop(key, None)


def clear() -> None:
    with _lock:
        _entries.clear()
        stats.update(hits=0, misses=0)
