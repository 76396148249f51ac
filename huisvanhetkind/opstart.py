"""What gunicorn's master does once before it forks the workers (gunicorn.conf.py).

A worker used to load the app itself (~0.8 s) and then pay on its first requests for what is
loaded lazily: compiling the templates (96 of them, ~0.7 s), openpyxl (~0.1 s), WeasyPrint
(~0.5 s), networkx. After a restart (or a SIGKILL: the crash gate) the first users waited for all
of it, on a machine whose two cores were also booting the other workers. With `preload_app` the
master loads the app and does all of this once; the workers are forks that start warm, sharing
the compiled templates and libraries copy-on-write.
"""
from __future__ import annotations

import gc
import importlib
import logging
import pkgutil

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from .domein import gemeenten
from .extensions import db
from .main.routing import LazyBuildRule

log = logging.getLogger(__name__)

# How gunicorn serves the app (gunicorn.conf.py; `make serve`, the benchmarks and the load test).
# Four processes of two threads rather than two of four: a request that computes a network's
# analysis holds its process's GIL for 0.1–0.5 s, and every other thread of that process waits.
# 50 users for 5 minutes on 2 cores, SQLite, fresh database: p95 744 ms with 2 × 4, 417 ms with
# 4 × 2 (median 71 → 50 ms), the same 8 requests at once. Each worker keeps its own analyses in
# memory (~0.2–0.45 GB at the largest network).
WORKERS = 4
THREADS = 2

# imported inside functions to keep the CLI quick; a server wants them before the first request
TRAAG_GELADEN = ("networkx", "openpyxl", "weasyprint", "flask_mailman", "zxcvbn")


def voor_de_workers(app: Flask) -> None:
    """In the master: compile every template and URL builder, import every module and the lazily
    imported libraries, read what the first province overview needs (lees_vooraf), then close
    the master's database connections (a forked connection shared by two processes corrupts the
    protocol stream)."""
    import huisvanhetkind

    for info in pkgutil.walk_packages(huisvanhetkind.__path__, "huisvanhetkind."):
        if ".migrations" not in info.name:  # Alembic's scripts are not importable modules
            importlib.import_module(info.name)
    for naam in TRAAG_GELADEN:
        importlib.import_module(naam)
    gemeenten.alle()  # the municipalities, which forms read when first built (gemeenten.choices)
    # the dossier PDF's cache key hashes its templates (~40 ms): once here, not in the first PDF
    # request of every worker (ten clients at once made the kept PDF 5x slower)
    from .erkenning import pdf_cache
    pdf_cache.sjabloon()
    for naam in app.jinja_env.list_templates():
        app.jinja_env.get_template(naam)
    for regel in app.url_map.iter_rules():  # url_for builders (main/routing.py)
        if isinstance(regel, LazyBuildRule):
            regel.compile_builders()
    lees_vooraf(app)
    sluit_verbindingen(app, close=True)
    # What the master loaded lives as long as the workers: move it out of the collector's sight,
    # so that a worker's full collection walks only what its requests made (shorter pauses), and
    # the pages of the shared memory are not copied because the collector touched them.
    gc.collect()
    gc.freeze()


def lees_vooraf(app: Flask) -> None:
    """What the first province overview after a restart reads (graaf/views_overzicht.py), read
    once here so every worker inherits it: it was 20–26× a warm one, every worker deriving the
    heads of 130 networks and compiling the statements itself (issue 16: ≤ 3×). With it the
    statements every signed-in page runs (the user, the menu's counts per role), compiled once
    (SQLAlchemy keeps them per engine, which the workers inherit). A database that cannot
    answer (not migrated yet, not reachable) only leaves the workers to read it."""
    from .auth.session import load_user
    from .db import is_read_only, set_read_only
    from .domein.permissions import BEHEERDER, CONSULTANT, COORDINATOR, PARTNER, Actor
    from .graaf import views_overzicht
    from .meldingen import te_doen

    vorig = is_read_only()
    set_read_only(True)  # like a GET: on SQLite no write lock (db.py)
    with app.test_request_context():
        try:
            load_user("0:vooraf")  # no user 0: the statement runs, nobody is loaded
            for rol in (BEHEERDER, CONSULTANT, COORDINATOR, PARTNER):
                te_doen.tellers(Actor(id=0, rol=rol, organisatie_id=0 if rol == PARTNER else None))
            rijen = views_overzicht.vooraf_lezen()
            log.info("provincieoverzicht vooraf gelezen: %d netwerken", rijen)
        except SQLAlchemyError as fout:
            log.warning("provincieoverzicht niet vooraf gelezen: %s", fout)
        except Exception:  # noqa: BLE001 — reading ahead must never keep the server from starting
            log.exception("provincieoverzicht niet vooraf gelezen")
        finally:
            db.session.remove()
            set_read_only(vorig)


def na_fork(app: Flask) -> None:
    """In a new worker: forget the pool inherited from the master without closing its
    connections (closing would end the master's sessions; it should have none left anyway),
    then read the overview ahead once more before the first request: from the inherited
    memory this takes milliseconds, opens the worker's own connection and touches (copies) the
    shared pages now rather than during a user's request (bench/herstart.py: the first
    overview after a restart 36–46 ms without it, 13–20 ms with it, against 11–16 ms warm)."""
    sluit_verbindingen(app, close=False)
    gc.set_threshold(*GC_DREMPELS)
    lees_vooraf(app)


# A worker keeps many analysis bundles (~200,000 objects each for the largest network) in its
# LRU. With Python's default thresholds (700, 10, 10) a full collection walked all of them every
# few new bundles, 0.2–0.6 s with the GIL held: every thread of the worker stood still (the tail
# of the 50-user load test). Young collections now come every 10,000 allocations instead of 700
# and full ones a hundred times less often; request garbage still dies young.
GC_DREMPELS = (10_000, 50, 100)


def sluit_verbindingen(app: Flask, close: bool) -> None:
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=close)
