"""Raw tables → validated rows: headers, every cell, required values, duplicates and references
between the sheets. Pure. Every problem becomes a Fout; the caller refuses the file if any.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...domein.taxonomie import normalise
from ...domein import kbo as kbo_nummer
from ...domein.nood import PERCENTAGES
from .cells import CelFout, lees, leeg
from .columns import BLADEN, BLADNAMEN, Kolom
from .fouten import Fout, ImportGeweigerd
from .reading import Tabel, Tabellen

KBO_VORM = re.compile(r"(BE)?[\d .]{9,14}", re.IGNORECASE)


@dataclass(eq=False)
class Rij:
    blad: str
    rij: int  # as Excel shows it
    waarden: dict  # column name → typed value (None = empty); only the file's columns

    def __getitem__(self, kolom: str):
        return self.waarden.get(kolom)


@dataclass(eq=False)
class Ref:
    """A reference to a partner (sleutel, KBO or name); `rij` is its row when in the file."""
    tekst: str
    rij: Rij | None = None


@dataclass
class Bestand:
    bladen: dict[str, list[Rij]] = field(default_factory=dict)
    kolommen: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def heeft(self, blad: str, kolom: str | None = None) -> bool:
        return blad in self.bladen and (kolom is None or kolom in self.kolommen[blad])

    def rijen(self, blad: str) -> list[Rij]:
        return self.bladen.get(blad, [])


def sleutel(text) -> str:
    """Comparison key for names, sleutels and references: case, accents and spacing folded."""
    return normalise(text or "")


def parse(tabellen: Tabellen) -> Bestand:
    """Validate every sheet; raise ImportGeweigerd listing all problems at once."""
    bestand, fouten = Bestand(), []
    for blad in BLADNAMEN:
        if blad in tabellen:
            kolommen, f = _koppen(tabellen[blad])
            fouten += f
            if kolommen is not None:
                bestand.kolommen[blad] = tuple(k.naam for k in kolommen.values())
                bestand.bladen[blad] = _rijen(tabellen[blad], kolommen, fouten)
    if not fouten:
        _controleer(bestand, fouten)
    if fouten:
        raise ImportGeweigerd(fouten)
    return bestand


def _koppen(tabel: Tabel) -> tuple[dict[int, Kolom] | None, list[Fout]]:
    verwacht = {normalise(k.naam): k for k in BLADEN[tabel.blad]}
    kolommen, fouten = {}, []
    breedte = max([len(tabel.kolommen)] + [len(w) for _, w in tabel.rijen])
    for i in range(breedte):
        naam = tabel.kolommen[i] if i < len(tabel.kolommen) else ""
        if not naam:
            if any(i < len(w) and not leeg(w[i]) for _, w in tabel.rijen):
                fouten.append(Fout(tabel.blad, 1, _letter(i), "deze kolom bevat gegevens maar "
                                                              "heeft geen naam in rij 1."))
            continue
        k = verwacht.get(normalise(naam))
        if k is None:
            fouten.append(Fout(tabel.blad, 1, naam, "onbekende kolom. Toegelaten kolommen: "
                               f"{', '.join(k.naam for k in BLADEN[tabel.blad])}."))
        elif k in kolommen.values():
            fouten.append(Fout(tabel.blad, 1, k.naam, "deze kolom komt twee keer voor."))
        else:
            kolommen[i] = k
    for k in BLADEN[tabel.blad]:
        if k.verplicht and k not in kolommen.values():
            fouten.append(Fout(tabel.blad, 1, k.naam, "deze verplichte kolom ontbreekt."))
    return (None if fouten else kolommen), fouten


def _letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _rijen(tabel: Tabel, kolommen: dict[int, Kolom], fouten: list[Fout]) -> list[Rij]:
    rijen = []
    for nummer, waarden in tabel.rijen:
        rij = Rij(tabel.blad, nummer, {})
        for i, k in kolommen.items():
            raw = waarden[i] if i < len(waarden) else None
            try:
                rij.waarden[k.naam] = lees(k, raw)
            except CelFout as e:
                fouten.append(Fout(tabel.blad, nummer, k.naam, str(e)))
                continue
            if k.verplicht and rij.waarden[k.naam] is None:
                fouten.append(Fout(tabel.blad, nummer, k.naam, "deze cel is verplicht."))
        rijen.append(rij)
    return rijen


def _controleer(bestand: Bestand, fouten: list[Fout]) -> None:
    if bestand.heeft("netwerk") and not bestand.rijen("netwerk"):
        del bestand.bladen["netwerk"]  # an empty netwerk sheet (the template) = no sheet
    if bestand.heeft("netwerk") and len(bestand.rijen("netwerk")) != 1:
        fouten.append(Fout("netwerk", None, "", "dit blad moet precies één rij onder de "
                                                "kolomnamen hebben (het netwerk)."))
    _uniek(bestand.rijen("partners"), fouten, lambda r: r["sleutel"] and sleutel(r["sleutel"]),
           "sleutel", "dezelfde sleutel")
    _uniek(bestand.rijen("partners"), fouten, lambda r: r["kbo"], "kbo", "hetzelfde KBO-nummer")
    _uniek(bestand.rijen("partners"), fouten,
           lambda r: not r["kbo"] and not r["sleutel"] and sleutel(r["naam"]), "naam",
           "dezelfde naam", "; geef een sleutel of KBO-nummer om ze te onderscheiden")
    index = PartnerIndex(bestand.rijen("partners"))
    for blad, kolommen in (("aanbod", ("partner",)), ("verwijzingen", ("van", "naar")),
                           ("engagementen", ("trekker",))):
        for r in bestand.rijen(blad):
            for kolom in kolommen:
                if r[kolom] is not None:
                    try:
                        r.waarden[kolom] = Ref(r[kolom], index.zoek(r[kolom]))
                    except CelFout as e:
                        fouten.append(Fout(blad, r.rij, kolom, str(e)))
    if any(f.kolom in ("partner", "van", "naar", "trekker") for f in fouten):
        return

    def ref(r, kolom):
        v = r[kolom]
        return id(v.rij) if v.rij else sleutel(v.tekst)
    _uniek(bestand.rijen("aanbod"), fouten,
           lambda r: r["sleutel"] and (ref(r, "partner"), sleutel(r["sleutel"])), "sleutel",
           "dezelfde partner en sleutel")
    _uniek(bestand.rijen("aanbod"), fouten,
           lambda r: not r["sleutel"] and (ref(r, "partner"), sleutel(r["naam"])), "naam",
           "dezelfde partner en naam", "; geef een sleutel om ze te onderscheiden")
    for r in bestand.rijen("verwijzingen"):
        if ref(r, "van") == ref(r, "naar"):
            fouten.append(Fout("verwijzingen", r.rij, "naar", "een partner kan niet naar zichzelf "
                                                             "verwijzen."))
    _uniek(bestand.rijen("verwijzingen"), fouten,
           lambda r: (ref(r, "van"), ref(r, "naar"), r["soort"]), "soort",
           "dezelfde van, naar en soort")
    for r in bestand.rijen("engagementen"):
        if not r["actie"] and any(r[k] for k in ("trekker", "deadline", "status", "bewijs")):
            fouten.append(Fout("engagementen", r.rij, "actie", "beschrijf de actie: trekker, "
                               "deadline, status of bewijs horen bij een actie."))
    _uniek(bestand.rijen("engagementen"), fouten,
           lambda r: r["actie"] and (r["voorwaarde"], sleutel(r["actie"])), "actie",
           "dezelfde voorwaarde en actie")
    _indicatoren(bestand, fouten)


def _indicatoren(bestand: Bestand, fouten: list[Fout]) -> None:
    for r in bestand.rijen("indicatoren"):
        if r["indicator"] in PERCENTAGES and r["waarde"] is not None and r["waarde"] > 100:
            fouten.append(Fout("indicatoren", r.rij, "waarde", f"'{r['indicator']}' is een "
                               "percentage: de waarde ligt tussen 0 en 100."))
    _uniek(bestand.rijen("indicatoren"), fouten,
           lambda r: (r["nis"], r["jaar"], r["indicator"]), "indicator",
           "dezelfde gemeente, hetzelfde jaar en dezelfde indicator")


def _uniek(rijen, fouten, key, kolom: str, wat: str, hint: str = "") -> None:
    gezien: dict = {}
    for r in rijen:
        k = key(r)
        if not k:
            continue
        if k in gezien:
            fouten.append(Fout(r.blad, r.rij, kolom, f"{wat} als rij {gezien[k].rij}{hint}."))
        else:
            gezien[k] = r


class PartnerIndex:
    """Finds a partner by sleutel, else KBO number, else name (case/accent-insensitive)."""

    def __init__(self, items, *, sleutel_van=lambda r: r["sleutel"], kbo_van=lambda r: r["kbo"],
                 naam_van=lambda r: r["naam"]):
        self.op_sleutel, self.op_kbo, self.op_naam = {}, {}, {}
        for item in items:
            if sleutel_van(item):
                self.op_sleutel.setdefault(sleutel(sleutel_van(item)), []).append(item)
            if kbo_van(item):
                self.op_kbo.setdefault(kbo_van(item), []).append(item)
            self.op_naam.setdefault(sleutel(naam_van(item)), []).append(item)

    def zoek(self, tekst: str):
        """The one match, None when nothing matches; CelFout when several do."""
        digits = kbo_nummer.normalise(tekst) if KBO_VORM.fullmatch(tekst.strip()) else ""
        for kandidaten in (self.op_sleutel.get(sleutel(tekst)),
                           self.op_kbo.get(digits) if len(digits) == 10 else None,
                           self.op_naam.get(sleutel(tekst))):
            if kandidaten:
                if len(kandidaten) > 1:
                    raise CelFout(f"'{tekst}' past bij meerdere partners; gebruik hun sleutel.")
                return kandidaten[0]
        return None
