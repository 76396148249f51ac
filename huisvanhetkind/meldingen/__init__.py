from flask import Blueprint

bp = Blueprint("meldingen", __name__)

# imported by app.register_blueprints, not here (see auth/__init__.py)
VIEWS = ("views",)
