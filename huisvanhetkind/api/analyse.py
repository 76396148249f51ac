"""API: the analyse document of a network (domein.md §8), the same document as `hvk analyse --json`."""
from __future__ import annotations

from flask import current_app

from ..auth.guard import authorize
from ..domein.permissions import can_view_netwerk
from ..luie_import import later
from ..partners.refs import netwerk_ref
from . import bp, openapi

pipeline = later("huisvanhetkind.pipeline")  # the analysis, imported on first use (luie_import.py)

_NAMEN = {"type": "array", "items": {"type": "string"}}
_CEL = {"type": "object", "required": ["functie", "leeftijdsgroep", "gemeente"],
        "properties": {"functie": {"type": "string"}, "leeftijdsgroep": {"type": "string"},
                       "gemeente": {"type": "string", "description": "Nederlandse naam"}}}
ANALYSE = {
    "type": "object",
    "description": "Netwerkanalyse (domein.md §6) met lacunes en overlappen (§5).",
    "required": ["netwerk", "geisoleerd", "kwetsbare_schakels", "bruggen", "makelaars",
                 "componenten", "lacunes", "overlappen"],
    "properties": {
        "netwerk": {"type": "string"},
        "geisoleerd": _NAMEN,
        "kwetsbare_schakels": _NAMEN,
        "bruggen": {"type": "array", "items": {"type": "array", "items": {"type": "string"},
                                               "minItems": 2, "maxItems": 2}},
        "makelaars": {**_NAMEN, "description": "Hoogste tussenliggendheid eerst, hoogstens 5."},
        "componenten": {"type": "integer", "minimum": 0},
        "lacunes": {
            "type": "array",
            "description": "Cellen zonder aanbod. Heeft een gemeente van het werkingsgebied "
                           "indicatoren (omgevingsanalyse, domein.md §12), dan draagt elke lacune "
                           "haar `nood` en staan de lacunes op nood, hoogste eerst; zonder "
                           "indicatoren ontbreekt `nood` en staan ze op gemeente, functie en "
                           "leeftijdsgroep.",
            "items": {**_CEL, "properties": {**_CEL["properties"], "nood": {
                "type": ["number", "null"], "minimum": 0,
                "description": "Kinderen van die leeftijdsgroep in die gemeente (geboorten voor "
                               "prenataal, laatste jaar), verhoogd met kansarmoede: kinderen × "
                               "(1 + kansarmoede_pct/100); null zonder cijfer voor die "
                               "gemeente."}}}},
        "overlappen": {"type": "array", "items": {
            "type": "object", "required": ["aanbodvorm", "leeftijdsgroep", "gemeente", "aanbod"],
            "properties": {"aanbodvorm": {"type": "string"}, "leeftijdsgroep": {"type": "string"},
                           "gemeente": {"type": "string"}, "aanbod": _NAMEN}}},
        "bewust_niet": {"type": "array", "items": {
            **_CEL, "required": [*_CEL["required"], "reden"],
            "properties": {**_CEL["properties"], "reden": {"type": "string"}}}},
        "dichtheid": {"type": "number"},
        "reciprociteit": {"type": ["number", "null"]},
        "eenrichting": {"type": "array", "items": _NAMEN},
        "onbevestigd": {"type": "array", "items": _NAMEN},
        "cb_bereik": {"type": "object", "properties": {
            k: _NAMEN for k in ("consultatiebureau", "een_stap", "twee_stappen", "buiten_bereik")}},
        "betweenness_benaderd": {"type": "boolean"},
    },
}


@bp.get(f"/netwerken/{openapi.NETWERK_ID_URL}/analyse")
def netwerk_analyse(netwerk_id: int):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    r = pipeline.bundel(netwerk_id)
    # the serialised document (630 KB for the largest network, ~10 ms to build and encode)
    body = pipeline.per_bundel(r, "analysejson", lambda: current_app.json.dumps(
        r.analyse_json(), separators=(",", ":")).encode())
    return current_app.response_class(body, mimetype="application/json")


openapi.register("/netwerken/{netwerk_id}/analyse", {"get": {
    "summary": "Netwerkanalyse, lacunes en overlappen van een netwerk",
    "operationId": "netwerkAnalyse",
    "parameters": [openapi.NETWERK_ID],
    "responses": {
        "200": {"description": "Het analysedocument",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Analyse"}}}},
        **openapi.FOUTEN,
    },
}}, {"Analyse": ANALYSE})
