"""A network's register as Open Referral HSDS 3.0 JSON.

Organisations become `organization` (with `organization_identifier` for the KBO number, a
physical `location` with its `address` when known, and their `services`); aanbod becomes
`service` with `attribute`s pointing at `taxonomy_term`s of our taxonomies (aanbodvorm, functie,
leeftijdsgroep, doelgroep, werkvorm, sector), `service_area`s per municipality and a
`service_at_location` at the organisation's address for aanbod 'op locatie'.
Identifiers are UUIDv5 over a fixed namespace, the table and the row id: repeated exports are
identical, and the same record keeps its id across exports.
"""
from __future__ import annotations

import re
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ...extensions import db
from ...domein import gemeenten, taxonomie as tax
from ...domein import kbo as kbo_nummer
from ..models import Lidmaatschap, Netwerk, Organisatie

NAMESPACE = uuid.UUID("6b1d0c8e-3f0a-5c8e-9d4b-2a7e1f0c4b11")  # fixed forever: stable ids
TAXONOMIEEN = (tax.AANBODVORM, tax.FUNCTIE, tax.LEEFTIJDSGROEP, tax.DOELGROEP, tax.WERKVORM,
               tax.SECTOR)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LEEFTIJD = {"prenataal": (0, 0), "0-3": (0, 3), "3-6": (3, 6), "6-12": (6, 12), "12-18": (12, 18),
            "18-25": (18, 25)}


def uid(tabel: str, sleutel) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{tabel}:{sleutel}"))


def term_id(t: tax.Taxonomie, code: str) -> str:
    return uid("taxonomy_term", f"{t.naam}:{code}")


def taxonomies() -> list[dict]:
    return [{"id": uid("taxonomy", t.naam), "name": t.titel, "version": "1",
             "description": f"Huis van het Kind: {t.titel.lower()} (codes van het register)"}
            for t in TAXONOMIEEN]


def taxonomy_terms() -> list[dict]:
    return [{"id": term_id(t, c.code), "code": c.code, "name": c.label, "description": c.label,
             "taxonomy": t.titel, "taxonomy_id": uid("taxonomy", t.naam), "language": "nl"}
            for t in TAXONOMIEEN for c in t]


def document(netwerk_id: int, vandaag: date | None = None) -> dict:
    """The whole export: the network's active member organisations with their services."""
    vandaag = vandaag or date.today()
    n = db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id))
    leden = db.session.scalars(
        select(Lidmaatschap).where(Lidmaatschap.netwerk_id == netwerk_id,
                                   Lidmaatschap.lid_tot.is_(None))
        .options(joinedload(Lidmaatschap.organisatie).selectinload(Organisatie.aanbod))).unique()
    orgs = sorted((m.organisatie for m in leden), key=lambda o: (tax.normalise(o.naam), o.id))
    return {
        "hsds_version": "3.0",
        "bron": "Huis van het Kind register",
        "netwerk": {"id": uid("netwerk", n.id), "naam": n.naam},
        "taxonomies": taxonomies(),
        "taxonomy_terms": taxonomy_terms(),
        "organizations": [organization(o, vandaag) for o in orgs],
    }


def organization_fields(o: Organisatie) -> dict:
    """The organisation's one-to-one fields (an HSDS `organization_list` item)."""
    org = {"id": uid("organisatie", o.id), "name": o.naam, "description": o.beschrijving or ""}
    if EMAIL.match(o.email or ""):
        org["email"] = o.email
    if o.website:
        org["website"] = o.website if re.match(r"https?://", o.website) else f"https://{o.website}"
    return org


def organization(o: Organisatie, vandaag: date) -> dict:
    org = organization_fields(o)
    oid = org["id"]
    if o.telefoon:
        org["phones"] = [{"id": uid("organisatie_telefoon", o.id), "organization_id": oid,
                          "number": o.telefoon}]
    if o.kbo:
        org["organization_identifiers"] = [{
            "id": uid("organisatie_kbo", o.id), "organization_id": oid,
            "identifier_scheme": "BE-BCE_KBO", "identifier_type": "Ondernemingsnummer (KBO)",
            "identifier": kbo_nummer.formatted(o.kbo)}]
    if o.sector in tax.SECTOR:
        org["attributes"] = [_attribute("organization", oid, tax.SECTOR, o.sector)]
    locatie = location(o, oid)
    if locatie:
        org["locations"] = [locatie]
    org["services"] = [service(a, o, oid, locatie, vandaag)
                       for a in sorted(o.aanbod, key=lambda a: (tax.normalise(a.naam), a.id))]
    return org


def location(o: Organisatie, oid: str) -> dict | None:
    if not (o.straat and o.plaats):
        return None
    lid = uid("locatie", o.id)
    provincie = next((p for p in (gemeenten.provincie_van(n) for n in o.gemeenten) if p), "")
    return {"id": lid, "location_type": "physical", "organization_id": oid, "name": o.naam,
            "addresses": [{"id": uid("adres", o.id), "location_id": lid, "address_1": o.straat,
                           "city": o.plaats, "state_province": provincie,
                           "postal_code": o.postcode or "", "country": "BE",
                           "address_type": "physical"}]}


def service(a, o: Organisatie, oid: str, locatie: dict | None, vandaag: date) -> dict:
    sid = uid("aanbod", a.id)
    s = {"id": sid, "organization_id": oid, "name": a.naam, "description": a.beschrijving or "",
         "status": "inactive" if a.einddatum and a.einddatum < vandaag else "active"}
    leeftijden = [LEEFTIJD[g] for g in a.leeftijdsgroepen if g in LEEFTIJD]
    if leeftijden:
        s["minimum_age"] = min(lo for lo, _ in leeftijden)
        s["maximum_age"] = max(hi for _, hi in leeftijden)
    if a.laatst_nagekeken_op:
        s["assured_date"] = a.laatst_nagekeken_op.isoformat()
    if a.updated_at:
        s["last_modified"] = a.updated_at.replace(microsecond=0).isoformat() + "Z"
    codes = [(tax.AANBODVORM, a.aanbodvorm), (tax.DOELGROEP, a.doelgroep)]
    codes += [(tax.FUNCTIE, c) for c in a.functies]
    codes += [(tax.LEEFTIJDSGROEP, c) for c in a.leeftijdsgroepen]
    codes += [(tax.WERKVORM, c) for c in a.werkvormen]
    s["attributes"] = [_attribute("service", sid, t, c) for t, c in codes if c in t]
    s["service_areas"] = [{"id": uid("service_area", f"{a.id}:{nis}"), "service_id": sid,
                           "name": gemeenten.naam(nis), "description": f"NIS-code {nis}",
                           "extent_type": "gemeente"}
                          for nis in sorted(a.gemeenten or o.gemeenten)]
    if locatie and (not a.werkvormen or "locatie" in a.werkvormen):
        s["service_at_locations"] = [{"id": uid("service_at_location", a.id), "service_id": sid,
                                      "location_id": locatie["id"]}]
    return s


def _attribute(entity: str, link_id: str, t: tax.Taxonomie, code: str) -> dict:
    return {"id": uid("attribute", f"{link_id}:{t.naam}:{code}"), "link_id": link_id,
            "link_type": t.naam, "link_entity": entity, "taxonomy_term_id": term_id(t, code),
            "value": code}
