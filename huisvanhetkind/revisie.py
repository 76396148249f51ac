"""Every commit that changes a network gives that network a new `revisie` token, and a new
`feitenrevisie` when the change touches the facts the analysis reads.

Analyses are kept under the feitenrevisie (facts.py, berekeningen.py), the dossier PDF, the public
guide and the HSDS feed under the revisie; a worker sees another worker's change because the
tokens are written in the same transaction as the change. Which network a change belongs to comes
from the models' `audit_scope()` (the audit log asks the same question): a change scoped to an
organisation touches every network it is an active member of. A model that the analysis never
reads says so with `__geen_feit__ = True` (contact persons, review remarks): without it, every
change counts as a change of facts. A model whose rows hold columns the analysis never reads lists
them in `__geen_feit_kolommen__`: a change of only those is no change of facts (a column not
listed always counts, so a new column is a fact until said otherwise).

Facts that networks read from outside their own rows (other networks' names and werkingsgebied,
verplicht_kg aanbod of organisations that need not be members, zorgregio, indicators) have one
token for all of them, `gedeelde_feiten.revisie`: a model whose changes can touch them says
`__gedeeld_feit__ = True` (or a method answering it for one object, like Aanbod), and a bulk
change outside the ORM calls `raak_gedeeld`. facts.koppen keeps what it read of them per token.
"""
from __future__ import annotations

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session

from .db import insert_met_conflict, nieuwe_revisie

_KEY = "hvk_revisie_scopes"
_GEWIJZIGD = "hvk_revisie_gewijzigd"
_GEDEELD = "hvk_revisie_gedeeld"


def _scopes(session: Session) -> tuple[set, set, set, set]:
    """(networks, organisations) touched at all, then (networks, organisations) whose facts."""
    return session.info.setdefault(_KEY, (set(), set(), set(), set()))


def _bijzaak(obj) -> bool:
    """An existing row changed only in columns the analysis never reads (the model's
    `__geen_feit_kolommen__`): the network's revisie changes, its feitenrevisie and the shared
    token do not. 'Nagekeken' or a new description of an aanbod, an organisation's e-mail."""
    kolommen = getattr(obj, "__geen_feit_kolommen__", None)
    if not kolommen:
        return False
    state = inspect(obj)
    # committed_state: the attributes set since the last flush, to an equal value too (an edit
    # form sets every field): only the ones whose value changed count
    return all(k in kolommen for k in state.committed_state
               if state.attrs[k].history.has_changes())


def _collect(session: Session, flush_context) -> None:
    scopes = _scopes(session)
    # session.dirty rebuilds a set on every access: read it once (an import flushes thousands)
    gewijzigd = [o for o in session.dirty if session.is_modified(o)]
    bijzaken = {id(o) for o in gewijzigd if _bijzaak(o)}
    for obj in (*session.new, *gewijzigd, *session.deleted):
        feit = id(obj) not in bijzaken and not getattr(obj, "__geen_feit__", False)
        if id(obj) not in bijzaken and not session.info.get(_GEDEELD):
            gedeeld = getattr(obj, "__gedeeld_feit__", False)
            if gedeeld is True or (callable(gedeeld) and gedeeld()):
                session.info[_GEDEELD] = True
        scope = getattr(obj, "audit_scope", None)
        if scope is None:
            continue
        netwerk_id, organisatie_id = scope()
        if netwerk_id is not None:
            scopes[0].add(netwerk_id)
            if feit:
                scopes[2].add(netwerk_id)
        if organisatie_id is not None:
            scopes[1].add(organisatie_id)
            if feit:
                scopes[3].add(organisatie_id)


def raak(session: Session, netwerk_ids) -> None:
    """These networks' facts change with this transaction although none of their own rows does
    (an indicator of one of their municipalities): they get new tokens at the commit."""
    scopes = _scopes(session)
    scopes[0].update(netwerk_ids)
    scopes[2].update(netwerk_ids)


def raak_gedeeld(session: Session) -> None:
    """This transaction changes facts several networks share outside the ORM (a bulk load of the
    zorgregio table or of the demo data): the shared token changes at the commit."""
    session.info[_GEDEELD] = True


def _bump(session: Session) -> None:
    session.flush()  # before_commit runs before the final flush: pending changes add scopes
    gedeeld = session.info.pop(_GEDEELD, False)
    if _KEY not in session.info:
        if gedeeld:
            _bump_gedeeld(session)
        return
    netwerken, organisaties, feit_netwerken, feit_organisaties = session.info.pop(_KEY)
    from .partners.models import Lidmaatschap, Netwerk
    if organisaties:
        leden_van = {o: set() for o in organisaties}
        for o, n in session.execute(select(Lidmaatschap.organisatie_id, Lidmaatschap.netwerk_id)
                                    .where(Lidmaatschap.organisatie_id.in_(organisaties),
                                           Lidmaatschap.lid_tot.is_(None))):
            leden_van[o].add(n)
        for o, ns in leden_van.items():
            netwerken |= ns
            if o in feit_organisaties:
                feit_netwerken |= ns
    session.info[_GEWIJZIGD] = feit_netwerken
    # one row at a time in id order, as the last statements of the transaction: no deadlocks
    t = Netwerk.__table__
    for netwerk_id in sorted(netwerken):
        waarden = {"revisie": nieuwe_revisie()}
        if netwerk_id in feit_netwerken:
            waarden["feitenrevisie"] = nieuwe_revisie()
        session.execute(update(t).where(t.c.id == netwerk_id).values(**waarden))
    if gedeeld:
        _bump_gedeeld(session)


def _bump_gedeeld(session: Session) -> None:
    """A new shared token, after the network rows (every transaction locks the networks first,
    then this one row, and holds it only for the commit: no deadlock between writers). An
    upsert: the first time, or after the table was emptied, it adds the row."""
    from .berekening_models import GedeeldeFeiten
    t = GedeeldeFeiten.__table__
    token = nieuwe_revisie()
    stmt = insert_met_conflict(session.connection(), t).values(id=1, revisie=token)
    session.execute(stmt.on_conflict_do_update(index_elements=[t.c.id],
                                               set_={"revisie": token}))


def onzeker(session: Session) -> bool:
    """True while this transaction holds changes to facts that are not committed yet: what is read
    now carries the old revisie token, so it must not be cached under it (berekeningen.py)."""
    scopes = session.info.get(_KEY)
    return bool(scopes and (scopes[2] or scopes[3])) or bool(session.info.get(_GEDEELD)) or bool(
        session.new or session.deleted or any(session.is_modified(o) for o in session.dirty))


def _forget(session: Session, *args) -> None:
    session.info.pop(_KEY, None)
    session.info.pop(_GEWIJZIGD, None)
    session.info.pop(_GEDEELD, None)


def _na_commit(session: Session) -> None:
    from .opwarmen import na_commit
    na_commit(session.info.pop(_GEWIJZIGD, set()))


event.listen(Session, "after_flush", _collect)
event.listen(Session, "before_commit", _bump)
event.listen(Session, "after_soft_rollback", _forget)
event.listen(Session, "after_commit", _na_commit)
