from flask import Blueprint

bp = Blueprint("referentie", __name__)

from . import views  # noqa: E402,F401
