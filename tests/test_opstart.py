"""gunicorn's master warms the app once before it forks (gunicorn.conf.py, opstart.py)."""
from __future__ import annotations

import runpy
import sys

from sqlalchemy import text

from huisvanhetkind.extensions import db
from huisvanhetkind.opstart import TRAAG_GELADEN, na_fork, voor_de_workers
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
    na_fork(app)  # a worker starts on a pool of its own and can query at once
    with app.app_context():
        assert db.session.scalar(text("SELECT 1")) == 1


def test_gunicorn_reads_the_project_settings():
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["preload_app"] is True
    assert callable(settings["when_ready"]) and callable(settings["post_fork"])
