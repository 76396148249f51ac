"""Records every insert, update and delete of an audited model, in the same transaction.

Models opt in with `__audit__ = True`, may hide columns with `__audit_exclude__` and tell which
network/organisation a change belongs to with `audit_scope() -> (netwerk_id, organisatie_id)`.
Who acted comes from `actor_provider`, set by the web layer (current user) or the CLI.
"""
from __future__ import annotations

import contextvars
import enum
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Callable

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Mapper, Session

from ..db import utcnow
from .models import AuditEntry

IGNORED = {"version", "created_at", "updated_at"}
ACTIES = {"insert": "toegevoegd", "update": "gewijzigd", "delete": "verwijderd"}

# (gebruiker_id, label); the web layer installs a provider reading flask_login.current_user
_cli_actor: contextvars.ContextVar[tuple[int | None, str] | None] = contextvars.ContextVar(
    "audit_cli_actor", default=None)
actor_provider: Callable[[], tuple[int | None, str]] | None = None


@contextmanager
def acting_as(label: str, gebruiker_id: int | None = None):
    """Attribute changes made inside this block to a command-line actor."""
    token = _cli_actor.set((gebruiker_id, label))
    try:
        yield
    finally:
        _cli_actor.reset(token)


def current_actor() -> tuple[int | None, str]:
    cli = _cli_actor.get()
    if cli is not None:
        return cli
    if actor_provider is not None:
        found = actor_provider()
        if found is not None:
            return found
    return None, "systeem"


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _columns(obj):
    excluded = IGNORED | set(getattr(obj, "__audit_exclude__", ()))
    return [a for a in inspect(obj).mapper.column_attrs if a.key not in excluded]


def _describe(obj) -> str:
    text = str(obj)
    return text if not text.startswith("<") else ""


def _entry(obj, actie: str, wijzigingen: dict) -> dict:
    netwerk_id, organisatie_id = obj.audit_scope() if hasattr(obj, "audit_scope") else (None, None)
    gebruiker_id, label = current_actor()
    pk = inspect(obj).mapper.primary_key_from_instance(obj)
    return {
        "tijdstip": utcnow(), "gebruiker_id": gebruiker_id, "gebruiker": label, "actie": actie,
        "tabel": obj.__tablename__,
        "record_id": ",".join(str(k) for k in pk) if any(k is not None for k in pk) else None,
        "netwerk_id": netwerk_id, "organisatie_id": organisatie_id,
        "tegenpartij_id": obj.audit_tegenpartij() if hasattr(obj, "audit_tegenpartij") else None,
        "omschrijving": _describe(obj)[:500], "wijzigingen": wijzigingen,
    }


def _changes(obj) -> dict:
    state = inspect(obj)
    changes = {}
    for attr in _columns(obj):
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if _plain(old) != _plain(new):
            changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _snapshot(obj, index: int) -> dict:
    """Every column's value; index 0 = old values of a deleted row, 1 = new ones of an insert."""
    state = inspect(obj)
    values = {}
    for attr in _columns(obj):
        hist = state.attrs[attr.key].history
        value = (hist.added or hist.unchanged or hist.deleted or [None])[0] if index else \
            (hist.deleted or hist.unchanged or [state.dict.get(attr.key)])[0]
        values[attr.key] = [None, _plain(value)] if index else [_plain(value), None]
    return values


@event.listens_for(Mapper, "mapper_configured")
def _keep_old_values(mapper, cls) -> None:
    """Load the old value when an expired attribute is set, so the log can show old → new."""
    if not getattr(cls, "__audit__", False):
        return
    for attr in mapper.column_attrs:
        event.listen(getattr(cls, attr.key), "set", _noop, active_history=True)


def _noop(target, value, oldvalue, initiator):
    return value


@event.listens_for(Session, "before_flush")
def _load_deleted(session: Session, flush_context, instances) -> None:
    # a deleted row's values are logged: load any that expired after the last commit
    for obj in session.deleted:
        if getattr(obj, "__audit__", False):
            state = inspect(obj)
            for attr in _columns(obj):
                state.attrs[attr.key].value  # noqa: B018  (triggers the load)


@event.listens_for(Session, "after_flush")
def _record_changes(session: Session, flush_context) -> None:
    rows = []
    for obj in session.new:
        if getattr(obj, "__audit__", False):
            rows.append(_entry(obj, ACTIES["insert"], _snapshot(obj, 1)))
    for obj in session.dirty:
        if getattr(obj, "__audit__", False) and session.is_modified(obj, include_collections=False):
            changes = _changes(obj)
            if changes:
                rows.append(_entry(obj, ACTIES["update"], changes))
    for obj in session.deleted:
        if getattr(obj, "__audit__", False):
            rows.append(_entry(obj, ACTIES["delete"], _snapshot(obj, 0)))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def record_event(session: Session, actie: str, omschrijving: str = "", *, gebruiker_id=None,
                 gebruiker: str | None = None, tabel: str = "", record_id=None,
                 netwerk_id: int | None = None) -> None:
    """A security or business event that is not a row change (login, refused access, import)."""
    actor_id, label = current_actor()
    session.add(AuditEntry(
        actie=actie, omschrijving=omschrijving[:500], tabel=tabel,
        record_id=str(record_id) if record_id is not None else None, netwerk_id=netwerk_id,
        gebruiker_id=gebruiker_id if gebruiker_id is not None else actor_id,
        gebruiker=gebruiker if gebruiker is not None else label))
