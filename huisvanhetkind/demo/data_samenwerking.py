"""Demo collaboration data of the main network: fixed verwijzingen, engagements, bewust niet, users.

Pure data. Partners are named by their sleutel from data.py; dates are days relative to the day
the demo is loaded, so that deadlines keep their meaning.
"""
from __future__ import annotations

# van, naar, soort — the links that tell the story; loader.py adds random ones among KERN
VERWIJZINGEN = [
    # the consultatiebureau partner at the centre
    ("kg", "ow", "doorverwijzing"), ("ow", "kg", "doorverwijzing"),
    ("kg", "ckg", "warme_overdracht"), ("ckg", "kg", "zorgafstemming"),
    ("kg", "kraam", "samenwerking"), ("kraam", "kg", "warme_overdracht"),
    ("moederhart", "kg", "warme_overdracht"), ("kg", "moederhart", "doorverwijzing"),
    ("linde", "kg", "doorverwijzing"), ("kg", "linde", "doorverwijzing"),
    ("kg", "kdv", "doorverwijzing"), ("kg", "stad_sn", "samenwerking"),
    ("kg", "inloop", "warme_overdracht"), ("inloop", "kg", "doorverwijzing"),
    ("kg", "vaart", "zorgafstemming"), ("kg", "sh_sn", "doorverwijzing"),
    ("kg", "tuimelaar", "doorverwijzing"), ("kg", "kompas", "warme_overdracht"),
    ("mut", "kg", "samenwerking"), ("bib_te", "kg", "samenwerking"),
    # the small volunteer initiatives reach the network only through Inloopteam De Vlinder
    ("buurtmoeders", "inloop", "doorverwijzing"), ("inloop", "buurtmoeders", "samenwerking"),
    ("ruilwinkel", "inloop", "doorverwijzing"), ("inloop", "ruilwinkel", "doorverwijzing"),
    ("babyhuisje", "inloop", "samenwerking"), ("inloop", "babyhuisje", "doorverwijzing"),
    # welfare and family support
    ("caw", "sh_sn", "warme_overdracht"), ("sh_sn", "caw", "doorverwijzing"),
    ("caw", "ow", "doorverwijzing"), ("ow", "ckg", "warme_overdracht"),
    ("ow", "kompas", "doorverwijzing"), ("clb", "ow", "doorverwijzing"),
    ("clb", "kompas", "zorgafstemming"), ("sh_te", "caw", "doorverwijzing"),
    ("gem_te", "sh_te", "samenwerking"), ("stad_sn", "sh_sn", "samenwerking"),
    ("inloop", "ow", "warme_overdracht"), ("inloop", "sh_sn", "doorverwijzing"),
    ("wijk", "sh_sn", "doorverwijzing"), ("wijk", "vaart", "samenwerking"),
    ("taalpunt", "ow", "doorverwijzing"), ("woon", "caw", "doorverwijzing"),
    ("jeugdhuis", "caw", "doorverwijzing"), ("mut", "kraam", "doorverwijzing"),
    # childcare, school and leisure
    ("clb", "regenboog", "samenwerking"), ("regenboog", "clb", "zorgafstemming"),
    ("clb", "sintjozef", "samenwerking"), ("wegwijzer", "clb", "doorverwijzing"),
    ("bko", "clb", "doorverwijzing"), ("kadeekes", "stad_sn", "samenwerking"),
    ("academie", "bib_te", "samenwerking"), ("gezinsbond", "gem_te", "samenwerking"),
    ("zonnetje", "gem_te", "samenwerking"), ("tuimelaar", "stad_sn", "samenwerking"),
    ("sintjozef", "bko", "samenwerking"), ("wegwijzer", "gem_te", "samenwerking"),
    ("sintjozef", "ow", "doorverwijzing"), ("wegwijzer", "kompas", "doorverwijzing"),
]
# members that take part in the random links (the isolated and the peripheral partners do not)
BUITEN_KERN = ("voorlees", "buurtmoeders", "ruilwinkel", "babyhuisje")
# relative weight of a partner in the random links: hubs link more
GEWICHT = {"kg": 3.0, "ow": 3.0, "caw": 3.0, "sh_sn": 2.5, "stad_sn": 2.0, "clb": 2.0,
           "ckg": 2.0, "sh_te": 1.5, "gem_te": 1.5, "inloop": 1.5}
AANTAL_VERWIJZINGEN = 150
SOORTEN = {"doorverwijzing": 45, "warme_overdracht": 20, "zorgafstemming": 15,
           "samenwerking": 20}

ENGAGEMENTEN = {
    "E6": "Het aanbod sluit aan bij een omgevingsanalyse en één gezamenlijke kalender.",
    "E7": "Drempels verlagen: taal, bereikbaarheid en één aanspreekpunt.",
    "E8": "Outreachend werken en ervaringsdeskundigen inzetten.",
    "E9": "Vlotte doorverwijzing vanuit het consultatiebureau.",
    "E10": "Het Huis van het Kind is verankerd in het lokaal sociaal beleid van beide gemeenten.",
    "E11": "Elke organisatie die met gezinnen werkt, kan aansluiten.",
    "E12": "Het aanbod wordt voorgesteld op het IROJ en het LOK.",
    "S2": "Lacunes en overlap worden jaarlijks besproken in de stuurgroep.",
    "S3": "Nieuwe gezinnen bereiken via vindplaatsen.",
    "S4": "Een gebruikersraad met ouders wordt nog opgericht.",
    "S5": "Casusoverleg voor gezinnen met jonge kinderen.",
    "S6": "Coördinatie, kwaliteitsbewaking en een actueel aanbodregister.",
}
# voorwaarde, beschrijving, trekker, deadline (days from today), status, bewijs
# S4 deliberately has no action (niet voldaan); E7's first action is overdue.
ACTIES = [
    ("E6", "Omgevingsanalyse: noden van gezinnen in Sint-Niklaas en Temse in kaart brengen",
     "stad_sn", -200, "gerealiseerd", "Rapport omgevingsanalyse, goedgekeurd door de stuurgroep."),
    ("E6", "Gezamenlijke aanbodkalender voor alle partners", "ow", 120, "lopend", ""),
    ("E7", "Onthaalfolder vertalen in vijf talen", "taalpunt", -40, "lopend", ""),
    ("E7", "Eén telefoonnummer en website voor het Huis van het Kind", "stad_sn", -300,
     "gerealiseerd", "Website en centraal nummer actief; bezoekersstatistiek in het jaarverslag."),
    ("E8", "Outreachend werken met ervaringsdeskundigen in de Clementwijk", "inloop", -120,
     "gerealiseerd", "Verslag: 23 gezinnen bereikt via huisbezoeken door ervaringsdeskundigen."),
    ("E8", "Afspraken met de sociale dienst van Temse over kwetsbare zwangeren", "sh_te", 60,
     "gepland", ""),
    ("E9", "Verwijsprotocol consultatiebureau – Opvoedingswinkel – CKG", "kg", -90,
     "gerealiseerd", "Verwijsprotocol ondertekend door de drie partners."),
    ("E9", "Digitale verwijsfiche met toestemming van het gezin", "caw", 150, "gepland", ""),
    ("E10", "Huis van het Kind opgenomen in het meerjarenplan van Sint-Niklaas", "stad_sn", -250,
     "gerealiseerd", "Meerjarenplan, actieplan 'Gezinnen versterken', actie 3.2.1."),
    ("E10", "Afstemming met het lokaal sociaal beleid van Temse", "gem_te", 100, "lopend", ""),
    ("E11", "Partnerdag met open uitnodiging aan verenigingen en vrijwilligersgroepen",
     "gezinsbond", -60, "gerealiseerd", "Partnerdag met 32 deelnemers; verslag en aanwezigheden."),
    ("E11", "Onthaalbrochure voor nieuwe partners", "ow", 140, "gepland", ""),
    ("E12", "Aanbod voorstellen op het Lokaal Overleg Kinderopvang", "kdv", 45, "gepland", ""),
    ("E12", "Presentatie op het IROJ Oost-Vlaanderen", "ckg", 130, "lopend", ""),
    ("S2", "Lacune tieners in Temse: overleg met jeugddienst en jeugdhuis", "jeugdhuis", 140,
     "gepland", ""),
    ("S2", "Afspraken tussen het babyhuisje en het kruipuurtje in Sint-Niklaas", "wijk", 110,
     "lopend", ""),
    ("S3", "Vindplaatsgericht werken op de markt en in de wachtzaal van het consultatiebureau",
     "inloop", -30, "gerealiseerd", "Verslag: 14 nieuwe gezinnen leerden het aanbod kennen."),
    ("S5", "Maandelijks casusoverleg voor gezinnen met kinderen van 0 tot 3 jaar", "ckg", -150,
     "gerealiseerd", "Agenda en (geanonimiseerde) verslagen van tien overlegmomenten."),
    ("S5", "Casusoverleg uitbreiden naar Temse", "kompas", 80, "gepland", ""),
    ("S6", "Jaarlijkse tevredenheidsbevraging bij gezinnen", "ow", 160, "gepland", ""),
    ("S6", "Aanbodregister: elk aanbod jaarlijks laten nakijken door de partner", "stad_sn", 20,
     "lopend", ""),
    ("S6", "Intervisie voor onthaalmedewerkers", "caw", -70, "gerealiseerd",
     "Drie intervisiemomenten, deelnemerslijsten beschikbaar."),
]

# functie, leeftijdsgroep, gemeente-alias, reden
BEWUST_NIET = [
    ("publieke_ruimte", "6-12", "TE",
     "Speelruimte voor lagere-schoolkinderen in Temse volgt de gemeentelijke jeugddienst op via "
     "het speelweefselplan, buiten het Huis van het Kind."),
]

# email, rol, wachtwoord, extra (naam en bereik)
DEMO_USERS = [
    ("beheerder@demo.hvk.be", "beheerder", "demo-beheerder", {"naam": "Bart Beheerder"}),
    ("coordinator@demo.hvk.be", "coordinator", "demo-coordinator",
     {"naam": "Sofie Van Damme", "netwerken": ["Huis van het Kind Sint-Niklaas-Temse"]}),
    ("partner@demo.hvk.be", "partner", "demo-partner",
     {"naam": "Pieter Partner", "organisatie": "Opvoedingswinkel Waasland"}),
    ("consultant@demo.hvk.be", "consultant", "demo-consultant",
     {"naam": "Carla Consultant", "provincies": ["Oost-Vlaanderen"]}),
]
