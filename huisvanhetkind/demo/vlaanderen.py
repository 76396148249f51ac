"""`flask hvk demo --schaal vlaanderen`: a seeded data set at the scale of Flanders.

At schaal 1.0: 130 networks covering the 285 Flemish municipalities, 15,000 organisations,
60,000 aanbod, 150,000 verwijzingen and 1,000 users, with engagements and actions for every
network. `genereer` is pure (same seed, schaal and date → the same rows, checked by a checksum);
`laad` writes them with Core bulk inserts in chunks, which skip the ORM audit listener: one
business event "demo_vlaanderen" records the load instead. Works on SQLite and PostgreSQL.
"""
from __future__ import annotations

import hashlib
import random
import time
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, insert, select, text

from .. import revisie
from ..audit.log import record_event
from ..audit.models import AuditEntry
from ..auth.models import Gebruiker, gebruiker_netwerk
from ..db import Base, utcnow
from ..erkenning.models import Actie, Engagement
from ..extensions import db
from ..graaf.models import BewustNiet, Indicator, Verwijzing
from ..partners import gemeente_index
from ..partners.models import (Aanbod, Contactpersoon, Lidmaatschap, Netwerk, Organisatie,
                               WerkingsgebiedDeel)
from . import indicatoren, vlaanderen_aanbod, vlaanderen_bestuur as bestuur
from .vlaanderen_netwerken import doelgroottes, netwerken
from .vlaanderen_partners import Partners

WACHTWOORD = "vlaanderen-demo"  # every generated user; printed by the command (demo data only)
SEED = 2026
VOLLEDIG = {"netwerken": 130, "organisaties": 15_000, "aanbod": 60_000, "verwijzingen": 150_000,
            "gebruikers": 1_000}
LEDEN_PER_ORGANISATIE = 1.15  # organisations are members of 1–3 networks, most of one
CHUNK = 5_000
# insert order (parents first); the key is the label in the counts
TABELLEN = (("netwerken", Netwerk), ("werkingsgebied", WerkingsgebiedDeel),
            ("organisaties", Organisatie), ("contactpersonen", Contactpersoon),
            ("lidmaatschappen", Lidmaatschap), ("aanbod", Aanbod), ("verwijzingen", Verwijzing),
            ("engagementen", Engagement), ("acties", Actie), ("bewust_niet", BewustNiet),
            ("gebruikers", Gebruiker), ("gebruiker_netwerk", gebruiker_netwerk),
            ("indicatoren", Indicator))
GEHEIM = {"session_token", "wachtwoord_hash"}  # random or salted: not part of the checksum


class VlaanderenFout(Exception):
    """A Dutch message for the command line."""


@dataclass
class Dataset:
    seed: int
    schaal: float
    rijen: dict[str, list[dict]] = field(default_factory=dict)
    seconden: float = 0.0

    def tellingen(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.rijen.items()}

    def checksum(self) -> str:
        """SHA-256 over every generated value except secrets: equal for equal seeds."""
        h = hashlib.sha256()
        for naam, _ in TABELLEN:
            for rij in self.rijen[naam]:
                h.update(repr(sorted((k, v) for k, v in rij.items() if k not in GEHEIM)).encode())
        return h.hexdigest()


def aantallen(schaal: float) -> dict[str, int]:
    """Row targets at this scale; small scales keep enough networks and organisations to cover
    every municipality with its lokaal bestuur."""
    n = {k: round(v * schaal) for k, v in VOLLEDIG.items()}
    n["netwerken"] = max(20, n["netwerken"])
    n["organisaties"] = max(n["organisaties"], 285 + 3 * n["netwerken"])
    n["aanbod"] = max(n["aanbod"], n["organisaties"])
    n["gebruikers"] = max(n["gebruikers"], n["netwerken"] + 20)
    return n


def genereer(schaal: float = 1.0, seed: int = SEED, vandaag: date | None = None,
             wachtwoord_hash: str = "") -> Dataset:
    """Every row of the data set, as dicts with explicit ids. Pure: no database."""
    begin = time.perf_counter()
    vandaag = vandaag or date.today()
    rng = random.Random(seed)
    n = aantallen(schaal)
    specs = netwerken(rng, n["netwerken"])
    doelgroottes(rng, specs, round(n["organisaties"] * LEDEN_PER_ORGANISATIE))
    p = Partners(rng, vandaag, specs)
    p.bouw(n["organisaties"], round(n["organisaties"] * LEDEN_PER_ORGANISATIE))
    netwerk_rijen, delen = bestuur.netwerken(rng, vandaag, specs)
    engagementen, acties = bestuur.engagementen(rng, vandaag, netwerk_rijen, p)
    gebruikers, koppels = bestuur.gebruikers(rng, n["gebruikers"], wachtwoord_hash,
                                             netwerk_rijen, p, schaal)
    ds = Dataset(seed=seed, schaal=schaal, rijen={
        "netwerken": netwerk_rijen, "werkingsgebied": delen, "organisaties": p.organisaties,
        "contactpersonen": p.contactpersonen, "lidmaatschappen": p.lidmaatschappen,
        "aanbod": vlaanderen_aanbod.aanbod(rng, vandaag, p, n["aanbod"]),
        "verwijzingen": vlaanderen_aanbod.verwijzingen(rng, vandaag, p, n["verwijzingen"]),
        "engagementen": engagementen, "acties": acties,
        "bewust_niet": bestuur.bewust_niet(rng, specs),
        "gebruikers": gebruikers, "gebruiker_netwerk": koppels,
        # fictitious, one year per municipality (bron says so); own seed: the rest is unchanged
        "indicatoren": [{"id": i, **r} for i, r in enumerate(
            indicatoren.rijen({d["nis"] for d in delen}, jaren=(2024,), seed=seed), start=1)]})
    ds.seconden = time.perf_counter() - begin
    return ds


def _tabel(model):
    return getattr(model, "__table__", model)


def _domeintabellen():
    """Every table but the audit log (it outlives records) and failed-login throttling rows."""
    return [t for t in Base.metadata.sorted_tables
            if t.name not in (AuditEntry.__tablename__, "aanmeldpoging")]


def is_leeg() -> bool:
    return not any(db.session.scalar(select(func.count()).select_from(t))
                   for t in _domeintabellen())


def weiger_als_niet_leeg(leeg_eerst: bool) -> None:
    if not leeg_eerst and not is_leeg():
        raise VlaanderenFout(
            "De databank is niet leeg: de Vlaanderen-dataset wordt enkel in een lege databank "
            "geladen. Gebruik --leeg-eerst om eerst alle gegevens (behalve het auditlog) te "
            "verwijderen.")


def maak_leeg() -> None:
    """Delete every domain row, children first."""
    for tabel in reversed(_domeintabellen()):
        db.session.execute(delete(tabel))


def _reset_sequences() -> None:
    """PostgreSQL: explicit ids do not advance the id sequences, so move them past the rows."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for _, model in TABELLEN:
        tabel = _tabel(model)
        if "id" in tabel.c:
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{tabel.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {tabel.name}), 0) + 1, false)"))


def _in_stukken(tabel, rijen: list[dict]) -> None:
    for i in range(0, len(rijen), CHUNK):
        db.session.execute(insert(tabel), rijen[i:i + CHUNK])


def laad(ds: Dataset, *, leeg_eerst: bool = False) -> float:
    """Bulk-insert the data set in one transaction (committed here). Returns the seconds spent."""
    begin = time.perf_counter()
    weiger_als_niet_leeg(leeg_eerst)
    if leeg_eerst:
        maak_leeg()
    nu = utcnow()
    for naam, model in TABELLEN:
        tabel = _tabel(model)
        extra = {k: v for k, v in (("version", 1), ("created_at", nu), ("updated_at", nu))
                 if k in tabel.c}
        rijen = [{**r, **extra} for r in ds.rijen[naam]]
        _in_stukken(tabel, rijen)
        if model in gemeente_index.INDEX:  # Core inserts pass no flush listener: add the index
            _in_stukken(gemeente_index.INDEX[model][0], gemeente_index.rijen(model, rijen))
    _reset_sequences()
    t = ds.tellingen()
    record_event(db.session, "demo_vlaanderen",
                 f"Vlaanderen-dataset geladen (seed {ds.seed}, schaal {ds.schaal}): "
                 f"{t['netwerken']} netwerken, {t['organisaties']} organisaties, {t['aanbod']} "
                 f"aanbod, {t['verwijzingen']} verwijzingen, {t['gebruikers']} gebruikers"
                 + (" (databank eerst leeggemaakt)" if leeg_eerst else ""))
    revisie.raak_gedeeld(db.session)  # Core inserts pass no flush listener
    db.session.commit()
    _statistieken()
    return time.perf_counter() - begin


def _statistieken() -> None:
    """PostgreSQL: gather the planner's statistics now. Until autovacuum
    gets to them (a minute or more after the load), the planner guesses the row counts of tables
    it saw empty: reading the largest network's referrals took 0.66 s instead of 35 ms."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    db.session.execute(text("ANALYZE"))  # every table: the municipality index tables too
    db.session.commit()


def laad_vlaanderen(schaal: float = 1.0, seed: int = SEED, *, leeg_eerst: bool = False,
                    vandaag: date | None = None) -> tuple[Dataset, float]:
    """Generate and load; refuses a non-empty database before generating anything."""
    from ..auth.passwords import hash_password
    weiger_als_niet_leeg(leeg_eerst)
    ds = genereer(schaal, seed, vandaag, wachtwoord_hash=hash_password(WACHTWOORD))
    return ds, laad(ds, leeg_eerst=leeg_eerst)
