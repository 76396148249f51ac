"""The public guide (domein.md §13): which websites may embed it.

Pure: no Flask, no database. The views send `frame_ancestors(origins)` as the guide's CSP.
"""
from __future__ import annotations

import re

MAX_ORIGINS = 20
# scheme://host[:port], nothing after it: an origin as the browser compares it (CSP source)
_ORIGIN = re.compile(r"^(https?)://([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                     r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::(\d{1,5}))?$")


class OngeldigeOrigin(ValueError):
    """A Dutch message naming the line that is not an origin."""


def parse_origins(tekst: str | None) -> tuple[str, ...]:
    """One origin per line (or separated by spaces or commas), e.g. 'https://www.temse.be'.
    Returns them lower-cased, without a trailing slash, sorted and without doubles; raises
    OngeldigeOrigin for anything that is not exactly scheme://host[:port]."""
    gevonden = []
    for deel in re.split(r"[\s,;]+", tekst or ""):
        if not deel:
            continue
        origin = deel.strip().lower().removesuffix("/")
        m = _ORIGIN.match(origin)
        if not m or (m.group(3) and not 0 < int(m.group(3)) < 65536):
            raise OngeldigeOrigin(
                f"'{deel}' is geen geldige website. Geef alleen het begin van het adres, zoals "
                "https://www.gemeente.be (zonder pad of /gids erachter).")
        if m.group(1) == "http" and m.group(2) not in ("localhost", "127.0.0.1"):
            raise OngeldigeOrigin(f"'{deel}' gebruikt geen https: alleen beveiligde websites "
                                  "mogen de gids insluiten.")
        gevonden.append(origin)
    origins = tuple(sorted(set(gevonden)))
    if len(origins) > MAX_ORIGINS:
        raise OngeldigeOrigin(f"Geef hoogstens {MAX_ORIGINS} websites.")
    return origins


def frame_ancestors(origins) -> str:
    """The CSP frame-ancestors source list: these origins, or 'none' (no embedding at all)."""
    return " ".join(origins) if origins else "'none'"

