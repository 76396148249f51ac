"""Every change of domain data lands in the audit log with old and new values."""
from sqlalchemy import select

from huisvanhetkind.audit.log import acting_as
from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Organisatie
from tests import factories as f


def _entries(tabel, record_id):
    return db.session.scalars(select(AuditEntry).where(
        AuditEntry.tabel == tabel, AuditEntry.record_id == str(record_id))
        .order_by(AuditEntry.id)).all()


def test_insert_update_delete_are_recorded(ctx):
    with acting_as("test"):
        org = f.organisatie("Oud", sector="welzijn")
        db.session.commit()
        org.naam = "Nieuw"
        org.gemeenten = ("46021", "46025")
        db.session.commit()
        db.session.delete(org)
        db.session.commit()
    inserted, updated, deleted = _entries("organisatie", org.id)
    assert inserted.actie == "toegevoegd" and inserted.wijzigingen["naam"] == [None, "Oud"]
    assert updated.actie == "gewijzigd"
    assert updated.wijzigingen["naam"] == ["Oud", "Nieuw"]
    assert updated.wijzigingen["gemeenten"] == [["46021"], ["46021", "46025"]]
    assert "version" not in updated.wijzigingen
    assert deleted.actie == "verwijderd" and deleted.wijzigingen["naam"] == ["Nieuw", None]
    assert {e.gebruiker for e in (inserted, updated, deleted)} == {"test"}


def test_web_edit_records_user_and_values(wereld, login, app):
    c = login(wereld.partner_a)
    with app.app_context():
        org = db.session.get(Organisatie, wereld.org_a)
        data = {"naam": "Partner A vzw", "sector": org.sector, "gemeenten": list(org.gemeenten),
                "kbo": org.kbo, "version": org.version}
    r = c.post(f"/organisaties/{wereld.org_a}/bewerken", data=data)
    assert r.status_code == 302, r.get_data(as_text=True)
    with app.app_context():
        last = _entries("organisatie", wereld.org_a)[-1]
        assert last.wijzigingen["naam"] == ["Partner A", "Partner A vzw"]
        assert last.gebruiker == "partner-a@test.be"
        assert last.organisatie_id == wereld.org_a
    log = login(wereld.coordinator_x).get(f"/netwerken/{wereld.netwerk_x}/audit")
    assert "Partner A vzw" in log.get_data(as_text=True)


def test_password_hash_never_in_audit(ctx):
    with acting_as("test"):
        f.gebruiker("partner", "geheim@test.be")
        db.session.commit()
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.tabel == "gebruiker")).all()
    assert entries and all("wachtwoord_hash" not in (e.wijzigingen or {}) for e in entries)
    assert all("session_token" not in (e.wijzigingen or {}) for e in entries)


def test_refused_access_is_logged(wereld, login, app):
    login(wereld.partner_a).get(f"/organisaties/{wereld.org_b}/bewerken")
    with app.app_context():
        refused = db.session.scalars(select(AuditEntry).where(
            AuditEntry.actie == "toegang_geweigerd")).all()
        assert refused and refused[0].gebruiker == "partner-a@test.be"


def test_a_network_log_shows_only_its_own_records_and_its_members_while_members(ctx):
    """Issue 12: Y's log showed X's actions with a shared trekker, X's membership terms, X's
    referrals and changes to a former member's contacts after it left."""
    from datetime import date, timedelta

    from huisvanhetkind.audit.views import netwerk_log_stmt
    from huisvanhetkind.erkenning import operations as erkenning_ops
    from huisvanhetkind.partners.models import Netwerk

    vandaag = date.today()
    with acting_as("test"):
        x, y = f.netwerk("X"), f.netwerk("Y")
        gedeeld, enkel_x = f.organisatie("Gedeeld"), f.organisatie("Enkel X")
        f.lid(x, gedeeld)
        f.lid(x, enkel_x)
        lid_y = f.lid(y, gedeeld, lid_sinds=vandaag - timedelta(days=10))
        c = f.contactpersoon(gedeeld, "Ann")
        db.session.commit()
        erkenning_ops.nieuwe_actie(x.id, "E6", beschrijving="X's stuurgroep",
                                   trekker_id=gedeeld.id, deadline=vandaag + timedelta(days=30))
        f.verwijzing(gedeeld, enkel_x)  # a referral only X relies on
        c.functie = "Coördinator"
        db.session.commit()
        # that change happened two days ago, while a member of Y; since today it is not
        for e in db.session.scalars(select(AuditEntry).where(AuditEntry.tabel == "contactpersoon")):
            e.tijdstip -= timedelta(days=2)
        lid_y.lid_tot = vandaag
        db.session.commit()
        c.telefoon = "03 000 00 00"  # after it left Y: Y does not see it
        db.session.commit()

    def log(n: Netwerk):
        return db.session.scalars(netwerk_log_stmt(n.id)).all()

    y_log = log(y)
    assert not [e for e in y_log if e.tabel in ("actie", "engagement", "verwijzing")]
    assert not [e for e in y_log if e.tabel == "lidmaatschap" and e.netwerk_id == x.id]
    contact = [e.wijzigingen for e in y_log if e.tabel == "contactpersoon"]
    assert any(w.get("functie", [None, None])[1] == "Coördinator" for w in contact)
    assert not any(w.get("telefoon", [None, None])[1] == "03 000 00 00" for w in contact)
    x_log = log(x)
    assert {e.tabel for e in x_log} >= {"actie", "verwijzing", "contactpersoon", "lidmaatschap"}
