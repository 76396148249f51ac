"""Flanders-scale demo: which organisations, aanbod and actions look plausible. Pure data.

Every name is invented. Codes are checked against referentie/taxonomie.py at import time, so a
renamed code fails loudly here instead of producing invalid rows.
"""
from __future__ import annotations

from ..domein.taxonomie import (AANBODVORM, ENGAGEMENTEN, FUNCTIE, LEEFTIJDSGROEP, SECTOR, VERWIJZINGSSOORT)

# sector → weight among the ordinary organisations (lokaal bestuur and Kind en Gezin are added
# per municipality and per network on top of these)
SECTOR_GEWICHT = {"kinderopvang": 24, "onderwijs": 19, "welzijn": 11, "vrije_tijd_cultuur": 12,
                  "middenveld": 11, "gezondheid": 11, "jeugdhulp": 4, "mutualiteit": 2,
                  "andere": 4, "kind_en_gezin": 2}
# sectors that often work across several networks (regional services)
REGIONAAL = {"welzijn": 0.25, "jeugdhulp": 0.5, "mutualiteit": 0.6, "gezondheid": 0.15,
             "kind_en_gezin": 0.3, "andere": 0.1}

ORG_NAMEN = {
    "kinderopvang": ("Kinderdagverblijf De Speelvogel", "Kinderopvang Het Zonnetje",
                     "Gezinsopvang Tuimelaar", "Buitenschoolse Kinderopvang De Sprinkhaan",
                     "Kinderopvang Pimpernel", "Kinderdagverblijf Het Nestje",
                     "Kinderopvang De Boterbloem", "Groepsopvang Kiekeboe"),
    "onderwijs": ("Basisschool De Regenboog", "Vrije Basisschool Sint-Jozef",
                  "Gemeentelijke Basisschool De Wegwijzer", "GO! Basisschool De Linde",
                  "Vrije Kleuterschool Klavertje Vier", "CLB", "Basisschool De Vlieger",
                  "Secundaire school Sint-Victor"),
    "welzijn": ("Sociaal Huis", "CAW", "Opvoedingswinkel", "Inloopteam De Vlinder",
                "Buurtwerk Wijkpunt", "Samenlevingsopbouw", "Vereniging waar armen het woord "
                "nemen De Brug", "Centrum Algemeen Welzijnswerk"),
    "vrije_tijd_cultuur": ("Bibliotheek", "Jeugddienst", "Speelpleinwerking Robinson",
                           "Sportdienst", "Academie voor Muziek en Woord", "Chiro Sint-Jan",
                           "Scouts en Gidsen", "Cultuurcentrum"),
    "middenveld": ("Gezinsbond", "Buurtmoeders De Klaproos", "Ruilwinkel Het Kinderkastje",
                   "Babyhuisje Klein Geluk", "Voorleesgroep De Boekenbende",
                   "Vrouwenvereniging Femma", "Vzw Kinderarmoede Nee", "Oudercomité"),
    "gezondheid": ("Huisartsenpraktijk De Linde", "Vroedvrouwenpraktijk Moederhart",
                   "Kraamzorg Wiegewijs", "Wijkgezondheidscentrum De Vaart",
                   "Centrum Geestelijke Gezondheidszorg", "Logopediepraktijk Babbel",
                   "Kinesitherapie Kleine Stapjes", "Tandartsenpraktijk Glimlach"),
    "jeugdhulp": ("OverKophuis", "Centrum voor Integrale Gezinszorg", "Jeugdhulp Thuisbegeleiding",
                  "Diensten voor Gezinsbegeleiding", "Centrum voor Ontwikkelingsstoornissen"),
    "mutualiteit": ("Christelijke Mutualiteit", "Solidaris", "Liberale Mutualiteit",
                    "Helan", "Partena"),
    "andere": ("Vormingplus", "Huis van het Nederlands", "Integratiedienst", "Tolkendienst"),
    "kind_en_gezin": ("Kind en Gezin – regioteam",),
}

# sector → (first aanbodvorm, further aanbodvormen it offers)
VORMEN = {
    "lokaal_bestuur": ("lokaal_loket_kinderopvang",
                       ("welzijn_onthaal", "vrije_tijd", "informatie", "spel_en_ontmoeting",
                        "materiele_ondersteuning")),
    "kind_en_gezin": ("consultatiebureau", ("prenatale_ondersteuning", "opvoedingsondersteuning",
                                            "informatie", "consultatiebureau")),
    "welzijn": ("welzijn_onthaal", ("ambulante_gezinsondersteuning", "mobiele_gezinsondersteuning",
                                    "materiele_ondersteuning", "opvoedingsondersteuning",
                                    "inloopteam")),
    "kinderopvang": ("kinderopvang", ("spel_en_ontmoeting", "opvoedingsondersteuning",
                                      "kinderopvang")),
    "onderwijs": ("onderwijskansen", ("vrije_tijd", "informatie", "opvoedingsondersteuning")),
    "gezondheid": ("gezondheidszorg", ("prenatale_ondersteuning", "informatie",
                                       "gezondheidszorg")),
    "jeugdhulp": ("jeugdhulp", ("ambulante_gezinsondersteuning", "mobiele_gezinsondersteuning",
                                "opvoedingsondersteuning")),
    "vrije_tijd_cultuur": ("vrije_tijd", ("spel_en_ontmoeting", "informatie", "vrije_tijd")),
    "middenveld": ("spel_en_ontmoeting", ("materiele_ondersteuning", "vrije_tijd",
                                          "opvoedingsondersteuning", "inloopteam")),
    "mutualiteit": ("informatie", ("prenatale_ondersteuning", "gezondheidszorg")),
    "andere": ("informatie", ("vrije_tijd", "welzijn_onthaal")),
}

# aanbodvorm → (functies, leeftijdsgroepen it may serve, werkvormen, names)
AANBOD = {
    "consultatiebureau": (("gezinsondersteuning",), ("0-3", "3-6", "prenataal"), ("locatie",),
                          ("Consultatiebureau", "Consult aan huis", "Inloopconsult")),
    "prenatale_ondersteuning": (("gezinsondersteuning",), ("prenataal", "ouders"),
                                ("locatie", "mobiel"), ("Prenatale steunpunt", "Zwangerschapscafé",
                                                        "Prenatale groepssessies")),
    "opvoedingsondersteuning": (("gezinsondersteuning", "ontmoeting"),
                                ("ouders", "0-3", "3-6", "6-12", "12-18"),
                                ("locatie", "online", "mobiel"),
                                ("Opvoedingsspreekuur", "Oudercafé", "Thema-avond opvoeden",
                                 "Triple P-sessies")),
    "spel_en_ontmoeting": (("ontmoeting", "vrije_tijd"), ("0-3", "3-6", "ouders"), ("locatie",),
                           ("Babbelonië", "Speel-o-theek", "Ontmoetingsplek 0–3",
                            "Kruipuurtje", "Spelnamiddag")),
    "ambulante_gezinsondersteuning": (("gezinsondersteuning",), ("0-3", "3-6", "6-12", "ouders"),
                                      ("locatie",), ("Gezinsondersteuning op afspraak",
                                                     "Gezinscoaching")),
    "mobiele_gezinsondersteuning": (("gezinsondersteuning",), ("0-3", "3-6", "6-12", "ouders"),
                                    ("mobiel",), ("Gezinsondersteuning aan huis",
                                                  "Buurtmoeders aan huis")),
    "onderwijskansen": (("opvang_onderwijs", "gezinsondersteuning"), ("3-6", "6-12"),
                        ("locatie",), ("Brugfiguur", "Kleuterparticipatie", "Huiswerkklas")),
    "inloopteam": (("ontmoeting", "gezinsondersteuning", "grondrechten"),
                   ("prenataal", "0-3", "3-6", "ouders"), ("locatie",),
                   ("Inloopmoment", "Babyhuis", "Ouder-kindmoment")),
    "kinderopvang": (("opvang_onderwijs",), ("0-3", "3-6", "6-12"), ("locatie",),
                     ("Kinderopvang baby's en peuters", "Buitenschoolse opvang",
                      "Occasionele opvang")),
    "lokaal_loket_kinderopvang": (("opvang_onderwijs", "grondrechten"), ("ouders", "0-3"),
                                  ("locatie", "online"), ("Lokaal loket kinderopvang",)),
    "vrije_tijd": (("vrije_tijd", "publieke_ruimte"), ("3-6", "6-12", "12-18", "18-25"),
                   ("locatie",), ("Speelpleinwerking", "Kampen", "Sportkampen", "Voorleesuur",
                                  "Jeugdhuis", "Speelstraat")),
    "welzijn_onthaal": (("grondrechten", "belangenverdediging"), ("ouders", "18-25", "12-18"),
                        ("locatie", "online"), ("Onthaal en sociale dienstverlening",
                                                "Zitdag rechtenverkenning", "Sociaal loket")),
    "materiele_ondersteuning": (("grondrechten",), ("0-3", "3-6", "6-12", "ouders"),
                                ("locatie",), ("Ruilwinkel", "Kledingbank", "Voedselbedeling",
                                               "Babykleding-ruil")),
    "gezondheidszorg": (("gezinsondersteuning",), ("prenataal", "0-3", "3-6", "6-12", "12-18"),
                        ("locatie", "mobiel"), ("Consultatie", "Kraamzorg",
                                                "Vroedvrouwconsult", "Logopedie")),
    "jeugdhulp": (("gezinsondersteuning", "belangenverdediging"), ("6-12", "12-18", "18-25"),
                  ("locatie", "mobiel", "online"), ("Aanmeldpunt jeugdhulp",
                                                    "Contextbegeleiding", "Chat voor jongeren")),
    "informatie": (("grondrechten", "belangenverdediging"), ("ouders", "prenataal"),
                   ("online", "locatie"), ("Infoavond", "Nieuwsbrief voor ouders",
                                           "Infopunt gezin")),
}

OPENINGSUREN = ("ma–vr 9–12 u.", "di en do 13.30–16.30 u.", "wo 9–12 u. en 14–17 u.",
                "za 10–12 u.", "op afspraak", "elke eerste woensdag van de maand")
SOORT_GEWICHT = {"doorverwijzing": 50, "warme_overdracht": 20, "zorgafstemming": 15,
                 "samenwerking": 15}
ACTIES = ("Overleg met alle partners over {t}", "Werkgroep {t} opstarten",
          "Jaarlijkse evaluatie {t} in de stuurgroep", "Afsprakennota {t} opmaken",
          "Vorming voor medewerkers rond {t}", "Bevraging bij gezinnen over {t}")
THEMA = {"E6": "lokale noden", "E7": "toegankelijkheid", "E8": "bereik van kwetsbare gezinnen",
         "E9": "doorverwijzen", "E10": "het lokaal sociaal beleid",
         "E11": "openstellen voor actoren", "E12": "bekendmaking op IROJ en LOK",
         "S2": "overlap en lacunes", "S3": "nieuwe gebruikers", "S4": "gebruikersparticipatie",
         "S5": "zorgafstemming", "S6": "coördinatie en kwaliteit"}

assert set(SECTOR_GEWICHT) | {"lokaal_bestuur"} <= set(SECTOR.keys())
assert set(ORG_NAMEN) <= set(SECTOR.keys()) and set(VORMEN) <= set(SECTOR.keys())
assert set(AANBOD) == set(AANBODVORM.keys())
assert all(v in AANBOD for eerste, rest in VORMEN.values() for v in (eerste, *rest))
assert all(set(f) <= set(FUNCTIE.keys()) and set(leeftijd) <= set(LEEFTIJDSGROEP.keys())
           for f, leeftijd, _, _ in AANBOD.values())
assert set(SOORT_GEWICHT) == set(VERWIJZINGSSOORT.keys()) and set(THEMA) == set(ENGAGEMENTEN)
