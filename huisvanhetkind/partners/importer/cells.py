"""Reading one cell: text, dates, ja/nee, numbers, codes or labels, municipalities. Pure.

Each reader takes the raw value (str from CSV; str, int, float, bool or datetime from openpyxl)
and returns the typed value or raises CelFout with a Dutch explanation.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ...domein import gemeenten, taxonomie as tax
from ...domein import kbo as kbo_nummer
from .columns import Kolom

# the export prefixes these with ' against formula injection; the importer takes it off again
GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r")
EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
DATUM_DAG_EERST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
JA = {"ja", "j", "waar", "true", "1", "x", "yes"}
NEE = {"nee", "n", "onwaar", "false", "0", "no"}


class CelFout(ValueError):
    """The cell cannot be read; the message is Dutch and meant for the user."""


def neutraliseer(text: str) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with a single quote."""
    return "'" + text if text.startswith(GEVAARLIJK_BEGIN) else text


def tekst(raw) -> str:
    """The cell as trimmed text; formulas are refused, an export's ' prefix is removed."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "ja" if raw else "nee"
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    text = str(raw)
    if text.startswith("'") and text[1:2] and text[1] in "=+-@\t\r":
        return text[1:].strip()
    text = text.strip()
    if text.startswith("="):
        raise CelFout("formules worden niet aanvaard; typ de waarde zelf (of zet er een ' voor "
                      "als de tekst echt met = begint).")
    return text


def _datum(raw) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise CelFout(f"'{raw}' is een getal, geen datum; schrijf de datum als dd/mm/jjjj.")
    text = tekst(raw)
    m = DATUM_DAG_EERST.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
    else:
        m = DATUM_ISO.match(text)
        if not m:
            raise CelFout(f"'{text}' is geen datum; schrijf dd/mm/jjjj of jjjj-mm-dd.")
        y, mo, d = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        raise CelFout(f"'{text}' is geen bestaande datum.") from None


def _bool(raw) -> bool:
    if isinstance(raw, bool):
        return raw
    text = tekst(raw).casefold()
    if text in JA:
        return True
    if text in NEE:
        return False
    raise CelFout(f"'{text}' is geen ja of nee.")


def _getal(raw) -> int:
    if isinstance(raw, bool):
        raise CelFout("verwacht een geheel getal.")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if not isinstance(raw, int):
        text = tekst(raw).replace(" ", "").replace(".", "")
        if not re.fullmatch(r"-?\d{1,9}", text):
            raise CelFout(f"'{tekst(raw)}' is geen geheel getal.")
        raw = int(text)
    if raw < 0:
        raise CelFout("het aantal kan niet negatief zijn.")
    return raw


JAREN = (1990, 2100)


def _jaar(raw) -> int:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else tekst(raw)
    if not re.fullmatch(r"\d{4}", text) or not JAREN[0] <= int(text) <= JAREN[1]:
        raise CelFout(f"'{tekst(raw)}' is geen jaar; schrijf een jaartal tussen {JAREN[0]} en "
                      f"{JAREN[1]}, bv. 2024.")
    return int(text)


def _waarde(raw) -> float:
    if isinstance(raw, bool) or isinstance(raw, (datetime, date)):
        raise CelFout("verwacht een getal.")
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = tekst(raw).replace(" ", "").replace("\u00a0", "").rstrip("%")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234,5
            text = text.replace(".", "")
        text = text.replace(",", ".")
        if not re.fullmatch(r"-?\d{1,12}(\.\d+)?", text):
            raise CelFout(f"'{tekst(raw)}' is geen getal; schrijf bv. 1250 of 18,3.")
        value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise CelFout(f"'{tekst(raw)}' is geen getal.")
    if value < 0:
        raise CelFout("de waarde kan niet negatief zijn.")
    return value


def _items(raw, known=None) -> list[str]:
    """A multi-valued cell: separated by ';' (or a line break inside the cell). In a CSV whose
    separator is ';' the values use ',' instead (domein.md §7): a part that is not known as a
    whole is split on ',' — labels such as "Spel, vrije tijd, sport en cultuur" stay whole."""
    out = []
    for part in (p.strip() for p in re.split(r"[;\n]", tekst(raw))):
        if not part:
            continue
        if "," in part and known is not None and not known(part):
            out += [p.strip() for p in part.split(",") if p.strip()]
        else:
            out.append(part)
    return out


def _code(raw, k: Kolom) -> str:
    if isinstance(raw, (datetime, date)):
        raise CelFout("Excel heeft deze waarde als datum gelezen; zet de kolom als tekst en typ "
                      "de code opnieuw.")
    text = tekst(raw)
    found = k.taxonomie.lookup(text)
    if found is None:
        raise CelFout(f"'{text}' is geen gekende {k.taxonomie.titel.lower()}. Toegelaten: "
                      f"{', '.join(k.taxonomie.keys())} (of hun omschrijving).")
    return found.code


def _codes(raw, k: Kolom) -> tuple[str, ...]:
    if isinstance(raw, (datetime, date)):
        return (_code(raw, k),)
    items = _items(raw, k.taxonomie.lookup)
    onbekend = [t for t in items if k.taxonomie.lookup(t) is None]
    if onbekend:
        raise CelFout(f"{', '.join(repr(t) for t in onbekend)}: geen gekende "
                      f"{k.taxonomie.titel.lower()}. Toegelaten: {', '.join(k.taxonomie.keys())} "
                      f"(of hun omschrijving), gescheiden door ;")
    return tuple(sorted({k.taxonomie.lookup(t).code for t in items}))


def gemeente(text: str) -> str:
    found = gemeenten.zoek(text)
    if found is None:
        raise CelFout(f"'{text}' is geen Vlaamse of Brusselse gemeente (naam of NIS-code).")
    return found.nis


def _gemeenten(raw) -> tuple[str, ...]:
    fouten, nis = [], set()
    for t in _items(raw, gemeenten.zoek):
        try:
            nis.add(gemeente(t))
        except CelFout:
            fouten.append(t)
    if fouten:
        raise CelFout(f"{', '.join(repr(t) for t in fouten)}: geen Vlaamse of Brusselse gemeente "
                      "(naam of NIS-code, gescheiden door ;).")
    return tuple(sorted(nis))


def _werkingsgebied(raw) -> tuple[tuple[str, str], ...]:
    delen, fouten = set(), []
    for t in _items(raw):
        naam, _, deel = t.partition(":")
        try:
            delen.add((gemeente(naam), " ".join(deel.split())))
        except CelFout:
            fouten.append(naam.strip())
    if fouten:
        raise CelFout(f"{', '.join(repr(t) for t in fouten)}: geen Vlaamse of Brusselse gemeente. "
                      "Schrijf gemeenten (naam of NIS-code) gescheiden door ; en een deel als "
                      "'Gemeente: deel'.")
    return tuple(sorted(delen))


def _kbo(raw) -> str:
    text = tekst(raw)
    probleem = kbo_nummer.problem(text)
    if probleem:
        raise CelFout(f"'{text}': {probleem}")
    return kbo_nummer.normalise(text)


def _email(raw) -> str:
    text = tekst(raw)
    if not EMAIL.match(text):
        raise CelFout(f"'{text}' is geen geldig e-mailadres.")
    return text


def _voorwaarde(raw) -> str:
    text = tekst(raw).upper().replace(" ", "")
    if text not in tax.ENGAGEMENTEN:
        raise CelFout(f"'{tekst(raw)}' is geen engagement; kies uit {', '.join(tax.ENGAGEMENTEN)}.")
    return text


def leeg(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def lees(k: Kolom, raw):
    """The typed value of one cell of column k; None when the cell is empty."""
    if leeg(raw):
        return None
    if k.soort in ("tekst", "partner"):
        value = tekst(raw)
    elif k.soort == "email":
        value = _email(raw)
    elif k.soort == "kbo":
        value = _kbo(raw)
    elif k.soort == "datum":
        value = _datum(raw)
    elif k.soort == "bool":
        value = _bool(raw)
    elif k.soort == "getal":
        value = _getal(raw)
    elif k.soort == "code":
        value = _code(raw, k)
    elif k.soort == "codes":
        value = _codes(raw, k)
    elif k.soort == "gemeenten":
        value = _gemeenten(raw)
    elif k.soort == "werkingsgebied":
        value = _werkingsgebied(raw)
    elif k.soort == "voorwaarde":
        value = _voorwaarde(raw)
    elif k.soort == "gemeente":
        value = gemeente(tekst(raw))
    elif k.soort == "jaar":
        value = _jaar(raw)
    elif k.soort == "waarde":
        value = _waarde(raw)
    else:  # pragma: no cover - a programming error in columns.py
        raise AssertionError(k.soort)
    if k.max_lengte and isinstance(value, str) and len(value) > k.max_lengte:
        raise CelFout(f"te lang: maximaal {k.max_lengte} tekens.")
    if value in ("", ()):
        return None
    return value
