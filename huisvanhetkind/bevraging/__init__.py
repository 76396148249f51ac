from flask import Blueprint

bp = Blueprint("bevraging", __name__)

# imported by app.register_blueprints, not here (as every module)
VIEWS = ("views",)
