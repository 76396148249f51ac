"""API: the networks one may read, and aanbod to read and keep in sync (domein.md §13).

Writes take the aanbod form's own validation (partners/forms_aanbod.AanbodVelden, fed the JSON
body) and the one write path (partners/operations: maak_aanbod, wijzig_aanbod, verwijder, i.e.
wijzigen.wijzig/verwijder), authorised by can_edit_organisatie: a partner touches only its own
organisation's aanbod. Updates and deletes need `If-Match` with the version (ETag) that was read:
428 without it, 409 when somebody changed the aanbod since.
"""
from __future__ import annotations

from datetime import date

from flask import abort, jsonify, request, url_for
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from ..auth.guard import authorize, current_actor
from ..domein.permissions import (can_edit_organisatie, can_view_netwerk, can_view_organisatie,
                                  is_authenticated)
from ..extensions import db
from ..fouten import Conflict, OperatieFout
from ..hsds.queries import Filter, aanbod_stmt as zichtbaar_aanbod_stmt
from ..partners import operations
from ..partners.forms_aanbod import AanbodVelden, aanbod_waarden
from ..partners.models import Aanbod, Organisatie
from ..partners.queries import visible_netwerken_stmt
from ..partners.queries_aanbod import AanbodFilter, aanbod_stmt as netwerk_aanbod_stmt
from ..partners.refs import netwerk_ref, organisatie_ref
from . import bp, openapi
from .aanbod_schema import registreer

PER_PAGINA, PER_PAGINA_MAX = 50, 200
LIJSTEN = ("functies", "leeftijdsgroepen", "werkvormen", "gemeenten")
BOOLEANS = ("laagdrempelig", "verplicht_kg")
DATUMS = ("startdatum", "einddatum")


def _fout(status: int, fout: str, uitleg: str, **extra):
    return jsonify({"fout": fout, "uitleg": uitleg, **extra}), status


def aanbod_json(a: Aanbod) -> dict:
    uit = {"id": a.id, "organisatie_id": a.organisatie_id, "version": a.version}
    for naam in operations.AANBOD_VELDEN:
        waarde = getattr(a, naam)
        uit[naam] = list(waarde) if naam in LIJSTEN else (
            waarde.isoformat() if isinstance(waarde, date) else waarde)
    uit["laatst_nagekeken_op"] = a.laatst_nagekeken_op.isoformat() \
        if a.laatst_nagekeken_op else None
    return uit


def _met_etag(response, a: Aanbod, status: int = 200):
    response = jsonify(aanbod_json(a)) if response is None else response
    response.status_code = status
    response.set_etag(str(a.version))
    return response


@bp.get("/netwerken")
def netwerken():
    authorize(is_authenticated)
    rijen = db.session.scalars(visible_netwerken_stmt(current_actor())).all()
    return jsonify({"netwerken": [{"id": n.id, "naam": n.naam, "publiek": n.publiek}
                                  for n in rijen]})


@bp.get("/aanbod")
def aanbod_lijst():
    waarden = request.args.getlist("netwerk_id")
    netwerk_id = request.args.get("netwerk_id", type=int)
    if waarden and (len(waarden) > 1 or netwerk_id is None or netwerk_id < 1):
        authorize(is_authenticated)
        return _fout(400, "Ongeldige parameter", "netwerk_id is één geheel getal (een netwerk-id).")
    if netwerk_id is not None:
        authorize(can_view_netwerk, netwerk_ref(netwerk_id))
        stmt = netwerk_aanbod_stmt(netwerk_id, AanbodFilter())
    else:
        authorize(is_authenticated)
        stmt = zichtbaar_aanbod_stmt(current_actor(), Filter(), met_publiek=False)
    pagina = request.args.get("page", 1, type=int) or 1
    per_pagina = min(request.args.get("per_page", PER_PAGINA, type=int) or PER_PAGINA,
                     PER_PAGINA_MAX)
    totaal = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rijen = db.session.scalars(stmt.limit(per_pagina).offset((pagina - 1) * per_pagina)).all()
    return jsonify({"totaal": totaal, "pagina": pagina, "per_pagina": per_pagina,
                    "aanbod": [aanbod_json(a) for a in rijen]})


def _formdata(body: dict) -> MultiDict:
    """The JSON body as the form would receive it, so the form's own validation applies."""
    data = MultiDict()
    for naam, waarde in body.items():
        if naam in LIJSTEN and isinstance(waarde, list):
            for w in waarde:
                data.add(naam, str(w))
        elif naam in BOOLEANS:
            if waarde is True:
                data.add(naam, "y")
        elif waarde is not None:
            data.add(naam, waarde if isinstance(waarde, str) else str(waarde))
    return data


def _gevalideerd(body: dict, extra: tuple[str, ...] = ()):
    """(values for the operation, None) or (None, the 422 answer)."""
    vreemd = sorted(set(body) - set(operations.AANBOD_VELDEN) - set(extra))
    if vreemd:
        return None, _fout(422, "Ongeldig aanbod", "Onbekende velden: " + ", ".join(vreemd) + ".",
                           velden={v: ["Onbekend veld."] for v in vreemd})
    for naam in BOOLEANS:
        if naam in body and not isinstance(body[naam], bool):
            return None, _fout(422, "Ongeldig aanbod", f"{naam} is true of false.",
                               velden={naam: ["Geef true of false."]})
    for naam, waarde in body.items():
        tekst = naam not in (*LIJSTEN, *BOOLEANS, *DATUMS, *extra)
        if (tekst and not isinstance(waarde, str)) or (
                naam in LIJSTEN and isinstance(waarde, list)
                and not all(isinstance(w, str) for w in waarde)):
            return None, _fout(422, "Ongeldig aanbod", f"{naam} heeft een verkeerd type.",
                               velden={naam: ["Verkeerd type: zie de API-beschrijving."]})
    for naam in DATUMS:
        if naam in body and not (body[naam] is None or (isinstance(body[naam], str)
                                                       and body[naam])):
            return None, _fout(422, "Ongeldig aanbod", f"{naam} is JJJJ-MM-DD of null.",
                               velden={naam: ["Geef een datum JJJJ-MM-DD, of null."]})
    for naam in LIJSTEN:
        if naam in body and not isinstance(body[naam], list):
            return None, _fout(422, "Ongeldig aanbod", f"{naam} is een lijst van codes.",
                               velden={naam: ["Geef een lijst van codes."]})
    form = AanbodVelden(formdata=_formdata(body), meta={"csrf": False})
    if not form.validate():
        return None, _fout(422, "Ongeldig aanbod", "Het aanbod bevat fouten; niets is opgeslagen.",
                           velden=form.errors)
    return aanbod_waarden(form), None


def _body() -> dict | None:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else None


GEEN_OBJECT = (422, "Ongeldig aanbod", "Stuur een JSON-object (Content-Type: application/json).")


@bp.post("/aanbod")
def aanbod_nieuw():
    body = _body()
    organisatie_id = body.get("organisatie_id") if body is not None else None
    if isinstance(organisatie_id, float) and organisatie_id.is_integer():
        organisatie_id = int(organisatie_id)  # JSON's 12.0 is the integer 12
    if type(organisatie_id) is not int or not 1 <= organisatie_id <= openapi.ID_MAX:
        authorize(is_authenticated)
        if body is None:
            return _fout(*GEEN_OBJECT)
        return _fout(422, "Ongeldig aanbod", "organisatie_id ontbreekt of is geen geldig id.",
                     velden={"organisatie_id": ["Geef het id van de organisatie."]})
    authorize(can_edit_organisatie, organisatie_ref(organisatie_id))
    if db.session.get(Organisatie, organisatie_id) is None:
        abort(404)
    waarden, fout = _gevalideerd(body, extra=("organisatie_id",))
    if fout:
        return fout
    try:
        a = operations.maak_aanbod(organisatie_id, **waarden)
    except OperatieFout as e:
        return _fout(422, "Ongeldig aanbod", str(e))
    response = _met_etag(None, a, 201)
    response.headers["Location"] = url_for("api.aanbod", aanbod_id=a.id)
    return response


def _organisatie_van(aanbod_id: int) -> int:
    """The aanbod's organisation (to authorise on); 404 for an unknown aanbod."""
    organisatie_id = db.session.scalar(select(Aanbod.organisatie_id).where(Aanbod.id == aanbod_id))
    if organisatie_id is None:
        authorize(is_authenticated)
        abort(404)
    return organisatie_id


@bp.route("/aanbod/<int:aanbod_id>", methods=["GET", "PUT", "DELETE"])
def aanbod(aanbod_id: int):
    """One rule for the three methods: an id beyond the integer range is a 404 for each (with a
    rule per method werkzeug answers 405 for the methods of the rules after the first)."""
    if request.method == "PUT":
        return aanbod_bijwerken(aanbod_id)
    if request.method == "DELETE":
        return aanbod_verwijderen(aanbod_id)
    authorize(can_view_organisatie, organisatie_ref(_organisatie_van(aanbod_id)))
    return _met_etag(None, db.session.get(Aanbod, aanbod_id))


def _if_match() -> str | None:
    """The version in If-Match ("3", 3 or W/"3"), or None when the header is missing."""
    waarde = request.headers.get("If-Match")
    if waarde is None:
        return None
    return waarde.strip().removeprefix("W/").strip('"')


ZONDER_IF_MATCH = (428, "Versie ontbreekt",
                   "Stuur de versie die je las mee in If-Match (de ETag van GET /aanbod/{id}).")


def _conflict(c: Conflict):
    response = jsonify({"fout": "Conflict", "version": c.version,
                        "uitleg": "Iemand anders heeft dit aanbod intussen gewijzigd; niets is "
                                  "opgeslagen. Lees het opnieuw en stuur de nieuwe versie mee."})
    response.status_code = 409
    response.set_etag(str(c.version))
    return response


def aanbod_bijwerken(aanbod_id: int):
    authorize(can_edit_organisatie, organisatie_ref(_organisatie_van(aanbod_id)))
    versie = _if_match()
    if versie is None:
        return _fout(*ZONDER_IF_MATCH)
    body = _body()
    if body is None:
        return _fout(*GEEN_OBJECT)
    waarden, fout = _gevalideerd(body)
    if fout:
        return fout
    a = db.session.get(Aanbod, aanbod_id)
    try:
        operations.wijzig_aanbod(a, waarden, versie)
    except Conflict as c:
        return _conflict(c)
    except OperatieFout as e:
        return _fout(422, "Ongeldig aanbod", str(e))
    return _met_etag(None, a)


def aanbod_verwijderen(aanbod_id: int):
    authorize(can_edit_organisatie, organisatie_ref(_organisatie_van(aanbod_id)))
    versie = _if_match()
    if versie is None:
        return _fout(*ZONDER_IF_MATCH)
    try:
        operations.verwijder(db.session.get(Aanbod, aanbod_id), versie)
    except Conflict as c:
        return _conflict(c)
    return "", 204


registreer()
