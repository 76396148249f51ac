"""SQLite settings: foreign keys, WAL, busy timeout and BEGIN IMMEDIATE (no lost updates)."""
import threading

import pytest
from sqlalchemy import select, text

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Organisatie
from tests import factories as f
from tests.conftest import PG_URL

sqlite_only = pytest.mark.skipif(bool(PG_URL), reason="SQLite connection settings")


@sqlite_only
def test_sqlite_pragmas(ctx):
    conn = db.session.connection()
    assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


@sqlite_only
def test_sqlite_transactions_begin_immediate(app):
    seen = []

    def spy(conn, cursor, statement, *args):
        seen.append(statement)

    from sqlalchemy import event
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", spy)
        try:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                conn.rollback()
        finally:
            event.remove(db.engine, "before_cursor_execute", spy)
    assert seen[0] == "BEGIN IMMEDIATE"


def test_foreign_keys_are_enforced(ctx):
    from huisvanhetkind.partners.models import Aanbod
    db.session.add(Aanbod(organisatie_id=999999, naam="wees", aanbodvorm="informatie"))
    with pytest.raises(Exception):
        db.session.flush()
    db.session.rollback()


def test_concurrent_read_modify_write_loses_no_update(app):
    """Two threads each add 1 to a counter-like column 25 times: the result is exactly 50."""
    with app.app_context():
        org = f.organisatie("Teller", postcode="0")
        db.session.commit()
        org_id = org.id

    errors = []

    def worker():
        with app.app_context():
            for _ in range(25):
                try:
                    o = db.session.scalar(select(Organisatie).where(Organisatie.id == org_id)
                                          .with_for_update())
                    o.postcode = str(int(o.postcode) + 1)
                    db.session.commit()
                except Exception as exc:  # pragma: no cover - reported below
                    db.session.rollback()
                    errors.append(exc)
            db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with app.app_context():
        assert errors == []
        assert db.session.get(Organisatie, org_id).postcode == "50"


def _second_writer_can_start(app) -> bool:
    """Can another connection take the write lock right now (no waiting)?"""
    import sqlite3
    other = sqlite3.connect(db.engine.url.database, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


@sqlite_only
@pytest.mark.parametrize("method, writer_waits", [("GET", False), ("POST", True)])
def test_get_requests_do_not_hold_the_write_lock(app, method, writer_waits):
    # A slow report (GET) must not stall every writer; a POST keeps BEGIN IMMEDIATE.
    with app.test_request_context("/", method=method):
        app.preprocess_request()
        db.session.execute(select(Organisatie.id)).all()
        assert _second_writer_can_start(app) is not writer_waits
        db.session.rollback()


def test_a_get_request_that_writes_fails_loudly(app):
    from huisvanhetkind.db import ReadOnlyViolation, begin_write
    with app.test_request_context("/", method="GET"):
        app.preprocess_request()
        with pytest.raises(ReadOnlyViolation):
            f.organisatie(naam="Schrijft in GET")
        db.session.rollback()
        begin_write(db.session)  # the way to log e.g. a download from a GET request
        f.organisatie(naam="Schrijft na begin_write")
        db.session.commit()
    with app.app_context():
        assert db.session.scalar(select(Organisatie.naam)) == "Schrijft na begin_write"


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's planner setting")
def test_postgresql_prices_random_reads_for_an_ssd(ctx):
    """Every connection plans with random_page_cost 1.1 (db.py): index lookups, not hashing
    whole tables, for the small joins the analysis makes on every page."""
    from huisvanhetkind.db import PG_RANDOM_PAGE_COST

    assert db.session.execute(text("SHOW random_page_cost")).scalar() == PG_RANDOM_PAGE_COST
    db.session.rollback()
    assert db.session.execute(text("SHOW random_page_cost")).scalar() == PG_RANDOM_PAGE_COST


def _autocommit() -> bool:
    return db.session.connection().connection.dbapi_connection.autocommit


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's transactions")
@pytest.mark.parametrize("method, autocommit", [("GET", True), ("POST", False)])
def test_postgresql_reads_of_a_get_run_without_a_transaction(app, method, autocommit):
    """A GET's statements run in autocommit (db._postgresql_checkout): no BEGIN and ROLLBACK
    round trips around reads that take a snapshot each anyway. A POST has its transaction."""
    with app.test_request_context("/", method=method):
        app.preprocess_request()
        assert _autocommit() is autocommit
        txid = "SELECT txid_current_if_assigned() IS NULL AND now() = statement_timestamp()"
        # now() is the transaction's start: in autocommit each statement is a transaction
        db.session.execute(text("SELECT pg_sleep(0.01)"))
        assert db.session.execute(text(txid)).scalar() is autocommit
        db.session.rollback()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's transactions")
def test_postgresql_a_get_that_writes_gets_a_transaction(app):
    """begin_write and aparte_schrijftransactie leave autocommit: their writes are atomic."""
    from huisvanhetkind.db import aparte_schrijftransactie, begin_write
    with app.test_request_context("/", method="GET"):
        app.preprocess_request()
        assert _autocommit()
        with aparte_schrijftransactie(db.engine) as conn:
            assert conn.connection.dbapi_connection.autocommit is False
        begin_write(db.session)
        assert _autocommit() is False
        f.organisatie(naam="Schrijft na begin_write")
        db.session.rollback()
    with app.app_context():
        assert db.session.scalar(select(Organisatie.naam)) is None


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's server connections")
def test_postgresql_a_dropped_connection_is_replaced_before_a_request_uses_it(app, client):
    """A pooled connection the server ended (a restart, an administrator) is tested when taken
    from the pool and replaced: the request never sees it (no 500)."""
    import psycopg
    with app.app_context():
        with db.engine.connect() as een, db.engine.connect() as twee:  # two pooled connections
            pids = {c.execute(text("SELECT pg_backend_pid()")).scalar() for c in (een, twee)}
        # ended while idle in the pool, from outside the pool
        dsn = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as beheer:
            beheer.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid",
                           (sorted(pids),))
    for _ in range(3):
        assert client.get("/gezondheid").status_code == 200
        assert client.get("/").status_code in (200, 302)
    with app.app_context():
        assert db.session.execute(text("SELECT pg_backend_pid()")).scalar() not in pids
