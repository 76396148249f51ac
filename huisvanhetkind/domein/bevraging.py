"""The samenwerkingsbevraging (domein.md §12, after the PARTNER tool): scores, the privacy
threshold and the comparison of meetmomenten. Pure: answers in, aggregated results out.

Privacy (§12): no single answer may be traceable. A score is shown only when at least
`MIN_ORGANISATIES` different organisations contributed to it; below that it is `None` (hidden),
and only the number of contributors is known. A relation score always has one contributor (the
organisation that answered), so it is never shown by itself; it only feeds the partner and
network scores. The response rate is always shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

MIN_ORGANISATIES = 3  # contributors needed before a score is shown (§12)

# intensity levels, weakest first (the PARTNER tool's levels of collaboration)
INTENSITEIT = {
    "bewust": "Bewust van elkaar",
    "samenwerking": "Samenwerking: informatie delen",
    "coordinatie": "Coördinatie: plannen en activiteiten afstemmen",
    "integratie": "Integratie: samen werken onder afspraken, middelen gebundeld",
}
NIVEAU = {code: i for i, code in enumerate(INTENSITEIT, start=1)}

VERTROUWEN = {"openheid": "Openheid voor overleg", "betrouwbaarheid": "Betrouwbaarheid",
              "missie": "Gedeelde missie"}
WAARDE = {"invloed": "Invloed", "middelen": "Bijdrage van middelen",
          "betrokkenheid": "Betrokkenheid"}
ITEMS = {**VERTROUWEN, **WAARDE}
SCHAAL = (1, 2, 3, 4)
SCHAAL_LABEL = {1: "1 – helemaal niet", 2: "2 – een beetje", 3: "3 – behoorlijk",
                4: "4 – heel sterk"}

BIJDRAGEN = {"geld": "Geld", "ruimte": "Ruimte", "personeel": "Personeel",
             "vrijwilligers": "Vrijwilligers", "gegevens": "Gegevens", "expertise": "Expertise",
             "gezinnen": "Contact met gezinnen", "coordinatie": "Coördinatie"}

HERINNERING_DAGEN = (7, 1)  # reminders this many days before the closing date
VERSCHIL = 0.1  # a change of a score smaller than this is 'gelijk'

OPEN, GESLOTEN = "open", "gesloten"


@dataclass(frozen=True)
class Antwoord:
    """What organisation `van` answered about its relation with member `naar`."""
    van: int
    naar: int
    intensiteit: str
    items: dict[str, int]  # every code of ITEMS → 1..4
    bijdragen: frozenset[str] = frozenset()

    def vertrouwen(self) -> float:
        """The relation's trust score: the mean of its three items."""
        return fmean(self.items[c] for c in VERTROUWEN)

    def waarde(self) -> float:
        return fmean(self.items[c] for c in WAARDE)


@dataclass(frozen=True)
class Score:
    """A mean over relations; `waarde` None when fewer than MIN_ORGANISATIES contributed."""
    waarde: float | None
    organisaties: int  # how many different answering organisations contributed

    @property
    def getoond(self) -> bool:
        return self.waarde is not None


def score(antwoorden: list[Antwoord], maat) -> Score:
    """The mean of `maat` (Antwoord.vertrouwen or .waarde) over these relations, hidden when
    fewer than MIN_ORGANISATIES organisations gave them."""
    organisaties = len({a.van for a in antwoorden})
    if organisaties < MIN_ORGANISATIES:
        return Score(None, organisaties)
    return Score(round(fmean(maat(a) for a in antwoorden), 2), organisaties)


@dataclass(frozen=True)
class PartnerScore:
    organisatie_id: int
    naam: str
    vertrouwen: Score
    waarde: Score


@dataclass(frozen=True)
class Resultaat:
    uitgenodigd: int
    geantwoord: int
    getoond: bool  # at least MIN_ORGANISATIES answered: aggregated results may be shown
    vertrouwen: Score = Score(None, 0)
    waarde: Score = Score(None, 0)
    partners: tuple[PartnerScore, ...] = ()
    dichtheid: dict[str, float] = field(default_factory=dict)  # level → share of possible pairs
    bijdragen: dict[str, int] = field(default_factory=dict)  # kind → organisations giving it
    # pair → the intensity both of its organisations confirmed (bevestigde_paren)
    relaties: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def respons(self) -> float:
        """The response rate (0..1), always shown."""
        return self.geantwoord / self.uitgenodigd if self.uitgenodigd else 0.0


def paren(antwoorden: list[Antwoord]) -> dict[tuple[int, int], str]:
    """Each pair of organisations (lowest id first) with the strongest intensity either named."""
    uit: dict[tuple[int, int], str] = {}
    for a in antwoorden:
        paar = (min(a.van, a.naar), max(a.van, a.naar))
        if paar not in uit or NIVEAU[a.intensiteit] > NIVEAU[uit[paar]]:
            uit[paar] = a.intensiteit
    return uit


def bevestigde_paren(antwoorden: list[Antwoord]) -> dict[tuple[int, int], str]:
    """The pairs both organisations named, at the weaker of their two levels: what both confirm.
    One side's answer alone is never drawn or listed, so no pair shows a single member's answer
    to anyone else (domein.md §12: no member sees another's individual answers)."""
    genoemd = {(a.van, a.naar): a.intensiteit for a in antwoorden}
    return {(van, naar): min(i, genoemd[(naar, van)], key=NIVEAU.__getitem__)
            for (van, naar), i in genoemd.items() if van < naar and (naar, van) in genoemd}


def dichtheid(relaties: dict[tuple[int, int], str], leden: int) -> dict[str, float]:
    """Per intensity level the share of all possible pairs of members whose relation reaches at
    least that level (so 'bewust' counts every relation, 'integratie' only the strongest)."""
    mogelijk = leden * (leden - 1) / 2
    return {code: (sum(1 for i in relaties.values() if NIVEAU[i] >= niveau) / mogelijk
                   if mogelijk else 0.0)
            for code, niveau in NIVEAU.items()}


def resultaat(leden: dict[int, str], afgerond: set[int],
              antwoorden: list[Antwoord]) -> Resultaat:
    """The aggregated results of a meetmoment: `leden` the invited organisations (id → name),
    `afgerond` those that finished, `antwoorden` the relations they named (only theirs count)."""
    antwoorden = [a for a in antwoorden if a.van in afgerond and a.naar in leden]
    geantwoord = len(afgerond & leden.keys())
    if geantwoord < MIN_ORGANISATIES:
        return Resultaat(len(leden), geantwoord, False)
    partners = tuple(
        PartnerScore(org, naam, score(over, Antwoord.vertrouwen), score(over, Antwoord.waarde))
        for org, naam in sorted(leden.items(), key=lambda kv: (kv[1].lower(), kv[0]))
        for over in [[a for a in antwoorden if a.naar == org]])
    return Resultaat(
        uitgenodigd=len(leden), geantwoord=geantwoord, getoond=True,
        vertrouwen=score(antwoorden, Antwoord.vertrouwen),
        waarde=score(antwoorden, Antwoord.waarde), partners=partners,
        dichtheid=dichtheid(paren(antwoorden), len(leden)),  # a share: no pair traceable
        bijdragen={b: len({a.van for a in antwoorden if b in a.bijdragen}) for b in BIJDRAGEN},
        relaties=bevestigde_paren(antwoorden))


# --- comparing two meetmomenten -----------------------------------------------------------------

GEGROEID, VERZWAKT, GELIJK, ONBEKEND = "gegroeid", "verzwakt", "gelijk", "onbekend"


def richting(oud: float | None, nieuw: float | None, drempel: float = VERSCHIL) -> str:
    if oud is None or nieuw is None:
        return ONBEKEND
    if nieuw - oud >= drempel:
        return GEGROEID
    if oud - nieuw >= drempel:
        return VERZWAKT
    return GELIJK


@dataclass(frozen=True)
class Verschil:
    wat: str  # Dutch label of the row
    oud: float | None
    nieuw: float | None
    richting: str


def vergelijk(oud: Resultaat, nieuw: Resultaat) -> list[Verschil]:
    """The two meetmomenten side by side: response rate, network scores, density per level and
    each partner's scores (a hidden score stays hidden: its change is 'onbekend')."""
    rijen = [Verschil("Respons", round(oud.respons, 2), round(nieuw.respons, 2),
                      richting(oud.respons, nieuw.respons, 0.01))]
    for naam, o, n in (("Vertrouwen in het netwerk", oud.vertrouwen, nieuw.vertrouwen),
                       ("Waarde van het netwerk", oud.waarde, nieuw.waarde)):
        rijen.append(Verschil(naam, o.waarde, n.waarde, richting(o.waarde, n.waarde)))
    for code, label in INTENSITEIT.items():
        o = oud.dichtheid.get(code) if oud.getoond else None
        n = nieuw.dichtheid.get(code) if nieuw.getoond else None
        rijen.append(Verschil(f"Dichtheid: {label.split(':')[0].lower()}",
                              None if o is None else round(o, 2),
                              None if n is None else round(n, 2), richting(o, n, 0.01)))
    voor = {p.organisatie_id: p for p in oud.partners}
    for p in nieuw.partners:
        q = voor.get(p.organisatie_id)
        for maat in ("vertrouwen", "waarde"):
            o = getattr(q, maat).waarde if q else None
            n = getattr(p, maat).waarde
            rijen.append(Verschil(f"{p.naam}: {maat}", o, n, richting(o, n)))
    return rijen


# --- the meetmoment's state and its reminders ---------------------------------------------------

def toestand(sluit_op: date, gesloten_op: date | None, vandaag: date) -> str:
    """Open until the coordinator closes it or its closing date has passed."""
    return GESLOTEN if gesloten_op is not None or vandaag > sluit_op else OPEN


def herinnering_stap(sluit_op: date, op: date) -> int | None:
    """Which reminder before the closing date is due on `op`: 7, 1 or None (none after it)."""
    dagen = (sluit_op - op).days
    if dagen < 0:
        return None
    for stap in sorted(HERINNERING_DAGEN):
        if dagen <= stap:
            return stap
    return None


def ontbrekende_items(intensiteit: str | None, items: dict[str, int | None]) -> list[str]:
    """The items still to score for a relation to be finished (none when no relation)."""
    if not intensiteit:
        return []
    return [label for code, label in ITEMS.items() if items.get(code) not in SCHAAL]
