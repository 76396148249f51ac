"""Flanders-scale demo, step 3: aanbod and verwijzingen with a power-law skew. Pure Python.

Aanbod per organisation and each organisation's share of verwijzingen follow a Pareto law: most
partners offer a few things and refer a little, a few hubs (lokaal bestuur, Kind en Gezin, big
welfare organisations) do a lot. Some members never refer at all (isolated in the graph).
"""
from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from ..domein.taxonomie import AANBODVORM, FUNCTIE
from . import generate as gen
from .vlaanderen_catalogus import AANBOD, OPENINGSUREN, SOORT_GEWICHT, VORMEN
from .vlaanderen_partners import BUREN, Partners

BINNEN_NETWERK = 0.9  # share of verwijzingen between members of one network
SLAPEND = 0.03  # members without any verwijzing
HUBS = {"lokaal_bestuur": 4.0, "kind_en_gezin": 4.0, "welzijn": 2.0}
DOELGROEP_GEWICHT = {"universeel": 60, "kwetsbaar": 20, "beide": 20}
LAAGDREMPELIG_ANDERS = {"inloopteam", "materiele_ondersteuning", "welzijn_onthaal"}


def aanbod(rng: random.Random, vandaag: date, p: Partners, totaal: int) -> list[dict]:
    orgs = p.organisaties
    aantal = [1] * len(orgs)  # every organisation offers at least its core aanbod
    gewicht = [min(50.0, rng.paretovariate(1.4)) * (2.0 if p.sector[o["id"]] in HUBS else 1.0)
               for o in orgs]
    for i in rng.choices(range(len(orgs)), weights=gewicht, k=max(0, totaal - len(orgs))):
        aantal[i] += 1
    doelgroepen, doel_w = list(DOELGROEP_GEWICHT), list(DOELGROEP_GEWICHT.values())
    alle_functies = FUNCTIE.keys()
    rijen: list[dict] = []
    for o, n in zip(orgs, aantal):
        sector, gem = p.sector[o["id"]], p.gemeenten_van(o["id"])
        eerste, verder = VORMEN[sector]
        for k in range(n):
            vorm = eerste if k == 0 else rng.choice(verder)
            functies, leeftijden, werkvormen, namen = AANBOD[vorm]
            f = set(functies[:rng.randint(1, len(functies))])
            if rng.random() < 0.15:
                f.add(rng.choice(alle_functies))
            w = {werkvormen[0]} | ({rng.choice(werkvormen)} if rng.random() < 0.3 else set())
            eigen = tuple(rng.sample(gem, rng.randint(1, len(gem)))) \
                if len(gem) > 1 and rng.random() < 0.25 else ()
            oud = rng.random() < 0.12  # not checked for more than a year
            rijen.append({
                "id": len(rijen) + 1, "organisatie_id": o["id"], "sleutel": f"a{k + 1}",
                "naam": f"{rng.choice(namen)} {o['plaats']}" + (f" {k + 1}" if k else ""),
                "beschrijving": f"{AANBODVORM.label(vorm)} door {o['naam']}.",
                "aanbodvorm": vorm, "functies": tuple(sorted(f)),
                "leeftijdsgroepen": tuple(sorted(rng.sample(
                    leeftijden, rng.randint(1, min(3, len(leeftijden)))))),
                "doelgroep": rng.choices(doelgroepen, weights=doel_w)[0],
                "werkvormen": tuple(sorted(w)), "gemeenten": tuple(sorted(eigen)),
                "laagdrempelig": AANBODVORM[vorm].subsidiebestemming is not None
                or vorm in LAAGDREMPELIG_ANDERS,
                "verplicht_kg": vorm == "consultatiebureau" and sector == "kind_en_gezin",
                "contact": o["email"],
                "openingsuren": rng.choice(OPENINGSUREN) if "locatie" in w else "",
                "startdatum": vandaag - timedelta(days=rng.randint(100, 3600))
                if rng.random() < 0.6 else None,
                "einddatum": None,
                "laatst_nagekeken_op": gen.verleden(rng, vandaag, 400, 900) if oud
                else gen.verleden(rng, vandaag, 3, 330),
            })
    return rijen


def verwijzingen(rng: random.Random, vandaag: date, p: Partners, totaal: int) -> list[dict]:
    activiteit = {o["id"]: 0.0 if rng.random() < SLAPEND
                  else min(80.0, rng.paretovariate(1.2)) * HUBS.get(p.sector[o["id"]], 1.0)
                  for o in p.organisaties}
    soorten, soort_w = list(SOORT_GEWICHT), list(SOORT_GEWICHT.values())
    gezien: set[tuple[int, int, str]] = set()
    paren: list[tuple[int, int, str]] = []

    def trek(van_kant, naar_kant, aantal: int) -> None:
        """`aantal` new links, van and naar drawn by activity; bounded attempts."""
        (vans, van_cw), (naars, naar_cw) = van_kant, naar_kant
        if not vans or not naars:
            return
        nieuw, pogingen = 0, 0
        while nieuw < aantal and pogingen < 30 * aantal + 100:
            pogingen += 1
            van = rng.choices(vans, cum_weights=van_cw)[0]
            naar = rng.choices(naars, cum_weights=naar_cw)[0]
            soort = rng.choices(soorten, weights=soort_w)[0]
            if van == naar or (van, naar, soort) in gezien:
                continue
            gezien.add((van, naar, soort))
            paren.append((van, naar, soort))
            nieuw += 1
            if nieuw < aantal and rng.random() < 0.35 and (naar, van, soort) not in gezien:
                gezien.add((naar, van, soort))  # answered the other way
                paren.append((naar, van, soort))
                nieuw += 1

    def kant(leden: list[int]):
        actief = [o for o in leden if activiteit[o] > 0]
        return actief, list(itertools.accumulate(activiteit[o] for o in actief))

    binnen = round(totaal * BINNEN_NETWERK)
    som_doel = sum(len(p.leden[s.id]) for s in p.specs)
    kanten = {s.id: kant(p.leden[s.id]) for s in p.specs}
    for s in p.specs:
        trek(kanten[s.id], kanten[s.id], round(binnen * len(p.leden[s.id]) / som_doel))
    # the rest: to a member of a neighbouring network
    specs = p.specs
    for _ in range(10 * totaal):  # bounded: stops even if the network pairs ran out
        if len(paren) >= totaal:
            break
        i = rng.randrange(len(specs))
        j = min(len(specs) - 1, max(0, i + rng.choice((-1, 1)) * rng.randint(1, BUREN)))
        trek(kanten[specs[i].id], kanten[specs[j].id], min(20, totaal - len(paren)))
    return [{"id": i, "van_id": van, "naar_id": naar, "soort": soort, "opmerking": "",
             **gen.verwijzing_details(rng, soort, vandaag)}
            for i, (van, naar, soort) in enumerate(paren[:totaal], start=1)]
