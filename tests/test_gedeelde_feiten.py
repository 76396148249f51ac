"""The facts several networks share (other networks' areas, verplicht_kg aanbod of non-members,
zorgregio, indicators) are kept per process under one token, `gedeelde_feiten.revisie`: every
commit that touches them renews it, and nothing else does."""
from sqlalchemy import select

from huisvanhetkind import facts
from huisvanhetkind.berekening_models import GedeeldeFeiten
from huisvanhetkind.erkenning.operations import laad_zorgregio
from huisvanhetkind.extensions import db
from tests import factories as f
from tests.sql_count import sent_statements


def _token():
    return db.session.scalar(select(GedeeldeFeiten.revisie))


def _kg_namen(netwerk_id):
    db.session.rollback()  # a new read transaction, as a new request has
    return [a.naam for a in facts.koppen([netwerk_id])[netwerk_id].verplicht_kg_buiten]


def _selects(netwerk_id) -> int:
    _, statements = sent_statements(lambda: facts.koppen([netwerk_id]))
    return sum(1 for st in statements if st.startswith("SELECT"))


def _opzet():
    net = f.netwerk("Hier", gemeenten=("46021",))
    lid = f.organisatie("Lid", gemeenten=("46021",))
    f.lid(net, lid)
    gewoon = f.aanbod(lid, "Gewoon aanbod")
    buiten = f.organisatie("Consultatiebureau buiten", gemeenten=("46021",))
    kg = f.aanbod(buiten, "Consultatiebureau", verplicht_kg=True, gemeenten=())
    db.session.commit()
    return net.id, gewoon, kg, buiten


def test_a_warm_head_reads_no_shared_facts_and_a_change_is_seen_at_once(ctx):
    netwerk_id, gewoon, kg, buiten = _opzet()
    assert _token() is not None  # the first commit touching shared facts added the row
    assert _kg_namen(netwerk_id) == ["Consultatiebureau"]
    db.session.rollback()
    assert _selects(netwerk_id) == 1  # the network rows with the token; the head is kept

    kg.naam = "Consultatiebureau Zuid"  # an organisation that is no member of the network
    db.session.commit()
    assert _kg_namen(netwerk_id) == ["Consultatiebureau Zuid"]

    kg.verplicht_kg = False  # the flag itself: it was shared, so the change is too
    db.session.commit()
    assert _kg_namen(netwerk_id) == []

    kg.verplicht_kg = True
    db.session.commit()
    buiten.gemeenten = ("46025",)  # the organisation moves out of the area
    db.session.commit()
    assert _kg_namen(netwerk_id) == []


def test_ordinary_aanbod_and_contact_persons_keep_the_token(ctx):
    netwerk_id, gewoon, kg, buiten = _opzet()
    voor = _token()
    gewoon.naam = "Ander gewoon aanbod"
    f.contactpersoon(buiten)
    db.session.commit()
    assert _token() == voor
    other = f.netwerk("Buur", gemeenten=("46021",))  # other networks' areas are shared facts
    db.session.commit()
    assert _token() != voor
    db.session.rollback()
    assert [a.naam for a in facts.koppen([netwerk_id])[netwerk_id].andere_netwerken] == [
        other.naam]


def test_a_bulk_zorgregio_load_renews_the_token(ctx):
    netwerk_id, *_ = _opzet()
    db.session.rollback()
    assert facts.koppen([netwerk_id])[netwerk_id].zorgregio is None
    voor = _token()
    laad_zorgregio({"46021": "Waasland"})
    db.session.commit()
    assert _token() != voor
    db.session.rollback()
    assert facts.koppen([netwerk_id])[netwerk_id].zorgregio == {"46021": "Waasland"}


def test_without_the_row_every_head_reads_the_shared_facts(ctx):
    netwerk_id, *_ = _opzet()
    db.session.execute(GedeeldeFeiten.__table__.delete())
    db.session.commit()
    db.session.rollback()
    assert _selects(netwerk_id) > 2
    laad_zorgregio({"46021": "Waasland"})  # the next shared change adds the row again
    db.session.commit()
    assert _token() is not None


def test_a_kept_head_follows_the_networks_area_without_reading_it(ctx):
    """A kept head is found from the network's row and the shared token alone (one statement):
    a change of its werkingsgebied renews both its feitenrevisie and the token."""
    netwerk_id, *_ = _opzet()
    db.session.rollback()
    assert [d.nis for d in facts.koppen([netwerk_id])[netwerk_id].werkingsgebied] == ["46021"]
    assert _selects(netwerk_id) == 1
    net = db.session.get(f.Netwerk, netwerk_id)
    db.session.add(f.WerkingsgebiedDeel(netwerk_id=netwerk_id, nis="46025", deel=""))
    db.session.commit()
    db.session.rollback()
    assert [d.nis for d in facts.koppen([netwerk_id])[netwerk_id].werkingsgebied] == [
        "46021", "46025"]


def test_a_kept_head_follows_the_networks_row_and_revisie(ctx):
    """facts.koppen keeps each head per row and shared token: a renamed network gets a new
    head and bron; a change outside its facts (a member's contact person) only a new revisie."""
    netwerk_id, gewoon, kg, buiten = _opzet()
    db.session.rollback()
    eerst = facts.koppen([netwerk_id])[netwerk_id]
    assert facts.koppen([netwerk_id])[netwerk_id] is eerst  # kept
    net = db.session.get(f.Netwerk, netwerk_id)
    net.naam = "Hier en nu"
    db.session.commit()
    hernoemd = facts.koppen([netwerk_id])[netwerk_id]
    assert hernoemd.rij[1] == "Hier en nu" and hernoemd.bron != eerst.bron
    assert hernoemd.revisie != eerst.revisie
    f.contactpersoon(db.session.get(f.Organisatie, gewoon.organisatie_id), "Nieuw contact")
    db.session.commit()
    later = facts.koppen([netwerk_id])[netwerk_id]
    assert later.bron == hernoemd.bron and later.revisie != hernoemd.revisie
