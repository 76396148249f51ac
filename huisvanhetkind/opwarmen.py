"""After a change, the changed networks' analysis bundles are computed again in the background.

The writer does not wait for it (its request has already committed when this starts), and the
next reader of the network finds the bundle kept (berekeningen.py) instead of computing it. One
daemon thread per process works through a set of network ids, so a burst of edits to one network
costs one computation. Only networks that this process served to a reader in the last
GEBRUIKT seconds are warmed: a network nobody looks at waits for its next reader (as after a
restart) instead of costing a computation after every change — with ten writers and no
readers, warming took a third of the machine and the writers' p95 rose from 0.2 to 0.4 s.
Only the web application warms (not the command line, whose process may end before the thread
finishes); ANALYSE_NA_WIJZIGING switches it off.
"""
from __future__ import annotations

import logging
import mmap
import threading
import time

log = logging.getLogger(__name__)

_wachtend: dict[int, object] = {}  # netwerk_id → the app that asked
_lock = threading.Lock()
_er_is_werk = threading.Event()
_draad: threading.Thread | None = None
_hier = threading.local()  # .warmt: this thread is the warming thread (its reads do not count)

GEBRUIKT = 600.0
# When a reader last asked for a network's bundle (time.monotonic(), one clock for the whole
# machine), per netwerk_id modulo the size. Shared memory made at import, i.e. in gunicorn's
# master before it forks: a network read through one worker and changed through the other is
# warmed too. Two networks on one place only make an extra warming.
_PLAATSEN = 8192
_gelezen = memoryview(mmap.mmap(-1, _PLAATSEN * 8)).cast("d")


def gelezen(netwerk_ids) -> None:
    """A reader asked for these networks' bundles (pipeline.bundels)."""
    if getattr(_hier, "warmt", False):
        return
    nu = time.monotonic()
    for i in netwerk_ids:
        _gelezen[i % _PLAATSEN] = nu


def _in_gebruik(ids) -> list[int]:
    grens = time.monotonic() - GEBRUIKT
    return [i for i in ids if _gelezen[i % _PLAATSEN] > grens]


def na_commit(netwerk_ids: set[int]) -> None:
    """Called after a commit that gave these networks a new revisie."""
    from flask import current_app, has_request_context

    if not netwerk_ids or not has_request_context() \
            or not current_app.config.get("ANALYSE_NA_WIJZIGING", True):
        return
    global _draad
    app = current_app._get_current_object()
    with _lock:
        for i in netwerk_ids:
            _wachtend[i] = app
        if _draad is None or not _draad.is_alive():
            _draad = threading.Thread(target=_werk, name="hvk-opwarmen", daemon=True)
            _draad.start()
    _er_is_werk.set()


RUST = 0.5  # seconds without a new change before warming: a burst of writes costs one computation
# ... but at most this long after the first change: under a steady stream of writes (50 users)
# the pause never came, and every reader after a change computed the bundle itself
UITERLIJK = 2.0


def _werk() -> None:
    _hier.warmt = True
    while True:
        _er_is_werk.wait()
        # wait until the writes have paused, so the thread does not compete with the writers
        begin = time.monotonic()
        while True:
            _er_is_werk.clear()
            over = UITERLIJK - (time.monotonic() - begin)
            if over <= 0 or not _er_is_werk.wait(min(RUST, over)):
                break
        with _lock:
            taken = dict(_wachtend)
            _wachtend.clear()
            _er_is_werk.clear()
        per_app: dict[object, list[int]] = {}
        for i in _in_gebruik(taken):
            app = taken[i]
            per_app.setdefault(app, []).append(i)
        for app, ids in per_app.items():
            _warm(app, ids)


def _warm(app, ids: list[int]) -> None:
    from . import pipeline
    from .db import set_read_only
    from .extensions import db

    with app.app_context():
        set_read_only(True)  # like a GET: no write lock but for the short write of the result
        try:
            pipeline.bundels(ids)
        except Exception:  # noqa: BLE001 — a reader will compute it then; never kill the thread
            log.exception("analyse vooraf berekenen mislukt voor netwerken %s", ids)
        finally:
            db.session.remove()
