from flask import Blueprint

bp = Blueprint("erkenning", __name__)

# imported by app.register_blueprints, not here: importing this package's models (the facts
# adapter does) must not load every view and its imports
VIEWS = ("views", "views_aanvraag", "views_dossier", "views_engagementen", "views_review",
         "views_zorgregio")
