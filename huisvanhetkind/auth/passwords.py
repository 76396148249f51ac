"""Password hashing with argon2id and the password policy.

Hashing: argon2-cffi's RFC 9106 low-memory profile (64 MiB, 3 passes) with one lane instead of
four, so one check costs one core (~0.2 s), and `verificatieslot` lets one check run at a time
per worker process: a login flood then takes at most one core per worker (issue 12). Hashes made
with four lanes still verify and are rehashed at the next login.

Policy: at least 10 and at most 1,024 characters, and not guessable by zxcvbn (Dropbox's
estimator, maintained on PyPI: dictionaries of common passwords, names and words, keyboard
patterns, repeats and sequences) — a score of at least 3 ("safely unguessable").
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(parallelism=1)
MIN_LENGTE = 10
MAX_LENGTE = 1024  # argon2 takes any length; a bound keeps a request cheap
MIN_SCORE = 3
_SCHATTING_LENGTE = 72  # zxcvbn's own bound; the first 72 characters decide the estimate

_TIPS = {  # zxcvbn's English feedback → Dutch, for the ones users meet most
    "repeats": "Herhalingen zoals 'aaa' of 'abcabc' zijn makkelijk te raden.",
    "sequences": "Reeksen zoals 'abc' of '6543' zijn makkelijk te raden.",
    "common": "Dit wachtwoord (of iets dat erop lijkt) staat op de lijsten van veelgebruikte "
              "wachtwoorden.",
    "keyboard": "Toetsenbordpatronen zoals 'qwerty' zijn makkelijk te raden.",
    "dates": "Datums en jaartallen zijn makkelijk te raden.",
    "names": "Namen en gewone woorden alleen zijn makkelijk te raden.",
}


@lru_cache(maxsize=1)
def _dummy() -> str:
    """Verified against when the e-mail is unknown, so both failures take the same time; made on
    first use, not at import (every CLI call and worker start would pay ~0.4 s)."""
    return _hasher.hash("geen-gebruiker-met-dit-adres")


# argon2-cffi releases the GIL: without a bound, every thread of a worker hashes at once and a
# burst of logins takes every core. One check at a time per process (the rest wait their turn,
# none is refused): a worker spends at most one core on passwords, whatever arrives.
verificatieslot = threading.BoundedSemaphore(1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _dummy(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def _tip(warning: str) -> str:
    w = warning.lower()
    for sleutel, woorden in (("repeats", ("repeat",)), ("sequences", ("sequence",)),
                             ("keyboard", ("keyboard", "row of keys", "pattern")),
                             ("dates", ("date", "year")),
                             ("common", ("common", "top-", "similar to"))):
        if any(x in w for x in woorden):
            return _TIPS[sleutel]
    return _TIPS["names"]


def password_problem(password: str, user_inputs: Iterable[str] = ()) -> str | None:
    """A Dutch reason why this password is not acceptable, or None. `user_inputs` (e-mail, name)
    count as known to an attacker."""
    if len(password) < MIN_LENGTE:
        return f"Het wachtwoord moet minstens {MIN_LENGTE} tekens lang zijn."
    if len(password) > MAX_LENGTE:
        return f"Het wachtwoord mag hoogstens {MAX_LENGTE} tekens lang zijn."
    if password.strip() != password:
        return "Het wachtwoord mag niet beginnen of eindigen met een spatie."
    inputs = [x for v in user_inputs if v for x in (v, *v.replace("@", " ").split())]
    from zxcvbn import zxcvbn  # here: loading its dictionaries costs every start ~0.12 s

    schatting = zxcvbn(password[:_SCHATTING_LENGTE], user_inputs=inputs)
    if schatting["score"] < MIN_SCORE:
        tip = _tip(schatting["feedback"].get("warning") or "")
        return (f"Dit wachtwoord is te makkelijk te raden. {tip} Kies bijvoorbeeld drie of vier "
                "losse woorden met leestekens ertussen.")
    return None
