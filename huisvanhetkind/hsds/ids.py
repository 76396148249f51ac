"""HSDS ids back to our ids.

The ids are UUIDv5 over a fixed namespace and our row id (partners/export/hsds.py: the API and the
export give a record the same id). A UUIDv5 cannot be reversed, but the mapping depends on the
integer alone, so a per-process index of every integer up to the largest id in use never goes
stale: it only grows, when an id beyond it is asked for.
"""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from ..extensions import db
from ..partners.export.hsds import uid

_lock = threading.Lock()
_index: dict[str, dict[str, int]] = {}
_tot: dict[str, int] = {}


def onze_id(soort: str, kolom, hsds_id: str) -> int | None:
    """Our id of the row of `kolom`'s table whose HSDS id (`uid(soort, id)`) is `hsds_id`."""
    index = _index.setdefault(soort, {})
    gevonden = index.get(hsds_id)
    if gevonden is not None or len(hsds_id) != 36:
        return gevonden
    hoogste = db.session.scalar(select(func.max(kolom))) or 0
    with _lock:
        for i in range(_tot.get(soort, 0) + 1, hoogste + 1):
            index[uid(soort, i)] = i
        _tot[soort] = max(_tot.get(soort, 0), hoogste)
    return index.get(hsds_id)
