"""Dutch text helpers without Flask: counts with the right noun form."""
from __future__ import annotations


def getal(n: int) -> str:
    """An integer in nl-BE notation: a dot between thousands ("1.234")."""
    return f"{int(n):,}".replace(",", ".")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """"1 gemeente", "3 gemeenten", "1.234 gemeenten" (0 takes the plural)."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def decimaal(x: float | None, cijfers: int = 1) -> str:
    """A number in nl-BE notation with at most `cijfers` decimals: "1.234,5", "18,3", "2.600";
    "—" for None."""
    if x is None:
        return "—"
    afgerond = round(float(x), cijfers)
    if afgerond == int(afgerond):
        return getal(int(afgerond))
    geheel, _, rest = f"{abs(afgerond):.{cijfers}f}".partition(".")
    return f"{'-' if afgerond < 0 else ''}{getal(int(geheel))},{rest.rstrip('0')}"
