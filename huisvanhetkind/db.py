"""Declarative base, naming convention, shared column types and the SQLite connection settings."""

import functools
import secrets
import sqlite3
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone

from sqlalchemy import Integer, MetaData, Text, bindparam, event, types
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import Pool
from sqlalchemy.orm import (DeclarativeBase, Session, Mapped, aliased, declared_attr,
                            mapped_column)

from . import schrijfslot

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def nieuwe_revisie() -> int:
    """A random token identifying one committed state of a network (revisie.py)."""
    return secrets.randbits(62) + 1


def in_ids(kolom, ids):
    """kolom IN (ids), the ids written into the statement (literal_execute; each is cast to int,
    so nothing else can be written there). As bound parameters, 64 network ids made the statement
    twice as slow on PostgreSQL: 0.76 ms against 0.39-0.45 ms (SQLAlchemy expands and processes
    every parameter per execution). For the lists read on every page: the overview's networks,
    a list page's rows."""
    return kolom.in_(bindparam("ids", [int(i) for i in ids], expanding=True,
                               literal_execute=True, unique=True))


@functools.cache
def alias(model, naam: str):
    """aliased(model, name=naam), made once per process: a fresh alias copies every column of its
    table on first use (~1 ms for two aliases of a 12-column table), on every request that
    builds the statement. Use a different name for each alias within one statement."""
    return aliased(model, name=naam)


def insert_met_conflict(conn, tabel):
    """INSERT with the ON CONFLICT clauses of the connection's dialect (imported only then: the
    PostgreSQL dialect costs ~20 ms at start on SQLite)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(tabel)


def utcnow() -> datetime:
    """Naive UTC timestamp: stored the same way on SQLite and PostgreSQL, shown in Brussels time."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


_GELEZEN: dict[str | None, tuple[str, ...]] = {}  # stored text → codes (CodeList)


class CodeList(types.TypeDecorator):
    """A set of taxonomy codes in one text column, stored as ';a;b;'.

    Codes are value-like attributes that are always read with their row: one column keeps lists
    free of N+1 queries and makes the audit log show old → new lists. Filter with `has_code`.
    """
    impl = Text
    cache_ok = True

    @staticmethod
    def codes(value) -> list[str]:
        """The codes as stored: stripped, each once, sorted (also for rows derived from them)."""
        if isinstance(value, str):
            value = value.split(";")
        return sorted({str(v).strip() for v in value or () if str(v).strip()})

    def process_bind_param(self, value, dialect):
        codes = self.codes(value)
        return ";" + ";".join(codes) + ";" if codes else ""

    def process_result_value(self, value, dialect):
        # the same few thousand stored strings come back for every aanbod of a network's facts
        # (60,000 values in the largest network's read, 2.6 µs each to split): split once each
        codes = _GELEZEN.get(value)
        if codes is None:
            if len(_GELEZEN) >= 20_000:
                _GELEZEN.clear()
            codes = _GELEZEN[value] = tuple(c for c in (value or "").split(";") if c)
        return codes

    def coerce_compared_value(self, op, value):
        # LIKE patterns are plain strings, not code lists
        return Text() if isinstance(value, str) else self


def has_code(column, code: str):
    """SQL condition: the CodeList column contains this code."""
    return column.contains(f";{code};", autoescape=True)


class Versioned:
    """Optimistic locking: a stale UPDATE raises StaleDataError instead of overwriting silently."""
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, connection_record):
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # Let SQLAlchemy, not the driver, open transactions, so that they can be BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


# PostgreSQL's planner prices a random page read at 4× a sequential one (spinning disks): it then
# hashes all 15,000 organisations and 17,000 memberships to join 50 rows, where index lookups
# cost a tenth (the verplicht_kg aanbod of an area: 17 ms → 3 ms; a network's referrals: 30 →
# 13 ms). The registry's data fits in memory on an SSD server, the case 1.1 is recommended for.
PG_RANDOM_PAGE_COST = "1.1"


@event.listens_for(Engine, "connect")
def _postgresql_on_connect(dbapi_connection, connection_record):
    if not type(dbapi_connection).__module__.startswith("psycopg"):
        return
    with dbapi_connection.cursor() as cur:
        cur.execute(f"SET random_page_cost = {PG_RANDOM_PAGE_COST}")
    dbapi_connection.commit()  # a SET in a transaction that is rolled back would be undone


@event.listens_for(Pool, "checkout")
def _postgresql_checkout(dbapi_connection, connection_record, connection_proxy):
    """PostgreSQL: a read-only request (a GET) runs its statements in autocommit, a writer in a
    transaction; then the connection is tested (pessimistic disconnect handling, instead of
    pool_pre_ping, which runs before this hook and would open a transaction first).

    Why autocommit: under read committed every statement takes a snapshot of its own anyway, so
    a transaction around a GET's reads adds nothing but two round trips (BEGIN and the ROLLBACK
    when the connection goes back to the pool), ~0.5 ms of every page. Writes are refused in a
    read-only request (refuse_writes_when_read_only); a GET that writes after all first calls
    begin_write or uses aparte_schrijftransactie, which clear the flag and take a connection of
    their own, in a transaction.
    """
    if not type(dbapi_connection).__module__.startswith("psycopg"):
        return
    autocommit = _read_only.get()
    try:
        if dbapi_connection.autocommit != autocommit:
            dbapi_connection.autocommit = autocommit  # back from the pool: no transaction open
        with dbapi_connection.cursor() as cur:
            cur.execute("SELECT 1")
    except Exception as e:  # noqa: BLE001 - any driver error: a server restart, a dropped line
        # the pool throws this connection away and tries a fresh one (up to three times)
        raise DisconnectionError(f"databankverbinding verbroken: {e}") from e


# A GET request only reads: on SQLite it must not take the single write lock (a slow report would
# stall every writer and eventually time them out). Writers keep BEGIN IMMEDIATE.
_read_only: ContextVar[bool] = ContextVar("hvk_read_only", default=False)


def set_read_only(value: bool) -> None:
    """Mark the transactions that this request (or thread) opens from now on as read-only."""
    _read_only.set(value)


def is_read_only() -> bool:
    return _read_only.get()


@event.listens_for(Engine, "begin")
def _sqlite_begin_immediate(conn):
    # The driver's deferred BEGIN lets two writers read the same row and both write: lost updates.
    # BEGIN IMMEDIATE takes the write lock up front; writers queue for it in schrijfslot first,
    # and busy_timeout covers what remains (a commit still finishing, another program).
    if conn.dialect.name != "sqlite":
        return
    if _read_only.get():
        conn.exec_driver_sql("BEGIN")
        return
    slot = schrijfslot.voor(conn.engine.url.database)
    if slot is not None and _SLOT not in conn.info:
        slot.neem()
        conn.info[_SLOT] = slot
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        _geef_slot_vrij(conn.info)
        raise


_SLOT = "hvk_schrijfslot"


def _geef_slot_vrij(info: dict) -> None:
    slot = info.pop(_SLOT, None)
    if slot is not None:
        slot.geef_vrij()


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _einde_transactie(conn):
    # just before the COMMIT itself: the next writer's BEGIN IMMEDIATE may wait a millisecond
    # in busy_timeout, which is cheaper than an event after the commit that SQLAlchemy lacks
    _geef_slot_vrij(conn.info)


@event.listens_for(Pool, "checkin")
def _slot_bij_teruggave(dbapi_connection, connection_record):
    _geef_slot_vrij(connection_record.info)  # a transaction that never ended (a lost connection)


@event.listens_for(Pool, "invalidate")
def _slot_bij_ongeldig(dbapi_connection, connection_record, exception):
    _geef_slot_vrij(connection_record.info)


@contextmanager
def aparte_schrijftransactie(engine):
    """A short write transaction on its own connection, next to the request's session: for work
    that must be visible to other processes before the request ends (a claim on a long render).
    It takes the write lock (BEGIN IMMEDIATE on SQLite) even inside a read-only GET."""
    token = _read_only.set(False)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        _read_only.reset(token)


def begin_write(session) -> None:
    """Switch a read-only (GET) request to writing, e.g. to log a download or a refusal: ends the
    read transaction (nothing to lose) so that the next one starts with the write lock."""
    if _read_only.get():
        _read_only.set(False)
        session.rollback()


class ReadOnlyViolation(RuntimeError):
    """A read-only request tried to write; call set_read_only(False) and start a new transaction."""


def refuse_writes_when_read_only(session, flush_context, instances) -> None:
    # A deferred SQLite transaction that writes after another commit fails with SQLITE_BUSY: make
    # every such write fail loudly (and in the tests), never only under load.
    if _read_only.get() and (session.new or session.dirty or session.deleted):
        raise ReadOnlyViolation("schrijven in een alleen-lezen verzoek")


event.listen(Session, "before_flush", refuse_writes_when_read_only)
