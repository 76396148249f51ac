"""Test data for the erkenning module: a realistic network and helpers (not shared fixtures)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from huisvanhetkind.erkenning import operations
from huisvanhetkind.extensions import db
from tests import factories as f

SINT_NIKLAAS, TEMSE = "46021", "46025"
ALLE_IDS = [f"E{i}" for i in range(1, 13)] + [f"S{i}" for i in range(1, 8)]


@dataclass
class Waasland:
    netwerk: int
    stad: int
    temse: int
    kg: int
    caw: int
    spelotheek: int
    coordinator: int
    erkend: date


def realistisch_netwerk(extra_partners: int = 0, naam: str = "Huis van het Kind Waasland",
                        vandaag: date | None = None) -> Waasland:
    """Two municipalities with their lokaal bestuur, a consultatiebureau, several vormen, links
    and engagement actions in every state; the caller commits."""
    vandaag = vandaag or date.today()
    erkend = vandaag - timedelta(days=365)  # deadline one year from today
    net = f.netwerk(naam, gemeenten=(SINT_NIKLAAS, TEMSE), rechtsvorm="vzw",
                    erkenningsdatum=erkend, aanvraagdatum=erkend - timedelta(days=90),
                    coordinator_naam="Els Coördinator", coordinator_email="els@hvk-waasland.be")
    stad = f.organisatie("Stad Sint-Niklaas", sector="lokaal_bestuur", gemeenten=(SINT_NIKLAAS,))
    temse = f.organisatie("Gemeente Temse", sector="lokaal_bestuur", gemeenten=(TEMSE,))
    kg = f.organisatie("Kind en Gezin Waasland", sector="kind_en_gezin",
                       gemeenten=(SINT_NIKLAAS, TEMSE))
    caw = f.organisatie("CAW Oost-Vlaanderen", sector="welzijn", gemeenten=(SINT_NIKLAAS, TEMSE))
    spel = f.organisatie("Spelotheek De Knikker", sector="middenveld", gemeenten=(SINT_NIKLAAS,))
    opvang = f.organisatie("Kinderopvang Pagadder", sector="kinderopvang", gemeenten=(TEMSE,))
    for org in (stad, temse, kg, caw, spel, opvang):
        f.lid(net, org, overeenkomst_getekend=org is not opvang)
    f.aanbod(kg, "Consultatiebureau Sint-Niklaas", "consultatiebureau", verplicht_kg=True,
             functies=("gezinsondersteuning",), leeftijdsgroepen=("0-3", "3-6"))
    f.aanbod(kg, "Consultatiebureau Temse", "consultatiebureau", verplicht_kg=True,
             functies=("gezinsondersteuning",), leeftijdsgroepen=("0-3",), gemeenten=(TEMSE,))
    f.aanbod(caw, "Opvoedingswinkel", "opvoedingsondersteuning", laagdrempelig=True,
             doelgroep="beide", functies=("gezinsondersteuning",), leeftijdsgroepen=("ouders",))
    f.aanbod(spel, "Babyhuisje", "spel_en_ontmoeting", laagdrempelig=True,
             functies=("ontmoeting",), leeftijdsgroepen=("0-3",))
    f.aanbod(spel, "Speelpleinwerking", "vrije_tijd", functies=("vrije_tijd",),
             leeftijdsgroepen=("6-12",))
    f.aanbod(opvang, "Kinderdagverblijf", "kinderopvang", functies=("opvang_onderwijs",),
             leeftijdsgroepen=("0-3",))
    f.verwijzing(kg, caw, "warme_overdracht", bevestigd=True)
    f.verwijzing(caw, spel)
    for i in range(extra_partners):
        extra = f.organisatie(f"Extra partner {i:02d}", sector="middenveld",
                              gemeenten=(SINT_NIKLAAS,))
        f.lid(net, extra, overeenkomst_getekend=i % 2 == 0)
        f.aanbod(extra, f"Extra aanbod {i:02d}", "informatie", leeftijdsgroepen=("6-12",))
        f.verwijzing(extra, caw)
    binnen = erkend.replace(year=erkend.year + 1)
    # every engagement state: realised, running, without trekker (not taken), none at all
    for v in ("E6", "E7", "E9", "E10", "E11", "E12", "S2", "S3"):
        operations.nieuwe_actie(net.id, v, beschrijving=f"Actie {v}", trekker_id=caw.id,
                                deadline=binnen, status="gerealiseerd" if v in ("E6", "E9")
                                else "lopend", bewijs="Verslag stuurgroep" if v == "E6" else "",
                                bewijs_link="https://hvk-waasland.be/verslag" if v == "E6" else "")
    operations.nieuwe_actie(net.id, "E8", beschrijving="Toeleiding kwetsbare gezinnen",
                            trekker_id=None, deadline=binnen, status="gepland")
    coordinator = f.gebruiker("coordinator", f"coord-{net.id}@test.be", netwerken=[net])
    db.session.flush()
    return Waasland(net.id, stad.id, temse.id, kg.id, caw.id, spel.id, coordinator.id, erkend)


def statussen_in_html(html: str) -> dict[str, str]:
    """ID → status from the dashboard's checklist rows."""
    return dict(re.findall(r'data-voorwaarde="([ES]\d+)" data-status="(\w+)"', html))
