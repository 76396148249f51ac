"""Lacunes and overlaps of a network's aanbod (domein.md §5): pure Python over a snapshot.

A cell is (functie, leeftijdsgroep, nis of the werkingsgebied). Everything is indexed in one pass
over the aanbod, so the cost is linear in the cells the aanbod covers. No Flask, no SQLAlchemy.

Interpretation choices (domein.md leaves them open; we chose conservatively):
- An aanbod without own municipalities covers its partner's municipalities inside the
  werkingsgebied; if the partner has none recorded either, it covers nothing (we do not assume
  coverage we cannot show, so the missing data surfaces as a lacune).
- For coverage `ouders` covers every child age (KINDLEEFTIJDEN). For overlap leeftijdsgroepen are
  compared literally: a parents' group and a 0-3 group are not "the same thing to the same
  people", and overlap is a signal to discuss, so we avoid false alarms.
- Sharing a werkvorm needs a common code: an aanbod without werkvormen overlaps with nothing.
- A bewust-niet mark with nis None applies to every municipality; a mark for one municipality
  takes precedence (its reason is shown).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .taxonomie import AANBODVORM, FUNCTIE, KINDLEEFTIJDEN, LEEFTIJDSGROEP, bediende_groepen
from .snapshot import Aanbod, Netwerk

# The ages a network must cover (§5): every child age up to 18; 18-25 is welcome but not needed.
NODIGE_LEEFTIJDEN = tuple(g for g in KINDLEEFTIJDEN if g != "18-25")
# Functies that make no sense before birth (§5).
NIET_PRENATAAL = frozenset({"opvang_onderwijs", "vrije_tijd", "publieke_ruimte"})
assert set(NODIGE_LEEFTIJDEN) <= set(LEEFTIJDSGROEP.keys())
assert NIET_PRENATAAL <= set(FUNCTIE.keys())

_F_ORDE = {c: i for i, c in enumerate(FUNCTIE.keys())}
_L_ORDE = {c: i for i, c in enumerate(LEEFTIJDSGROEP.keys())}
_V_ORDE = {c: i for i, c in enumerate(AANBODVORM.keys())}

Sleutel = tuple[str, str, str]  # (functie, leeftijdsgroep, nis)


@dataclass(frozen=True)
class Lacune:
    functie: str
    leeftijdsgroep: str
    nis: str


@dataclass(frozen=True)
class BewustNietCel:
    """A needed cell without aanbod that the coordinator marked 'bewust niet'."""
    functie: str
    leeftijdsgroep: str
    nis: str
    reden: str


@dataclass(frozen=True)
class Overlap:
    """Aanbod of ≥2 partners, same aanbodvorm, in one (leeftijdsgroep, municipality)."""
    aanbodvorm: str
    leeftijdsgroep: str
    nis: str
    aanbod_ids: tuple[int, ...]  # ordered by aanbod name, then id
    aanbod_namen: tuple[str, ...]  # aligned with aanbod_ids


def nodig(functie: str, leeftijdsgroep: str) -> bool:
    """Whether a network must cover this combination in each of its municipalities."""
    if leeftijdsgroep not in NODIGE_LEEFTIJDEN:
        return False
    return not (leeftijdsgroep == "prenataal" and functie in NIET_PRENATAAL)


def leeftijden(aanbod: Aanbod) -> frozenset[str]:
    """The leeftijdsgroepen an aanbod covers: its own, `ouders` expanded to every child age."""
    if "ouders" in aanbod.leeftijdsgroepen:
        return aanbod.leeftijdsgroepen | frozenset(KINDLEEFTIJDEN)
    return aanbod.leeftijdsgroepen


def aanbod_gemeenten(netwerk: Netwerk) -> dict[int, frozenset[str]]:
    """Per aanbod id the municipalities of the werkingsgebied it serves."""
    gebied = netwerk.gemeenten
    return {a.id: netwerk.gebied(a) & gebied for a in netwerk.aanbod}


def dekking(netwerk: Netwerk) -> dict[Sleutel, tuple[int, ...]]:
    """Per covered cell the ids of the aanbod covering it (one pass over the aanbod)."""
    plaats = aanbod_gemeenten(netwerk)
    cellen: dict[Sleutel, list[int]] = defaultdict(list)
    for a in sorted(netwerk.aanbod, key=lambda a: a.id):
        for f in a.functies:
            for g in leeftijden(a):
                for nis in plaats[a.id]:
                    cellen[f, g, nis].append(a.id)
    return {k: tuple(v) for k, v in cellen.items()}


def _redenen(netwerk: Netwerk) -> dict[tuple[str, str, str | None], str]:
    return {(b.functie, b.leeftijdsgroep, b.nis or None): b.reden for b in netwerk.bewust_niet}


def _reden(redenen: dict, f: str, g: str, nis: str) -> str | None:
    return redenen.get((f, g, nis), redenen.get((f, g, None)))


def _nodige_cellen(netwerk: Netwerk):
    for nis in sorted(netwerk.gemeenten):
        for f in FUNCTIE.keys():
            for g in NODIGE_LEEFTIJDEN:
                if nodig(f, g):
                    yield f, g, nis


def _open_cellen(netwerk: Netwerk, gedekt: dict | None = None):
    """(cell, reden or None) for every needed cell that no aanbod covers; `gedekt` is
    dekking(netwerk) when already known."""
    gedekt = dekking(netwerk) if gedekt is None else gedekt
    redenen = _redenen(netwerk)
    for f, g, nis in _nodige_cellen(netwerk):
        if (f, g, nis) not in gedekt:
            yield (f, g, nis), _reden(redenen, f, g, nis)


def lacunes(netwerk: Netwerk, gedekt: dict | None = None) -> tuple[Lacune, ...]:
    """Needed cells without aanbod and not marked bewust niet, by nis, functie, leeftijd."""
    return tuple(Lacune(*cel) for cel, reden in _open_cellen(netwerk, gedekt) if reden is None)


def bewust_niet(netwerk: Netwerk, gedekt: dict | None = None) -> tuple[BewustNietCel, ...]:
    """Needed cells without aanbod that are marked bewust niet, with the reason."""
    return tuple(BewustNietCel(*cel, reden) for cel, reden in _open_cellen(netwerk, gedekt)
                 if reden is not None)


def overlappen(netwerk: Netwerk) -> tuple[Overlap, ...]:
    """Overlaps grouped per (aanbodvorm, leeftijdsgroep, nis).

    Two aanbod overlap when their partners differ, their doelgroepen match (beide matches both)
    and they share a werkvorm. Within one (vorm, leeftijdsgroep, nis) we bucket by (werkvorm,
    universeel|kwetsbaar): every compatible pair meets in at least one bucket, and a bucket with
    ≥2 distinct partners makes all its members overlap. Linear, no pairwise comparison.
    """
    plaats = aanbod_gemeenten(netwerk)
    per_aanbod = {a.id: a for a in netwerk.aanbod}
    kandidaten: dict[tuple[str, str, str], list[Aanbod]] = defaultdict(list)
    for a in netwerk.aanbod:
        for g in a.leeftijdsgroepen:  # literal: no `ouders` expansion for overlap
            for nis in plaats[a.id]:
                kandidaten[a.aanbodvorm, g, nis].append(a)
    groepen: dict[tuple[str, str, str], set[int]] = {}
    for sleutel, leden in kandidaten.items():
        if len(leden) < 2 or len({a.partner_id for a in leden}) < 2:
            continue  # the common case: nobody else offers this here
        emmers: dict[tuple[str, str], list[Aanbod]] = defaultdict(list)
        for a in leden:
            for d in bediende_groepen(a.doelgroep):
                for w in a.werkvormen:
                    emmers[w, d].append(a)
        ids = {a.id for emmer in emmers.values() if len({a.partner_id for a in emmer}) >= 2
               for a in emmer}
        if ids:
            groepen[sleutel] = ids
    uit = []
    for (vorm, g, nis), ids in groepen.items():
        orde = sorted(ids, key=lambda i: (per_aanbod[i].naam, i))
        uit.append(Overlap(vorm, g, nis, tuple(orde), tuple(per_aanbod[i].naam for i in orde)))
    return tuple(sorted(uit, key=lambda o: (o.nis, _V_ORDE.get(o.aanbodvorm, 99),
                                            _L_ORDE.get(o.leeftijdsgroep, 99), o.aanbodvorm)))


@dataclass(frozen=True)
class Cel:
    """One (functie, leeftijdsgroep) cell of the matrix, over the municipalities considered."""
    functie: str
    leeftijdsgroep: str
    nodig: bool
    aanbod_ids: tuple[int, ...]  # aanbod covering it in any municipality considered
    gedekt: tuple[str, ...]  # nis where some aanbod covers it
    lacunes: tuple[str, ...]  # nis where it is a lacune
    bewust_niet: tuple[tuple[str, str], ...]  # (nis, reden) where uncovered but marked
    overlap_ids: tuple[int, ...]  # aanbod with this functie in an overlap for this leeftijd

    @property
    def status(self) -> str:
        """niet_nodig | lacune (any municipality) | bewust_niet | gedekt."""
        if not self.nodig:
            return "niet_nodig"
        if self.lacunes:
            return "lacune"
        return "bewust_niet" if self.bewust_niet else "gedekt"

    @property
    def overlap(self) -> bool:
        return bool(self.overlap_ids)


@dataclass(frozen=True)
class Matrix:
    gemeenten: tuple[str, ...]  # the nis codes considered (one, or the whole werkingsgebied)
    functies: tuple[str, ...]
    leeftijdsgroepen: tuple[str, ...]  # every code, `ouders` literal; nodig marks the needed
    rijen: tuple[tuple[Cel, ...], ...]  # one row per functie, one Cel per leeftijdsgroep

    def cel(self, functie: str, leeftijdsgroep: str) -> Cel:
        return self.rijen[self.functies.index(functie)][
            self.leeftijdsgroepen.index(leeftijdsgroep)]


def matrix(netwerk: Netwerk, nis: str | None = None, gedekt: dict | None = None,
           overlap: tuple | None = None) -> Matrix:
    """Functie × leeftijdsgroep for one municipality, or aggregated over the werkingsgebied.

    Aggregated, a cell counts the municipalities covered (len(gedekt) of len(gemeenten)) and is
    a lacune when any municipality lacks it. Column `ouders` shows aanbod for parents literally;
    the child-age columns include it (`ouders` covers every child age). Raises ValueError for a
    nis outside the werkingsgebied. `gedekt` and `overlap` are dekking(netwerk) and
    overlappen(netwerk) when already known.
    """
    if nis is not None and nis not in netwerk.gemeenten:
        raise ValueError(f"{nis} hoort niet bij het werkingsgebied van {netwerk.naam}")
    plaatsen = (nis,) if nis is not None else tuple(sorted(netwerk.gemeenten))
    binnen = set(plaatsen)
    gedekt = dekking(netwerk) if gedekt is None else gedekt
    redenen = _redenen(netwerk)
    functies_van = {a.id: a.functies for a in netwerk.aanbod}
    in_overlap: dict[tuple[str, str], set[int]] = defaultdict(set)
    for o in overlappen(netwerk) if overlap is None else overlap:
        if o.nis in binnen:
            for i in o.aanbod_ids:
                for f in functies_van[i]:
                    in_overlap[f, o.leeftijdsgroep].add(i)
    rijen = []
    for f in FUNCTIE.keys():
        rij = []
        for g in LEEFTIJDSGROEP.keys():
            ids: set[int] = set()
            wel, open_, bewust = [], [], []
            for p in plaatsen:
                dekkers = gedekt.get((f, g, p), ())
                ids.update(dekkers)
                if dekkers:
                    wel.append(p)
                elif nodig(f, g):
                    reden = _reden(redenen, f, g, p)
                    if reden is None:
                        open_.append(p)
                    else:
                        bewust.append((p, reden))
            rij.append(Cel(f, g, nodig(f, g), tuple(sorted(ids)), tuple(wel), tuple(open_),
                           tuple(bewust), tuple(sorted(in_overlap.get((f, g), ())))))
        rijen.append(tuple(rij))
    return Matrix(plaatsen, tuple(FUNCTIE.keys()), tuple(LEEFTIJDSGROEP.keys()), tuple(rijen))
