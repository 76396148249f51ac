from flask import Blueprint

bp = Blueprint("graaf", __name__)

from . import views  # noqa: E402,F401
