"""Deterministic generation of the demo's details from a seeded random.Random. Pure Python.

Names, streets and numbers are invented; phone numbers and e-mail domains are fictional.
"""
from __future__ import annotations

import calendar
import random
import re
import unicodedata
from datetime import date, timedelta

VOORNAMEN = ("An", "Bram", "Charlotte", "Dirk", "Els", "Fatima", "Geert", "Hanne", "Ilse", "Jonas",
             "Katrien", "Lieven", "Marie", "Nadia", "Olivier", "Petra", "Rik", "Sara", "Tom",
             "Veerle", "Wout", "Yasmina", "Zoë", "Ahmed", "Lotte", "Kobe", "Ines", "Mehmet")
ACHTERNAMEN = ("Peeters", "Janssens", "Maes", "De Smet", "Verhoeven", "Claes", "Van den Broeck",
               "De Wilde", "Mertens", "Willems", "Goossens", "Wuyts", "Van Hecke", "De Cock",
               "Bogaert", "Van Acker", "Martens", "De Backer", "Verstraete", "Cools", "El Amrani",
               "Yilmaz", "Van Puyvelde", "Scheerlinck", "Vercauteren", "Heirman")
STRATEN = ("Stationsstraat", "Kerkstraat", "Molenstraat", "Parklaan", "Kleine Laan", "Dorpsstraat",
           "Schoolstraat", "Nieuwstraat", "Lindenlaan", "Hospitaalstraat", "Markt", "Vijverstraat",
           "Kapelstraat", "Broekstraat", "Plezantstraat", "Ankerstraat", "Zandstraat")
FUNCTIES = {
    "kind_en_gezin": ("regioverantwoordelijke", "teamleider consultatiebureau", "verpleegkundige"),
    "lokaal_bestuur": ("beleidsmedewerker gezin", "diensthoofd welzijn",
                       "coördinator Huis van het Kind"),
    "welzijn": ("teamverantwoordelijke", "maatschappelijk werker", "coördinator"),
    "kinderopvang": ("verantwoordelijke", "directeur", "pedagogisch coach"),
    "onderwijs": ("directeur", "zorgcoördinator", "brugfiguur"),
    "gezondheid": ("praktijkcoördinator", "zorgverlener", "teamverantwoordelijke"),
    "jeugdhulp": ("teamcoördinator", "gezinsbegeleider", "aanmeldingsverantwoordelijke"),
    "vrije_tijd_cultuur": ("coördinator", "medewerker publiekswerking", "educatief medewerker"),
    "middenveld": ("voorzitter", "vrijwilligersverantwoordelijke", "secretaris"),
    "mutualiteit": ("maatschappelijk werker", "regioverantwoordelijke"),
    "andere": ("coördinator", "consulent"),
}
OPENINGSUREN = ("ma–vr 9–12 u.", "di en do 13.30–16.30 u.", "wo 9–12 u. en 14–17 u.",
                "za 10–12 u.", "op afspraak", "elke eerste woensdag van de maand")


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def shift_months(d: date, months: int) -> date:
    """The same day `months` months later (negative: earlier), clamped to the month's end."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def kbo_nummer(rng: random.Random, taken: set[str]) -> str:
    """A fresh valid KBO number: 0 + seven digits, then 97 − (first eight mod 97)."""
    while True:
        first8 = f"0{rng.randint(4000000, 8999999)}"
        nummer = first8 + f"{97 - int(first8) % 97:02d}"
        if nummer not in taken:
            taken.add(nummer)
            return nummer


def persoon(rng: random.Random) -> str:
    return f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"


def werkmail(naam: str, domein: str) -> str:
    return f"{slug(naam).replace('-', '.')}@{domein}"


def telefoon(rng: random.Random) -> str:
    return f"03 7{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def straat(rng: random.Random) -> str:
    return f"{rng.choice(STRATEN)} {rng.randint(1, 180)}"


def verleden(rng: random.Random, vandaag: date, min_dagen: int, max_dagen: int) -> date:
    return vandaag - timedelta(days=rng.randint(min_dagen, max_dagen))


def extra_verwijzingen(rng: random.Random, kern: list[str], gewicht: dict[str, float],
                       soorten: dict[str, int], bestaand: set[tuple[str, str, str]],
                       aantal: int) -> list[tuple[str, str, str]]:
    """`aantal` new (van, naar, soort) among `kern`, hubs weighted, never duplicating a key."""
    gewichten = [gewicht.get(k, 1.0) for k in kern]
    soort_namen, soort_gewichten = list(soorten), list(soorten.values())
    nieuw: list[tuple[str, str, str]] = []
    gezien = set(bestaand)
    while len(nieuw) < aantal:
        van, naar = rng.choices(kern, weights=gewichten, k=2)
        soort = rng.choices(soort_namen, weights=soort_gewichten)[0]
        if van == naar or (van, naar, soort) in gezien:
            continue
        gezien.add((van, naar, soort))
        nieuw.append((van, naar, soort))
        if rng.random() < 0.35 and (naar, van, soort) not in gezien:  # answered the other way
            gezien.add((naar, van, soort))
            nieuw.append((naar, van, soort))
    return nieuw[:aantal]


def verwijzing_details(rng: random.Random, soort: str, vandaag: date) -> dict:
    """aantal_per_jaar, sinds and bevestigd for one link: mostly filled, ~80 % confirmed."""
    bereik = {"doorverwijzing": (2, 40), "warme_overdracht": (1, 15), "zorgafstemming": (2, 12),
              "samenwerking": (1, 6)}[soort]
    return dict(
        aantal_per_jaar=rng.randint(*bereik) if rng.random() < 0.9 else None,
        sinds=shift_months(vandaag, -rng.randint(3, 72)) if rng.random() < 0.85 else None,
        bevestigd=rng.random() < 0.8)
