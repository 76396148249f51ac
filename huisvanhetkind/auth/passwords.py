"""Password hashing with argon2id (argon2-cffi's RFC 9106 low-memory profile)."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
MIN_LENGTE = 10

# Verified against when the e-mail is unknown, so both failures take the same time.
_DUMMY = _hasher.hash("geen-gebruiker-met-dit-adres")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def password_problem(password: str) -> str | None:
    """A Dutch reason why this password is not acceptable, or None."""
    if len(password) < MIN_LENGTE:
        return f"Het wachtwoord moet minstens {MIN_LENGTE} tekens lang zijn."
    if password.strip() != password:
        return "Het wachtwoord mag niet beginnen of eindigen met een spatie."
    return None
