"""The demo network "Huis van het Kind Sint-Niklaas-Temse": pure data, no database.

Every organisation and person is fictional. Compact notation, expanded by loader.py:
- gemeenten: space-separated aliases of GEMEENTEN ("" on an aanbod = the partner's own);
- functies: aliases of FUNCTIES; leeftijdsgroepen: the codes themselves;
- doelgroep: u(niverseel) k(wetsbaar) b(eide); werkvormen: letters L(ocatie) M(obiel) O(nline).

Deliberate findings (asserted in tests/test_demo.py, named in the demo report):
- lacunes: belangenverdediging × 12-18 in Temse; publieke_ruimte × 12-18 in both municipalities
  (no 'ouders' aanbod has those functies there either);
- bewust niet: publieke_ruimte × 6-12 in Temse;
- overlap: "Babyhuisje Klein Geluk, spel en ontmoeting 0–3" and "Kruipuurtje 0–3 Clementwijk";
- geïsoleerd: Voorleesgroep De Boekenbende; kwetsbare schakel: Inloopteam De Vlinder, the only
  link of Buurtmoeders De Klaproos, Ruilwinkel Het Kinderkastje and Babyhuisje Klein Geluk.
"""
from __future__ import annotations

GEMEENTEN = {"SN": "Sint-Niklaas", "TE": "Temse",
             "BKZ": "Beveren-Kruibeke-Zwijndrecht", "STE": "Stekene"}
POSTCODES = {"SN": "9100", "TE": "9140", "BKZ": "9120", "STE": "9190"}
FUNCTIES = {"ont": "ontmoeting", "opv": "opvang_onderwijs", "vt": "vrije_tijd",
            "gez": "gezinsondersteuning", "pub": "publieke_ruimte", "grond": "grondrechten",
            "bel": "belangenverdediging"}
DOELGROEPEN = {"u": "universeel", "k": "kwetsbaar", "b": "beide"}
WERKVORMEN = {"L": "locatie", "M": "mobiel", "O": "online"}

NETWERK = dict(
    naam="Huis van het Kind Sint-Niklaas-Temse", rechtsvorm="vzw",
    aanvraag_maanden=20, erkenning_maanden=18, gemeenten="SN TE",
    coordinator_naam="Sofie Van Damme", coordinator_email="coordinator@demo.hvk.be",
    beschrijving="Samenwerkingsverband van partners rond (aanstaande) gezinnen, kinderen en "
                 "jongeren in Sint-Niklaas en Temse.", publiek=True)

# sleutel, naam, sector, gemeenten, heeft KBO, lid sinds (maanden geleden), overeenkomst getekend,
# rol in het netwerk
PARTNERS = [
    ("kg", "Kind en Gezin – regioteam Waasland", "kind_en_gezin", "SN TE", True, 60, True,
     "kernpartner, stuurgroep"),
    ("stad_sn", "Stad Sint-Niklaas", "lokaal_bestuur", "SN", True, 60, True,
     "kernpartner, stuurgroep"),
    ("gem_te", "Gemeente Temse", "lokaal_bestuur", "TE", True, 30, False, "stuurgroep"),
    ("sh_sn", "Sociaal Huis Sint-Niklaas", "welzijn", "SN", True, 60, True, "kernpartner"),
    ("sh_te", "OCMW Temse – sociale dienst", "welzijn", "TE", True, 30, True, ""),
    ("caw", "CAW Schelde en Waas", "welzijn", "SN TE BKZ STE", True, 58, True, "stuurgroep"),
    ("ow", "Opvoedingswinkel Waasland", "welzijn", "SN TE", True, 60, True, "kernpartner"),
    ("inloop", "Inloopteam De Vlinder", "welzijn", "SN", True, 48, True, ""),
    ("wijk", "Buurtwerk Wijkpunt Clementwijk", "welzijn", "SN", True, 40, True, ""),
    ("kdv", "Kinderdagverblijf De Speelvogel", "kinderopvang", "SN", True, 44, True, ""),
    ("zonnetje", "Kinderopvang Het Zonnetje", "kinderopvang", "TE", True, 26, True, ""),
    ("tuimelaar", "Gezinsopvang Tuimelaar", "kinderopvang", "SN", True, 22, False, ""),
    ("bko", "Buitenschoolse Kinderopvang De Sprinkhaan", "kinderopvang", "SN TE", True, 50, True,
     "stuurgroep"),
    ("regenboog", "Basisschool De Regenboog", "onderwijs", "SN", True, 36, True, ""),
    ("sintjozef", "Vrije Basisschool Sint-Jozef", "onderwijs", "TE", True, 28, True, ""),
    ("wegwijzer", "Gemeentelijke Basisschool De Wegwijzer", "onderwijs", "TE", True, 24, True, ""),
    ("clb", "CLB Waasland", "onderwijs", "SN TE", True, 55, True, "kernpartner"),
    ("linde", "Huisartsenpraktijk De Linde", "gezondheid", "SN", True, 34, True, ""),
    ("moederhart", "Vroedvrouwenpraktijk Moederhart", "gezondheid", "SN TE", True, 46, True, ""),
    ("kraam", "Kraamzorg Wiegewijs", "gezondheid", "SN TE", True, 42, True, ""),
    ("vaart", "Wijkgezondheidscentrum De Vaart", "gezondheid", "SN", True, 38, True, ""),
    ("ckg", "CKG De Wieg", "jeugdhulp", "SN TE", True, 57, True, "kernpartner"),
    ("kompas", "Thuisbegeleidingsdienst Het Kompas", "jeugdhulp", "SN TE", True, 32, True, ""),
    ("bib_te", "Bibliotheek Temse", "vrije_tijd_cultuur", "TE", True, 27, True, ""),
    ("kadeekes", "Speelpleinwerking De Kadeekes", "vrije_tijd_cultuur", "SN", True, 35, True, ""),
    ("academie", "Academie voor Muziek, Woord en Dans Waas", "vrije_tijd_cultuur", "SN TE", True,
     20, True, ""),
    ("jeugdhuis", "Jeugdhuis De Schakel", "vrije_tijd_cultuur", "TE", True, 18, False, ""),
    ("gezinsbond", "Gezinsbond afdeling Temse", "middenveld", "TE", False, 29, True, ""),
    ("ruilwinkel", "Ruilwinkel Het Kinderkastje", "middenveld", "SN", True, 16, True, ""),
    ("buurtmoeders", "Buurtmoeders De Klaproos", "middenveld", "SN", False, 14, True, ""),
    ("voorlees", "Voorleesgroep De Boekenbende", "middenveld", "TE", False, 12, True, ""),
    ("babyhuisje", "Babyhuisje Klein Geluk", "middenveld", "SN", True, 40, True, ""),
    ("mut", "Ziekenfonds Zorgzaam Waasland", "mutualiteit", "SN TE", True, 47, True, ""),
    ("taalpunt", "Taalpunt Waasland", "andere", "SN TE", True, 25, True, ""),
    ("woon", "Woonmaatschappij Waasland", "andere", "SN TE", True, 21, True, ""),
]
# left the network (lid_tot set): kept for the membership history, no aanbod, no verwijzingen
GEWEZEN = [("teddybeer", "Kinderopvang De Teddybeer", "kinderopvang", "TE", True, 54, 5)]

# per partner: naam, aanbodvorm, functies, leeftijdsgroepen, doelgroep, werkvormen, gemeenten,
# optional flags ("kg" = verplicht_kg, "!ld" = not laagdrempelig, "ld" = laagdrempelig)
AANBOD = {
    "kg": [
        ("Consultatiebureau De Klimop", "consultatiebureau", "gez", "0-3", "u", "L", "SN", "kg"),
        ("Consultatiebureau Temse-Centrum", "consultatiebureau", "gez", "0-3", "u", "L", "TE",
         "kg"),
        ("Consultatiebureau Nieuwkerken", "consultatiebureau", "gez", "0-3 3-6", "u", "L", "SN",
         "kg"),
        ("Huisbezoek Kind en Gezin na de geboorte", "mobiele_gezinsondersteuning", "gez", "0-3",
         "u", "M", "", "kg"),
        ("Prenatale consultatie en signaalpunt kwetsbare zwangeren", "prenatale_ondersteuning",
         "gez bel", "prenataal", "k", "L", "", "kg"),
        ("Groeiwijzer online en Kind en Gezin-Lijn", "opvoedingsondersteuning", "gez",
         "prenataal 0-3 3-6",
         "u", "O", "", ""),
        ("Webinar slapen, huilen en voeding", "informatie", "gez", "ouders", "u", "O", "", ""),
    ],
    "stad_sn": [
        ("Lokaal loket kinderopvang Sint-Niklaas", "lokaal_loket_kinderopvang", "opv grond",
         "0-3 3-6 6-12", "u", "L O", "", ""),
        ("Speelweefsel en speelterreinen Sint-Niklaas", "vrije_tijd", "pub vt", "0-3 3-6", "u",
         "L", "", ""),
        ("Kinder- en jeugdraad Sint-Niklaas", "informatie", "bel ont", "6-12 12-18", "u", "L", "",
         ""),
        ("Infopunt Huis van het Kind aan de Grote Markt", "informatie", "grond gez", "prenataal "
         "0-3 3-6 6-12", "b", "L", "", ""),
        ("Ouderplatform Sint-Niklaas", "informatie", "bel ont", "ouders", "b", "L", "", ""),
        ("Vrijetijdspas met kansentarief", "vrije_tijd", "vt grond", "6-12 12-18", "k", "O", "",
         ""),
    ],
    "gem_te": [
        ("Lokaal loket kinderopvang Temse", "lokaal_loket_kinderopvang", "opv grond",
         "0-3 3-6 6-12", "u", "L O", "", ""),
        ("Kaart met babyvriendelijke plekken in Temse", "informatie", "pub", "0-3 3-6", "u", "O",
         "", ""),
        ("Kleuterspeelweken Temse", "vrije_tijd", "vt ont", "3-6", "b", "L", "", "!ld"),
        ("Mobiele tienerwerking Temse", "vrije_tijd", "vt ont", "12-18", "u", "M", "", ""),
    ],
    "sh_sn": [
        ("Sociaal Huis: onthaal en rechtenverkenning", "welzijn_onthaal", "grond", "ouders", "k",
         "L", "", ""),
        ("Budgetbegeleiding voor gezinnen", "welzijn_onthaal", "grond gez", "ouders", "k", "L M",
         "", ""),
        ("Schoolkostenfonds", "materiele_ondersteuning", "grond opv", "3-6 6-12 12-18", "k", "L",
         "", ""),
        ("Sociale kruidenier De Koopkorf", "materiele_ondersteuning", "grond", "ouders", "k", "L",
         "", ""),
    ],
    "sh_te": [
        ("Sociale dienst Temse: onthaal en rechten", "welzijn_onthaal", "grond", "ouders", "k",
         "L", "", ""),
        ("Sociale kruidenier en kinderkledij Temse", "materiele_ondersteuning", "grond",
         "ouders", "k", "L", "", ""),
        ("Huisbezoeken maatschappelijk werk Temse", "welzijn_onthaal", "grond gez", "ouders",
         "k", "M", "", ""),
        ("Vrijetijdsparticipatie met kansentarief Temse", "vrije_tijd", "vt grond",
         "3-6 6-12 12-18", "k", "O", "", ""),
    ],
    "caw": [
        ("CAW-onthaal Sint-Niklaas", "welzijn_onthaal", "grond", "18-25 ouders", "u", "L", "SN",
         ""),
        ("CAW-onthaal Temse (zitdag)", "welzijn_onthaal", "grond", "18-25 ouders", "u", "L", "TE",
         ""),
        ("JAC – jongerenonthaal", "jeugdhulp", "grond gez", "12-18 18-25", "u", "L", "SN TE", ""),
        ("Gezinsbegeleiding bij ouderschapsconflicten", "ambulante_gezinsondersteuning", "gez",
         "ouders", "k", "L", "SN TE", ""),
        ("Praatgroep kinderen in scheiding", "opvoedingsondersteuning", "gez ont", "6-12", "u",
         "L", "SN", ""),
    ],
    "ow": [
        ("Opvoedingswinkel inloopmoment", "opvoedingsondersteuning", "gez", "ouders", "u", "L",
         "SN", ""),
        ("Opvoedingswinkel zitdag Temse", "opvoedingsondersteuning", "gez", "ouders", "u", "L",
         "TE", ""),
        ("Opvoedingslijn en chat", "opvoedingsondersteuning", "gez", "ouders", "u", "O", "", ""),
        ("Oudercafé Samen Sterk", "opvoedingsondersteuning", "ont gez", "ouders", "b", "L", "",
         ""),
        ("Themavond Positief Opvoeden", "opvoedingsondersteuning", "gez", "ouders", "u", "L", "",
         "!ld"),
        ("Individuele opvoedingsgesprekken", "ambulante_gezinsondersteuning", "gez", "ouders",
         "u", "L O", "", ""),
        ("Opvoedingsondersteuning aan huis", "mobiele_gezinsondersteuning", "gez", "6-12 12-18",
         "k", "M", "", ""),
        ("Oudergroep Pubers in huis", "opvoedingsondersteuning", "gez ont", "12-18", "u", "L", "",
         "!ld"),
        ("Papa-uurtje: ontmoeting voor vaders", "opvoedingsondersteuning", "ont gez", "ouders",
         "u", "L", "SN", ""),
    ],
    "inloop": [
        ("Inloopteam De Vlinder: ontmoetingsochtend", "inloopteam", "ont gez", "prenataal 0-3",
         "k", "L", "", ""),
        ("Babymassage en draagdoekatelier", "inloopteam", "ont gez", "0-3", "k", "L", "", ""),
        ("Taalstimulerend spel voor peuters", "onderwijskansen", "opv gez", "0-3", "k", "L", "",
         ""),
        ("Vlinderkoffer: uitleen babymateriaal", "materiele_ondersteuning", "gez", "prenataal 0-3",
         "k", "L", "", ""),
        ("Wachtzaalwerking in het consultatiebureau", "inloopteam", "ont gez bel", "0-3", "k", "L",
         "", ""),
    ],
    "wijk": [
        ("Kruipuurtje 0–3 Clementwijk", "spel_en_ontmoeting", "ont", "0-3", "u", "L", "", ""),
        ("Huiswerkklas Clementwijk", "onderwijskansen", "opv", "6-12", "k", "L", "", ""),
        ("Pleinwerking in de wijk", "vrije_tijd", "ont pub vt", "3-6 6-12", "u", "M", "", ""),
        ("Wijkrestaurant gezinsmoment", "spel_en_ontmoeting", "ont", "ouders", "k", "L", "", ""),
    ],
    "kdv": [
        ("Kinderdagverblijf De Speelvogel", "kinderopvang", "opv", "0-3", "u", "L", "", "!ld"),
        ("Occasionele opvang De Speelvogel", "kinderopvang", "opv", "0-3", "u", "L", "", ""),
        ("Wenmomenten en ouderkoffie", "kinderopvang", "opv ont", "0-3", "u", "L", "", ""),
    ],
    "zonnetje": [
        ("Kinderopvang Het Zonnetje", "kinderopvang", "opv", "0-3", "u", "L", "", "!ld"),
        ("Flexibele opvang Het Zonnetje (vroege en late uren)", "kinderopvang", "opv", "0-3", "b",
         "L", "", ""),
    ],
    "tuimelaar": [
        ("Gezinsopvang Tuimelaar – inclusieve opvang", "kinderopvang", "opv", "0-3", "k", "L", "",
         ""),
        ("Noodopvang voor ouders in een traject naar werk", "kinderopvang", "opv", "0-3 3-6", "k",
         "M", "", ""),
    ],
    "bko": [
        ("Buitenschoolse opvang De Sprinkhaan Sint-Niklaas", "kinderopvang", "opv vt", "3-6 6-12",
         "u", "L", "SN", ""),
        ("Buitenschoolse opvang De Sprinkhaan Temse", "kinderopvang", "opv vt", "3-6 6-12", "u",
         "L", "TE", ""),
        ("Vakantieopvang De Sprinkhaan", "kinderopvang", "opv vt", "3-6 6-12", "u", "L", "",
         "!ld"),
        ("Opvang op woensdagnamiddag", "kinderopvang", "opv vt", "3-6 6-12", "u", "L", "", ""),
    ],
    "regenboog": [
        ("Instapklasje met ouderbetrokkenheid", "onderwijskansen", "opv ont", "3-6", "b", "L", "",
         ""),
        ("Brede school De Regenboog: naschools aanbod", "vrije_tijd", "vt opv", "6-12", "k", "L",
         "", ""),
        ("Schoolpoortmoment met koffie", "spel_en_ontmoeting", "ont", "ouders", "u", "L", "", ""),
    ],
    "sintjozef": [
        ("Kleuterparticipatie: open klasdag", "onderwijskansen", "opv ont", "3-6", "u", "L", "",
         ""),
        ("Huiswerkbegeleiding Sint-Jozef", "onderwijskansen", "opv", "6-12", "k", "L", "", ""),
    ],
    "wegwijzer": [
        ("Ouderwerking De Wegwijzer", "onderwijskansen", "opv ont", "ouders", "b", "L", "", ""),
        ("Speelplaats open na schooltijd", "spel_en_ontmoeting", "pub ont", "3-6", "u", "L", "",
         ""),
    ],
    "clb": [
        ("CLB-onthaal leerlingen en ouders", "jeugdhulp", "opv gez", "3-6 6-12", "u",
         "L O", "", ""),
        ("Online schoolkeuzewijzer secundair", "informatie", "opv", "12-18", "u", "O", "", ""),
        ("Preventieve gezondheidsonderzoeken", "gezondheidszorg", "gez", "3-6 6-12 12-18", "u",
         "L", "", ""),
        ("CLB-chat", "jeugdhulp", "gez grond", "12-18 18-25", "u", "O", "", ""),
        ("Vaccinatiecampagne op school", "gezondheidszorg", "gez", "6-12 12-18", "u", "L", "", ""),
    ],
    "linde": [
        ("Huisartsenpraktijk De Linde: gezinsarts", "gezondheidszorg", "gez", "18-25 ouders", "u",
         "L M", "", "!ld"),
        ("Spreekuur jonge gezinnen", "gezondheidszorg", "gez", "prenataal ouders", "u", "L", "",
         ""),
    ],
    "moederhart": [
        ("Prenatale begeleiding Moederhart", "prenatale_ondersteuning", "gez", "prenataal", "u",
         "L M", "", "!ld"),
        ("Postnatale consultaties in de praktijk", "gezondheidszorg", "gez", "0-3", "u", "L", "",
         ""),
        ("Zwangerschapscursus en bevallingsvoorbereiding", "prenatale_ondersteuning", "gez ont",
         "prenataal", "u", "O", "", "!ld"),
        ("Borstvoedingsgroep Melk & Co", "spel_en_ontmoeting", "ont gez", "0-3", "u", "O", "", ""),
    ],
    "kraam": [
        ("Kraamzorg aan huis", "gezondheidszorg", "gez", "0-3", "b", "M", "", "!ld"),
        ("Kraamhulp voor kwetsbare gezinnen", "mobiele_gezinsondersteuning", "gez", "0-3", "k",
         "M", "TE", ""),
    ],
    "vaart": [
        ("Wijkgezondheidscentrum De Vaart: gezinsconsult", "gezondheidszorg", "gez", "0-3 3-6 "
         "6-12 12-18", "k", "L", "", ""),
        ("Gezondheidsvoorlichting in de wijk", "informatie", "gez bel", "ouders", "k", "M", "",
         ""),
        ("Tandzorg voor kinderen", "gezondheidszorg", "gez", "3-6 6-12", "k", "L", "", ""),
        ("Groepssessies gezonde voeding voor ouders", "gezondheidszorg", "gez ont", "ouders", "k",
         "L", "", ""),
    ],
    "ckg": [
        ("CKG De Wieg: ambulante gezinsondersteuning", "ambulante_gezinsondersteuning", "gez",
         "0-3 3-6 6-12", "b", "L", "", ""),
        ("CKG De Wieg: mobiele begeleiding jonge gezinnen", "jeugdhulp", "gez", "0-3", "b", "M",
         "", ""),
        ("Crisisopvang voor kinderen", "jeugdhulp", "gez opv", "0-3 3-6 6-12", "k", "L", "", ""),
        ("Ouder-kindgroep Samen Spelen", "spel_en_ontmoeting", "ont gez", "0-3 3-6", "k", "L", "",
         ""),
        ("Oudergroep baby's en peuters", "opvoedingsondersteuning", "ont gez", "0-3", "k", "L", "",
         ""),
    ],
    "kompas": [
        ("Thuisbegeleiding Het Kompas", "jeugdhulp", "gez", "3-6 6-12 12-18", "b", "M", "", ""),
        ("Kortdurende opvoedingsondersteuning", "opvoedingsondersteuning", "gez", "6-12 12-18",
         "k", "M", "", ""),
        ("Contextbegeleiding tieners", "jeugdhulp", "gez", "12-18", "u", "M", "", ""),
    ],
    "bib_te": [
        ("Boekenbabies Temse", "vrije_tijd", "vt ont", "0-3", "u", "L", "", ""),
        ("Online voorleesverhalen van de bib", "vrije_tijd", "vt ont", "3-6 6-12", "u", "O", "",
         ""),
        ("Huiswerkhoek en digitale hulp", "onderwijskansen", "opv vt", "12-18", "b", "L", "", ""),
        ("Gezinsinfohoek in de bibliotheek", "informatie", "grond gez", "ouders", "u", "L", "", ""),
    ],
    "kadeekes": [
        ("Speelpleinwerking De Kadeekes", "vrije_tijd", "vt pub ont", "6-12", "u", "L", "",
         ""),
        ("Speelbus in kwetsbare wijken", "vrije_tijd", "vt pub", "6-12", "k", "M", "", ""),
    ],
    "academie": [
        ("Muziekinitiatie", "vrije_tijd", "vt", "6-12", "u", "L", "TE", "!ld"),
        ("Dansatelier voor jongeren", "vrije_tijd", "vt", "12-18", "u", "L", "SN", "!ld"),
        ("Woordkunst en theater voor tieners", "vrije_tijd", "vt", "12-18", "u", "L", "SN", "!ld"),
        ("Kunstkampen in de zomervakantie", "vrije_tijd", "vt", "6-12", "u", "L", "TE", "!ld"),
    ],
    "jeugdhuis": [
        ("Jeugdhuis De Schakel: open huis", "vrije_tijd", "ont vt", "12-18 18-25", "b", "L", "",
         ""),
        ("Tienerkamp en workshops", "vrije_tijd", "vt", "12-18", "u", "O", "", "!ld"),
    ],
    "gezinsbond": [
        ("Gezinsbond Temse: kinderoppasdienst", "kinderopvang", "opv", "3-6 6-12", "u", "M", "",
         ""),
        ("Gezinsbond Temse: signalen van gezinnen", "informatie", "bel", "prenataal 0-3 3-6 6-12",
         "u", "L", "", ""),
        ("Tweedehandsbeurs kinderkleding", "materiele_ondersteuning", "ont", "0-3 3-6 6-12", "u",
         "L", "", ""),
    ],
    "ruilwinkel": [
        ("Ruilwinkel Het Kinderkastje", "materiele_ondersteuning", "grond ont", "0-3 3-6 6-12",
         "b", "O", "", ""),
    ],
    "buurtmoeders": [
        ("Buurtmoeders op bezoek", "mobiele_gezinsondersteuning", "ont gez", "prenataal 0-3 3-6",
         "k", "M", "", ""),
    ],
    "voorlees": [
        ("Voorlezen aan huis", "vrije_tijd", "vt ont", "3-6 6-12", "k", "M", "", ""),
    ],
    "babyhuisje": [
        ("Babyhuisje Klein Geluk, spel en ontmoeting 0–3", "spel_en_ontmoeting", "ont gez", "0-3",
         "u", "L", "", ""),
        ("Peuterspeelmoment Klein Geluk", "spel_en_ontmoeting", "ont", "3-6", "u", "L", "", ""),
    ],
    "mut": [
        ("Infosessie groeipakket en geboortepremie", "welzijn_onthaal", "grond", "prenataal", "u",
         "L O", "", ""),
        ("Gezinszorg en kraamhulp via het ziekenfonds", "gezondheidszorg", "gez", "prenataal 0-3",
         "u", "O", "", ""),
        ("Oppasdienst zieke kinderen", "kinderopvang", "opv", "0-3 3-6 6-12", "u", "M", "SN",
         "!ld"),
        ("Dienst maatschappelijk werk ziekenfonds", "welzijn_onthaal", "grond gez", "ouders", "u",
         "M", "", ""),
    ],
    "taalpunt": [
        ("Oefenkansen Nederlands voor ouders", "onderwijskansen", "grond ont", "ouders", "k", "O",
         "", ""),
        ("Taalcafé met kinderhoek", "spel_en_ontmoeting", "ont", "ouders", "k", "M", "", ""),
        ("Taalcoaching voor ouders aan de schoolpoort", "onderwijskansen", "grond opv", "ouders",
         "k", "L", "SN", ""),
    ],
    "woon": [
        ("Digitaal woonloket voor jonge gezinnen", "welzijn_onthaal", "grond", "ouders", "b", "O",
         "", ""),
        ("Buurtspeelplein sociale woonwijk", "vrije_tijd", "pub ont", "0-3 3-6", "k", "M", "SN",
         ""),
    ],
}
