"""JSON API v1 (domein.md §8); the erkenning and analyse documents arrive with their modules."""
from flask import jsonify

from ..auth.guard import authorize
from ..auth.permissions import is_authenticated
from . import bp


@bp.get("/openapi.json")
def openapi():
    authorize(is_authenticated)
    return jsonify({
        "openapi": "3.1.0",
        "info": {"title": "huisvanhetkind API", "version": "1"},
        "paths": {},
    })
