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
