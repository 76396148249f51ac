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


def namen_kort(namen, maximum: int = 8) -> str:
    """'A, B ×3, C' for at most `maximum` different names, then how many more ("en 5 andere"):
    a list of hundreds of partners stays readable (and a page small)."""
    tellers: dict[str, int] = {}
    for naam in namen:
        tellers[naam] = tellers.get(naam, 0) + 1
    getoond = [n if k == 1 else f"{n} ×{k}" for n, k in list(tellers.items())[:maximum]]
    rest = len(tellers) - maximum
    return ", ".join(getoond) + (f" en {getal(rest)} andere" if rest > 0 else "")
