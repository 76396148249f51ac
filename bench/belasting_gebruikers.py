"""The simulated users of the load test (bench/belasting.py) and what they do.

Real accounts of the Flanders data set: coordinators of their own network, partners of an
organisation that is an active member of a network (with aanbod and referrals there), and
consultants with the networks of their province. Reads are their main pages; writes change only
what that account may change, so a refusal or conflict is an error, never expected behaviour.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bench import load

READS = (  # kind, path template, weight
    ("startpagina", "/", 2),
    ("netwerkpagina", "/netwerken/{n}", 2),
    ("aanbodlijst", "/netwerken/{n}/aanbod{filter}", 3),
    ("erkenningsdashboard", "/netwerken/{n}/erkenning", 2),
    ("graafdata (JSON)", "/netwerken/{n}/graaf.json", 1),
    ("dekkingsmatrix", "/netwerken/{n}/dekking", 2),
)
FILTERS = ("", "?page=2", "?leeftijdsgroep=0-3", "?doelgroep=kwetsbaar&q=opvoed", "?page=3",
           "?werkvorm=mobiel&sorteer=partner")
NIEUW_AANBOD = [("aanbodvorm", "spel_en_ontmoeting"), ("functies", "ontmoeting"),
                ("leeftijdsgroepen", "0-3"), ("leeftijdsgroepen", "3-6"),
                ("doelgroep", "universeel"), ("werkvormen", "locatie"), ("laagdrempelig", "y")]


@dataclass
class Gebruiker:
    email: str
    rol: str  # coordinator | partner | consultant
    netwerken: list[int]
    organisatie_id: int | None = None  # a partner's own organisation
    aanbod: list[int] = field(default_factory=list)  # editable aanbod (own organisation)
    verwijzingen: list[int] = field(default_factory=list)  # '+1' allowed, within netwerken[0]
    organisaties: list[int] = field(default_factory=list)  # where contact persons may be added
    voorwaarden: list[str] = field(default_factory=list)  # consultants: review remarks


@dataclass(frozen=True)
class Verzoek:
    soort: str
    schrijft: bool
    duur: float  # seconds, until the whole body was read
    ok: bool
    uitleg: str = ""


class FormWaarden(HTMLParser):
    """The values a browser would submit from the page's <form method=post> that posts to
    `url` (the page itself, or an explicit action equal to it; not e.g. the logout form)."""

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.velden: list[tuple[str, str]] = []
        self._in_form = self._klaar = False
        self._select: str | None = None
        self._textarea: str | None = None
        self._tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self._klaar and (a.get("method") or "").lower() == "post" \
                and (a.get("action") or self.url) == self.url:
            self._in_form = True
        if not self._in_form:
            return
        naam = a.get("name")
        if tag == "input" and naam and a.get("type") not in ("submit", "button"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.velden.append((naam, a.get("value") or ""))
        elif tag == "select":
            self._select = naam
        elif tag == "option" and self._select and "selected" in a:
            self.velden.append((self._select, a.get("value") or ""))
        elif tag == "textarea":
            self._textarea, self._tekst = naam, []

    def handle_data(self, data):
        if self._textarea:
            self._tekst.append(data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            tekst = "".join(self._tekst)  # a browser drops one newline after <textarea>
            tekst = tekst[2:] if tekst.startswith("\r\n") else tekst.removeprefix("\n")
            self.velden.append((self._textarea, tekst))
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form, self._klaar = False, True


class Sessie:
    """One logged-in user: a connection with its session cookie and CSRF token."""

    def __init__(self, port: int, g: Gebruiker, wachtwoord: str, timeout: float):
        self.g, self.teller = g, 0
        self.c = load.Client(port, load.login(port, g.email, wachtwoord))
        self.c.conn.timeout = timeout
        self.csrf = self.c.csrf("/wachtwoord")  # one token per session serves every form

    def _doe(self, soort: str, schrijft: bool, methode: str, url: str, velden=None,
             verwacht: int = 200) -> tuple[Verzoek, bytes]:
        begin = time.perf_counter()
        try:
            if methode == "GET":
                status, headers, body = self.c.request("GET", url)
            else:
                status, headers, body = self.c.form(url, velden)
        except Exception as e:  # noqa: BLE001 - a failed request is a measured error
            return Verzoek(soort, schrijft, time.perf_counter() - begin, False,
                           f"{type(e).__name__}: {e} ({methode} {url})"), b""
        duur = time.perf_counter() - begin
        plaats = headers.get("Location", "")
        ok = status == verwacht and "/aanmelden" not in plaats
        return Verzoek(soort, schrijft, duur, ok, "" if ok else
                       f"status {status} {plaats} ({methode} {url})"), body

    def lees(self, rng: random.Random) -> list[Verzoek]:
        soort, pad, _ = rng.choices(READS, [w for *_, w in READS])[0]
        url = pad.format(n=rng.choice(self.g.netwerken), filter=rng.choice(FILTERS))
        return [self._doe(soort, False, "GET", url)[0]]

    def schrijf(self, rng: random.Random) -> list[Verzoek]:
        self.teller += 1
        tekst = f"Belastingstest {self.g.email.split('@')[0]} {self.teller}"
        n = self.g.netwerken[0]
        keuzes = [k for k, mag in (("aanbod", self.g.organisatie_id), ("bewerk", self.g.aanbod),
                                   ("contact", self.g.organisaties),
                                   ("tel", self.g.verwijzingen), ("review", self.g.voorwaarden))
                  if mag]
        keuze = rng.choice(keuzes)
        if keuze == "aanbod":
            return [self._doe("aanbod toevoegen", True, "POST",
                              f"/organisaties/{self.g.organisatie_id}/aanbod/nieuw",
                              [("naam", tekst), ("csrf_token", self.csrf)] + NIEUW_AANBOD,
                              302)[0]]
        if keuze == "bewerk":
            url = f"/aanbod/{rng.choice(self.g.aanbod)}/bewerken"
            formulier, html = self._doe("aanbodformulier (GET)", False, "GET", url)
            if not formulier.ok:
                return [formulier]
            p = FormWaarden(url)
            p.feed(html.decode("utf-8", "replace"))
            velden = [(k, v) for k, v in p.velden if k != "beschrijving"]
            return [formulier, self._doe("aanbod bewerken", True, "POST", url,
                                         velden + [("beschrijving", tekst)], 302)[0]]
        if keuze == "contact":
            org = rng.choice(self.g.organisaties)
            return [self._doe("contactpersoon toevoegen", True, "POST",
                              f"/organisaties/{org}/contactpersonen/nieuw",
                              {"naam": tekst, "functie": "Belastingstest",
                               "csrf_token": self.csrf}, 302)[0]]
        if keuze == "tel":
            v = rng.choice(self.g.verwijzingen)
            return [self._doe("verwijzing +1", True, "POST",
                              f"/netwerken/{n}/verwijzingen/{v}/tel",
                              {"csrf_token": self.csrf}, 302)[0]]
        n = rng.choice(self.g.netwerken)
        return [self._doe("reviewopmerking", True, "POST",
                          f"/netwerken/{n}/erkenning/review/{rng.choice(self.g.voorwaarden)}",
                          {"review-oordeel": "opmerking", "review-tekst": tekst,
                           "csrf_token": self.csrf}, 302)[0]]


def kies(aantal: int, seed: int) -> list[Gebruiker]:
    """`aantal` accounts (30 % coordinators, 20 % consultants, the rest partners), read in an
    application context. The coordinator of the largest network is always one of them."""
    from sqlalchemy import select

    from huisvanhetkind.auth.models import Gebruiker as Account, gebruiker_netwerk
    from huisvanhetkind.domein.beoordeling import PER_ID
    from huisvanhetkind.extensions import db
    from huisvanhetkind.graaf.models import Verwijzing
    from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, WerkingsgebiedDeel
    from huisvanhetkind.domein import gemeenten

    rng = random.Random(seed)
    n_coord, n_cons = round(aantal * 0.3), round(aantal * 0.2)
    actief = Lidmaatschap.lid_tot.is_(None)
    leden: dict[int, list[int]] = {}
    for nid, oid in db.session.execute(select(Lidmaatschap.netwerk_id, Lidmaatschap.organisatie_id)
                                       .where(actief).order_by(Lidmaatschap.id)):
        leden.setdefault(nid, []).append(oid)
    provincie = {nid: gemeenten.provincie_van(nis) for nid, nis in db.session.execute(
        select(WerkingsgebiedDeel.netwerk_id, WerkingsgebiedDeel.nis))}
    grootste = max(leden, key=lambda n: (len(leden[n]), -n))

    netwerken_van: dict[int, set[int]] = {}
    for nid, oids in leden.items():
        for oid in oids:
            netwerken_van.setdefault(oid, set()).add(nid)
    met_account = set(db.session.scalars(select(Account.organisatie_id).where(
        Account.rol == "partner", Account.actief, Account.organisatie_id.is_not(None))))

    def beheerd_door(nid: int) -> list[int]:
        """Members this network's coordinator may change (domein.md §10): no partner account of
        their own, no active membership in another network."""
        return [o for o in leden[nid] if o not in met_account and netwerken_van[o] == {nid}]

    def in_netwerk(nid: int, van=None) -> list[int]:
        """Referrals only this network relies on: no other network has both ends as members."""
        lid = select(Lidmaatschap.organisatie_id).where(Lidmaatschap.netwerk_id == nid, actief)
        q = select(Verwijzing.id, Verwijzing.van_id, Verwijzing.naar_id).where(
            Verwijzing.naar_id.in_(lid)).order_by(Verwijzing.id)
        q = q.where(Verwijzing.van_id.in_(lid) if van is None else Verwijzing.van_id == van)
        return [vid for vid, a, b in db.session.execute(q) if van is not None
                or netwerken_van.get(a, set()) & netwerken_van.get(b, set()) == {nid}][:10]

    coords = db.session.execute(select(Account.email, gebruiker_netwerk.c.netwerk_id).join(
        gebruiker_netwerk, gebruiker_netwerk.c.gebruiker_id == Account.id).where(
        Account.rol == "coordinator", Account.actief).order_by(Account.id)).all()
    eerst = [c for c in coords if c[1] == grootste]
    rest = [c for c in coords if c[1] != grootste and c[1] in leden]
    gekozen = []
    for email, nid in (eerst + rng.sample(rest, len(rest)))[:n_coord]:
        eigen = beheerd_door(nid)
        gekozen.append(Gebruiker(email, "coordinator", [nid], verwijzingen=in_netwerk(nid),
                                 organisaties=rng.sample(eigen, min(5, len(eigen)))))
    consultants = [(e, p) for e, p in db.session.execute(select(Account.email, Account.provincies)
                   .where(Account.rol == "consultant", Account.actief).order_by(Account.id)) if p]
    per_prov: dict[str, list[int]] = {}
    for nid, prov in sorted(provincie.items()):
        if nid in leden:
            per_prov.setdefault(prov, []).append(nid)
    consultants.sort(key=lambda ep: (int(ep[0].split("@")[0].rsplit("-", 1)[-1]), ep[0]))
    for email, provs in consultants[:n_cons]:  # every province's first account, then the second
        netwerken = sorted(n for p in provs for n in per_prov.get(p, ()))
        keuze = rng.sample(netwerken, min(3, len(netwerken)))
        if grootste in netwerken and grootste not in keuze:
            keuze[0] = grootste
        gekozen.append(Gebruiker(email, "consultant", keuze, voorwaarden=list(PER_ID)))
    partners = db.session.execute(select(Account.email, Account.organisatie_id,
                                         Lidmaatschap.netwerk_id).join(
        Lidmaatschap, Lidmaatschap.organisatie_id == Account.organisatie_id).where(
        Account.rol == "partner", Account.actief, actief).order_by(Account.id)).all()
    gezien = set()
    for email, oid, nid in rng.sample(partners, len(partners)):
        if len(gekozen) >= aantal:
            break
        if oid in gezien:
            continue
        gezien.add(oid)
        aanbod = list(db.session.scalars(select(Aanbod.id).where(Aanbod.organisatie_id == oid)
                                         .order_by(Aanbod.id).limit(5)))
        verwijzingen = in_netwerk(nid, van=oid)
        if aanbod and verwijzingen:
            gekozen.append(Gebruiker(email, "partner", [nid], organisatie_id=oid, aanbod=aanbod,
                                     verwijzingen=verwijzingen, organisaties=[oid]))
    return gekozen
