"""The database → snapshot adapter: the right facts, in a bounded number of queries."""
from datetime import date


from huisvanhetkind.facts import netwerk_facts
from huisvanhetkind.erkenning.models import Actie, Engagement, Zorgregio
from huisvanhetkind.extensions import db
from tests import factories as f
from tests.sql_count import count_statements


def _count_queries(fn):
    return count_statements(fn)


def _network(n_partners: int):
    net = f.netwerk("Groot", gemeenten=("46021", "46025"), coordinator_email="c@x.be")
    orgs = [f.organisatie(f"Org {i}", gemeenten=("46021",)) for i in range(n_partners)]
    for i, o in enumerate(orgs):
        f.lid(net, o, overeenkomst_getekend=i % 2 == 0)
        f.aanbod(o, f"Aanbod {i}", leeftijdsgroepen=("0-3", "ouders"))
        if i:
            f.verwijzing(orgs[i - 1], o, bevestigd=True)
    e = Engagement(netwerk_id=net.id, voorwaarde="E7")
    db.session.add(e)
    db.session.flush()
    db.session.add(Actie(engagement_id=e.id, netwerk_id=net.id, beschrijving="Folder",
                         trekker_id=orgs[0].id, deadline=date(2026, 1, 1), status="lopend"))
    db.session.commit()
    return net, orgs


def test_facts_of_a_network(ctx):
    net, orgs = _network(3)
    outsider = f.organisatie("Buiten", gemeenten=("46025",))
    f.aanbod(outsider, "Verplicht K&G", verplicht_kg=True, gemeenten=())
    f.verwijzing(outsider, orgs[0])
    other = f.netwerk("Buur", gemeenten=("46025",))
    db.session.commit()
    facts = netwerk_facts(net.id)
    assert [p.naam for p in facts.partners] == ["Org 0", "Org 1", "Org 2"]
    assert facts.partners[0].overeenkomst_getekend and not facts.partners[1].overeenkomst_getekend
    assert len(facts.aanbod) == 3 and facts.aanbod[0].leeftijdsgroepen == {"0-3", "ouders"}
    assert len(facts.verwijzingen) == 2  # the outsider's link is not part of the network
    assert [a.voorwaarde for a in facts.acties] == ["E7"]
    assert facts.andere_netwerken[0].naam == other.naam
    assert [a.naam for a in facts.verplicht_kg_buiten] == ["Verplicht K&G"]
    assert facts.zorgregio is None
    db.session.add(Zorgregio(nis="46021", zorgregio="Waasland"))
    db.session.commit()
    assert netwerk_facts(net.id).zorgregio == {"46021": "Waasland"}


def test_query_count_does_not_grow_with_the_network(ctx):
    small, _ = _network(2)
    small_id = small.id
    db.session.expunge_all()
    _, few = _count_queries(lambda: netwerk_facts(small_id))
    db.session.expunge_all()
    big = f.netwerk("Nog groter", gemeenten=("11002",))
    orgs = [f.organisatie(f"B{i}") for i in range(30)]
    for o in orgs:
        f.lid(big, o)
        f.aanbod(o)
    db.session.commit()
    big_id = big.id
    db.session.expunge_all()
    _, many = _count_queries(lambda: netwerk_facts(big_id))
    assert many <= few + 1 and many <= 12


def test_a_member_committed_between_two_statements_shows_up_whole_or_not_at_all(ctx):
    """PostgreSQL's read committed: each statement sees its own moment. A member committed by
    another connection right after the members were read must not bring in its aanbod or its
    verwijzingen alone (that raised a KeyError under the crash gate). On SQLite the read
    transaction is one snapshot, so this holds trivially there."""
    from sqlalchemy import event

    from huisvanhetkind import facts
    from huisvanhetkind.db import aparte_schrijftransactie, set_read_only
    from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, Organisatie

    n, orgs = _network(2)
    netwerk_id, eerste = n.id, orgs[0].id
    nieuw = f.organisatie("Nieuw lid")
    f.aanbod(nieuw, "Aanbod nieuw")
    f.verwijzing(orgs[0], nieuw)
    db.session.flush()
    nieuw_id = nieuw.id
    db.session.commit()
    set_read_only(True)
    gedaan = []

    def na(conn, cursor, statement, *args):
        if not gedaan and "lidmaatschap.lid_sinds" in statement:  # the members query
            gedaan.append(1)
            with aparte_schrijftransactie(db.engine) as c:
                c.execute(Lidmaatschap.__table__.insert().values(
                    netwerk_id=netwerk_id, organisatie_id=nieuw_id, lid_sinds=date(2024, 1, 1),
                    overeenkomst_getekend=False, version=1))
    event.listen(db.engine, "after_cursor_execute", na)
    try:
        eigen = facts._eigen([netwerk_id])[netwerk_id]
    finally:
        event.remove(db.engine, "after_cursor_execute", na)
        set_read_only(False)
    assert gedaan
    leden = {p.id for p in eigen.partners}
    assert eerste in leden
    assert all(a.partner_id in leden for a in eigen.aanbod)
    assert all(v.van in leden and v.naar in leden for v in eigen.verwijzingen)


def test_equal_code_lists_are_one_set_in_memory(ctx):
    """60,000 aanbod share a few hundred code lists: each distinct list is built once per read
    (fewer objects to build, keep, pickle and for the garbage collector to walk)."""
    net, orgs = _network(3)
    aanbod = netwerk_facts(net.id).aanbod
    assert len(aanbod) == 3 and aanbod[0].leeftijdsgroepen == {"0-3", "ouders"}
    assert aanbod[0].leeftijdsgroepen is aanbod[1].leeftijdsgroepen is aanbod[2].leeftijdsgroepen
    assert aanbod[0].functies is aanbod[2].functies
