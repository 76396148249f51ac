"""Every commit that changes a network's facts gives that network a new `revisie` token.

Analyses are cached per process under (netwerk_id, revisie) (cache.py); a worker sees another
worker's change because the token is written in the same transaction as the change. Which network
a change belongs to comes from the models' `audit_scope()` (the audit log asks the same question):
a change scoped to an organisation touches every network it is an active member of.
"""
from __future__ import annotations

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from .db import nieuwe_revisie

_KEY = "hvk_revisie_scopes"
_GEWIJZIGD = "hvk_revisie_gewijzigd"


def _collect(session: Session, flush_context) -> None:
    scopes = session.info.setdefault(_KEY, (set(), set()))
    # session.dirty rebuilds a set on every access: read it once (an import flushes thousands)
    gewijzigd = [o for o in session.dirty if session.is_modified(o)]
    for obj in (*session.new, *gewijzigd, *session.deleted):
        scope = getattr(obj, "audit_scope", None)
        if scope is None:
            continue
        netwerk_id, organisatie_id = scope()
        if netwerk_id is not None:
            scopes[0].add(netwerk_id)
        if organisatie_id is not None:
            scopes[1].add(organisatie_id)


def raak(session: Session, netwerk_ids) -> None:
    """These networks' facts change with this transaction although none of their own rows does
    (an indicator of one of their municipalities): they get a new revisie at the commit."""
    session.info.setdefault(_KEY, (set(), set()))[0].update(netwerk_ids)


def _bump(session: Session) -> None:
    session.flush()  # before_commit runs before the final flush: pending changes add scopes
    if _KEY not in session.info:
        return
    netwerken, organisaties = session.info.pop(_KEY)
    from .partners.models import Lidmaatschap, Netwerk
    if organisaties:
        netwerken |= set(session.scalars(select(Lidmaatschap.netwerk_id).where(
            Lidmaatschap.organisatie_id.in_(organisaties), Lidmaatschap.lid_tot.is_(None))))
    session.info[_GEWIJZIGD] = netwerken
    # one row at a time in id order, as the last statements of the transaction: no deadlocks
    for netwerk_id in sorted(netwerken):
        session.execute(update(Netwerk.__table__).where(Netwerk.__table__.c.id == netwerk_id)
                        .values(revisie=nieuwe_revisie()))


def onzeker(session: Session) -> bool:
    """True while this transaction holds changes to facts that are not committed yet: what is read
    now carries the old revisie token, so it must not be cached under it (berekeningen.py)."""
    scopes = session.info.get(_KEY)
    return bool(scopes and (scopes[0] or scopes[1])) or bool(
        session.new or session.deleted or any(session.is_modified(o) for o in session.dirty))


def _forget(session: Session, *args) -> None:
    session.info.pop(_KEY, None)
    session.info.pop(_GEWIJZIGD, None)


def _na_commit(session: Session) -> None:
    from .opwarmen import na_commit
    na_commit(session.info.pop(_GEWIJZIGD, set()))


event.listen(Session, "after_flush", _collect)
event.listen(Session, "before_commit", _bump)
event.listen(Session, "after_soft_rollback", _forget)
event.listen(Session, "after_commit", _na_commit)
