"""Erkenning conditions E1–E5 of domein.md §4 (the engagements E6–E12 live in engagement_rule)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from . import gemeenten
from .taxonomie import AANBODVORM, SECTOR, normalise
from .snapshot import Netwerk
from .tekst import aantal
from .voorwaarde import (BRON_BVR, BRON_DECREET, NIET_VOLDAAN, TE_CONTROLEREN, VOLDAAN,
                         WAARSCHUWING, Context, Uitkomst, Voorwaarde,
                         gemeentenamen, op_naam, opsomming)

LOKAAL_BESTUUR = SECTOR["lokaal_bestuur"].code
CONSULTATIEBUREAU = AANBODVORM["consultatiebureau"].code
# The decree's pillars besides preventive health: opvoedingsondersteuning and sociale cohesie.
PIJLERS = (AANBODVORM["opvoedingsondersteuning"].code, AANBODVORM["spel_en_ontmoeting"].code)


class OntvankelijkeAanvraag(Voorwaarde):
    id = "E1"
    titel = "Ontvankelijke aanvraag"
    bron = BRON_BVR
    eis = ('Volgens de samenvatting van Kind en Gezin vraagt het netwerk de erkenning aan met een '
           'dossier dat het netwerk, zijn werkingsgebied, zijn coördinatie en zijn partners '
           'beschrijft.')

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        ontbreekt = [tekst for tekst, ok in (
            ("de naam van het netwerk", bool(netwerk.naam.strip())),
            ("het werkingsgebied", bool(netwerk.werkingsgebied)),
            ("het e-mailadres van de coördinator", bool(netwerk.coordinator_email.strip())),
            ("minstens één partner", bool(netwerk.partners)),
        ) if not ok]
        if ontbreekt:
            return self.uitkomst(
                NIET_VOLDAAN, f"Het dossier is onvolledig: {opsomming(ontbreekt)} "
                              f"{'ontbreekt' if len(ontbreekt) == 1 else 'ontbreken'}.",
                ontbreekt)
        return self.uitkomst(VOLDAAN, "Naam, werkingsgebied, contact van de coördinator en "
                                      f"{aantal(len(netwerk.partners), 'partner', 'partners')} "
                                      f"{'is' if len(netwerk.partners) == 1 else 'zijn'} ingevuld.")


class Werkingsgebied(Voorwaarde):
    id = "E2"
    titel = "Werkingsgebied"
    bron = BRON_BVR
    eis = ('Volgens de samenvatting van Kind en Gezin heeft een Huis van het Kind een afgebakend '
           'werkingsgebied van één of meer gemeenten.')

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        if not netwerk.werkingsgebied:
            return self.uitkomst(NIET_VOLDAAN, "Het werkingsgebied is leeg: voeg minstens één "
                                               "gemeente toe.")
        fouten: list[str] = []
        ongeldig = sorted(n for n in netwerk.gemeenten if gemeenten.get(n) is None)
        if ongeldig:
            codes = "NIS-code" if len(ongeldig) == 1 else "NIS-codes"
            fouten.append(f"Ongeldige {codes}: {', '.join(ongeldig)}.")
        fouten += self._gedeeld(netwerk)
        fouten_zr, controles = self._zorgregio(netwerk, ongeldig)
        fouten += fouten_zr
        if fouten:
            return self.uitkomst(NIET_VOLDAAN, " ".join(fouten), fouten + controles)
        if controles:
            return self.uitkomst(TE_CONTROLEREN, " ".join(controles), controles)
        namen = opsomming(gemeentenamen(netwerk.gemeenten))
        return self.uitkomst(VOLDAAN, f"Het werkingsgebied ({namen}) ligt in één zorgregio en "
                                      "wordt met geen ander netwerk volledig gedeeld.")

    @staticmethod
    def _delen(werkingsgebied) -> dict[str, set[str | None]]:
        # part names compare case- and accent-insensitively; None = the whole municipality
        delen: dict[str, set[str | None]] = defaultdict(set)
        for d in werkingsgebied:
            delen[d.nis].add(normalise(d.deel) if d.deel and d.deel.strip() else None)
        return delen

    def _gedeeld(self, netwerk: Netwerk) -> list[str]:
        """A municipality may be shared only when both networks name distinct parts of it."""
        eigen = self._delen(netwerk.werkingsgebied)
        fouten = []
        for ander in sorted(netwerk.andere_netwerken, key=lambda a: a.naam.casefold()):
            hun = self._delen(ander.werkingsgebied)
            for nis in op_naam(set(eigen) & set(hun)):
                a, b = eigen[nis], hun[nis]
                if None in a or None in b or a & b:
                    fouten.append(f"{gemeenten.naam(nis)} wordt gedeeld met netwerk "
                                  f"'{ander.naam}' zonder dat beide netwerken een ander deel "
                                  "van de gemeente afbakenen.")
        return fouten

    @staticmethod
    def _zorgregio(netwerk: Netwerk, ongeldig: list[str]) -> tuple[list[str], list[str]]:
        """One zorgregio for the whole werkingsgebied, when the beheerder has loaded the table.

        A municipality missing from a loaded table is te_controleren, not niet_voldaan: the gap
        is in the reference data, not proof that the network crosses a border. Known regions
        that already differ are niet_voldaan regardless.
        """
        if netwerk.zorgregio is None:
            return [], ["De zorgregiotabel is nog niet geladen: controleer dat alle gemeenten "
                        "van het werkingsgebied in één zorgregio liggen (de beheerder kan de "
                        "tabel laden)."]
        per_regio: dict[str, list[str]] = defaultdict(list)
        onbekend = []
        for nis in sorted(netwerk.gemeenten - set(ongeldig)):
            regio = netwerk.zorgregio.get(nis)
            (per_regio[regio].append(nis) if regio else onbekend.append(nis))
        fouten, controles = [], []
        if len(per_regio) > 1:
            delen = "; ".join(f"{r}: {opsomming(gemeentenamen(n))}"
                              for r, n in sorted(per_regio.items()))
            fouten.append(f"Het werkingsgebied ligt in meer dan één zorgregio ({delen}).")
        if onbekend:
            werkwoord = "ontbreekt" if len(onbekend) == 1 else "ontbreken"
            controles.append(f"{opsomming(gemeentenamen(onbekend))} {werkwoord} in de geladen "
                             "zorgregiotabel: controleer de zorgregio en vul de tabel aan.")
        return fouten, controles


class SamenwerkingLokaalBestuur(Voorwaarde):
    id = "E3"
    titel = "Samenwerking met lokaal bestuur"
    bron = BRON_BVR
    eis = ('Volgens de samenvatting van Kind en Gezin werkt een Huis van het Kind samen met het '
           'lokaal bestuur van de gemeenten van zijn werkingsgebied.')

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        if not netwerk.gemeenten:
            return self.uitkomst(NIET_VOLDAAN, "Geen werkingsgebied, dus geen lokaal bestuur om "
                                               "een overeenkomst mee te tekenen.")
        besturen = [p for p in netwerk.partners if p.sector == LOKAAL_BESTUUR]
        geen_lid, niet_getekend = [], []  # (municipality, message) pairs
        for nis in op_naam(netwerk.gemeenten):
            hier = [p for p in besturen if nis in p.gemeenten]
            gemeente = gemeenten.naam(nis)
            if not hier:
                geen_lid.append((gemeente, f"{gemeente}: geen lid van sector lokaal bestuur."))
            elif not any(p.overeenkomst_getekend for p in hier):
                wie = opsomming(sorted(p.naam for p in hier))
                niet_getekend.append((gemeente, f"{gemeente}: lokaal bestuur is lid ({wie}) maar "
                                                "de overeenkomst is niet getekend."))
        problemen = geen_lid + niet_getekend
        if problemen:
            namen = opsomming(g for g, _ in problemen)
            teksten = [t for _, t in problemen]
            return self.uitkomst(
                NIET_VOLDAAN, f"Geen getekende overeenkomst met het lokaal bestuur van {namen}. "
                              + " ".join(teksten), teksten)
        return self.uitkomst(VOLDAAN, "Getekende overeenkomst met het lokaal bestuur van "
                                      f"{opsomming(gemeentenamen(netwerk.gemeenten))}.")


class MinimaalAanbod(Voorwaarde):
    """≥1 consultatiebureau and ≥2 distinct other PGO aanbodvormen, all in the werkingsgebied."""
    id = "E4"
    titel = "Minimaal aanbod"
    bron = f"{BRON_DECREET}; {BRON_BVR}"
    eis = ('Het decreet omschrijft preventieve gezinsondersteuning met drie pijlers (preventieve '
           'gezondheidszorg, opvoedingsondersteuning en sociale cohesie); volgens de samenvatting '
           'van Kind en Gezin biedt een Huis van het Kind minstens het consultatiebureau en nog '
           'andere vormen van preventieve gezinsondersteuning aan.')

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        vormen = {a.aanbodvorm for a in netwerk.aanbod_in_gebied()}
        andere_pgo = sorted((v for v in vormen if v in AANBODVORM and AANBODVORM[v].pgo
                             and v != CONSULTATIEBUREAU), key=AANBODVORM.keys().index)
        labels = [AANBODVORM.label(v) for v in andere_pgo]
        fouten = []
        if CONSULTATIEBUREAU not in vormen:
            fouten.append("Geen consultatiebureau van een lid in het werkingsgebied.")
        if len(andere_pgo) < 2:
            hoeveel = f"Slechts 1 andere vorm ({labels[0]})" if labels else "Geen andere vorm"
            fouten.append(f"{hoeveel} van preventieve gezinsondersteuning door een lid in het "
                          "werkingsgebied; minstens 2 verschillende vormen nodig.")
        ontbrekende_pijlers = [AANBODVORM.label(v) for v in PIJLERS if v not in vormen]
        pijler_tekst = (f"Geen aanbod {opsomming(ontbrekende_pijlers)}: de drie pijlers van het "
                        "decreet zijn preventieve gezondheidszorg, opvoedingsondersteuning en "
                        "sociale cohesie.") if ontbrekende_pijlers else ""
        if fouten:
            return self.uitkomst(NIET_VOLDAAN, " ".join(fouten),
                                 fouten + ([pijler_tekst] if pijler_tekst else []))
        if pijler_tekst:
            return self.uitkomst(WAARSCHUWING, pijler_tekst, labels)
        return self.uitkomst(VOLDAAN, "Consultatiebureau en andere vormen van preventieve "
                                      f"gezinsondersteuning: {opsomming(labels)}.", labels)


class AansluitingVerplichtAanbod(Voorwaarde):
    id = "E5"
    titel = "Aansluiting verplicht aanbod Kind en Gezin"
    bron = BRON_BVR
    eis = ('Volgens de samenvatting van Kind en Gezin sluit het aanbod dat Kind en Gezin in het '
           'werkingsgebied organiseert aan bij het Huis van het Kind.')

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        # snapshot.verplicht_kg_buiten holds exactly the non-member verplicht_kg aanbod in the area
        buiten = [f"'{a.naam}' van {a.partner_naam or 'een onbekende aanbieder'}"
                  for a in sorted(netwerk.verplicht_kg_buiten, key=lambda a: a.naam.casefold())]
        if buiten:
            return self.uitkomst(
                NIET_VOLDAAN, f"Verplicht aanbod van Kind en Gezin in het werkingsgebied is niet "
                              f"aangesloten: {opsomming(buiten)}. De aanbieder moet lid worden "
                              "van het netwerk.", buiten)
        return self.uitkomst(VOLDAAN, "Al het verplichte aanbod van Kind en Gezin in het "
                                      "werkingsgebied hoort bij een lid van het netwerk.")
