"""huisvanhetkind: het netwerk- en partnerregister van een Huis van het Kind.

Importing the package loads nothing but the standard library: the domain core
(`huisvanhetkind.domein`) must import without Flask or SQLAlchemy, and it lives inside this
package. `create_app` imports the web application only when it is called.
"""
from __future__ import annotations

import atexit
import gc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

PACKAGE_DIR = Path(__file__).resolve().parent


def templates_dir() -> str:
    """The top-level templates/ of a checkout, else the copy installed inside the package."""
    checkout = PACKAGE_DIR.parent / "templates"
    return str(checkout if checkout.is_dir() else PACKAGE_DIR / "templates")


def create_app(test_config: dict | None = None) -> "Flask":
    """The Flask application (see app.py); `flask --app huisvanhetkind` and gunicorn call this.

    The cyclic garbage collector pauses while the app loads: importing ~1,000 modules creates
    objects that all live on, and collecting over them again and again cost ~0.1 s of every CLI
    call and worker start (issue 16). The process's one app (no test_config: a CLI call, a
    server) is then frozen, i.e. kept out of every later collection: it lives as long as the
    process, and the final collection at exit walked it for another ~0.25 s. Tests make many apps
    and keep them collectable."""
    aan = gc.isenabled()
    gc.disable()
    try:
        from .app import create_app as _create_app

        app = _create_app(test_config)
        if test_config is None:
            gc.freeze()
            # frozen, the engines are not finalised at exit: close their connections explicitly
            # (SQLite writes its WAL back into the database file when the last one closes)
            atexit.register(_sluit_databank, app)
        return app
    finally:
        if aan:
            gc.enable()


def _sluit_databank(app: "Flask") -> None:
    from .opstart import sluit_verbindingen

    sluit_verbindingen(app, close=True)
