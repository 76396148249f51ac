"""The OpenAPI 3.1 document of /api/v1, assembled from the paths each API module declares."""
from __future__ import annotations

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
                       "securitySchemes": {"sessie": {"type": "apiKey", "in": "cookie",
                                                      "name": "session"}}},
        "security": [{"sessie": []}],
    }
