"""A network whose every user-editable text holds an XSS/SSTI/formula canary, and the checks.

`bouw(app)` fills every String/Text column a user can edit (checked against the models by
tests/test_xss_crawler.py) with a canary; the free-text fields of actions, review, verwijzing and
'bewust niet' go through the real forms, posted by users whose name (and, for one, e-mail address)
is hostile too, so the audit log carries it. `problemen_html(text)` lists what must never be in an
HTML response.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser

from defusedxml import ElementTree
from sqlalchemy import select

from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.erkenning import operations as erkenning_ops
from huisvanhetkind.erkenning.models import Actie, AanvraagVersie, Engagement, ReviewOpmerking
from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import BewustNiet, Indicator, Verwijzing
from huisvanhetkind.partners import eigendom
from huisvanhetkind.partners.models import Organisatie, WerkingsgebiedDeel
from huisvanhetkind.domein.zelfevaluatie import KERNPRINCIPES
from huisvanhetkind.zelfevaluatie.models import Zelfevaluatie
from tests import factories as f

IMG = '"><img src=x onerror=alert(1)>'
SCRIPT = "</script><script>alert(1)</script>"
HREF = '<a href="javascript:alert(1)">k</a>'
SSTI = "SSTI{{7*7}}"  # rendered as a template it would read SSTI49
PAYLOAD = IMG + SCRIPT + HREF + SSTI  # 110 characters: fits every String(200)
MIDDEL = IMG + SCRIPT + SSTI  # 75: String(100) columns
KORT = IMG + SSTI  # 41: String(50) columns
POSTCODE = "<i>{{7*7}}"  # String(10)
EMAIL = IMG + SSTI + "@xss.invalid"
WEBSITE = "javascript:alert(1)"  # URL-ish fields: never a clickable href
BEWIJS_LINK = "JaVaScRiPt:alert(1)//" + IMG
# a spreadsheet would run these as formulas: exports must store them as text
FORMULES = ('=HYPERLINK("https://x.invalid","formule")', "@SUM(1+1)", "+1+1", "-1+1")
SINT_NIKLAAS, TEMSE = "46021", "46025"


def canary(tag: str, payload: str = PAYLOAD) -> str:
    """A canary that names its field, so a leak says where it came from."""
    return f"{tag} {payload}"


# raw fragments that only unescaped user data can produce
VERBODEN = (
    (re.compile(r"<img\s+src=x\s+onerror", re.I), "raw <img onerror>"),
    (re.compile(r"<script>alert", re.I), "raw <script>alert"),
    (re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:""", re.I),
     "javascript: URL in an attribute"),
    (re.compile(r"SSTI49", re.I), "{{7*7}} evaluated"),
    (re.compile(r"<i>(?:\{\{7\*7\}\}|49)"), "raw <i> from the postcode"),
)


class _Elementen(HTMLParser):
    """Collects what a browser would run: event handlers, scripts, javascript: links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fouten: list[str] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for naam, waarde in attrs:
            if naam.startswith("on"):
                self.fouten.append(f"<{tag} {naam}=...> event handler")
            if naam in ("href", "src", "action", "formaction") and (waarde or "").strip() \
                    .lower().startswith(("javascript:", "data:text/html", "vbscript:")):
                self.fouten.append(f"<{tag} {naam}={waarde!r}>")
        if tag == "script":
            self._in_script = a

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            if self._in_script.get("type") != "application/json":
                self.fouten.append(f"inline script: {data[:60]!r}")
            elif "<" in data:  # tojson writes < as \u003c: a raw one could close the block
                self.fouten.append("raw < inside a JSON script block")
            else:
                try:
                    json.loads(data)
                except ValueError:
                    self.fouten.append(f"JSON script block that is no JSON: {data[:60]!r}")


def problemen_html(text: str) -> list[str]:
    fouten = [label for rx, label in VERBODEN if rx.search(text)]
    parser = _Elementen()
    parser.feed(text)
    return fouten + parser.fouten


def problemen_xml(data: bytes) -> tuple[list[str], set[str]]:
    """XML (gexf, graphml, svg) parsed safely: (problems, every text and attribute value)."""
    root = ElementTree.fromstring(data)  # defusedxml: no entities, no external references
    fouten, teksten = [], set()
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject", "img", "iframe"):
            fouten.append(f"element <{tag}>")
        for attr, waarde in el.attrib.items():
            kaal = attr.rsplit("}", 1)[-1].lower()
            if kaal.startswith("on"):
                fouten.append(f"attribute {kaal}")
            if kaal == "href" and waarde.strip().lower().startswith("javascript:"):
                fouten.append(f"href {waarde!r}")
            teksten.add(waarde)
        teksten.add(el.text or "")
    return fouten, teksten


def strings(data):
    """Every string in decoded JSON, keys included."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, w in data.items():
            yield from strings(k)
            yield from strings(w)
    elif isinstance(data, list):
        for w in data:
            yield from strings(w)


@dataclass
class Vijandig:
    netwerk: int
    org: int  # every field hostile
    org2: int
    formule_org: int  # name and key that a spreadsheet would run
    aanbod: int
    formule_aanbod: int
    lid: int
    contact: int
    verwijzing: int
    engagement: int
    actie: int
    formule_actie: int
    opmerking: int
    bewust_niet: int
    werkingsgebied: int
    beheerder: int
    coordinator: int
    coordinator_email: int  # a coordinator whose e-mail address is hostile: the audit log shows it
    consultant: int
    partner: int
    emails: dict  # role → login e-mail (all plain)
    versie: int = 0  # the first frozen version of the network's aanvraag
    token: int = 0  # a personal API token of the coordinator with the hostile e-mail address
    zelfevaluatie: int = 0  # a zelfevaluatie whose remarks are hostile, linked to the action
    meetmoment: int = 0  # a samenwerkingsbevraging with a hostile name, its results shown
    deelname: int = 0  # the partner's own answer in it


def client_voor(app, user_id: int):
    """A test client logged in as the user (as tests.fixtures.login, without a password)."""
    client = app.test_client()
    with app.app_context():
        token = db.session.get(Gebruiker, user_id).get_id()
    with client.session_transaction() as sess:
        sess["_user_id"] = token
        sess["_fresh"] = True
        sess["aangemeld_om"] = time.time()
    return client


def _post(client, url: str, data: dict) -> None:
    r = client.post(url, data=data)
    assert r.status_code in (302, 303), (url, r.status_code, r.get_data(as_text=True)[:2000])


def _bevraging(net_id: int, org_id: int) -> tuple[int, int]:
    """A meetmoment with a hostile name that all three members finished (its results, with
    every member's hostile name, are shown); the partner's own participation."""
    from huisvanhetkind.bevraging import operations as bevraging
    vandaag = date.today()
    m = bevraging.open_meetmoment(net_id, canary("Meetmoment"), vandaag + timedelta(days=7),
                                  vandaag)
    orgs = [d.organisatie_id for d in m.deelnames]
    for d in m.deelnames:
        relaties = {p: {"intensiteit": "coordinatie", "bijdragen": ["geld"],
                        **{c: 3 for c in ("openheid", "betrouwbaarheid", "missie", "invloed",
                                          "middelen", "betrokkenheid")}}
                    for p in orgs if p != d.organisatie_id}
        bevraging.bewaar_antwoord(d, relaties, True, d.version, vandaag)
    return m.id, next(d.id for d in m.deelnames if d.organisatie_id == org_id)


def bouw(app) -> Vijandig:
    """The hostile network; needs CSRF off (the default test config)."""
    vandaag = date.today()
    with app.app_context():
        erkend = vandaag - timedelta(days=200)
        net = f.netwerk(canary("Netwerk"), gemeenten=(SINT_NIKLAAS,), rechtsvorm="vzw",
                        aanvraagdatum=erkend - timedelta(days=60), erkenningsdatum=erkend,
                        coordinator_naam=canary("Coordinatornaam"), coordinator_email=EMAIL,
                        beschrijving=canary("Netwerkbeschrijving"), publiek=True)
        deel = WerkingsgebiedDeel(netwerk_id=net.id, nis=TEMSE, deel=canary("Deel"))
        db.session.add(deel)
        org = f.organisatie(canary("Org"), sector="welzijn", gemeenten=(SINT_NIKLAAS, TEMSE),
                            straat=canary("Straat"), postcode=POSTCODE,
                            plaats=canary("Plaats", MIDDEL), email=EMAIL,
                            telefoon=KORT, website=WEBSITE,
                            beschrijving=canary("Orgbeschrijving"))
        org2 = f.organisatie(canary("Tweede org"), sector="kind_en_gezin",
                             gemeenten=(SINT_NIKLAAS,), website="https://ok.invalid/" + IMG)
        formule_org = f.organisatie(FORMULES[0], sector="lokaal_bestuur",
                                    gemeenten=(SINT_NIKLAAS,), email=FORMULES[2])
        lid = f.lid(net, org, rol=canary("Rol"), sleutel=canary("Sleutel", MIDDEL),
                    overeenkomst_getekend=True, overeenkomst_datum=erkend)
        f.lid(net, org2, overeenkomst_getekend=True)
        f.lid(net, formule_org, sleutel=FORMULES[3])
        contact = f.contactpersoon(org, canary("Contact"), functie=canary("Functie"),
                                   email=EMAIL, telefoon=KORT)
        aanbod = f.aanbod(org, canary("Aanbod"), sleutel=canary("Aanbodsleutel", MIDDEL),
                          beschrijving=canary("Aanbodbeschrijving"),
                          contact=canary("Aanbodcontact"), openingsuren=canary("Openingsuren"),
                          functies=("ontmoeting", "gezinsondersteuning"),
                          leeftijdsgroepen=("0-3", "3-6"))
        formule_aanbod = f.aanbod(formule_org, FORMULES[1], sleutel=FORMULES[0])
        f.aanbod(org2, "Consultatiebureau", "consultatiebureau", verplicht_kg=True,
                 functies=("gezinsondersteuning",), leeftijdsgroepen=("0-3",))
        erkenning_ops.laad_zorgregio({SINT_NIKLAAS: canary("Zorgregio"),
                                      TEMSE: canary("Zorgregio")})
        db.session.add(Indicator(nis=SINT_NIKLAAS, jaar=2024, indicator="kinderen_0_3",
                                 waarde=900.0, bron=canary("Bron")))
        gebruikers = {
            "beheerder": f.gebruiker("beheerder", "beheerder@xss.test"),
            "coordinator": f.gebruiker("coordinator", "coord@xss.test", netwerken=[net]),
            "coordinator_email": f.gebruiker("coordinator", EMAIL.lower(), netwerken=[net]),
            "consultant": f.gebruiker("consultant", "cons@xss.test",
                                      provincies=["Oost-Vlaanderen"]),
            "partner": f.gebruiker("partner", "partner@xss.test", organisatie=org),
        }
        for rol, g in gebruikers.items():
            g.naam = canary(f"Gebruiker-{rol}")
        formule_actie = erkenning_ops.nieuwe_actie(
            net.id, "E7", beschrijving=FORMULES[0], trekker_id=formule_org.id,
            deadline=vandaag + timedelta(days=30), bewijs=FORMULES[1])
        ids = {rol: g.id for rol, g in gebruikers.items()}
        emails = {rol: g.email for rol, g in gebruikers.items()}
        net_id, org_id, org2_id = net.id, org.id, org2.id
        rest = dict(formule_org=formule_org.id, aanbod=aanbod.id,
                    formule_aanbod=formule_aanbod.id, lid=lid.id, contact=contact.id,
                    formule_actie=formule_actie.id)
        db.session.commit()

    # the free-text fields through the real forms, by users whose name is hostile
    coord = client_voor(app, ids["coordinator_email"])
    _post(coord, f"/netwerken/{net_id}/acties/nieuw", {
        "voorwaarde": "E6", "beschrijving": canary("Actie"), "trekker_id": org_id,
        "deadline": (vandaag + timedelta(days=60)).isoformat(), "status": "gerealiseerd",
        "bewijs": canary("Bewijs"), "bewijs_link": ""})
    _post(coord, f"/netwerken/{net_id}/verwijzingen/nieuw?van={org_id}", {
        "naar_id": org2_id, "soort": "doorverwijzing", "aantal_per_jaar": "12",
        "opmerking": canary("Verwijzingsopmerking")})
    _post(coord, f"/netwerken/{net_id}/dekking/bewust-niet?functie=vrije_tijd&leeftijdsgroep=6-12",
          {"bereik": "alle", "reden": canary("Bewust-niet-reden")})
    _post(client_voor(app, ids["consultant"]), f"/netwerken/{net_id}/erkenning/review/E1",
          {"review-oordeel": "opmerking", "review-tekst": canary("Reviewopmerking")})

    with app.app_context():
        opmerking = db.session.scalar(select(ReviewOpmerking).where(
            ReviewOpmerking.netwerk_id == net_id))
        opmerking_id = opmerking.id
    _post(coord, f"/netwerken/{net_id}/erkenning/review/E1/{opmerking_id}/antwoord",
          {f"antwoord-{opmerking_id}-tekst": canary("Reviewantwoord")})

    # the aanvraag through every step, each free text hostile (domein.md §11)
    beheerder, cons = client_voor(app, ids["beheerder"]), client_voor(app, ids["consultant"])
    url = f"/netwerken/{net_id}/aanvraag"
    for client, stap, velden in (
            (coord, "indienen", {"toelichting": canary("Indiening")}),
            (cons, "nemen", {}),
            (cons, "adviseren", {"advies": "ongunstig", "motivatie": canary("Advies")}),
            (coord, "herindienen", {"toelichting": canary("Herziening")}),
            (cons, "nemen", {}),
            (cons, "adviseren", {"advies": "gunstig", "motivatie": canary("Advies2")}),
            (beheerder, "beslissen", {"beslissing": "geweigerd", "datum": vandaag.isoformat(),
                                      "motivatie": canary("Beslissing")})):
        # the state and version the page shows, as a user's form carries them
        pagina = client.get(url).get_data(as_text=True)
        gezien = dict(re.findall(rf'name="{stap}-(toestand|version)" type="hidden" '
                                 r'value="([^"]*)"', pagina))
        _post(client, f"{url}/{stap}", {f"{stap}-{k}": w for k, w in {**gezien, **velden}.items()})

    with app.app_context():
        # consent (domein.md §10): an open and a declined invitation from another network, an
        # open and a declined proposal, every free text hostile
        net2 = f.netwerk(canary("Ander netwerk"), gemeenten=(TEMSE,))
        eigendom.nodig_uit(net2.id, org_id, ids["coordinator"], rol=canary("Uitnodigingsrol"),
                           boodschap=canary("Uitnodiging"))
        u2 = eigendom.nodig_uit(net2.id, org2_id, ids["coordinator"])
        eigendom.weiger_uitnodiging(u2, ids["beheerder"], u2.version, canary("Weigering"))
        org_obj = db.session.get(Organisatie, org_id)
        eigendom.stel_voor(org_obj, net_id, ids["coordinator"], {"plaats": canary("Voorstel")},
                           canary("Voorsteltoelichting"))
        v2 = eigendom.stel_voor(org_obj, net_id, ids["coordinator"], {"straat": "Kerkstraat 1"})
        eigendom.weiger_voorstel(v2, ids["partner"], v2.version, canary("Voorstelweigering"))
        db.session.commit()

    # a zelfevaluatie kernprincipes: hostile remarks, a weak point linked to the hostile action
    zelfevaluatie = {"datum": vandaag.isoformat(), "toelichting": canary("Zelfevaluatie")}
    for k in KERNPRINCIPES:
        zelfevaluatie[f"score_{k}"] = "1" if k == "burgerschap" else "3"
        zelfevaluatie[f"opmerking_{k}"] = canary(f"Kernprincipe-{k}")
    _post(coord, f"/netwerken/{net_id}/zelfevaluatie/nieuw", zelfevaluatie)
    with app.app_context():
        zelfevaluatie_id = db.session.scalar(select(Zelfevaluatie.id).where(
            Zelfevaluatie.netwerk_id == net_id))
        actie_id = db.session.scalar(select(Actie.id).where(Actie.netwerk_id == net_id,
                                                            Actie.engagement.has(voorwaarde="E6")))
    _post(coord, f"/netwerken/{net_id}/zelfevaluatie/{zelfevaluatie_id}/burgerschap/actie",
          {"actie_id": actie_id, "version": "1"})

    with app.app_context():
        # what the forms refuse but older data, an import or the database may still hold
        actie = db.session.scalar(select(Actie).where(Actie.netwerk_id == net_id,
                                                      Actie.engagement.has(voorwaarde="E6")))
        actie.bewijs_link = BEWIJS_LINK
        engagement = db.session.get(Engagement, actie.engagement_id)
        engagement.toelichting = canary("Toelichting")
        verwijzing = db.session.scalar(select(Verwijzing).where(Verwijzing.van_id == org_id))
        bewust = db.session.scalar(select(BewustNiet).where(BewustNiet.netwerk_id == net_id))
        deel_id = db.session.scalar(select(WerkingsgebiedDeel.id).where(
            WerkingsgebiedDeel.netwerk_id == net_id, WerkingsgebiedDeel.nis == TEMSE))
        from huisvanhetkind.auth.operations import maak_token
        token, _ = maak_token(ids["coordinator_email"], canary("Tokennaam"), "lezen")
        uit = Vijandig(
            token=token.id, netwerk=net_id, org=org_id, org2=org2_id, **rest,
            verwijzing=verwijzing.id, engagement=engagement.id, actie=actie.id,
            opmerking=opmerking_id, bewust_niet=bewust.id, zelfevaluatie=zelfevaluatie_id,
            werkingsgebied=deel_id, beheerder=ids["beheerder"], coordinator=ids["coordinator"],
            coordinator_email=ids["coordinator_email"], consultant=ids["consultant"],
            partner=ids["partner"], emails=emails,
            versie=db.session.scalar(select(AanvraagVersie.id).where(
                AanvraagVersie.netwerk_id == net_id, AanvraagVersie.nummer == 1)))
        uit.meetmoment, uit.deelname = _bevraging(net_id, org_id)
        from huisvanhetkind.meldingen.operations import meld
        meld([ids["beheerder"], ids["partner"], ids["coordinator"]], "review", "review:canary",
             "", canary("Melding"), canary("Meldingtekst"), "/")
        db.session.commit()
    return uit
