"""huisvanhetkind: het netwerk- en partnerregister van een Huis van het Kind.

Importing the package loads nothing but the standard library: the domain core
(`huisvanhetkind.domein`) must import without Flask or SQLAlchemy, and it lives inside this
package. `create_app` imports the web application only when it is called.
"""
from __future__ import annotations

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
    """The Flask application (see app.py); `flask --app huisvanhetkind` and gunicorn call this."""
    from .app import create_app as _create_app

    return _create_app(test_config)
