from flask import Blueprint

bp = Blueprint("erkenning", __name__)

from . import views  # noqa: E402,F401
