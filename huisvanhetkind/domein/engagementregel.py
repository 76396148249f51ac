"""The engagement rule (E6–E12, S2–S6) and the extra signals of E8, E9 and S2.

Rule (domein.md §4): the engagement is taken when ≥1 action has a trekker and a deadline no later
than the two-year deadline. The trekker must be a current member partner: one that left the network
no longer carries the action (as in 'wat als'). Only such actions count, also as realisation: a
'gerealiseerd' action without trekker or with a deadline beyond the term is not verifiable evidence
of this engagement, so it is listed in the details as not counting. The deadline day itself is not
"after".
"""
from __future__ import annotations

from datetime import date
from typing import Any

from . import gemeenten
from .taxonomie import (ACTIESTATUS, AANBODVORM, ENGAGEMENTEN, FUNCTIE, KWETSBARE_DOELGROEPEN,
                        LEEFTIJDSGROEP)
from .snapshot import Actie, Netwerk
from .tekst import aantal, namen_kort
from .voorwaarde import (ERKENNING, NIET_VOLDAAN, SUBSIDIE, VOLDAAN, WAARSCHUWING, Context,
                         Uitkomst, Voorwaarde, datum, deadline, opsomming)

GEREALISEERD = ACTIESTATUS["gerealiseerd"].code
WAARSCHUWINGSTERMIJN = 90  # days before the deadline from which an unrealised engagement warns
MAX_IN_UITLEG = 5  # the longer list goes into details
# a large network has dozens of overlaps, each with dozens of aanbod: listing all of them made one
# condition's details 200 KB of HTML that nobody reads; the coverage matrix has every one
MAX_IN_DETAILS = 25
MAX_NAMEN = 8


class EngagementVoorwaarde(Voorwaarde):
    """One engagement condition; subclasses add a signal through `extra`."""

    def __init__(self, id: str, titel: str, soort: str):
        self.id, self.titel, self.soort = id, titel, soort
        # the engagements as Kind en Gezin's summary of the BVR and MB lists them
        wat = titel.removeprefix("Engagement: ")
        self.eis = (f"Volgens de samenvatting van Kind en Gezin engageert een erkend"
                    f"{' en gesubsidieerd' if soort == SUBSIDIE else ''} Huis van het Kind zich "
                    f"tot: {wat if wat.startswith('Huis') else wat[0].lower() + wat[1:]}.")

    def evaluate(self, netwerk: Netwerk, peildatum: date,
                 context: Context | None = None) -> Uitkomst:
        basis = self.regel(netwerk, peildatum)
        signaal = self.extra(netwerk, peildatum, context or Context(), basis)
        if not signaal:
            return basis
        uitleg, details = signaal
        details = (*basis.details, *(details or [f"{uitleg}."]))
        termijn = dict(deadline=basis.deadline, dagen_resterend=basis.dagen_resterend)
        # a signal only downgrades voldaan; niet_voldaan and waarschuwing keep their own uitleg
        if basis.status == VOLDAAN:
            return self.uitkomst(WAARSCHUWING, f"{uitleg}. {basis.uitleg}", details, **termijn)
        return self.uitkomst(basis.status, basis.uitleg, details, **termijn)

    def extra(self, netwerk: Netwerk, peildatum: date, context: Context,
              basis: Uitkomst) -> tuple[str, list[str]] | None:
        return None

    def regel(self, netwerk: Netwerk, peildatum: date) -> Uitkomst:
        termijn = deadline(netwerk, peildatum)
        dagen = (termijn - peildatum).days
        leden = _leden(netwerk)
        acties = [a for a in netwerk.acties if a.voorwaarde == self.id]
        geldig = [a for a in acties if _telt(a, termijn, leden)]
        details = [_waarom_niet(a, termijn, leden) for a in acties
                   if not _telt(a, termijn, leden)]
        extra = dict(deadline=termijn, dagen_resterend=dagen)
        if not geldig:
            return self.uitkomst(
                NIET_VOLDAAN, f"Engagement {self.id} niet opgenomen: geen actie met een trekker en "
                              f"een deadline uiterlijk {datum(termijn)}. De coördinator legt "
                              "minstens één actie vast.", details, **extra)
        klaar = [a for a in geldig if a.status == GEREALISEERD]
        details = [f"{len(klaar)} van {aantal(len(geldig), 'actie', 'acties')} gerealiseerd."] + details
        if klaar:
            return self.uitkomst(VOLDAAN, f"Engagement {self.id}: {len(klaar)} van "
                                          f"{aantal(len(geldig), 'actie', 'acties')} gerealiseerd.", details, **extra)
        if dagen < 0:
            return self.uitkomst(
                NIET_VOLDAAN, f"Engagement {self.id}: termijn van twee jaar verstreken op "
                              f"{datum(termijn)}, geen gerealiseerde actie.", details, **extra)
        if dagen <= WAARSCHUWINGSTERMIJN:
            return self.uitkomst(
                WAARSCHUWING, f"Engagement {self.id}: nog {aantal(dagen, 'dag', 'dagen')}, geen gerealiseerde "
                              "actie.", details, **extra)
        return self.uitkomst(VOLDAAN, f"Engagement {self.id} lopend: "
                                      f"{aantal(len(geldig), 'actie', 'acties')} gepland, nog "
                                      f"{aantal(dagen, 'dag', 'dagen')} tot {datum(termijn)}.",
                             details, **extra)


def _leden(netwerk: Netwerk) -> frozenset[int]:
    return frozenset(p.id for p in netwerk.partners)


def _telt(actie: Actie, termijn: date, leden: frozenset[int]) -> bool:
    return actie.trekker_id in leden and actie.deadline is not None \
        and actie.deadline <= termijn


def _waarom_niet(actie: Actie, termijn: date, leden: frozenset[int]) -> str:
    if actie.trekker_id is None:
        reden = "geen trekker"
    elif actie.trekker_id not in leden:
        reden = "de trekker is geen lid (meer) van het netwerk"
    elif actie.deadline is None:
        reden = "geen deadline"
    else:
        reden = f"deadline {datum(actie.deadline)} valt na de termijn ({datum(termijn)})"
    return f"Actie '{actie.beschrijving}' telt niet mee: {reden}."


class BereikKwetsbareGezinnen(EngagementVoorwaarde):
    def extra(self, netwerk, peildatum, context, basis):
        if any(a.doelgroep in KWETSBARE_DOELGROEPEN for a in netwerk.aanbod_in_gebied()):
            return None
        return ("Geen aanbod met doelgroep maatschappelijk kwetsbare gezinnen (kwetsbaar of "
                "beide)", [])


class Zorgafstemming(EngagementVoorwaarde):
    """E9: the consultatiebureau partner should be linked to at least one other member."""

    def extra(self, netwerk, peildatum, context, basis):
        cb_ids = set(netwerk.consultatiebureau_partners())
        if not cb_ids:
            return ("Geen consultatiebureau-partner in het netwerk (een lid met aanbod "
                    "consultatiebureau in het werkingsgebied), dus geen verwijzing van of naar "
                    "het consultatiebureau", [])
        leden = {p.id for p in netwerk.partners}
        gelinkt = set()
        for v in netwerk.verwijzingen:
            if v.van != v.naar and v.van in leden and v.naar in leden:
                gelinkt |= {v.van, v.naar}
        zonder = sorted(netwerk.partner(i).naam for i in cb_ids - gelinkt)
        if not zonder:
            return None
        return (f"Geen verwijzing van of naar een ander lid voor consultatiebureau-partner "
                f"{opsomming(zonder)}", [])


class OverlapEnLacunes(EngagementVoorwaarde):
    """S2: current lacunes/overlaps signal while no S2 action is realised.

    Actions are not linked to individual lacunes, so "without an action" reads as: there are
    lacunes or overlaps and the engagement has no realised action yet.
    """

    def extra(self, netwerk, peildatum, context, basis):
        items = [f"Lacune: {beschrijf(x)}" for x in context.lacunes] + \
                [f"Overlap: {beschrijf(x)}" for x in context.overlappen]
        if not items or _gerealiseerd(netwerk, self.id, peildatum):
            return None
        telling = (f"{aantal(len(context.lacunes), 'lacune', 'lacunes')} en "
                   f"{aantal(len(context.overlappen), 'overlap', 'overlappen')} "
                   "zonder gerealiseerde actie")
        getoond = "; ".join(items[:MAX_IN_UITLEG])
        rest = f" en {len(items) - MAX_IN_UITLEG} meer" if len(items) > MAX_IN_UITLEG else ""
        details = [f"{telling}:", *items[:MAX_IN_DETAILS]]
        if len(items) > MAX_IN_DETAILS:
            details.append(f"… en {len(items) - MAX_IN_DETAILS} meer: zie de dekkingsmatrix")
        return f"{telling}: {getoond}{rest}", details


def _gerealiseerd(netwerk: Netwerk, voorwaarde: str, peildatum: date) -> bool:
    termijn = deadline(netwerk, peildatum)
    leden = _leden(netwerk)
    return any(a.voorwaarde == voorwaarde and a.status == GEREALISEERD
               and _telt(a, termijn, leden) for a in netwerk.acties)


def _veld(item: Any, naam: str) -> Any:
    waarde = item.get(naam) if isinstance(item, dict) else getattr(item, naam, None)
    return waarde() if callable(waarde) else waarde


def beschrijf(item: Any) -> str:
    """A readable Dutch description of a lacune or overlap given as str, dict or object."""
    if isinstance(item, str):
        return item
    for naam in ("beschrijving", "omschrijving", "label"):
        if _veld(item, naam):
            return str(_veld(item, naam))
    delen = []
    for naam, taxonomie in (("aanbodvorm", AANBODVORM), ("functie", FUNCTIE),
                            ("leeftijdsgroep", LEEFTIJDSGROEP)):
        if _veld(item, naam):
            delen.append(taxonomie.label(str(_veld(item, naam))))
    plaats = _veld(item, "gemeente") or _veld(item, "nis")
    if plaats:
        plaats = str(plaats)
        delen.append(f"in {gemeenten.naam(plaats) if plaats.isdigit() else plaats}")
    aanbod = _veld(item, "aanbod") or _veld(item, "aanbod_namen")  # dict or dekking.Overlap
    if aanbod and not isinstance(aanbod, str):
        delen.append(f"({namen_kort([str(getattr(a, 'naam', a)) for a in aanbod], MAX_NAMEN)})")
    return " ".join(delen) if delen else str(item)


def engagementen() -> list[EngagementVoorwaarde]:
    """E6–E12 and S2–S6 with their Dutch titles, in the order of taxonomie.ENGAGEMENTEN."""
    e, s = ERKENNING, SUBSIDIE
    lijst = [
        EngagementVoorwaarde("E6", "Engagement: geïntegreerd en efficiënt aanbod, afgestemd op lokale "
                         "noden", e),
        EngagementVoorwaarde("E7", "Engagement: aanbod toegankelijk maken", e),
        BereikKwetsbareGezinnen("E8", "Engagement: aanbod in bereik van maatschappelijk "
                                      "kwetsbare gezinnen", e),
        Zorgafstemming("E9", "Engagement: zorgafstemming faciliteren door te verwijzen", e),
        EngagementVoorwaarde("E10", "Engagement: aansluiten bij het lokaal sociaal beleid", e),
        EngagementVoorwaarde("E11", "Engagement: Huis van het Kind openstellen voor alle actoren", e),
        EngagementVoorwaarde("E12", "Engagement: aanbod bekendmaken op IROJ en LOK", e),
        OverlapEnLacunes("S2", "Engagement: overlap en lacunes wegwerken", s),
        EngagementVoorwaarde("S3", "Engagement: nieuwe gebruikers bereiken", s),
        EngagementVoorwaarde("S4", "Engagement: gebruikersparticipatie structureel verankeren", s),
        EngagementVoorwaarde("S5", "Engagement: zorgafstemming organiseren", s),
        EngagementVoorwaarde("S6", "Engagement: coördinatie en kwaliteitsbevordering", s),
    ]
    assert tuple(e.id for e in lijst) == ENGAGEMENTEN, "one title per engagement ID"
    return lijst
