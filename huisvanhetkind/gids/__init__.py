from flask import Blueprint

bp = Blueprint("gids", __name__)

# imported by app.register_blueprints, not here (as every module)
VIEWS = ("views", "views_instellingen")
