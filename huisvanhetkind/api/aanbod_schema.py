"""The OpenAPI description of /api/v1/netwerken and /api/v1/aanbod (api/aanbod.py)."""
from __future__ import annotations

from ..domein.taxonomie import AANBODVORM, DOELGROEP, FUNCTIE, LEEFTIJDSGROEP, WERKVORM
from . import openapi

_REF = {"$ref": "#/components/schemas/Aanbod"}
_CODES = lambda t: {"type": "array", "items": {"type": "string", "enum": t.keys()}}  # noqa: E731
_DATUM = {"type": ["string", "null"], "format": "date"}
_VELDEN = {
    "naam": {"type": "string", "minLength": 1, "maxLength": 200},
    "beschrijving": {"type": "string", "maxLength": 5000},
    "aanbodvorm": {"type": "string", "enum": AANBODVORM.keys()},
    "functies": {**_CODES(FUNCTIE), "minItems": 1},
    "leeftijdsgroepen": {**_CODES(LEEFTIJDSGROEP), "minItems": 1},
    "doelgroep": {"type": "string", "enum": DOELGROEP.keys()},
    "werkvormen": {**_CODES(WERKVORM), "minItems": 1},
    "gemeenten": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{5}$"},
                  "description": "NIS-codes; leeg: de gemeenten van de organisatie"},
    "laagdrempelig": {"type": "boolean"},
    "verplicht_kg": {"type": "boolean"},
    "contact": {"type": "string", "maxLength": 2000},
    "openingsuren": {"type": "string", "maxLength": 2000},
    "startdatum": _DATUM,
    "einddatum": _DATUM,
}
VERPLICHT = ["naam", "aanbodvorm", "functies", "leeftijdsgroepen", "werkvormen"]  # doelgroep:
# universeel when left out, as in the form
INVOER = {"type": "object", "required": VERPLICHT, "properties": _VELDEN,
          "additionalProperties": False,
          "description": "Dezelfde velden en regels als het aanbodformulier."}
AANBOD = {"type": "object",
          "required": ["id", "organisatie_id", "version", *_VELDEN, "laatst_nagekeken_op"],
          "properties": {"id": {"type": "integer"}, "organisatie_id": {"type": "integer"},
                         "version": {"type": "integer"}, **_VELDEN,
                         "laatst_nagekeken_op": _DATUM}}
VALIDATIEFOUT = {"type": "object", "required": ["fout"], "properties": {
    "fout": {"type": "string"}, "uitleg": {"type": "string"},
    "velden": {"type": "object", "additionalProperties": {
        "type": "array", "items": {"type": "string"}}}}}


def _json(beschrijving: str, schema: dict, headers: dict | None = None) -> dict:
    uit = {"description": beschrijving, "content": {"application/json": {"schema": schema}}}
    if headers:
        uit["headers"] = headers
    return uit


_FOUT = {"$ref": "#/components/schemas/Fout"}
_ETAG = {"ETag": {"description": "De versie van het aanbod, voor If-Match",
                  "schema": {"type": "string"}}}
_IF_MATCH = {"name": "If-Match", "in": "header", "required": True,
             "description": "De versie (ETag) die je las (zonder: 428).",
             "schema": {"type": "string"}}
_ID = {"name": "aanbod_id", "in": "path", "required": True,
       "schema": {"type": "integer", "minimum": 1, "maximum": openapi.ID_MAX}}
_PAGINA = [{"name": "page", "in": "query", "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": openapi.ID_MAX}},
           {"name": "per_page", "in": "query", "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": openapi.ID_MAX}}]
_SCHRIJF = {"400": _json("Formulier verlopen (CSRF, alleen met een sessie)", _FOUT),
            "401": _json("Niet aangemeld, of een onbekend, ingetrokken of verlopen token", _FOUT),
            "403": _json("Geen toegang (andere organisatie, of een token met scope 'lezen')",
                         _FOUT),
            "404": _json("Niet gevonden", _FOUT),
            "422": _json("Ongeldig aanbod: per veld de fouten", {"$ref":
                                                                 "#/components/schemas/Validatiefout"}),
            "429": _json("Te veel verzoeken", _FOUT)}


def registreer() -> None:
    openapi.register("/netwerken", {"get": {
        "summary": "De netwerken die je mag lezen", "operationId": "netwerken",
        "responses": {"200": _json("De netwerken", {
            "type": "object", "required": ["netwerken"], "properties": {"netwerken": {
                "type": "array", "items": {"type": "object", "required": ["id", "naam", "publiek"],
                                           "properties": {"id": {"type": "integer"},
                                                          "naam": {"type": "string"},
                                                          "publiek": {"type": "boolean"}}}}}}),
                      **openapi.FOUTEN, "429": _SCHRIJF["429"]}}})
    openapi.register("/aanbod", {
        "get": {"summary": "Aanbod dat je mag lezen (van één netwerk met netwerk_id)",
                "operationId": "aanbodLijst",
                "parameters": [{"name": "netwerk_id", "in": "query", "required": False,
                                "schema": {"type": "integer", "minimum": 1,
                                           "maximum": openapi.ID_MAX}}, *_PAGINA],
                "responses": {"200": _json("Het aanbod", {
                    "type": "object", "required": ["totaal", "pagina", "per_pagina", "aanbod"],
                    "properties": {"totaal": {"type": "integer"}, "pagina": {"type": "integer"},
                                   "per_pagina": {"type": "integer"},
                                   "aanbod": {"type": "array", "items": _REF}}}),
                    "400": _json("Ongeldige netwerk_id", _FOUT),
                    **openapi.FOUTEN, "429": _SCHRIJF["429"]}},
        "post": {"summary": "Nieuw aanbod van een organisatie die je beheert",
                 "operationId": "aanbodNieuw",
                 "requestBody": {"required": True, "content": {"application/json": {"schema": {
                     **INVOER, "required": ["organisatie_id", *VERPLICHT],
                     "properties": {"organisatie_id": {"type": "integer", "minimum": 1,
                                                       "maximum": openapi.ID_MAX},
                                    **_VELDEN}}}}},
                 "responses": {"201": _json("Aangemaakt", _REF, {
                     **_ETAG, "Location": {"schema": {"type": "string"}}}), **_SCHRIJF}},
    })
    openapi.register("/aanbod/{aanbod_id}", {
        "parameters": [_ID],
        "get": {"summary": "Eén aanbod, met zijn versie als ETag", "operationId": "aanbod",
                "responses": {"200": _json("Het aanbod", _REF, _ETAG), **openapi.FOUTEN,
                              "429": _SCHRIJF["429"]}},
        "put": {"summary": "Een aanbod vervangen (If-Match: de versie die je las)",
                "operationId": "aanbodBijwerken", "parameters": [_IF_MATCH],
                "requestBody": {"required": True,
                                "content": {"application/json": {"schema": INVOER}}},
                "responses": {"200": _json("Bijgewerkt", _REF, _ETAG), **_SCHRIJF,
                              "409": _json("Intussen gewijzigd: niets opgeslagen", _FOUT, _ETAG),
                              "428": _json("If-Match ontbreekt", _FOUT)}},
        "delete": {"summary": "Een aanbod verwijderen (If-Match: de versie die je las)",
                   "operationId": "aanbodVerwijderen", "parameters": [_IF_MATCH],
                   "responses": {"204": {"description": "Verwijderd"},
                                 **{k: v for k, v in _SCHRIJF.items() if k != "422"},
                                 "409": _json("Intussen gewijzigd: niets verwijderd", _FOUT,
                                              _ETAG),
                                 "428": _json("If-Match ontbreekt", _FOUT)}},
    }, {"Aanbod": AANBOD, "Validatiefout": VALIDATIEFOUT})
