from flask import Blueprint

bp = Blueprint("partners", __name__)

from . import views  # noqa: E402,F401
from . import views_aanbod, views_leden, views_organisatie  # noqa: E402,F401
from . import views_io  # noqa: E402,F401
