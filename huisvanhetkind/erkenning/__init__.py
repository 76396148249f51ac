from flask import Blueprint

bp = Blueprint("erkenning", __name__)

from . import (views, views_dossier, views_engagementen, views_review,  # noqa: E402,F401
               views_zorgregio)
