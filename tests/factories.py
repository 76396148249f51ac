"""Factories for test data: small functions with sensible defaults; pass what matters."""
from __future__ import annotations

import itertools
from datetime import date
from functools import lru_cache

from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.auth.passwords import hash_password
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import (Aanbod, Contactpersoon, Lidmaatschap, Netwerk,
                                            Organisatie, WerkingsgebiedDeel)
from huisvanhetkind.graaf.models import Verwijzing

WACHTWOORD = "test-wachtwoord-123"
_seq = itertools.count(1)


@lru_cache(maxsize=1)
def _hash() -> str:
    return hash_password(WACHTWOORD)  # argon2 is slow on purpose: hash once per session


def kbo_nummer(n: int) -> str:
    first8 = f"{n:08d}"
    return first8 + f"{97 - int(first8) % 97:02d}"


def netwerk(naam: str | None = None, gemeenten=("46021",), **fields) -> Netwerk:
    n = Netwerk(naam=naam or f"Huis van het Kind {next(_seq)}", **fields)
    n.werkingsgebied = [WerkingsgebiedDeel(nis=nis, deel="") for nis in gemeenten]
    db.session.add(n)
    db.session.flush()
    return n


def organisatie(naam: str | None = None, sector: str = "welzijn", gemeenten=("46021",),
                **fields) -> Organisatie:
    o = Organisatie(naam=naam or f"Organisatie {next(_seq)}", sector=sector,
                    gemeenten=tuple(gemeenten), **fields)
    db.session.add(o)
    db.session.flush()
    return o


def contactpersoon(org: Organisatie, naam: str = "An Peeters", **fields) -> Contactpersoon:
    c = Contactpersoon(organisatie_id=org.id, naam=naam, **fields)
    db.session.add(c)
    db.session.flush()
    return c


def lid(n: Netwerk, org: Organisatie, **fields) -> Lidmaatschap:
    fields.setdefault("lid_sinds", date(2024, 1, 1))
    m = Lidmaatschap(netwerk_id=n.id, organisatie_id=org.id, **fields)
    db.session.add(m)
    db.session.flush()
    return m


def aanbod(org: Organisatie, naam: str | None = None, aanbodvorm: str = "spel_en_ontmoeting",
           **fields) -> Aanbod:
    fields.setdefault("functies", ("ontmoeting",))
    fields.setdefault("leeftijdsgroepen", ("0-3",))
    fields.setdefault("werkvormen", ("locatie",))
    fields.setdefault("laatst_nagekeken_op", date.today())
    a = Aanbod(organisatie_id=org.id, naam=naam or f"Aanbod {next(_seq)}", aanbodvorm=aanbodvorm,
               **fields)
    db.session.add(a)
    db.session.flush()
    return a


def verwijzing(van: Organisatie, naar: Organisatie, soort: str = "doorverwijzing",
               **fields) -> Verwijzing:
    v = Verwijzing(van_id=van.id, naar_id=naar.id, soort=soort, **fields)
    db.session.add(v)
    db.session.flush()
    return v


def gebruiker(rol: str, email: str | None = None, *, netwerken=(), organisatie=None,
              provincies=(), actief: bool = True) -> Gebruiker:
    g = Gebruiker(email=email or f"{rol}{next(_seq)}@test.be", naam=f"Test {rol}", rol=rol,
                  wachtwoord_hash=_hash(), actief=actief,
                  organisatie_id=organisatie.id if organisatie else None,
                  provincies=tuple(provincies))
    g.netwerken = list(netwerken)
    db.session.add(g)
    db.session.flush()
    return g
