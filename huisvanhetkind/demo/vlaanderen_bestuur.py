"""Flanders-scale demo, step 4: network rows, engagements with actions, 'bewust niet' marks and
users of every role. Pure Python (the password hash is passed in, computed once by the caller).
"""
from __future__ import annotations

import random
import secrets
from datetime import date, timedelta

from ..domein.voorwaarde import plus_twee_jaar
from ..domein import gemeenten
from ..domein.taxonomie import ENGAGEMENTEN, LEEFTIJDSGROEP
from . import generate as gen
from .vlaanderen_catalogus import ACTIES, THEMA
from .vlaanderen_netwerken import NetwerkSpec
from .vlaanderen_partners import Partners

DOMEIN = "vlaanderen.voorbeeld.be"
BEHEERDERS = 3
CONSULTANTS_PER_PROVINCIE = 4
ZONDER_ENGAGEMENT = 0.08  # share of engagements a network has not taken (niet_voldaan)


def coordinator_email(naam: str) -> str:
    return f"coordinator.{gen.slug(naam.removeprefix('Huis van het Kind '))}@{DOMEIN}"


def netwerken(rng: random.Random, vandaag: date, specs: list[NetwerkSpec]) -> tuple[list, list]:
    rijen, delen = [], []
    for s in specs:
        aanvraag = vandaag - timedelta(days=rng.randint(60, 3650))
        erkend = aanvraag + timedelta(days=rng.randint(60, 200))
        namen = [gemeenten.naam(n) for n in s.gemeenten]
        rijen.append({
            "id": s.id, "naam": s.naam,
            "rechtsvorm": rng.choices(("vzw", "feitelijke_vereniging", "geen"), (4, 3, 3))[0],
            "aanvraagdatum": aanvraag,
            "erkenningsdatum": erkend if erkend < vandaag and rng.random() < 0.85 else None,
            "coordinator_naam": gen.persoon(rng), "coordinator_email": coordinator_email(s.naam),
            "beschrijving": f"Samenwerkingsverband rond (aanstaande) gezinnen, kinderen en "
                            f"jongeren in {', '.join(namen)}.",
            "publiek": rng.random() < 0.1})
        for nis, deel in s.delen:
            delen.append({"id": len(delen) + 1, "netwerk_id": s.id, "nis": nis, "deel": deel})
    return rijen, delen


def engagementen(rng: random.Random, vandaag: date, netwerk_rijen: list[dict],
                 p: Partners) -> tuple[list, list]:
    engagementen_, acties = [], []
    for n in netwerk_rijen:
        start = n["erkenningsdatum"] or n["aanvraagdatum"]
        termijn = plus_twee_jaar(n["erkenningsdatum"] or vandaag)
        leden = p.leden[n["id"]]
        kern = [o for o in leden if p.sector[o] in ("lokaal_bestuur", "kind_en_gezin")] or leden
        for voorwaarde in ENGAGEMENTEN:
            if rng.random() < ZONDER_ENGAGEMENT:
                continue
            eid = len(engagementen_) + 1
            engagementen_.append({"id": eid, "netwerk_id": n["id"], "voorwaarde": voorwaarde,
                                  "toelichting": f"Het netwerk werkt aan {THEMA[voorwaarde]}."})
            for sjabloon in rng.sample(ACTIES, rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0]):
                dagen = max(1, (termijn - start).days)
                deadline = start + timedelta(days=rng.randint(min(60, dagen), dagen))
                if rng.random() < 0.05:
                    deadline = termijn + timedelta(days=rng.randint(30, 200))  # too late
                verleden = deadline < vandaag
                status = rng.choices(("gerealiseerd", "lopend", "gepland"),
                                     (70, 20, 10) if verleden else (25, 45, 30))[0]
                acties.append({
                    "id": len(acties) + 1, "engagement_id": eid, "netwerk_id": n["id"],
                    "beschrijving": sjabloon.format(t=THEMA[voorwaarde]),
                    "trekker_id": rng.choice(kern if rng.random() < 0.5 else leden)
                    if leden else None,
                    "deadline": deadline, "status": status,
                    "bewijs": f"Verslag van {deadline:%d/%m/%Y}" if status == "gerealiseerd"
                    else "", "bewijs_link": ""})
    return engagementen_, acties


def bewust_niet(rng: random.Random, specs: list[NetwerkSpec]) -> list[dict]:
    rijen = []
    for s in specs:
        gekozen = set()
        for _ in range(rng.choice((0, 0, 1, 2))):
            functie = rng.choice(("publieke_ruimte", "belangenverdediging"))
            leeftijd = rng.choice(LEEFTIJDSGROEP.keys()[1:5])
            nis = rng.choice(("",) + s.gemeenten)
            if (functie, leeftijd, nis) in gekozen:
                continue
            gekozen.add((functie, leeftijd, nis))
            rijen.append({"id": len(rijen) + 1, "netwerk_id": s.id, "functie": functie,
                          "leeftijdsgroep": leeftijd, "nis": nis,
                          "reden": "Wordt door het naburige netwerk opgenomen."})
    return rijen


def gebruikers(rng: random.Random, totaal: int, wachtwoord_hash: str, netwerk_rijen: list[dict],
               p: Partners, schaal: float) -> tuple[list, list]:
    """Beheerders, one coordinator per network, consultants per province, partners for the rest."""
    rijen, koppels = [], []

    def gebruiker(email: str, rol: str, naam: str, **extra) -> int:
        uid = len(rijen) + 1
        rijen.append({"id": uid, "email": email, "naam": naam, "wachtwoord_hash": wachtwoord_hash,
                      "rol": rol, "actief": True, "organisatie_id": extra.get("organisatie_id"),
                      "provincies": extra.get("provincies", ()),
                      "session_token": secrets.token_urlsafe(24), "laatst_aangemeld_op": None})
        return uid

    for i in range(1, BEHEERDERS + 1):
        gebruiker(f"beheerder-{i}@{DOMEIN}", "beheerder", gen.persoon(rng))
    for n in netwerk_rijen:
        uid = gebruiker(n["coordinator_email"], "coordinator", n["coordinator_naam"])
        koppels.append({"gebruiker_id": uid, "netwerk_id": n["id"]})
    per = max(1, round(CONSULTANTS_PER_PROVINCIE * min(1.0, schaal * 10)))
    for prov in gemeenten.provincies():
        if prov == gemeenten.BRUSSEL:
            continue
        for i in range(1, per + 1):
            gebruiker(f"consultant.{gen.slug(prov)}-{i}@{DOMEIN}", "consultant", gen.persoon(rng),
                      provincies=(prov,))
    gebruiker(f"consultant.vlaanderen@{DOMEIN}", "consultant", gen.persoon(rng))  # all provinces
    rest = max(0, totaal - len(rijen))
    for oid in sorted(rng.sample(range(1, len(p.organisaties) + 1),
                                 min(rest, len(p.organisaties)))):
        gebruiker(f"partner-{oid}@{DOMEIN}", "partner", gen.persoon(rng), organisatie_id=oid)
    return rijen, koppels
