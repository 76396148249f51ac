"""Subsidie conditions S1 and S7 of domein.md §4 (the engagements S2–S6 live in engagement_rule)."""
from __future__ import annotations

from datetime import date

from .taxonomie import AANBODVORM, RECHTSVORM
from .snapshot import Netwerk
from .voorwaarde import (BRON_BVR, NIET_VOLDAAN, SUBSIDIE, VOLDAAN, Context, Uitkomst, Voorwaarde,
                         opsomming)

SUBSIDIEERBARE_RECHTSVORMEN = (RECHTSVORM["feitelijke_vereniging"].code, RECHTSVORM["vzw"].code)


class Rechtsvorm(Voorwaarde):
    id = "S1"
    titel = "Rechtsvorm"
    bron = BRON_BVR
    eis = ('Volgens de samenvatting van Kind en Gezin ontvangt een Huis van het Kind subsidie als '
           'vzw of als feitelijke vereniging.')
    soort = SUBSIDIE

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        label = RECHTSVORM.label(netwerk.rechtsvorm)
        if netwerk.rechtsvorm in SUBSIDIEERBARE_RECHTSVORMEN:
            return self.uitkomst(VOLDAAN, f"Rechtsvorm: {label}.")
        toegelaten = opsomming([RECHTSVORM.label(c).lower() for c in SUBSIDIEERBARE_RECHTSVORMEN],
                              "of")
        return self.uitkomst(
            NIET_VOLDAAN, f"Rechtsvorm '{label}' komt niet in aanmerking voor subsidie: het "
                          f"netwerk moet een {toegelaten} zijn.")


class BestemmingSubsidie(Voorwaarde):
    """Laagdrempelig aanbod in ≥1 of the five subsidiebestemmingen, within the werkingsgebied."""
    id = "S7"
    titel = "Bestemming subsidie"
    bron = BRON_BVR
    eis = ('Volgens de samenvatting van Kind en Gezin besteedt een Huis van het Kind de subsidie aan '
           'laagdrempelig aanbod binnen de vijf subsidiebestemmingen.')
    soort = SUBSIDIE

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        vormen = {a.aanbodvorm for a in netwerk.aanbod_in_gebied() if a.laagdrempelig
                  and a.aanbodvorm in AANBODVORM
                  and AANBODVORM[a.aanbodvorm].subsidiebestemming is not None}
        labels = [v.label for v in sorted((AANBODVORM[c] for c in vormen),
                                          key=lambda v: v.subsidiebestemming)]
        if not labels:
            mogelijk = opsomming([v.label for v in AANBODVORM if v.subsidiebestemming])
            return self.uitkomst(
                NIET_VOLDAAN, "Geen laagdrempelig aanbod in een van de vijf "
                              f"subsidiebestemmingen ({mogelijk}).")
        return self.uitkomst(VOLDAAN, f"Laagdrempelig aanbod in {len(labels)} van de vijf "
                                      f"subsidiebestemmingen: {opsomming(labels)}.", labels)
