"""Flask-Migrate without its start-up cost: Alembic loads when a migration first runs.

Importing Alembic costs ~0.1 s (issue 16: it imports the DDL of every dialect it knows), and a
request or a `flask hvk ...` command never needs it. So `init_app` binds Flask-Migrate lazily:
- `app.extensions["migrate"]` is a stand-in that sets up the real Flask-Migrate the first time
  anything reads it (`flask_migrate.upgrade()` in tests, `migrations/env.py`);
- the `flask db ...` group is a placeholder that hands the command line to Flask-Migrate's own
  group as soon as a `db` command is parsed, so every option and subcommand stays Flask-Migrate's.

`heads()` reads the head revisions of migrations/versions/ without Alembic, so `hvk status` only
needs Alembic when the database is not at them (cli.py `_schema_fout`).
"""
from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

import click

from . import PACKAGE_DIR

if TYPE_CHECKING:
    from flask import Flask

MIGRATIES = PACKAGE_DIR / "migrations"
VERSIONS = MIGRATIES / "versions"
VERSIETABEL = "alembic_version"  # Alembic's default, which env.py keeps


def init_app(app: "Flask") -> None:
    app.extensions["migrate"] = _Uitgesteld(app)
    app.cli.add_command(_DbGroep())


def _init_flask_migrate(app: "Flask"):
    from flask_migrate import Migrate

    from .extensions import db

    Migrate().init_app(app, db, directory=str(MIGRATIES), compare_type=True)
    return app.extensions["migrate"]


class _Uitgesteld:
    """`app.extensions["migrate"]` until it is first used: then Flask-Migrate's own config."""

    def __init__(self, app: "Flask") -> None:
        self._app = app

    def __getattr__(self, naam: str):
        echt = self._app.extensions["migrate"]
        if echt is self:
            echt = _init_flask_migrate(self._app)
        return getattr(echt, naam)


class _DbGroep(click.Group):
    """`flask db`: parsing its arguments makes the context of Flask-Migrate's `db` group."""

    def __init__(self) -> None:
        super().__init__("db")

    @staticmethod
    def _echt() -> click.Group:
        from flask_migrate.cli import db as groep

        return groep

    def make_context(self, info_name, args, parent=None, **extra):
        return self._echt().make_context(info_name, args, parent=parent, **extra)

    def get_short_help_str(self, limit: int = 45) -> str:  # `flask --help`
        return self._echt().get_short_help_str(limit)


def heads() -> set[str] | None:
    """The head revisions of migrations/versions/, read from the one-line literal `revision` and
    `down_revision` at the top level of each file; None when a file is not that plain (branch
    labels, depends_on, a computed or repeated value): then only Alembic can say."""
    revisies: set[str] = set()
    ouders: set[str] = set()
    for pad in VERSIONS.glob("*.py"):
        if pad.name.startswith((".#", "__init__")):  # the files Alembic skips
            continue
        waarden = _toekenningen(pad.read_text(encoding="utf-8"))
        if waarden is None or "down_revision" not in waarden \
                or not isinstance(waarden.get("revision"), str) \
                or waarden.get("branch_labels") or waarden.get("depends_on"):
            return None
        vorige = waarden["down_revision"]
        if isinstance(vorige, str):
            vorige = (vorige,)
        elif vorige is None:
            vorige = ()
        elif not (isinstance(vorige, (tuple, list)) and all(isinstance(v, str) for v in vorige)):
            return None
        revisies.add(waarden["revision"])
        ouders.update(vorige)
    return revisies - ouders if revisies else None


_TOEKENNING = re.compile(
    r"^(revision|down_revision|branch_labels|depends_on)\b[^=\n]*=(.*)$", re.MULTILINE)


def _toekenningen(bron: str) -> dict | None:
    """The top-level assignments Alembic reads from a migration file (a regular expression, not
    a parse of the whole file: that took 20 ms)."""
    waarden = {}
    for naam, waarde in _TOEKENNING.findall(bron):
        if naam in waarden:
            return None
        try:
            waarden[naam] = ast.literal_eval(waarde.strip())
        except (ValueError, SyntaxError):
            return None
    return waarden


def databank_versies(verbinding) -> set[str]:
    """The revisions the database is at (Alembic's version table); empty before `db upgrade`."""
    from sqlalchemy import inspect, text

    if not inspect(verbinding).has_table(VERSIETABEL):
        return set()
    return set(verbinding.scalars(text(f"SELECT version_num FROM {VERSIETABEL}")))
