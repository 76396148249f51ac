"""Analyses cached per network state: a commit touching a network gives it a new revisie, so no
page ever shows facts older than the last change — and unchanged networks are not re-read."""
from datetime import date

from sqlalchemy import select

from huisvanhetkind import cache
from huisvanhetkind import pipeline
from huisvanhetkind.facts import netwerk_facts, netwerken_facts
from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import Verwijzing
from huisvanhetkind.partners.models import Aanbod, Netwerk, Organisatie
from tests import factories as f
from tests.sql_count import count_statements


def _revisie(netwerk_id: int) -> int:
    return db.session.scalar(select(Netwerk.revisie).where(Netwerk.id == netwerk_id))


def _two_networks():
    x = f.netwerk("X", gemeenten=("46021",))
    y = f.netwerk("Y", gemeenten=("11002",))
    a, b, c = f.organisatie("A"), f.organisatie("B"), f.organisatie("C", gemeenten=("11002",))
    f.lid(x, a)
    f.lid(x, b)
    f.lid(y, c)
    f.lid(y, a)  # A is a member of both networks
    f.aanbod(b, "Spelotheek")
    db.session.commit()
    return x.id, y.id, a.id, b.id, c.id


def test_a_change_renews_the_revisie_of_exactly_the_networks_it_touches(ctx):
    x, y, a, b, c = _two_networks()
    rx, ry = _revisie(x), _revisie(y)
    db.session.get(Aanbod, db.session.scalar(select(Aanbod.id))).naam = "Spelotheek (nieuw)"
    db.session.commit()  # B's aanbod: only X
    assert _revisie(x) != rx and _revisie(y) == ry
    rx = _revisie(x)
    db.session.get(Organisatie, a).naam = "A (nieuwe naam)"
    db.session.commit()  # A is a member of both
    assert _revisie(x) != rx and _revisie(y) != ry
    rx, ry = _revisie(x), _revisie(y)
    db.session.rollback()
    f.verwijzing(db.session.get(Organisatie, c), db.session.get(Organisatie, a))
    db.session.rollback()  # rolled back: nothing changed, nothing renewed
    db.session.commit()
    assert (_revisie(x), _revisie(y)) == (rx, ry)


def test_cached_facts_follow_every_commit(ctx):
    x, y, a, b, c = _two_networks()
    assert [p.naam for p in netwerk_facts(x).partners] == ["A", "B"]
    assert len(netwerk_facts(x).verwijzingen) == 0
    f.verwijzing(db.session.get(Organisatie, a), db.session.get(Organisatie, b))
    db.session.commit()
    assert len(netwerk_facts(x).verwijzingen) == 1
    v = db.session.scalar(select(Verwijzing))
    v.bevestigd = True
    db.session.commit()
    assert netwerk_facts(x).verwijzingen[0].bevestigd
    db.session.get(Organisatie, b).sector = "onderwijs"
    db.session.commit()
    assert {p.naam: p.sector for p in netwerk_facts(x).partners}["B"] == "onderwijs"


def test_an_unchanged_network_is_not_read_again(ctx):
    x, *_ = _two_networks()
    cache.clear()
    first, cold = count_statements(lambda: netwerk_facts(x))
    second, warm = count_statements(lambda: netwerk_facts(x))
    assert second == first and second.partners is first.partners
    assert warm < cold and cache.stats["hits"] >= 1
    ev1 = pipeline.bundel(x, date(2026, 9, 1))
    assert pipeline.bundel(x, date(2026, 9, 1)) is ev1  # computed once


def _cold():
    """Empty cache, transaction already open (BEGIN is not what is being counted)."""
    cache.clear()
    db.session.scalar(select(1))


def test_facts_of_many_networks_cost_the_same_statements_as_of_two(ctx):
    ids = list(_two_networks()[:2])
    _cold()
    _, two = count_statements(lambda: netwerken_facts(ids))
    more = list(ids)
    for i in range(6):
        n = f.netwerk(f"Extra {i}", gemeenten=("46021",))
        for j in range(3):
            o = f.organisatie(f"Extra {i}.{j}")
            f.lid(n, o)
            f.aanbod(o, verplicht_kg=j == 0)
        more.append(n.id)
    db.session.commit()
    _cold()
    found, eight = count_statements(lambda: netwerken_facts(more))
    assert len(found) == 8 and eight == two
    # and each network's facts equal those read one by one
    cache.clear()
    for netwerk_id, facts in found.items():
        assert netwerk_facts(netwerk_id) == facts


def test_simultaneous_first_visitors_compute_once():
    import threading
    import time
    cache.clear()
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.05)
        return ("uitkomst",)

    threads = [threading.Thread(target=cache.remember, args=(("test", 1), slow))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and cache.remember(("test", 1), slow) == ("uitkomst",)


def test_a_group_keeps_only_its_newest_entries():
    """A network's new revisie pushes its old values out at once (PER_GROEP per network and
    kind) instead of letting ~1,000 dead bundles fill the LRU; other groups stay."""
    from huisvanhetkind.cache import PER_GROEP, Lru

    lru = Lru(100)
    lru.put("ander", 1, groep="netwerk 2")
    for revisie in range(PER_GROEP + 3):
        lru.put(("bundel", revisie), revisie, groep="netwerk 1")
    assert [lru.get(("bundel", r)) for r in range(PER_GROEP + 3)] == \
        [None] * 3 + list(range(3, PER_GROEP + 3))
    assert lru.get("ander") == 1
    assert lru.remember(("bundel", 99), lambda: 99, groep="netwerk 1") == 99
    assert lru.get(("bundel", 3)) is None
    lru.clear()
    lru.put(("bundel", 0), 0, groep="netwerk 1")  # no stale group members after clear
    assert lru.get(("bundel", 0)) == 0


def _feitenrevisie(netwerk_id: int) -> int:
    return db.session.scalar(select(Netwerk.feitenrevisie).where(Netwerk.id == netwerk_id))


def test_what_the_analysis_does_not_read_leaves_its_facts_and_bundle_alone(ctx):
    """A contact person or a review remark renews the revisie (the dossier shows them) but not
    the feitenrevisie: the kept analysis bundle stays valid and the dossier gets a new key."""
    from huisvanhetkind import facts
    from huisvanhetkind.erkenning.models import ReviewOpmerking
    from huisvanhetkind.partners.models import Contactpersoon

    x, y, a, b, c = _two_networks()
    eerst = pipeline.bundel(x)
    db.session.commit()
    rx, fx, fy = _revisie(x), _feitenrevisie(x), _feitenrevisie(y)
    dossier = facts.dossier_bron(facts.koppen([x])[x], date.today())
    db.session.add(Contactpersoon(organisatie_id=a, naam="Jan", functie="onthaal"))
    db.session.add(ReviewOpmerking(netwerk_id=x, voorwaarde="E1", tekst="ok",
                                   oordeel="opmerking", peildatum=date.today()))
    db.session.commit()
    assert _revisie(x) != rx and (_feitenrevisie(x), _feitenrevisie(y)) == (fx, fy)
    assert facts.dossier_bron(facts.koppen([x])[x], date.today()) != dossier
    assert pipeline.bundel(x) is eerst  # the same kept bundle: nothing computed again
    db.session.get(Aanbod, db.session.scalar(select(Aanbod.id))).naam = "Spelotheek (nieuw)"
    db.session.commit()
    assert _feitenrevisie(x) != fx and _feitenrevisie(y) == fy
    assert pipeline.bundel(x) is not eerst


def test_a_count_of_referrals_leaves_the_facts_and_bundle_alone(ctx):
    """'+1' (aantal_per_jaar) and a remark on a verwijzing are no facts (graaf/models.py): the
    revisie changes (the graph shows the count: graaf/queries.aantallen), the feitenrevisie and
    the kept bundle do not; the facts carry no count at all. A new link is a fact."""
    x, y, a, b, c = _two_networks()
    v = f.verwijzing(db.session.get(Organisatie, a), db.session.get(Organisatie, b))
    db.session.commit()
    eerst = pipeline.bundel(x)
    db.session.commit()
    for kolom, waarde in (("aantal_per_jaar", 7), ("opmerking", "loopt goed")):
        rx, fx = _revisie(x), _feitenrevisie(x)
        setattr(v, kolom, waarde)
        db.session.commit()
        assert _revisie(x) != rx and _feitenrevisie(x) == fx, kolom
        assert pipeline.bundel(x) is eerst, kolom
    cache.clear()
    assert [w.aantal_per_jaar for w in netwerk_facts(x).verwijzingen] == [None]
    fx = _feitenrevisie(x)
    f.verwijzing(db.session.get(Organisatie, b), db.session.get(Organisatie, a))
    db.session.commit()
    assert _feitenrevisie(x) != fx


def _gedeeld_token():
    from huisvanhetkind.berekening_models import GedeeldeFeiten
    return db.session.scalar(select(GedeeldeFeiten.revisie))


# a value for each column an edit form can change that the analysis never reads
_BIJZAKEN = {
    Aanbod: {"sleutel": "eigen-sleutel-9", "beschrijving": "Nieuwe uitleg", "contact": "bel ons",
             "openingsuren": "ma 9-12", "laatst_nagekeken_op": date(2026, 1, 5)},
    Organisatie: {"straat": "Kerkstraat 1", "postcode": "9100", "plaats": "Sint-Niklaas",
                  "email": "info@voorbeeld.be", "telefoon": "03 123 45 67",
                  "website": "https://voorbeeld.be", "beschrijving": "Nieuwe uitleg"},
}


def test_columns_the_analysis_never_reads_leave_facts_and_tokens_alone(ctx):
    """__geen_feit_kolommen__ (revisie.py): changing only such columns renews the revisie, not the
    feitenrevisie or the shared token, and the facts read afresh are indeed the same; the
    columns the models list are exactly these plus the ones the ORM keeps itself."""
    x, y, a, b, c = _two_networks()
    kg = f.aanbod(db.session.get(Organisatie, a), "Consultatiebureau", verplicht_kg=True)
    db.session.commit()
    beheerd = {"version", "created_at", "updated_at", "zoektekst", "naam_sleutel"}
    for model, waarden in _BIJZAKEN.items():
        assert set(waarden) | (beheerd & set(model.__table__.c.keys())) == \
            model.__geen_feit_kolommen__, model
        obj = db.session.get(model, kg.id if model is Aanbod else a)
        for kolom, waarde in waarden.items():
            rx, fx, token = _revisie(x), _feitenrevisie(x), _gedeeld_token()
            voor = netwerk_facts(x)
            cache.clear()
            obj.naam = obj.naam  # an edit form sets every field: an equal value is no change
            setattr(obj, kolom, waarde)
            db.session.commit()
            assert _revisie(x) != rx, kolom
            assert (_feitenrevisie(x), _gedeeld_token()) == (fx, token), kolom
            cache.clear()
            assert netwerk_facts(x) == voor, kolom
    obj.naam = "A (nieuwe naam)"  # a fact, and shared (the consultatiebureau's organisation)
    obj.email = "nieuw@voorbeeld.be"
    fx, token = _feitenrevisie(x), _gedeeld_token()
    db.session.commit()
    assert _feitenrevisie(x) != fx and _gedeeld_token() != token
