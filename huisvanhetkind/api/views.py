"""JSON API v1 (domein.md §8). Each topic lives in its own module and registers its OpenAPI paths."""
from flask import jsonify

from ..auth.guard import authorize
from ..auth.tokens import limiet, limiet_sleutel, sessie_verzoek
from ..extensions import limiter
from ..domein.permissions import is_authenticated
from . import bp, openapi

# anonymous callers per address, tokens per token; browser sessions as every page (no limit)
limiter.limit(limiet, key_func=limiet_sleutel, exempt_when=sessie_verzoek)(bp)


@bp.get("/openapi.json")
def openapi_document():
    authorize(is_authenticated)
    return jsonify(openapi.document())


from . import aanbod, analyse, erkenning  # noqa: E402,F401
