"""gunicorn's master warms the app once before it forks (gunicorn.conf.py, opstart.py)."""
from __future__ import annotations

import gc
import runpy
import sys

from sqlalchemy import text

from huisvanhetkind.extensions import db
from huisvanhetkind.opstart import GC_DREMPELS, TRAAG_GELADEN, na_fork, voor_de_workers
from tests.zwaar.conftest import ROOT


def test_the_master_compiles_every_template_and_keeps_no_connection(app):
    with app.app_context():
        db.session.execute(text("SELECT 1"))  # e.g. the demo-account check at load
        db.session.remove()
        pool = db.engine.pool
        assert pool.checkedin() >= 1
    app.jinja_env.cache.clear()
    voor_de_workers(app)
    assert set(TRAAG_GELADEN) <= set(sys.modules)
    namen = app.jinja_env.list_templates()
    assert len(namen) > 50 and len(app.jinja_env.cache) >= len(namen)
    assert pool.checkedin() == 0
    standaard = gc.get_threshold()
    try:
        na_fork(app)  # a worker starts on a pool of its own and can query at once
        assert gc.get_threshold() == GC_DREMPELS  # and collects less often (opstart.py)
        assert gc.get_freeze_count() > 100_000  # the master's modules and templates are frozen
    finally:
        gc.set_threshold(*standaard)
        gc.unfreeze()
    with app.app_context():
        assert db.session.scalar(text("SELECT 1")) == 1


def test_gunicorn_reads_the_project_settings():
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["preload_app"] is True
    assert callable(settings["when_ready"]) and callable(settings["post_fork"])


def test_starting_the_app_leaves_the_heavy_libraries_for_later():
    """Every CLI call and worker start pays what create_app imports (issue 16: start ≤ 0.6 s):
    spreadsheets, graphs, PDF and password strength load when a request first needs them."""
    import subprocess

    ZWAAR = ("networkx", "openpyxl", "numpy", "weasyprint", "zxcvbn", "PIL")
    code = ("import sys; from huisvanhetkind import create_app; create_app({'TESTING': True, "
            "'SECRET_KEY': 'x', 'SQLALCHEMY_DATABASE_URI': 'sqlite://'}); "
            "print(' '.join(m for m in %r if m in sys.modules))" % (ZWAAR,))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == []
