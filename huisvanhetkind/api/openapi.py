"""The OpenAPI 3.1 document of /api/v1, assembled from the paths each API module declares."""
from __future__ import annotations

from ..main.converters import ID_MAX  # one bound for HTML and API ids

FOUT = {"type": "object", "properties": {"fout": {"type": "string"},
                                          "uitleg": {"type": "string"}}, "required": ["fout"]}
FOUTEN = {
    "401": {"description": "Niet aangemeld",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
    "403": {"description": "Geen toegang",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
    "404": {"description": "Niet gevonden",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
}

# Ids are PostgreSQL `integer` columns: a larger id cannot exist, and sent to the database it
# fails (out of range) instead of matching nothing. Routes take NETWERK_ID_URL, so such an id is a
# plain 404 from routing; the document states the same range.
NETWERK_ID_URL = f"<int(min=1, max={ID_MAX}):netwerk_id>"
NETWERK_ID = {"name": "netwerk_id", "in": "path", "required": True,
              "schema": {"type": "integer", "minimum": 1, "maximum": ID_MAX}}

PATHS: dict[str, dict] = {}
SCHEMAS: dict[str, dict] = {"Fout": FOUT}


def register(path: str, operations: dict, schemas: dict | None = None) -> None:
    """Called by each API module at import time."""
    PATHS[path] = operations
    SCHEMAS.update(schemas or {})


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "huisvanhetkind API", "version": "1",
                 "description": "Het netwerk- en partnerregister van de Huizen van het Kind."},
        "servers": [{"url": "/api/v1"}],
        "paths": dict(sorted(PATHS.items())),
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {
                           "sessie": {"type": "apiKey", "in": "cookie", "name": "session",
                                      "description": "Een aangemelde browsersessie; wat ze "
                                                     "wijzigt, draagt ook X-CSRFToken."},
                           "token": {"type": "http", "scheme": "bearer",
                                     "description": "Een persoonlijk API-token (Account → "
                                                    "API-tokens), scope 'lezen' of "
                                                    "'lezen-schrijven'."}}},
        "security": [{"sessie": []}, {"token": []}],
    }
