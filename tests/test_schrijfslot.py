"""SQLite writers queue in schrijfslot.py: each takes the slot before BEGIN IMMEDIATE and gives it
back with its commit or rollback, also across processes."""
import multiprocessing
import threading
import time

import pytest
from sqlalchemy import text

from huisvanhetkind import schrijfslot
from huisvanhetkind.db import set_read_only
from huisvanhetkind.extensions import db
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's single write lock")


def _slot(app) -> schrijfslot.Schrijfslot:
    with app.app_context():
        return schrijfslot.voor(db.engine.url.database)


def _vrij(slot) -> bool:
    if slot._binnen.acquire(blocking=False):
        slot._binnen.release()
        return True
    return False


def test_a_write_holds_the_slot_until_commit_or_rollback(app):
    slot = _slot(app)
    with app.app_context():
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            assert not _vrij(slot)
            conn.commit()
            assert _vrij(slot)
            conn.execute(text("SELECT 1"))
            assert not _vrij(slot)
            conn.rollback()
            assert _vrij(slot)
        with pytest.raises(Exception):
            with db.engine.begin() as conn:
                conn.execute(text("SELECT * FROM bestaat_niet"))
        assert _vrij(slot)  # a failed statement and the rollback after it


def test_a_read_only_transaction_takes_no_slot(app):
    slot = _slot(app)
    with app.app_context():
        set_read_only(True)
        try:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                assert _vrij(slot)
                conn.rollback()
        finally:
            set_read_only(False)


def test_many_writers_all_succeed_in_turn(app):
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE slot_teller (n INTEGER)"))
            conn.execute(text("INSERT INTO slot_teller VALUES (0)"))
    fouten = []

    def schrijver():
        with app.app_context():
            try:
                for _ in range(20):
                    with db.engine.begin() as conn:
                        n = conn.execute(text("SELECT n FROM slot_teller")).scalar()
                        conn.execute(text("UPDATE slot_teller SET n = :n"), {"n": n + 1})
            except Exception as e:  # noqa: BLE001
                fouten.append(e)

    threads = [threading.Thread(target=schrijver) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fouten == []
    with app.app_context():
        with db.engine.begin() as conn:
            assert conn.execute(text("SELECT n FROM slot_teller")).scalar() == 160
            conn.execute(text("DROP TABLE slot_teller"))


def _houd_vast(pad: str, genomen, los) -> None:
    slot = schrijfslot.Schrijfslot(pad)
    slot.neem()
    genomen.set()
    los.wait(10)
    time.sleep(0.3)
    slot.geef_vrij()


def test_another_process_waits_for_the_slot(app):
    """The record lock serves two gunicorn workers: the second one's writer waits for the
    first one's transaction and goes on at once when it ends."""
    slot = _slot(app)
    ctx = multiprocessing.get_context("fork")
    genomen, los = ctx.Event(), ctx.Event()
    kind = ctx.Process(target=_houd_vast, args=(slot.pad, genomen, los))
    kind.start()
    try:
        assert genomen.wait(10)
        los.set()
        begin = time.monotonic()
        with app.app_context():
            with db.engine.begin() as conn:  # waits here until the other process lets go
                gewacht = time.monotonic() - begin
                conn.execute(text("SELECT 1"))
        assert 0.25 <= gewacht < 5
    finally:
        kind.join(10)
