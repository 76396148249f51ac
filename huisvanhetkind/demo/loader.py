"""Turns the demo data into database rows. Does not commit: the caller (the CLI) does."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..auth.operations import create_user
from ..erkenning.models import Actie, Engagement
from ..extensions import db
from ..graaf.models import BewustNiet, Indicator, Verwijzing
from ..partners.models import (Aanbod, Contactpersoon, Lidmaatschap, Netwerk, Organisatie,
                               WerkingsgebiedDeel)
from ..domein import gemeenten
from ..domein.taxonomie import AANBODVORM
from . import data, data_noord, data_samenwerking as samen, indicatoren
from . import generate as gen

SEED = 20140328  # the date of the BVR on Huizen van het Kind
AANTAL_VEROUDERD = 10  # aanbod not checked for more than twelve months


@dataclass(frozen=True)
class DemoResultaat:
    netwerk: str  # name of the main demo network
    partners: int  # its active members
    aanbod: int  # their aanbod
    verwijzingen: int  # verwijzingen between its members


def nis_codes(aliases: str) -> tuple[str, ...]:
    return tuple(gemeenten.zoek(data.GEMEENTEN[a]).nis for a in aliases.split())


class _Bouwer:
    """Holds the random generator, today's date and the organisations made so far, by sleutel."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.vandaag = date.today()
        self.orgs: dict[str, Organisatie] = {}
        self.kbo: set[str] = set()
        self.volgnummer: dict[str, int] = {}  # aanbod per organisation, for its sleutel

    def maanden_terug(self, n: int | None) -> date | None:
        return None if n is None else gen.shift_months(self.vandaag, -n)

    def netwerk(self, spec: dict) -> Netwerk:
        n = Netwerk(naam=spec["naam"], rechtsvorm=spec["rechtsvorm"],
                    aanvraagdatum=self.maanden_terug(spec["aanvraag_maanden"]),
                    erkenningsdatum=self.maanden_terug(spec["erkenning_maanden"]),
                    coordinator_naam=spec["coordinator_naam"],
                    coordinator_email=spec["coordinator_email"],
                    beschrijving=spec["beschrijving"], publiek=spec["publiek"])
        n.werkingsgebied = [WerkingsgebiedDeel(nis=nis, deel="")
                            for nis in nis_codes(spec["gemeenten"])]
        db.session.add(n)
        db.session.flush()
        return n

    def organisatie(self, sleutel, naam, sector, gem, heeft_kbo) -> Organisatie:
        rng, eerste = self.rng, gem.split()[0]
        domein = f"{gen.slug(naam)[:40].strip('-')}.voorbeeld.be"
        org = Organisatie(
            naam=naam, sector=sector, gemeenten=nis_codes(gem),
            kbo=gen.kbo_nummer(rng, self.kbo) if heeft_kbo else None,
            straat=gen.straat(rng), postcode=data.POSTCODES[eerste],
            plaats=data.GEMEENTEN[eerste], email=f"info@{domein}", telefoon=gen.telefoon(rng),
            website=f"https://www.{domein}",
            beschrijving=f"{naam}: werkt in {_opsomming(data.GEMEENTEN[a] for a in gem.split())}.")
        functies = gen.FUNCTIES[sector]
        for i in range(rng.choice((1, 1, 2))):
            persoon = gen.persoon(rng)
            org.contactpersonen.append(Contactpersoon(
                naam=persoon, functie=functies[i % len(functies)],
                email=gen.werkmail(persoon, domein), telefoon=gen.telefoon(rng)))
        db.session.add(org)
        db.session.flush()
        self.orgs[sleutel] = org
        return org

    def leden(self, netwerk: Netwerk, partners, gewezen=()) -> None:
        for sleutel, naam, sector, gem, kbo, maanden, getekend, rol in partners:
            org = self.orgs.get(sleutel) or self.organisatie(sleutel, naam, sector, gem, kbo)
            sinds = self.maanden_terug(maanden)
            db.session.add(Lidmaatschap(
                netwerk_id=netwerk.id, organisatie_id=org.id, sleutel=sleutel, rol=rol,
                lid_sinds=sinds, overeenkomst_getekend=getekend,
                overeenkomst_datum=sinds + timedelta(days=self.rng.randint(14, 90))
                if getekend else None))
        for sleutel, naam, sector, gem, kbo, maanden, maanden_weg in gewezen:
            org = self.organisatie(sleutel, naam, sector, gem, kbo)
            db.session.add(Lidmaatschap(
                netwerk_id=netwerk.id, organisatie_id=org.id, sleutel=sleutel, rol="",
                lid_sinds=self.maanden_terug(maanden), lid_tot=self.maanden_terug(maanden_weg),
                overeenkomst_getekend=True, overeenkomst_datum=self.maanden_terug(maanden - 1)))
        db.session.flush()

    def aanbod(self, per_partner: dict) -> list[Aanbod]:
        rijen = []
        for sleutel, lijst in per_partner.items():
            org = self.orgs[sleutel]
            for naam, vorm, functies, leeftijden, doel, werk, gem, vlag in lijst:
                nummer = self.volgnummer[sleutel] = self.volgnummer.get(sleutel, 0) + 1
                werkvormen = tuple(data.WERKVORMEN[w] for w in werk.split())
                rijen.append(Aanbod(
                    organisatie_id=org.id, sleutel=f"{sleutel}-{nummer}", naam=naam,
                    aanbodvorm=vorm,
                    beschrijving=f"{AANBODVORM.label(vorm)} door {org.naam}.",
                    functies=tuple(data.FUNCTIES[f] for f in functies.split()),
                    leeftijdsgroepen=tuple(leeftijden.split()),
                    doelgroep=data.DOELGROEPEN[doel], werkvormen=werkvormen,
                    gemeenten=nis_codes(gem) if gem else (),
                    laagdrempelig=_laagdrempelig(vorm, vlag), verplicht_kg=vlag == "kg",
                    contact=org.email,
                    openingsuren=self.rng.choice(gen.OPENINGSUREN)
                    if "locatie" in werkvormen else "",
                    startdatum=self.maanden_terug(self.rng.randint(6, 120))
                    if self.rng.random() < 0.6 else None,
                    laatst_nagekeken_op=gen.verleden(self.rng, self.vandaag, 3, 300)))
        for a in self.rng.sample(rijen, AANTAL_VEROUDERD) if len(rijen) > 30 else ():
            a.laatst_nagekeken_op = gen.verleden(self.rng, self.vandaag, 400, 900)
        db.session.add_all(rijen)
        return rijen

    def verwijzingen(self, links) -> int:
        for van, naar, soort in links:
            db.session.add(Verwijzing(
                van_id=self.orgs[van].id, naar_id=self.orgs[naar].id, soort=soort,
                **gen.verwijzing_details(self.rng, soort, self.vandaag)))
        return len(links)

    def engagementen(self, netwerk: Netwerk, toelichting: dict, acties) -> None:
        per_voorwaarde = {}
        for voorwaarde, tekst in toelichting.items():
            per_voorwaarde[voorwaarde] = Engagement(netwerk_id=netwerk.id, voorwaarde=voorwaarde,
                                                    toelichting=tekst)
        db.session.add_all(per_voorwaarde.values())
        db.session.flush()
        for voorwaarde, beschrijving, trekker, dagen, status, bewijs in acties:
            db.session.add(Actie(
                engagement_id=per_voorwaarde[voorwaarde].id, netwerk_id=netwerk.id,
                beschrijving=beschrijving, trekker_id=self.orgs[trekker].id,
                deadline=self.vandaag + timedelta(days=dagen), status=status, bewijs=bewijs))


def _opsomming(namen) -> str:
    namen = list(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1] if len(namen) > 1 else namen[0]


def _laagdrempelig(vorm: str, vlag: str) -> bool:
    if vlag in ("!ld", "ld"):
        return vlag == "ld"
    return AANBODVORM[vorm].subsidiebestemming is not None or vorm in (
        "inloopteam", "materiele_ondersteuning", "welzijn_onthaal")


def load_demo() -> DemoResultaat:
    """Add both demo networks and one user per role to the session (no commit)."""
    b = _Bouwer()
    hoofd = b.netwerk(data.NETWERK)
    b.leden(hoofd, data.PARTNERS, data.GEWEZEN)
    aanbod = b.aanbod(data.AANBOD)

    vast = list(samen.VERWIJZINGEN)
    kern = [p[0] for p in data.PARTNERS if p[0] not in samen.BUITEN_KERN]
    extra = gen.extra_verwijzingen(b.rng, kern, samen.GEWICHT, samen.SOORTEN, set(vast),
                                   samen.AANTAL_VERWIJZINGEN - len(vast))
    verwijzingen = b.verwijzingen(vast + extra)
    b.engagementen(hoofd, samen.ENGAGEMENTEN, samen.ACTIES)
    for functie, leeftijd, alias, reden in samen.BEWUST_NIET:
        db.session.add(BewustNiet(netwerk_id=hoofd.id, functie=functie, leeftijdsgroep=leeftijd,
                                  nis=nis_codes(alias)[0], reden=reden))

    noord = b.netwerk(data_noord.NETWERK)
    b.leden(noord, data_noord.PARTNERS)
    b.aanbod(data_noord.AANBOD)
    b.verwijzingen(data_noord.VERWIJZINGEN)
    b.engagementen(noord, data_noord.ENGAGEMENTEN, data_noord.ACTIES)

    # fictitious figures for the omgevingsanalyse, labelled so in their bron
    for rij in indicatoren.rijen(nis_codes(data.NETWERK["gemeenten"])
                                 + nis_codes(data_noord.NETWERK["gemeenten"])):
        db.session.add(Indicator(**rij))

    _gebruikers(b)
    db.session.flush()
    return DemoResultaat(netwerk=hoofd.naam, partners=len(data.PARTNERS), aanbod=len(aanbod),
                         verwijzingen=verwijzingen)


def _gebruikers(b: _Bouwer) -> None:
    per_naam = {o.naam: o for o in b.orgs.values()}
    netwerken = {n.naam: n for n in db.session.scalars(select(Netwerk))}
    for email, rol, wachtwoord, extra in samen.DEMO_USERS:
        create_user(email, wachtwoord, rol, naam=extra.get("naam", ""),
                    netwerken=[netwerken[n] for n in extra.get("netwerken", ())],
                    organisatie=per_naam.get(extra.get("organisatie")),
                    provincies=extra.get("provincies", ()))
