"""Dutch text helpers without Flask: counts with the right noun form."""
from __future__ import annotations


def getal(n: int) -> str:
    """An integer in nl-BE notation: a dot between thousands ("1.234")."""
    return f"{int(n):,}".replace(",", ".")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """"1 gemeente", "3 gemeenten", "1.234 gemeenten" (0 takes the plural)."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"
