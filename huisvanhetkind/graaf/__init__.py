from flask import Blueprint

bp = Blueprint("graaf", __name__)

from . import export, views, views_dekking, views_overzicht, views_verwijzingen  # noqa: E402,F401

export.registreer()  # gexf and graphml on the export page and in `flask hvk export`
