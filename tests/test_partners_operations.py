"""State-changing operations of the partners module, without HTTP."""
from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.extensions import db
from huisvanhetkind.fouten import Conflict
from huisvanhetkind.partners import operations as ops
from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, Netwerk
from tests import factories as f


def _netwerk(netwerk_id):
    return db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id)
                             .options(selectinload(Netwerk.werkingsgebied)))


def test_create_network_with_whole_municipalities_and_parts(ctx):
    n = ops.maak_netwerk(" HvK Gent-Noord ", [("44021", "Brugse Poort"), ("44021", "Rabot"),
                                             ("46021", "")], rechtsvorm="vzw")
    db.session.commit()
    n = _netwerk(n.id)
    assert n.naam == "HvK Gent-Noord" and n.rechtsvorm == "vzw"
    assert sorted((d.nis, d.deel) for d in n.werkingsgebied) == [
        ("44021", "Brugse Poort"), ("44021", "Rabot"), ("46021", "")]
    assert ops.naam_bestaat("HvK Gent-Noord") and not ops.naam_bestaat("HvK Gent-Noord", n.id)


def test_werkingsgebied_change_keeps_rows_and_moves_the_version(ctx):
    n = f.netwerk("X", gemeenten=("46021", "46025"))
    db.session.commit()
    n = _netwerk(n.id)
    kept = next(d.id for d in n.werkingsgebied if d.nis == "46021")
    version = n.version
    assert ops.zet_werkingsgebied(n, [("46021", ""), ("46025", "Tielrode")])
    db.session.commit()
    n = _netwerk(n.id)
    assert {(d.nis, d.deel) for d in n.werkingsgebied} == {("46021", ""), ("46025", "Tielrode")}
    assert next(d.id for d in n.werkingsgebied if d.nis == "46021") == kept
    assert n.version == version + 1
    assert not ops.zet_werkingsgebied(n, [("46025", "Tielrode"), ("46021", "")])


def test_a_save_racing_ours_between_read_and_write_is_a_conflict_that_writes_nothing(ctx):
    n = f.netwerk("X", gemeenten=("46021",))
    db.session.commit()
    n = _netwerk(n.id)
    version = n.version
    db.session.expunge(n)  # we read it; then, before our write, another request saves it
    db.session.commit()
    with db.engine.begin() as conn:
        conn.execute(update(Netwerk.__table__).where(Netwerk.__table__.c.id == n.id)
                     .values(beschrijving="Ander", version=version + 1))
    db.session.add(n)
    with pytest.raises(Conflict) as e:  # our version check passed: the flush finds the race
        ops.wijzig_netwerk(n, {"beschrijving": "Mijn"}, version, delen=[("46025", "")])
    assert e.value.version == version + 1 and e.value.opgeslagen == {
        "beschrijving": "Ander", "werkingsgebied": "Sint-Niklaas"}
    db.session.rollback()
    n = _netwerk(n.id)
    assert [(d.nis, d.deel) for d in n.werkingsgebied] == [("46021", "")]
    assert (n.beschrijving, n.version) == ("Ander", version + 1)


def test_coordinators_are_assigned_and_logged(ctx):
    n = f.netwerk("X")
    c1, c2 = f.gebruiker("coordinator"), f.gebruiker("coordinator")
    partner = f.gebruiker("partner")
    db.session.commit()
    assert ops.zet_coordinatoren(n, [c1.id, partner.id])
    db.session.commit()
    ids = set(db.session.scalars(select(Gebruiker.id).join(Gebruiker.netwerken)
                                 .where(Netwerk.id == n.id)))
    assert ids == {c1.id}  # a partner cannot become a coordinator through this
    assert ops.zet_coordinatoren(n, [c2.id])
    db.session.commit()
    assert set(db.session.scalars(select(Gebruiker.id).join(Gebruiker.netwerken)
                                  .where(Netwerk.id == n.id))) == {c2.id}
    events = db.session.scalars(select(AuditEntry.omschrijving)
                                .where(AuditEntry.actie == "coordinatoren_gewijzigd")).all()
    assert len(events) == 2 and c2.email in events[1]


def test_organisation_with_a_taken_kbo_is_refused(ctx):
    ops.maak_organisatie("Eerste", "welzijn", kbo=f.kbo_nummer(42))
    with pytest.raises(ops.OperatieFout):
        ops.maak_organisatie("Tweede", "welzijn", kbo=f.kbo_nummer(42))


def test_leaving_keeps_history_and_rejoining_reactivates(ctx):
    n = f.netwerk("X")
    org = f.organisatie("Org")
    lid = ops.voeg_lid_toe(n.id, org.id, lid_sinds=date(2023, 5, 1), rol="trekker",
                           overeenkomst_getekend=True, overeenkomst_datum=date(2023, 6, 1))
    with pytest.raises(ops.OperatieFout, match="al lid"):
        ops.voeg_lid_toe(n.id, org.id)
    with pytest.raises(ops.OperatieFout, match="vóór"):
        ops.beeindig_lidmaatschap(lid, date(2023, 1, 1), lid.version)
    ops.beeindig_lidmaatschap(lid, date(2024, 12, 31), lid.version, "Org")
    db.session.commit()
    assert db.session.get(Lidmaatschap, lid.id).lid_tot == date(2024, 12, 31)
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.actie == "lid_beeindigd"))
    again = ops.voeg_lid_toe(n.id, org.id, lid_sinds=date(2025, 2, 1))
    db.session.commit()
    assert again.id == lid.id and again.actief and again.lid_sinds == date(2025, 2, 1)
    assert not again.overeenkomst_getekend and again.overeenkomst_datum is None


def test_new_aanbod_is_checked_today_and_dates_are_validated(ctx):
    org = f.organisatie("Org")
    a = ops.maak_aanbod(org.id, naam="Babbelbox", aanbodvorm="spel_en_ontmoeting",
                        functies=["ontmoeting"], leeftijdsgroepen=["0-3", "3-6"])
    assert a.laatst_nagekeken_op == date.today() and a.leeftijdsgroepen == ("0-3", "3-6")
    with pytest.raises(ops.OperatieFout, match="einddatum"):
        ops.maak_aanbod(org.id, naam="X", aanbodvorm="informatie",
                        startdatum=date(2025, 5, 1), einddatum=date(2025, 4, 1))
    with pytest.raises(TypeError):
        ops.maak_aanbod(org.id, naam="X", aanbodvorm="informatie", onbekend=1)
    a.laatst_nagekeken_op = date(2020, 1, 1)
    ops.markeer_nagekeken(a)
    assert a.laatst_nagekeken_op == date.today()
    ops.verwijder(a, a.version)
    db.session.commit()
    assert db.session.get(Aanbod, a.id) is None


def test_werkingsgebied_text_uses_the_import_notation(ctx):
    assert ops.werkingsgebied_tekst([("46025", "Tielrode"), ("46021", "")]) == \
        "Sint-Niklaas; Temse: Tielrode"
