"""The second, smaller demo network "Huis van het Kind Waasland-Noord" (in application).

Same notation as data.py. CAW Schelde en Waas (sleutel "caw", defined in data.py) is a member
of both networks; its aanbod here names the municipalities of this werkingsgebied.
"""
from __future__ import annotations

NETWERK = dict(
    naam="Huis van het Kind Waasland-Noord", rechtsvorm="feitelijke_vereniging",
    aanvraag_maanden=3, erkenning_maanden=None, gemeenten="BKZ STE",
    coordinator_naam="Jeroen Claes", coordinator_email="coordinatie@waasland-noord.voorbeeld.be",
    beschrijving="Jong samenwerkingsverband in Beveren-Kruibeke-Zwijndrecht en Stekene.",
    publiek=False)

# same columns as data.PARTNERS; "caw" refers to the organisation already made for data.py
PARTNERS = [
    ("kg_noord", "Kind en Gezin – regioteam Waasland-Noord", "kind_en_gezin", "BKZ STE", True,
     8, True, "kernpartner"),
    ("gem_bkz", "Gemeente Beveren-Kruibeke-Zwijndrecht", "lokaal_bestuur", "BKZ", True, 8, True,
     "stuurgroep"),
    ("gem_ste", "Gemeente Stekene", "lokaal_bestuur", "STE", True, 8, True, "stuurgroep"),
    ("caw", None, None, None, None, 6, True, ""),
    ("kabouterhut", "Kinderopvang De Kabouterhut", "kinderopvang", "BKZ", True, 6, True, ""),
    ("vlieger", "Basisschool De Vlieger", "onderwijs", "STE", True, 5, False, ""),
    ("gezinsbond_ste", "Gezinsbond afdeling Stekene", "middenveld", "STE", False, 5, True, ""),
    ("hak", "Huisartsenkring Waasland-Noord", "gezondheid", "BKZ STE", True, 4, True, ""),
    ("bib_bkz", "Bibliotheek Beveren", "vrije_tijd_cultuur", "BKZ", True, 4, False, ""),
]

AANBOD = {
    "kg_noord": [
        ("Consultatiebureau Beveren", "consultatiebureau", "gez", "0-3", "u", "L", "BKZ", "kg"),
        ("Consultatiebureau Stekene", "consultatiebureau", "gez", "0-3", "u", "L", "STE", "kg"),
        ("Huisbezoek na de geboorte", "mobiele_gezinsondersteuning", "gez", "0-3", "u", "M", "",
         "kg"),
        ("Prenataal steunpunt Waasland-Noord", "prenatale_ondersteuning", "gez", "prenataal", "k",
         "L M", "", "kg"),
    ],
    "gem_bkz": [
        ("Lokaal loket kinderopvang Beveren-Kruibeke-Zwijndrecht", "lokaal_loket_kinderopvang",
         "opv grond", "0-3 3-6 6-12", "u", "L O", "", ""),
        ("Speelpleinwerking Beveren", "vrije_tijd", "vt pub ont", "3-6 6-12", "u", "L", "", ""),
        ("Sociaal Huis Beveren: onthaal", "welzijn_onthaal", "grond", "ouders", "k", "L", "", ""),
    ],
    "gem_ste": [
        ("Lokaal loket kinderopvang Stekene", "lokaal_loket_kinderopvang", "opv grond",
         "0-3 3-6 6-12", "u", "L", "", ""),
        ("Jeugddienst Stekene: tienerwerking", "vrije_tijd", "vt ont", "12-18", "u", "L", "", ""),
    ],
    "caw": [
        ("CAW-onthaal Beveren", "welzijn_onthaal", "grond", "18-25 ouders", "u", "L", "BKZ", ""),
        ("Opvoedingsondersteuning Waasland-Noord", "opvoedingsondersteuning", "gez", "ouders", "b",
         "L O", "BKZ STE", ""),
    ],
    "kabouterhut": [
        ("Kinderopvang De Kabouterhut", "kinderopvang", "opv", "0-3", "u", "L", "", "!ld"),
        ("Spelmoment voor ouders en peuters", "spel_en_ontmoeting", "ont", "0-3 3-6", "b", "L",
         "", ""),
    ],
    "vlieger": [
        ("Basisschool De Vlieger: ouderwerking", "onderwijskansen", "opv ont", "3-6 6-12", "b",
         "L", "", ""),
    ],
    "gezinsbond_ste": [
        ("Gezinsbond Stekene: kinderoppasdienst", "kinderopvang", "opv", "3-6 6-12", "u", "M", "",
         ""),
        ("Gezinsbond Stekene: infoavonden", "informatie", "gez bel", "ouders", "u", "L", "", ""),
    ],
    "hak": [
        ("Huisartsenwachtpost Waasland-Noord", "gezondheidszorg", "gez", "0-3 3-6 6-12 12-18",
         "u", "L", "", "!ld"),
        ("Gezondheidsconsult voor nieuwkomers", "gezondheidszorg", "gez grond", "ouders", "k", "L",
         "", ""),
    ],
    "bib_bkz": [
        ("Boekenbabies Beveren", "vrije_tijd", "vt ont", "0-3", "u", "L", "", ""),
        ("Huiswerkklas in de bib", "onderwijskansen", "opv", "6-12 12-18", "k", "L", "", ""),
    ],
}

VERWIJZINGEN = [
    ("kg_noord", "gem_bkz", "samenwerking"), ("gem_bkz", "kg_noord", "samenwerking"),
    ("kg_noord", "caw", "doorverwijzing"), ("caw", "kg_noord", "warme_overdracht"),
    ("kg_noord", "kabouterhut", "doorverwijzing"), ("kg_noord", "hak", "zorgafstemming"),
    ("hak", "kg_noord", "doorverwijzing"), ("gem_ste", "caw", "doorverwijzing"),
    ("gem_bkz", "caw", "doorverwijzing"), ("caw", "gem_bkz", "warme_overdracht"),
    ("vlieger", "gem_ste", "samenwerking"), ("gezinsbond_ste", "gem_ste", "samenwerking"),
    ("bib_bkz", "gem_bkz", "samenwerking"), ("kabouterhut", "gem_bkz", "samenwerking"),
    ("hak", "caw", "doorverwijzing"), ("vlieger", "caw", "zorgafstemming"),
    ("kg_noord", "gem_ste", "samenwerking"),
]

ENGAGEMENTEN = {
    "E6": "Omgevingsanalyse in beide gemeenten.",
    "E9": "Verwijsafspraken met het consultatiebureau.",
    "E12": "Voorstelling op het LOK Beveren-Kruibeke-Zwijndrecht.",
}
ACTIES = [
    ("E6", "Bevraging van gezinnen in Beveren-Kruibeke-Zwijndrecht en Stekene", "gem_bkz", 200,
     "lopend", ""),
    ("E9", "Verwijsafspraken consultatiebureau – CAW", "kg_noord", 300, "gepland", ""),
    ("E12", "Voorstelling op het LOK", "kabouterhut", 90, "gepland", ""),
]
