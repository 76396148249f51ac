"""URL converters shared by every blueprint."""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

ID_MAX = 2**31 - 1  # PostgreSQL integer; SQLite overflows at 2**63


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` that answers 404 for ids no row can have, instead of a database error (500)."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min,
                         max=ID_MAX if max is None else max, signed=signed)
