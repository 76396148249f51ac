"""Helpers of the access-matrix test: the actors, the objects every route is tried on, a logged-in
client per actor and a snapshot of the whole database (to prove a refused request wrote nothing)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from sqlalchemy import select

from huisvanhetkind.partners import eigendom
from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.bevraging.models import Deelname, Meetmoment
from huisvanhetkind.domein.snapshot import Netwerk as snapshot_netwerk
from huisvanhetkind.erkenning import aanvraag_operations as aanvraag_ops
from huisvanhetkind.erkenning import operations as erkenning_ops
from huisvanhetkind.erkenning.models import Actie
from huisvanhetkind.erkenning.operations import ACTIE_VELDEN
from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import BewustNiet, Verwijzing
from huisvanhetkind.graaf.operations import VERWIJZING_VELDEN
from huisvanhetkind.partners.models import Aanbod, Contactpersoon, Lidmaatschap, Organisatie
from huisvanhetkind.partners.operations import (AANBOD_VELDEN, CONTACT_VELDEN, LID_VELDEN,
                                                NETWERK_VELDEN, ORGANISATIE_VELDEN)
from huisvanhetkind.domein.zelfevaluatie import KERNPRINCIPES
from huisvanhetkind.zelfevaluatie import operations as zelfevaluatie_ops
from tests import factories as f
from tests.factories import WACHTWOORD
from tests.partners_helpers import aanbod_data, netwerk_form

GEWEIGERD = "toegang_geweigerd"


@dataclass(frozen=True)
class Wie:
    """An actor of the matrix, described the way the rules of the table speak about it."""
    naam: str
    rol: str | None = None  # None = anonymous
    netwerk: str | None = None  # coordinator of / partner organisation member of: "x" or "y"
    org: str | None = None  # a partner's own organisation: "a", "b" or "y"
    provincie: str | None = None  # a consultant's province: "ov" (X lies there) or "ant" (Y)
    gebruiker: str | None = None  # attribute of Objecten holding the user id

    @property
    def aangemeld(self) -> bool:
        return self.rol is not None


ACTOREN = (
    Wie("anoniem"),
    Wie("partner_a", "partner", "x", "a", gebruiker="partner_a"),
    Wie("partner_b", "partner", "x", "b", gebruiker="partner_b"),
    Wie("partner_y", "partner", "y", "y", gebruiker="partner_y"),
    Wie("coordinator_x", "coordinator", "x", gebruiker="coordinator_x"),
    Wie("coordinator_y", "coordinator", "y", gebruiker="coordinator_y"),
    Wie("consultant_ov", "consultant", provincie="ov", gebruiker="consultant_ov"),
    Wie("consultant_ant", "consultant", provincie="ant", gebruiker="consultant_ant"),
    Wie("beheerder", "beheerder", gebruiker="beheerder"),
)
ACTOR = {w.naam: w for w in ACTOREN}


@dataclass
class Objecten:
    """The ids of `wereld` plus what the routes need: all of it in network X (org a → org b)."""
    x: int
    y: int
    org_a: int
    org_b: int
    org_y: int
    beheerder: int
    coordinator_x: int
    coordinator_y: int
    partner_a: int
    partner_b: int
    partner_y: int
    consultant_ov: int
    consultant_ant: int
    aanbod_a: int
    contact_a: int
    lid_b: int
    actie_x: int
    opmerking_x: int
    verwijzing_ab: int
    uitnodiging_ya: int  # network Y invites organisation a (domein.md §10)
    voorstel_xa: int  # X's coordinator proposes a change to organisation a
    app: object = None
    versie_x: int = 0  # the first frozen version of X's aanvraag (submitted: ingediend)
    zelfevaluatie_x: int = 0  # X's zelfevaluatie, with a weak point (burgerschap)
    meetmoment_x: int = 0  # an open meetmoment of X's samenwerkingsbevraging (a and b invited)
    deelname_a: int = 0  # organisation a's participation in it


def maak_objecten(app, wereld) -> Objecten:
    with app.app_context():
        org_a = db.session.get(Organisatie, wereld.org_a)
        org_b = db.session.get(Organisatie, wereld.org_b)
        org_y = db.session.get(Organisatie, wereld.org_y)
        partner_y = f.gebruiker("partner", "partner-y@test.be", organisatie=org_y)
        actie = erkenning_ops.nieuwe_actie(
            wereld.netwerk_x, "E6", beschrijving="Stuurgroep", trekker_id=org_a.id,
            deadline=date.today() + timedelta(days=200))
        opmerking = erkenning_ops.review_opmerking(
            wereld.netwerk_x, "E4", tekst="Consultatiebureau ontbreekt.", oordeel="niet_akkoord",
            auteur_id=wereld.consultant_ov, peildatum=date.today())
        v = f.verwijzing(org_a, org_b)
        uitnodiging = eigendom.nodig_uit(wereld.netwerk_y, org_a.id, wereld.coordinator_y)
        voorstel = eigendom.stel_voor(org_a, wereld.netwerk_x, wereld.coordinator_x,
                                      {"plaats": "Temse"}, "Verhuisd")
        versie = aanvraag_ops.indienen(
            wereld.netwerk_x, None, version="0", toestand="concept",
            door_id=wereld.coordinator_x, bevries=lambda: aanvraag_ops.Bevroren(
                date.today(), snapshot_netwerk(id=wereld.netwerk_x, naam="X"), {},
                b"%PDF-1.7 matrix"))
        zelfevaluatie = zelfevaluatie_ops.nieuwe_zelfevaluatie(
            wereld.netwerk_x, datum=date.today(),
            scores={k: (2 if k == "burgerschap" else 3, "") for k in KERNPRINCIPES})
        meetmoment = Meetmoment(
            netwerk_id=wereld.netwerk_x, naam="Voorjaar", geopend_op=date.today(),
            sluit_op=date.today() + timedelta(days=14),
            deelnames=[Deelname(organisatie_id=org_a.id), Deelname(organisatie_id=org_b.id)])
        db.session.add(meetmoment)
        db.session.flush()
        deelname_a = meetmoment.deelnames[0].id
        db.session.commit()
        ids = {k: getattr(wereld, k) for k in (
            "org_a", "org_b", "org_y", "beheerder", "coordinator_x", "coordinator_y",
            "partner_a", "partner_b", "consultant_ov", "consultant_ant")}
        return Objecten(
            x=wereld.netwerk_x, y=wereld.netwerk_y, partner_y=partner_y.id,
            aanbod_a=db.session.scalar(select(Aanbod.id).where(Aanbod.organisatie_id == org_a.id)),
            contact_a=db.session.scalar(select(Contactpersoon.id).where(
                Contactpersoon.organisatie_id == org_a.id)),
            lid_b=db.session.scalar(select(Lidmaatschap.id).where(
                Lidmaatschap.netwerk_id == wereld.netwerk_x,
                Lidmaatschap.organisatie_id == org_b.id)),
            actie_x=actie.id, opmerking_x=opmerking.id, verwijzing_ab=v.id,
            uitnodiging_ya=uitnodiging.id, voorstel_xa=voorstel.id, app=app, versie_x=versie.id,
            zelfevaluatie_x=zelfevaluatie.id,
            meetmoment_x=meetmoment.id, deelname_a=deelname_a,
            **ids)


def nieuwe_markering(app, netwerk_id: int) -> int:
    """The network's 'bewust niet' mark, made (again) when there is none: a permitted POST of
    the matrix deletes it."""
    with app.app_context():
        n = db.session.scalar(select(BewustNiet).where(BewustNiet.netwerk_id == netwerk_id))
        if n is None:
            n = BewustNiet(netwerk_id=netwerk_id, functie="ontmoeting", leeftijdsgroep="3-6",
                           nis="", reden="Elders aangeboden")
            db.session.add(n)
            db.session.commit()
        return n.id


def client_voor(app, o: Objecten, wie: Wie):
    """A test client with the actor's session (no slow password check); anonymous: none."""
    client = app.test_client()
    if not wie.aangemeld:
        return client
    with app.app_context():
        token = db.session.get(Gebruiker, getattr(o, wie.gebruiker)).get_id()
    with client.session_transaction() as sess:
        sess["_user_id"] = token
        sess["_fresh"] = True
        sess["aangemeld_om"] = time.time()
    return client


CACHES = {"berekening", "dossier_pdf"}


def snapshot(app) -> dict[str, dict[tuple, dict]]:
    """Every row of every table by primary key, except the audit entries of a refusal and the
    caches a read may fill (computed analyses, rendered PDFs)."""
    out = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            if table.name in CACHES:
                continue
            stmt = select(table)
            if table.name == AuditEntry.__tablename__:
                stmt = stmt.where(AuditEntry.actie != GEWEIGERD)
            pk = [c.name for c in table.primary_key.columns]
            out[table.name] = {tuple(r[c] for c in pk): dict(r)
                               for r in db.session.execute(stmt).mappings()}
    return out


def verschil(voor: dict, na: dict) -> list[tuple]:
    """(table, key, column) of each changed value; (table, key, '+'/'-') of new/removed rows."""
    out = []
    for name in sorted(voor.keys() | na.keys()):
        oud, nieuw = voor.get(name, {}), na.get(name, {})
        out += [(name, k, "-") for k in oud.keys() - nieuw.keys()]
        out += [(name, k, "+") for k in nieuw.keys() - oud.keys()]
        out += [(name, k, c) for k in oud.keys() & nieuw.keys()
                for c, v in oud[k].items() if nieuw[k][c] != v]
    return out


def wezenlijk(wijzigingen: list[tuple]) -> list[tuple]:
    """Leave out the bookkeeping every save does: audit entries, timestamps, cache tokens, and
    the notifications (with their mail) a change sends (domein.md §11)."""
    return [w for w in wijzigingen
            if w[0] not in (AuditEntry.__tablename__, "melding", "uitgaande_mail")
            and w[2] not in ("updated_at", "revisie", "feitenrevisie")]


def form_van(app, model, ident: int, velden, **changes) -> dict:
    """An edit form as the browser posts it: the stored values of `velden` plus the version."""
    with app.app_context():
        obj = db.session.get(model, ident)
        data = {"version": str(obj.version)}
        for name in velden:
            value = getattr(obj, name)
            if isinstance(value, bool):
                if value:
                    data[name] = "y"
            elif isinstance(value, (tuple, list)):
                data[name] = list(value)
            elif isinstance(value, date):
                data[name] = value.isoformat()
            else:
                data[name] = "" if value is None else str(value)
    data.update(changes)
    return data


def vijandig(o: Objecten) -> dict:
    """Fields no form offers (or not to this user): ids, ownership, role, state, bookkeeping."""
    return {"id": "999", "netwerk_id": o.y, "organisatie_id": o.org_b, "van_id": o.org_b,
            "engagement_id": "999", "auteur_id": o.consultant_ant, "antwoord_op_id": o.opmerking_x,
            "rol": "beheerder", "status": "gerealiseerd", "actief": "y", "sleutel": "gekaapt",
            "created_at": "2000-01-01 00:00:00", "updated_at": "2000-01-01 00:00:00",
            "coordinator_ids": o.coordinator_y, "coordinatoren": [o.coordinator_x, o.coordinator_y],
            "netwerken": [o.y], "provincies": ["Antwerpen"], "lid_tot": "2000-01-01",
            "bevestigd": "y", "laatst_nagekeken_op": "2000-01-01", "publiek": "y", "revisie": "1",
            "wachtwoord_hash": "x", "session_token": "x", "email": "gekaapt@evil.example",
            "oordeel": "akkoord", "trekker_id": o.org_y, "naar_id": o.org_y, "voorwaarde": "S1"}


# --- cases of the access tests ---------------------------------------------------------------

def kruislings(o: Objecten) -> list[tuple[str, str, str, dict]]:
    """(actor, method, url, a valid form) with an object of X behind a URL of a network the actor
    does edit (Y), or of its own organisation: each must be 403/404 and change nothing."""
    y, app = o.y, o.app
    lid = form_van(app, Lidmaatschap, o.lid_b, LID_VELDEN, rol="Gekaapt")
    actie = form_van(app, Actie, o.actie_x, ACTIE_VELDEN, beschrijving="Gekaapt")
    v = form_van(app, Verwijzing, o.verwijzing_ab, VERWIJZING_VELDEN, opmerking="Gekaapt",
                 bevestigd="1")
    vv = {"version": v["version"]}
    markering = nieuwe_markering(app, o.x)
    out = [
        ("coordinator_y", "POST", f"/netwerken/{y}/partners/{o.lid_b}/bewerken", lid),
        ("coordinator_y", "POST", f"/netwerken/{y}/partners/{o.lid_b}/beeindigen",
         {"lid_tot": date.today().isoformat(), "version": lid["version"]}),
        ("coordinator_y", "POST", f"/netwerken/{y}/acties/{o.actie_x}/bewerken", actie),
        ("coordinator_y", "POST", f"/netwerken/{y}/acties/{o.actie_x}/verwijderen",
         {"version": actie["version"]}),
        ("coordinator_y", "POST", f"/netwerken/{y}/erkenning/review/E4/{o.opmerking_x}/antwoord",
         {f"antwoord-{o.opmerking_x}-tekst": "Gekaapt"}),
        ("coordinator_y", "POST", f"/netwerken/{y}/dekking/bewust-niet/{markering}/verwijderen",
         {}),
        ("coordinator_y", "GET", f"/netwerken/{y}/wat-als?partner={o.org_a}", {}),
        ("coordinator_y", "GET", f"/netwerken/{y}/aanvraag/versies/{o.versie_x}", {}),
        ("coordinator_y", "GET", f"/netwerken/{y}/aanvraag/versies/{o.versie_x}.pdf", {}),
        ("coordinator_y", "POST", f"/netwerken/{y}/verwijzingen/nieuw?van={o.org_a}",
         {"naar_id": o.org_b, "soort": "samenwerking"}),
        ("partner_y", "POST", f"/organisaties/{o.org_y}/contactpersonen/{o.contact_a}/bewerken",
         form_van(app, Contactpersoon, o.contact_a, CONTACT_VELDEN, naam="Gekaapt")),
        ("partner_y", "POST",
         f"/organisaties/{o.org_y}/contactpersonen/{o.contact_a}/verwijderen",
         {"version": "1"}),
    ]
    for wie in ("coordinator_y", "partner_a"):  # partner a: its own link, shown through Y
        base = f"/netwerken/{y}/verwijzingen/{o.verwijzing_ab}"
        out += [(wie, "POST", f"{base}/bewerken", v), (wie, "POST", f"{base}/verwijderen", vv),
                (wie, "POST", f"{base}/tel", {}), (wie, "POST", f"{base}/bevestigen", vv)]
    return out


@dataclass(frozen=True)
class Geval:
    """A valid form posted with every field of vijandig() the form does not offer added to it."""
    wie: str
    url: Callable[[Objecten], str]
    form: Callable[[Objecten], dict]
    tabel: str
    rij: Callable[[Objecten], int] | None = None  # edit: the row; its `mag` columns may change
    mag: tuple[str, ...] = ()
    nieuw: Callable[[Objecten], dict] | None = None  # create: the one new row must hold these


def _bewerk(o, model, ident, velden, **changes):
    return form_van(o.app, model, ident, velden, **changes)


GEVALLEN = {
    "partner_eigen_organisatie": Geval(
        "partner_a", lambda o: f"/organisaties/{o.org_a}/bewerken",
        lambda o: _bewerk(o, Organisatie, o.org_a, ORGANISATIE_VELDEN, naam="Partner A vzw"),
        "organisatie", lambda o: o.org_a, tuple(ORGANISATIE_VELDEN)),
    "partner_eigen_aanbod": Geval(
        "partner_a", lambda o: f"/aanbod/{o.aanbod_a}/bewerken",
        lambda o: _bewerk(o, Aanbod, o.aanbod_a, AANBOD_VELDEN, naam="Spelotheek A+"),
        "aanbod", lambda o: o.aanbod_a, AANBOD_VELDEN),
    "partner_eigen_contactpersoon": Geval(
        "partner_a", lambda o: f"/organisaties/{o.org_a}/contactpersonen/{o.contact_a}/bewerken",
        lambda o: _bewerk(o, Contactpersoon, o.contact_a, CONTACT_VELDEN, functie="Coördinator"),
        "contactpersoon", lambda o: o.contact_a, tuple(CONTACT_VELDEN)),
    "partner_eigen_verwijzing": Geval(  # bevestigd is the receiver's, van_id never changes
        "partner_a", lambda o: f"/netwerken/{o.x}/verwijzingen/{o.verwijzing_ab}/bewerken",
        lambda o: _bewerk(o, Verwijzing, o.verwijzing_ab, VERWIJZING_VELDEN, opmerking="Elke week"),
        "verwijzing", lambda o: o.verwijzing_ab, tuple(VERWIJZING_VELDEN)),
    "coordinator_lidmaatschap": Geval(
        "coordinator_x", lambda o: f"/netwerken/{o.x}/partners/{o.lid_b}/bewerken",
        lambda o: _bewerk(o, Lidmaatschap, o.lid_b, LID_VELDEN, rol="Trekker"),
        "lidmaatschap", lambda o: o.lid_b, tuple(LID_VELDEN)),
    "coordinator_actie": Geval(
        "coordinator_x", lambda o: f"/netwerken/{o.x}/acties/{o.actie_x}/bewerken",
        lambda o: _bewerk(o, Actie, o.actie_x, ACTIE_VELDEN, beschrijving="Stuurgroep 2x/jaar"),
        "actie", lambda o: o.actie_x, tuple(ACTIE_VELDEN)),
    "coordinator_netwerk": Geval(  # coordinatoren: only a beheerder grants access
        "coordinator_x", lambda o: f"/netwerken/{o.x}/bewerken",
        lambda o: netwerk_form(o.app, o.x, beschrijving="Samen sterk"),
        "netwerk", lambda o: o.x, tuple(NETWERK_VELDEN)),
    "coordinator_eigen_wachtwoord": Geval(  # not beheerder, not coordinator of Y
        "coordinator_x", lambda o: "/wachtwoord",
        lambda o: {"huidig": WACHTWOORD, "nieuw": "nieuw-wachtwoord-456",
                   "herhaal": "nieuw-wachtwoord-456"},
        "gebruiker", lambda o: o.coordinator_x, ("wachtwoord_hash", "session_token")),
    "partner_nieuw_aanbod": Geval(
        "partner_a", lambda o: f"/organisaties/{o.org_a}/aanbod/nieuw",
        lambda o: aanbod_data(naam="Babbelbox"), "aanbod",
        nieuw=lambda o: {"organisatie_id": o.org_a, "sleutel": None,
                         "laatst_nagekeken_op": date.today()}),
    "partner_nieuwe_verwijzing": Geval(
        "partner_a", lambda o: f"/netwerken/{o.x}/verwijzingen/nieuw?van={o.org_a}",
        lambda o: {"naar_id": o.org_b, "soort": "samenwerking"}, "verwijzing",
        nieuw=lambda o: {"van_id": o.org_a, "naar_id": o.org_b, "bevestigd": False}),
    # y has its own partner account: adding it to X is an invitation, not a membership (§10)
    "coordinator_nieuw_lid": Geval(
        "coordinator_x", lambda o: f"/netwerken/{o.x}/partners/toevoegen/{o.org_y}",
        lambda o: {"rol": "Nieuw", "lid_sinds": date.today().isoformat()}, "uitnodiging",
        nieuw=lambda o: {"netwerk_id": o.x, "organisatie_id": o.org_y, "status": "open",
                         "rol": "Nieuw", "door_id": o.coordinator_x}),
    "consultant_oordeel": Geval(
        "consultant_ov", lambda o: f"/netwerken/{o.x}/erkenning/review/E4",
        lambda o: {"review-oordeel": "opmerking", "review-tekst": "Bijna."}, "review_opmerking",
        nieuw=lambda o: {"netwerk_id": o.x, "voorwaarde": "E4", "auteur_id": o.consultant_ov,
                         "antwoord_op_id": None, "oordeel": "opmerking"}),
}
