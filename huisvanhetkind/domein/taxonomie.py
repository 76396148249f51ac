"""The taxonomies of domein.md §3: stable codes with their Dutch labels.

This is the one place that knows the codes. Everything else (forms, importer, rules engine,
coverage analysis, exports) asks here. Pure Python: no Flask, no SQLAlchemy.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass(frozen=True)
class Aanbodvorm(Code):
    pgo: bool  # counts as preventieve gezinsondersteuning for condition E4
    subsidiebestemming: int | None  # one of the five low-threshold subsidy destinations


class Taxonomie:
    """An ordered set of codes with lookup by code or by label (case- and accent-insensitive)."""

    def __init__(self, naam: str, titel: str, codes: list[Code]):
        self.naam = naam
        self.titel = titel
        self.codes: tuple[Code, ...] = tuple(codes)
        self._by_code = {c.code: c for c in self.codes}
        self._by_key: dict[str, Code] = {}
        for c in self.codes:
            self._by_key[normalise(c.code)] = c
            self._by_key[normalise(c.label)] = c

    def __iter__(self):
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Code:
        return self._by_code[code]

    def label(self, code: str) -> str:
        c = self._by_code.get(code)
        return c.label if c else code

    def keys(self) -> list[str]:
        return [c.code for c in self.codes]

    def choices(self) -> list[tuple[str, str]]:
        return [(c.code, c.label) for c in self.codes]

    def lookup(self, text: str) -> Code | None:
        """Find a code by its code or label, ignoring case, accents and spacing."""
        return self._by_key.get(normalise(text))


def normalise(text: str) -> str:
    """Fold case, accents, hyphens and runs of spaces: 'Sint-Niklaas' == 'sint  niklaas'."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    for ch in "-_'’.,":
        plain = plain.replace(ch, " ")
    return " ".join(plain.split())


def zoektekst(*delen: str | None) -> str:
    """What a search looks in (an aanbod's name and description): folded as normalise() folds
    the query, so 'oudercafe' is found in 'Oudercafé'."""
    return normalise(" ".join(d or "" for d in delen))


AANBODVORM = Taxonomie("aanbodvorm", "Aanbodvorm", [
    Aanbodvorm("consultatiebureau", "Consultatiebureau (preventieve gezondheidszorg)", True, None),
    Aanbodvorm("prenatale_ondersteuning", "Prenatale ondersteuning", True, None),
    Aanbodvorm("opvoedingsondersteuning", "Opvoedingsondersteuning", True, 1),
    Aanbodvorm("spel_en_ontmoeting", "Spel en ontmoeting", True, 2),
    Aanbodvorm("ambulante_gezinsondersteuning", "Ambulante preventieve gezinsondersteuning", True, 3),
    Aanbodvorm("mobiele_gezinsondersteuning",
               "Mobiele preventieve gezinsondersteuning (aan huis)", True, 4),
    Aanbodvorm("onderwijskansen", "Gezinsondersteuning voor onderwijskansen", True, 5),
    Aanbodvorm("inloopteam", "Inloopteam", True, None),
    Aanbodvorm("kinderopvang", "Kinderopvang", False, None),
    Aanbodvorm("lokaal_loket_kinderopvang", "Lokaal loket kinderopvang", False, None),
    Aanbodvorm("vrije_tijd", "Spel, vrije tijd, sport en cultuur", False, None),
    Aanbodvorm("welzijn_onthaal", "Onthaal, sociale dienstverlening en rechten", False, None),
    Aanbodvorm("materiele_ondersteuning",
               "Materiële ondersteuning (ruilwinkel, kledij, voeding)", False, None),
    Aanbodvorm("gezondheidszorg", "Gezondheidszorg (huisarts, vroedvrouw, kraamzorg)", False, None),
    Aanbodvorm("jeugdhulp", "Rechtstreeks toegankelijke jeugdhulp", False, None),
    Aanbodvorm("informatie", "Informatie en voorlichting", False, None),
])

FUNCTIE = Taxonomie("functie", "Functie", [
    Code("ontmoeting", "Ontmoeting en versterken sociale cohesie"),
    Code("opvang_onderwijs", "Kinderopvang en basisonderwijs"),
    Code("vrije_tijd", "Spel, vrije tijd, culturele, sportieve en artistieke ontplooiing"),
    Code("gezinsondersteuning", "(Preventieve) gezinsondersteuning en gezondheidszorg"),
    Code("publieke_ruimte", "Plaats voor kinderen en gezinnen in de publieke ruimte"),
    Code("grondrechten",
         "Info en ondersteuning bij grondrechten, onthaal en maatschappelijke dienstverlening"),
    Code("belangenverdediging", "Belangenverdediging en signaalfunctie"),
])

LEEFTIJDSGROEP = Taxonomie("leeftijdsgroep", "Leeftijdsgroep", [
    Code("prenataal", "Prenataal"),
    Code("0-3", "0 tot 3 jaar"),
    Code("3-6", "3 tot 6 jaar"),
    Code("6-12", "6 tot 12 jaar"),
    Code("12-18", "12 tot 18 jaar"),
    Code("18-25", "18 tot 25 jaar"),
    Code("ouders", "Ouders en opvoedingsverantwoordelijken"),
])
# 'ouders' covers every child age (domein.md §5)
KINDLEEFTIJDEN = ("prenataal", "0-3", "3-6", "6-12", "12-18", "18-25")

DOELGROEP = Taxonomie("doelgroep", "Doelgroep", [
    Code("universeel", "Alle gezinnen (universeel)"),
    Code("kwetsbaar", "Maatschappelijk kwetsbare gezinnen"),
    Code("beide", "Beide"),
])
# 'beide' serves both groups: the one place of that rule (overlap, E8, the aanbod filter, dossier)
_BEDIENT = {"universeel": frozenset({"universeel"}), "kwetsbaar": frozenset({"kwetsbaar"}),
            "beide": frozenset({"universeel", "kwetsbaar"})}
assert set(_BEDIENT) == set(DOELGROEP.keys())


def bediende_groepen(doelgroep: str) -> frozenset[str]:
    """The groups (universeel, kwetsbaar) an aanbod with this doelgroep serves."""
    return _BEDIENT.get(doelgroep, frozenset({doelgroep}))


def doelgroepen_die_bedienen(groep: str) -> tuple[str, ...]:
    """The doelgroep codes whose aanbod serves this group (a search for it matches them)."""
    return tuple(c for c in DOELGROEP.keys() if groep in bediende_groepen(c))


KWETSBARE_DOELGROEPEN = doelgroepen_die_bedienen("kwetsbaar")

WERKVORM = Taxonomie("werkvorm", "Werkvorm", [
    Code("locatie", "Op locatie"),
    Code("mobiel", "Mobiel (aan huis, outreach)"),
    Code("online", "Online"),
])

SECTOR = Taxonomie("sector", "Sector", [
    Code("kind_en_gezin", "Kind en Gezin"),
    Code("lokaal_bestuur", "Lokaal bestuur"),
    Code("welzijn", "Welzijn"),
    Code("kinderopvang", "Kinderopvang"),
    Code("onderwijs", "Onderwijs"),
    Code("gezondheid", "Gezondheid"),
    Code("jeugdhulp", "Jeugdhulp"),
    Code("vrije_tijd_cultuur", "Vrije tijd en cultuur"),
    Code("middenveld", "Middenveld (verenigingen, vrijwilligers, gezinsbond)"),
    Code("mutualiteit", "Mutualiteit"),
    Code("andere", "Andere"),
])

VERWIJZINGSSOORT = Taxonomie("soort", "Soort verwijzing", [
    Code("doorverwijzing", "Doorverwijzing"),
    Code("warme_overdracht", "Warme overdracht (met toestemming van het gezin)"),
    Code("zorgafstemming", "Zorgafstemming (casusoverleg)"),
    Code("samenwerking", "Samenwerking (gezamenlijke activiteit of afspraak)"),
])

RECHTSVORM = Taxonomie("rechtsvorm", "Rechtsvorm", [
    Code("geen", "Geen rechtspersoonlijkheid"),
    Code("feitelijke_vereniging", "Feitelijke vereniging"),
    Code("vzw", "Vzw"),
])

ACTIESTATUS = Taxonomie("status", "Status van de actie", [
    Code("gepland", "Gepland"),
    Code("lopend", "Lopend"),
    Code("gerealiseerd", "Gerealiseerd"),
])

VOORWAARDESTATUS = Taxonomie("voorwaardestatus", "Status van de voorwaarde", [
    Code("voldaan", "Voldaan"),
    Code("niet_voldaan", "Niet voldaan"),
    Code("waarschuwing", "Waarschuwing"),
    Code("te_controleren", "Te controleren"),
])

OORDEEL = Taxonomie("oordeel", "Oordeel", [
    Code("akkoord", "Akkoord"),
    Code("opmerking", "Opmerking"),
    Code("niet_akkoord", "Niet akkoord"),
])

ROL = Taxonomie("rol", "Rol", [
    Code("beheerder", "Beheerder"),
    Code("coordinator", "Coördinator"),
    Code("partner", "Partner"),
    Code("consultant", "Consultant"),
])

# The indicators of the omgevingsanalyse (domein.md §12), per municipality and year.
INDICATOR = Taxonomie("indicator", "Indicator", [
    Code("geboorten", "Geboorten per jaar"),
    Code("kinderen_0_3", "Kinderen van 0 tot 3 jaar"),
    Code("kinderen_3_6", "Kinderen van 3 tot 6 jaar"),
    Code("kinderen_6_12", "Kinderen van 6 tot 12 jaar"),
    Code("kinderen_12_18", "Kinderen van 12 tot 18 jaar"),
    Code("kansarmoede_pct", "Geboorten in kansarme gezinnen (%, Kind en Gezin)"),
    Code("niet_nederlandstalige_moeder_pct", "Geboorten met een niet-Nederlandstalige moeder (%)"),
])

# Engagement conditions (domein.md §4): their actions are recorded per network.
ENGAGEMENTEN = ("E6", "E7", "E8", "E9", "E10", "E11", "E12", "S2", "S3", "S4", "S5", "S6")

ALLE = {t.naam: t for t in (AANBODVORM, FUNCTIE, LEEFTIJDSGROEP, DOELGROEP, WERKVORM, SECTOR,
                            VERWIJZINGSSOORT, RECHTSVORM, ACTIESTATUS, VOORWAARDESTATUS, OORDEEL, ROL,
                            INDICATOR)}
