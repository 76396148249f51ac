"""Analyses kept in the database (issue 16 point 1): shared by every worker and host, computed once
across processes, never kept for uncommitted facts, and warmed again after a change."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date

import pytest
from sqlalchemy import event, func, select

from huisvanhetkind import berekeningen, cache, facts, pipeline
from huisvanhetkind.berekening_models import Berekening
from huisvanhetkind.db import aparte_schrijftransactie, set_read_only, utcnow
from huisvanhetkind.domein import bundel as bundel_module
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Organisatie
from huisvanhetkind.vingerafdruk import vingerafdruk
from tests import factories as f

PEIL = date(2026, 9, 1)


@pytest.fixture(autouse=True)
def _schrijven_na_de_test():
    yield
    set_read_only(False)  # a test that reads like a GET must not leave the next one read-only


def _netwerk():
    n = f.netwerk("X", gemeenten=("46021",))
    a, b = f.organisatie("A"), f.organisatie("B")
    f.lid(n, a)
    f.lid(n, b)
    f.aanbod(b, "Spelotheek")
    f.verwijzing(a, b)
    db.session.flush()
    ids = n.id, a.id  # read before the commit: reading after it would open a (write) transaction
    db.session.commit()
    return ids


def _rijen(soort: str) -> int:
    return db.session.scalar(select(func.count()).select_from(Berekening)
                             .where(Berekening.soort == soort, Berekening.gegevens.is_not(None)))


def test_the_fingerprint_is_the_same_in_every_process():
    """hash() of a string differs per process; the keys shared through the database must not."""
    code = ("from huisvanhetkind.vingerafdruk import vingerafdruk;"
            "print(vingerafdruk((frozenset({'a', 'b', 'c', 'd'}), {'x': 1}, ('46021', None))))")
    uit = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
           for seed in ("1", "2", "3")}
    assert uit == {vingerafdruk((frozenset({"d", "c", "b", "a"}), {"x": 1}, ("46021", None)))}
    assert vingerafdruk(frozenset({"a"})) != vingerafdruk(frozenset({"b"}))
    with pytest.raises(TypeError):
        vingerafdruk(object())


def test_a_new_process_finds_the_bundle_computed_by_another(ctx, monkeypatch):
    n, _ = _netwerk()
    eerst = pipeline.bundel(n, PEIL)
    assert _rijen("bundel") == 1
    cache.clear()  # what a restarted worker or another host has in memory: nothing
    gelezen = []

    def lees(conn, cursor, statement, *args):
        gelezen.append(statement)
    event.listen(db.engine, "before_cursor_execute", lees)

    def niet_opnieuw(*_):
        raise AssertionError("computed again although it was kept")
    monkeypatch.setattr(bundel_module, "analyseer", niet_opnieuw)
    monkeypatch.setattr(bundel_module, "evaluate", niet_opnieuw)
    weer = pipeline.bundel(n, PEIL)
    event.remove(db.engine, "before_cursor_execute", lees)
    # the heads give the key; members, aanbod and verwijzingen are not read at all
    assert not [q for q in gelezen if "FROM verwijzing" in q or "FROM lidmaatschap" in q]
    assert weer is not eerst and weer.analyse_json() == eerst.analyse_json()
    assert weer.erkenning_json() == eerst.erkenning_json()
    cache.clear()
    assert pipeline.bundels([n], PEIL)[n].erkenning_json() == eerst.erkenning_json()


def test_a_change_makes_a_new_key_and_old_rows_are_pruned(ctx):
    n, a = _netwerk()
    oud = pipeline.bundel(n, PEIL)
    for i in range(berekeningen.BEWAARD + 2):
        db.session.get(Organisatie, a).naam = f"A{i}"
        db.session.commit()
        assert pipeline.bundel(n, PEIL).netwerk.partner(a).naam == f"A{i}"
    assert oud.netwerk.partner(a).naam == "A"
    assert _rijen("bundel") == berekeningen.BEWAARD


def test_an_edit_that_leaves_the_links_alone_keeps_the_graph_measures(ctx, monkeypatch):
    """Shortest paths are most of a bundle: a renamed partner (or new aanbod, or a '+1') makes a
    new bundle over the kept structuurmaten; a new link computes them again."""
    n, a = _netwerk()
    # PostgreSQL's tests reuse ids and revisies: an earlier test's bundle of these very facts may
    # still be in this process's memory, and then nothing would reach the database here
    cache.clear()
    pipeline.bundel(n, PEIL)
    assert _rijen("structuurmaten") == 1
    berekend = []
    echt = pipeline.structuurmaten
    monkeypatch.setattr(pipeline, "structuurmaten", lambda netwerk: berekend.append(1) or echt(netwerk))
    cache.clear()  # a new worker: only the database remembers
    db.session.get(Organisatie, a).naam = "A hernoemd"
    db.session.commit()
    r = pipeline.bundel(n, PEIL)
    assert r.netwerk.partner(a).naam == "A hernoemd" and berekend == []
    assert r.analyse.geisoleerd == () and _rijen("structuurmaten") == 1
    c = f.organisatie("C")
    f.lid(_netwerk_model(n), c)
    db.session.flush()
    f.verwijzing(db.session.get(Organisatie, a), c)
    db.session.commit()
    assert len(pipeline.bundel(n, PEIL).analyse.graad) == 3 and berekend == [1]


def _netwerk_model(netwerk_id):
    from huisvanhetkind.partners.models import Netwerk
    return db.session.get(Netwerk, netwerk_id)


def test_uncommitted_facts_are_never_kept(ctx):
    n, a = _netwerk()
    pipeline.bundel(n, PEIL)
    voor = _rijen("bundel")
    db.session.get(Organisatie, a).naam = "Nog niet bewaard"
    db.session.flush()
    tijdens = pipeline.bundel(n, PEIL)  # read inside the write: fresh, not kept
    assert tijdens.netwerk.partner(a).naam == "Nog niet bewaard"
    assert _rijen("bundel") == voor
    db.session.rollback()
    assert pipeline.bundel(n, PEIL).netwerk.partner(a).naam == "A"


def test_the_code_is_part_of_the_key(monkeypatch):
    k = berekeningen.sleutel("bundel", ("netwerk", 1, "r1"), PEIL)
    monkeypatch.setattr(berekeningen, "CODE", "andere code")
    assert berekeningen.sleutel("bundel", ("netwerk", 1, "r1"), PEIL) != k


def _claim_elders(k: str, netwerk_id: int, gestart_op=None) -> None:
    t = Berekening.__table__
    with aparte_schrijftransactie(db.engine) as conn:
        conn.execute(t.insert().values(sleutel=k, netwerk_id=netwerk_id, soort="bundel",
                                       gestart_op=gestart_op or utcnow()))


def test_a_value_being_computed_elsewhere_is_waited_for_not_computed_again(app, ctx):
    n, _ = _netwerk()
    k = berekeningen.sleutel("test", n)
    _claim_elders(k, n)  # another process is computing it
    uitkomst, berekend = {}, []

    def lezer():
        with app.app_context():
            set_read_only(True)
            uitkomst["waarde"] = berekeningen.onthoud(
                n, "bundel", k, lambda: berekend.append(1) or "hier berekend")
            db.session.remove()

    draad = threading.Thread(target=lezer)
    draad.start()
    time.sleep(0.3)
    assert draad.is_alive()  # still waiting for the other process
    set_read_only(True)
    berekeningen.bewaar_veel({k: (n, "bundel", "elders berekend")})
    draad.join(timeout=10)
    assert uitkomst == {"waarde": "elders berekend"} and berekend == []


def test_a_reader_waiting_for_a_bundle_computed_elsewhere_reads_no_rows(app, ctx):
    n, _ = _netwerk()
    bundel = pipeline.bundel(n, PEIL)
    k = pipeline._sleutel(facts.koppen([n])[n].bron, PEIL)
    db.session.execute(Berekening.__table__.delete())
    db.session.commit()
    cache.clear()
    _claim_elders(k, n)  # another process (the warming one, after a change) is computing it
    gelezen, uitkomst = [], {}

    def lees(conn, cursor, statement, *args):
        gelezen.append(statement)

    def lezer():
        with app.app_context():
            set_read_only(True)
            uitkomst["bundel"] = pipeline.bundel(n, PEIL)
            db.session.remove()

    event.listen(db.engine, "before_cursor_execute", lees)
    try:
        draad = threading.Thread(target=lezer)
        draad.start()
        time.sleep(0.3)
        assert draad.is_alive()  # waiting for the other process
        set_read_only(True)
        berekeningen.bewaar_veel({k: (n, "bundel", bundel)})
        draad.join(timeout=10)
    finally:
        event.remove(db.engine, "before_cursor_execute", lees)
    assert uitkomst["bundel"].erkenning_json() == bundel.erkenning_json()
    assert not [q for q in gelezen if "FROM verwijzing" in q or "FROM lidmaatschap" in q]


def test_a_dead_claimers_key_is_taken_over(app, ctx):
    n, _ = _netwerk()
    k = berekeningen.sleutel("test", n, "dood")
    _claim_elders(k, n, gestart_op=utcnow() - berekeningen.WACHTEN * 2)
    set_read_only(True)
    assert berekeningen.onthoud(n, "bundel", k, lambda: "hier berekend") == "hier berekend"
    cache.clear()
    db.session.rollback()  # a new request: its read starts after the value was kept
    assert berekeningen.haal_veel([k]) == {k: "hier berekend"}


def test_a_failed_computation_lets_go_of_its_claim(app, ctx):
    n, _ = _netwerk()
    k = berekeningen.sleutel("test", n, "faalt")
    set_read_only(True)

    def faalt():
        raise ValueError("stuk")
    with pytest.raises(ValueError):
        berekeningen.onthoud(n, "bundel", k, faalt)
    assert db.session.scalar(select(func.count()).select_from(Berekening)
                             .where(Berekening.sleutel == k)) == 0


def test_a_change_is_computed_again_in_the_background(app, monkeypatch):
    """The writer commits and goes on; a thread then keeps the new bundle, so the next reader
    (here: a restarted worker with empty memory) finds it without computing."""
    app.config["ANALYSE_NA_WIJZIGING"] = True
    with app.app_context():
        n, a = _netwerk()
        pipeline.bundel(n)  # somebody looks at the network
        db.session.commit()
        voor = _rijen("bundel")
    with app.test_request_context(f"/organisaties/{a}/bewerken", method="POST"):
        db.session.get(Organisatie, a).naam = "A nieuw"
        db.session.commit()  # the commit point of a request
        db.session.remove()
    with app.app_context():
        set_read_only(True)  # poll like a GET: a writing poll would hold SQLite's write lock
        einde = time.monotonic() + 20
        while _rijen("bundel") == voor and time.monotonic() < einde:
            db.session.rollback()
            time.sleep(0.05)
        assert _rijen("bundel") == voor + 1
        cache.clear()
        monkeypatch.setattr(bundel_module, "analyseer", lambda *_: 1 / 0)
        assert pipeline.bundel(n).netwerk.partner(a).naam == "A nieuw"
        db.session.remove()


def test_the_command_line_does_not_warm(app):
    app.config["ANALYSE_NA_WIJZIGING"] = True
    with app.app_context():
        n, a = _netwerk()
        voor = _rijen("bundel")
        db.session.get(Organisatie, a).naam = "A nieuw"
        db.session.commit()  # no request: e.g. an import from the command line
        time.sleep(0.3)
        db.session.rollback()
        assert _rijen("bundel") == voor
        db.session.remove()


def test_a_derived_row_is_kept_and_read_without_its_bundle(ctx, monkeypatch):
    """The province overview after a restart reads its small rows, not 130 whole bundles."""
    n, a = _netwerk()

    def rij(b):
        return {"naam": b.netwerk.naam, "leden": len(b.netwerk.partners)}
    assert pipeline.afgeleid([n], PEIL, "test", rij) == {n: {"naam": "X", "leden": 2}}
    cache.clear()
    monkeypatch.setattr(pipeline, "bundels", lambda *a, **k: 1 / 0)
    assert pipeline.afgeleid([n], PEIL, "test", rij) == {n: {"naam": "X", "leden": 2}}

    def andere_rij(b):  # other code: another key, so computed (here: refused) again
        return {"naam": b.netwerk.naam}
    with pytest.raises(ZeroDivisionError):
        pipeline.afgeleid([n], PEIL, "test", andere_rij)


def test_steady_writes_do_not_keep_the_warming_waiting(app, monkeypatch):
    """A change every 0.2 s never leaves opwarmen.RUST of quiet: it warms after UITERLIJK anyway."""
    from huisvanhetkind import opwarmen

    gewarmd = threading.Event()
    monkeypatch.setattr(opwarmen, "_warm", lambda app_, ids: gewarmd.set())
    app.config["ANALYSE_NA_WIJZIGING"] = True
    opwarmen.gelezen({1})
    begin = time.monotonic()
    with app.test_request_context("/"):
        while not gewarmd.is_set() and time.monotonic() - begin < 10:
            opwarmen.na_commit({1})
            time.sleep(0.2)
    assert gewarmd.is_set()


def test_a_network_nobody_reads_is_not_warmed(app, monkeypatch):
    """Warming serves readers: a changed network that no reader asked for in the last
    opwarmen.GEBRUIKT seconds waits for its next reader instead of costing a computation."""
    from huisvanhetkind import opwarmen

    gewarmd: list[list[int]] = []
    klaar = threading.Event()
    monkeypatch.setattr(opwarmen, "_warm", lambda app_, ids: (gewarmd.append(sorted(ids)),
                                                                klaar.set()))
    monkeypatch.setattr(opwarmen, "RUST", 0.05)
    opwarmen._gelezen[7001 % opwarmen._PLAATSEN] = time.monotonic() - opwarmen.GEBRUIKT - 1
    opwarmen._gelezen[7002 % opwarmen._PLAATSEN] = 0.0
    app.config["ANALYSE_NA_WIJZIGING"] = True
    with app.app_context():
        n, _ = _netwerk()
        pipeline.bundel(n)  # read now
        db.session.remove()
    with app.test_request_context("/"):
        opwarmen.na_commit({n, 7001, 7002})  # 7001 read long ago, 7002 never
    assert klaar.wait(10)
    assert gewarmd == [[n]]


def test_what_one_process_read_counts_in_another(app):
    """gunicorn's workers are forks of one master: a read in one of them lets the other warm."""
    import multiprocessing

    from huisvanhetkind import opwarmen

    kind = multiprocessing.get_context("fork").Process(target=opwarmen.gelezen, args=([7003],))
    kind.start()
    kind.join(10)
    assert opwarmen._in_gebruik([7003, 7004]) == [7003]
