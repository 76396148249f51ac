from flask import Blueprint

bp = Blueprint("partners", __name__)

# imported by app.register_blueprints, not here: importing this package's models (the facts
# adapter does) must not load every view and its imports
VIEWS = ("views", "views_aanbod", "views_leden", "views_organisatie", "views_io",
         "views_toestemming")
