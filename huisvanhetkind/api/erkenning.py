"""API: the erkenning document of a network (domein.md §8), as `flask hvk erkenning --json`."""
from __future__ import annotations

import re
from datetime import date

from flask import jsonify, request

from ..auth.guard import authorize
from ..domein.permissions import can_view_netwerk
from ..luie_import import later
from ..domein.peildatum import VOORBEELD, OngeldigePeildatum, parse_peildatum
from ..partners.refs import netwerk_ref
from . import bp, openapi

pipeline = later("huisvanhetkind.pipeline")  # the analysis, imported on first use (luie_import.py)

STATUS = ["voldaan", "niet_voldaan", "waarschuwing", "te_controleren"]

# The API takes only what the document promises: an ISO date (the web form also takes dd/mm/jjjj),
# with a year up to 9997 because the engagement deadline (peildatum + 2 years) must stay a date.
PEILDATUM_PATROON = "^(?:[0-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-7])-[0-9]{2}-[0-9]{2}$"
_PEILDATUM = re.compile(PEILDATUM_PATROON)


def _peildatum(tekst: str | None) -> date:
    if tekst is not None and not _PEILDATUM.fullmatch(tekst):
        raise OngeldigePeildatum(
            f"Ongeldige peildatum '{tekst[:40]}': gebruik JJJJ-MM-DD (uiterlijk 9997-12-31), "
            f"bijvoorbeeld {VOORBEELD}.")
    return parse_peildatum(tekst)


@bp.get(f"/netwerken/{openapi.NETWERK_ID_URL}/erkenning")
def erkenning(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    try:
        peildatum = _peildatum(request.args.get("op"))
    except OngeldigePeildatum as fout:
        return jsonify({"fout": "Ongeldige peildatum", "uitleg": str(fout)}), 400
    return jsonify(pipeline.bundel(netwerk_id, peildatum).erkenning_json())


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
            openapi.NETWERK_ID,
            {"name": "op", "in": "query", "required": False,
             "description": "Peildatum JJJJ-MM-DD, uiterlijk 9997-12-31 (standaard vandaag).",
             "schema": {"type": "string", "format": "date", "pattern": PEILDATUM_PATROON}},
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
                "eis": {"type": "string", "description": "wat de bron vereist, in één zin"},
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
