"""A stable fingerprint of plain data, the same in every process and on every host.

Python's `hash()` of a string differs per process (hash randomisation), and a frozenset's order
with it: a cache key built from either is private to one worker. Keys of what is shared through
the database (the analysis bundles, the dossier PDF) use this digest instead.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime


def _canoniek(obj):
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, (date, datetime)):
        return ["d", obj.isoformat()]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [type(obj).__name__, [_canoniek(getattr(obj, f.name))
                                     for f in dataclasses.fields(obj)]]
    if isinstance(obj, (set, frozenset)):
        return ["s", sorted((_canoniek(x) for x in obj), key=_tekst)]
    if isinstance(obj, dict):
        return ["m", sorted(([_canoniek(k), _canoniek(v)] for k, v in obj.items()), key=_tekst)]
    if isinstance(obj, (tuple, list)) or hasattr(obj, "_fields"):  # tuples, lists, result rows
        return [_canoniek(x) for x in obj]
    raise TypeError(f"geen vaste vingerafdruk voor {type(obj).__name__}")


def _tekst(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def vingerafdruk(obj) -> str:
    """32 hex digits of SHA-256 over a canonical form of obj (sets sorted, dataclasses by field)."""
    return hashlib.sha256(_tekst(_canoniek(obj)).encode()).hexdigest()[:32]
