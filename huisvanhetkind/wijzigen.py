"""The one write path for updates and deletes: a version check, the change, a flush.

Every operation that changes or deletes an existing record goes through `wijzig` or `verwijder`:
- the version the user started from must be the stored one, else `Conflict` (nothing changes);
- only the keys the operation allows may change (Indico's update_*: a form can never set `id`,
  `netwerk_id` or `version`);
- the flush runs the UPDATE with SQLAlchemy's version check, so a save racing ours between our
  read and our write also ends as `Conflict` instead of a lost update.
Row changes are audited by the flush listener (audit/log.py); nothing here commits: the request's
one commit point does (main/commit.py), the command line commits itself.
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy.orm.exc import StaleDataError

from .extensions import db
from .fouten import Conflict


def _versie(tekst: Any) -> int | None:
    try:
        return int(tekst)
    except (TypeError, ValueError):
        return None


def controleer_versie(obj, version: Any, velden: Iterable[str] = ()) -> None:
    """Conflict unless `version` (as submitted: text or int) is the stored version."""
    if _versie(version) != obj.version:
        raise Conflict({v: getattr(obj, v) for v in velden}, obj.version)


def flush(obj, velden: Iterable[str]) -> None:
    """Flush; a concurrent save between our read and our write becomes Conflict (the stored
    values of `velden`). For operations that change an object in several steps."""
    try:
        db.session.flush()
    except StaleDataError:  # a concurrent save between our read and our write
        db.session.rollback()
        vers = db.session.get(type(obj), obj.id)
        if vers is None:
            raise Conflict({}, 0) from None
        raise Conflict({v: getattr(vers, v) for v in velden}, vers.version) from None


def wijzig(obj, waarden: dict[str, Any], version: Any, toegelaten: Iterable[str]) -> bool:
    """Set `waarden` on `obj` after the version check; returns whether anything changed.

    Raises ValueError for a key outside `toegelaten` (a programming error, never user input).
    """
    toegelaten = set(toegelaten)
    vreemd = set(waarden) - toegelaten
    if vreemd:
        raise ValueError(f"niet te wijzigen: {sorted(vreemd)}")
    controleer_versie(obj, version, waarden)
    veranderd = False
    for naam, waarde in waarden.items():
        if getattr(obj, naam) != waarde:
            setattr(obj, naam, waarde)
            veranderd = True
    if veranderd:
        flush(obj, waarden)
    return veranderd


def verwijder(obj, version: Any) -> None:
    """Delete `obj` after the version check."""
    controleer_versie(obj, version)
    db.session.delete(obj)
    flush(obj, ())
