"""Helpers for the partners tests: form data as a browser would post it, and statement counting."""
from __future__ import annotations

from tests.sql_count import count_statements as _count

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, Netwerk


def aanbod_data(**changes) -> dict:
    data = {"naam": "Babbelbox", "beschrijving": "", "aanbodvorm": "spel_en_ontmoeting",
            "functies": ["ontmoeting"], "leeftijdsgroepen": ["0-3"], "doelgroep": "universeel",
            "werkvormen": ["locatie"], "contact": "", "openingsuren": "", "startdatum": "",
            "einddatum": ""}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def aanbod_form(app, aanbod_id: int, **changes) -> dict:
    """The edit form of an existing aanbod, as GET would fill it, with changes."""
    with app.app_context():
        a = db.session.get(Aanbod, aanbod_id)
        data = aanbod_data(
            naam=a.naam, beschrijving=a.beschrijving, aanbodvorm=a.aanbodvorm,
            functies=list(a.functies), leeftijdsgroepen=list(a.leeftijdsgroepen),
            doelgroep=a.doelgroep, werkvormen=list(a.werkvormen), gemeenten=list(a.gemeenten),
            startdatum=a.startdatum.isoformat() if a.startdatum else "",
            einddatum=a.einddatum.isoformat() if a.einddatum else "", version=a.version)
        if a.laagdrempelig:
            data["laagdrempelig"] = "y"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def netwerk_form(app, netwerk_id: int, **changes) -> dict:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload
    with app.app_context():
        n = db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id)
                              .options(selectinload(Netwerk.werkingsgebied)))
        data = {"naam": n.naam, "gemeenten": [d.nis for d in n.werkingsgebied if not d.deel],
                "delen": "", "rechtsvorm": n.rechtsvorm,
                "aanvraagdatum": n.aanvraagdatum.isoformat() if n.aanvraagdatum else "",
                "erkenningsdatum": n.erkenningsdatum.isoformat() if n.erkenningsdatum else "",
                "coordinator_naam": n.coordinator_naam, "coordinator_email": n.coordinator_email,
                "beschrijving": n.beschrijving, "version": n.version}
    data.update(changes)
    return data


def lid_id(app, netwerk_id: int, organisatie_id: int) -> int:
    from sqlalchemy import select
    with app.app_context():
        return db.session.scalar(select(Lidmaatschap.id).where(
            Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.organisatie_id == organisatie_id))


def count_statements(app, fn) -> tuple[object, int]:
    """Run fn() and count the SQL statements sent to the database meanwhile."""
    return _count(fn, app)
