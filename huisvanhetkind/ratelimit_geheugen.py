"""Flask-Limiter's in-memory storage without its expiry thread per request.

`limits`' MemoryStorage starts a `threading.Timer(0.01)` whenever none is alive, and each timer
sweeps every key it holds: under steady anonymous traffic that is a new thread and a scan of all
visitors' keys up to a hundred times a second (the public guide and the HSDS API rate-limit per
client address, so thousands of keys). Expiry does not depend on that sweep: `get()` already drops
an expired counter when it is read. This storage keeps the library's counting and sweeps at most
once per VEEG seconds, in the calling thread. Scheme `geheugen://` (config
RATELIMIT_STORAGE_URI); use redis:// or memcached:// to share limits between hosts.
"""
from __future__ import annotations

import threading
import time

from limits.storage import MemoryStorage

VEEG = 5.0  # seconds between sweeps of expired keys (garbage collection only)


class Geheugen(MemoryStorage):
    STORAGE_SCHEME = ["geheugen"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **opties):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **opties)
        self.timer.cancel()  # the library's first timer: not needed
        self._volgende_veeg = time.monotonic() + VEEG
        self._veeg_lock = threading.Lock()

    # the library calls this (name-mangled) before every count; without it, a timer thread
    def _MemoryStorage__schedule_expiry(self) -> None:
        nu = time.monotonic()
        if nu < self._volgende_veeg or not self._veeg_lock.acquire(blocking=False):
            return
        try:
            self._volgende_veeg = nu + VEEG
            self._MemoryStorage__expire_events()
        finally:
            self._veeg_lock.release()
