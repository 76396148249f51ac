from flask import Blueprint

bp = Blueprint("auth", __name__)

# imported by app.register_blueprints, not here: importing this package's models (the facts
# adapter does) must not load every view and its imports
VIEWS = ("views", "views_herstel")
