"""Integers from the outside world, bounded in one place: path, query string and form.

A number no row can have (beyond 64 bits, or beyond PostgreSQL's integer) is answered like any
other bad value — a 404, or the default a view gets for a non-number — never with a database
error (500). `ID_MAX` is the one bound:

- `<int:...>` in a route (BoundedIntConverter): a larger id is a 404;
- `request.args.get(key, type=int)` and `request.form.get(key, type=int)` (and `getlist`): a
  value outside 0..ID_MAX is the default, as werkzeug answers a non-number (BegrensdRequest);
- `?page=` and `?per_page=`, which Flask-SQLAlchemy's `db.paginate` reads itself with int():
  anything but a positive integer up to ID_MAX is a 404 before the view (pagina_binnen_bereik).

Only ASCII digits count: str.isdigit() also accepts '¹', which int() refuses.
"""
from __future__ import annotations

import re

from flask import Request, abort, request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter

ID_MAX = 2**31 - 1  # PostgreSQL integer; SQLite overflows at 2**63
_GETAL = re.compile(r"[0-9]{1,20}")


def begrensd_getal(tekst) -> int | None:
    """`tekst` as an integer 0..ID_MAX (ASCII digits only: no sign, no spaces), else None."""
    if not isinstance(tekst, str) or not _GETAL.fullmatch(tekst):
        return None
    waarde = int(tekst)
    return waarde if waarde <= ID_MAX else None


def _begrensd_int(tekst) -> int:
    """`type=` for MultiDict.get: a ValueError makes werkzeug return the default."""
    waarde = begrensd_getal(tekst)
    if waarde is None:
        raise ValueError(tekst)
    return waarde


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` that answers 404 for ids no row can have, instead of a database error (500)."""
    regex = r"[0-9]+"  # ASCII digits: \d would also let other scripts' digits through

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min,
                         max=ID_MAX if max is None else max, signed=signed)


class BegrensdeWaarden(ImmutableMultiDict):
    """request.args and request.form: `type=int` yields only integers 0..ID_MAX."""

    def get(self, key, default=None, type=None):
        return super().get(key, default, _begrensd_int if type is int else type)

    def getlist(self, key, type=None):
        return super().getlist(key, _begrensd_int if type is int else type)


class BegrensdRequest(Request):
    parameter_storage_class = BegrensdeWaarden


PAGINERING = ("page", "per_page")


def pagina_binnen_bereik() -> None:
    """before_request: ?page= and ?per_page= are positive integers up to ID_MAX, else 404.
    (A page beyond the last one is the view's business: db.paginate answers it.)"""
    for sleutel in PAGINERING:
        if any((begrensd_getal(w) or 0) < 1 for w in request.args.getlist(sleutel)):
            abort(404)
