"""The OpenAPI 3.1 document of /api/hsds: the subset of Open Referral's official HSDS 3.0 API
document that we serve, with its operation ids, parameters and schema references (the official
schemas by their canonical URL), plus our error answers and the optional bearer token."""
from __future__ import annotations

SCHEMA = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
FOUT = {"description": "Fout", "content": {"application/json": {"schema": {
    "type": "object", "required": ["fout"],
    "properties": {"fout": {"type": "string"}, "uitleg": {"type": "string"}}}}}}


def _param(naam: str, beschrijving: str, soort: str = "string", **schema) -> dict:
    return {"name": naam, "in": "query", "required": False, "description": beschrijving,
            "schema": {"type": soort, **schema}}


PARAMETERS = {
    "search": _param("search", "Zoeken in naam en beschrijving (hoofdletterongevoelig)."),
    "page": _param("page", "Paginanummer (vanaf 1).", "integer", minimum=1),
    "per_page": _param("per_page", "Aantal per pagina (standaard 50, hoogstens 200).", "integer",
                       minimum=1),
    "taxonomy_term_id": _param("taxonomy_term_id", "Alleen aanbod met deze taxonomy_term."),
    "taxonomy_id": _param("taxonomy_id", "Alleen aanbod met een term van deze taxonomy."),
    "organization_id": _param("organization_id", "Alleen aanbod van deze organization."),
    "modified_after": _param("modified_after", "Alleen wat gewijzigd is op of na dit moment "
                             "(ISO 8601).", format="date-time"),
    "full": _param("full", "Volledig geneste objecten.", "boolean"),
    "full_service": _param("full_service", "Organisaties met hun volledige services.",
                           "boolean"),
}


def _ref(naam: str) -> dict:
    return {"$ref": f"#/components/parameters/{naam}"}


def _lijst(beschrijving: str, item: str, params: tuple[str, ...]) -> dict:
    schema = {"allOf": [{"$ref": "#/components/schemas/Page"}],
              "properties": {"contents": {"type": "array", "items": {"$ref": SCHEMA + item}}}}
    return {"get": {"summary": beschrijving, "parameters": [_ref(p) for p in params],
                    "responses": {"200": {"description": beschrijving, "content": {
                        "application/json": {"schema": schema}}},
                        "400": FOUT, "404": FOUT, "429": FOUT}}}


def _een(beschrijving: str, schema: str) -> dict:
    return {"parameters": [{"name": "id", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "get": {"summary": beschrijving, "responses": {
                "200": {"description": beschrijving, "content": {
                    "application/json": {"schema": {"$ref": SCHEMA + schema}}}},
                "404": FOUT, "429": FOUT}}}


LIJST = ("search", "page", "per_page")
SERVICES = (*LIJST, "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after",
            "full")

PATHS = {
    "/": {"get": {"summary": "Over deze API en haar verhouding tot HSDS", "responses": {
        "200": {"description": "HSDS-versie en de URL van dit document", "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "version": {"type": "string"}, "profile": {"type": "string", "format": "uri"},
                "openapi_url": {"type": "string", "format": "uri"}}}}}}}}},
    "/services": _lijst("Aanbod (services), gepagineerd", "compiled/service_list.json", SERVICES),
    "/services/{id}": _een("Eén aanbod, volledig genest", "compiled/service.json"),
    "/organizations": _lijst("Organisaties, gepagineerd", "compiled/organization_list.json",
                             (*LIJST, "full_service", "full")),
    "/organizations/{id}": _een("Eén organisatie met haar aanbod", "compiled/organization.json"),
    "/service_at_locations": _lijst(
        "Aanbod op het adres van de organisatie, gepagineerd",
        "compiled/service_at_location_list.json", SERVICES),
    "/service_at_locations/{id}": _een("Eén service_at_location, volledig genest",
                                       "compiled/service_at_location.json"),
    "/taxonomies": _lijst("De taxonomieën van het register", "taxonomy.json", LIJST),
    "/taxonomies/{id}": _een("Eén taxonomie", "taxonomy.json"),
    "/taxonomy_terms": _lijst("De codes van de taxonomieën", "taxonomy_term.json",
                              (*LIJST, "taxonomy_id")),
    "/taxonomy_terms/{id}": _een("Eén code", "taxonomy_term.json"),
}

PAGE = {"type": "object", "properties": {
    "total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
    "page_number": {"type": "integer"}, "size": {"type": "integer"},
    "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"},
    "empty": {"type": "boolean"}}}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {"title": "Huis van het Kind: HSDS 3.0 API", "version": "1",
                 "description": "Het aanbod van de Huizen van het Kind volgens Open Referral "
                                "HSDS 3.0. Zonder token: het aanbod van netwerken die het "
                                "publiceren; met een persoonlijk API-token: wat de gebruiker "
                                "mag zien."},
        "servers": [{"url": "/api/hsds"}],
        "paths": PATHS,
        "components": {"schemas": {"Page": PAGE}, "parameters": PARAMETERS,
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
        "security": [{}, {"token": []}],
    }
