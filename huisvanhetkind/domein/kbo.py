"""KBO/ondernemingsnummer: 10 digits, the last two are 97 − (first eight mod 97). Pure."""
from __future__ import annotations

import re


def normalise(raw: str) -> str:
    """'0123.456.749' / 'BE 0123 456 749' / '123456749' → '0123456749' (digits only)."""
    digits = re.sub(r"\D", "", raw or "")
    if len(digits) == 9:
        digits = "0" + digits
    return digits


def problem(raw: str) -> str | None:
    """A Dutch reason why this is not a valid KBO number, or None."""
    digits = normalise(raw)
    if len(digits) != 10:
        return "Een KBO-nummer heeft 10 cijfers, zoals 0123.456.749."
    if digits[0] not in "01":
        return "Een KBO-nummer begint met 0 of 1."
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        return "Dit KBO-nummer klopt niet: de controlecijfers (laatste twee) zijn fout."
    return None


def formatted(digits: str | None) -> str:
    if not digits:
        return ""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
