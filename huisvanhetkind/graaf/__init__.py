from flask import Blueprint

bp = Blueprint("graaf", __name__)

# imported by app.register_blueprints, not here: importing this package's models (the facts
# adapter does) must not load every view and its imports
VIEWS = ("export", "views", "views_dekking", "views_omgeving", "views_overzicht",
         "views_verwijzingen")
