"""The municipalities of aanbod and organisations as indexed rows, derived from their CodeList.

`Aanbod.gemeenten` and `Organisatie.gemeenten` stay the source of truth (read with their row,
shown in the audit log); `aanbod_gemeente` and `organisatie_gemeente` hold the same codes as
rows with an index on (nis, id), so that filtering by municipality is an index lookup instead
of a LIKE scan over every row. Every ORM flush keeps them equal (the listener below); a Core
bulk insert adds them with `rijen()` (the Flanders generator); deleting the row cascades.
"""
from __future__ import annotations

from sqlalchemy import (Column, ForeignKey, Index, Integer, String, Table, and_, delete, event,
                        insert, inspect, or_, select)
from sqlalchemy.orm import Session

from ..db import Base, CodeList
from .models import Aanbod, Organisatie

aanbod_gemeente = Table(
    "aanbod_gemeente", Base.metadata,
    Column("aanbod_id", Integer, ForeignKey("aanbod.id", ondelete="CASCADE"), primary_key=True),
    Column("nis", String(5), primary_key=True),
    Index("ix_aanbod_gemeente_nis", "nis", "aanbod_id"),
)

organisatie_gemeente = Table(
    "organisatie_gemeente", Base.metadata,
    Column("organisatie_id", Integer, ForeignKey("organisatie.id", ondelete="CASCADE"),
           primary_key=True),
    Column("nis", String(5), primary_key=True),
    Index("ix_organisatie_gemeente_nis", "nis", "organisatie_id"),
)

# model → (index table, its id column)
INDEX = {Aanbod: (aanbod_gemeente, "aanbod_id"), Organisatie: (organisatie_gemeente, "organisatie_id")}


def rijen(model, records) -> list[dict]:
    """The index rows of these records (objects or dicts with `id` and `gemeenten`)."""
    kolom = INDEX[model][1]
    uit = []
    for r in records:
        rid, codes = (r["id"], r.get("gemeenten")) if isinstance(r, dict) else (r.id, r.gemeenten)
        uit.extend({kolom: rid, "nis": nis} for nis in CodeList.codes(codes))
    return uit


def met_gemeente(model, nis):
    """SQL condition on the model's id: it has this municipality (or, for a list, one of them)."""
    tabel, kolom = INDEX[model]
    waar = tabel.c.nis.in_(nis) if _is_lijst(nis) else tabel.c.nis == nis
    return model.id.in_(select(tabel.c[kolom]).where(waar))


def aanbod_in(nis):
    """SQL condition on Aanbod: it serves this municipality (or one of a list): its own
    municipalities, or (when it has none) its organisation's. One list of ids from the index, so
    that a query over all aanbod starts from them instead of scanning every aanbod (Flanders:
    3 ms instead of 20-30). Not for a query that a network's membership already drives: SQLite
    then probes the list per organisation (use `met_gemeente` on each side there)."""
    eigen = aanbod_gemeente.c.nis.in_(nis) if _is_lijst(nis) else aanbod_gemeente.c.nis == nis
    org = (organisatie_gemeente.c.nis.in_(nis) if _is_lijst(nis)
           else organisatie_gemeente.c.nis == nis)
    a = Aanbod.__table__.alias("aanbod_van_organisatie")
    leeg = or_(a.c.gemeenten == "", a.c.gemeenten.is_(None))
    return Aanbod.id.in_(
        select(aanbod_gemeente.c.aanbod_id).where(eigen).union_all(
            select(a.c.id).join(organisatie_gemeente,
                                organisatie_gemeente.c.organisatie_id == a.c.organisatie_id)
            .where(org, leeg)))


def aanbod_dekt(nis):
    """SQL condition on Aanbod: it serves one of these municipalities, asked per aanbod row
    (two index probes) instead of listing every aanbod of the municipalities as aanbod_in does:
    for a query that an index already narrows to a few aanbod (the ~1,000 verplicht_kg aanbod
    of Flanders, asked on every analysis page: 20 ms on PostgreSQL with aanbod_in)."""
    codes = list(nis) if _is_lijst(nis) else [nis]
    eigen = select(aanbod_gemeente.c.aanbod_id).where(
        aanbod_gemeente.c.aanbod_id == Aanbod.id, aanbod_gemeente.c.nis.in_(codes))
    org = select(organisatie_gemeente.c.organisatie_id).where(
        organisatie_gemeente.c.organisatie_id == Aanbod.organisatie_id,
        organisatie_gemeente.c.nis.in_(codes))
    leeg = or_(Aanbod.gemeenten == "", Aanbod.gemeenten.is_(None))
    return or_(eigen.exists(), and_(leeg, org.exists()))


def _is_lijst(nis) -> bool:
    return isinstance(nis, (list, tuple, set, frozenset))


def _sync(session: Session, flush_context) -> None:
    """after_flush: rewrite the index rows of every new or changed Aanbod/Organisatie (the
    session still shows the pre-flush new/dirty sets and attribute history here)."""
    gewijzigd: dict[type, list] = {}
    # session.new/dirty rebuild a set on every access: read each once (an import flushes thousands)
    nieuw, weg = session.new, session.deleted
    for obj in (*nieuw, *session.dirty):
        model = type(obj)
        if model in INDEX and obj not in weg and (
                obj in nieuw or inspect(obj).attrs.gemeenten.history.has_changes()):
            gewijzigd.setdefault(model, []).append(obj)
    if not gewijzigd:
        return
    conn = session.connection()
    for model, objecten in gewijzigd.items():
        tabel, kolom = INDEX[model]
        oud = [o.id for o in objecten if o not in nieuw]  # a new row has no index rows yet
        if oud:
            conn.execute(delete(tabel).where(tabel.c[kolom].in_(oud)))
        rows = rijen(model, objecten)
        if rows:
            conn.execute(insert(tabel), rows)


event.listen(Session, "after_flush", _sync)
