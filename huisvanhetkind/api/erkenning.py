"""API: the erkenning document of a network (domein.md §8), as `flask hvk erkenning --json`."""
from __future__ import annotations

from flask import abort, jsonify, request

from ..auth.guard import authorize
from ..auth.permissions import can_view_netwerk
from ..erkenning import service
from ..partners.refs import netwerk_ref
from . import bp, openapi

STATUS = ["voldaan", "niet_voldaan", "waarschuwing", "te_controleren"]


@bp.get("/netwerken/<int:netwerk_id>/erkenning")
def erkenning(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    try:
        peildatum = service.parse_peildatum(request.args.get("op"))
    except service.OngeldigePeildatum as fout:
        return jsonify({"fout": "Ongeldige peildatum", "uitleg": str(fout)}), 400
    try:
        return jsonify(service.evaluation(netwerk_id, peildatum).to_json())
    except LookupError:
        abort(404)


def _fout(beschrijving: str) -> dict:
    return {"description": beschrijving,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}}


openapi.register(
    "/netwerken/{netwerk_id}/erkenning",
    {"get": {
        "summary": "Erkenning en subsidie van een netwerk op een peildatum",
        "description": "Elke voorwaarde van domein.md §4 (E1–E12, S1–S7) precies één keer, "
                       "met status en uitleg; dezelfde inhoud als "
                       "`flask hvk erkenning --json`.",
        "operationId": "erkenning",
        "parameters": [
            {"name": "netwerk_id", "in": "path", "required": True,
             "schema": {"type": "integer"}},
            {"name": "op", "in": "query", "required": False,
             "description": "Peildatum JJJJ-MM-DD (standaard vandaag).",
             "schema": {"type": "string", "format": "date"}},
        ],
        "responses": {
            "200": {"description": "De beoordeling",
                    "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Erkenning"}}}},
            "400": _fout("Ongeldige peildatum"),
            "401": _fout("Niet aangemeld"),
            "403": _fout("Geen toegang"),
            "404": _fout("Netwerk niet gevonden"),
        },
    }},
    {
        "Voorwaarde": {
            "type": "object",
            "required": ["id", "status", "uitleg"],
            "properties": {
                "id": {"type": "string", "examples": ["E4"]},
                "status": {"type": "string", "enum": STATUS},
                "uitleg": {"type": "string"},
                "titel": {"type": "string"},
                "bron": {"type": "string"},
                "soort": {"type": "string", "enum": ["erkenning", "subsidie"]},
                "details": {"type": "array", "items": {"type": "string"}},
                "deadline": {"type": ["string", "null"], "format": "date"},
                "dagen_resterend": {"type": ["integer", "null"]},
            },
        },
        "Erkenning": {
            "type": "object",
            "required": ["netwerk", "peildatum", "erkenbaar", "subsidieerbaar", "voorwaarden"],
            "properties": {
                "netwerk": {"type": "string"},
                "peildatum": {"type": "string", "format": "date"},
                "erkenbaar": {"type": "boolean"},
                "subsidieerbaar": {"type": "boolean"},
                "voorwaarden": {"type": "array",
                                "items": {"$ref": "#/components/schemas/Voorwaarde"}},
            },
        },
    },
)
