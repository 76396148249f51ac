"""The 'Over' page (credits, privacy) and the reference lists (taxonomies, municipalities)."""
from flask import render_template

from ..auth.guard import authorize
from ..domein.permissions import is_authenticated
from . import bp
from ..domein import gemeenten, taxonomie


@bp.get("/over")
def over():
    return render_template("referentie/over.html")


@bp.get("/referentie")
def referentie():
    authorize(is_authenticated)
    return render_template("referentie/referentie.html", taxonomieen=taxonomie.ALLE.values(),
                           gemeenten=gemeenten.alle(), provincies=gemeenten.provincies())
