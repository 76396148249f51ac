"""Access matrix (issue 7): every route × every actor × GET/POST against ONE explicit table.

The table below says, per endpoint, who may GET and who may POST, with the rules written once as
small functions over the actor (tests/toegang_helpers.py ACTOREN). Every object a route is tried on
lies in network X (Oost-Vlaanderen): organisation a → partner_a's own, b → another member of X,
y → a member of Y only. So coordinator_y, partner_y and consultant_ant are the "other" actors.

Expected: a permitted GET gives the table's status (200 unless said otherwise); a permitted POST
(minimal form, CSRF off) gives 200/400/422 (form errors), 302 or 409; a refused request gives 403,
or for an anonymous visitor 302 to the login page (401 for /api) — and leaves every table as it
was, apart from the audit entries that record the refusal.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import pytest
from flask import url_for

from huisvanhetkind.extensions import db
from tests.factories import WACHTWOORD
from tests.partners_helpers import aanbod_data
from tests.toegang_helpers import (ACTOR, ACTOREN, GEVALLEN, Objecten, Wie, client_voor,
                                   kruislings, maak_objecten, nieuwe_markering, snapshot, verschil,
                                   vijandig, wezenlijk)


# --- the rules, written once -------------------------------------------------------------------

def publiek(w: Wie) -> bool:
    return True


def aangemeld(w: Wie) -> bool:
    return w.aangemeld


def beheerder(w: Wie) -> bool:
    return w.rol == "beheerder"


def bewerkt_x(w: Wie) -> bool:
    """Edit network X, its members, engagements, imports: its coordinator and the beheerder."""
    return beheerder(w) or (w.rol == "coordinator" and w.netwerk == "x")


def consultant_x(w: Wie) -> bool:
    return w.rol == "consultant" and w.provincie == "ov"


def leest_x(w: Wie) -> bool:
    """Read network X: its editors, its member partners and the consultant of its province."""
    return bewerkt_x(w) or consultant_x(w) or (w.rol == "partner" and w.netwerk == "x")


def register_x(w: Wie) -> bool:
    """X's audit log and register export (they hold e-mail addresses): not every partner."""
    return bewerkt_x(w) or consultant_x(w)


def reviewdialoog_x(w: Wie) -> bool:
    return consultant_x(w) or bewerkt_x(w)


def bewerkt_org_a(w: Wie) -> bool:
    """Organisation a's details, contacts, aanbod and referrals: a itself, X's editors."""
    return bewerkt_x(w) or w.org == "a"


def beheert_org_a(w: Wie) -> bool:
    """Organisation a's own details, contacts and aanbod: a has a partner account, so only a
    itself and the beheerder change them (domein.md §10); X's coordinator proposes."""
    return beheerder(w) or w.org == "a"


def stelt_voor_org_a(w: Wie) -> bool:
    return w.rol == "coordinator" and w.netwerk == "x"


def bewerkt_y(w: Wie) -> bool:
    return beheerder(w) or (w.rol == "coordinator" and w.netwerk == "y")


def bewerkt_org_b(w: Wie) -> bool:
    """Confirming a referral a → b is the receiving organisation's business."""
    return bewerkt_x(w) or w.org == "b"


def overzicht(w: Wie) -> bool:
    return beheerder(w) or w.rol == "consultant"


def overzicht_antwerpen(w: Wie) -> bool:
    return beheerder(w) or (w.rol == "consultant" and w.provincie == "ant")


leest_org_a = leest_x  # organisation a is a member of X only


def na_aanmelding(w: Wie) -> int:
    """The login page: a form for visitors, a redirect to the start page once logged in."""
    return 302 if w.aangemeld else 200


# --- the table -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Regel:
    args: Callable[[Objecten], dict]  # url_for arguments (extra ones become the query string)
    get: Callable[[Wie], bool] | None = None  # who may GET; None: the route has no GET
    post: Callable[[Wie], bool] | None = None  # who may POST; None: the route has no POST
    get_ok: int | Callable[[Wie], int] = 200
    data: Callable[[Objecten], dict] | None = None  # POST body; default a minimal form
    put: Callable[[Wie], bool] | None = None  # the JSON API's PUT and DELETE (no If-Match sent:
    delete: Callable[[Wie], bool] | None = None  # a permitted one is 428 and writes nothing)
    json: bool = False  # the body is JSON (the API), not a form


def _x(o):
    return {"netwerk_id": o.x}


def _a(o):
    return {"organisatie_id": o.org_a}


def _geen(o):
    return {}


def _zelfevaluatie(o):
    return {"netwerk_id": o.x, "zelfevaluatie_id": o.zelfevaluatie_x}


def eigen_token(app, user_id: int) -> int:
    """A personal API token of this user (made once)."""
    from sqlalchemy import select
    from huisvanhetkind.auth.models import ApiToken
    from huisvanhetkind.auth.operations import maak_token
    with app.app_context():
        bestaand = db.session.scalar(select(ApiToken.id).where(ApiToken.gebruiker_id == user_id))
        if bestaand:
            return bestaand
        token, _ = maak_token(user_id, "matrix", "lezen")
        db.session.commit()
        return token.id


def _hsds(soort: str, attr: str):
    from huisvanhetkind.partners.export.hsds import uid
    return lambda o: {"hsds_id": uid(soort, getattr(o, attr))}


def hsds_ziet_a(w: Wie) -> int:
    """The HSDS API shows a's aanbod to whoever may read X (X does not publish here)."""
    return 200 if leest_org_a(w) else 404


CEL = {"functie": "ontmoeting", "leeftijdsgroep": "3-6"}
TERM = "8b508f02-249f-515e-b0fe-db06491cb7a9"  # functie 'ontmoeting' (partners/export/hsds.py)
TAXONOMIE = "ae740b70-4f13-5aab-b14a-d3592e67c321"  # functie

TABEL: dict[str, Regel] = {
    # Public: the login page, static files and the about page.
    "auth.login": Regel(_geen, get=publiek, post=publiek, get_ok=na_aanmelding),
    "static": Regel(lambda o: {"filename": "css/hvk.css"}, get=publiek),
    "bootstrap.static": Regel(lambda o: {"filename": "css/bootstrap.min.css"},
                              get=publiek),
    "main.vendor": Regel(lambda o: {"filename": "vis-network.min.js"}, get=publiek),
    "main.gezondheid": Regel(_geen, get=publiek),
    "referentie.over": Regel(_geen, get=publiek),
    # Password reset and the one-click 'nog actueel' link: the signed token is the permission
    # (a forged one is refused with 400 for everyone); asking a reset link once logged in
    # redirects to changing one's own password.
    "auth.wachtwoord_vergeten": Regel(_geen, get=publiek, post=publiek, get_ok=na_aanmelding),
    "auth.wachtwoord_herstellen": Regel(lambda o: {"token": "vervalst"}, get=publiek,
                                        post=publiek, get_ok=400),
    "meldingen.nog_actueel": Regel(lambda o: {"token": "vervalst"}, get=publiek, post=publiek,
                                   get_ok=400),
    # The public guide: X does not publish, so it is not there (404) but for those who may
    # publish it, who preview it (a publishing network's guide: tests/test_gids.py).
    "gids.gids": Regel(_x, get=publiek, get_ok=lambda w: 200 if bewerkt_x(w) else 404),
    "gids.aanbod": Regel(lambda o: {"netwerk_id": o.x, "aanbod_id": o.aanbod_a}, get=publiek,
                         get_ok=lambda w: 200 if bewerkt_x(w) else 404),

    # The HSDS API is open data: anyone, each seeing what they may (X does not publish here).
    "hsds.meta": Regel(_geen, get=publiek),
    "hsds.openapi_document": Regel(_geen, get=publiek),
    "hsds.services": Regel(_geen, get=publiek),
    "hsds.service": Regel(lambda o: {"service_id": _hsds("aanbod", "aanbod_a")(o)["hsds_id"]},
                          get=publiek, get_ok=hsds_ziet_a),
    "hsds.organizations": Regel(_geen, get=publiek),
    "hsds.organization": Regel(
        lambda o: {"organization_id": _hsds("organisatie", "org_a")(o)["hsds_id"]},
        get=publiek, get_ok=hsds_ziet_a),
    "hsds.service_at_locations": Regel(_geen, get=publiek),
    # organisation a has no address in this world: no service_at_location for anyone
    "hsds.service_at_location": Regel(
        lambda o: {"sal_id": _hsds("service_at_location", "aanbod_a")(o)["hsds_id"]},
        get=publiek, get_ok=404),
    "hsds.taxonomies": Regel(_geen, get=publiek),
    "hsds.taxonomy": Regel(lambda o: {"taxonomy_id": TAXONOMIE}, get=publiek),
    "hsds.taxonomy_terms": Regel(_geen, get=publiek),
    "hsds.taxonomy_term": Regel(lambda o: {"term_id": TERM}, get=publiek),

    # Any logged-in user; their own password and logout (consultants included).
    "main.start": Regel(_geen, get=aangemeld),
    "partners.netwerken": Regel(_geen, get=aangemeld),
    "referentie.referentie": Regel(_geen, get=aangemeld),
    "api.openapi_document": Regel(_geen, get=aangemeld),
    "partners.import_sjabloon": Regel(_geen, get=aangemeld),
    "auth.wachtwoord": Regel(_geen, get=aangemeld, post=aangemeld),
    "auth.logout": Regel(_geen, post=aangemeld),
    # One's own notifications and their settings.
    "meldingen.meldingen": Regel(_geen, get=aangemeld),
    "meldingen.gelezen": Regel(_geen, post=aangemeld),
    "meldingen.instellingen": Regel(_geen, get=aangemeld, post=aangemeld),
    "meldingen.uitgaande_mail": Regel(_geen, get=beheerder),
    "auth.tokens": Regel(_geen, get=aangemeld, post=aangemeld),
    "auth.token_intrekken": Regel(lambda o: {"token_id": eigen_token(o.app, o.partner_a)},
                                  get=lambda w: w.naam == "partner_a",
                                  post=lambda w: w.naam == "partner_a"),
    "api.netwerken": Regel(_geen, get=aangemeld),
    "api.aanbod_lijst": Regel(_geen, get=aangemeld),

    # Beheerder only: users, reference data, new networks, the whole audit log, GDPR requests.
    "auth.gebruikers": Regel(_geen, get=beheerder),
    "auth.gebruiker_nieuw": Regel(_geen, get=beheerder, post=beheerder),
    "auth.gebruiker_bewerken": Regel(lambda o: {"gebruiker_id": o.partner_b}, get=beheerder,
                                     post=beheerder),
    "audit.alles": Regel(_geen, get=beheerder),
    "audit.privacy": Regel(_geen, get=beheerder),
    "audit.privacy_export": Regel(lambda o: {"zoekterm": "sarah@partner-a.be"}, get=beheerder),
    "audit.privacy_anonimiseer": Regel(_geen, post=beheerder,
                                       data=lambda o: {"zoekterm": "sarah@partner-a.be"}),
    "audit.record_log#aanbod": Regel(lambda o: {"tabel": "aanbod", "record_id": o.aanbod_a},
                                     get=beheerder),
    "erkenning.zorgregio": Regel(_geen, get=beheerder, post=beheerder),
    "partners.netwerk_nieuw": Regel(_geen, get=beheerder, post=beheerder),
    "partners.import_nieuw": Regel(_geen, get=beheerder, post=beheerder),
    "partners.import_nieuw_bevestig": Regel(_geen, post=beheerder),

    # The consultants' overview: all consultants, or those of the chosen province.
    "graaf.provincie_overzicht": Regel(_geen, get=overzicht),
    "graaf.provincie_overzicht#antwerpen": Regel(lambda o: {"provincie": "Antwerpen"},
                                                 get=overzicht_antwerpen),

    # Reading network X. Choosing X in the navigation only keeps it in the session.
    "partners.netwerk": Regel(_x, get=leest_x),
    "partners.leden": Regel(_x, get=leest_x),
    "partners.aanbod_lijst": Regel(_x, get=leest_x),
    "partners.aanbod_overzicht": Regel(_x, get=leest_x),
    "erkenning.dashboard": Regel(_x, get=leest_x),
    "erkenning.dossier": Regel(_x, get=leest_x),
    "erkenning.dossier_pdf": Regel(_x, get=leest_x),
    "erkenning.engagementen": Regel(_x, get=leest_x),
    # the former address of 'wat als': a redirect to graaf.wat_als for whoever may read X
    "erkenning.wat_als": Regel(lambda o: {"netwerk_id": o.x, "partner": o.org_a}, get=leest_x,
                               get_ok=308),
    "graaf.analyse": Regel(_x, get=leest_x),
    "graaf.dekking": Regel(_x, get=leest_x),
    "graaf.dekking_afbeelding": Regel(lambda o: {"netwerk_id": o.x, "formaat": "svg"},
                                      get=leest_x),
    "graaf.dekking_cel": Regel(lambda o: {"netwerk_id": o.x, **CEL}, get=leest_x),
    # the omgevingsanalyse: whoever reads the coverage matrix (issue 17.3)
    "graaf.omgeving": Regel(_x, get=leest_x),
    "graaf.omgeving_afbeelding": Regel(_x, get=leest_x),
    "graaf.graaf_data": Regel(_x, get=leest_x),
    "graaf.netwerk_graaf": Regel(_x, get=leest_x),
    "graaf.verwijzingen": Regel(_x, get=leest_x),
    "graaf.wat_als": Regel(lambda o: {"netwerk_id": o.x, "partner": o.org_a}, get=leest_x),
    "api.erkenning": Regel(_x, get=leest_x),
    "api.netwerk_analyse": Regel(_x, get=leest_x),
    "main.netwerk_kiezen": Regel(_geen, post=leest_x, data=lambda o: {"netwerk_id": o.x}),
    "partners.organisatie": Regel(_a, get=leest_org_a),
    "partners.aanbod": Regel(lambda o: {"aanbod_id": o.aanbod_a}, get=leest_org_a),

    # X's audit log and register export: editors and the province's consultant. The history of
    # organisation a: the same, and a itself (not the other partners of X).
    "audit.record_log#organisatie": Regel(
        lambda o: {"tabel": "organisatie", "record_id": o.org_a},
        get=lambda w: register_x(w) or bewerkt_org_a(w)),
    "audit.netwerk_log": Regel(_x, get=register_x),
    "audit.record_log#netwerk": Regel(lambda o: {"tabel": "netwerk", "record_id": o.x},
                                      get=register_x),
    "partners.export": Regel(_x, get=register_x),
    "partners.export_bestand": Regel(lambda o: {"netwerk_id": o.x, "formaat": "xlsx"},
                                     get=register_x),

    # Editing network X: members, aanbod for any member, import, engagements, 'bewust niet'.
    "partners.netwerk_bewerken": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "gids.publicatie": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    # the zelfevaluatie kernprincipes (domein.md §12): read as the network, scored and linked to
    # actions by those who edit it
    "zelfevaluatie.overzicht": Regel(_x, get=leest_x),
    "zelfevaluatie.export": Regel(_x, get=leest_x),
    "zelfevaluatie.tonen": Regel(_zelfevaluatie, get=leest_x),
    "zelfevaluatie.nieuw": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "zelfevaluatie.bewerken": Regel(_zelfevaluatie, get=bewerkt_x, post=bewerkt_x),
    "zelfevaluatie.koppelen": Regel(lambda o: {**_zelfevaluatie(o), "kernprincipe": "burgerschap"},
                                    get=bewerkt_x, post=bewerkt_x),
    "zelfevaluatie.actie_maken": Regel(
        lambda o: {**_zelfevaluatie(o), "kernprincipe": "burgerschap"}, get=bewerkt_x,
        post=bewerkt_x),
    # The samenwerkingsbevraging (domein.md §12): X's readers see the aggregated results; its
    # editors open and close a meetmoment; only organisation a itself reads and answers its own.
    "bevraging.overzicht": Regel(_x, get=leest_x),
    "bevraging.nieuw": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "bevraging.resultaat": Regel(lambda o: {"meetmoment_id": o.meetmoment_x}, get=leest_x),
    "bevraging.export": Regel(lambda o: {"meetmoment_id": o.meetmoment_x}, get=leest_x),
    "bevraging.sluiten": Regel(lambda o: {"meetmoment_id": o.meetmoment_x}, post=bewerkt_x),
    "bevraging.antwoord": Regel(lambda o: {"deelname_id": o.deelname_a},
                                get=lambda w: w.org == "a", post=lambda w: w.org == "a"),
    "partners.lid_toevoegen": Regel(_x, get=bewerkt_x),
    "partners.lid_bestaand": Regel(lambda o: {"netwerk_id": o.x, "organisatie_id": o.org_y},
                                   get=bewerkt_x, post=bewerkt_x),
    "partners.lid_bewerken": Regel(lambda o: {"netwerk_id": o.x, "lid_id": o.lid_b},
                                   get=bewerkt_x, post=bewerkt_x),
    "partners.lid_beeindigen": Regel(lambda o: {"netwerk_id": o.x, "lid_id": o.lid_b},
                                     get=bewerkt_x, post=bewerkt_x),
    "partners.organisatie_nieuw": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "partners.aanbod_nieuw_netwerk": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "partners.import_upload": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "partners.import_bevestig": Regel(_x, post=bewerkt_x),
    "partners.import_annuleer": Regel(_x, post=bewerkt_x),
    "partners.import_resultaat": Regel(_x, get=bewerkt_x, get_ok=302),  # no import: to upload
    "erkenning.actie_nieuw": Regel(_x, get=bewerkt_x, post=bewerkt_x),
    "erkenning.actie_bewerken": Regel(lambda o: {"netwerk_id": o.x, "actie_id": o.actie_x},
                                      get=bewerkt_x, post=bewerkt_x),
    "erkenning.actie_verwijderen": Regel(lambda o: {"netwerk_id": o.x, "actie_id": o.actie_x},
                                         get=bewerkt_x, post=bewerkt_x),
    "graaf.bewust_niet": Regel(lambda o: {"netwerk_id": o.x, **CEL}, get=bewerkt_x,
                               post=bewerkt_x),
    "graaf.bewust_niet_verwijderen": Regel(
        lambda o: {"netwerk_id": o.x, "markering_id": nieuwe_markering(o.app, o.x)},
        post=bewerkt_x),

    # Review of X: the consultant of the province gives verdicts; X's editors answer them.
    "erkenning.review": Regel(lambda o: {"netwerk_id": o.x, "voorwaarde": "E4"},
                              get=reviewdialoog_x),
    "erkenning.review_opmerking": Regel(lambda o: {"netwerk_id": o.x, "voorwaarde": "E4"},
                                        post=consultant_x),
    "erkenning.review_antwoord": Regel(
        lambda o: {"netwerk_id": o.x, "voorwaarde": "E4", "opmerking_id": o.opmerking_x},
        post=bewerkt_x),

    # The aanvraag of X (domein.md §11): read by the review dialogue's parties; each step by its
    # roles (permissions.AANVRAAG_ROLLEN). A minimal POST (no state seen) is a form error.
    "erkenning.aanvraag": Regel(_x, get=reviewdialoog_x),
    "erkenning.aanvraag_versie": Regel(lambda o: {"netwerk_id": o.x, "versie_id": o.versie_x},
                                       get=reviewdialoog_x),
    "erkenning.aanvraag_versie_pdf": Regel(
        lambda o: {"netwerk_id": o.x, "versie_id": o.versie_x}, get=reviewdialoog_x),
    **{f"erkenning.aanvraag_stap#{stap}": Regel(lambda o, stap=stap: {"netwerk_id": o.x,
                                                                      "stap": stap}, post=wie)
       for stap, wie in (("indienen", bewerkt_x), ("herindienen", bewerkt_x),
                         ("intrekken", bewerkt_x), ("rapporteren", bewerkt_x),
                         ("nemen", consultant_x), ("adviseren", consultant_x),
                         ("beslissen", beheerder))},

    # Organisation a (it has its own partner account): its details, contacts and aanbod.
    "partners.organisatie_bewerken": Regel(_a, get=beheert_org_a, post=beheert_org_a),
    "partners.contactpersoon_nieuw": Regel(_a, get=beheert_org_a, post=beheert_org_a),
    "partners.contactpersoon_bewerken": Regel(
        lambda o: {"organisatie_id": o.org_a, "contact_id": o.contact_a},
        get=beheert_org_a, post=beheert_org_a),
    "partners.contactpersoon_verwijderen": Regel(
        lambda o: {"organisatie_id": o.org_a, "contact_id": o.contact_a},
        get=beheert_org_a, post=beheert_org_a),
    "partners.aanbod_nieuw": Regel(_a, get=beheert_org_a, post=beheert_org_a),
    "partners.aanbod_bewerken": Regel(lambda o: {"aanbod_id": o.aanbod_a}, get=beheert_org_a,
                                      post=beheert_org_a),
    "partners.aanbod_verwijderen": Regel(lambda o: {"aanbod_id": o.aanbod_a},
                                         get=beheert_org_a, post=beheert_org_a),
    "partners.aanbod_nagekeken": Regel(lambda o: {"aanbod_id": o.aanbod_a}, post=beheert_org_a),
    # ... also through the JSON API (a session here; tokens in tests/test_api_tokens.py)
    "api.aanbod_nieuw": Regel(_geen, post=beheert_org_a, json=True,
                              data=lambda o: {"organisatie_id": o.org_a}),
    "api.aanbod": Regel(lambda o: {"aanbod_id": o.aanbod_a}, get=leest_org_a, put=beheert_org_a,
                        delete=beheert_org_a, json=True, data=lambda o: {}),
    # ... which X's coordinator may only propose, and a (or the beheerder) decides on.
    "partners.organisatie_voorstel": Regel(_a, get=stelt_voor_org_a, post=stelt_voor_org_a),
    "partners.aanbod_voorstel": Regel(lambda o: {"aanbod_id": o.aanbod_a}, get=stelt_voor_org_a,
                                      post=stelt_voor_org_a),
    "partners.voorstel_antwoord": Regel(lambda o: {"voorstel_id": o.voorstel_xa},
                                        post=beheert_org_a,
                                        data=lambda o: {"keuze": "weigeren", "version": "1"}),
    # Membership needs consent: Y invited a; only a answers (it has its own account), only Y's
    # editors withdraw; everyone sees what waits for their own answer.
    "partners.uitnodiging_antwoord": Regel(lambda o: {"uitnodiging_id": o.uitnodiging_ya},
                                           post=lambda w: w.org == "a",
                                           data=lambda o: {"keuze": "weigeren", "version": "1"}),
    "partners.uitnodiging_intrekken": Regel(
        lambda o: {"netwerk_id": o.y, "uitnodiging_id": o.uitnodiging_ya}, post=bewerkt_y,
        data=lambda o: {"version": "1"}),
    "partners.te_beantwoorden": Regel(_geen, get=aangemeld),
    # The referrals a records: a itself, and X's editors (X is the only network relying on it).
    "graaf.verwijzing_nieuw": Regel(lambda o: {"netwerk_id": o.x, "van": o.org_a},
                                    get=bewerkt_org_a, post=bewerkt_org_a),
    "graaf.verwijzing_bewerken": Regel(
        lambda o: {"netwerk_id": o.x, "verwijzing_id": o.verwijzing_ab},
        get=bewerkt_org_a, post=bewerkt_org_a),
    "graaf.verwijzing_verwijderen": Regel(
        lambda o: {"netwerk_id": o.x, "verwijzing_id": o.verwijzing_ab},
        get=bewerkt_org_a, post=bewerkt_org_a),
    "graaf.verwijzing_tel": Regel(
        lambda o: {"netwerk_id": o.x, "verwijzing_id": o.verwijzing_ab}, post=bewerkt_org_a),
    # ... and confirming it is up to the receiving organisation b.
    "graaf.verwijzing_bevestigen": Regel(
        lambda o: {"netwerk_id": o.x, "verwijzing_id": o.verwijzing_ab}, post=bewerkt_org_b),
}

# Consultants read and review; they change no data. The only POSTs that let a consultant write
# are these (checked below against the table, and in the matrix against the database):
CONSULTANT_SCHRIJFT = {
    "erkenning.review_opmerking": "hun eigen opmerking en oordeel per voorwaarde",
    "erkenning.aanvraag_stap": "een aanvraag in behandeling nemen en hun advies geven",
    "auth.wachtwoord": "hun eigen wachtwoord",
    "auth.tokens": "hun eigen persoonlijke API-tokens",
    "auth.logout": "zich afmelden",
    "meldingen.instellingen": "hun eigen keuze voor meldingen per e-mail",
    "meldingen.gelezen": "hun eigen meldingen als gelezen markeren",
}
# ... and these POSTs are permitted but write nothing at all (the matrix proves it):
CONSULTANT_POST_ZONDER_SCHRIJVEN = {
    "auth.login": "al aangemeld: enkel een doorverwijzing naar de startpagina",
    "main.netwerk_kiezen": "de netwerkkeuze in de navigatie: enkel in de sessie bewaard",
    "auth.wachtwoord_vergeten": "al aangemeld: een doorverwijzing naar het eigen wachtwoord",
    "auth.wachtwoord_herstellen": "een vervalste link: geweigerd (400)",
    "meldingen.nog_actueel": "een vervalste link: geweigerd (400)",
}

POST_TOEGESTAAN = {200, 302, 400, 409, 422, 428}  # form errors, done, stale or missing version
# A minimal body with a stale version: the form reads it (not the stored object), and a permitted
# edit or delete ends in form errors or 409, so the objects stay for the next actor.
MINIMAAL = {"version": "0"}


def _endpoint(sleutel: str) -> str:
    return sleutel.partition("#")[0]


METHODEN = ("GET", "POST", "PUT", "DELETE")


def _regels(regel: Regel):
    return zip(METHODEN, (regel.get, regel.post, regel.put, regel.delete))


def test_table_covers_every_route_and_method(app):
    routes = {}
    for rule in app.url_map.iter_rules():
        methods = rule.methods - {"HEAD", "OPTIONS"}
        assert methods <= set(METHODEN), f"{rule.endpoint}: {methods} is not in the matrix"
        routes[rule.endpoint] = routes.get(rule.endpoint, set()) | methods
    ontbreekt = sorted(set(routes) - {_endpoint(k) for k in TABEL})
    assert not ontbreekt, f"Routes missing from the access table: {ontbreekt}"
    weg = sorted({_endpoint(k) for k in TABEL} - set(routes))
    assert not weg, f"The table names routes that no longer exist: {weg}"
    for sleutel, regel in TABEL.items():
        table_methods = {m for m, r in _regels(regel) if r}
        assert table_methods == routes[_endpoint(sleutel)], sleutel


def test_consultants_post_only_their_own_review_password_and_logout():
    consultants = [w for w in ACTOREN if w.rol == "consultant"]
    toegelaten = set(CONSULTANT_SCHRIJFT) | set(CONSULTANT_POST_ZONDER_SCHRIJVEN)
    for sleutel, regel in TABEL.items():
        if regel.post and any(regel.post(w) for w in consultants):
            assert _endpoint(sleutel) in toegelaten, sleutel


def _verwacht_geweigerd(wie: Wie, url: str, r) -> str | None:
    if wie.aangemeld:
        return None if r.status_code == 403 else f"{r.status_code} instead of 403"
    if url.startswith("/api/"):
        return None if r.status_code == 401 else f"{r.status_code} instead of 401"
    if r.status_code == 302 and r.headers["Location"].startswith("/aanmelden"):
        return None
    return f"{r.status_code} {r.headers.get('Location', '')} instead of a redirect to login"


@pytest.mark.parametrize("sleutel", sorted(TABEL))
def test_toegangsmatrix(sleutel, app, wereld):
    regel = TABEL[sleutel]
    o = maak_objecten(app, wereld)
    endpoint = _endpoint(sleutel)
    fouten = []
    voor = None  # snapshot of the database, retaken after anything that may write
    for wie in ACTOREN:
        client = client_voor(app, o, wie)
        for methode, mag in _regels(regel):
            if mag is None:
                continue
            with app.test_request_context():
                url = url_for(endpoint, **regel.args(o))
            if voor is None:
                voor = snapshot(app)
            if methode == "GET":
                r = client.get(url)
            elif regel.json:
                r = client.open(url, method=methode, json=regel.data(o) if regel.data else {})
            else:
                r = client.post(url, data=regel.data(o) if regel.data else MINIMAAL)
            wat = f"{wie.naam} {methode} {url}"
            if r.status_code >= 500:
                fouten.append(f"{wat}: {r.status_code}")
                voor = None
                continue
            if mag(wie):
                ok = regel.get_ok(wie) if callable(regel.get_ok) else regel.get_ok
                if methode == "GET" and r.status_code != ok:
                    fouten.append(f"{wat}: {r.status_code} instead of {ok}")
                if methode != "GET" and r.status_code not in POST_TOEGESTAAN:
                    fouten.append(f"{wat}: permitted but got {r.status_code}")
                schrijft = methode != "GET" and (
                    wie.rol != "consultant" or endpoint in CONSULTANT_SCHRIJFT)
                if schrijft or methode == "GET":
                    voor = None
                    continue
            else:
                fout = _verwacht_geweigerd(wie, url, r)
                if fout:
                    fouten.append(f"{wat}: {fout}")
            na = snapshot(app)
            if na != voor:
                fouten.append(f"{wat}: the database changed: {verschil(voor, na)}")
                voor = na
    assert not fouten, "\n".join(fouten)


# --- ids of network X through network Y ---------------------------------------------------------

def test_ids_of_network_x_are_not_reachable_through_network_y(app, wereld):
    o = maak_objecten(app, wereld)
    fouten = []
    for naam, methode, url, data in kruislings(o):
        client = client_voor(app, o, ACTOR[naam])
        voor = snapshot(app)
        r = client.get(url) if methode == "GET" else client.post(url, data=data)
        if r.status_code not in (403, 404):
            fouten.append(f"{naam} {methode} {url}: {r.status_code}")
        if wijzigingen := wezenlijk(verschil(voor, snapshot(app))):
            fouten.append(f"{naam} {methode} {url}: {wijzigingen}")
    assert not fouten, "\n".join(fouten)


def test_coordinator_of_y_cannot_touch_links_of_x_through_a_shared_partner(app, wereld):
    """Partner a is a member of X and of Y: Y's coordinator edits a in Y, not X's links of a."""
    from huisvanhetkind.partners.models import Netwerk, Organisatie
    from tests import factories as f
    o = maak_objecten(app, wereld)
    with app.app_context():
        f.lid(db.session.get(Netwerk, o.y), db.session.get(Organisatie, o.org_a))
        db.session.commit()
    c = client_voor(app, o, ACTOR["coordinator_y"])
    assert c.get(f"/netwerken/{o.x}").status_code == 403  # X is not theirs to read
    base = f"/netwerken/{o.x}/verwijzingen"
    voor = snapshot(app)
    statussen = [c.get(f"{base}/{o.verwijzing_ab}/bewerken").status_code,
                 c.post(f"{base}/{o.verwijzing_ab}/tel").status_code,
                 c.post(f"{base}/nieuw?van={o.org_a}",
                        data={"naar_id": o.org_b, "soort": "samenwerking"}).status_code]
    assert statussen == [403, 403, 403] and not wezenlijk(verschil(voor, snapshot(app)))


# --- no mass assignment --------------------------------------------------------------------------

def _post(app, o, geval):
    client = client_voor(app, o, ACTOR[geval.wie])
    legit = geval.form(o)
    data = {**{k: v for k, v in vijandig(o).items() if k not in legit}, **legit}
    voor = snapshot(app)
    r = client.post(geval.url(o), data=data)
    return r, voor, snapshot(app)


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_fields_a_form_does_not_offer_change_nothing(naam, app, wereld):
    geval = GEVALLEN[naam]
    o = maak_objecten(app, wereld)
    r, voor, na = _post(app, o, geval)
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    wijzigingen = wezenlijk(verschil(voor, na))
    if geval.nieuw is None:
        sleutel = (geval.rij(o),)
        assert wijzigingen, "the legitimate change was not saved"
        assert {(t, k) for t, k, _ in wijzigingen} == {(geval.tabel, sleutel)}, wijzigingen
        # the version, naam_sleutel with naam and an aanbod's zoektekst with naam or beschrijving
        # (their normalised copies) follow the form's fields
        afgeleid = {"version"} | ({"naam_sleutel"} if "naam" in geval.mag else set()) | (
            {"zoektekst"} if {"naam", "beschrijving"} & set(geval.mag) else set())
        assert {c for _, _, c in wijzigingen} <= set(geval.mag) | afgeleid, wijzigingen
        oud, nieuw = voor[geval.tabel][sleutel], na[geval.tabel][sleutel]
        assert nieuw["version"] == oud["version"] + 1  # never the posted or a hostile value
    else:
        bij = [(t, k) for t, k, c in wijzigingen if c == "+"]
        assert [t for t, _ in bij] == [geval.tabel] and len(wijzigingen) == 1, wijzigingen
        rij = na[geval.tabel][bij[0][1]]
        assert {k: rij[k] for k in geval.nieuw(o)} == geval.nieuw(o)


@pytest.mark.parametrize("wie,url,data,status", [
    # a coordinator enters aanbod only for members of their own network
    ("coordinator_x", "/netwerken/{x}/aanbod/nieuw", {"organisatie_id": "{org_y}"}, 422),
    # a partner links only to members of the network
    ("partner_a", "/netwerken/{x}/verwijzingen/nieuw?van={org_a}",
     {"naar_id": "{org_y}", "soort": "samenwerking"}, 422),
])
def test_choices_outside_ones_own_network_are_refused(wie, url, data, status, app, wereld):
    o = maak_objecten(app, wereld)
    ids = {"x": o.x, "org_a": o.org_a, "org_y": o.org_y}
    data = {**aanbod_data(), **{k: v.format(**ids) for k, v in data.items()}}
    client = client_voor(app, o, ACTOR[wie])
    voor = snapshot(app)
    assert client.post(url.format(**ids), data=data).status_code == status  # the form, with errors
    assert not wezenlijk(verschil(voor, snapshot(app)))


# --- redirects after login stay on this site (//evil.example/x: tests/test_auth.py) ------------

BUITEN_DE_SITE = [
    "https://evil.example", "http://evil.example/netwerken", "/\\evil.example", "\\\\evil.example",
    "\\/evil.example", "///evil.example", "/\t/evil.example", "javascript:alert(1)",
    "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example",
    " //evil.example", "https:evil.example", "//evil.example/x",
    # control characters, plain or percent-encoded: a CR/LF in the Location header was a 500
    "/netwerken\r\nSet-Cookie: x=y", "/netwerken%0d%0aSet-Cookie:%20x=y", "/netwerken%0A",
    "/a\x00", "/a%00", "/a%7F", "/a\x7f", "/a%09b", "/a\x1bb",
]


def test_safe_next_keeps_only_paths_of_this_site(app):
    from huisvanhetkind.auth.views import safe_next
    with app.test_request_context():
        assert safe_next("/netwerken/1?x=2") == "/netwerken/1?x=2"
        assert [d for d in BUITEN_DE_SITE if safe_next(d) != "/"] == []


@pytest.mark.parametrize("doel", ["https://evil.example", "/\\evil.example",
                                  "javascript:alert(1)"])
def test_login_never_redirects_off_the_site(doel, client, wereld):
    r = client.post("/aanmelden", query_string={"next": doel},
                    data={"email": "partner-a@test.be", "wachtwoord": WACHTWOORD})
    assert r.status_code == 302 and r.headers["Location"] == "/"


def test_next_after_saving_aanbod_stays_on_the_site(app, wereld):
    o = maak_objecten(app, wereld)
    client = client_voor(app, o, ACTOR["partner_a"])
    r = client.post(f"/organisaties/{o.org_a}/aanbod/nieuw",
                    query_string={"next": "https://evil.example"}, data=aanbod_data())
    plek = urlsplit(r.headers["Location"])
    assert r.status_code == 302 and not plek.scheme and not plek.netloc
    assert plek.path.startswith("/") and not plek.path.startswith("//")
