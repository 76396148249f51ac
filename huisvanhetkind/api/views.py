"""JSON API v1 (domein.md §8). Each topic lives in its own module and registers its OpenAPI paths."""
from flask import jsonify

from ..auth.guard import authorize
from ..domein.permissions import is_authenticated
from . import bp, openapi


@bp.get("/openapi.json")
def openapi_document():
    authorize(is_authenticated)
    return jsonify(openapi.document())


from . import analyse, erkenning  # noqa: E402,F401
